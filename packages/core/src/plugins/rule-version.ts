import { CivilDateSchema, ParValidationError, type CivilDate, type ParIssue } from '@par/calendar';
import type { LegalBasis } from '../shared/legal-basis.js';
import { SeveritySchema, type Severity } from './finding.js';

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

/**
 * The legal basis a finding cites for a rule version: the version's basis, dated by its validity (`effectiveFrom`, and
 * `effectiveTo` and `supersededBy` when it has them). Throws `ParValidationError` for a version without a basis or
 * without a real `effectiveFrom` date.
 */
export function ruleVersionBasis(rule: RuleVersion<unknown>): LegalBasis {
  const r = rule as Partial<RuleVersion<unknown>> | null;
  const issues: ParIssue[] = [];
  if (typeof r !== 'object' || r === null || typeof r.legalBasis !== 'object' || r.legalBasis === null) issues.push({ path: ['rule', 'legalBasis'], code: 'invalid_argument', message: 'Expected a rule version with its legal basis' });
  if (!CivilDateSchema.safeParse(r?.effectiveFrom).success) issues.push({ path: ['rule', 'effectiveFrom'], code: 'invalid_date', message: `Expected a real date YYYY-MM-DD, got ${JSON.stringify(r?.effectiveFrom)}` });
  if (issues.length > 0) throw new ParValidationError('arguments of ruleVersionBasis', issues);
  return { ...rule.legalBasis, effectiveFrom: rule.effectiveFrom, ...(rule.effectiveTo && { effectiveTo: rule.effectiveTo }), ...(rule.supersededBy && { supersededBy: rule.supersededBy }) };
}

/**
 * The severity a plugin reports under its unconfirmed-rule policy: a finding whose rule does not count fully (an
 * unconfirmed rule under the `advisory` policy: `counts` false) is at most `minor`; otherwise its own severity.
 * Throws `ParValidationError` for a severity that is not one of `SeveritySchema`'s or a `counts` that is not a boolean.
 */
export function advisorySeverity(severity: Severity, counts: boolean): Severity {
  const issues: ParIssue[] = [];
  if (!SeveritySchema.safeParse(severity).success) issues.push({ path: ['severity'], code: 'invalid_argument', message: `Expected info, minor, major or critical, got ${JSON.stringify(severity)}` });
  if (typeof counts !== 'boolean') issues.push({ path: ['counts'], code: 'invalid_argument', message: 'Expected true or false' });
  if (issues.length > 0) throw new ParValidationError('arguments of advisorySeverity', issues);
  return !counts && (severity === 'major' || severity === 'critical') ? 'minor' : severity;
}
