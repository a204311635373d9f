import { z } from 'zod';

/** A civil date `YYYY-MM-DD` in Vietnam (no time, no zone). Strings compare in date order. */
export type CivilDate = string;

/** Zod schema for a civil date `YYYY-MM-DD` (a real calendar date). */
export const CivilDateSchema = z.iso.date({ message: 'Expected a date YYYY-MM-DD' });

const DAY_MS = 86_400_000;

function toDayNumber(date: CivilDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): CivilDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The last day of a month (`month` 1-12). */
export function lastDayOfMonth(year: number, month: number): CivilDate {
  return fromDayNumber(Date.UTC(year, month, 0) / DAY_MS);
}

/** A date from its parts; the day is clamped to the month's length (the 31st of June is the 30th). */
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
