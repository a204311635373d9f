import type { z } from 'zod';
import { ParValidationError, type ParIssue } from './par-validation-error.js';

/** Runs a zod schema and converts its failure into a {@link ParValidationError}. */
export function parseWithSchema<T>(document: string, schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ParValidationError(document, result.error.issues.map(toParIssue));
}

function toParIssue(issue: z.core.$ZodIssue): ParIssue {
  return {
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: `schema.${issue.code}`,
    message: issue.message,
  };
}

/** Collects domain issues; throws once, with all of them, if any were found. */
export class IssueList {
  readonly items: ParIssue[] = [];

  /** Records one problem. */
  add(path: readonly (string | number)[], code: string, message: string): void {
    this.items.push({ path, code, message });
  }

  /** Throws a {@link ParValidationError} naming every recorded problem, if there is one. */
  throwIfAny(document: string): void {
    if (this.items.length > 0) throw new ParValidationError(document, this.items);
  }
}
