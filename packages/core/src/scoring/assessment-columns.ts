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
export const BOOLEAN_INPUT = 64;
/** The input column holds a timeliness by its index in {@link TIMELINESS_VALUES}. */
export const TIMELINESS_INPUT = 128;

/** Numbers per entry in {@link AssessmentColumns.cells}. */
export const STRIDE = 4;
/** Offset of the packed leaf position (`<< 8`) and flags (low 8 bits). */
export const PACKED = 0;
/** Offset of the self points in micro-points: the given points, else the rule's points for the input, else -1. */
export const SELF_MICRO = 1;
/** Offset of the final points in micro-points (last appraisal round, or imported points). */
export const FINAL_MICRO = 2;
/** Offset of the measured input (a number in micro-units, a boolean or a timeliness index). */
export const INPUT = 3;

/** An assessment's entries as columns against one compiled framework. */
export interface AssessmentColumns {
  readonly cf: CompiledFramework;
  /** {@link STRIDE} numbers an entry; 32-bit integers when every value fits, else doubles. */
  readonly cells: Int32Array | Float64Array;
  /** The validated objects of the entries flagged {@link DETAILS_FLAG}, in entry order. */
  readonly details: readonly AssessmentEntry[];
  /**
   * The appraisal rounds of the entries flagged {@link APPRAISAL_FLAG} without details, {@link ROUND_STRIDE} numbers a
   * round (the entry, the round, its points in micro-points, its appraiser and its reason as positions in `texts`, -1
   * for no reason), in entry order; the same number type as `cells`.
   */
  readonly rounds: Int32Array | Float64Array;
  /** The appraisers and reasons the rounds name, each once. */
  readonly texts: readonly string[];
  /** Whether the entries are the framework's leaves, each once, in their order (entry `i` is leaf `i`). */
  readonly inLeafOrder: boolean;
  /**
   * The channel totals and warnings of the unit when no metric and no unit restriction applies, worked out once when
   * the assessment is sealed (its columns never change); only for entries in leaf order.
   */
  sums?: { readonly totals: readonly number[]; readonly warnings: readonly ScoringWarning[] };
}

/** Numbers per appraisal round in {@link AssessmentColumns.rounds}: entry, round, points, appraiser, reason. */
export const ROUND_STRIDE = 5;

/** The rounds of an assessment that has none. */
export const NO_ROUNDS = new Int32Array(0);

/** The largest value of a 32-bit cell. */
export const INT32_MAX = 2 ** 31 - 1;
/** The most leaves a framework may have for its positions to fit the packed cell. */
export const LEAF_LIMIT = 2 ** 23 - 1;
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

/** The one copy of `text` held for the compiled framework (a text not shared is given back as it is). */
export function sharedText(cf: CompiledFramework, text: string): string {
  let texts = sharedTexts.get(cf);
  if (!texts) sharedTexts.set(cf, (texts = new Map()));
  const held = texts.get(text);
  if (held !== undefined || text.length > SHARED_TEXT_LENGTH || texts.size >= SHARED_TEXTS) return held ?? text;
  texts.set(text, text);
  return text;
}

/**
 * Puts one shared copy in place of the texts that repeat across entries and units (the appraisers' names, the
 * appraisal reasons and dates, the sources of imported points, the N/A reasons) in an entry not yet frozen.
 */
function shareTexts(cf: CompiledFramework, e: AssessmentEntry): AssessmentEntry {
  if (Object.isFrozen(e)) return e;
  for (const r of e.appraisals) {
    r.appraiser = sharedText(cf, r.appraiser);
    if (r.reason !== undefined) r.reason = sharedText(cf, r.reason);
    if (r.on !== undefined) r.on = sharedText(cf, r.on);
  }
  if (e.imported) e.imported.source = sharedText(cf, e.imported.source);
  if (e.notApplicable) e.notApplicable.reason = sharedText(cf, e.notApplicable.reason);
  return e;
}

