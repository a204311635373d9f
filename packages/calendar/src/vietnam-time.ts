import { z } from 'zod';
import { argumentError, dateProblem, isTime, objectProblem, show, timeProblem, type Problem } from './arguments.js';
import type { Calendar } from './calendar.js';
import { ParValidationError } from './par-validation-error.js';
import { civilFromDays, dayNumberOrNaN, FIRST_DAY, LAST_DAY } from './day-number.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** A moment as read on a clock in Vietnam: the civil date and the minute of the day (0-1439). */
export interface VietnamTime {
  readonly date: string;
  readonly minute: number;
}

/** Epoch milliseconds of an instant argument from 1900 to 2100 in Vietnam, or `NaN`. */
function instantMs(instant: unknown): number {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : NaN;
  const day = Math.floor((ms + VIETNAM_OFFSET_MINUTES * MINUTE) / DAY);
  return day >= FIRST_DAY && day <= LAST_DAY ? ms : NaN;
}

const instantProblem = (instant: unknown): Problem | undefined =>
  instantMs(instant) === instantMs(instant)
    ? undefined
    : { code: 'not_an_instant', message: `Expected a valid Date or epoch milliseconds from 1900 to 2100, got ${show(instant)}` };

/** The date and minute in Vietnam of an instant (a `Date` or epoch milliseconds, 1900-2100); the machine's zone plays no part. */
export function toVietnamTime(instant: Date | number): VietnamTime {
  const ms = instantMs(instant);
  if (ms !== ms) throw argumentError('toVietnamTime', [['instant', instantProblem(instant)]]);
  return vietnamTimeOf(ms);
}

function vietnamTimeOf(ms: number): VietnamTime {
  const local = ms + VIETNAM_OFFSET_MINUTES * MINUTE;
  const day = Math.floor(local / DAY);
  return { date: civilFromDays(day), minute: Math.floor((local - day * DAY) / MINUTE) };
}

const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The instant of a date and clock time (`HH:MM`, 00:00 to 23:59: `25:61` is refused, not rolled over) in Vietnam. */
export function vietnamInstant(date: string, time = '00:00'): Date {
  const day = dayNumberOrNaN(date);
  if (day !== day || !isTime(time)) throw argumentError('vietnamInstant', [['date', dateProblem(date)], ['time', timeProblem(time)]]);
  return instantAt(day, minuteOf(time));
}

const instantAt = (day: number, minute: number) => new Date(day * DAY + (minute - VIETNAM_OFFSET_MINUTES) * MINUTE);

/** Office hours as `HH:MM` intervals in a working day. */
export type OfficeHours = readonly (readonly [from: string, to: string])[];

/**
 * The usual office schedule of state agencies: 7:30-11:30 and 13:30-17:00. Provinces set their own; pass yours.
 * (Configurable data: the hours are set by each agency's rules, not by one national act.)
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

/** The office hours in minutes of the day, or the problems with them, by path inside the argument. */
function officeMinutes(hours: unknown): { intervals: (readonly [number, number])[]; problems: [(string | number)[], Problem][] } {
  const intervals: (readonly [number, number])[] = [];
  const problems: [(string | number)[], Problem][] = [];
  if (!Array.isArray(hours) || hours.length === 0) {
    problems.push([[], { code: 'invalid_type', message: `Expected a non-empty list of [HH:MM, HH:MM] intervals, got ${show(hours)}` }]);
    return { intervals, problems };
  }
  hours.forEach((interval: unknown, i) => {
    if (!Array.isArray(interval) || interval.length !== 2) {
      problems.push([[i], { code: 'invalid_type', message: `Expected [from, to] as HH:MM, got ${show(interval)}` }]);
      return;
    }
    const [from, to] = interval as unknown[];
    if (!isTime(from) || !isTime(to)) {
      if (!isTime(from)) problems.push([[i, 0], timeProblem(from)!]);
      if (!isTime(to)) problems.push([[i, 1], timeProblem(to)!]);
      return;
    }
    const pair = [minuteOf(from), minuteOf(to)] as const;
    const before = intervals.at(-1);
    if (!(pair[0] < pair[1]) || (before && pair[0] < before[1])) {
      problems.push([[i], { code: 'unordered_hours', message: `${from}-${to} must end after it starts and after the interval before it` }]);
    }
    intervals.push(pair);
  });
  return { intervals, problems };
}

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a time HH:MM from 00:00 to 23:59' });

/**
 * Zod schema for office hours: a non-empty list of `[from, to]` intervals in `HH:MM`, each ending after it starts and
 * after the interval before it; the rules {@link addWorkingHours} checks, for options that carry office hours.
 */
export const OfficeHoursSchema = z
  .array(z.tuple([TimeSchema, TimeSchema]))
  .min(1)
  .superRefine((hours, ctx) => {
    for (const [path, problem] of officeMinutes(hours).problems) if (problem.code === 'unordered_hours') ctx.addIssue({ code: 'custom', path, message: problem.message });
  });

/** `calendar.isWorkingDay(date)`, its refusal (a day outside the calendar or with no holiday rules) reported against `hours`. */
function isWorkingDayFor(calendar: Calendar, date: string, hours: number): boolean {
  try {
    return calendar.isWorkingDay(date);
  } catch (e) {
    const issue = ParValidationError.isInstance(e) ? e.issues[0] : undefined;
    if (!issue) throw e;
    throw argumentError('addWorkingHours', [['hours', { code: issue.code, message: `${hours} working hours reach ${date}: ${issue.message}` }]]);
  }
}

const isCalendar = (value: unknown): value is Calendar =>
  objectProblem(value) === undefined && typeof (value as { isWorkingDay?: unknown }).isWorkingDay === 'function';

/**
 * The instant `hours` working hours after `start`, counting only office hours on working days (a deadline of
 * "8 working hours" from a dossier received at 16:00 on Friday ends at 15:30 on Monday with the default hours).
 * Time before the office opens or after it closes starts at the next opening. `hours` is a finite number >= 0,
 * counted to the minute.
 */
export function addWorkingHours(calendar: Calendar, start: Date | number, hours: number, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  const ms = instantMs(start);
  const { intervals, problems } = officeMinutes(officeHours);
  const hoursOk = typeof hours === 'number' && hours >= 0 && Number.isFinite(hours);
  if (!isCalendar(calendar) || ms !== ms || !hoursOk || problems.length > 0) {
    throw argumentError('addWorkingHours', [
      ['calendar', isCalendar(calendar) ? undefined : { code: 'invalid_type', message: `Expected a Calendar, got ${show(calendar)}` }],
      ['start', instantProblem(start)],
      ['hours', hoursOk ? undefined : { code: 'not_a_number', message: `Expected a finite number of hours >= 0, got ${show(hours)}` }],
      ...problems.map(([path, problem]) => [['officeHours', ...path], problem] as const),
    ]);
  }
  let remaining = Math.round(hours * 60);
  let { date, minute } = vietnamTimeOf(ms);
  let day = dayNumberOrNaN(date);
  for (;;) {
    if (isWorkingDayFor(calendar, date, hours)) {
      for (const [from, to] of intervals) {
        if (minute >= to) continue;
        const begin = Math.max(minute, from);
        const available = to - begin;
        if (remaining <= available) return instantAt(day, begin + remaining);
        remaining -= available;
        minute = to;
      }
    }
    day++;
    date = civilFromDays(day);
    minute = 0;
  }
}
