import { CivilDateSchema, type CivilDate, periodRange, parseWithSchema } from '@par/calendar';
import { ArgumentCheck } from './arguments.js';
import { z } from 'zod';
import { IdSchema } from '../shared/identifiers.js';
import type { Label } from '../shared/label.js';
import { fromMicro, microOf } from '../shared/points.js';
import type { UnitRegistry } from '../units/unit-registry.js';
import { clampedIndex } from './exact-ratio.js';
import type { IndexResult, IndexResultSet } from './index-result.js';

/** Zod schema for a {@link Crosswalk}. */
export const CrosswalkSchema = z.strictObject({
  from: z.strictObject({ id: IdSchema, version: z.string().min(1) }),
  to: z.strictObject({ id: IdSchema, version: z.string().min(1) }),
  /** New code -> the old codes it continues (empty: a new node with no predecessor). Unlisted codes map to themselves. */
  codes: z.record(z.string().min(1), z.array(z.string().min(1))),
  source: z.string().optional(),
});

/** How node codes of one framework version continue those of an earlier one, as data. */
export interface Crosswalk extends z.output<typeof CrosswalkSchema> {}

/** Validates a crosswalk document. Throws {@link ParValidationError}. */
export function parseCrosswalk(input: unknown): Crosswalk {
  return parseWithSchema('crosswalk', CrosswalkSchema, input);
}

/**
 * How the results of units that merged are combined for comparison: `pooled` (their points and applicable
 * maxima summed: the index the merged unit would have had), `mean` of their indices, `best` or `worst`.
 */
export type MergePolicy = 'pooled' | 'mean' | 'best' | 'worst';

/** Options of {@link compareResults}. */
export interface CompareOptions {
  /** To follow units through mergers: each earlier unit is resolved to the unit answering for it `on` a date. */
  readonly registry?: UnitRegistry;
  /** The date lineage is resolved on. Default: the last day of the current period. */
  readonly on?: CivilDate;
  /** Default `pooled`. */
  readonly mergePolicy?: MergePolicy;
  /** Node codes across framework versions. Without one, codes are matched as they are. */
  readonly crosswalk?: Crosswalk;
}

/** One node's component index now and before. */
export interface NodeChange {
  readonly code: string;
  readonly now: number | null;
  readonly before: number | null;
  /** In percentage points. */
  readonly change: number | null;
}

/** One unit now against its earlier self (or its predecessors). */
export interface UnitChangeRow {
  readonly unitId: string;
  /** The earlier units compared with: the unit itself, or the units that merged into it. */
  readonly previousUnitIds: readonly string[];
  readonly index: { readonly now: number | null; readonly before: number | null; readonly change: number | null };
  readonly points: { readonly now: number; readonly before: number | null; readonly change: number | null };
  /** Rank change, positive when the unit moved up; `null` when its earlier rank is not one unit's rank. */
  readonly rank: { readonly now: number | null; readonly before: number | null; readonly change: number | null };
  /** "dropped 3 places", "tụt 3 bậc"... */
  readonly summary: Label;
  readonly nodes: readonly NodeChange[];
}

/** The comparison of a result set with an earlier one. */
export interface YearOverYear {
  readonly current: { readonly framework: IndexResultSet['framework']; readonly period: string };
  readonly previous: { readonly framework: IndexResultSet['framework']; readonly period: string };
  readonly mergePolicy: MergePolicy;
  readonly rows: readonly UnitChangeRow[];
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : fromMicro(microOf(a) - microOf(b)));

function summaryOf(change: number | null, merged: boolean): Label {
  if (merged) return { vi: 'Đơn vị mới sau sắp xếp: so sánh với các đơn vị cũ gộp lại', en: 'New unit after the merger: compared with its predecessors combined' };
  if (change === null) return { vi: 'Không có thứ hạng để so sánh', en: 'No rank to compare' };
  if (change === 0) return { vi: 'Giữ nguyên thứ hạng', en: 'Same place' };
  const n = Math.abs(change);
  return change > 0
    ? { vi: `Tăng ${n} bậc`, en: `Rose ${n} place${n === 1 ? '' : 's'}` }
    : { vi: `Tụt ${n} bậc`, en: `Dropped ${n} place${n === 1 ? '' : 's'}` };
}

