import { z } from 'zod';
import { IdSchema, KindNameSchema } from '../shared/identifiers.js';
import { LabelSchema } from '../shared/label.js';

/** Zod schema for a {@link UnitSelector}. */
export const UnitSelectorSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('unit'), unitId: IdSchema }),
  z.strictObject({
    by: z.literal('kind'),
    kinds: z.array(KindNameSchema).min(1),
    within: IdSchema,
    description: LabelSchema.optional(),
  }),
  z.strictObject({
    by: z.literal('result'),
    /** Units whose band is one of these. */
    bands: z.array(z.string().min(1)).min(1).optional(),
    /** The N lowest-ranked units (every unit tied with the N-th from the bottom is included). */
    bottom: z.int().min(1).optional(),
    /** Only units below this one on the document's date. */
    within: IdSchema.optional(),
    description: LabelSchema.optional(),
  }).refine((s) => s.bands !== undefined || s.bottom !== undefined, { message: 'A result selector needs bands or bottom' }),
]);

/**
 * Who a directive item is addressed to: one `unit`; every unit of some `kind`s below a unit (on the
 * document's date); or units picked from a `result` set by band or by rank ("units ranked low in 2021"),
 * resolved only when results are given.
 */
export type UnitSelector = z.output<typeof UnitSelectorSchema>;

/** The least a result set must say about a unit for result selectors: its rank and band (an `IndexResult` does). */
export interface RankedUnit {
  readonly unitId: string;
  /** Competition rank, 1 = best; `null` for an unranked unit (never picked by `bottom`). */
  readonly rank: number | null;
  /** Band id, e.g. `good` or `weak`. */
  readonly band?: string | null | undefined;
}
