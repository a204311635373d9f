import { periodRange, toVietnamTime, type Calendar, type Period } from '@par/calendar';
import type { Metric } from '@par/core';
import type { AssignmentState } from './lifecycle.js';

/** One unit's follow-through on its assignments due in a period. */
export interface AssignmentStats {
  readonly unitId: string;
  readonly period: Period;
  /** Assignments due in the period (cancelled ones excluded). */
  readonly assigned: number;
  readonly doneOnTime: number;
  readonly doneLate: number;
  /** Still open and past their deadline at `now`. */
  readonly openOverdue: number;
  /** Mean delay of the late ones, in working days after the deadline (0 when none was late). */
  readonly averageDelayWorkingDays: number;
  readonly extensionsGranted: number;
  /** doneOnTime ÷ assigned × 100, rounded to 2 decimals; `null` when nothing was due. */
  readonly onTimeRate: number | null;
}

/**
 * Per unit, for the assignments due in a period: assigned, done on time, done late, open and overdue at `now`,
 * the average delay in working days, extensions granted and the on-time rate. A deadline moved by an extension
 * counts where it now falls.
 */
export function assignmentStats(states: Iterable<AssignmentState>, period: Period, now: Date | number, calendar: Calendar): AssignmentStats[] {
  const { start, end } = periodRange(period);
  const today = toVietnamTime(now).date;
  const byUnit = new Map<string, { assigned: number; onTime: number; late: number; overdue: number; delay: number; extensions: number }>();
  for (const s of states) {
    const c = s.context;
    if (s.state === 'cancelled' || c.dueDate < start || c.dueDate > end) continue;
    const u = byUnit.get(c.unitId) ?? { assigned: 0, onTime: 0, late: 0, overdue: 0, delay: 0, extensions: 0 };
    u.assigned++;
    u.extensions += c.extensions.length;
    if (c.outcome?.result === 'onTime') u.onTime++;
    else if (c.outcome?.result === 'late') {
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
      doneLate: u.late,
      openOverdue: u.overdue,
      averageDelayWorkingDays: u.late === 0 ? 0 : Math.round((u.delay / u.late) * 100) / 100,
      extensionsGranted: u.extensions,
      onTimeRate: u.assigned === 0 ? null : Math.round((u.onTime / u.assigned) * 10_000) / 100,
    }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
}

/**
 * The stats as `Metric` values: `taskOnTimeRate` (the percent a framework's "tasks completed on time" criterion
 * consumes), and `assignments.assigned`, `.doneOnTime`, `.doneLate`, `.openOverdue`, `.averageDelayWorkingDays`,
 * `.extensionsGranted`.
 */
export function assignmentMetrics(stats: readonly AssignmentStats[], source = '@par/lifecycle'): Metric[] {
  return stats.flatMap((s) => [
    ...(s.onTimeRate === null ? [] : [{ metricId: 'taskOnTimeRate', unitId: s.unitId, period: s.period, value: s.onTimeRate, source }]),
    { metricId: 'assignments.assigned', unitId: s.unitId, period: s.period, value: s.assigned, source },
    { metricId: 'assignments.doneOnTime', unitId: s.unitId, period: s.period, value: s.doneOnTime, source },
    { metricId: 'assignments.doneLate', unitId: s.unitId, period: s.period, value: s.doneLate, source },
    { metricId: 'assignments.openOverdue', unitId: s.unitId, period: s.period, value: s.openOverdue, source },
    { metricId: 'assignments.averageDelayWorkingDays', unitId: s.unitId, period: s.period, value: s.averageDelayWorkingDays, source },
    { metricId: 'assignments.extensionsGranted', unitId: s.unitId, period: s.period, value: s.extensionsGranted, source },
  ]);
}