/** Whether an entry's self part (if any) is no more than points or an input. */
function plainSelf(e: AssessmentEntry): boolean {
  if (!e.self) return true;
  const { points, input, note, evidence } = e.self;
  return note === undefined && evidence.length === 0 && (points !== undefined || input !== undefined);
}

/**
 * Whether the columns alone say all of an entry: its code, self points or input, and appraisal rounds of points, an
 * appraiser and a reason (no date); nothing else.
 */
function plain(e: AssessmentEntry): boolean {
  if (e.explanation || e.notApplicable || e.imported || !plainSelf(e)) return false;
  for (const r of e.appraisals) if (r.on !== undefined) return false;
  return true;
}

/** The columns under construction: the cells, the kept objects, the rounds and their texts. */
export class ColumnsBuilder {
  readonly details: AssessmentEntry[] = [];
  readonly texts: string[] = [];
  /** The position of each text, once there are more than a few (an assessment mostly names one appraiser and a reason or two). */
  #textAt: Map<string, number> | undefined;
  /** The rounds so far ({@link ROUND_STRIDE} numbers a round), in a list of the cells' type with room to spare. */
  #rounds: Int32Array | Float64Array | undefined;
  #roundsLength = 0;

  constructor(
    readonly cf: CompiledFramework,
    readonly cells: Int32Array | Float64Array,
  ) {}

  /** The position of a text in `texts`, added when new. */
  text(t: string): number {
    const { texts } = this;
    if (this.#textAt === undefined) {
      for (let k = 0; k < texts.length; k++) if (texts[k] === t) return k;
      if (texts.length < 8) return texts.push(sharedText(this.cf, t)) - 1;
      this.#textAt = new Map(texts.map((x, k) => [x, k]));
    }
    let at = this.#textAt.get(t);
    if (at === undefined) {
      this.#textAt.set(t, (at = texts.length));
      texts.push(sharedText(this.cf, t));
    }
    return at;
  }

  /**
   * Adds a validated appraisal round of entry `i` (its points in micro-points); false when they do not fit 32-bit
   * cells. The list grows by doubling from 16 rounds (a list of numbers grown one at a time left several times its
   * size to collect for each assessment).
   */
  addRound(i: number, round: number, finalMicro: number, appraiser: string, reason: string | undefined): boolean {
    const narrow = this.cells instanceof Int32Array;
    if (narrow && finalMicro > INT32_MAX) return false;
    const n = this.#roundsLength;
    let r = this.#rounds;
    if (r === undefined || n + ROUND_STRIDE > r.length) {
      const room = Math.max(2 * n, 16 * ROUND_STRIDE);
      const grown = narrow ? new Int32Array(room) : new Float64Array(room);
      if (r) grown.set(r);
      this.#rounds = r = grown;
    }
    r[n] = i;
    r[n + 1] = round;
    r[n + 2] = finalMicro;
    r[n + 3] = this.text(appraiser);
    r[n + 4] = reason === undefined ? -1 : this.text(reason);
    this.#roundsLength = n + ROUND_STRIDE;
    return true;
  }

  /** The columns built, each list at its exact length. */
  columns(inLeafOrder: boolean): AssessmentColumns {
    const { cf, cells, details, texts } = this;
    return {
      cf,
      cells,
      details: details.length === 0 ? EMPTY_LIST : details.slice(),
      rounds: this.#rounds === undefined ? NO_ROUNDS : this.#rounds.slice(0, this.#roundsLength),
      texts: texts.length === 0 ? EMPTY_LIST : texts.slice(),
      inLeafOrder,
    };
  }
}

/**
 * Builds the columns of validated entries against a compiled framework. An entry whose code is not one of its leaves
 * (an assessment parsed against another copy of the framework) is kept at {@link UNKNOWN_POSITION}.
 */
export function buildColumns(cf: CompiledFramework, entries: readonly AssessmentEntry[]): AssessmentColumns {
  if (cf.leaves.length >= LEAF_LIMIT) throw new RangeError(`A framework of ${cf.leaves.length} leaves is beyond the ${LEAF_LIMIT} the scoring engine holds`);
  const narrow = new ColumnsBuilder(cf, new Int32Array(entries.length * STRIDE));
  const fitted = fill(narrow, entries);
  if (fitted !== undefined) return narrow.columns(fitted);
  // a value beyond 32-bit integers: the same columns as doubles
  const wide = new ColumnsBuilder(cf, new Float64Array(entries.length * STRIDE));
  return wide.columns(fill(wide, entries)!);
}

