import { z } from 'zod';
import { BandSchema, type Framework } from '../frameworks/framework-schema.js';
import { indexFramework } from '../frameworks/framework-index.js';
import { LabelSchema, type Label } from '../shared/label.js';
import { fromMicro, microOf, NonNegativePointsSchema, PointsSchema } from '../shared/points.js';
import { parseWithSchema } from '@par/calendar';
import { ArgumentCheck } from './arguments.js';
import { clampedIndex, compareRatios } from './exact-ratio.js';

/**
 * Zod schema for a class (xếp loại) as a published table applies it: thresholds in percent of the applicable
 * maximum or in points (some provinces class by total points), and the other ways its id is printed.
 */
export const ClassSchema = z
  .strictObject({
    /** The class as the methodology names it (`A`, `good`). */
    id: z.string().trim().min(1),
    label: LabelSchema.optional(),
    /** Other ways the class is printed (`Loại A`, `Nhóm A`, `Xuất sắc`); a printed `Loại A` also matches id `A`. */
    printed: z.array(z.string().trim().min(1)).default([]),
    /** Lowest index % in the class (inclusive). */
    minPercent: z.number().min(0).max(100).optional(),
    /** Index % where the next class starts (exclusive). */
    maxPercentExclusive: z.number().min(0).max(100).optional(),
    /** Lowest total points in the class (inclusive). */
    minPoints: NonNegativePointsSchema.optional(),
    /** Total points where the next class starts (exclusive). */
    maxPointsExclusive: NonNegativePointsSchema.optional(),
  })
  .refine((c) => (c.minPercent !== undefined || c.maxPercentExclusive !== undefined) !== (c.minPoints !== undefined || c.maxPointsExclusive !== undefined), {
    message: 'A class has thresholds in percent or in points (one of them)',
  });

/** A class of a published table: thresholds in percent or points, and the ways its id is printed. */
export type PublishedClass = z.output<typeof ClassSchema>;

/** Zod schema for the least a reviewer may know of a framework: item codes and maxima, maybe bands or classes. */
export const ItemListSchema = z.strictObject({
  items: z.array(z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/), maxPoints: NonNegativePointsSchema })).min(1),
  /** Bands in percent, as in a framework. */
  bands: z.array(BandSchema).optional(),
  /** Classes in percent or points (used instead of `bands` when given). */
  classes: z.array(ClassSchema).min(1).optional(),
  percentDecimals: z.int().min(0).max(6).default(2),
});

/** Item codes with their maxima (a dotted code's parent is the code before its last dot), and bands if known. */
export interface ItemList extends z.output<typeof ItemListSchema> {}

/** A rank as printed: a number, or a number marked as shared (`2=`, `=2`). */
const PrintedRankSchema = z.union([z.int().min(1), z.string().regex(/^\s*=?\s*[1-9]\d*\s*=?\s*$/, { message: 'Expected a rank such as 2 or 2=' })]);

/** Zod schema for a {@link PublishedTable}. */
export const PublishedTableSchema = z.strictObject({
  title: z.string().optional(),
  source: z.string().optional(),
  /**
   * How the table numbers tied units: `competition` (1, 2, 2, 4; the default) or `dense` (1, 2, 2, 3). Ranks are
   * recomputed the same way.
   */
  ties: z.enum(['competition', 'dense']).default('competition'),
  rows: z
    .array(
      z.strictObject({
        /** The row number as printed (STT, "No."): where the row is, never its rank. */
        no: z.int().min(1).optional(),
        /** The section the row is ranked in (`Sở, ban, ngành`, `UBND huyện`); rows without one form one section. */
        section: z.string().trim().min(1).optional(),
        /** The unit as printed (a name, an abbreviation or its id). */
        unit: z.string().trim().min(1),
        /** Points per item code as printed; `null` for an item printed as not applicable. */
        items: z.record(z.string().min(1), NonNegativePointsSchema.nullable()),
        total: PointsSchema.optional(),
        /** Any finite percentage as printed (a wrong one is what reconciliation is for). */
        indexPercent: z.number().min(-1e6).max(1e6).optional(),
        /** The rank within the row's section, as printed (`2`, or `2=` for a printed tie). */
        rank: PrintedRankSchema.optional(),
        /** The class as printed (`A`, `Loại A`, `Tốt`). */
        band: z.string().optional(),
      }),
    )
    .min(1),
});

