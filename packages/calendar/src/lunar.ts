import { argumentError, booleanProblem, dateProblem, fail, integerProblem, objectProblem, show, type Problem } from './arguments.js';
import { civilFromDays, dayNumberOrNaN, daysFromCivil, FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR } from './day-number.js';
import { astronomicalSolarToLunar } from './lunar-astronomy.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch): months begin on the civil day of the new moon in the calendar's
 * time zone (UTC+7 for Vietnam; UTC+8 gives the Chinese calendar), month 11 holds the winter solstice, and in a
 * year of 13 months the first month with no major solar term is the leap month. The astronomy (`lunar-astronomy.ts`)
 * runs once per time zone, on first use, to build a table of month starts and leap months covering 1900-2100;
 * conversions then read the table.
 */

/** Vietnam's time zone for the lunar calendar: UTC+7. */
export const VIETNAM_TIME_ZONE = 7;

/** A date of the lunar calendar. */
export interface LunarDate {
  /** The lunar year (Tết of this year opens it). */
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 30. */
  readonly day: number;
  /** Whether the month is the leap (intercalary) repeat of `month`. */
  readonly leap: boolean;
}

/** The lunar months from month 1 of lunar 1899 to month 12 of lunar 2100, for one time zone. */
interface MonthTable {
  /** Day number of the first day of each month, and one more entry: the first day of lunar 2101. */
  readonly starts: Int32Array;
  /** Each month's `year * 32 + month * 2 + (leap ? 1 : 0)`. */
  readonly labels: Int32Array;
  /** Index of month 1 of each lunar year from {@link FIRST_LUNAR_YEAR}. */
  readonly firstMonth: Int32Array;
  /** The leap month of each lunar year from {@link FIRST_LUNAR_YEAR}, 0 when it has none. */
  readonly leapMonth: Uint8Array;
}

/** 1 January 1900 is in month 12 of lunar 1899. */
const FIRST_LUNAR_YEAR = FIRST_YEAR - 1;
const tables = new Map<number, MonthTable>();

/** The month table of a time zone, built from the astronomy on first use and checked month by month as it is built. */
function tableFor(tz: number): MonthTable {
  const cached = tables.get(tz);
  if (cached) return cached;
  const years = LAST_YEAR - FIRST_LUNAR_YEAR + 1;
  const starts: number[] = [];
  const labels: number[] = [];
  const firstMonth = new Int32Array(years);
  const leapMonth = new Uint8Array(years);
  const at = (day: number) => astronomicalSolarToLunar(day, Number(civilFromDays(day).slice(0, 4)), tz);
  // from a day in spring 1899 back to month 1 of lunar 1899
  let start = daysFromCivil(FIRST_LUNAR_YEAR, 4, 1);
  let lunar = at(start);
  start -= lunar.day - 1;
  while (!(lunar.year === FIRST_LUNAR_YEAR && lunar.month === 1 && !lunar.leap)) {
    lunar = at(start - 1);
    start -= lunar.day;
  }
  for (;;) {
    lunar = at(start);
    if (lunar.year > LAST_YEAR) break;
    const previous = labels.at(-1);
    const label = lunar.year * 32 + lunar.month * 2 + (lunar.leap ? 1 : 0);
    if (lunar.day !== 1 || (previous !== undefined && !follows(previous, label))) throw new Error(`lunar table: month at ${civilFromDays(start)} out of sequence`);
    if (lunar.month === 1 && !lunar.leap) firstMonth[lunar.year - FIRST_LUNAR_YEAR] = starts.length;
    if (lunar.leap) leapMonth[lunar.year - FIRST_LUNAR_YEAR] = lunar.month;
    starts.push(start);
    labels.push(label);
    start += at(start + 29).day === 1 ? 29 : 30;
  }
  starts.push(start);
  const table = { starts: Int32Array.from(starts), labels: Int32Array.from(labels), firstMonth, leapMonth };
  tables.set(tz, table);
  return table;
}

/** Whether month label `b` comes right after `a`: the leap repeat, the next month, or month 1 of the next year. */
function follows(a: number, b: number): boolean {
  const [y, m] = [a >> 5, (a >> 1) & 15];
  const [y2, m2, leap2] = [b >> 5, (b >> 1) & 15, (b & 1) === 1];
  if (leap2) return y2 === y && m2 === m && (a & 1) === 0;
  return m === 12 ? y2 === y + 1 && m2 === 1 : y2 === y && m2 === m + 1;
}

/** Why a value is not a time zone: hours from UTC, -12 to 14, in quarter hours. */
function timeZoneProblem(tz: unknown): Problem | undefined {
  if (typeof tz === 'number' && tz >= -12 && tz <= 14 && Number.isInteger(tz * 4)) return undefined;
  return { code: 'not_a_time_zone', message: `Expected hours from UTC, -12 to 14 in quarter hours (7 for Vietnam), got ${show(tz)}` };
}

