const marker = Symbol.for('par.error.ParConflictError');

/**
 * Thrown by a store when an append expected a version the log no longer has: someone else wrote first. Nothing
 * was written; reload and try again. Test for it with {@link ParConflictError.isInstance}.
 */
export class ParConflictError extends Error {
  /** Stable code of the error class. */
  readonly code = 'PAR_CONFLICT' as const;
  private readonly [marker] = true;

  /** Builds the error for one assignment's log. */
  constructor(
    readonly assignmentId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Log of ${assignmentId} is at version ${actualVersion}, not ${expectedVersion}: nothing was written`);
    this.name = 'ParConflictError';
  }

  /** True when `error` is a `ParConflictError` from any build of this package. */
  static isInstance(error: unknown): error is ParConflictError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
