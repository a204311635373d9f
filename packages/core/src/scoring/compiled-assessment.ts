import { microOf } from '../shared/points.js';
import type { AssessmentEntry } from './assessment-schema.js';
import type { CompiledFramework } from './compiled-framework.js';

/** Entry flags. */
export const NA_FLAG = 1;
/** The entry has self points. */
export const SELF_POINTS_FLAG = 2;
/** The entry has a measured input its leaf's rule scores. */
export const INPUT_FLAG = 4;
/** The entry has an appraisal round (its last one is in `finalMicro`). */
export const APPRAISAL_FLAG = 8;
/** The entry has imported points (in `finalMicro`). */
export const IMPORTED_FLAG = 16;

/** An assessment's entries as typed arrays against one compiled framework: what the engine reads. */
export interface CompiledEntries {
  readonly cf: CompiledFramework;
  /** Leaf position of each entry; -1 when its code is not a leaf. */
  readonly pos: Int32Array;
  readonly flags: Uint8Array;
  readonly selfMicro: Float64Array;
  /** Last appraisal round, or imported points. */
  readonly finalMicro: Float64Array;
  /** Points the leaf's rule gives the measured input (-1 when it does not fit), where `INPUT_FLAG`. */
  readonly inputMicro: Float64Array;
  /** The tier the input matched (-1 otherwise, -2 no tier), where `INPUT_FLAG`. */
  readonly inputTier: Int8Array;
}

const cache = new WeakMap<readonly AssessmentEntry[], CompiledEntries>();

/**
 * Compiles entries against a framework. Entries that cannot change (frozen, as `parseAssessment` leaves them)
 * are compiled once and remembered.
 */
export function compileEntries(cf: CompiledFramework, entries: readonly AssessmentEntry[]): CompiledEntries {
  const hit = cache.get(entries);
  if (hit && hit.cf === cf) return hit;
  const n = entries.length;
  const pos = new Int32Array(n);
  const flags = new Uint8Array(n);
  const selfMicro = new Float64Array(n);
  const finalMicro = new Float64Array(n);
  const inputMicro = new Float64Array(n);
  const inputTier = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const guess = i < cf.leaves.length ? cf.leaves[i]! : -1;
    const node = guess !== -1 && cf.codes[guess] === e.code ? guess : cf.byCode.get(e.code);
    pos[i] = node === undefined ? -1 : cf.leafPos[node]!;
    let f = 0;
    if (e.notApplicable) f |= NA_FLAG;
    if (e.self?.points !== undefined) {
      f |= SELF_POINTS_FLAG;
      selfMicro[i] = microOf(e.self.points);
    }
    const rule = pos[i]! === -1 ? undefined : cf.rules[pos[i]!];
    if (e.self?.input !== undefined && rule) {
      f |= INPUT_FLAG;
      inputMicro[i] = rule.evaluate(e.self.input);
      inputTier[i] = rule.tier;
    }
    const rounds = e.appraisals.length;
    if (rounds > 0) {
      f |= APPRAISAL_FLAG;
      finalMicro[i] = microOf(e.appraisals[rounds - 1]!.points);
    } else if (e.imported) {
      f |= IMPORTED_FLAG;
      finalMicro[i] = microOf(e.imported.points);
    }
    flags[i] = f;
  }
  const compiled = { cf, pos, flags, selfMicro, finalMicro, inputMicro, inputTier };
  if (Object.isFrozen(entries)) cache.set(entries, compiled);
  return compiled;
}
