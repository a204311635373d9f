import { z } from 'zod';
import { PeriodSchema } from '../shared/civil-date.js';
import { IdSchema } from '../shared/identifiers.js';
import { RuleInputSchema } from './assessment-schema.js';

/** Zod schema for a {@link Metric}. */
export const MetricSchema = z.strictObject({
  /** What is measured, e.g. `taskOnTimeRate`; a framework node binds to it by this id. */
  metricId: IdSchema,
  unitId: IdSchema,
  period: PeriodSchema,
  value: RuleInputSchema,
  /** Where the value comes from (a system, a report, a plugin). */
  source: z.string().trim().min(1),
});

/** A measured value for a unit and period, with its source: the bridge from operational data to scoring. */
export interface Metric extends z.output<typeof MetricSchema> {}
