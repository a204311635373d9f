import { z } from 'zod';
import { argumentError, dateProblem, dayArgument, fail, integerProblem, monthProblem, periodProblem, yearProblem } from './arguments.js';
import { civilFromDays, dayNumberOrNaN, FIRST_DAY, FIRST_YEAR, formatDate, LAST_DAY, LAST_YEAR, monthLength } from './day-number.js';

/** A civil date `YYYY-MM-DD` in Vietnam (no time, no zone). Strings compare in date order. */
export type CivilDate = string;

/** Zod schema for a civil date `YYYY-MM-DD`: a real calendar date from 1900-01-01 to 2100-12-31, the range this package covers. */
export const CivilDateSchema = z.iso
  .date({ message: 'Expected a date YYYY-MM-DD' })
  .refine((date) => date >= `${FIRST_YEAR}-01-01` && date <= `${LAST_YEAR}-12-31`, { message: `Expected a date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31` });

/**
 * Whether `value` is a civil date as {@link CivilDateSchema} takes it (a real date `YYYY-MM-DD` from 1900-01-01 to
 * 2100-12-31), without the schema's cost: the check for the dates of a long list (one regex and a table).
 */
export const isCivilDate = (value: unknown): value is CivilDate => !Number.isNaN(dayNumberOrNaN(value));

/**
 * Days since 1970-01-01 of a civil date (negative before), computed with integer arithmetic (H. Hinnant's
 * days-from-civil), so that no time zone is involved.
 */
export function toDayNumber(date: CivilDate): number {
  return dayArgument('toDayNumber', 'date', date);
}

/** The civil date of a day number (days since 1970-01-01; -25,567 is 1900-01-01 and 47,846 is 2100-12-31). */
export function fromDayNumber(day: number): CivilDate {
  if (!(Number.isSafeInteger(day) && day >= FIRST_DAY && day <= LAST_DAY)) {
    throw argumentError('fromDayNumber', [['day', integerProblem(day, FIRST_DAY, LAST_DAY)]]);
  }
  return civilFromDays(day);
}

/** Day of the week: 0 Sunday ... 6 Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return (dayArgument('dayOfWeek', 'date', date) + 25_575) % 7; // (day + 4) mod 7, as 1970-01-01 was a Thursday; 7 x 3,653 more keeps 1900 positive
}

/** The date `days` calendar days after `date` (before, when negative); the result must be in 1900-2100. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const n = dayNumberOrNaN(date);
  if (n !== n || !Number.isSafeInteger(days)) throw argumentError('addDays', [['date', dateProblem(date)], ['days', integerProblem(days)]]);
  const result = n + days;
  if (result < FIRST_DAY || result > LAST_DAY) fail('addDays', 'days', 'out_of_range', `${date} + ${days} days is outside ${FIRST_YEAR}-${LAST_YEAR}`);
  return civilFromDays(result);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const a = dayNumberOrNaN(from);
  const b = dayNumberOrNaN(to);
  if (a !== a || b !== b) throw argumentError('daysBetween', [['from', dateProblem(from)], ['to', dateProblem(to)]]);
  return b - a;
}

function checkYearMonth(fn: string, year: number, month: number): void {
  if (yearProblem(year) || monthProblem(month)) throw argumentError(fn, [['year', yearProblem(year)], ['month', monthProblem(month)]]);
}

/** The last day of a month (`year` 1900-2100, `month` 1-12). */
export function lastDayOfMonth(year: number, month: number): CivilDate {
  checkYearMonth('lastDayOfMonth', year, month);
  return formatDate(year, month, monthLength(year, month));
}

/** A date from its parts (`year` 1900-2100, `month` 1-12, `day` within the month); the 31st of June is refused (see {@link clampedCivilDate}). */
export function civilDate(year: number, month: number, day: number): CivilDate {
  const bad = yearProblem(year) || monthProblem(month);
  const dayBad = integerProblem(day, 1, bad ? 31 : monthLength(year, month));
  if (bad || dayBad) {
    const impossible = !bad && dayBad?.code === 'out_of_range' && day <= 31 && day >= 1;
    throw argumentError('civilDate', [
      ['year', yearProblem(year)],
      ['month', monthProblem(month)],
      ['day', impossible ? { code: 'impossible_date', message: `${formatDate(year, month, 1).slice(0, 7)} has ${monthLength(year, month)} days, not ${day}` } : dayBad],
    ]);
  }
  return formatDate(year, month, day);
}

/**
 * A date from its parts with the day (1-31) clamped to the month's last day: day 31 of June is 30 June, day 30 of
 * February 2024 is 29 February. For "the same day of the month, or its end" arithmetic (monthly due dates).
 */
export function clampedCivilDate(year: number, month: number, day: number): CivilDate {
  const dayBad = integerProblem(day, 1, 31);
  if (yearProblem(year) || monthProblem(month) || dayBad) {
    throw argumentError('clampedCivilDate', [['year', yearProblem(year)], ['month', monthProblem(month)], ['day', dayBad]]);
  }
  return formatDate(year, month, Math.min(day, monthLength(year, month)));
}

/** The later of two dates. */
export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return checkPair('maxDate', a, b) > 0 ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return checkPair('minDate', a, b) < 0 ? a : b;
}

/** Compares two date arguments (both checked). */
function checkPair(fn: string, a: unknown, b: unknown): number {
  const x = dayNumberOrNaN(a);
  const y = dayNumberOrNaN(b);
  if (x !== x || y !== y) throw argumentError(fn, [['a', dateProblem(a)], ['b', dateProblem(b)]]);
  return x - y;
}

/**
 * A reporting period: a year (`2022`), a half-year (`2022-H2`), a quarter (`2022-Q4`) or a month (`2022-09`),
 * of a year from 1900 to 2100.
 */
export type Period = string;

/** Whether `value` is a period as {@link PeriodSchema} takes it, without the schema's cost (one regex). */
export const isPeriod = (value: unknown): value is Period => periodProblem(value) === undefined;

/** Zod schema for a {@link Period}. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'Expected a period: 2022, 2022-H2, 2022-Q4 or 2022-09' })
  .refine((value) => periodProblem(value) === undefined, { message: `Expected a period of the years ${FIRST_YEAR}-${LAST_YEAR}` });

/** The first and last day of a period. */
export function periodRange(period: Period): { start: CivilDate; end: CivilDate } {
  const problem = periodProblem(period);
  if (problem) throw argumentError('periodRange', [['period', problem]]);
  return rangeOf(period);
}

/** The first and last day of a period already checked (internal). */
export function rangeOf(period: Period): { start: CivilDate; end: CivilDate } {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  let first = 1;
  let months = 12;
  if (rest.startsWith('H')) {
    first = rest === 'H1' ? 1 : 7;
    months = 6;
  } else if (rest.startsWith('Q')) {
    first = (Number(rest.slice(1)) - 1) * 3 + 1;
    months = 3;
  } else if (rest !== '') {
    first = Number(rest);
    months = 1;
  }
  const last = first + months - 1;
  return { start: formatDate(year, first, 1), end: formatDate(year, last, monthLength(year, last)) };
}
