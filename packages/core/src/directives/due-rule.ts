import { z } from 'zod';
import { civilDate, CivilDateSchema, lastDayOfMonth, periodRange, PeriodSchema, type CivilDate, type Period } from '@par/calendar';

/** How often a recurring deadline or report falls. */
export const FrequencySchema = z.enum(['monthly', 'quarterly', 'halfYearly', 'yearly']);

/** `monthly`, `quarterly`, `halfYearly` or `yearly`. */
export type Frequency = z.infer<typeof FrequencySchema>;

/**
 * Zod schema for a {@link Schedule}: a frequency, which month of each period (1-based, or `last`) and which
 * day of that month (1-31, clamped to the month's length, or `last`).
 */
export const ScheduleSchema = z.strictObject({
  frequency: FrequencySchema,
  monthOfPeriod: z.union([z.int().min(1).max(12), z.literal('last')]).default('last'),
  day: z.union([z.int().min(1).max(31), z.literal('last')]).default('last'),
});

/**
 * A recurring date inside each period: "the 20th of the last month of each quarter" is
 * `{ frequency: 'quarterly', monthOfPeriod: 'last', day: 20 }`.
 */
export interface Schedule extends z.output<typeof ScheduleSchema> {}

/** Zod schema for a {@link DueRule}. */
export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: CivilDateSchema }),
  z.strictObject({ kind: z.literal('periodEnd'), period: PeriodSchema }),
  z.strictObject({ kind: z.literal('recurring'), schedule: ScheduleSchema, from: CivilDateSchema, until: CivilDateSchema }),
  z.strictObject({
    kind: z.literal('continuous'),
    reports: ScheduleSchema,
    from: CivilDateSchema,
    until: CivilDateSchema.optional(),
  }),
]);

/**
 * When a directive item is due: a fixed `date`; the end of a `period` (`2022-H2`, `2022-Q4`, `2022`); a
 * `recurring` deadline in every period between two dates; or a `continuous` duty (thường xuyên) that never
 * closes but reports on a schedule.
 */
export type DueRule = z.output<typeof DueRuleSchema>;

/** One dated occurrence of a due rule or a reporting duty. */
export interface DueOccurrence {
  /** The civil date it falls due. */
  readonly dueDate: CivilDate;
  /** `deadline` for the work itself, `report` for a periodic report on it. */
  readonly kind: 'deadline' | 'report';
  /** The period the occurrence covers, for recurring deadlines and reports. */
  readonly period?: Period;
}

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 };

function periodLabel(frequency: Frequency, year: number, index: number): Period {
  switch (frequency) {
    case 'monthly':
      return `${year}-${String(index + 1).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}-Q${index + 1}`;
    case 'halfYearly':
      return `${year}-H${index + 1}`;
    case 'yearly':
      return String(year);
  }
}

/** Every date of a schedule between `from` and `to` inclusive, with the period each one covers. */
export function scheduleDates(schedule: Schedule, from: CivilDate, to: CivilDate): { date: CivilDate; period: Period }[] {
  const span = MONTHS[schedule.frequency];
  const out: { date: CivilDate; period: Period }[] = [];
  if (from > to) return out;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let index = 0; index < 12 / span; index++) {
      const offset = schedule.monthOfPeriod === 'last' ? span : Math.min(schedule.monthOfPeriod, span);
      const month = index * span + offset;
      const date = schedule.day === 'last' ? lastDayOfMonth(year, month) : civilDate(year, month, schedule.day);
      if (date >= from && date <= to) out.push({ date, period: periodLabel(schedule.frequency, year, index) });
    }
  }
  return out;
}

/** The last date a due rule can fall on (`undefined` for an open continuous duty). */
export function dueRuleEnd(rule: DueRule): CivilDate | undefined {
  switch (rule.kind) {
    case 'date':
      return rule.date;
    case 'periodEnd':
      return periodRange(rule.period).end;
    case 'recurring':
    case 'continuous':
      return rule.until;
  }
}
