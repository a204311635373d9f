import { addDays, type CivilDate } from '@par/calendar';
import type { FinanceConfig } from './records.js';
import { FIN_RULES, finSource, LAW_2024, ND60, ND99, ND99_SETTLEMENT_LIMITS, type ExtensionCategory, type FinRuleVersion, type SettlementLimits } from './rules.js';
import type { SettlementRules } from './deadlines.js';
import type { Ratio } from './money.js';

/** A disbursement target of a plan year at a cut-off, with the rule version it comes from. */
export interface DisbursementTarget {
  readonly cutOff: CivilDate;
  readonly percent: Ratio;
  readonly rule: FinRuleVersion<unknown>;
}

/** The rule versions of one plugin instance: {@link FIN_RULES} and the versions built from its options. */
export interface ConfiguredRules {
  readonly settlement: SettlementRules;
  readonly extensionCategory: readonly FinRuleVersion<{ categories: readonly ExtensionCategory[] }>[];
  readonly paymentControl: readonly FinRuleVersion<{ paymentWorkingDays: number; advanceWorkingDays: number }>[];
  readonly autonomyGroups: readonly FinRuleVersion<{ group: 1 | 2 | 3 | 4; minPercent: string }>[];
  readonly slowProjects: FinRuleVersion<unknown>;
  readonly provincialDeadline: FinRuleVersion<unknown>;
  /** FIN-05: the targets of a plan year, by cut-off. */
  targets(planYear: number): DisbursementTarget[];
  /** FIN-06: the detailed-allocation cut-off of a plan year, when one is known. */
  allocationCutOff(planYear: number): { readonly cutOff: CivilDate; readonly rule: FinRuleVersion<unknown> } | undefined;
}

const percentText = (r: Ratio) => {
  const whole = r.numerator / r.denominator;
  const frac = (r.numerator % r.denominator).toString().padStart(r.denominator.toString().length - 1, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
};

/** Builds the rule versions of a plugin instance from its validated options. */
export function configureRules(o: FinanceConfig): ConfiguredRules {
  const nd193: FinRuleVersion<{ limits: SettlementLimits }> = {
    ruleId: 'FIN-08',
    effectiveFrom: '2026-07-01',
    legalBasis: {
      document: 'NĐ 193/2026/NĐ-CP',
      signedOn: '2026-06-01',
      article: o.settlementLimits2026 ? 'limits as configured (settlementLimits2026); reported "4-9 months"' : 'limits not confirmed: NĐ 99/2021 Art. 47 applied until settlementLimits2026 is set; with TT 73/2026/TT-BTC',
      verification: 'partlyConfirmed',
      source: finSource('FIN-08'),
    },
    params: { limits: o.settlementLimits2026 ?? ND99_SETTLEMENT_LIMITS },
  };
  const amendment = o.autonomyAmendmentFrom;
  const autonomyGroups = [
    ...FIN_RULES.autonomyGroups.map((v) => (amendment ? { ...v, effectiveTo: addDays(amendment, -1), supersededBy: 'NĐ 111/2025/NĐ-CP (FIN-24, content not confirmed)' } : v)),
    ...(amendment
      ? FIN_RULES.autonomyGroups.map((v) => ({
          ...v,
          ruleId: 'FIN-24',
          effectiveFrom: amendment,
          effectiveTo: undefined,
          legalBasis: { document: 'NĐ 111/2025/NĐ-CP', article: `amends ${v.ruleId} (${ND60.document} Art. 9); content and date not confirmed: NĐ 60/2021's thresholds kept`, verification: 'unconfirmed' as const, source: finSource('FIN-24') },
        }))
      : []),
  ];
  const control = (document: string, from: CivilDate, to?: CivilDate, supersededBy?: string): FinRuleVersion<{ paymentWorkingDays: number; advanceWorkingDays: number }> => ({
    ruleId: 'FIN-10',
    effectiveFrom: from,
    ...(to && { effectiveTo: to }),
    ...(supersededBy && { supersededBy }),
    legalBasis: { document, article: `KBNN control: ${o.paymentControlWorkingDays} working days for a payment (option paymentControlWorkingDays); advances shorter (U)`, verification: 'unconfirmed', source: finSource('FIN-10') },
    params: { paymentWorkingDays: o.paymentControlWorkingDays, advanceWorkingDays: o.advanceControlWorkingDays ?? o.paymentControlWorkingDays },
  });
  return {
    settlement: { current: [...FIN_RULES.settlementNd99, nd193], legacy: FIN_RULES.settlementLegacy[0]! },
    extensionCategory: [
      ...FIN_RULES.extensionCategory2019,
      {
        ruleId: 'FIN-03',
        effectiveFrom: '2025-01-01',
        legalBasis: { ...LAW_2024, article: 'Art. 72(2): eligible list not confirmed (option extensionCategories2024)', verification: 'unconfirmed', source: finSource('FIN-03') },
        params: { categories: o.extensionCategories2024 },
      },
    ],
    paymentControl: [control(ND99.document, '2022-01-01', '2025-09-25', 'NĐ 254/2025/NĐ-CP (26/09/2025, P)'), control('NĐ 254/2025/NĐ-CP', '2025-09-26')],
    autonomyGroups,
    slowProjects: {
      ruleId: 'FIN-07',
      effectiveFrom: '1900-01-01', // validity not confirmed
      legalBasis: { ...LAW_2024, article: 'adjusting the plan away from slow projects (article U; timing and threshold are options)', verification: 'unconfirmed', source: finSource('FIN-07') },
      params: {},
    },
    provincialDeadline: {
      ruleId: 'FIN-16',
      effectiveFrom: '1900-01-01', // per provincial resolution
      legalBasis: { document: 'Provincial HĐND resolution (option provincialDeadlines)', verification: 'unconfirmed', source: finSource('FIN-16') },
      params: {},
    },
    targets(planYear) {
      const confirmed = FIN_RULES.disbursementTarget
        .filter((v) => v.effectiveFrom <= `${planYear}-01-01` && `${planYear}-01-01` <= (v.effectiveTo ?? '9999'))
        .map((rule) => ({ cutOff: `${planYear + 1}-01-31`, percent: { numerator: BigInt(rule.params.percent), denominator: 1n }, rule }));
      const configured = o.targets
        .filter((t) => t.planYear === planYear)
        .map((t) => ({
          cutOff: t.cutOff,
          percent: t.percent,
          rule: { ruleId: 'FIN-05', effectiveFrom: `${planYear}-01-01`, legalBasis: { document: t.document, article: `target ${percentText(t.percent)}% by ${t.cutOff}`, verification: t.verification, source: finSource('FIN-05') }, params: {} },
        }));
      return [...confirmed.filter((c) => !configured.some((t) => t.cutOff === c.cutOff)), ...configured].sort((a, b) => (a.cutOff < b.cutOff ? -1 : 1));
    },
    allocationCutOff(planYear) {
      const own = o.allocationCutOffs.find((c) => c.planYear === planYear);
      if (own) {
        return { cutOff: `${planYear}-${own.cutOff}`, rule: { ruleId: 'FIN-06', effectiveFrom: `${planYear}-01-01`, legalBasis: { document: own.document, article: `cut-off ${own.cutOff}`, verification: own.verification, source: finSource('FIN-06') }, params: {} } };
      }
      const rule = FIN_RULES.allocationCutOff.find((v) => v.effectiveFrom <= `${planYear}-01-01` && `${planYear}-01-01` <= (v.effectiveTo ?? '9999'));
      return rule && { cutOff: `${planYear}-${rule.params.cutOff}`, rule };
    },
  };
}
