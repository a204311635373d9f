const marker = Symbol.for('par.error.ParValidationError');

/** One problem found in an input document: where it is, a stable code, and what is wrong. */
export interface ParIssue {
  /** Path from the document root to the offending value, e.g. `['units', 3, 'validTo']`. */
  readonly path: readonly (string | number)[];
  /**
   * Stable machine-readable code. Schema problems carry zod's code prefixed with `schema.`
   * (`schema.invalid_type`); domain rules carry their own (`sum_mismatch`, `child_outlives_parent`, ...).
   */
  readonly code: string;
  /** Human-readable explanation in English. */
  readonly message: string;
}

/** Whether a value is an issue path: an array of names and non-negative integer indexes (internal). */
export const isIssuePath = (path: unknown): path is readonly (string | number)[] =>
  Array.isArray(path) && path.every((p) => typeof p === 'string' || (Number.isSafeInteger(p) && (p as number) >= 0));

/** Formats a path the way the error messages print it: `units[3].validTo`. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (!isIssuePath(path)) {
    throw new ParValidationError('arguments of formatIssuePath', [{ path: ['path'], code: 'invalid_type', message: 'Expected an array of names and non-negative integer indexes' }]);
  }
  return formatPath(path);
}

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Thrown by every `parseX` function when its input is not a fully valid document. It names every problem
 * found, each with its path; nothing is returned half-built.
 *
 * Test for it with {@link ParValidationError.isInstance} rather than `instanceof`: the ESM and CJS builds
 * of this package each have their own class.
 */
export class ParValidationError extends Error {
  /** Stable code of the error class. */
  readonly code = 'PAR_VALIDATION' as const;
  /** What was being validated, e.g. `units` or `framework`. */
  readonly document: string;
  /** Every problem found, in document order. Never empty. */
  readonly issues: readonly ParIssue[];
  private readonly [marker] = true;

  /** Builds the error from the document name and its issues. */
  constructor(document: string, issues: readonly ParIssue[]) {
    const lines = issues.slice(0, 20).map((i) => `  - ${formatPath(i.path)}: ${i.message} [${i.code}]`);
    if (issues.length > 20) lines.push(`  - ... and ${issues.length - 20} more`);
    super(`Invalid ${document}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
    this.name = 'ParValidationError';
    this.document = document;
    this.issues = issues;
  }

  /** True when `error` is a `ParValidationError` from any build (ESM or CJS) of this package. */
  static isInstance(error: unknown): error is ParValidationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
