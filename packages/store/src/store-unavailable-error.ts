const marker = Symbol.for('par.error.StoreUnavailableError');

/**
 * Thrown when the database cannot be reached or opened: PostgreSQL down, a wrong URL or password, a PGlite folder
 * that cannot be used. The message is one line that names the database without its password. Test for it with
 * {@link StoreUnavailableError.isInstance}.
 */
export class StoreUnavailableError extends Error {
  /** Stable code of the error class. */
  readonly code = 'PAR_STORE_UNAVAILABLE' as const;
  private readonly [marker] = true;

  /** Builds the error for one database (`where`, without a password) and the driver's reason. */
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(`Cannot open the store at ${where}: ${reason.split('\n')[0]}`);
    this.name = 'StoreUnavailableError';
  }

  /** True when `error` is a `StoreUnavailableError` from any build of this package. */
  static isInstance(error: unknown): error is StoreUnavailableError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
