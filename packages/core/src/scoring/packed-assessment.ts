import { z } from 'zod';
import { IssueList } from '@par/calendar';
import type { Framework } from '../frameworks/framework-schema.js';
import { ArgumentCheck } from './arguments.js';
import {
  BOOLEAN_INPUT,
  DETAILS_FLAG,
  FINAL_MICRO,
  INPUT,
  INT32_MAX,
  INPUT_FLAG,
  APPRAISAL_FLAG,
  ColumnsBuilder,
  PACKED,
  ROUND_STRIDE,
  SELF_MICRO,
  SELF_POINTS_FLAG,
  STRIDE,
  TIMELINESS_INPUT,
  writeEntry,
  type AssessmentColumns,
} from './assessment-columns.js';
import { AssessmentEntrySchema, AssessmentSchema, MAX_RULE_INPUT, TIMELINESS_VALUES, type Assessment, type AssessmentEntry, type RuleInput } from './assessment-schema.js';
import { compileFramework, type CompiledFramework } from './compiled-framework.js';
import { uncheckedInputProblem } from './rule-evaluation.js';
import { keptColumnsOf } from './parsed-assessment.js';
import { sealColumns } from './seal.js';
import { checkAssessment, shareEmptyLists } from './parse-assessment.js';
import { plainWith } from '../shared/plain-data.js';
import { entryKey, leafFactsOf, quickEntry, type LeafFacts } from './quick-validation.js';

// A parsed assessment holds its entries as columns of numbers (`assessment-columns.ts`). `packAssessment` hands
// them out as plain data (a typed array and a few objects) that a worker thread can transfer and a store can keep
// beside the document; `unpackAssessment` takes such data back into a parsed assessment, checking it as
// `parseAssessment` checks a document: every cell against its leaf, every entry object through the schema and the
// checks, every applicable leaf scored once past the draft. It never trusts what the data says of itself: the points a
// rule gives an input are worked out again, and the unit's totals are summed again.

/** The format of {@link PackedAssessment}; a later format gets a new number. */
export const PACKED_ASSESSMENT_FORMAT = 1;

/**
 * A parsed assessment as plain data: its own fields, and its entries as the columns it holds (four numbers an entry:
 * leaf position and flags, self points, final points, measured input) with the objects of the entries that carry more
 * (a note, evidence, rounds, an explanation, an N/A declaration, imported points). Made by {@link packAssessment},
 * taken back by {@link unpackAssessment}; `structuredClone` and `postMessage` carry it (transfer `cells.buffer`).
 */
export interface PackedAssessment {
  /** {@link PACKED_ASSESSMENT_FORMAT}. */
  readonly format: typeof PACKED_ASSESSMENT_FORMAT;
  readonly unitId: string;
  readonly framework: { readonly id: string; readonly version: string };
  readonly period: string;
  readonly status: Assessment['status'];
  readonly evidence: Assessment['evidence'];
  /** The framework's leaves the positions number: their count and a 32-bit FNV-1a hash of their codes in order. */
  readonly leaves: string;
  /** Four numbers an entry, in the entries' order: 32-bit integers, or doubles when a value does not fit. */
  readonly cells: Int32Array | Float64Array;
  /** The objects of the entries flagged as having details, in the entries' order. */
  readonly details: readonly AssessmentEntry[];
  /** The appraisal rounds of the other entries with rounds: entry, round, points, appraiser and reason (positions in `texts`, -1: none); the type of `cells`. */
  readonly rounds: Int32Array | Float64Array;
  /** The appraisers and reasons the rounds name. */
  readonly texts: readonly string[];
}

/** Zod schema of a {@link PackedAssessment} (the cells and the entry objects are then checked against the framework). */
export const PackedAssessmentSchema = z.strictObject({
  format: z.literal(PACKED_ASSESSMENT_FORMAT),
  ...AssessmentSchema.omit({ entries: true }).shape,
  leaves: z.string().max(32),
  cells: z.union([z.instanceof(Int32Array), z.instanceof(Float64Array)]),
  // checked entry by entry below, so that the common entries skip the schema
  details: z.array(z.unknown()),
  rounds: z.union([z.instanceof(Int32Array), z.instanceof(Float64Array)]),
  texts: z.array(z.string()),
});

const fingerprints = new WeakMap<CompiledFramework, string>();

/** The count and 32-bit FNV-1a hash of the leaf codes of a compiled framework, in order. */
function leavesFingerprint(cf: CompiledFramework): string {
  let hit = fingerprints.get(cf);
  if (hit) return hit;
  let h = 0x811c9dc5;
  for (const leaf of cf.leaves) {
    const code = cf.codes[leaf]!;
    for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x0a, 0x01000193);
  }
  hit = `${cf.leaves.length}:${(h >>> 0).toString(16).padStart(8, '0')}`;
  fingerprints.set(cf, hit);
  return hit;
}