/** The lunar date of a civil date (time zone UTC+7 unless given). */
export function solarToLunar(date: string, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  const n = dayNumberOrNaN(date);
  if (n !== n || (tz !== VIETNAM_TIME_ZONE && timeZoneProblem(tz))) {
    throw argumentError('solarToLunar', [['date', dateProblem(date)], ['tz', timeZoneProblem(tz)]]);
  }
  const { starts, labels } = tableFor(tz);
  let i = Math.floor((n - starts[0]!) / 29.530588853);
  while (starts[i]! > n) i--;
  while (starts[i + 1]! <= n) i++;
  const label = labels[i]!;
  return { year: label >> 5, month: (label >> 1) & 15, day: n - starts[i]! + 1, leap: (label & 1) === 1 };
}

const LUNAR = ['lunar'] as const;

/**
 * The civil date of a lunar date (time zone UTC+7 unless given). Refuses with `ParValidationError` a year, month
 * (1-12) or day (1-30) that is not an integer in range, a leap flag on a month that is not the year's leap month,
 * a day past the month's end (29 or 30 days), and a date outside 1900-2100.
 */
export function lunarToSolar(lunar: LunarDate, tz: number = VIETNAM_TIME_ZONE): string {
  if (objectProblem(lunar)) throw argumentError('lunarToSolar', [['lunar', objectProblem(lunar)], ['tz', timeZoneProblem(tz)]]);
  const { year, month, day, leap } = lunar;
  const ok =
    Number.isInteger(year) && year >= FIRST_LUNAR_YEAR && year <= LAST_YEAR && Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= 30;
  if (!ok || typeof leap !== 'boolean' || (tz !== VIETNAM_TIME_ZONE && timeZoneProblem(tz))) {
    throw argumentError('lunarToSolar', [
      [[...LUNAR, 'year'], integerProblem(year, FIRST_LUNAR_YEAR, LAST_YEAR)],
      [[...LUNAR, 'month'], integerProblem(month, 1, 12)],
      [[...LUNAR, 'day'], integerProblem(day, 1, 30)],
      [[...LUNAR, 'leap'], booleanProblem(leap)],
      ['tz', timeZoneProblem(tz)],
    ]);
  }
  const { starts, firstMonth, leapMonth } = tableFor(tz);
  const leapOfYear = leapMonth[year - FIRST_LUNAR_YEAR]!;
  if (leap && leapOfYear !== month) {
    fail('lunarToSolar', [...LUNAR, 'leap'], 'no_leap_month', `Lunar year ${year} has ${leapOfYear === 0 ? 'no leap month' : `leap month ${leapOfYear}, not ${month}`}`);
  }
  const i = firstMonth[year - FIRST_LUNAR_YEAR]! + month - 1 + (leap || (leapOfYear !== 0 && month > leapOfYear) ? 1 : 0);
  const length = starts[i + 1]! - starts[i]!;
  if (day > length) fail('lunarToSolar', [...LUNAR, 'day'], 'impossible_date', `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${length} days, not ${day}`);
  const result = starts[i]! + day - 1;
  if (result < FIRST_DAY || result > LAST_DAY) fail('lunarToSolar', LUNAR, 'out_of_range', `Lunar ${day}/${month}/${year} falls outside ${FIRST_YEAR}-${LAST_YEAR}`);
  return civilFromDays(result);
}

/** Tết Nguyên Đán: the civil date of the first day of the first lunar month of a year (1900-2100). */
export function lunarNewYear(year: number, tz: number = VIETNAM_TIME_ZONE): string {
  const yearBad = integerProblem(year, FIRST_YEAR, LAST_YEAR);
  const tzBad = tz === VIETNAM_TIME_ZONE ? undefined : timeZoneProblem(tz);
  if (yearBad || tzBad) throw argumentError('lunarNewYear', [['year', yearBad], ['tz', tzBad]]);
  const { starts, firstMonth } = tableFor(tz);
  return civilFromDays(starts[firstMonth[year - FIRST_LUNAR_YEAR]!]!);
}

/** The civil date of a lunar date that may not exist (internal, for holiday anchors): `undefined` for a day 30 of a 29-day month or a missing year. */
export function lunarToSolarOrUndefined(year: number, month: number, day: number): string | undefined {
  if (year < FIRST_LUNAR_YEAR || year > LAST_YEAR) return undefined;
  const { starts, firstMonth, leapMonth } = tableFor(VIETNAM_TIME_ZONE);
  const leapOfYear = leapMonth[year - FIRST_LUNAR_YEAR]!;
  const i = firstMonth[year - FIRST_LUNAR_YEAR]! + month - 1 + (leapOfYear !== 0 && month > leapOfYear ? 1 : 0);
  const result = starts[i]! + day - 1;
  return day > starts[i + 1]! - starts[i]! || result < FIRST_DAY || result > LAST_DAY ? undefined : civilFromDays(result);
}
