import type { IssueList } from '@par/calendar';

/**
 * The type-level mark of a document that went through its `parseX` function (`parseAssessment`, `parseFramework`,
 * `deriveFramework`, `parseDirectiveDocument`...). No object carries it at run time: the check is {@link isParsed}.
 */
export const PARSED: unique symbol = Symbol('par.parsed');

const parsed = new WeakSet<object>();

/** Records `value` as returned by a `parseX` function (internal; call it last, on the frozen object). */
export function markParsed<T extends object>(value: T): T {
  parsed.add(value);
  return value;
}

/**
 * Whether `value` is the very object a `parseX` function of this package returned (or a result set `computeIndex`
 * returned). A copy, a spread, a JSON round trip or an object typed by hand is not.
 */
export function isParsed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && parsed.has(value);
}

/** Adds a `not_parsed` problem at `path` unless `value` came from `parseFunction`. */
export function checkParsed(issues: IssueList, value: unknown, path: readonly (string | number)[], what: string, parseFunction: string): void {
  if (!isParsed(value)) {
    issues.add(path, 'not_parsed', `Expected ${what} returned by ${parseFunction}, not a plain object: pass the document through ${parseFunction} first`);
  }
}
