import { z } from 'zod';
import { addDays, CivilDateSchema, periodRange, PeriodSchema, type CivilDate, type Period } from '@par/calendar';
import { LabelSchema, type Label } from '../shared/label.js';
import { IdSchema } from '../shared/identifiers.js';
import { ArgumentCheck } from '../units/arguments.js';

/** How often a periodic deadline or report falls. */
export const FrequencySchema = z.enum(['monthly', 'quarterly', 'halfYearly', 'yearly']);

/** `monthly`, `quarterly`, `halfYearly` or `yearly`. */
export type Frequency = z.infer<typeof FrequencySchema>;

/**
 * How a due date binds, as the document words it: `noLaterThan` X ("chậm nhất ngày X", "trong ngày X", "đến
 * hết ngày X": X itself is on time) or `before` X ("trước ngày X": the last day on time is the day before X).
 */
export const DueBoundSchema = z.enum(['noLaterThan', 'before']);

/** `noLaterThan` (inclusive) or `before` (strictly before). */
export type DueBound = z.infer<typeof DueBoundSchema>;

const monthOfPeriod = z.union([z.int().min(1).max(12), z.literal('last')]).default('last');
const monthsAfter = z.int().min(0).max(12).default(0);
const day = z.union([z.int().min(1).max(31), z.literal('last')]).default('last');

/**
 * Zod schema for a {@link DayInPeriod}: which month of the period (1-based, or `last`), `monthsAfter` it
 * (0 to 12: "the 15th of the month after the quarter" is `last` and 1) and which day of that month (1-31,
 * clamped to the month's length, or `last`).
 */
export const DayInPeriodSchema = z.strictObject({ monthOfPeriod, monthsAfter, day });

/** A day placed relative to a period, e.g. a report's data cut-off "the 14th of the last month". */
export interface DayInPeriod extends z.output<typeof DayInPeriodSchema> {}

const scheduleFields = {
  frequency: FrequencySchema,
  /** Which periods of each year: quarterly `[1, 3]` is Q1 and Q3. Default: every period. */
  periods: z.array(z.int().min(1).max(12)).min(1).optional(),
  monthOfPeriod,
  monthsAfter,
  day,
  bound: DueBoundSchema.default('noLaterThan'),
};

/**
 * Zod schema for a {@link Schedule}: a frequency, which periods of each year (`periods`, 1-based; default every
 * one), the day in each period, and how that day binds.
 */
export const ScheduleSchema = z.strictObject(scheduleFields);

/**
 * A date in each period: "no later than the 20th of the last month of each quarter" is
 * `{ frequency: 'quarterly', monthOfPeriod: 'last', day: 20 }`.
 */
export interface Schedule extends z.output<typeof ScheduleSchema> {}

/** Zod schema for a {@link ReportSchedule}. */
export const ReportScheduleSchema = z.strictObject({
  /** The report's name, e.g. `{ vi: 'Báo cáo quý I' }`. */
  name: LabelSchema.optional(),
  ...scheduleFields,
  /** The data cut-off (thời điểm chốt số liệu) in each period; default the period's last day. */
  cutOff: DayInPeriodSchema.optional(),
  recipientIds: z.array(IdSchema).min(1),
  from: CivilDateSchema.optional(),
  until: CivilDateSchema.optional(),
});

/**
 * A periodic report owed on an item (báo cáo định kỳ): when it is due in each period, its data cut-off, to
 * whom, and over which dates. An item can carry several (Q1, six-month, Q3 and annual reports with their own dates).
 */
export interface ReportSchedule extends z.output<typeof ReportScheduleSchema> {}

/** Zod schema for a {@link DueRule}. */
export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: CivilDateSchema, bound: DueBoundSchema.default('noLaterThan') }),
  z.strictObject({ kind: z.literal('periodEnd'), period: PeriodSchema }),
  z.strictObject({ kind: z.literal('periodic'), schedule: ScheduleSchema, from: CivilDateSchema, until: CivilDateSchema }),
  z.strictObject({ kind: z.literal('recurring'), from: CivilDateSchema, until: CivilDateSchema.optional() }),
]);

/**
 * When a directive item is due: a fixed `date` (no later than it, or `before` it); the end of a `period`
 * (`2022-H2`, `2022-Q4`, `2022`); a `periodic` deadline in every period between two dates; or a `recurring`
 * standing duty (thường xuyên) that never closes and answers through its item's report schedules.
 */
export type DueRule = z.output<typeof DueRuleSchema>;