/**
 * Writes the entries into the builder's cells (numeric inputs in millionths in 32-bit integers, as they are in
 * doubles). Returns whether the entries are in leaf order, or `undefined` when a value does not fit 32-bit integers.
 */
function fill(b: ColumnsBuilder, entries: readonly AssessmentEntry[]): boolean | undefined {
  let inLeafOrder = entries.length === b.cf.leaves.length;
  for (let i = 0; i < entries.length; i++) {
    const pos = writeEntry(b, entries[i]!, i);
    if (pos === undefined) return undefined;
    if (pos !== i) inLeafOrder = false;
  }
  return inLeafOrder;
}

/** What {@link selfCells} worked out (one entry at a time: no list is made for each entry). */
let selfFlags = 0;
let selfCell = -1;
let inputCell = 0;

/**
 * Works out the flags, the self cell and the input cell of self points and/or a measured input on leaf `leaf` (-1: not
 * a leaf), into {@link selfFlags}, {@link selfCell} and {@link inputCell}; false when a value does not fit 32-bit cells.
 */
function selfCells(b: ColumnsBuilder, leaf: number, points: number | undefined, x: RuleInput | undefined): boolean {
  const narrow = b.cells instanceof Int32Array;
  selfFlags = 0;
  selfCell = -1;
  inputCell = 0;
  if (points !== undefined) {
    selfFlags |= SELF_POINTS_FLAG;
    selfCell = microOf(points);
  }
  if (x !== undefined) {
    selfFlags |= INPUT_FLAG;
    if (typeof x === 'boolean') {
      selfFlags |= BOOLEAN_INPUT;
      inputCell = x ? 1 : 0;
    } else if (typeof x === 'string') {
      selfFlags |= TIMELINESS_INPUT;
      inputCell = TIMELINESS_VALUES.indexOf(x);
    } else if (narrow) {
      inputCell = Math.round(x * 1e6);
      if (inputCell / 1e6 !== x || inputCell > INT32_MAX) return false;
    } else inputCell = x;
    const rule = b.cf.rules[leaf];
    if (selfCell === -1 && rule) selfCell = rule.evaluate(x);
  }
  return !(narrow && selfCell > INT32_MAX);
}

/** An appraisal round as the columns keep it (validated, the appraiser trimmed): its number, points, appraiser and reason. */
export interface PlainRound {
  readonly round: number;
  readonly points: number;
  readonly appraiser: string;
  readonly reason?: string;
}

/**
 * Writes, as entry `i` on leaf `pos`, an entry the columns alone say: self points and/or a measured input, and
 * appraisal rounds of points, an appraiser and a reason, all validated. False when a value does not fit 32-bit
 * integers.
 */
export function writePlainEntry(b: ColumnsBuilder, i: number, pos: number, points: number | undefined, x: RuleInput | undefined, rounds: readonly PlainRound[]): boolean {
  for (const r of rounds) if (!b.addRound(i, r.round, microOf(r.points), r.appraiser, r.reason)) return false;
  return writePlainCells(b, i, pos, points, x, rounds.length === 0 ? undefined : rounds[rounds.length - 1]!.points);
}

/**
 * Writes the cells of such an entry whose rounds were added to `b` ({@link ColumnsBuilder.addRound}): `last` is the
 * points of its last round, `undefined` for none. False when a value does not fit 32-bit integers.
 */
export function writePlainCells(b: ColumnsBuilder, i: number, pos: number, points: number | undefined, x: RuleInput | undefined, last: number | undefined): boolean {
  if (!selfCells(b, pos, points, x)) return false;
  const o = i * STRIDE;
  b.cells[o + PACKED] = pos * 256 + (last === undefined ? selfFlags : selfFlags | APPRAISAL_FLAG);
  b.cells[o + SELF_MICRO] = selfCell;
  b.cells[o + FINAL_MICRO] = last === undefined ? 0 : microOf(last);
  b.cells[o + INPUT] = inputCell;
  return true;
}

