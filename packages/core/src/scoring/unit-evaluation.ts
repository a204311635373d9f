import type { Assessment, RuleInput } from './assessment-schema.js';
import { NO_TIER } from './compiled-rule.js';
import {
  APPRAISAL_FLAG,
  computedOf,
  DETAILS_FLAG,
  FINAL_MICRO,
  IMPORTED_FLAG,
  INPUT_FLAG,
  NA_FLAG,
  PACKED,
  SELF_MICRO,
  SELF_POINTS_FLAG,
  STRIDE,
  UNKNOWN_POSITION,
  type AssessmentColumns,
} from './assessment-columns.js';
import { CHANNELS, type CompiledFramework } from './compiled-framework.js';
import { columnsOf } from './parsed-assessment.js';

/** Something worth a reviewer's attention in an assessment; it does not stop the computation. */
export interface ScoringWarning {
  readonly unitId: string;
  /** Leaf code, when the warning is about one node. */
  readonly code?: string;
  readonly kind:
    | 'notScored'
    | 'selfDiffersFromComputed'
    | 'evidenceMissing'
    | 'evidenceOutsidePeriod'
    | 'unknownCode'
    | 'nothingApplicable';
  readonly message: string;
}

/** Where a leaf's final points came from. */
export type LeafSource = 'appraisal' | 'imported' | 'self' | 'computed' | 'notScored' | 'notApplicable';

/** The unit's kind and tags, for node applicability. */
export interface UnitKindAndTags {
  readonly kind: string;
  readonly tags?: readonly string[];
}

/** Per-leaf working arrays, reused across units. */
export class LeafScratch {
  readonly self: Float64Array;
  readonly final: Float64Array;
  readonly applicable: Float64Array;
  readonly computed: Float64Array;
  readonly tier: Int32Array;
  readonly source: Uint8Array;
  constructor(size: number) {
    this.self = new Float64Array(size);
    this.final = new Float64Array(size);
    this.applicable = new Float64Array(size);
    this.computed = new Float64Array(size);
    this.tier = new Int32Array(size);
    this.source = new Uint8Array(size);
  }
}

/** Leaf sources by their index in the scratch `source` array. */
export const SOURCES: readonly LeafSource[] = ['notScored', 'appraisal', 'imported', 'self', 'computed', 'notApplicable'];
const NOT_SCORED = 0;
const APPRAISAL = 1;
const IMPORTED = 2;
const FROM_SELF = 3;
const COMPUTED = 4;
const NOT_APPLICABLE = 5;
const NONE = -1;

/**
 * Channel totals of one unit, in micro-points: one flat array (one allocation per unit) holding, by channel
 * index, the self points at `SELF + c`, appraised at `APPRAISED + c`, final at `FINAL + c`, applicable maximum
 * at `APPLICABLE + c`.
 */
export type ChannelTotals = number[];
/** Offsets into {@link ChannelTotals}. */
export const SELF = 0;
/** Offset of the appraised points (before adjustment caps). */
export const APPRAISED = 5;
/** Offset of the final points (after adjustment caps). */
export const FINAL = 10;
/** Offset of the applicable maxima. */
export const APPLICABLE = 15;

/** Whether the unit's kind and tags let the leaf (and its ancestors) apply. */
function applies(cf: CompiledFramework, leafNode: number, unit: UnitKindAndTags | undefined): boolean {
  if (!unit) return true;
  for (let n = leafNode; n !== -1; n = cf.parent[n]!) {
    const a = cf.nodes[n]!.applicability;
    if (!a) continue;
    if (a.unitKinds && !a.unitKinds.includes(unit.kind)) return false;
    if (a.tags && !a.tags.every((t) => unit.tags?.includes(t))) return false;
  }
  return true;
}

/** The warning for self points that differ from the points the leaf's rule gives the measured input. */
function selfDiffers(cf: CompiledFramework, unitId: string, pos: number, self: number, computed: number): ScoringWarning {
  return {
    unitId,
    code: cf.codes[cf.leaves[pos]!]!,
    kind: 'selfDiffersFromComputed',
    message: `Self score ${self / 1e6} differs from the ${computed / 1e6} its rule computes from the measured value; the self score is kept`,
  };
}

/** The warning for an applicable leaf with no score. */
function notScored(cf: CompiledFramework, unitId: string, pos: number): ScoringWarning {
  const code = cf.codes[cf.leaves[pos]!]!;
  return { unitId, code, kind: 'notScored', message: `"${code}" has no score; it counts 0` };
}