/** One dated occurrence of a due rule or a report schedule. */
export interface DueOccurrence {
  /** `deadline` for the work itself, `report` for a periodic report on it. */
  readonly kind: 'deadline' | 'report';
  /**
   * The NOMINAL due date: the last day that is on time, as the document words it, before any move for a day
   * off (`@par/lifecycle` moves it to a working day to judge lateness). For "before X" it is the day before X.
   */
  readonly dueDate: CivilDate;
  /** The date as the document states it: `dueDate` itself for `noLaterThan`, the day after it for `before`. */
  readonly statedDate: CivilDate;
  readonly bound: DueBound;
  /**
   * The period the occurrence belongs to, for attribution to a PAR year: the period a periodic deadline or
   * report covers, the period of a `periodEnd` rule, and the year of the nominal date of a fixed date.
   */
  readonly period: Period;
  /** A report's data cut-off date. */
  readonly cutOff?: CivilDate;
  /** A report's index in its item's `reports`. */
  readonly report?: number;
  /** A report's name. */
  readonly reportName?: Label;
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The date of `place` in period `index` (0-based) of `year`, for periods of `span` months; the day is clamped to the month. */
function dayIn(place: DayInPeriod, span: number, year: number, index: number): CivilDate {
  const month = index * span + (place.monthOfPeriod === 'last' ? span : place.monthOfPeriod) + place.monthsAfter;
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  const length = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1]!;
  const d = place.day === 'last' ? length : Math.min(place.day, length);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The problems of a schedule that its zod schema cannot see, as `[path, code, message]`. */
export function scheduleProblems(schedule: Schedule | ReportSchedule): [(string | number)[], string, string][] {
  const span = MONTHS[schedule.frequency];
  const out: [(string | number)[], string, string][] = [];
  schedule.periods?.forEach((p, i) => {
    if (p > 12 / span) out.push([['periods', i], 'invalid_period', `A ${schedule.frequency} schedule has ${12 / span} period(s) a year, not ${p}`]);
  });
  const month = (path: string[], place: DayInPeriod | undefined) => {
    if (place && place.monthOfPeriod !== 'last' && place.monthOfPeriod > span) {
      out.push([path, 'invalid_month', `A ${schedule.frequency} period has ${span} month(s), not ${place.monthOfPeriod}`]);
    }
  };
  month(['monthOfPeriod'], schedule);
  month(['cutOff', 'monthOfPeriod'], 'cutOff' in schedule ? schedule.cutOff : undefined);
  return out;
}

/**
 * Every due date of a schedule whose nominal date is between `from` and `to` inclusive, in date order, with the
 * period each one covers and, for a report schedule, its data cut-off. Throws {@link ParValidationError} naming
 * a bad argument (a schedule that does not pass its schema, a date that is not a real `YYYY-MM-DD`, `from`
 * after `to`).
 */
export function scheduleDates(
  schedule: z.input<typeof ScheduleSchema> | z.input<typeof ReportScheduleSchema>,
  from: CivilDate,
  to: CivilDate,
): ScheduledDate[] {
  const check = new ArgumentCheck('scheduleDates').date(['from'], from).date(['to'], to);
  const isReport = typeof schedule === 'object' && schedule !== null && 'recipientIds' in schedule;
  const parsed = check.schema<Schedule | ReportSchedule>(['schedule'], isReport ? ReportScheduleSchema : ScheduleSchema, schedule);
  if (parsed) for (const [path, code, message] of scheduleProblems(parsed)) check.fail(['schedule', ...path], code, message);
  if (check.ok && from > to) check.fail(['to'], 'invalid_interval', `to ${to} is before from ${from}`);
  check.done();
  return datesOf(parsed!, from, to);
}

/** One date of a schedule: the nominal due date, the stated date, the period covered and, for reports, the cut-off. */
export interface ScheduledDate {
  readonly date: CivilDate;
  readonly statedDate: CivilDate;
  readonly period: Period;
  readonly cutOff?: CivilDate;
}

/** {@link scheduleDates} on a checked schedule (internal). */
export function datesOf(schedule: Schedule | ReportSchedule, from: CivilDate, to: CivilDate): ScheduledDate[] {
  const span = MONTHS[schedule.frequency];
  const wanted = new Set(schedule.periods ?? Array.from({ length: 12 / span }, (_, i) => i + 1));
  const cutOff = 'cutOff' in schedule ? schedule.cutOff : undefined;
  const out: ScheduledDate[] = [];
  if (from > to) return out;
  // A date may fall up to 12 months after its period: start a year early.
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    for (let index = 0; index < 12 / span; index++) {
      if (!wanted.has(index + 1)) continue;
      const statedDate = dayIn(schedule, span, year, index);
      if (statedDate < from) continue; // the nominal date is never after the stated one
      const date = schedule.bound === 'before' ? addDays(statedDate, -1) : statedDate;
      if (date < from || date > to) continue;
      const period = periodLabel(schedule.frequency, year, index);
      const cut = 'recipientIds' in schedule ? (cutOff ? dayIn(cutOff, span, year, index) : periodRange(period).end) : undefined;
      out.push({ date, statedDate, period, ...(cut ? { cutOff: cut } : {}) });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The last nominal date a due rule can fall on (`undefined` for an open standing duty). Throws
 * {@link ParValidationError} when `rule` does not pass {@link DueRuleSchema}.
 */
export function dueRuleEnd(rule: z.input<typeof DueRuleSchema>): CivilDate | undefined {
  const check = new ArgumentCheck('dueRuleEnd');
  const parsed = check.schema(['rule'], DueRuleSchema, rule);
  check.done();
  return endOf(parsed!);
}

/** {@link dueRuleEnd} on a checked rule (internal). */
export function endOf(rule: DueRule): CivilDate | undefined {
  switch (rule.kind) {
    case 'date':
      return rule.bound === 'before' ? addDays(rule.date, -1) : rule.date;
    case 'periodEnd':
      return periodRange(rule.period).end;
    case 'periodic':
    case 'recurring':
      return rule.until;
  }
}
