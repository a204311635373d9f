import { deepFreeze, EMPTY_LIST } from '../shared/deep-freeze.js';
import { microOf } from '../shared/points.js';
import { TIMELINESS_VALUES, type AssessmentEntry, type RuleInput } from './assessment-schema.js';
import { NO_SCORE } from './compiled-rule.js';
import type { CompiledFramework } from './compiled-framework.js';
import type { ScoringWarning } from './unit-evaluation.js';

// A parsed assessment keeps its entries as columns of integers, four numbers an entry, not as objects (about 200
// bytes an entry): the packed leaf position and flags, the self points (or the points the leaf's rule gives the
// measured input), the final points (the last appraisal round or the imported points), and the measured input.
// Entries with more than points and an input (a note, evidence, appraisal rounds, an explanation, an N/A
// declaration, imported points) also keep their validated object, in `details`. The entry objects the public API
// shows are built from the columns when asked for.

/** The entry is declared not applicable. */
export const NA_FLAG = 1;
/** The entry has self points (in the self column). */
export const SELF_POINTS_FLAG = 2;
/** The entry has a measured input (in the input column). */
export const INPUT_FLAG = 4;
/** The entry has an appraisal round (its last one is in the final column). */
export const APPRAISAL_FLAG = 8;
/** The entry has imported points (in the final column). */
export const IMPORTED_FLAG = 16;
/** The entry's validated object is kept in `details`. */
export const DETAILS_FLAG = 32;
/** The input column holds `true` (1) or `false` (0). */
const BOOLEAN_INPUT = 64;
/** The input column holds a timeliness by its index in {@link TIMELINESS_VALUES}. */
const TIMELINESS_INPUT = 128;

/** Numbers per entry in {@link AssessmentColumns.cells}. */
export const STRIDE = 4;
/** Offset of the packed leaf position (`<< 8`) and flags (low 8 bits). */
export const PACKED = 0;
/** Offset of the self points in micro-points: the given points, else the rule's points for the input, else -1. */
export const SELF_MICRO = 1;
/** Offset of the final points in micro-points (last appraisal round, or imported points). */
export const FINAL_MICRO = 2;
/** Offset of the measured input (a number in micro-units, a boolean or a timeliness index). */
const INPUT = 3;

/** An assessment's entries as columns against one compiled framework. */
export interface AssessmentColumns {
  readonly cf: CompiledFramework;
  /** {@link STRIDE} numbers an entry; 32-bit integers when every value fits, else doubles. */
  readonly cells: Int32Array | Float64Array;
  /** The validated objects of the entries flagged {@link DETAILS_FLAG}, in entry order. */
  readonly details: readonly AssessmentEntry[];
  /** Whether the entries are the framework's leaves, each once, in their order (entry `i` is leaf `i`). */
  readonly inLeafOrder: boolean;
  /**
   * The channel totals and warnings of the unit when no metric and no unit restriction applies, worked out once when
   * the assessment is sealed (its columns never change); only for entries in leaf order.
   */
  sums?: { readonly totals: readonly number[]; readonly warnings: readonly ScoringWarning[] };
}

const INT32_MAX = 2 ** 31 - 1;
const LEAF_LIMIT = 2 ** 23 - 1;
/** The position of an entry whose code is not a leaf of the framework (kept in `details`, for its code). */
export const UNKNOWN_POSITION = LEAF_LIMIT;

/** The measured input of entry `i` (which has {@link INPUT_FLAG}). */
function inputOf(c: AssessmentColumns, i: number): RuleInput {
  const flags = flagsOf(c, i);
  const cell = c.cells[i * STRIDE + INPUT]!;
  if (flags & BOOLEAN_INPUT) return cell === 1;
  if (flags & TIMELINESS_INPUT) return TIMELINESS_VALUES[cell]!;
  // numbers are kept in millionths in 32-bit columns, as they are in columns of doubles
  return c.cells instanceof Int32Array ? cell / 1e6 : cell;
}

