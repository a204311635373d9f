import { CivilDateSchema, ParValidationError, type CivilDate, type ParIssue } from '@par/calendar';
import type { LegalBasis } from '../shared/legal-basis.js';

/**
 * One version of a rule a check applies: its parameters (thresholds, day counts) and the legal basis in force
 * from `effectiveFrom` to `effectiveTo` (inclusive), with what superseded it.
 */
export interface RuleVersion<Params> {
  readonly effectiveFrom: CivilDate;
  readonly effectiveTo?: CivilDate;
  readonly supersededBy?: string;
  readonly legalBasis: LegalBasis;
  readonly params: Params;
}

/**
 * The version of a rule in force on a case's reference date, or `undefined` when none was. Throws
 * `ParValidationError` for `versions` that is not a list or a `referenceDate` that is not a real date.
 */
export function ruleInForce<Params>(versions: readonly RuleVersion<Params>[], referenceDate: CivilDate): RuleVersion<Params> | undefined {
  if (!Array.isArray(versions) || !CivilDateSchema.safeParse(referenceDate).success) {
    const issues: ParIssue[] = [];
    if (!Array.isArray(versions)) issues.push({ path: ['versions'], code: 'invalid_argument', message: 'Expected a list of rule versions' });
    if (!CivilDateSchema.safeParse(referenceDate).success) issues.push({ path: ['referenceDate'], code: 'invalid_date', message: `Expected a real date YYYY-MM-DD, got ${JSON.stringify(referenceDate)}` });
    throw new ParValidationError('arguments of ruleInForce', issues);
  }
  return versions.find((v) => v.effectiveFrom <= referenceDate && (v.effectiveTo === undefined || referenceDate <= v.effectiveTo));
}