/**
 * The compact form of a parsed assessment as plain data (a copy: the assessment keeps its own). Throws
 * `ParValidationError` for anything but an assessment returned by `parseAssessment`, `updateAssessment` or
 * {@link unpackAssessment}.
 */
export function packAssessment(assessment: Assessment): PackedAssessment {
  new ArgumentCheck('packAssessment').assessment(assessment, ['assessment']).done();
  const c = keptColumnsOf(assessment)!;
  const { cf } = c;
  const { unitId, period, status, evidence } = assessment;
  return { format: PACKED_ASSESSMENT_FORMAT, unitId, framework: { id: cf.framework.id, version: cf.framework.version }, period, status, evidence, leaves: leavesFingerprint(cf), cells: c.cells.slice(), details: c.details, rounds: c.rounds.slice(), texts: c.texts };
}

/**
 * A parsed assessment from a {@link PackedAssessment} (from {@link packAssessment}, a worker thread or a store),
 * against `framework`, checked as `parseAssessment` checks a document: the same assessment `parseAssessment` gives
 * for its JSON. Throws {@link ParValidationError} naming every problem by path (`cells`, `details`, `evidence`...),
 * for data made against another framework or another order of its leaves too.
 */
export function unpackAssessment(packed: unknown, framework: Framework): Assessment {
  new ArgumentCheck('unpackAssessment').framework(framework).done();
  const issues = new IssueList();
  const parsed = PackedAssessmentSchema.safeParse(packed);
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.add(i.path as (string | number)[], i.code, i.message);
    issues.throwIfAny('packed assessment');
  }
  const p = parsed.data!;
  const cf = compileFramework(framework);
  if (p.framework.id !== framework.id || p.framework.version !== framework.version) {
    issues.add(['framework'], 'framework_mismatch', `The assessment is for ${p.framework.id}@${p.framework.version}, not ${framework.id}@${framework.version}`);
  } else if (p.leaves !== leavesFingerprint(cf)) {
    issues.add(['leaves'], 'leaves_mismatch', `The cells number the leaves of another copy of ${framework.id}@${framework.version} (${p.leaves}, not ${leavesFingerprint(cf)})`);
  }
  if (p.cells.length % STRIDE !== 0) issues.add(['cells'], 'cells_length', `Expected ${STRIDE} numbers an entry, got ${p.cells.length} numbers`);
  if (p.rounds.length % ROUND_STRIDE !== 0 || (p.rounds.length > 0 && p.rounds.constructor !== p.cells.constructor)) {
    issues.add(['rounds'], 'rounds_length', `Expected ${ROUND_STRIDE} numbers a round, of the cells' type`);
  }
  const ids = new Set<string>();
  p.evidence.forEach((e, i) => {
    if (ids.has(e.id)) issues.add(['evidence', i, 'id'], 'duplicate_id', `Evidence id "${e.id}" is used twice`);
    ids.add(e.id);
  });
  issues.throwIfAny('packed assessment');
  // the numbers are copied first, then checked and used from the copy (a shared buffer cannot change under the checks)
  let data: typeof p;
  try {
    data = { ...p, cells: p.cells.slice(), rounds: p.rounds.slice() };
  } catch {
    issues.add(['cells'], 'detached', 'The numbers were transferred away (their buffer is detached): unpack the copy that received them');
    return issues.throwIfAny('packed assessment') as never;
  }
  // no valid assessment has more entries than leaves, or more than two rounds an entry: refused before any work
  const entries = data.cells.length / STRIDE;
  if (entries > cf.leaves.length) issues.add(['cells'], 'too_many_entries', `${entries} entries for a framework of ${cf.leaves.length} leaves`);
  if (data.rounds.length / ROUND_STRIDE > 2 * entries) issues.add(['rounds'], 'too_many_rounds', `${data.rounds.length / ROUND_STRIDE} rounds for ${entries} entries`);
  issues.throwIfAny('packed assessment');
  const columns = new Unpacking(data, leafFactsOf(framework), issues).run();
  if (!columns) return issues.throwIfAny('packed assessment') as never;
  return sealColumns(p, columns);
}

/** The `seen` marks of the unpacking under way (one at a time: nothing in it waits), kept for the next. */
let scratch = new Uint8Array(0);

