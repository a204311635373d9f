import { ArgumentCheck } from './arguments.js';
import { indexFramework } from '../frameworks/framework-index.js';
import type { ChannelId, Framework } from '../frameworks/framework-schema.js';
import type { Label } from '../shared/label.js';
import { fromMicro, toMicro } from '../shared/points.js';
import type { Appraisal, RuleInput } from './assessment-schema.js';
import type { IndexResultSet, NodeResult } from './index-result.js';
import { checkMetrics, type Metric } from './metric.js';
import { describeRule } from './rule-evaluation.js';
import type { LeafSource, ScoringWarning } from './unit-evaluation.js';

/** How one leaf was scored for one unit. */
export interface LeafExplanation {
  readonly code: string;
  readonly name: Label;
  readonly channel: ChannelId;
  readonly maxPoints: number;
  readonly applicableMaxPoints: number;
  /** The rule in words. */
  readonly rule: string;
  /** The measured value the rule scored, and where it came from. */
  readonly input?: { readonly value: RuleInput; readonly from: 'metric' | 'self'; readonly metricId?: string; readonly source?: string };
  /** The tier matched (-1: otherwise), for tiered rules. */
  readonly tier?: number;
  readonly self?: number;
  readonly selfNote?: string;
  readonly appraisals: readonly Appraisal[];
  /** The unit's explanation (giải trình). */
  readonly explanation?: string;
  readonly notApplicableReason?: string;
  readonly final: number;
  /** Points lost (for deduction nodes: the points deducted). */
  readonly lost: number;
  readonly source: LeafSource;
}

/** How a unit does on one top-level node compared with its peer group. */
export interface PeerComparison {
  readonly code: string;
  readonly name: Label;
  readonly componentIndex: number;
  /** Median component index of the peer group (the unit included). */
  readonly peerMedian: number;
  /** componentIndex − peerMedian, in percentage points. */
  readonly difference: number;
  /** The unit's competition rank on this node within the peer group. */
  readonly rankInGroup: number;
}

/** Everything behind one unit's result. */
export interface UnitExplanation {
  readonly unitId: string;
  readonly rank: number | null;
  readonly band: string | null;
  readonly indexPercent: number | null;
  readonly peerGroup: string;
  /** Every leaf, in framework order. */
  readonly leaves: readonly LeafExplanation[];
  /** Leaves where points were lost, largest loss first. */
  readonly lostPoints: readonly LeafExplanation[];
  /** Top-level nodes where the unit is above its peers' median, best first. */
  readonly strengths: readonly PeerComparison[];
  /** Top-level nodes where the unit is below its peers' median, worst first. */
  readonly weaknesses: readonly PeerComparison[];
  readonly warnings: readonly ScoringWarning[];
}

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** The metrics the results were computed with, to show which value and source scored a leaf. */
  readonly metrics?: readonly Metric[];
  readonly lang?: 'vi' | 'en';
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : fromMicro(Math.round((toMicro(v[mid - 1]!) + toMicro(v[mid]!)) / 2));
}

/**
 * Explains one unit's result: for every leaf the rule, its input, the tier matched, the self score against the
 * appraisal rounds with their reasons, the explanation and the points lost, largest first; and the unit's
 * strengths and weaknesses against its peer group on each top-level node (scored channels).
 */
export function explain(framework: Framework, results: IndexResultSet, unitId: string, options: ExplainOptions = {}): UnitExplanation | undefined {
  const args = new ArgumentCheck('explain').framework(framework).results(results).unitId(unitId);
  if (args.options(options)) {
    checkMetrics(args, options.metrics, ['options', 'metrics']);
    args.oneOf(options.lang, ['options', 'lang'], ['vi', 'en']);
  }
  args.done();
  const result = results.get(unitId);
  const assessment = results.assessment(unitId);
  if (!result || !assessment) return undefined;
  const index = indexFramework(framework);
  const breakdown = new Map(results.breakdown(unitId).map((n) => [n.code, n]));
  const entries = new Map(assessment.entries.map((e) => [e.code, e]));
  const metrics = new Map(
    (options.metrics ?? []).filter((m) => m.unitId === unitId && m.period === assessment.period).map((m) => [m.metricId, m]),
  );
  const leaves: LeafExplanation[] = [];
  for (const [code, { node, channel, isLeaf }] of index) {
    if (!isLeaf) continue;
    const b = breakdown.get(code)!;
    const e = entries.get(code);
    const metric = node.metric ? metrics.get(node.metric.metricId) : undefined;
    const input = metric
      ? { value: metric.value, from: 'metric' as const, metricId: metric.metricId, source: metric.source }
      : e?.self?.input !== undefined
        ? { value: e.self.input, from: 'self' as const }
        : undefined;
    leaves.push({
      code,
      name: node.name,
      channel,
      maxPoints: node.maxPoints,
      applicableMaxPoints: b.applicableMaxPoints,
      rule: node.rule ? describeRule(node.rule, options.lang) : '',
      ...(input && { input }),
      ...(b.tier !== undefined && { tier: b.tier }),
      ...(b.source !== 'notApplicable' && e?.self && { self: b.self }),
      ...(e?.self?.note && { selfNote: e.self.note }),
      appraisals: e?.appraisals ?? [],
      ...(e?.explanation && { explanation: e.explanation.text }),
      ...(e?.notApplicable && { notApplicableReason: e.notApplicable.reason }),
      final: b.final,
      lost: b.lost,
      source: b.source!,
    });
  }
  const lostPoints = leaves
    .filter((l) => l.lost > 0 && l.channel !== 'bonus')
    .sort((x, y) => y.lost - x.lost || (x.code < y.code ? -1 : 1));

  const peers = results.results.filter((r) => r.peerGroup === result.peerGroup && r.indexPercent !== null).map((r) => r.unitId);
  const tops = framework.nodes.filter((n) => {
    const c = index.get(n.code)!.channel;
    return c !== 'deduction' && c !== 'bonus';
  });
  const peerNodes = new Map<string, Map<string, NodeResult>>(peers.map((p) => [p, new Map(results.breakdown(p).map((n) => [n.code, n]))]));
  const comparisons: PeerComparison[] = [];
  for (const top of tops) {
    const own = breakdown.get(top.code)!;
    if (own.componentIndex === null) continue;
    const values = peers.map((p) => peerNodes.get(p)!.get(top.code)!.componentIndex).filter((v): v is number => v !== null);
    const peerMedian = median(values);
    comparisons.push({
      code: top.code,
      name: top.name,
      componentIndex: own.componentIndex,
      peerMedian,
      difference: fromMicro(toMicro(own.componentIndex) - toMicro(peerMedian)),
      rankInGroup: values.filter((v) => v > own.componentIndex!).length + 1,
    });
  }
  return {
    unitId,
    rank: result.rank,
    band: result.band,
    indexPercent: result.indexPercent,
    peerGroup: result.peerGroup,
    leaves,
    lostPoints,
    strengths: comparisons.filter((c) => c.difference > 0).sort((x, y) => y.difference - x.difference),
    weaknesses: comparisons.filter((c) => c.difference < 0).sort((x, y) => x.difference - y.difference),
    warnings: result.warnings,
  };
}
