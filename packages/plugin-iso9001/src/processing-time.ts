import { addDays, addWorkingHours, periodRange, toDayNumber, toVietnamTime, vietnamInstant, type Calendar, type CivilDate, type Period } from '@par/calendar';
import type { ProcessingTime } from './records.js';

/** What deadlines are counted with: the calendar, office hours and the same-day cut-off. */
export interface DeadlineClock {
  readonly calendar: Calendar;
  readonly officeHours: readonly (readonly [string, string])[];
  readonly sameDayCutoff: string;
}

const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Minutes since 1970-01-01 00:00 in Vietnam: deadlines compare as numbers. */
const at = (date: CivilDate, minute: number) => toDayNumber(date) * 1440 + minute;

/**
 * When a dossier received on a working day at a minute of the day is due: at the close of office on the due day for
 * day-based times (calendar days that end on a day off move to the next working day), at the exact minute for
 * working hours.
 */
export function dueAt(time: ProcessingTime, received: CivilDate, minute: number, c: DeadlineClock): number {
  const close = minuteOf(c.officeHours[c.officeHours.length - 1]![1]);
  switch (time.unit) {
    case 'workingDays':
      return at(c.calendar.addWorkingDays(received, time.amount), close);
    case 'calendarDays':
      return at(c.calendar.workingDayOnOrAfter(addDays(received, time.amount)), close);
    case 'sameDay':
      return at(minute <= minuteOf(c.sameDayCutoff) ? received : c.calendar.nextWorkingDay(received), close);
    case 'workingHours': {
      const due = toVietnamTime(addWorkingHours(c.calendar, vietnamInstant(received, clock(minute)), time.amount, c.officeHours));
      return at(due.date, due.minute);
    }
  }
}

/** A processing time in words. */
export function describeTime(time: ProcessingTime, c: Pick<DeadlineClock, 'sameDayCutoff'>): { vi: string; en: string } {
  switch (time.unit) {
    case 'workingDays':
      return { vi: `${time.amount} ngày làm việc`, en: `${time.amount} working day${time.amount === 1 ? '' : 's'}` };
    case 'calendarDays':
      return { vi: `${time.amount} ngày`, en: `${time.amount} calendar day${time.amount === 1 ? '' : 's'}` };
    case 'workingHours':
      return { vi: `${time.amount} giờ làm việc`, en: `${time.amount} working hour${time.amount === 1 ? '' : 's'}` };
    case 'sameDay':
      return { vi: `trong ngày (nhận sau ${c.sameDayCutoff} trả ngày làm việc tiếp theo)`, en: `the same day (received after ${c.sameDayCutoff}: the next working day)` };
  }
}

/** A dossier for which the process is due later than the law allows. */
export interface LateCase {
  readonly received: CivilDate;
  readonly time: string;
}

/**
 * Whether a process's time can exceed the legal time. The same unit compares amounts. Different units are compared
 * with the calendar for every working day of the period, a dossier received at each office opening, just before each
 * closing, and on both sides of the same-day cut-off: between those minutes a day-based deadline is constant and a
 * working-hour deadline only moves later, so these are the moments where the gap is widest. Returns the first such
 * dossier, `null` when the amounts alone show it, or `undefined` when the process is never later.
 */
export function exceedsLegalTime(process: ProcessingTime, legal: ProcessingTime, period: Period, c: DeadlineClock): LateCase | null | undefined {
  if (process.unit === legal.unit) return process.unit !== 'sameDay' && legal.unit !== 'sameDay' && process.amount > legal.amount ? null : undefined;
  // a unit's procedures share a few pairs of times: each pair is scanned once per clock and period
  const key = `${JSON.stringify(process)} ${JSON.stringify(legal)} ${period}`;
  const memo = scans.get(c) ?? new Map<string, LateCase | undefined>();
  scans.set(c, memo);
  if (!memo.has(key)) memo.set(key, scan(process, legal, period, c));
  return memo.get(key);
}

const scans = new WeakMap<DeadlineClock, Map<string, LateCase | undefined>>();

function scan(process: ProcessingTime, legal: ProcessingTime, period: Period, c: DeadlineClock): LateCase | undefined {
  const cutoff = minuteOf(c.sameDayCutoff);
  const open = c.officeHours.map(([from, to]) => [minuteOf(from), minuteOf(to)] as const);
  const moments = [...new Set(open.flatMap(([from, to]) => [from, to - 1]).concat([cutoff, cutoff + 1]))]
    .filter((m) => open.some(([from, to]) => m >= from && m < to))
    .sort((a, b) => a - b);
  const { start, end } = periodRange(period);
  for (let day = c.calendar.workingDayOnOrAfter(start); day <= end; day = c.calendar.nextWorkingDay(day)) {
    for (const m of moments) {
      if (dueAt(process, day, m, c) > dueAt(legal, day, m, c)) return { received: day, time: clock(m) };
    }
  }
  return undefined;
}
