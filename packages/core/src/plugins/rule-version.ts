import type { CivilDate } from '@par/calendar';
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

/** The version of a rule in force on a case's reference date, or `undefined` when none was. */
export function ruleInForce<Params>(versions: readonly RuleVersion<Params>[], referenceDate: CivilDate): RuleVersion<Params> | undefined {
  return versions.find((v) => v.effectiveFrom <= referenceDate && (v.effectiveTo === undefined || referenceDate <= v.effectiveTo));
}
