import type { Framework } from '../frameworks/framework-schema.js';
import { fromMicro } from '../shared/points.js';
import { IssueList } from '@par/calendar';
import { z } from 'zod';
import { ID_PATTERN, IdSchema } from '../shared/identifiers.js';
import { markParsed } from '../shared/parsed.js';
import { ArgumentCheck } from './arguments.js';
import type { Assessment, RuleInput } from './assessment-schema.js';
import { CHANNELS, compileFramework, type CompiledFramework } from './compiled-framework.js';
import { evidenceWarnings } from './evidence-checks.js';
import { bandFor, clampedIndex, compareRatios, percentRounded } from './exact-ratio.js';
import type { IndexResult, IndexResultSet, NodeResult, TieBreak } from './index-result.js';
import { checkMetrics, groupMetrics, type Metric } from './metric.js';
import { NO_TIER } from './compiled-rule.js';
import { APPLICABLE, APPRAISED, evaluateUnit, FINAL, LeafScratch, SELF, SOURCES, unitTotals, type ChannelTotals, type ScoringWarning } from './unit-evaluation.js';

/** What a unit must say about itself for applicability and peer groups. */
export interface UnitFacts {
  readonly id: string;
  readonly kind: string;
  readonly tags?: readonly string[];
}

/** Options of {@link computeIndex} and {@link createIndexEngine}. */
export interface IndexOptions {
  /** Metric values; those of the assessment's period score metric-bound leaves. */
  readonly metrics?: readonly Metric[];
  /** Unit kinds and tags: node applicability and peer groups by kind. */
  readonly units?: readonly UnitFacts[];
  /** Peer groups: by `unitKind` (the default when units are given), `all` in one group, or a function. */
  readonly peerGroup?: 'unitKind' | 'all' | ((unit: UnitFacts | undefined, unitId: string) => string);
  /** Tie-break rule for ranks. Default `shared`: equal index, equal rank. */
  readonly tieBreak?: TieBreak;
}

interface UnitState {
  readonly assessment: Assessment;
  readonly totals: ChannelTotals;
  readonly finalMicro: number;
  readonly applicableMicro: number;
  readonly tieMicro: number;
  readonly group: string;
  readonly key: number;
  readonly band: string | null;
  readonly warnings: readonly ScoringWarning[];
}

/** An index computation kept in memory, recomputed one unit at a time. */
export interface IndexEngine {
  /** Adds or replaces one unit's assessment (validate it with `parseAssessment` first). */
  set(assessment: Assessment): void;
  /** Removes a unit. */
  remove(unitId: string): void;
  /** One unit's current result, its rank found in its peer group's order (logarithmic time). */
  result(unitId: string): IndexResult | undefined;
  /** An immutable snapshot of every unit's current result. */
  results(): IndexResultSet;
}

/**
 * Computes every unit's points per channel, applicable maximum, index, band and competition rank within its
 * peer group, exactly: points are summed in integer millionths, the index is compared as an exact ratio, and
 * rounding happens once, in the result. Throws {@link ParValidationError} when assessments are for another
 * framework version or period, or a unit is assessed twice.
 */
export function computeIndex(framework: Framework, assessments: readonly Assessment[], options: IndexOptions = {}): IndexResultSet {
  const args = new ArgumentCheck('computeIndex').framework(framework).assessments(assessments);
  checkIndexOptions(args, options);
  args.done();
  const issues = new IssueList();
  const seen = new Set<string>();
  assessments.forEach((a, i) => {
    if (a.framework.id !== framework.id || a.framework.version !== framework.version) {
      issues.add(['assessments', i, 'framework'], 'framework_mismatch', `Assessment of "${a.unitId}" is for ${a.framework.id}@${a.framework.version}, not ${framework.id}@${framework.version}`);
    }
    if (a.period !== assessments[0]!.period) issues.add(['assessments', i, 'period'], 'period_mismatch', `Assessment of "${a.unitId}" is for ${a.period}, not ${assessments[0]!.period}`);
    if (seen.has(a.unitId)) issues.add(['assessments', i, 'unitId'], 'duplicate_unit', `Unit "${a.unitId}" is assessed twice`);
    seen.add(a.unitId);
  });
  issues.throwIfAny('index computation');
  const engine = new Engine(compileFramework(framework), options);
  engine.load(assessments, issues);
  issues.throwIfAny('index computation');
  return engine.results();
}

