import type { z } from 'zod';
import { IssueList, PeriodSchema } from '@par/calendar';
import { IdSchema } from '../shared/identifiers.js';
import { checkParsed, isParsed } from '../shared/parsed.js';

/** Where an argument sits: its name, then the path inside it (`['options', 'samples']`). */
export type ArgPath = readonly (string | number)[];

const describe = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' || v == null ? String(v) : typeof v);

/**
 * The argument checks of the exported scoring functions: each adds a problem at the argument's path, and
 * {@link ArgumentCheck.done} throws one `ParValidationError` naming them all, before anything is computed.
 */
export class ArgumentCheck {
  readonly issues = new IssueList();

  /** `fn` names the function in the error (`arguments of computeIndex`). */
  constructor(private readonly fn: string) {}

  /** Throws if any argument was refused. */
  done(): void {
    this.issues.throwIfAny(`arguments of ${this.fn}`);
  }

  /** A framework returned by `parseFramework` or `deriveFramework`. */
  framework(value: unknown, path: ArgPath = ['framework']): this {
    checkParsed(this.issues, value, path, 'a framework', 'parseFramework (or deriveFramework)');
    return this;
  }

  /** An assessment returned by `parseAssessment` or `updateAssessment`. */
  assessment(value: unknown, path: ArgPath): this {
    checkParsed(this.issues, value, path, 'an assessment', 'parseAssessment (or updateAssessment)');
    return this;
  }

  /** A list of parsed assessments. */
  assessments(value: unknown, path: ArgPath = ['assessments']): this {
    if (!Array.isArray(value)) this.issues.add(path, 'invalid_argument', `Expected an array of assessments, got ${describe(value)}`);
    else for (let i = 0; i < value.length; i++) if (!isParsed(value[i])) this.assessment(value[i], [...path, i]);
    return this;
  }

  /** A result set returned by `computeIndex` or an index engine's `results()`. */
  results(value: unknown, path: ArgPath = ['results']): this {
    checkParsed(this.issues, value, path, 'a result set', 'computeIndex (or an index engine)');
    return this;
  }

  /** A period in one of its documented forms (`2021`, `2021-Q3`, `2021-06`...). */
  period(value: unknown, path: ArgPath = ['period']): this {
    const r = PeriodSchema.safeParse(value);
    if (!r.success) this.issues.add(path, 'invalid_period', `Expected a period such as 2021, 2021-H2, 2021-Q3 or 2021-06, got ${describe(value)}`);
    return this;
  }

  /** A unit id. */
  unitId(value: unknown, path: ArgPath = ['unitId']): this {
    if (!IdSchema.safeParse(value).success) this.issues.add(path, 'invalid_unit_id', `Expected a unit id, got ${describe(value)}`);
    return this;
  }

  /** An options object (or nothing); returns whether its fields can be checked. */
  options(value: unknown, path: ArgPath = ['options']): value is Record<string, unknown> {
    if (value === undefined) return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.issues.add(path, 'invalid_argument', `Expected an options object, got ${describe(value)}`);
      return false;
    }
    return true;
  }

  /** A safe integer from `min` to `max`, when given. */
  count(value: unknown, path: ArgPath, min: number, max = Number.MAX_SAFE_INTEGER, optional = true): this {
    if (value === undefined && optional) return this;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      this.issues.add(path, 'invalid_count', `Expected a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got ${describe(value)}`);
    }
    return this;
  }

  /** A number of decimals to display: a whole number from 0 to 6. */
  decimals(value: unknown, path: ArgPath): this {
    return this.count(value, path, 0, 6);
  }

  /** Figure options: decimals of points and percentages, when given. */
  figures(value: unknown, path: ArgPath): this {
    if (!this.options(value, path)) return this;
    return this.decimals(value.pointsDecimals, [...path, 'pointsDecimals']).decimals(value.percentDecimals, [...path, 'percentDecimals']);
  }

  /** A finite number from `min` to `max`, when given. */
  number(value: unknown, path: ArgPath, min: number, max: number): this {
    if (value === undefined) return this;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.issues.add(path, 'invalid_number', `Expected a number from ${min} to ${max}, got ${describe(value)}`);
    }
    return this;
  }

  /** One of a few values, when given. */
  oneOf(value: unknown, path: ArgPath, allowed: readonly unknown[]): this {
    if (value !== undefined && !allowed.includes(value)) this.issues.add(path, 'invalid_option', `Expected one of ${allowed.map(describe).join(', ')}, got ${describe(value)}`);
    return this;
  }

  /** A function, when given. */
  func(value: unknown, path: ArgPath): this {
    if (value !== undefined && typeof value !== 'function') this.issues.add(path, 'invalid_option', `Expected a function, got ${describe(value)}`);
    return this;
  }

  /** An array, when given; returns it for item checks. */
  array(value: unknown, path: ArgPath): readonly unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.issues.add(path, 'invalid_option', `Expected an array, got ${describe(value)}`);
      return [];
    }
    return value;
  }

  /** A value that must fit a zod schema; each of its problems is added under `path`. */
  schema(value: unknown, path: ArgPath, schema: z.ZodType): this {
    const r = schema.safeParse(value);
    if (!r.success) for (const i of r.error.issues) this.issues.add([...path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], `schema.${i.code}`, i.message);
    return this;
  }

  /** Records a problem found by the caller. */
  add(path: ArgPath, code: string, message: string): this {
    this.issues.add(path, code, message);
    return this;
  }
}