function computeFrom(cf: CompiledFramework, input: RuleInput, s: LeafScratch, pos: number): number {
  const rule = cf.rules[pos];
  if (!rule) return NONE;
  const micro = rule.evaluate(input);
  s.tier[pos] = rule.tier;
  return micro;
}

/**
 * Scores every leaf of one assessment into the scratch arrays and returns the channel totals. Final points
 * come from the last appraisal round, else imported points, else the self score, else the points the rule
 * computes from a metric or the unit's measured input; a leaf with none scores 0 with a warning.
 */
export function evaluateUnit(
  cf: CompiledFramework,
  a: Assessment,
  metrics: ReadonlyMap<string, RuleInput> | undefined,
  unit: UnitKindAndTags | undefined,
  s: LeafScratch,
  warnings: ScoringWarning[] | undefined,
): ChannelTotals {
  const leafCount = cf.leaves.length;
  s.self.fill(NONE);
  s.final.fill(NONE);
  s.computed.fill(NONE);
  s.tier.fill(NO_TIER);
  s.source.fill(NOT_SCORED);
  s.applicable.set(cf.leafMaxMicro);
  if (cf.anyRestricted && unit) {
    for (let pos = 0; pos < leafCount; pos++) if (cf.restricted[pos] && !applies(cf, cf.leaves[pos]!, unit)) s.applicable[pos] = 0;
  }
  if (metrics) {
    for (const pos of cf.metricLeaves) {
      const value = metrics.get(cf.nodes[cf.leaves[pos]!]!.metric!.metricId);
      if (value !== undefined) s.computed[pos] = computeFrom(cf, value, s, pos);
    }
  }
  const c = columnsOf(a, cf);
  const { cells } = c;
  const n = cells.length / STRIDE;
  for (let i = 0, o = 0, k = 0; i < n; i++, o += STRIDE) {
    const pos = cells[o + PACKED]! >>> 8;
    const f = cells[o + PACKED]! & 255;
    if (pos === UNKNOWN_POSITION) {
      const code = c.details[k]!.code;
      warnings?.push({ unitId: a.unitId, code, kind: 'unknownCode', message: `"${code}" is not a leaf of the framework` });
    }
    if (f & DETAILS_FLAG) k++;
    if (pos === UNKNOWN_POSITION) continue;
    if (f & NA_FLAG) {
      s.applicable[pos] = 0;
      s.source[pos] = NOT_APPLICABLE;
      s.final[pos] = 0;
      continue;
    }
    const rule = cf.rules[pos];
    if (f & INPUT_FLAG && rule && s.computed[pos] === NONE) {
      s.computed[pos] = computedOf(c, i);
      s.tier[pos] = rule.tier;
    }
    if (f & SELF_POINTS_FLAG) s.self[pos] = cells[o + SELF_MICRO]!;
    else if (f & INPUT_FLAG && s.computed[pos] !== NONE) s.self[pos] = s.computed[pos]!;
    if (f & APPRAISAL_FLAG) {
      s.final[pos] = cells[o + FINAL_MICRO]!;
      s.source[pos] = APPRAISAL;
    } else if (f & IMPORTED_FLAG) {
      s.final[pos] = cells[o + FINAL_MICRO]!;
      s.source[pos] = IMPORTED;
    } else if (s.self[pos] !== NONE) {
      s.final[pos] = s.self[pos]!;
      s.source[pos] = FROM_SELF;
    }
    if (warnings && f & SELF_POINTS_FLAG && s.computed[pos] !== NONE && s.computed[pos] !== s.self[pos]) warnings.push(selfDiffers(cf, a.unitId, pos, s.self[pos]!, s.computed[pos]!));
  }
  const totals: ChannelTotals = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const { self: selfArr, final: finalArr, applicable: applicableArr, computed: computedArr, source: sourceArr } = s;
  for (let pos = 0; pos < leafCount; pos++) {
    let final = finalArr[pos]!;
    const applicable = applicableArr[pos]!;
    if (final === NONE) {
      const computed = computedArr[pos]!;
      if (computed !== NONE) {
        final = computed;
        sourceArr[pos] = COMPUTED;
      } else {
        final = 0;
        if (warnings && applicable > 0) warnings.push(notScored(cf, a.unitId, pos));
      }
    }
    if (applicable === 0) {
      sourceArr[pos] = NOT_APPLICABLE;
      final = 0;
    }
    finalArr[pos] = final;
    const c = cf.leafChannel[pos]!;
    const self = selfArr[pos]!;
    if (self !== NONE && applicable !== 0) totals[SELF + c]! += self;
    totals[APPRAISED + c]! += final;
    totals[APPLICABLE + c]! += applicable;
  }
  return capAdjustments(cf, totals);
}