/**
 * Creates an {@link IndexEngine}: set assessments one by one, ask for results as often as needed. Throws
 * {@link ParValidationError} for a framework that did not come from `parseFramework` or for bad options.
 */
export function createIndexEngine(framework: Framework, options: IndexOptions = {}): IndexEngine {
  const args = new ArgumentCheck('createIndexEngine').framework(framework);
  checkIndexOptions(args, options);
  args.done();
  return new Engine(compileFramework(framework), options);
}

const UnitFactsSchema = z.object({ id: IdSchema, kind: z.string().min(1), tags: z.array(z.string()).optional() });

/** Whether `u` passes {@link UnitFactsSchema}, without the schema's cost (each value read once). */
function isUnitFacts(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const { id, kind, tags } = u as Record<string, unknown>;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof kind !== 'string' || kind.length === 0) return false;
  if (tags === undefined) return true;
  if (!Array.isArray(tags)) return false;
  for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== 'string') return false;
  return true;
}

/** The checks of {@link IndexOptions} (shared with the functions that take them). */
export function checkIndexOptions(args: ArgumentCheck, options: unknown): void {
  if (!args.options(options)) return;
  checkMetrics(args, options.metrics, ['options', 'metrics']);
  // a province's units through the cheap check first; the schema names the problems of one that fails it
  args.array(options.units, ['options', 'units']).forEach((u, i) => isUnitFacts(u) || args.schema(u, ['options', 'units', i], UnitFactsSchema));
  if (typeof options.peerGroup !== 'function') args.oneOf(options.peerGroup, ['options', 'peerGroup'], ['unitKind', 'all']);
  args.oneOf(options.tieBreak, ['options', 'tieBreak'], ['shared', 'appraisedPoints', 'finalPoints']);
}

/** At most this many units set or removed since a group was ranked are moved one by one; more are ranked by a sort. */
const FEW_CHANGES = 32;

class Engine implements IndexEngine {
  private readonly states = new Map<string, UnitState>();
  /** Each peer group's units in rank order: every unit set and ranked, and units removed since (see `stale`). */
  private readonly groups = new Map<string, UnitState[]>();
  /** Units set since their peer group was last ranked: ranked together when a rank is next needed. */
  private readonly pending = new Map<string, Set<UnitState>>();
  /** Units removed (or replaced) while still in their group's ranked list: taken out with the pending ones. */
  private readonly stale = new Map<string, UnitState[]>();
  private readonly scratch: LeafScratch;
  private readonly units: ReadonlyMap<string, UnitFacts>;
  private metrics = new Map<string, Map<string, RuleInput>>();
  private period: string | undefined;

  constructor(
    private readonly cf: CompiledFramework,
    private readonly options: IndexOptions,
  ) {
    this.scratch = new LeafScratch(cf.leaves.length);
    this.units = new Map((options.units ?? []).map((u) => [u.id, u]));
  }

  private metricsOf(unitId: string, period: string): ReadonlyMap<string, RuleInput> | undefined {
    if (this.period !== period) {
      this.period = period;
      this.metrics = groupMetrics(this.options.metrics ?? [], period);
    }
    return this.metrics.get(unitId);
  }

  private groupOf(unitId: string): string {
    const unit = this.units.get(unitId);
    const rule = this.options.peerGroup ?? (this.options.units ? 'unitKind' : 'all');
    if (typeof rule === 'function') return rule(unit, unitId);
    return rule === 'all' ? 'all' : (unit?.kind ?? 'unknown');
  }