/** A results table as published: per-item points, totals, indices, ranks and classes as printed, by section. */
export interface PublishedTable extends z.output<typeof PublishedTableSchema> {}

/** One thing in a published table that does not follow from the rest. */
export interface Discrepancy {
  /** Row index in the table. */
  readonly row: number;
  /** The row number as printed, when the table has one. */
  readonly no?: number;
  readonly section?: string;
  readonly unit: string;
  readonly unitId?: string;
  readonly kind:
    | 'unknownItem'
    | 'itemAboveMax'
    | 'parentNotSum'
    | 'totalNotSum'
    | 'indexMismatch'
    | 'rankMismatch'
    | 'rankMoved'
    | 'bandMismatch'
    | 'incompleteRow'
    | 'unknownUnit'
    | 'ambiguousUnit'
    | 'duplicateUnit';
  readonly code?: string;
  readonly printed?: number | string;
  readonly expected?: number | string;
  readonly message: string;
}

/** A row recomputed from its items. */
export interface CorrectedRow {
  readonly row: number;
  readonly no?: number;
  readonly section?: string;
  readonly unit: string;
  readonly unitId?: string;
  readonly total: number;
  readonly applicableMax: number;
  readonly indexPercent: number | null;
  /** The rank the recomputed totals give within the section. */
  readonly rank: number | null;
  /** The rank as printed. */
  readonly printedRank?: number;
  /** The class the recomputed total falls in. */
  readonly band?: string;
}

/** What {@link reconcile} found. */
export interface Reconciliation {
  readonly discrepancies: readonly Discrepancy[];
  /** The ranking recomputed from the items, by section (in the order sections first appear), best first. */
  readonly corrected: readonly CorrectedRow[];
}

