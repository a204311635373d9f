import { z } from 'zod';
import { LabelSchema } from '../shared/label.js';

/** How much one report section may hold: a district's report, not a data dump. */
export const REPORT_SECTION_LIMITS = {
  tables: 10,
  charts: 10,
  columns: 20,
  rows: 1_000,
  series: 30,
  points: 400,
  /** Characters of one cell, label or category. */
  text: 500,
} as const;

const L = REPORT_SECTION_LIMITS;
const text = z.string().max(L.text);
const label = z.strictObject({ vi: text.trim().min(1), en: text.trim().min(1).optional() });

/** Zod schema for a table of a report section: labelled columns and rows of plain text cells (`null` when empty). */
export const ReportTableSchema = z
  .strictObject({
    title: label,
    columns: z.array(z.strictObject({ label, numeric: z.boolean().optional(), unit: z.boolean().optional() })).min(1).max(L.columns),
    rows: z.array(z.array(text.nullable()).max(L.columns)).max(L.rows),
  })
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), { message: 'Every row has one cell per column', path: ['rows'] });

/** Zod schema for a chart of a report section: numeric series over shared categories (a line or bar chart). */
export const ReportChartSchema = z
  .strictObject({
    title: label,
    kind: z.enum(['line', 'bar']),
    categories: z.array(text).min(1).max(L.points),
    /** The unit of the values, shown on the axis (e.g. `%`). */
    unit: z.string().max(20).optional(),
    series: z.array(z.strictObject({ name: label, unitId: z.string().min(1).max(L.text).optional(), values: z.array(z.number().finite().nullable()).max(L.points), dashed: z.boolean().optional() })).min(1).max(L.series),
  })
  .refine((c) => c.series.every((s) => s.values.length === c.categories.length), { message: 'Every series has one value per category', path: ['series'] });

/** Zod schema for what a report section holds: notes, tables and charts, in that order. */
export const ReportSectionContentSchema = z.strictObject({
  notes: z.array(label).max(L.tables).optional(),
  tables: z.array(ReportTableSchema).max(L.tables).optional(),
  charts: z.array(ReportChartSchema).max(L.charts).optional(),
});

/**
 * A table of a report section: every cell is text the plugin formatted (amounts exactly); the host escapes it. A
 * `numeric` column is aligned right; the cells of a `unit` column are unit ids, shown as the units' names.
 */
export type ReportTable = z.input<typeof ReportTableSchema>;
/** A chart of a report section: series of finite numbers (or `null` for a gap) over categories; a series with a `unitId` is named by that unit's name. */
export type ReportChart = z.input<typeof ReportChartSchema>;
/** What a plugin's report section holds: structured data only, never HTML. */
export type ReportSectionContent = z.input<typeof ReportSectionContentSchema>;

/** A report section as the host computed and checked it, with the plugin it came from. */
export interface ComputedReportSection {
  readonly plugin: string;
  readonly id: string;
  readonly title: z.output<typeof LabelSchema>;
  readonly content: z.output<typeof ReportSectionContentSchema>;
}