/**
 * Writes one validated entry as entry `i` (its rounds too, or its object when the columns cannot say all of it).
 * Returns its leaf position ({@link UNKNOWN_POSITION} for a code that is not a leaf of the framework), or `undefined`
 * when a value does not fit 32-bit integers.
 */
export function writeEntry(b: ColumnsBuilder, e: AssessmentEntry, i: number): number | undefined {
  const { cf, cells } = b;
  const guess = i < cf.leaves.length ? cf.leaves[i]! : -1;
  const node = guess !== -1 && cf.codes[guess] === e.code ? guess : cf.byCode.get(e.code);
  const leaf = node === undefined ? -1 : cf.leafPos[node]!;
  if (leaf !== -1 && plain(e)) return writePlainEntry(b, i, leaf, e.self?.points, e.self?.input, e.appraisals) ? leaf : undefined;
  if (!selfCells(b, leaf, e.self?.points, e.self?.input)) return undefined;
  const pos = leaf === -1 ? UNKNOWN_POSITION : leaf;
  let flags = selfFlags | DETAILS_FLAG;
  let final = 0;
  if (e.notApplicable) flags |= NA_FLAG;
  const rounds = e.appraisals.length;
  if (rounds > 0) {
    flags |= APPRAISAL_FLAG;
    final = microOf(e.appraisals[rounds - 1]!.points);
  } else if (e.imported) {
    flags |= IMPORTED_FLAG;
    final = microOf(e.imported.points);
  }
  if (cells instanceof Int32Array && final > INT32_MAX) return undefined;
  b.details.push(deepFreeze(shareTexts(cf, e)));
  const o = i * STRIDE;
  cells[o + PACKED] = pos * 256 + flags;
  cells[o + SELF_MICRO] = selfCell;
  cells[o + FINAL_MICRO] = final;
  cells[o + INPUT] = inputCell;
  return pos;
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
  let r = 0;
  for (let i = 0; i < n; i++) {
    const flags = flagsOf(c, i);
    if (flags & DETAILS_FLAG) {
      out.push(c.details[k++]!);
      continue;
    }
    const code = c.cf.codes[c.cf.leaves[positionOf(c, i)]!]!;
    let appraisals: AssessmentEntry['appraisals'] = EMPTY_LIST;
    if (flags & APPRAISAL_FLAG) {
      const list: AssessmentEntry['appraisals'] = [];
      // the schema's key order: round, points, reason, appraiser
      for (; r < c.rounds.length && c.rounds[r]! === i; r += ROUND_STRIDE) {
        const round = c.rounds[r + 1] as 1 | 2;
        const points = c.rounds[r + 2]! / 1e6;
        const appraiser = c.texts[c.rounds[r + 3]!]!;
        const reason = c.rounds[r + 4]!;
        list.push(Object.freeze(reason === -1 ? { round, points, appraiser } : { round, points, reason: c.texts[reason]!, appraiser }));
      }
      appraisals = Object.freeze(list) as AssessmentEntry['appraisals'];
    }
    if (!(flags & (SELF_POINTS_FLAG | INPUT_FLAG))) {
      out.push(Object.freeze({ code, appraisals }));
      continue;
    }
    // the parse's key order (points, input, evidence), so that an entry's JSON is the same
    const points = flags & SELF_POINTS_FLAG ? c.cells[i * STRIDE + SELF_MICRO]! / 1e6 : undefined;
    const self = points === undefined ? { input: inputOf(c, i), evidence: EMPTY_LIST } : flags & INPUT_FLAG ? { points, input: inputOf(c, i), evidence: EMPTY_LIST } : { points, evidence: EMPTY_LIST };
    out.push(Object.freeze({ code, self: Object.freeze(self), appraisals }));
  }
  return Object.freeze(out);
}
