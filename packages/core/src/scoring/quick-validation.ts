import type { z } from 'zod';
import { isPeriod } from '@par/calendar';
import type { Framework, FrameworkNode } from '../frameworks/framework-schema.js';
import { ID_PATTERN } from '../shared/identifiers.js';
import { isPlain, plainArray, plainWith } from '../shared/plain-data.js';
import { EMPTY_LIST } from '../shared/deep-freeze.js';
import { microOf, tryToMicro } from '../shared/points.js';
import { AssessmentSchema, AssessmentStatusSchema, MAX_RULE_INPUT, TIMELINESS_VALUES, type Assessment, type AssessmentEntry, type AssessmentStatus, type RuleInput } from './assessment-schema.js';
import { CHANNELS, compileFramework, type CompiledFramework } from './compiled-framework.js';
import { factsOf, IMPORTED_CHANNELS } from './framework-facts.js';
import { uncheckedInputProblem } from './rule-evaluation.js';
import { ColumnsBuilder, LEAF_LIMIT, STRIDE, writeEntry, writePlainCells, type AssessmentColumns } from './assessment-columns.js';
import { sealColumns } from './seal.js';

// `parseAssessment` checks an assessment with `AssessmentSchema` and then against its framework. Both are exact but
// slow on a province's files (about 100 µs for 150 leaves, most of it in the schema), so the shape most files have is
// recognised first, here, in one pass over plain values: entries of a code, self points or a measured input, and
// appraisal rounds, N/A declarations, imported points. Anything else (a note, evidence, an explanation, a date, a
// value of another type, an unknown key, any problem at all) returns `undefined`, and the document goes through the
// schema and the checks, which name every problem. What this returns is what the schema would return, key for key,
// and it passes every check (a property test holds both on random and broken documents).

const HeaderSchema = AssessmentSchema.omit({ entries: true });
type Header = z.output<typeof HeaderSchema>;
const HEADER_KEYS = new Set(['unitId', 'framework', 'period', 'status', 'evidence', 'entries']);
const TIMELINESS: ReadonlySet<unknown> = new Set(TIMELINESS_VALUES);
const STATUSES: ReadonlySet<unknown> = new Set(AssessmentStatusSchema.options);

/**
 * Decodes the strings of a document given as a binary string (`parseAssessmentsJson`); `null` for one it cannot
 * decode. Ids, codes, periods and the values of lists are only ever ASCII (their patterns), compared as they are.
 */
export type Decode = (s: string) => string | null;

/** `v` decoded when it is a string of a binary document, else as it is. */
const decoded = (v: unknown, decode: Decode | undefined): unknown => (decode !== undefined && typeof v === 'string' ? decode(v) : v);

/** The header of an assessment: its fields but the entries. */
function withoutEntries(input: Record<string, unknown>): Record<string, unknown> {
  const { entries: _, ...rest } = input;
  return rest;
}

/**
 * The header `HeaderSchema` gives for a header of the common shape (ids, a period, a status or none, no evidence or an
 * empty list), read once, with the schema's key order and defaults; `undefined` for anything else (the schema decides).
 */
function quickHeader(input: Record<string, unknown>, decode: Decode | undefined): Header | undefined {
  const { unitId, framework, period, status, evidence } = input;
  if (typeof unitId !== 'string' || !ID_PATTERN.test(unitId) || !isPeriod(period)) return undefined;
  if (!plainWith(framework, (k) => k === 'id' || k === 'version')) return undefined;
  const id = framework.id;
  const version = decoded(framework.version, decode);
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof version !== 'string' || version.length === 0) return undefined;
  if ((status !== undefined && !STATUSES.has(status)) || (evidence !== undefined && !(plainArray(evidence) && evidence.length === 0))) return undefined;
  return { unitId, framework: { id, version }, period, status: (status ?? 'draft') as AssessmentStatus, evidence: [] };
}