/** The work of {@link unpackAssessment} on data whose shape passed the schema. */
class Unpacking {
  readonly cf: CompiledFramework;
  readonly n: number;
  /** The cells as given, to be corrected where a value is worked out again (a rule's points, a final round). */
  readonly cells: Int32Array | Float64Array;
  /** By leaf position: 1 listed, 2 listed and scored. */
  readonly seen: Uint8Array;
  /** The checked objects of the entries with details, by entry. */
  readonly objects = new Map<number, AssessmentEntry>();
  /** The checked rounds of the entries without details, by entry: where they start and end in `p.rounds`. */
  readonly roundsAt = new Map<number, [number, number]>();
  /** The entry objects the quick check did not take, for the schema and the checks, with their place. */
  readonly rest: { entry: unknown; k: number; i: number }[] = [];
  /** The next round of `p.rounds` to take. */
  r = 0;

  constructor(
    readonly p: z.output<typeof PackedAssessmentSchema>,
    readonly facts: LeafFacts,
    readonly issues: IssueList,
  ) {
    this.cf = facts.cf;
    this.n = p.cells.length / STRIDE;
    // the caller's copy: checked, then corrected where a value is worked out again
    this.cells = p.cells;
    const leaves = facts.cf.leaves.length;
    if (scratch.length < leaves) scratch = new Uint8Array(leaves);
    this.seen = scratch.subarray(0, leaves).fill(0);
  }

