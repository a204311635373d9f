const marker = Symbol.for('par.error.ParAccessDeniedError');

/**
 * Thrown when the policy does not let the acting role of its unit do an action on a unit's data. Nothing was
 * written; the attempt itself is in the audit trail (entry `auditSeq`). Test for it with
 * {@link ParAccessDeniedError.isInstance}.
 */
export class ParAccessDeniedError extends Error {
  /** Stable code of the error class. */
  readonly code = 'PAR_ACCESS_DENIED' as const;
  private readonly [marker] = true;

  /** Builds the error for one refused action. */
  constructor(
    readonly action: string,
    readonly actor: { readonly unitId: string; readonly role: string; readonly person?: string | undefined },
    readonly target: string | undefined,
    readonly auditSeq: number | undefined,
  ) {
    super(`Role "${actor.role}" of ${actor.unitId} may not ${action}${target ? ` on the data of ${target}` : ''}${auditSeq === undefined ? "" : `: nothing was written (audit entry ${auditSeq})`}`);
    this.name = 'ParAccessDeniedError';
  }

  /** True when `error` is a `ParAccessDeniedError` from any build of this package. */
  static isInstance(error: unknown): error is ParAccessDeniedError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
