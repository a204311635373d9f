import { addDays, fromDayNumber, toDayNumber, type CivilDate } from './civil-date.js';
import type { Calendar } from './calendar.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** A moment as read on a clock in Vietnam: the civil date and the minute of the day (0-1439). */
export interface VietnamTime {
  readonly date: CivilDate;
  readonly minute: number;
}

/** The date and minute in Vietnam of an instant (a `Date` or epoch milliseconds); the machine's zone plays no part. */
export function toVietnamTime(instant: Date | number): VietnamTime {
  const ms = (typeof instant === 'number' ? instant : instant.getTime()) + VIETNAM_OFFSET_MINUTES * MINUTE;
  const day = Math.floor(ms / DAY);
  return { date: fromDayNumber(day), minute: Math.floor((ms - day * DAY) / MINUTE) };
}

/** The instant of a date and clock time (`HH:mm`) in Vietnam. */
export function vietnamInstant(date: CivilDate, time = '00:00'): Date {
  const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return new Date(toDayNumber(date) * DAY + (minute - VIETNAM_OFFSET_MINUTES) * MINUTE);
}

/** Office hours as `HH:mm` intervals in a working day. */
export type OfficeHours = readonly (readonly [from: string, to: string])[];

/**
 * The usual office schedule of state agencies: 7:30-11:30 and 13:30-17:00. Provinces set their own; pass yours.
 * (Configurable data: the hours are set by each agency's rules, not by one national act.)
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

const minutesOf = (hours: OfficeHours) =>
  hours.map(([from, to]) => [Number(from.slice(0, 2)) * 60 + Number(from.slice(3, 5)), Number(to.slice(0, 2)) * 60 + Number(to.slice(3, 5))] as const);

/**
 * The instant `hours` working hours after `start`, counting only office hours on working days (a deadline of
 * "8 working hours" from a dossier received at 16:00 on Friday ends at 15:30 on Monday with the default hours).
 * Time before the office opens or after it closes starts at the next opening.
 */
export function addWorkingHours(calendar: Calendar, start: Date | number, hours: number, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`Working hours must be a non-negative number, not ${hours}`);
  const intervals = minutesOf(officeHours);
  if (intervals.length === 0 || intervals.some(([from, to], i) => !(from < to) || (i > 0 && from < intervals[i - 1]![1]))) {
    throw new RangeError('Office hours must be non-empty, ordered intervals HH:mm-HH:mm');
  }
  let remaining = Math.round(hours * 60);
  let { date, minute } = toVietnamTime(start);
  for (;;) {
    if (calendar.isWorkingDay(date)) {
      for (const [from, to] of intervals) {
        if (minute >= to) continue;
        const begin = Math.max(minute, from);
        const available = to - begin;
        if (remaining <= available) return vietnamInstant(date, clock(begin + remaining));
        remaining -= available;
        minute = to;
      }
    }
    date = addDays(date, 1);
    minute = 0;
  }
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