/** Texts held once per compiled framework: a text longer than this is not shared. */
const SHARED_TEXT_LENGTH = 160;
/** At most this many texts are shared per compiled framework (the rest are kept as they come). */
const SHARED_TEXTS = 4096;
const sharedTexts = new WeakMap<CompiledFramework, Map<string, string>>();

/**
 * Puts one shared copy in place of the texts that repeat across entries and units (the appraisers' names, the
 * appraisal reasons and dates, the sources of imported points, the N/A reasons) in an entry not yet frozen.
 */
function shareTexts(cf: CompiledFramework, e: AssessmentEntry): AssessmentEntry {
  if (Object.isFrozen(e)) return e;
  let texts = sharedTexts.get(cf);
  if (!texts) sharedTexts.set(cf, (texts = new Map()));
  const share = (text: string): string => {
    const held = texts.get(text);
    if (held !== undefined || text.length > SHARED_TEXT_LENGTH || texts.size >= SHARED_TEXTS) return held ?? text;
    texts.set(text, text);
    return text;
  };
  for (const r of e.appraisals) {
    r.appraiser = share(r.appraiser);
    if (r.reason !== undefined) r.reason = share(r.reason);
    if (r.on !== undefined) r.on = share(r.on);
  }
  if (e.imported) e.imported.source = share(e.imported.source);
  if (e.notApplicable) e.notApplicable.reason = share(e.notApplicable.reason);
  return e;
}

/** Whether an entry holds nothing but its code and self points or input: then the columns alone say all of it. */
function plain(e: AssessmentEntry): boolean {
  if (e.appraisals.length > 0 || e.explanation || e.notApplicable || e.imported) return false;
  if (!e.self) return true;
  const { points, input, note, evidence } = e.self;
  return note === undefined && evidence.length === 0 && (points !== undefined || input !== undefined);
}

/**
 * Builds the columns of validated entries against a compiled framework. An entry whose code is not one of its leaves
 * (an assessment parsed against another copy of the framework) is kept at {@link UNKNOWN_POSITION}.
 */
export function buildColumns(cf: CompiledFramework, entries: readonly AssessmentEntry[]): AssessmentColumns {
  if (cf.leaves.length >= LEAF_LIMIT) throw new RangeError(`A framework of ${cf.leaves.length} leaves is beyond the ${LEAF_LIMIT} the scoring engine holds`);
  const details: AssessmentEntry[] = [];
  const narrow = new Int32Array(entries.length * STRIDE);
  // the kept list of details at its exact length (one grown by push keeps room for more)
  const exact = () => (details.length === 0 ? EMPTY_LIST : details.slice());
  const fitted = fill(cf, entries, narrow, details);
  if (fitted !== undefined) return { cf, cells: narrow, details: exact(), inLeafOrder: fitted };
  // a value beyond 32-bit integers: the same columns as doubles (the details again from the start)
  const wide = new Float64Array(entries.length * STRIDE);
  details.length = 0;
  const inLeafOrder = fill(cf, entries, wide, details)!;
  return { cf, cells: wide, details: exact(), inLeafOrder };
}

/**
 * Writes the entries into `cells` (numeric inputs in millionths in 32-bit integers, as they are in doubles) and the
 * objects of the entries with details into `details`. Returns whether the entries are in leaf order, or `undefined` when a value does not
 * fit 32-bit integers.
 */
