import { civilFromDays, daysFromCivil } from './day-number.js';
import type { LunarDate } from './lunar.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically (internal: `lunar.ts` tabulates it once
 * per time zone, and the benchmark compares the two): months begin on the civil day of the
 * new moon in the calendar's time zone (UTC+7 for Vietnam; UTC+8 gives the Chinese calendar), month 11 is the
 * month holding the winter solstice, and in a year of 13 months the first month with no major solar term is
 * the leap month. Mean new moons are corrected by the principal periodic terms (J. Meeus, Astronomical
 * Algorithms), and the sun's longitude is Meeus's low-accuracy series: ample for day boundaries from 1900 to 2100.
 */

const JD_UNIX_EPOCH = 2_440_588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900 = 2_415_021.076998695; // first new moon of 1900, in Julian days
const RAD = Math.PI / 180;

/** Julian day (TT, fractional) of the k-th new moon after that of 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * RAD; // sun's mean anomaly
  const Mm = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * RAD; // moon's mean anomaly
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * RAD; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M) + 0.0021 * Math.sin(2 * M);
  c += -0.4068 * Math.sin(Mm) + 0.0161 * Math.sin(2 * Mm) - 0.0004 * Math.sin(3 * Mm);
  c += 0.0104 * Math.sin(2 * F) - 0.0051 * Math.sin(M + Mm) - 0.0074 * Math.sin(M - Mm);
  c += 0.0004 * Math.sin(2 * F + M) - 0.0004 * Math.sin(2 * F - M) - 0.0006 * Math.sin(2 * F + Mm);
  c += 0.001 * Math.sin(2 * F - Mm) + 0.0005 * Math.sin(M + 2 * Mm);
  // ΔT (dynamical minus universal time), in days
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** Julian day number of the civil day, in time zone `tz`, on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which twelfth of the ecliptic (0-11, 30° each from the vernal point) the sun is in at the start of a civil day. */
function sunSector(jdn: number, tz: number): number {
  const T = (jdn - 0.5 - tz / 24 - 2_451_545.0) / 36_525;
  const T2 = T * T;
  const M = (357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * RAD;
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2;
  const C = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.00029 * Math.sin(3 * M);
  let longitude = (L0 + C) * RAD;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of a solar year. */
function month11(year: number, tz: number): number {
  const off = daysFromCivil(year, 12, 31) + JD_UNIX_EPOCH - 2_415_021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // if the sun has already passed 270° (the solstice) at that new moon, month 11 began one lunation earlier
  return sunSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

/** In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a day number (days since 1970-01-01) of the solar `year`, computed from the astronomy. */
export function astronomicalSolarToLunar(dayNumber: number, year: number, tz: number): LunarDate {
  const jd = dayNumber + JD_UNIX_EPOCH;
  // the estimate from mean lunations can be one off either way: settle on the new moon on or before the day
  let k = Math.floor((jd - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, tz) > jd) k--;
  while (newMoonDay(k + 1, tz) <= jd) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = month11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = month11(year + 1, tz);
  }
  const day = jd - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The civil date of a lunar date, computed from the astronomy (a valid lunar date; `RangeError` otherwise). */
export function astronomicalLunarToSolar(lunar: LunarDate, tz: number): string {
  const { year, month, day, leap } = lunar;
  const [a11, b11] = month < 11 ? [month11(year - 1, tz), month11(year, tz)] : [month11(year, tz), month11(year + 1, tz)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const start = newMoonDay(k + off, tz);
  const length = newMoonDay(k + off + 1, tz) - start;
  if (day < 1 || day > length) throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${length} days, not ${day}`);
  return civilFromDays(start + day - 1 - JD_UNIX_EPOCH);
}
