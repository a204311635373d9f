import { expect } from 'vitest';
import { ParValidationError, type ParIssue } from '../src/index.js';

/** Runs `fn`, expects a `ParValidationError`, and returns its issues as `path code` strings (`lunar.leap no_leap_month`). */
export function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i: ParIssue) => `${i.path.join('.')} ${i.code}`);
  }
  return expect.fail('expected a ParValidationError, got a result');
}
