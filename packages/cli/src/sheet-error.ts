/** One problem of an imported workbook, at `sheet!cell`. */
export interface SheetProblem {
  readonly cell: string;
  readonly message: string;
}

/**
 * Thrown with every problem of an imported workbook, each at `sheet!cell` (exit code 1). A file that cannot be
 * read as a workbook at all has no problems listed: its message is the one line to print.
 */
export class SheetError extends Error {
  /** Builds it from the problems, or from one line about an unreadable file. */
  constructor(readonly problems: readonly SheetProblem[], message?: string) {
    super(message ?? `${problems.length} problem${problems.length === 1 ? '' : 's'} in the sheet`);
    this.name = 'SheetError';
  }
}