  /** A unit's channel totals; with `leaves`, the scratch arrays hold its leaves too. */
  private evaluate(a: Assessment, warnings: ScoringWarning[] | undefined, leaves = false): ChannelTotals {
    return (leaves ? evaluateUnit : unitTotals)(this.cf, a, this.metricsOf(a.unitId, a.period), this.units.get(a.unitId), this.scratch, warnings);
  }

  /** Loads many assessments into an empty engine, sorting each peer group once; problems go to `issues`. */
  load(assessments: readonly Assessment[], issues: IssueList): void {
    for (let i = 0; i < assessments.length; i++) {
      const a = assessments[i]!;
      const state = this.stateOf(a, issues, i);
      this.states.set(a.unitId, state);
      let list = this.groups.get(state.group);
      if (!list) this.groups.set(state.group, (list = []));
      list.push(state);
    }
    for (const list of this.groups.values()) list.sort((x, y) => this.compare(x, y, false));
  }

  set(a: Assessment): void {
    new ArgumentCheck('IndexEngine.set').assessment(a, ['assessment']).done();
    const issues = new IssueList();
    if (a.framework.id !== this.cf.framework.id || a.framework.version !== this.cf.framework.version) {
      issues.add(['assessment', 'framework'], 'framework_mismatch', `Assessment of "${a.unitId}" is for ${a.framework.id}@${a.framework.version}, not ${this.cf.framework.id}@${this.cf.framework.version}`);
    }
    const state = this.stateOf(a, issues, undefined);
    issues.throwIfAny('index computation');
    this.remove(a.unitId);
    this.states.set(a.unitId, state);
    const pending = this.pending.get(state.group) ?? new Set();
    this.pending.set(state.group, pending.add(state));
  }

  /** A unit's state; a leaf not scored after the draft is a problem at `assessments[index]` (or `assessment`). */
  private stateOf(a: Assessment, issues: IssueList, index: number | undefined): UnitState {
    const warnings: ScoringWarning[] = [];
    const totals = this.evaluate(a, warnings);
    if (a.status !== 'draft' && warnings.length > 0) {
      const missing = warnings.filter((w) => w.kind === 'notScored').map((w) => w.code!);
      const path = index === undefined ? ['assessment', 'entries'] : ['assessments', index, 'entries'];
      if (missing.length > 0) issues.add(path, 'leaves_not_scored', `The assessment of "${a.unitId}" is ${a.status}: every applicable leaf must be scored; not scored: ${missing.join(', ')}`);
    }
    for (const w of evidenceWarnings(this.cf, a)) warnings.push(w);
    let finalMicro = 0;
    let applicableMicro = 0;
    for (let c = 0; c < CHANNELS.length; c++) {
      if (CHANNELS[c] === 'deduction') finalMicro -= totals[FINAL + c]!;
      else finalMicro += totals[FINAL + c]!;
      if (!this.cf.adjustment[c]) applicableMicro += totals[APPLICABLE + c]!;
    }
    if (applicableMicro === 0) warnings.push({ unitId: a.unitId, kind: 'nothingApplicable', message: 'No node applies to the unit; it has no index and no rank' });
    const tieBreak = this.options.tieBreak ?? 'shared';
    return {
      assessment: a,
      totals,
      finalMicro,
      applicableMicro,
      tieMicro: tieBreak === 'appraisedPoints' ? totals[FINAL]! : tieBreak === 'finalPoints' ? finalMicro : 0,
      group: this.groupOf(a.unitId),
      key: applicableMicro === 0 ? Number.NEGATIVE_INFINITY : finalMicro / applicableMicro,
      band: bandFor(this.cf.framework.bands, finalMicro, applicableMicro) ?? null,
      warnings,
    };
  }

  remove(unitId: string): void {
    new ArgumentCheck('IndexEngine.remove').unitId(unitId).done();
    const old = this.states.get(unitId);
    if (!old) return;
    this.states.delete(unitId);
    if (this.pending.get(old.group)?.delete(old)) return;
    const stale = this.stale.get(old.group) ?? [];
    this.stale.set(old.group, stale);
    stale.push(old);
  }

