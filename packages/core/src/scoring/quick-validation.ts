import type { Framework, FrameworkNode } from '../frameworks/framework-schema.js';
import { EMPTY_LIST } from '../shared/deep-freeze.js';
import { microOf, tryToMicro } from '../shared/points.js';
import { AssessmentSchema, MAX_RULE_INPUT, TIMELINESS_VALUES, type Assessment, type AssessmentEntry, type AssessmentStatus, type RuleInput } from './assessment-schema.js';
import { CHANNELS, compileFramework, type CompiledFramework } from './compiled-framework.js';
import { factsOf, IMPORTED_CHANNELS } from './framework-facts.js';
import { uncheckedInputProblem } from './rule-evaluation.js';

// `parseAssessment` checks an assessment with `AssessmentSchema` and then against its framework. Both are exact but
// slow on a province's files (about 100 µs for 150 leaves, most of it in the schema), so the shape most files have is
// recognised first, here, in one pass over plain values: entries of a code, self points or a measured input, and
// appraisal rounds, N/A declarations, imported points. Anything else (a note, evidence, an explanation, a date, a
// value of another type, an unknown key, any problem at all) returns `undefined`, and the document goes through the
// schema and the checks, which name every problem. What this returns is what the schema would return, key for key,
// and it passes every check (a property test holds both on random and broken documents).

const HeaderSchema = AssessmentSchema.omit({ entries: true });
const HEADER_KEYS = new Set(['unitId', 'framework', 'period', 'status', 'evidence', 'entries']);
const TIMELINESS: ReadonlySet<unknown> = new Set(TIMELINESS_VALUES);

/** A plain object (made by a literal or `JSON.parse`) whose own keys are all in `keys` and hold no `undefined`. */
export function plainWith(value: unknown, keys: (key: string) => boolean): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!keys(key) || (value as Record<string, unknown>)[key] === undefined) return false;
  return true;
}

/** An array made by a literal or `JSON.parse`, without holes. */
function plainArray(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}

/** Exact non-negative points (the schema's `NonNegativePointsSchema`). */
const points = (v: unknown): v is number => typeof v === 'number' && v >= 0 && tryToMicro(v) !== undefined;

/** A measured input (the schema's `RuleInputSchema`). */
const ruleInput = (v: unknown): v is RuleInput => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_RULE_INPUT) || typeof v === 'boolean' || (typeof v === 'string' && TIMELINESS.has(v));

const selfKey = (k: string) => k === 'points' || k === 'input' || k === 'evidence';
export const entryKey = (k: string) => k === 'code' || k === 'self' || k === 'appraisals' || k === 'notApplicable' || k === 'imported';
const reasonKey = (k: string) => k === 'reason';
const importedKey = (k: string) => k === 'points' || k === 'source';
/** A string the schema trims and requires non-empty: the trimmed text, or `undefined`. */
const trimmed = (v: unknown): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);
const roundKey = (k: string) => k === 'round' || k === 'points' || k === 'reason' || k === 'appraiser';

/** What the quick path needs of each leaf of a framework, by leaf position (worked out once per framework). */
export interface LeafFacts {
  readonly cf: CompiledFramework;
  readonly node: readonly FrameworkNode[];
  /** The leaf's maximum and its manual step in micro-points (0: no step). */
  readonly maxMicro: Float64Array;
  readonly stepMicro: Float64Array;
  /** Whether the leaf is on the survey or leadership channel (points imported, never self-scored). */
  readonly imported: Uint8Array;
  /** The leaves every assessment past `draft` scores. */
  readonly required: Int32Array;
}

const leafFacts = new WeakMap<CompiledFramework, LeafFacts>();

/** The {@link LeafFacts} of a framework. */
export function leafFactsOf(framework: Framework): LeafFacts {
  const cf = compileFramework(framework);
  let facts = leafFacts.get(cf);
  if (facts) return facts;
  const node = Array.from(cf.leaves, (n) => cf.nodes[n]!);
  const step = (n: FrameworkNode) => (n.rule?.kind === 'manual' ? (n.rule as { step?: number }).step : undefined);
  facts = {
    cf,
    node,
    maxMicro: cf.leafMaxMicro,
    stepMicro: Float64Array.from(node, (n) => microOf(step(n) ?? 0)),
    imported: Uint8Array.from(cf.leafChannel, (c) => (IMPORTED_CHANNELS.has(CHANNELS[c]!) ? 1 : 0)),
    required: Int32Array.from(factsOf(framework).required, (code) => cf.leafPos[cf.byCode.get(code)!]!),
  };
  leafFacts.set(cf, facts);
  return facts;
}

/** Whether `p` is exact non-negative points within the leaf's maximum and on its step. */
function fits(p: unknown, facts: LeafFacts, pos: number): p is number {
  if (!points(p)) return false;
  const micro = microOf(p);
  const step = facts.stepMicro[pos]!;
  return micro <= facts.maxMicro[pos]! && (step === 0 || micro % step === 0);
}

/**
 * The assessment `AssessmentSchema` would give for `input`, when `input` has the common shape and passes every check
 * of `parseAssessment` against `framework`; otherwise `undefined` (the caller then runs the schema and the checks).
 */
