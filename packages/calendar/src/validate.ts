import type { z } from 'zod';
import { argumentError, show, type Problem } from './arguments.js';
import { isIssuePath, ParValidationError, type ParIssue } from './par-validation-error.js';

const textProblem = (value: unknown, what: string): Problem | undefined =>
  typeof value === 'string' && value.trim() !== '' ? undefined : { code: 'invalid_type', message: `Expected ${what}, got ${show(value)}` };

/**
 * How many times a schema runs without zod's compiled fast path before it gets one. Zod compiles an object schema's
 * fast path (`new Function`) the first time it parses; that costs more than a few documents' worth of parsing (about
 * 12 ms for an assessment's, against a third of a millisecond saved a parse), so a command that reads a handful of
 * documents (`par score` on one district) parses them without it, and a province's thousands get it from the 33rd on.
 * The results and problems are the same either way.
 */
const PARSES_BEFORE_COMPILING = 32;
const parses = new WeakMap<object, number>();

/** Runs a zod schema and converts its failure into a {@link ParValidationError}. */
export function parseWithSchema<T>(document: string, schema: z.ZodType<T>, input: unknown): T {
  const schemaOk = typeof (schema as { safeParse?: unknown } | null)?.safeParse === 'function';
  if (textProblem(document, 'a document name') || !schemaOk) {
    throw argumentError('parseWithSchema', [
      ['document', textProblem(document, 'a document name')],
      ['schema', schemaOk ? undefined : { code: 'invalid_type', message: `Expected a zod schema, got ${show(schema)}` }],
    ]);
  }
  const count = (parses.get(schema) ?? 0) + 1;
  parses.set(schema, count);
  const result = schema.safeParse(input, count <= PARSES_BEFORE_COMPILING ? { jitless: true } : undefined);
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
    if (!isIssuePath(path) || textProblem(code, 'a code') || textProblem(message, 'a message')) {
      throw argumentError('IssueList.add', [
        ['path', isIssuePath(path) ? undefined : { code: 'invalid_type', message: `Expected a path of names and indexes, got ${show(path)}` }],
        ['code', textProblem(code, 'a code')],
        ['message', textProblem(message, 'a message')],
      ]);
    }
    this.items.push({ path, code, message });
  }

  /** Throws a {@link ParValidationError} naming every recorded problem, if there is one. */
  throwIfAny(document: string): void {
    if (textProblem(document, 'a document name')) throw argumentError('IssueList.throwIfAny', [['document', textProblem(document, 'a document name')]]);
    if (this.items.length > 0) throw new ParValidationError(document, this.items);
  }
}
