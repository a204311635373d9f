import { z } from 'zod';
import { BandSchema, type Framework } from '../frameworks/framework-schema.js';
import { indexFramework } from '../frameworks/framework-index.js';
import type { Label } from '../shared/label.js';
import { fromMicro, microOf, NonNegativePointsSchema, PointsSchema } from '../shared/points.js';
import { parseWithSchema } from '@par/calendar';
import { bandFor, clampedIndex, compareRatios } from './exact-ratio.js';

/** Zod schema for the least a reviewer may know of a framework: item codes and maxima, maybe bands. */
export const ItemListSchema = z.strictObject({
  items: z.array(z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/), maxPoints: NonNegativePointsSchema })).min(1),
  bands: z.array(BandSchema).optional(),
  percentDecimals: z.int().min(0).max(6).default(2),
});

/** Item codes with their maxima (a dotted code's parent is the code before its last dot), and bands if known. */
export interface ItemList extends z.output<typeof ItemListSchema> {}

/** Zod schema for a {@link PublishedTable}. */
export const PublishedTableSchema = z.strictObject({
  title: z.string().optional(),
  source: z.string().optional(),
  rows: z
    .array(
      z.strictObject({
        /** The unit as printed (a name) or its id. */
        unit: z.string().trim().min(1),
        /** Points per item code as printed; `null` for an item printed as not applicable. */
        items: z.record(z.string().min(1), NonNegativePointsSchema.nullable()),
        total: PointsSchema.optional(),
        /** Any finite percentage as printed (a wrong one is what reconciliation is for). */
        indexPercent: z.number().min(-1e6).max(1e6).optional(),
        rank: z.int().min(1).optional(),
        band: z.string().optional(),
      }),
    )
    .min(1),
});

/** A results table as published: per-item points, totals, indices, ranks and bands as printed. */
export interface PublishedTable extends z.output<typeof PublishedTableSchema> {}

/** One thing in a published table that does not follow from the rest. */
export interface Discrepancy {
  /** Row index in the table. */
  readonly row: number;
  readonly unit: string;
  readonly unitId?: string;
  readonly kind: 'unknownItem' | 'itemAboveMax' | 'parentNotSum' | 'totalNotSum' | 'indexMismatch' | 'rankMismatch' | 'bandMismatch' | 'incompleteRow';
  readonly code?: string;
  readonly printed?: number | string;
  readonly expected?: number | string;
  readonly message: string;
}

/** A row recomputed from its items. */
export interface CorrectedRow {
  readonly row: number;
  readonly unit: string;
  readonly unitId?: string;
  readonly total: number;
  readonly applicableMax: number;
  readonly indexPercent: number | null;
  readonly rank: number | null;
  readonly band?: string;
}

