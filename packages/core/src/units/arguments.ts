import { isCivilDate, ParValidationError, type ParIssue } from '@par/calendar';
import type { z } from 'zod';

type Path = readonly (string | number)[];

/**
 * Collects problems with a public function's arguments and throws one {@link ParValidationError} naming each
 * argument by path (`['date']`, `['options', 'until']`), so a bad argument never yields a confident wrong answer.
 */
export class ArgumentCheck {
  private readonly issues: ParIssue[] = [];

  constructor(private readonly fn: string) {}

  /** Whether no problem was recorded so far. */
  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** Records a problem with the argument at `path`. */
  fail(path: Path, code: string, message: string): this {
    this.issues.push({ path, code, message });
    return this;
  }

  /** The argument at `path` must be a real civil date `YYYY-MM-DD` in the range of `@par/calendar`. */
  date(path: Path, value: unknown): this {
    return isCivilDate(value) ? this : this.fail(path, 'invalid_date', `Expected a real date YYYY-MM-DD, got ${show(value)}`);
  }

  /** The argument at `path` must be a non-empty string. */
  id(path: Path, value: unknown): this {
    return typeof value === 'string' && value.length > 0 ? this : this.fail(path, 'invalid_id', `Expected an id (a non-empty string), got ${show(value)}`);
  }

  /** The argument at `path` must pass `schema`; returns its parsed value, or `undefined` after recording every problem. */
  schema<T>(path: Path, schema: z.ZodType<T>, value: unknown): T | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const i of r.error.issues) this.fail([...path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], `schema.${i.code}`, i.message);
    return undefined;
  }

  /** Throws once, naming every problem recorded, if there is one. */
  done(): void {
    if (this.issues.length > 0) throw new ParValidationError(`arguments of ${this.fn}`, this.issues);
  }
}

/** A short, safe rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}