export function quickValidation(input: unknown, framework: Framework): Assessment | undefined {
  if (!plainWith(input, (k) => HEADER_KEYS.has(k)) || !plainArray(input.entries)) return undefined;
  const { entries: rawEntries, ...rest } = input;
  const header = HeaderSchema.safeParse(rest);
  if (!header.success) return undefined;
  const { status, evidence } = header.data;
  if (header.data.framework.id !== framework.id || header.data.framework.version !== framework.version) return undefined;
  if (new Set(evidence.map((e) => e.id)).size !== evidence.length) return undefined;
  const facts = leafFactsOf(framework);
  const { cf } = facts;
  // by leaf position: 1 listed, 2 listed and scored
  const seen = new Uint8Array(cf.leaves.length);
  const entries: AssessmentEntry[] = [];
  for (let i = 0; i < rawEntries.length; i++) {
    const raw = rawEntries[i];
    if (!plainWith(raw, entryKey) || typeof raw.code !== 'string') return undefined;
    // entries mostly list the leaves in the framework's order: try the leaf at the entry's own position first
    const guess = i < cf.leaves.length && cf.codes[cf.leaves[i]!] === raw.code ? cf.leaves[i]! : cf.byCode.get(raw.code);
    const pos = guess === undefined ? -1 : cf.leafPos[guess]!;
    if (pos === -1 || seen[pos] !== 0) return undefined;
    const entry = quickEntry(raw, facts, pos, status);
    if (!entry) return undefined;
    seen[pos] = entry.self || entry.appraisals.length > 0 || entry.notApplicable || entry.imported ? 2 : 1;
    entries.push(entry);
  }
  if (status !== 'draft') for (const pos of facts.required) if (seen[pos] !== 2) return undefined;
  return { ...header.data, entries } as Assessment;
}

/** One entry as the schema gives it, when it has the common shape and passes the checks for its leaf; else `undefined`. */
export function quickEntry(raw: Record<string, unknown>, facts: LeafFacts, pos: number, status: AssessmentStatus): AssessmentEntry | undefined {
  const node = facts.node[pos]!;
  const importedChannel = facts.imported[pos] === 1;
  let self: AssessmentEntry['self'];
  if (raw.self !== undefined) {
    const s = raw.self;
    if (importedChannel || !plainWith(s, selfKey) || (s.evidence !== undefined && !(plainArray(s.evidence) && s.evidence.length === 0))) return undefined;
    const { points: p, input: x } = s;
    if ((p === undefined && x === undefined) || (p !== undefined && !fits(p, facts, pos))) return undefined;
    if (x !== undefined && (!ruleInput(x) || (node.rule && uncheckedInputProblem(node.rule, x)))) return undefined;
    self = p === undefined ? { input: x as RuleInput, evidence: EMPTY_LIST } : x === undefined ? { points: p, evidence: EMPTY_LIST } : { points: p, input: x as RuleInput, evidence: EMPTY_LIST };
  }
  let appraisals: AssessmentEntry['appraisals'] = EMPTY_LIST;
  if (raw.appraisals !== undefined) {
    const list = raw.appraisals;
    if (!plainArray(list) || (list.length > 0 && (status === 'draft' || status === 'submitted'))) return undefined;
    const rounds: AssessmentEntry['appraisals'] = [];
    for (const r of list) {
      if (!plainWith(r, roundKey) || r.round !== rounds.length + 1 || (r.round === 2 && status === 'underAppraisal')) return undefined;
      const appraiser = trimmed(r.appraiser);
      if (!fits(r.points, facts, pos) || appraiser === undefined || (r.reason !== undefined && typeof r.reason !== 'string')) return undefined;
      const round = r.round as 1 | 2;
      rounds.push(r.reason === undefined ? { round, points: r.points, appraiser } : { round, points: r.points, reason: r.reason, appraiser });
    }
    // a copy of the exact length: an array grown by push keeps room for 17 (a kept entry's rounds stay in memory)
    if (rounds.length > 0) appraisals = rounds.slice();
  }
  let notApplicable: AssessmentEntry['notApplicable'];
  if (raw.notApplicable !== undefined) {
    const reason = plainWith(raw.notApplicable, reasonKey) ? trimmed(raw.notApplicable.reason) : undefined;
    if (reason === undefined || !node.applicability?.notApplicableAllowed || self || raw.imported !== undefined || appraisals.length > 0) return undefined;
    notApplicable = { reason };
  }
  let imported: AssessmentEntry['imported'];
  if (raw.imported !== undefined) {
    const i = raw.imported;
    const source = plainWith(i, importedKey) ? trimmed(i.source) : undefined;
    if (!importedChannel || source === undefined || !fits((i as { points?: unknown }).points, facts, pos)) return undefined;
    imported = { points: (i as { points: number }).points, source };
  }
  // the schema's key order: code, self, appraisals, explanation, notApplicable, imported
  const code = facts.cf.codes[facts.cf.leaves[pos]!]!;
  if (!notApplicable && !imported) return self ? { code, self, appraisals } : { code, appraisals };
  return { code, ...(self ? { self } : {}), appraisals, ...(notApplicable ? { notApplicable } : {}), ...(imported ? { imported } : {}) };
}
