import { z } from 'zod';

/** A civil date `YYYY-MM-DD` in Vietnam (no time, no zone). Strings compare in date order. */
export type CivilDate = string;

/** Zod schema for a civil date `YYYY-MM-DD` (a real calendar date). */
export const CivilDateSchema = z.iso.date({ message: 'Expected a date YYYY-MM-DD' });

/**
 * Days since 1970-01-01 of a civil date (negative before), computed from its digits with integer arithmetic
 * (H. Hinnant's days-from-civil), so that no time zone is involved.
 */
export function toDayNumber(date: CivilDate): number {
  const y0 = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function fromDayNumber(day: number): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of the week: 0 Sunday ... 6 Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The last day of a month (`month` 1-12; 13 is January of the next year, 0 December of the previous). */
export function lastDayOfMonth(year: number, month: number): CivilDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const days = m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${days}`;
}

/** A date from its parts (month 1-12); the day is clamped to the month's length (the 31st of June is the 30th). */
export function civilDate(year: number, month: number, day: number): CivilDate {
  const last = Number(lastDayOfMonth(year, month).slice(8, 10));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The later of two dates. */
export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

/**
 * A reporting period: a year (`2022`), a half-year (`2022-H2`), a quarter (`2022-Q4`) or a month (`2022-09`).
 */
export type Period = string;

/** Zod schema for a {@link Period}. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'Expected a period: 2022, 2022-H2, 2022-Q4 or 2022-09' });

/** The first and last day of a period. */
export function periodRange(period: Period): { start: CivilDate; end: CivilDate } {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  let firstMonth = 1;
  let months = 12;
  if (rest.startsWith('H')) {
    firstMonth = rest === 'H1' ? 1 : 7;
    months = 6;
  } else if (rest.startsWith('Q')) {
    firstMonth = (Number(rest.slice(1)) - 1) * 3 + 1;
    months = 3;
  } else if (rest !== '') {
    firstMonth = Number(rest);
    months = 1;
  }
  return { start: civilDate(year, firstMonth, 1), end: lastDayOfMonth(year, firstMonth + months - 1) };
}