// {@link plainWith} for the three shapes of every entry, each with its keys in a switch: a predicate passed to one
// shared function is a call the engine cannot inline, a million times over on a province's files
/** An entry's object: a plain object of the keys {@link entryKey} takes, none `undefined`. */
function plainEntry(v: unknown): v is Record<string, unknown> {
  if (!isPlain(v)) return false;
  for (const k in v) {
    switch (k) {
      case 'code':
      case 'self':
      case 'appraisals':
      case 'notApplicable':
      case 'imported':
        if (v[k] === undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
/** Self scores: a plain object of the keys {@link selfKey} takes, none `undefined`. */
function plainSelf(v: unknown): v is Record<string, unknown> {
  if (!isPlain(v)) return false;
  for (const k in v) {
    switch (k) {
      case 'points':
      case 'input':
      case 'evidence':
        if (v[k] === undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
/** An appraisal round: a plain object of the keys {@link roundKey} takes, none `undefined`. */
function plainRound(v: unknown): v is Record<string, unknown> {
  if (!isPlain(v)) return false;
  for (const k in v) {
    switch (k) {
      case 'round':
      case 'points':
      case 'reason':
      case 'appraiser':
        if (v[k] === undefined) return false;
        break;
      default:
        return false;
    }
  }
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
 * The parsed assessment `parseAssessment` gives for `input` (what `AssessmentSchema` would give, sealed), when `input`
 * has the common shape and passes every check of `parseAssessment` against `framework`; otherwise `undefined` (the
 * caller then runs the schema and the checks). The entries the columns alone say are written into them straight from
 * the document, without an object of their own. With `decode`, `input` is from a binary document: each text is
 * decoded before it is checked or kept, and anything the quick path does not take is left to the caller.
 */
export function quickValidation(input: unknown, framework: Framework, decode?: Decode): Assessment | undefined {
  if (!plainWith(input, (k) => HEADER_KEYS.has(k))) return undefined;
  const rawEntries = input.entries;
  if (!plainArray(rawEntries)) return undefined;
  const header: Header | undefined = quickHeader(input, decode) ?? (decode ? undefined : HeaderSchema.safeParse(withoutEntries(input)).data);
  if (!header) return undefined;
  const { status, evidence } = header;
  if (header.framework.id !== framework.id || header.framework.version !== framework.version) return undefined;
  if (evidence.length > 1 && new Set(evidence.map((e) => e.id)).size !== evidence.length) return undefined;
  const facts = leafFactsOf(framework);
  if (facts.cf.leaves.length >= LEAF_LIMIT) return undefined;
  // 32-bit cells, or doubles when a value does not fit them
  const columns = quickColumns(rawEntries, facts, status, Int32Array, decode) ?? quickColumns(rawEntries, facts, status, Float64Array, decode);
  return columns === INVALID || columns === undefined ? undefined : sealColumns(header, columns);
}

/** Stands for entries the quick path does not take (the schema and the checks then name the problems, if any). */
const INVALID = Symbol('invalid');

/** The columns of the entries when each has the common shape and passes its checks; {@link INVALID}; or `undefined` when a value does not fit the cells' type. */
function quickColumns(rawEntries: readonly unknown[], facts: LeafFacts, status: AssessmentStatus, type: Int32ArrayConstructor | Float64ArrayConstructor, decode: Decode | undefined): AssessmentColumns | typeof INVALID | undefined {
  const { cf } = facts;
  // by leaf position: 1 listed, 2 listed and scored (a list for each call: a getter of the document may parse another)
  const seen = new Uint8Array(cf.leaves.length);
  const b = new ColumnsBuilder(cf, new type(rawEntries.length * STRIDE));
  let inLeafOrder = rawEntries.length === cf.leaves.length;
  for (let i = 0; i < rawEntries.length; i++) {
    const raw = rawEntries[i];
    if (!plainEntry(raw) || typeof raw.code !== 'string') return INVALID;
    // entries mostly list the leaves in the framework's order: try the leaf at the entry's own position first
    const guess = i < cf.leaves.length && cf.codes[cf.leaves[i]!] === raw.code ? cf.leaves[i]! : cf.byCode.get(raw.code);
    const pos = guess === undefined ? -1 : cf.leafPos[guess]!;
    if (pos === -1 || seen[pos] !== 0) return INVALID;
    if (pos !== i) inLeafOrder = false;
    if (raw.notApplicable === undefined && raw.imported === undefined) {
      const marks = quickPlain(raw, facts, pos, status, b, i, decode);
      if (marks === undefined || marks === 0) return marks === 0 ? INVALID : undefined;
      seen[pos] = marks;
      continue;
    }
    const entry = quickEntry(raw, facts, pos, status, decode);
    if (!entry) return INVALID;
    if (writeEntry(b, entry, i) === undefined) return undefined;
    seen[pos] = entry.self || entry.appraisals.length > 0 || entry.notApplicable || entry.imported ? 2 : 1;
  }
  if (status !== 'draft') for (let k = 0; k < facts.required.length; k++) if (seen[facts.required[k]!] !== 2) return INVALID;
  return b.columns(inLeafOrder);
}

/**
 * Checks an entry of a code, self points or a measured input, and appraisal rounds (no more), and writes it as entry
 * `i` of `b`: 2 when it scores its leaf, 1 when it only lists it, 0 when it is not of this shape or fails a check,
 * `undefined` when a value does not fit 32-bit cells.
 */
function quickPlain(raw: Record<string, unknown>, facts: LeafFacts, pos: number, status: AssessmentStatus, b: ColumnsBuilder, i: number, decode: Decode | undefined): 0 | 1 | 2 | undefined {
  const node = facts.node[pos]!;
  let p: unknown;
  let x: unknown;
  const { self: rawSelf, appraisals: rawAppraisals } = raw;
  if (rawSelf !== undefined) {
    const s = rawSelf;
    if (facts.imported[pos] === 1 || !plainSelf(s) || (s.evidence !== undefined && !(plainArray(s.evidence) && s.evidence.length === 0))) return 0;
    p = s.points;
    x = s.input;
    if ((p === undefined && x === undefined) || (p !== undefined && !fits(p, facts, pos))) return 0;
    if (x !== undefined && (!ruleInput(x) || (node.rule && uncheckedInputProblem(node.rule, x)))) return 0;
  }
  // each round read once and checked, both before either is written (what is checked is what is kept)
  let n = 0;
  let q1: unknown, name1: string | undefined, reason1: unknown, q2: unknown, name2: string | undefined, reason2: unknown;
  if (rawAppraisals !== undefined) {
    const list = rawAppraisals;
    if (!plainArray(list) || list.length > 2 || (list.length > 0 && (status === 'draft' || status === 'submitted'))) return 0;
    for (n = 0; n < list.length; n++) {
      const r = list[n];
      if (!plainRound(r)) return 0;
      const { round, points: q } = r;
      const name = trimmed(decoded(r.appraiser, decode));
      const reason = decoded(r.reason, decode);
      if (round !== n + 1 || (round === 2 && status === 'underAppraisal') || !fits(q, facts, pos) || name === undefined || (reason !== undefined && typeof reason !== 'string')) return 0;
      if (n === 0) (q1 = q), (name1 = name), (reason1 = reason);
      else (q2 = q), (name2 = name), (reason2 = reason);
    }
  }
  if (n > 0 && !b.addRound(i, 1, microOf(q1 as number), name1!, reason1 as string | undefined)) return undefined;
  if (n > 1 && !b.addRound(i, 2, microOf(q2 as number), name2!, reason2 as string | undefined)) return undefined;
  if (!writePlainCells(b, i, pos, p as number | undefined, x as RuleInput | undefined, n === 0 ? undefined : ((n === 1 ? q1 : q2) as number))) return undefined;
  return p !== undefined || x !== undefined || n > 0 ? 2 : 1;
}

/** One entry as the schema gives it, when it has the common shape and passes the checks for its leaf; else `undefined`. */
export function quickEntry(raw: Record<string, unknown>, facts: LeafFacts, pos: number, status: AssessmentStatus, decode?: Decode): AssessmentEntry | undefined {
  const node = facts.node[pos]!;
  const importedChannel = facts.imported[pos] === 1;
  // each part read once: what is checked is what is kept
  const { self: rawSelf, appraisals: rawAppraisals, notApplicable: rawNotApplicable, imported: rawImported } = raw;
  let self: AssessmentEntry['self'];
  if (rawSelf !== undefined) {
    const s = rawSelf;
    if (importedChannel || !plainWith(s, selfKey) || (s.evidence !== undefined && !(plainArray(s.evidence) && s.evidence.length === 0))) return undefined;
    const { points: p, input: x } = s;
    if ((p === undefined && x === undefined) || (p !== undefined && !fits(p, facts, pos))) return undefined;
    if (x !== undefined && (!ruleInput(x) || (node.rule && uncheckedInputProblem(node.rule, x)))) return undefined;
    self = p === undefined ? { input: x as RuleInput, evidence: EMPTY_LIST } : x === undefined ? { points: p, evidence: EMPTY_LIST } : { points: p, input: x as RuleInput, evidence: EMPTY_LIST };
  }
  let appraisals: AssessmentEntry['appraisals'] = EMPTY_LIST;
  if (rawAppraisals !== undefined) {
    const list = rawAppraisals;
    if (!plainArray(list) || (list.length > 0 && (status === 'draft' || status === 'submitted'))) return undefined;
    const rounds: AssessmentEntry['appraisals'] = [];
    for (const r of list) {
      if (!plainWith(r, roundKey)) return undefined;
      // each value read once: what is checked is what is kept
      const { round, points: q } = r;
      const appraiser = trimmed(decoded(r.appraiser, decode));
      const reason = decoded(r.reason, decode);
      if (round !== rounds.length + 1 || rounds.length >= 2 || (round === 2 && status === 'underAppraisal')) return undefined;
      if (!fits(q, facts, pos) || appraiser === undefined || (reason !== undefined && typeof reason !== 'string')) return undefined;
      rounds.push(reason === undefined ? { round: round as 1 | 2, points: q, appraiser } : { round: round as 1 | 2, points: q, reason, appraiser });
    }
    // a copy of the exact length: an array grown by push keeps room for 17 (a kept entry's rounds stay in memory)
    if (rounds.length > 0) appraisals = rounds.slice();
  }
  let notApplicable: AssessmentEntry['notApplicable'];
  if (rawNotApplicable !== undefined) {
    const reason = plainWith(rawNotApplicable, reasonKey) ? trimmed(decoded(rawNotApplicable.reason, decode)) : undefined;
    if (reason === undefined || !node.applicability?.notApplicableAllowed || self || rawImported !== undefined || appraisals.length > 0) return undefined;
    notApplicable = { reason };
  }
  let imported: AssessmentEntry['imported'];
  if (rawImported !== undefined) {
    if (!plainWith(rawImported, importedKey)) return undefined;
    const { points: q } = rawImported;
    const source = trimmed(decoded(rawImported.source, decode));
    if (!importedChannel || source === undefined || !fits(q, facts, pos)) return undefined;
    imported = { points: q, source };
  }
  // the schema's key order: code, self, appraisals, explanation, notApplicable, imported
  const code = facts.cf.codes[facts.cf.leaves[pos]!]!;
  if (!notApplicable && !imported) return self ? { code, self, appraisals } : { code, appraisals };
  return { code, ...(self ? { self } : {}), appraisals, ...(notApplicable ? { notApplicable } : {}), ...(imported ? { imported } : {}) };
}
