import { dayNumberOrNaN, FIRST_YEAR, LAST_YEAR, monthLength } from './day-number.js';
import { ParValidationError, type ParIssue } from './par-validation-error.js';

/**
 * The argument checks of every exported function (internal). Each function first tests its arguments with a
 * cheap predicate; only when one fails does it call {@link argumentError}, which describes every argument that is
 * wrong with the `xxxProblem` functions here and throws one `ParValidationError` naming each by path.
 */

/** What is wrong with one argument: a stable code and an explanation. */
export interface Problem {
  readonly code: string;
  readonly message: string;
}

/** An argument's path (its name, or name and field) and its problem, if any. */
export type ArgumentCheck = readonly [path: string | readonly (string | number)[], problem: Problem | undefined];

/** The error for the arguments of `fn` that have a problem. */
export function argumentError(fn: string, checks: readonly ArgumentCheck[]): ParValidationError {
  const issues: ParIssue[] = [];
  for (const [path, problem] of checks) {
    if (problem) issues.push({ path: typeof path === 'string' ? [path] : path, ...problem });
  }
  if (issues.length === 0) issues.push({ path: [], code: 'invalid_arguments', message: `Invalid arguments of ${fn}` });
  return new ParValidationError(`arguments of ${fn}`, issues);
}

/** Throws the error for one argument. */
export function fail(fn: string, path: string | readonly (string | number)[], code: string, message: string): never {
  throw argumentError(fn, [[path, { code, message }]]);
}

/** A short printable form of any value, for messages (never throws). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value == null) return String(value);
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'an object';
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = `${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`;

/** Why a value is not a civil date `YYYY-MM-DD` from 1900 to 2100 (`undefined` when it is one). */
export function dateProblem(value: unknown): Problem | undefined {
  if (typeof value !== 'string' || !DATE_FORM.test(value)) return { code: 'not_a_date', message: `Expected a date YYYY-MM-DD, got ${show(value)}` };
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return { code: 'impossible_date', message: `${value} is not a day of the calendar` };
  if (y < FIRST_YEAR || y > LAST_YEAR) return { code: 'out_of_range', message: `${value} is outside the supported range ${RANGE}` };
  return undefined;
}

/** Why a value is not an integer (`Number.isSafeInteger`) from `min` to `max`. */
export function integerProblem(value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Problem | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { code: 'not_an_integer', message: `Expected an integer, got ${show(value)}` };
  if (value < min || value > max) return { code: 'out_of_range', message: `Expected ${min} to ${max}, got ${value}` };
  return undefined;
}

/** Why a value is not a year from 1900 to 2100 (or the narrower range given). */
export const yearProblem = (value: unknown, from = FIRST_YEAR, to = LAST_YEAR): Problem | undefined => integerProblem(value, from, to);

/** Why a value is not a month 1-12. */
export const monthProblem = (value: unknown): Problem | undefined => integerProblem(value, 1, 12);

const PERIOD = /^(\d{4})(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Why a value is not a {@link Period}: `2022`, `2022-H2`, `2022-Q4` or `2022-09`, from 1900 to 2100. */
export function periodProblem(value: unknown): Problem | undefined {
  if (typeof value !== 'string' || !PERIOD.test(value)) {
    return { code: 'not_a_period', message: `Expected a period 2022, 2022-H2, 2022-Q1..Q4 or 2022-01..12, got ${show(value)}` };
  }
  const y = Number(value.slice(0, 4));
  if (y < FIRST_YEAR || y > LAST_YEAR) return { code: 'out_of_range', message: `${value} is outside the supported years ${FIRST_YEAR}-${LAST_YEAR}` };
  return undefined;
}


const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a value is a clock time `HH:MM` from 00:00 to 23:59. */
export const isTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

/** Why a value is not a clock time `HH:MM` from 00:00 to 23:59. */
export const timeProblem = (value: unknown): Problem | undefined =>
  isTime(value) ? undefined : { code: 'not_a_time', message: `Expected a time HH:MM from 00:00 to 23:59, got ${show(value)}` };

/** Why a value is not a boolean. */
export const booleanProblem = (value: unknown): Problem | undefined =>
  typeof value === 'boolean' ? undefined : { code: 'invalid_type', message: `Expected true or false, got ${show(value)}` };

/** Why a value is not a plain object (for an options or record argument). */
export const objectProblem = (value: unknown): Problem | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : { code: 'invalid_type', message: `Expected an object, got ${show(value)}` };

/** The day number of a date argument of `fn`; throws naming `name` when it is not a date from 1900 to 2100. */
export function dayArgument(fn: string, name: string, value: unknown): number {
  const n = dayNumberOrNaN(value);
  if (n !== n) throw argumentError(fn, [[name, dateProblem(value)]]);
  return n;
}