  /**
   * Brings a peer group's ranked list up to date with the units set and removed since: a few are moved one by one
   * (a binary search each), many at once are ranked by one sort, so that setting n units one after another costs
   * n log n, not n².
   */
  private ranked(group: string): UnitState[] {
    const list = this.groups.get(group) ?? [];
    this.groups.set(group, list);
    const pending = this.pending.get(group);
    const stale = this.stale.get(group);
    const changes = (pending?.size ?? 0) + (stale?.length ?? 0);
    if (changes === 0) return list;
    if (changes <= FEW_CHANGES) {
      for (const s of stale ?? []) list.splice(this.lowerBound(list, s, false), 1);
      for (const s of pending ?? []) list.splice(this.lowerBound(list, s, false), 0, s);
    } else {
      let kept = 0;
      for (const s of list) if (this.states.get(s.assessment.unitId) === s) list[kept++] = s;
      list.length = kept;
      for (const s of pending ?? []) list.push(s);
      list.sort((x, y) => this.compare(x, y, false));
    }
    pending?.clear();
    stale?.splice(0);
    return list;
  }

  /**
   * Orders better units first: higher exact index, then the tie-break points, then (unless `rankOnly`) unit id.
   * Units with nothing applicable come last.
   */
  private compare(x: UnitState, y: UnitState, rankOnly: boolean): number {
    if (x.key !== y.key) return x.key > y.key ? -1 : 1;
    const same = x.finalMicro === y.finalMicro && x.applicableMicro === y.applicableMicro;
    if (!same && x.applicableMicro > 0 && y.applicableMicro > 0) {
      // equal doubles may still be different ratios: settle it exactly
      const exact = compareRatios(x.finalMicro, x.applicableMicro, y.finalMicro, y.applicableMicro);
      if (exact !== 0) return -exact;
    }
    if (x.tieMicro !== y.tieMicro) return x.tieMicro > y.tieMicro ? -1 : 1;
    if (rankOnly) return 0;
    return x.assessment.unitId < y.assessment.unitId ? -1 : x.assessment.unitId > y.assessment.unitId ? 1 : 0;
  }

