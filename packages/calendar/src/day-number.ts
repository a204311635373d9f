/**
 * Day arithmetic on trusted values (internal): H. Hinnant's days-from-civil and civil-from-days, with integer
 * arithmetic so that no time zone is involved. The exported functions check their arguments before calling these.
 */

/** First and last supported year. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a year of the Gregorian calendar has 29 February. */
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month (1-12) of a year. */
export const monthLength = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/** Days since 1970-01-01 of a year, month (1-12) and day. */
export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` from a year, month and day. */
export const formatDate = (y: number, m: number, d: number): string =>
  `${y >= 1000 ? y : String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;

/** The date `YYYY-MM-DD` of any day number (see {@link dateOfDay} for the supported range). */
export function civilFromDays(day: number): string {
  if (day >= FIRST_DAY && day <= LAST_DAY) return dateOfDay(day);
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Day numbers of 1900-01-01 and 2100-12-31. */
export const FIRST_DAY = daysFromCivil(FIRST_YEAR, 1, 1);
export const LAST_DAY = daysFromCivil(LAST_YEAR, 12, 31);

// The supported months as a table: the day number each starts on (one more entry closes December 2100) and its
// `YYYY-MM-` text, so that a day in range is read and written with one lookup.
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
const MONTH_START = new Int32Array(MONTHS + 1);
const MONTH_TEXT: string[] = [];
for (let i = 0; i < MONTHS; i++) {
  const y = FIRST_YEAR + Math.floor(i / 12);
  const m = (i % 12) + 1;
  MONTH_START[i] = daysFromCivil(y, m, 1);
  MONTH_TEXT.push(`${y}-${m < 10 ? '0' : ''}${m}-`);
}
MONTH_START[MONTHS] = LAST_DAY + 1;
const DAY_TEXT = Array.from({ length: 32 }, (_, d) => (d < 10 ? `0${d}` : String(d)));
const MEAN_MONTH = (LAST_DAY + 1 - FIRST_DAY) / MONTHS;

/** The date `YYYY-MM-DD` of a day number from 1900-01-01 to 2100-12-31 (one table lookup). */
function dateOfDay(day: number): string {
  let i = Math.floor((day - FIRST_DAY) / MEAN_MONTH);
  while (MONTH_START[i]! > day) i--;
  while (MONTH_START[i + 1]! <= day) i++;
  return MONTH_TEXT[i]! + DAY_TEXT[day - MONTH_START[i]! + 1]!;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of a real civil date `YYYY-MM-DD` from 1900-01-01 to 2100-12-31, or `NaN` for anything else
 * (one regex, then the month-length table): the cheap check of every date argument.
 */
export function dayNumberOrNaN(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || !DATE.test(value)) return NaN;
  const y = (value.charCodeAt(0) - 48) * 1000 + (value.charCodeAt(1) - 48) * 100 + (value.charCodeAt(2) - 48) * 10 + (value.charCodeAt(3) - 48);
  const m = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
  const d = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return NaN;
  const i = (y - FIRST_YEAR) * 12 + m - 1;
  const day = MONTH_START[i]! + d - 1;
  return day < MONTH_START[i + 1]! ? day : NaN;
}
