import { z } from 'zod';
import { ArgumentCheck, type ArgPath } from './arguments.js';
import { PeriodSchema } from '@par/calendar';
import { IdSchema } from '../shared/identifiers.js';
import { RuleInputSchema, type RuleInput } from './assessment-schema.js';

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

/** The values of one period, by unit and then by metric id (a later value for the same pair wins). */
export function metricsByUnit(metrics: readonly Metric[], period: string): Map<string, Map<string, RuleInput>> {
  const args = new ArgumentCheck('metricsByUnit').period(period);
  checkMetrics(args, metrics, ['metrics']);
  args.done();
  return groupMetrics(metrics, period);
}

/** Adds a problem for every metric of `value` (an array, when given) that does not pass {@link MetricSchema}. */
export function checkMetrics(args: ArgumentCheck, value: unknown, path: ArgPath): void {
  args.array(value, path).forEach((m, i) => args.schema(m, [...path, i], MetricSchema));
}

/** {@link metricsByUnit} without the argument checks, for metrics already checked. */
export function groupMetrics(metrics: readonly Metric[], period: string): Map<string, Map<string, RuleInput>> {
  const out = new Map<string, Map<string, RuleInput>>();
  for (const m of metrics) {
    if (m.period !== period) continue;
    let map = out.get(m.unitId);
    if (!map) out.set(m.unitId, (map = new Map()));
    map.set(m.metricId, m.value);
  }
  return out;
}
