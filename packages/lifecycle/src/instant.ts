// A replay reads the instant of every event (`at`) and compares it with the last one. `Date.parse` is most of that
// cost; the layouts the writers of logs use (`toISOString()`'s, and a Vietnamese clock's `+07:00`) are read here with
// integer arithmetic, and anything else goes to `Date.parse`.

/** The number the decimal digits of `text` from `from` (inclusive) to `to` (exclusive) spell, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days-from-civil; months 1-12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const DASH = 45;
const COLON = 58;
/** Whether `text` has the separators of `YYYY-MM-DDTHH:MM:SS`. */
const separated = (text: string) =>
  text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(13) === COLON && text.charCodeAt(16) === COLON;

/**
 * Milliseconds since 1970 of an instant, as `Date.parse` gives them. `YYYY-MM-DDTHH:MM:SS`, with three decimals or
 * none, then `Z` or `±HH:MM` (the layouts of `toISOString()` and of a clock in Vietnam) is read with integer
 * arithmetic; anything else, or a value out of its range, is left to `Date.parse`.
 */
export function instantMs(text: string): number {
  const n = text.length;
  const zone = n === 24 || n === 29 ? 23 : n === 20 || n === 25 ? 19 : -1;
  if (zone === -1 || !separated(text) || (zone === 23 && text.charCodeAt(19) !== 46) /* . */) return Date.parse(text);
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  const h = digits(text, 11, 13);
  const mi = digits(text, 14, 16);
  const s = digits(text, 17, 19);
  const ms = zone === 23 ? digits(text, 20, 23) : 0;
  let offset = 0;
  if (n === zone + 1) {
    if (text[zone] !== 'Z') return Date.parse(text);
  } else {
    const sign = text[zone] === '+' ? 1 : text[zone] === '-' ? -1 : 0;
    const oh = digits(text, zone + 1, zone + 3);
    const om = digits(text, zone + 4, zone + 6);
    if (sign === 0 || text.charCodeAt(zone + 3) !== COLON || oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(text);
    offset = sign * (oh * 60 + om) * 60_000;
  }
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0) return Date.parse(text);
  return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset;
}