  /** The checked columns, or `undefined` when a problem was found (in `issues`). */
  run(): AssessmentColumns | undefined {
    const { p, n, issues, seen } = this;
    const { cells, rounds } = p;
    const leaves = this.cf.leaves.length;
    let inLeafOrder = n === leaves;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const packed = cells[i * STRIDE + PACKED]!;
      const pos = Math.floor(packed / 256);
      const flags = packed % 256;
      if (this.r < rounds.length && !(rounds[this.r]! >= i)) this.strayRounds(i);
      if (!Number.isInteger(packed) || packed < 0 || pos >= leaves) {
        issues.add(['cells', i * STRIDE + PACKED], 'unknown_leaf', `Entry ${i} names no leaf of the framework (${packed})`);
        if (flags & DETAILS_FLAG) k++;
        continue;
      }
      if (pos !== i) inLeafOrder = false;
      if (seen[pos] !== 0) {
        issues.add(['cells', i * STRIDE + PACKED], 'duplicate_entry', `Node "${this.codeAt(pos)}" is scored twice`);
        if (flags & DETAILS_FLAG) k++;
        continue;
      }
      seen[pos] = 1;
      if (flags & DETAILS_FLAG) this.detailsEntry(i, k++, pos);
      else this.plainEntry(i, pos, flags);
    }
    // what is left names no entry before the end, or one past it
    this.strayRounds(Number.POSITIVE_INFINITY);
    if (k !== p.details.length) issues.add(['details'], 'details_count', `The cells flag ${k} entries with details; ${p.details.length} are given`);
    this.checkRest();
    if (p.status !== 'draft') {
      const missing = Array.from(this.facts.required).filter((pos) => this.seen[pos] !== 2);
      if (missing.length > 0) {
        issues.add(['cells'], 'leaves_not_scored', `An assessment in status "${p.status}" scores every applicable leaf; not scored: ${missing.map((pos) => this.codeAt(pos)).join(', ')}`);
      }
    }
    if (issues.items.length > 0) return undefined;
    // the kept objects and the rounds, in entry order
    const b = new ColumnsBuilder(this.cf, this.cells);
    for (let i = 0; i < n; i++) {
      const entry = this.objects.get(i);
      if (entry && writeEntry(b, entry, i) === undefined) issues.add(['details'], 'cells_mismatch', `Entry ${i} has a value beyond 32-bit cells, which the cells are`);
      const at = this.roundsAt.get(i);
      if (at) for (let r = at[0]; r < at[1]; r += ROUND_STRIDE) b.addRound(i, p.rounds[r + 1]!, p.rounds[r + 2]!, p.texts[p.rounds[r + 3]!]!, p.rounds[r + 4] === -1 ? undefined : p.texts[p.rounds[r + 4]!]!);
    }
    if (issues.items.length > 0) return undefined;
    return b.columns(inLeafOrder);
  }

  codeAt(pos: number): string {
    return this.cf.codes[this.cf.leaves[pos]!]!;
  }

  /** Adds a problem of entry `i` (leaf `pos`) at its cell `offset`. */
  wrong(i: number, pos: number, offset: number, code: string, message: string): void {
    this.issues.add(['cells', i * STRIDE + offset], code, `Entry ${i} ("${this.codeAt(pos)}"): ${message}`);
  }

  /** Refuses the rounds before entry `i` (all that are left, at the end) that no entry took. */
  strayRounds(i: number): void {
    const { p } = this;
    for (; this.r < p.rounds.length && !(p.rounds[this.r]! >= i); this.r += ROUND_STRIDE) {
      this.issues.add(['rounds', this.r], 'rounds_mismatch', `A round of entry ${p.rounds[this.r]}, which is not an entry with rounds at this place`);
    }
  }

  /** Checks an entry the cells and rounds alone say (self points or a measured input, rounds, or nothing), with the rule's points and the final points worked out again. */
  plainEntry(i: number, pos: number, flags: number): void {
    const { p, cells, facts } = this;
    const o = i * STRIDE;
    if ((flags & ~(SELF_POINTS_FLAG | INPUT_FLAG | BOOLEAN_INPUT | TIMELINESS_INPUT | APPRAISAL_FLAG)) !== 0 || (flags & (BOOLEAN_INPUT | TIMELINESS_INPUT) && !(flags & INPUT_FLAG)) || (flags & BOOLEAN_INPUT && flags & TIMELINESS_INPUT)) {
      return this.wrong(i, pos, PACKED, 'invalid_flags', `flags ${flags} do not describe an entry without details`);
    }
    if (flags & APPRAISAL_FLAG) this.roundsOf(i, pos);
    else if (p.cells[o + FINAL_MICRO] !== 0) this.wrong(i, pos, FINAL_MICRO, 'invalid_cell', 'an entry without rounds or imported points has no final points');
    if (!(flags & (SELF_POINTS_FLAG | INPUT_FLAG))) {
      if (p.cells[o + SELF_MICRO] !== -1 || p.cells[o + INPUT] !== 0) this.wrong(i, pos, SELF_MICRO, 'invalid_cell', 'an entry without self points or input has no values');
      return;
    }
    this.seen[pos] = 2;
    if (facts.imported[pos] === 1) return this.wrong(i, pos, PACKED, 'self_on_imported_channel', 'a node on the survey or leadership channel is never self-scored');
    let self = -1;
    if (flags & SELF_POINTS_FLAG) {
      self = p.cells[o + SELF_MICRO]!;
      const problem = this.pointsProblem(self, pos);
      if (problem) return this.wrong(i, pos, SELF_MICRO, problem[0], problem[1]);
    }
    if (flags & INPUT_FLAG) {
      const input = p.cells[o + INPUT]!;
      const x = this.inputOf(input, flags, p.cells instanceof Int32Array);
      if (x === undefined) return this.wrong(i, pos, INPUT, 'invalid_input', `${input} is not a measured input`);
      const rule = facts.node[pos]!.rule;
      const problem = rule && uncheckedInputProblem(rule, x);
      if (problem) return this.wrong(i, pos, INPUT, 'input_mismatch', problem);
      const compiled = this.cf.rules[pos];
      if (self === -1 && compiled) self = compiled.evaluate(x);
      // `packAssessment` gives doubles whenever a value does not fit 32 bits, the rule's points included
      if (cells instanceof Int32Array && self > INT32_MAX) return this.wrong(i, pos, INPUT, 'cells_mismatch', 'the points the rule gives this input do not fit 32-bit cells');
    } else if (p.cells[o + INPUT] !== 0) return this.wrong(i, pos, INPUT, 'invalid_cell', 'an entry without an input has no input value');
    cells[o + SELF_MICRO] = self;
  }

  /** Why `micro` cannot be the points of leaf `pos` (code and message), or `undefined`. */
  pointsProblem(micro: number, pos: number): [string, string] | undefined {
    const step = this.facts.stepMicro[pos]!;
    if (!Number.isInteger(micro) || micro < 0) return ['invalid_points', `${micro} is not a number of micro-points`];
    if (micro > this.facts.maxMicro[pos]!) return ['points_above_max', `${micro / 1e6} is above the leaf's maximum`];
    if (step !== 0 && micro % step !== 0) return ['step_mismatch', `${micro / 1e6} is not a multiple of the leaf's step`];
    return undefined;
  }

  /** Checks the rounds of entry `i` (1, then 2; points that fit the leaf; texts that exist; allowed by the status) and sets its final points to the last. */
  roundsOf(i: number, pos: number): void {
    const { p, issues } = this;
    const start = this.r;
    let last = -1;
    for (let count = 1; this.r < p.rounds.length && p.rounds[this.r] === i; count++, this.r += ROUND_STRIDE) {
      const at = (offset: number) => ['rounds', this.r + offset];
      const [round, points, appraiser, reason] = [p.rounds[this.r + 1]!, p.rounds[this.r + 2]!, p.rounds[this.r + 3]!, p.rounds[this.r + 4]!];
      if (round !== count || count > 2) issues.add(at(1), 'appraisal_rounds', 'Appraisal rounds go 1, then 2, once each');
      else if (p.status === 'draft' || p.status === 'submitted') issues.add(at(1), 'status_mismatch', `An assessment in status "${p.status}" has no appraisal or explanation yet`);
      else if (round === 2 && p.status === 'underAppraisal') issues.add(at(1), 'status_mismatch', 'Round 2 comes after the explanation; the assessment is still under appraisal (round 1)');
      const problem = this.pointsProblem(points, pos);
      if (problem) issues.add(at(2), problem[0], `Entry ${i} ("${this.codeAt(pos)}"): ${problem[1]}`);
      const name = Number.isInteger(appraiser) ? p.texts[appraiser] : undefined;
      if (name === undefined || name.trim() !== name || name.length === 0) issues.add(at(3), 'invalid_text', 'An appraiser is a text of the list, trimmed, not empty');
      if (reason !== -1 && !(Number.isInteger(reason) && reason >= 0 && reason < p.texts.length)) issues.add(at(4), 'invalid_text', 'A reason is a text of the list, or -1 for none');
      last = points;
    }
    if (last === -1) return this.wrong(i, pos, PACKED, 'invalid_flags', 'an entry flagged as appraised has no rounds');
    this.roundsAt.set(i, [start, this.r]);
    this.seen[pos] = 2;
    this.cells[i * STRIDE + FINAL_MICRO] = last;
  }

  /** The measured input a cell holds, or `undefined` when it holds none. */
  inputOf(cell: number, flags: number, narrow: boolean): RuleInput | undefined {
    if (flags & BOOLEAN_INPUT) return cell === 0 ? false : cell === 1 ? true : undefined;
    if (flags & TIMELINESS_INPUT) return Number.isInteger(cell) ? TIMELINESS_VALUES[cell] : undefined;
    const x = narrow ? cell / 1e6 : cell;
    return Number.isFinite(x) && x >= 0 && x <= MAX_RULE_INPUT ? x : undefined;
  }

  /** The entry object `k` for entry `i` at leaf `pos`, when the quick check takes it; otherwise kept for the schema. */
  detailsEntry(i: number, k: number, pos: number): void {
    const raw = this.p.details[k];
    if (k >= this.p.details.length) {
      this.issues.add(['details'], 'details_count', `Entry ${i} is flagged as having details; the details end before it`);
      return;
    }
    if (plainWith(raw, entryKey) && raw.code === this.codeAt(pos)) {
      const entry = quickEntry(raw, this.facts, pos, this.p.status);
      if (entry) {
        if (entry.self || entry.appraisals.length > 0 || entry.notApplicable || entry.imported) this.seen[pos] = 2;
        this.objects.set(i, entry);
        return;
      }
    }
    this.rest.push({ entry: raw, k, i });
  }

  /** The schema and the checks of `parseAssessment` for the entry objects the quick check did not take. */
  checkRest(): void {
    const { p, issues } = this;
    const checked: { entry: AssessmentEntry; k: number; i: number }[] = [];
    for (const r of this.rest) {
      const e = AssessmentEntrySchema.safeParse(r.entry);
      if (!e.success) {
        for (const x of e.error.issues) issues.add(['details', r.k, ...(x.path as (string | number)[])], x.code, x.message);
        continue;
      }
      const pos = Math.floor(p.cells[r.i * STRIDE + PACKED]! / 256);
      if (e.data.code !== this.codeAt(pos)) {
        issues.add(['details', r.k, 'code'], 'cells_mismatch', `Entry ${r.i} is "${this.codeAt(pos)}" in the cells, "${e.data.code}" in its details`);
        continue;
      }
      checked.push({ entry: e.data as AssessmentEntry, k: r.k, i: r.i });
      const d = e.data;
      if (d.notApplicable || d.self?.points !== undefined || d.self?.input !== undefined || d.imported || d.appraisals.length > 0) this.seen[pos] = 2;
    }
    if (checked.length === 0) return;
    const part = { ...p, entries: checked.map((c) => c.entry) } as unknown as Assessment;
    const found = new IssueList();
    checkAssessment(part, this.facts.cf.framework, found, [], false);
    for (const x of found.items) {
      const [head, j, ...tail] = x.path;
      if (head === 'evidence') continue; // checked once, above
      issues.add(head === 'entries' && typeof j === 'number' ? ['details', checked[j]!.k, ...tail] : x.path, x.code, x.message);
    }
    shareEmptyLists(part);
    for (const c of checked) this.objects.set(c.i, c.entry);
  }
}
