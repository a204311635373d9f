import { z } from 'zod';
import { Calendar, parseWithSchema, periodRange, PeriodSchema, toVietnamTime, type Period } from '@par/calendar';
import type { Metric } from '@par/core';
import { instantOf, requireListedState, type AssignmentState } from './lifecycle.js';

/** One unit's follow-through on its assignments due in a period. */
export interface AssignmentStats {
  readonly unitId: string;
  readonly period: Period;
  /** Assignments whose nominal due date falls in the period (cancelled ones excluded), in the roles counted. */
  readonly assigned: number;
  /** Done by the deadline in force (extensions granted count). */
  readonly doneOnTime: number;
  /** Done by the original deadline, before any extension. */
  readonly doneOnTimeOriginal: number;
  /** Done after the deadline in force. */
  readonly doneLate: number;
  /** Still open and past their deadline at `now`. */
  readonly openOverdue: number;
  /** Mean delay of the late ones, in working days after the deadline in force (0 when none was late). */
  readonly averageDelayWorkingDays: number;
  readonly extensionsGranted: number;
  /** doneOnTime ÷ assigned × 100, rounded half up to 2 decimals; `null` when nothing was due. */
  readonly onTimeRate: number | null;
  /** doneOnTimeOriginal ÷ assigned × 100, rounded half up to 2 decimals; `null` when nothing was due. */
  readonly onTimeRateOriginal: number | null;
}

/** Options of {@link assignmentStats}. */
export interface AssignmentStatsOptions {
  /**
   * The roles counted. Default `['lead']`: the task on-time rate counts the units in charge (chủ trì), who
   * deliver and report; add `'coordinating'` to count the supporting units (phối hợp) too.
   */
  readonly roles?: readonly ('lead' | 'coordinating')[];
}

const StatsArgumentsSchema = z.strictObject({
  period: PeriodSchema,
  calendar: z.custom<Calendar>((c) => c instanceof Calendar, 'Expected a Calendar from `@par/calendar`'),
  options: z.strictObject({ roles: z.array(z.enum(['lead', 'coordinating'])).min(1).optional() }),
});

/** n ÷ d (whole numbers, d > 0) rounded half up to 2 decimals, in integers: no binary rounding at the half. */
const ratio2 = (n: number, d: number): number => Math.floor((200 * n + d) / (2 * d)) / 100;

/**
 * Per unit, for the assignments due in a period: assigned, done on time (against the deadline in force and
 * against the original one), done late, open and overdue at `now`, the average delay in working days, extensions
 * granted and both on-time rates. An assignment belongs to the period of its nominal due date: a task due "by the
 * end of 2022" counts in 2022 even when its deadline moved to 3/1/2023. Lead assignments only, unless
 * `options.roles` says otherwise. Throws `ParValidationError` on a bad argument.
 */
export function assignmentStats(states: Iterable<AssignmentState>, period: Period, now: Date | number, calendar: Calendar, options: AssignmentStatsOptions = {}): AssignmentStats[] {
  parseWithSchema('arguments of assignmentStats', StatsArgumentsSchema, { period, calendar, options });
  const { start, end } = periodRange(period);
  const today = toVietnamTime(instantOf(now, 'assignmentStats')).date;
  const roles = new Set(options.roles ?? ['lead']);
  const byUnit = new Map<string, { assigned: number; onTime: number; onTimeOriginal: number; late: number; overdue: number; delay: number; extensions: number }>();
  let i = 0;
  for (const s of states) {
    const c = requireListedState(s, 'assignmentStats', i++).context;
    if (s.state === 'cancelled' || !roles.has(c.role) || c.nominalDueDate < start || c.nominalDueDate > end) continue;
    const u = byUnit.get(c.unitId) ?? { assigned: 0, onTime: 0, onTimeOriginal: 0, late: 0, overdue: 0, delay: 0, extensions: 0 };
    u.assigned++;
    u.extensions += c.extensions.length;
    if (c.outcome?.onTimeOriginal) u.onTimeOriginal++;
    if (c.outcome?.onTimeExtended) u.onTime++;
    else if (c.outcome) {
      u.late++;
      u.delay += calendar.workingDaysBetween(c.dueDate, c.outcome.reportedOn);
    } else if (s.state !== 'done' && today > c.dueDate && s.state !== 'reported' && s.state !== 'underReview') u.overdue++;
    byUnit.set(c.unitId, u);
  }
  return [...byUnit]
    .map(([unitId, u]) => ({
      unitId,
      period,
      assigned: u.assigned,
      doneOnTime: u.onTime,
      doneOnTimeOriginal: u.onTimeOriginal,
      doneLate: u.late,
      openOverdue: u.overdue,
      averageDelayWorkingDays: u.late === 0 ? 0 : ratio2(u.delay, u.late),
      extensionsGranted: u.extensions,
      onTimeRate: u.assigned === 0 ? null : ratio2(100 * u.onTime, u.assigned),
      onTimeRateOriginal: u.assigned === 0 ? null : ratio2(100 * u.onTimeOriginal, u.assigned),
    }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
}

const count = z.int().min(0);
const rate = z.number().min(0).max(100).nullable();
const StatsSchema = z.array(
  z.strictObject({
    unitId: z.string().min(1),
    period: PeriodSchema,
    assigned: count,
    doneOnTime: count,
    doneOnTimeOriginal: count,
    doneLate: count,
    openOverdue: count,
    averageDelayWorkingDays: z.number().min(0),
    extensionsGranted: count,
    onTimeRate: rate,
    onTimeRateOriginal: rate,
  }),
);

/**
 * The stats as `Metric` values: `taskOnTimeRate` (the percent a framework's "tasks completed on time" criterion
 * consumes, against the deadline in force), `assignments.onTimeRateOriginal`, and `assignments.assigned`,
 * `.doneOnTime`, `.doneOnTimeOriginal`, `.doneLate`, `.openOverdue`, `.averageDelayWorkingDays`,
 * `.extensionsGranted`. Throws `ParValidationError` on a bad argument.
 */
export function assignmentMetrics(stats: readonly AssignmentStats[], source = '@par/lifecycle'): Metric[] {
  parseWithSchema('arguments of assignmentMetrics', z.strictObject({ stats: StatsSchema, source: z.string().min(1) }), { stats, source });
  return stats.flatMap((s) => {
    const metric = (metricId: string, value: number | null) => (value === null ? [] : [{ metricId, unitId: s.unitId, period: s.period, value, source }]);
    return [
      ...metric('taskOnTimeRate', s.onTimeRate),
      ...metric('assignments.onTimeRateOriginal', s.onTimeRateOriginal),
      ...metric('assignments.assigned', s.assigned),
      ...metric('assignments.doneOnTime', s.doneOnTime),
      ...metric('assignments.doneOnTimeOriginal', s.doneOnTimeOriginal),
      ...metric('assignments.doneLate', s.doneLate),
      ...metric('assignments.openOverdue', s.openOverdue),
      ...metric('assignments.averageDelayWorkingDays', s.averageDelayWorkingDays),
      ...metric('assignments.extensionsGranted', s.extensionsGranted),
    ];
  });
}