/** What {@link reconcile} found. */
export interface Reconciliation {
  readonly discrepancies: readonly Discrepancy[];
  /** The ranking recomputed from the items, best first. */
  readonly corrected: readonly CorrectedRow[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Units to match printed names against (case, spacing and Unicode form ignored). */
  readonly units?: readonly { readonly id: string; readonly name: Label }[];
}

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Recomputes a published results table and lists every discrepancy: an item above its maximum, a parent item
 * that is not the sum of its children, a total that is not the sum of its items, an index, rank or band that does
 * not follow from the printed totals; and gives the ranking the items imply. The framework may be a full one or
 * just the item codes with their maxima. Throws {@link ParValidationError} for a table or item list of the wrong
 * shape.
 */
export function reconcile(framework: Framework | unknown, table: unknown, options: ReconcileOptions = {}): Reconciliation {
  const list = isFramework(framework) ? itemsOf(framework) : parseWithSchema('item list', ItemListSchema, framework);
  const t = parseWithSchema('published table', PublishedTableSchema, table);
  const max = new Map(list.items.map((i) => [i.code, microOf(i.maxPoints)]));
  const children = new Map<string, string[]>();
  const tops: string[] = [];
  for (const { code } of list.items) {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;
    if (parent !== undefined && max.has(parent)) children.set(parent, [...(children.get(parent) ?? []), code]);
    else tops.push(code);
  }
  const names = new Map<string, string>();
  for (const u of options.units ?? []) {
    names.set(norm(u.id), u.id);
    names.set(norm(u.name.vi), u.id);
    if (u.name.en) names.set(norm(u.name.en), u.id);
  }
  const decimals = list.percentDecimals;
  const out: Discrepancy[] = [];
  const rows = t.rows.map((row, r) => {
    const unitId = names.get(norm(row.unit));
    const at = { row: r, unit: row.unit, ...(unitId && { unitId }) };
    const printed = new Map<string, number | null>();
    for (const [code, value] of Object.entries(row.items)) {
      if (!max.has(code)) {
        out.push({ ...at, kind: 'unknownItem', code, message: `Item ${code} is not in the framework` });
        continue;
      }
      printed.set(code, value === null ? null : microOf(value));
      if (value !== null && microOf(value) > max.get(code)!) {
        out.push({ ...at, kind: 'itemAboveMax', code, printed: value, expected: fromMicro(max.get(code)!), message: `${row.unit}: item ${code} is ${value}, above its maximum ${fromMicro(max.get(code)!)}` });
      }
    }
    // value and applicable maximum of a node: from its children when they are all printed, else as printed
    const value = (code: string): { points: number; applicable: number } | undefined => {
      const kids = children.get(code) ?? [];
      const sums = kids.map(value);
      if (kids.length > 0 && sums.every((s) => s !== undefined)) {
        const points = sums.reduce((s, v) => s + v!.points, 0);
        const applicable = sums.reduce((s, v) => s + v!.applicable, 0);
        const own = printed.get(code);
        if (own !== undefined && own !== null && own !== points) {
          out.push({ ...at, kind: 'parentNotSum', code, printed: fromMicro(own), expected: fromMicro(points), message: `${row.unit}: item ${code} is printed ${fromMicro(own)}, but its sub-items sum to ${fromMicro(points)}` });
        }
        return { points, applicable };
      }
      const own = printed.get(code);
      if (own === undefined) return undefined;
      return own === null ? { points: 0, applicable: 0 } : { points: own, applicable: max.get(code)! };
    };
    const parts = tops.map(value);
    if (parts.some((p) => p === undefined)) {
      out.push({ ...at, kind: 'incompleteRow', message: `${row.unit}: some items are missing, so the total cannot be checked` });
      return undefined;
    }
    const total = parts.reduce((s, p) => s + p!.points, 0);
    const applicable = parts.reduce((s, p) => s + p!.applicable, 0);
    if (row.total !== undefined && microOf(row.total) !== total) {
      out.push({ ...at, kind: 'totalNotSum', printed: row.total, expected: fromMicro(total), message: `${row.unit}: total printed ${row.total}, but its items sum to ${fromMicro(total)}` });
    }
    const printedTotal = row.total === undefined ? total : microOf(row.total);
    if (row.indexPercent !== undefined && applicable > 0) {
      const expected = clampedIndex(printedTotal, applicable, decimals)!;
      if (Math.abs(microOf(row.indexPercent) - microOf(expected)) > 0) {
        out.push({ ...at, kind: 'indexMismatch', printed: row.indexPercent, expected, message: `${row.unit}: index printed ${row.indexPercent}%, but ${fromMicro(printedTotal)} of ${fromMicro(applicable)} is ${expected}%` });
      }
    }
    const band = list.bands && bandFor(list.bands, printedTotal, applicable);
    if (row.band !== undefined && band !== undefined && norm(row.band) !== norm(band)) {
      const label = list.bands!.find((b) => b.id === band)!;
      if (norm(row.band) !== norm(label.label.vi) && norm(row.band) !== norm(label.label.en ?? '')) {
        out.push({ ...at, kind: 'bandMismatch', printed: row.band, expected: band, message: `${row.unit}: band printed "${row.band}", but its index falls in "${label.label.vi}"` });
      }
    }
    return { r, row, unitId, total, applicable, printedTotal };
  });
  const complete = rows.filter((x): x is NonNullable<typeof x> => x !== undefined);
  // ranks that follow from the printed totals
  for (const x of complete) {
    if (x.row.rank === undefined || x.applicable === 0) continue;
    const expected = complete.filter((y) => y.applicable > 0 && compareRatios(y.printedTotal, y.applicable, x.printedTotal, x.applicable) > 0).length + 1;
    if (expected !== x.row.rank) {
      out.push({ row: x.r, unit: x.row.unit, ...(x.unitId && { unitId: x.unitId }), kind: 'rankMismatch', printed: x.row.rank, expected, message: `${x.row.unit}: rank printed ${x.row.rank}, but its printed total places it ${expected}` });
    }
  }
  const corrected = complete
    .map((x): CorrectedRow => {
      const rank = x.applicable === 0 ? null : complete.filter((y) => y.applicable > 0 && compareRatios(y.total, y.applicable, x.total, x.applicable) > 0).length + 1;
      const band = list.bands && bandFor(list.bands, x.total, x.applicable);
      return {
        row: x.r,
        unit: x.row.unit,
        ...(x.unitId && { unitId: x.unitId }),
        total: fromMicro(x.total),
        applicableMax: fromMicro(x.applicable),
        indexPercent: clampedIndex(x.total, x.applicable, decimals),
        rank,
        ...(band && { band }),
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
  return { discrepancies: out.sort((a, b) => a.row - b.row), corrected };
}

function isFramework(f: unknown): f is Framework {
  return typeof f === 'object' && f !== null && 'nodes' in f && 'channels' in f;
}

function itemsOf(f: Framework): ItemList {
  const items = [...indexFramework(f).values()]
    .filter((n) => n.channel !== 'deduction' && n.channel !== 'bonus')
    .map((n) => ({ code: n.node.code, maxPoints: n.node.maxPoints }));
  return { items, bands: f.bands, percentDecimals: f.rounding.percentDecimals };
}
