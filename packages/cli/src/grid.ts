import type { FormulaValue } from './formula.js';

/** One cell as the user saw it: its value (a formula's stored result), its formula, whether it shows a percent. */
export interface GridCell {
  /** The value, or for a formula the result the spreadsheet stored (`undefined` when it stored none). */
  readonly value: FormulaValue | Date | undefined;
  /** The formula in Excel syntax, without `=`. */
  readonly formula?: string;
  /** Whether the cell's number format shows a percent (95% is stored as 0.95). */
  readonly percent: boolean;
  /** A spreadsheet error shown in the cell (`#DIV/0!`...). */
  readonly error?: string;
}

/** A sheet as a map of non-empty cells by address (`B7`), and whether the file hides it. */
export interface Grid {
  readonly cells: ReadonlyMap<string, GridCell>;
  /** Whether the sheet is hidden (Excel's "hidden" or "very hidden", LibreOffice's `table:display="false"`). */
  readonly hidden: boolean;
}

/** A workbook read from a file: its format and its sheets by name. */
export interface WorkbookData {
  readonly format: 'xlsx' | 'ods';
  readonly sheets: ReadonlyMap<string, Grid>;
}

/** The letters of a 1-based column number (1 = A, 27 = AA). */
export function columnLetters(c: number): string {
  return (c > 26 ? columnLetters(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
}

/** Row and column numbers of an address (`B7` -> [7, 2]). */
export function rowCol(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new RangeError(`Not a cell address: ${address}`);
  return [Number(m[2]), m[1]!.split('').reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0)];
}

/** Whether a number format shows a percent (a `%` outside quotes and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''));
}