/**
 * Compares current results with earlier ones, unit by unit: change in points, index and rank, and in each node's
 * component index. Earlier units are followed to the unit answering for them through the registry's lineage; the
 * results of units merged into one are combined by `mergePolicy` (and their earlier rank is not carried over).
 * Node codes are matched through the crosswalk when the framework version changed.
 */
export function compareResults(current: IndexResultSet, previous: IndexResultSet, options: CompareOptions = {}): YearOverYear {
  const args = new ArgumentCheck('compareResults').results(current, ['current']).results(previous, ['previous']);
  if (args.options(options)) {
    if (options.on !== undefined) args.schema(options.on, ['options', 'on'], CivilDateSchema);
    args.oneOf(options.mergePolicy, ['options', 'mergePolicy'], ['pooled', 'mean', 'best', 'worst']);
    if (options.crosswalk !== undefined) args.schema(options.crosswalk, ['options', 'crosswalk'], CrosswalkSchema);
    if (options.registry !== undefined && typeof (options.registry as { successorsOf?: unknown } | null)?.successorsOf !== 'function') {
      args.add(['options', 'registry'], 'invalid_option', 'Expected a unit registry from createUnitRegistry');
    }
  }
  args.done();
  const policy = options.mergePolicy ?? 'pooled';
  const on = options.on ?? periodRange(current.period).end;
  const predecessors = new Map<string, IndexResult[]>();
  for (const p of previous.results) {
    const now = options.registry ? options.registry.successorsOf(p.unitId, on).map((s) => s.unitId) : [p.unitId];
    for (const id of now) predecessors.set(id, [...(predecessors.get(id) ?? []), p]);
  }
  const oldCodes = (code: string): readonly string[] => options.crosswalk?.codes[code] ?? [code];
  const decimals = current.rounding.percentDecimals;
  const rows = current.results.map((r): UnitChangeRow => {
    const before = predecessors.get(r.unitId) ?? [];
    const merged = before.length > 1;
    const pooledFinal = before.reduce((s, p) => s + microOf(p.points.final), 0);
    const pooledApplicable = before.reduce((s, p) => s + microOf(p.points.applicableMax), 0);
    const indices = before.map((p) => p.indexPercent).filter((v): v is number => v !== null);
    let beforeIndex: number | null = null;
    if (before.length === 1) beforeIndex = before[0]!.indexPercent;
    else if (merged && policy === 'pooled' && pooledApplicable > 0) beforeIndex = clampedIndex(pooledFinal, pooledApplicable, decimals);
    else if (merged && indices.length > 0 && policy === 'mean') beforeIndex = fromMicro(Math.round(indices.reduce((s, v) => s + microOf(v), 0) / indices.length));
    else if (merged && indices.length > 0) beforeIndex = policy === 'best' ? Math.max(...indices) : Math.min(...indices);
    const beforeRank = before.length === 1 ? before[0]!.rank : null;
    const rankChange = r.rank !== null && beforeRank !== null ? beforeRank - r.rank : null;
    const nodesNow = current.breakdown(r.unitId);
    const nodesBefore = before.map((p) => new Map(previous.breakdown(p.unitId).map((n) => [n.code, n])));
    const nodes = nodesNow.map((n): NodeChange => {
      let final = 0;
      let applicable = 0;
      let found = false;
      for (const map of nodesBefore) {
        for (const code of oldCodes(n.code)) {
          const old = map.get(code);
          if (!old) continue;
          found = true;
          final += microOf(old.final);
          applicable += microOf(old.applicableMaxPoints);
        }
      }
      const was = found ? clampedIndex(final, applicable, decimals) : null;
      return { code: n.code, now: n.componentIndex, before: was, change: diff(n.componentIndex, was) };
    });
    return {
      unitId: r.unitId,
      previousUnitIds: before.map((p) => p.unitId),
      index: { now: r.indexPercent, before: beforeIndex, change: diff(r.indexPercent, beforeIndex) },
      points: {
        now: r.points.final,
        before: before.length === 0 ? null : fromMicro(pooledFinal),
        change: before.length === 0 ? null : fromMicro(microOf(r.points.final) - pooledFinal),
      },
      rank: { now: r.rank, before: beforeRank, change: rankChange },
      summary: summaryOf(rankChange, merged),
      nodes,
    };
  });
  return {
    current: { framework: current.framework, period: current.period },
    previous: { framework: previous.framework, period: previous.period },
    mergePolicy: policy,
    rows,
  };
}