function fill(cf: CompiledFramework, entries: readonly AssessmentEntry[], cells: Int32Array | Float64Array, details: AssessmentEntry[]): boolean | undefined {
  const narrow = cells instanceof Int32Array;
  let inLeafOrder = entries.length === cf.leaves.length;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const guess = i < cf.leaves.length ? cf.leaves[i]! : -1;
    const node = guess !== -1 && cf.codes[guess] === e.code ? guess : cf.byCode.get(e.code);
    const leaf = node === undefined ? -1 : cf.leafPos[node]!;
    const pos = leaf === -1 ? UNKNOWN_POSITION : leaf;
    if (pos !== i) inLeafOrder = false;
    let flags = leaf === -1 ? DETAILS_FLAG : 0;
    let self = -1;
    let final = 0;
    let input = 0;
    if (e.notApplicable) flags |= NA_FLAG;
    const given = e.self;
    if (given?.points !== undefined) {
      flags |= SELF_POINTS_FLAG;
      self = microOf(given.points);
    }
    if (given?.input !== undefined) {
      const x = given.input;
      flags |= INPUT_FLAG;
      if (typeof x === 'boolean') {
        flags |= BOOLEAN_INPUT;
        input = x ? 1 : 0;
      } else if (typeof x === 'string') {
        flags |= TIMELINESS_INPUT;
        input = TIMELINESS_VALUES.indexOf(x);
      } else if (narrow) {
        input = Math.round(x * 1e6);
        if (input / 1e6 !== x || input > INT32_MAX) return undefined;
      } else input = x;
      const rule = cf.rules[leaf];
      if (self === -1 && rule) self = rule.evaluate(x);
    }
    const rounds = e.appraisals.length;
    if (rounds > 0) {
      flags |= APPRAISAL_FLAG;
      final = microOf(e.appraisals[rounds - 1]!.points);
    } else if (e.imported) {
      flags |= IMPORTED_FLAG;
      final = microOf(e.imported.points);
    }
    if (!plain(e)) flags |= DETAILS_FLAG;
    if (flags & DETAILS_FLAG) details.push(deepFreeze(shareTexts(cf, e)));
    if (narrow && (self > INT32_MAX || final > INT32_MAX)) return undefined;
    const o = i * STRIDE;
    cells[o + PACKED] = pos * 256 + flags;
    cells[o + SELF_MICRO] = self;
    cells[o + FINAL_MICRO] = final;
    cells[o + INPUT] = input;
  }
  return inLeafOrder;
}

/** The leaf position of entry `i`. */
export const positionOf = (c: AssessmentColumns, i: number): number => c.cells[i * STRIDE + PACKED]! >>> 8;

/** The flags of entry `i`. */
export const flagsOf = (c: AssessmentColumns, i: number): number => c.cells[i * STRIDE + PACKED]! & 255;

/**
 * The points the leaf's rule gives entry `i`'s measured input (or {@link NO_SCORE}), with the tier it matched in
 * the rule's `tier`: for the rare entries that have both self points and an input, and for the breakdown.
 */
export function computedOf(c: AssessmentColumns, i: number): number {
  const rule = c.cf.rules[positionOf(c, i)]; // undefined at UNKNOWN_POSITION
  return rule && flagsOf(c, i) & INPUT_FLAG ? rule.evaluate(inputOf(c, i)) : NO_SCORE;
}

/** The entry objects the columns stand for, frozen, exactly as the parse validated them. */
export function entriesOf(c: AssessmentColumns): readonly AssessmentEntry[] {
  const n = c.cells.length / STRIDE;
  const out: AssessmentEntry[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const flags = flagsOf(c, i);
    if (flags & DETAILS_FLAG) {
      out.push(c.details[k++]!);
      continue;
    }
    const code = c.cf.codes[c.cf.leaves[positionOf(c, i)]!]!;
    if (!(flags & (SELF_POINTS_FLAG | INPUT_FLAG))) {
      out.push(Object.freeze({ code, appraisals: EMPTY_LIST }));
      continue;
    }
    // the parse's key order (points, input, evidence), so that an entry's JSON is the same
    const points = flags & SELF_POINTS_FLAG ? c.cells[i * STRIDE + SELF_MICRO]! / 1e6 : undefined;
    const self = points === undefined ? { input: inputOf(c, i), evidence: EMPTY_LIST } : flags & INPUT_FLAG ? { points, input: inputOf(c, i), evidence: EMPTY_LIST } : { points, evidence: EMPTY_LIST };
    out.push(Object.freeze({ code, self: Object.freeze(self), appraisals: EMPTY_LIST }));
  }
  return Object.freeze(out);
}
