import { z } from 'zod';
import { VIETNAM_OFFSET_MINUTES } from '@par/calendar';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * The epoch milliseconds of an instant written `YYYY-MM-DDTHH:MM[:SS[.mmm]][zone]` (a space may stand for `T`); without a
 * zone it is Vietnam time (UTC+7). `NaN` for anything else, including a day that does not exist.
 */
export function instantMs(text: string): number {
  const m = typeof text === 'string' ? INSTANT.exec(text) : null;
  if (!m) return NaN;
  const zone = m[6];
  const offset = zone === undefined ? VIETNAM_OFFSET_MINUTES : zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const [y, mo, d] = [+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10)];
  const monthDays = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]!;
  if (y < 1900 || y > 2100 || !(mo >= 1 && mo <= 12) || d < 1 || d > monthDays) return NaN;
  return Date.UTC(y, mo - 1, d, +m[2]!, +m[3]! - offset, m[4] === undefined ? 0 : +m[4], m[5] === undefined ? 0 : +m[5].padEnd(3, '0'));
}

/**
 * Zod schema for an instant: a string `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`, Vietnam time when it has no zone, read as
 * epoch milliseconds.
 */
export const InstantSchema = z.string().transform((s, ctx) => {
  const ms = instantMs(s);
  if (ms === ms) return ms;
  ctx.addIssue({ code: 'custom', message: 'Expected an instant YYYY-MM-DDTHH:MM[:SS] from 1900 to 2100 (Vietnam time unless it ends with Z or ±HH:MM)' });
  return z.NEVER;
});
