import { clampedCivilDate, fromDayNumber, type Calendar, type CivilDate } from '@par/calendar';

const DAY_MS = 86_400_000;
const VIETNAM_MS = 7 * 3_600_000;

const digits = (s: string, from: number, count: number) => {
  let v = 0;
  for (let i = from; i < from + count; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
};

/**
 * The day number (days from 1970-01-01, as `toDayNumber` of `@par/calendar` counts) of a date already validated
 * (`YYYY-MM-DD`, or the first ten characters of a validated instant), by arithmetic on its digits: registers of a
 * million entries are read without building a `Date` or a string per entry.
 */
export function dayNumberOf(date: string): number {
  const month = digits(date, 5, 2);
  const y = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digits(date, 8, 2) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The month of a validated date (or of an instant in Vietnam time) as `year * 12 + month - 1`. */
export const monthIndexOf = (date: string) => digits(date, 0, 4) * 12 + digits(date, 5, 2) - 1;

/** Whether a validated instant is in Vietnam time (`+07:00`): its date is then its own first ten characters. */
export const inVietnamTime = (instant: string) => instant.endsWith('+07:00');

/** The day number, in Vietnam, of a validated instant string (`...+07:00` is read without a `Date`). */
export function vietnamDay(instant: string): number {
  if (inVietnamTime(instant)) return dayNumberOf(instant);
  return Math.floor((Date.parse(instant) + VIETNAM_MS) / DAY_MS);
}

/** The civil date, in Vietnam, of a validated instant string. */
export const vietnamDate = (instant: string): CivilDate => (inVietnamTime(instant) ? instant.slice(0, 10) : fromDayNumber(vietnamDay(instant)));

/**
 * The last day allowed by "the same day, or at the latest the `n`-th working day after it" (DOC-05), as a day
 * number, memoised per calendar and day: one calendar call per distinct day, however many documents share it.
 */
export function workingDaysAfter(calendar: Calendar, memo: Map<number, number>, day: number, n: number): number {
  if (n === 0) return day;
  const key = day * 8 + n;
  let due = memo.get(key);
  if (due === undefined) {
    const date = fromDayNumber(day);
    // a day off counts as received on the next working day: "the same day" is then that day
    due = dayNumberOf(calendar.isWorkingDay(date) ? calendar.addWorkingDays(date, n) : calendar.addWorkingDays(calendar.workingDayOnOrAfter(date), n - 1));
    memo.set(key, due);
  }
  return due;
}

/** `date` plus whole years, clamped to the month's end (29/02 plus one year is 28/02). */
export const addYears = (date: CivilDate, years: number): CivilDate => clampedCivilDate(Number(date.slice(0, 4)) + years, Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** `date` plus whole months, clamped to the month's end (31/01 plus one month is 28/02 or 29/02). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return clampedCivilDate(Math.floor(index / 12), (index % 12) + 1, Number(date.slice(8, 10)));
}
