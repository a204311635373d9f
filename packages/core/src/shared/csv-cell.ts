import { ParValidationError } from '@par/calendar';

/** A plain decimal number as the figures are printed (`-2.500`, `75`): left as it is, so it stays a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** The characters a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a CSV cell against formula injection as OWASP recommends: a cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as text instead of running it.
 * Numbers are not changed (a negative number stays a number). The CSV writer still quotes the cell as RFC 4180 needs.
 * Throws `ParValidationError` for a number that is not finite or a value that is not text, a number or empty.
 */
export function neutraliseCsvCell(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' ? !Number.isFinite(cell) : typeof cell !== 'string') {
    const got = typeof cell === 'number' ? String(cell) : Array.isArray(cell) ? 'an array' : typeof cell;
    throw new ParValidationError('arguments of neutraliseCsvCell', [{ path: ['cell'], code: 'invalid_cell', message: `Expected text, a finite number or nothing, got ${got}` }]);
  }
  const text = String(cell);
  return typeof cell === 'number' || PLAIN_NUMBER.test(text) || !FORMULA_START.test(text) ? text : `'${text}`;
}