/** A unit printed names are matched against. */
export interface ReconcileUnit {
  readonly id: string;
  readonly name: Label;
  /** Other names and abbreviations the unit is printed under (`Sở VH, TT & DL`). */
  readonly aliases?: readonly string[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /**
   * Units to match printed names against, by id, name or a declared alias (case, spacing, spacing around
   * punctuation and Unicode form ignored). When given, a name that matches none, or more than one, is a finding.
   */
  readonly units?: readonly ReconcileUnit[];
}

const UnitOptionSchema = z.object({ id: z.string().min(1), name: LabelSchema, aliases: z.array(z.string().trim().min(1)).optional() });

/** A printed text for comparison: Unicode NFC, lower case, one space, no spaces around punctuation. */
const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .replace(/\s*([,.;:&/()+\-–])\s*/g, '$1')
    .trim();
/** A printed class without its prefix: `Loại A` -> `a`, `Nhóm II` -> `ii`. */
const classCore = (s: string) => norm(s).replace(/^(xếp loại|loại|nhóm|hạng|group|class|type)\s*/u, '');
const rankOf = (printed: number | string | undefined) => (printed === undefined ? undefined : typeof printed === 'number' ? printed : Number(printed.replace(/[\s=]/g, '')));

/**
 * Recomputes a published results table and lists every discrepancy: an item above its maximum, a parent item that is
 * not the sum of its children, a total that is not the sum of its items, an index, rank or class that does not
 * follow from the printed totals, and every rank that moves once the arithmetic is corrected (its own finding, with
 * the printed and the corrected rank); and gives the ranking the items imply. Ranks are per section and follow the
 * table's way of numbering ties; a printed row number (`no`) is never read as a rank. Classes may have thresholds in
 * percent or in points, and are matched as printed (`A`, `Loại A`, a label). Printed unit names are matched to
 * `options.units` through names and declared aliases. The framework may be a parsed one or just the item codes with
 * their maxima. Throws {@link ParValidationError} for a table, item list or options of the wrong shape.
 */
export function reconcile(framework: Framework | unknown, table: unknown, options: ReconcileOptions = {}): Reconciliation {
  const args = new ArgumentCheck('reconcile');
  const fullFramework = isFramework(framework);
  if (fullFramework) args.framework(framework);
  if (args.options(options)) args.array(options.units, ['options', 'units']).forEach((u, i) => args.schema(u, ['options', 'units', i], UnitOptionSchema));
  args.done();
  const list = fullFramework ? itemsOf(framework) : parseWithSchema('item list', ItemListSchema, framework);
  const t = parseWithSchema('published table', PublishedTableSchema, table);
  const classes: PublishedClass[] = list.classes ?? (list.bands ?? []).map((b) => ({ id: b.id, label: b.label, printed: [], minPercent: b.minPercent, ...(b.maxPercentExclusive !== undefined && { maxPercentExclusive: b.maxPercentExclusive }) }));
  const max = new Map(list.items.map((i) => [i.code, microOf(i.maxPoints)]));
  const children = new Map<string, string[]>();
  const tops: string[] = [];
  for (const { code } of list.items) {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;
    if (parent !== undefined && max.has(parent)) children.set(parent, [...(children.get(parent) ?? []), code]);
    else tops.push(code);
  }
  const names = new Map<string, Set<string>>();
  for (const u of options.units ?? []) {
    for (const name of [u.id, u.name.vi, u.name.en, ...(u.aliases ?? [])]) {
      if (name === undefined) continue;
      const key = norm(name);
      names.set(key, (names.get(key) ?? new Set()).add(u.id));
    }
  }
  const decimals = list.percentDecimals;
  const out: Discrepancy[] = [];
  const firstRow = new Map<string, string>();
  const rows = t.rows.map((row, r) => {
    const matches = [...(names.get(norm(row.unit)) ?? [])];
    const unitId = matches.length === 1 ? matches[0] : undefined;
    const at = { row: r, ...(row.no !== undefined && { no: row.no }), ...(row.section !== undefined && { section: row.section }), unit: row.unit, ...(unitId && { unitId }) };
    const key = unitId ?? norm(row.unit);
    const first = firstRow.get(key);
    if (first !== undefined) out.push({ ...at, kind: 'duplicateUnit', expected: first, message: `"${row.unit}" is the unit already printed at ${first}` });
    else firstRow.set(key, `row ${row.no ?? r + 1}`);
    if (options.units && matches.length === 0) out.push({ ...at, kind: 'unknownUnit', message: `"${row.unit}" matches no unit's name or alias` });
    if (matches.length > 1) out.push({ ...at, kind: 'ambiguousUnit', expected: matches.join(', '), message: `"${row.unit}" matches several units: ${matches.join(', ')}` });
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
      if (microOf(row.indexPercent) !== microOf(expected)) {
        out.push({ ...at, kind: 'indexMismatch', printed: row.indexPercent, expected, message: `${row.unit}: index printed ${row.indexPercent}%, but ${fromMicro(printedTotal)} of ${fromMicro(applicable)} is ${expected}%` });
      }
    }
    const cls = classOf(classes, printedTotal, applicable);
    if (row.band !== undefined && cls !== undefined && !printedAs(cls, row.band)) {
      out.push({ ...at, kind: 'bandMismatch', printed: row.band, expected: cls.id, message: `${row.unit}: class printed "${row.band}", but its ${cls.minPoints !== undefined || cls.maxPointsExclusive !== undefined ? 'total' : 'index'} falls in "${cls.label?.vi ?? cls.id}"` });
    }
    return { r, at, row, unitId, total, applicable, printedTotal, printedRank: rankOf(row.rank) };
  });
  const complete = rows.filter((x): x is NonNullable<typeof x> => x !== undefined);
  const sections = new Map<string | undefined, typeof complete>();
  for (const x of complete) sections.set(x.row.section, [...(sections.get(x.row.section) ?? []), x]);
  const corrected: CorrectedRow[] = [];
  for (const members of sections.values()) {
    const implied = ranks(members, (x) => x.printedTotal, t.ties);
    const recomputed = ranks(members, (x) => x.total, t.ties);
    members.forEach((x, i) => {
      const rankByPrinted = implied[i]!;
      if (x.printedRank !== undefined && rankByPrinted !== null && rankByPrinted !== x.printedRank) {
        out.push({ ...x.at, kind: 'rankMismatch', printed: x.printedRank, expected: rankByPrinted, message: `${x.row.unit}: rank printed ${x.printedRank}, but its printed total places it ${rankByPrinted}` });
      }
      const before = x.printedRank ?? rankByPrinted;
      const after = recomputed[i]!;
      if (before !== null && after !== null && before !== after) {
        out.push({ ...x.at, kind: 'rankMoved', printed: before, expected: after, message: `${x.row.unit}: rank ${before} as printed, ${after} once the arithmetic is corrected` });
      }
      const cls = classOf(classes, x.total, x.applicable);
      corrected.push({
        ...x.at,
        total: fromMicro(x.total),
        applicableMax: fromMicro(x.applicable),
        indexPercent: clampedIndex(x.total, x.applicable, decimals),
        rank: after,
        ...(x.printedRank !== undefined && { printedRank: x.printedRank }),
        ...(cls && { band: cls.id }),
      });
    });
  }
  const sectionOrder = [...sections.keys()];
  corrected.sort((a, b) => sectionOrder.indexOf(a.section) - sectionOrder.indexOf(b.section) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
  return { discrepancies: out.sort((a, b) => a.row - b.row), corrected };
}

/** Ranks of units by exact index (higher first): competition (1, 2, 2, 4) or dense (1, 2, 2, 3); `null` when nothing applies. */
function ranks<T extends { applicable: number }>(members: readonly T[], points: (x: T) => number, ties: 'competition' | 'dense'): (number | null)[] {
  const cmp = (x: T, y: T) => compareRatios(points(y), y.applicable, points(x), x.applicable);
  const order = members.map((_, i) => i).filter((i) => members[i]!.applicable > 0).sort((i, j) => cmp(members[i]!, members[j]!));
  const out: (number | null)[] = members.map(() => null);
  let distinct = 0;
  order.forEach((m, k) => {
    const tied = k > 0 && cmp(members[order[k - 1]!]!, members[m]!) === 0;
    if (!tied) distinct++;
    out[m] = tied ? out[order[k - 1]!]! : ties === 'competition' ? k + 1 : distinct;
  });
  return out;
}

/** The first class whose thresholds hold the total (in points) or its exact index (in percent). */
function classOf(classes: readonly PublishedClass[], total: number, applicable: number): PublishedClass | undefined {
  if (applicable === 0) return undefined;
  const clamped = Math.max(0, Math.min(total, applicable));
  const percentAtLeast = (edge: number) => compareRatios(clamped * 100, applicable, microOf(edge), 1_000_000) >= 0;
  return classes.find((c) =>
    c.minPoints !== undefined || c.maxPointsExclusive !== undefined
      ? total >= microOf(c.minPoints ?? 0) && (c.maxPointsExclusive === undefined || total < microOf(c.maxPointsExclusive))
      : percentAtLeast(c.minPercent ?? 0) && (c.maxPercentExclusive === undefined || !percentAtLeast(c.maxPercentExclusive)),
  );
}

/** Whether a printed class is this class: its id, label or a declared printed form, with or without `Loại`/`Nhóm`. */
function printedAs(c: PublishedClass, printed: string): boolean {
  const forms = [c.id, c.label?.vi, c.label?.en, ...c.printed].filter((s): s is string => s !== undefined);
  return forms.some((f) => norm(f) === norm(printed) || classCore(f) === classCore(printed));
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