  /** First position in `list` whose unit does not come before `s` (by rank key only, or fully). */
  private lowerBound(list: readonly UnitState[], s: UnitState, rankOnly: boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid]!, s, rankOnly) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Competition rank: one more than the number of units strictly ahead in the peer group. */
  private rankOf(s: UnitState): number | null {
    return s.applicableMicro === 0 ? null : this.lowerBound(this.ranked(s.group), s, true) + 1;
  }

  result(unitId: string): IndexResult | undefined {
    new ArgumentCheck('IndexEngine.result').unitId(unitId).done();
    const s = this.states.get(unitId);
    return s && this.toResult(s, this.rankOf(s));
  }

  results(): IndexResultSet {
    const { framework } = this.cf;
    // Ranks are computed now; result objects are built on first access.
    const order: UnitState[] = [];
    const ranks: (number | null)[] = [];
    for (const group of [...new Set([...this.groups.keys(), ...this.pending.keys()])].sort()) {
      const list = this.ranked(group);
      let rank: number | null = null;
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        if (s.applicableMicro === 0) rank = null;
        else if (i === 0 || this.compare(list[i - 1]!, s, true) !== 0) rank = i + 1;
        order.push(s);
        ranks.push(rank);
      }
    }
    let all: IndexResult[] | undefined;
    let byUnit: Map<string, IndexResult> | undefined;
    const materialise = () => {
      all ??= order.map((s, i) => this.toResult(s, ranks[i]!));
      byUnit ??= new Map(all.map((r) => [r.unitId, r]));
      return { all, byUnit };
    };
    let assessments: Map<string, Assessment> | undefined;
    const assessmentOf = (unitId: string) => (assessments ??= new Map(order.map((s) => [s.assessment.unitId, s.assessment]))).get(unitId);
    return markParsed({
      framework: { id: framework.id, version: framework.version },
      period: order[0]?.assessment.period ?? '',
      rounding: framework.rounding,
      tieBreak: this.options.tieBreak ?? 'shared',
      peerGroups: typeof this.options.peerGroup === 'function' ? 'custom' : (this.options.peerGroup ?? (this.options.units ? 'unitKind' : 'all')),
      get results() {
        return materialise().all;
      },
      get: (unitId) => materialise().byUnit.get(unitId),
      breakdown: (unitId) => {
        const a = assessmentOf(unitId);
        return a ? this.breakdownOf(a) : [];
      },
      assessment: (unitId) => assessmentOf(unitId),
    });
  }

  private toResult(s: UnitState, rank: number | null): IndexResult {
    const { framework } = this.cf;
    const t = s.totals;
    const channels = framework.channels.map((c) => {
      const i = CHANNELS.indexOf(c.id);
      return {
        channel: c.id,
        self: fromMicro(t[SELF + i]!),
        appraised: fromMicro(t[APPRAISED + i]!),
        final: fromMicro(t[FINAL + i]!),
        max: c.maxPoints,
        applicableMax: fromMicro(t[APPLICABLE + i]!),
      };
    });
    let self = 0;
    let appraised = 0;
    let max = 0;
    for (let c = 0; c < CHANNELS.length; c++) {
      if (this.cf.adjustment[c]) continue;
      self += t[SELF + c]!;
      appraised += t[APPRAISED + c]!;
      max += this.cf.channelMaxMicro[c]!;
    }
    const index = clampedIndex(s.finalMicro, s.applicableMicro, framework.rounding.percentDecimals);
    return {
      unitId: s.assessment.unitId,
      peerGroup: s.group,
      rank,
      band: s.band,
      indexPercent: index,
      points: { self: fromMicro(self), appraised: fromMicro(appraised), final: fromMicro(s.finalMicro), max: fromMicro(max), applicableMax: fromMicro(s.applicableMicro) },
      channels,
      warnings: s.warnings,
    };
  }

  private breakdownOf(a: Assessment): NodeResult[] {
    const cf = this.cf;
    this.evaluate(a, undefined, true);
    const s = this.scratch;
    const n = cf.nodes.length;
    const self = new Float64Array(n);
    const final = new Float64Array(n);
    const applicable = new Float64Array(n);
    for (let pos = 0; pos < cf.leaves.length; pos++) {
      const node = cf.leaves[pos]!;
      self[node] = s.self[pos]! < 0 || s.applicable[pos] === 0 ? 0 : s.self[pos]!;
      final[node] = s.final[pos]!;
      applicable[node] = s.applicable[pos]!;
    }
    for (let i = n - 1; i > 0; i--) {
      const p = cf.parent[i]!;
      if (p < 0) continue;
      self[p]! += self[i]!;
      final[p]! += final[i]!;
      applicable[p]! += applicable[i]!;
    }
    const depth = new Int32Array(n);
    return cf.nodes.map((node, i) => {
      depth[i] = cf.parent[i]! < 0 ? 1 : depth[cf.parent[i]!]! + 1;
      const pos = cf.leafPos[i]!;
      const deduction = CHANNELS[cf.channel[i]!] === 'deduction';
      return {
        code: node.code,
        depth: depth[i]!,
        channel: CHANNELS[cf.channel[i]!]!,
        maxPoints: node.maxPoints,
        applicableMaxPoints: fromMicro(applicable[i]!),
        self: fromMicro(self[i]!),
        final: fromMicro(final[i]!),
        lost: fromMicro(deduction ? final[i]! : applicable[i]! - final[i]!),
        componentIndex: applicable[i] === 0 ? null : percentRounded(Math.max(0, final[i]!), applicable[i]!, cf.framework.rounding.percentDecimals),
        ...(pos >= 0 ? { source: SOURCES[s.source[pos]!]! } : {}),
        ...(pos >= 0 && s.tier[pos] !== NO_TIER ? { tier: s.tier[pos]! } : {}),
      };
    });
  }
}