/** Sets the final points of each channel: the appraised points, capped at the channel's maximum for adjustments. */
function capAdjustments(cf: CompiledFramework, totals: ChannelTotals): ChannelTotals {
  for (let c = 0; c < CHANNELS.length; c++) {
    totals[FINAL + c] = cf.adjustment[c] ? Math.min(totals[APPRAISED + c]!, cf.channelMaxMicro[c]!) : totals[APPRAISED + c]!;
  }
  return totals;
}

/**
 * The channel totals of one unit, as {@link evaluateUnit} gives them, without the per-leaf arrays: straight from the
 * assessment's columns when its entries are the framework's leaves in order and neither metrics nor the unit's kind
 * and tags change what applies (the common case, and the engine's hot path); else through {@link evaluateUnit}.
 */
export function unitTotals(
  cf: CompiledFramework,
  a: Assessment,
  metrics: ReadonlyMap<string, RuleInput> | undefined,
  unit: UnitKindAndTags | undefined,
  s: LeafScratch,
  warnings: ScoringWarning[] | undefined,
): ChannelTotals {
  const c = columnsOf(a, cf);
  const general = !c.inLeafOrder || (metrics !== undefined && cf.metricLeaves.length > 0) || (unit !== undefined && cf.anyRestricted);
  if (general) return evaluateUnit(cf, a, metrics, unit, s, warnings);
  const sums = c.sums ?? sumColumns(cf, a.unitId, c);
  if (warnings) for (const w of sums.warnings) warnings.push(w);
  return sums.totals as ChannelTotals;
}

/**
 * Works out, once, the channel totals and warnings of a sealed assessment whose entries are in leaf order, for when
 * no metric and no unit restriction applies (see {@link unitTotals}); nothing for other assessments.
 */
export function sumColumns(cf: CompiledFramework, unitId: string, c: AssessmentColumns): NonNullable<AssessmentColumns['sums']> {
  if (c.sums) return c.sums;
  const warnings: ScoringWarning[] = [];
  const totals = columnTotals(cf, unitId, c, warnings);
  const sums = { totals: Object.freeze(totals), warnings: warnings.length === 0 ? NO_WARNINGS : Object.freeze(warnings) };
  if (c.inLeafOrder) c.sums = sums;
  return sums;
}

const NO_WARNINGS: readonly ScoringWarning[] = Object.freeze([]);

/** The totals of {@link unitTotals} on columns in leaf order, with every leaf applicable and no metric. */
function columnTotals(cf: CompiledFramework, unitId: string, c: AssessmentColumns, warnings: ScoringWarning[] | undefined): ChannelTotals {
  const totals: ChannelTotals = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const { cells } = c;
  const { leafChannel, leafMaxMicro } = cf;
  let unscored: ScoringWarning[] | undefined;
  for (let pos = 0, o = 0; pos < leafMaxMicro.length; pos++, o += STRIDE) {
    const f = cells[o + PACKED]! & 255;
    if (f & NA_FLAG) continue;
    const channel = leafChannel[pos]!;
    const applicable = leafMaxMicro[pos]!;
    // the self cell holds the self points, or the points the rule gives the input (NONE when it gives none)
    const self = f & (SELF_POINTS_FLAG | INPUT_FLAG) ? cells[o + SELF_MICRO]! : NONE;
    let final = 0;
    if (f & (APPRAISAL_FLAG | IMPORTED_FLAG)) final = cells[o + FINAL_MICRO]!;
    else if (self !== NONE) final = self;
    else if (warnings && applicable > 0) (unscored ??= []).push(notScored(cf, unitId, pos));
    if (self !== NONE) totals[SELF + channel]! += self;
    totals[APPRAISED + channel]! += final;
    totals[APPLICABLE + channel]! += applicable;
    if (warnings && f & SELF_POINTS_FLAG && f & INPUT_FLAG) {
      const computed = computedOf(c, pos);
      if (computed !== NONE && computed !== self) warnings.push(selfDiffers(cf, unitId, pos, self, computed));
    }
  }
  if (unscored) warnings!.push(...unscored);
  return capAdjustments(cf, totals);
}
