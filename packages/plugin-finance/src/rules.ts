import type { RuleVersion } from '@par/core';

/**
 * The rules of public finance as data, copied from the project's domain notes (`rules.md` §4, rows FIN-01..FIN-16
 * and FIN-20..FIN-24; there are no rows FIN-17..FIN-19) with their sources, validity and verification tags. A
 * date the notes do not give (a law's in-force date) is marked "(date U)" in `article`. Numbers the notes leave
 * unconfirmed are not here: they are options of the plugin (`FinanceOptionsSchema`) and the versions that use them
 * are built with the options (`financeRules`).
 */

const source = (row: string) => `domain notes rules.md §4, ${row}`;

/** A version of a finance rule: a {@link RuleVersion} that names its row of the domain notes (`FIN-08`). */
export interface FinRuleVersion<Params = Record<string, never>> extends RuleVersion<Params> {
  readonly ruleId: string;
}

/** The project groups of the investment law (nationally important, A, B, C); their thresholds are configuration. */
export const PROJECT_GROUPS = ['national', 'A', 'B', 'C'] as const;

/** A project group. */
export type ProjectGroup = (typeof PROJECT_GROUPS)[number];

/** A time limit in months (the same day of the month, or the month's last day) or in calendar days. */
export type TimeLimit = { readonly months: number } | { readonly days: number };

/** Settlement time limits by project group: preparation, verification, approval (FIN-08). */
export interface SettlementLimits {
  readonly preparation: Readonly<Record<ProjectGroup, TimeLimit>>;
  readonly verification: Readonly<Record<ProjectGroup, TimeLimit>>;
  readonly approval: Readonly<Record<ProjectGroup, TimeLimit>>;
}

/** The categories of capital whose window may be extended under the 2019 law's list (FIN-03). */
export const EXTENSION_CATEGORIES = ['nationallyImportant', 'compensationAndSiteClearance', 'finishingThisYearWithoutNextAllocation', 'revenueOverrunOrSavings', 'forceMajeure', 'overseasMission'] as const;

/** An eligible category for extending a disbursement window. */
export type ExtensionCategory = (typeof EXTENSION_CATEGORIES)[number];

/** Who decides an extension (FIN-03). */
export const EXTENSION_DECIDERS = ['primeMinister', 'peoplesCommitteeChair', 'provincialPeoplesCouncil'] as const;

const LAW_2019 = { document: 'Luật Đầu tư công 2019 (39/2019/QH14)' } as const;
const LAW_2024 = { document: 'Luật Đầu tư công 2024 (58/2024/QH15)' } as const;
const ND99 = { document: 'NĐ 99/2021/NĐ-CP' } as const;
const NSNN_2015 = { document: 'Luật NSNN 2015 (83/2015/QH13)' } as const;
const ND60 = { document: 'NĐ 60/2021/NĐ-CP' } as const;

/** NĐ 99/2021 Art. 47 (FIN-08, V): months to prepare, to verify, and the time to approve, by group. */
export const ND99_SETTLEMENT_LIMITS: SettlementLimits = {
  preparation: { national: { months: 9 }, A: { months: 9 }, B: { months: 6 }, C: { months: 4 } },
  verification: { national: { months: 8 }, A: { months: 8 }, B: { months: 4 }, C: { months: 3 } },
  approval: { national: { months: 1 }, A: { months: 1 }, B: { days: 20 }, C: { days: 15 } },
};

/** The 2019 law's list of categories whose window may be extended (FIN-03, V). */
const LIST_2019: readonly ExtensionCategory[] = EXTENSION_CATEGORIES;

/** The finance rules whose numbers the domain notes confirm (or whose row has no number to configure). */
export const FIN_RULES = {
  /** FIN-01: the annual plan capital is disbursed until 31/01 of the following year; by regime of the plan year. */
  disbursementWindow: [
    {
      ruleId: 'FIN-01',
      effectiveFrom: '2020-01-01',
      effectiveTo: '2024-12-31',
      supersededBy: 'Luật Đầu tư công 2024 (58/2024/QH15) Art. 72(1)',
      legalBasis: { ...LAW_2019, article: 'Art. 68 (in force 01/01/2020: date U)', verification: 'confirmed', source: source('FIN-01') },
      params: { windowEnd: '01-31' },
    },
    {
      ruleId: 'FIN-01',
      effectiveFrom: '2025-01-01',
      legalBasis: { ...LAW_2024, article: 'Art. 72(1) (in force 01/01/2025: date U; a 2025 amending law is reported, P)', verification: 'confirmed', source: source('FIN-01') },
      params: { windowEnd: '01-31' },
    },
  ] satisfies FinRuleVersion<{ windowEnd: string }>[],
  /** FIN-02: capital added after 30/09 of the plan year has a window to 31/12 of the following year (2024 law only). */
  lateSupplementWindow: [
    {
      ruleId: 'FIN-02',
      effectiveFrom: '2025-01-01',
      legalBasis: { ...LAW_2024, article: 'Art. 72(1) (in force 01/01/2025: date U)', verification: 'confirmed', source: source('FIN-02') },
      params: { addedAfter: '09-30', windowEnd: '12-31' },
    },
  ] satisfies FinRuleVersion<{ addedAfter: string; windowEnd: string }>[],
  /** FIN-03: who extends a window. Old: the provincial HĐND, to 31/12 of the next year at the latest. 2024 law: the PM (central), the People's Committee chair at the capital's level (local). */
  extensionAuthority: [
    {
      ruleId: 'FIN-03',
      effectiveFrom: '2020-01-01',
      effectiveTo: '2024-12-31',
      supersededBy: 'Luật Đầu tư công 2024 Art. 72(2)',
      legalBasis: { ...LAW_2019, article: 'extension list (as rules.md FIN-03 gives it)', verification: 'confirmed', source: source('FIN-03') },
      params: { central: ['provincialPeoplesCouncil'], local: ['provincialPeoplesCouncil'], sameLevel: false, latestEnd: '12-31' as string | null },
    },
    {
      ruleId: 'FIN-03',
      effectiveFrom: '2025-01-01',
      legalBasis: { ...LAW_2024, article: 'Art. 72(2) (in force 01/01/2025: date U)', verification: 'confirmed', source: source('FIN-03') },
      params: { central: ['primeMinister'], local: ['peoplesCommitteeChair'], sameLevel: true, latestEnd: null as string | null },
    },
  ] satisfies FinRuleVersion<{ central: readonly string[]; local: readonly string[]; sameLevel: boolean; latestEnd: string | null }>[],
  /** FIN-03: the eligible categories: the 2019 list (V); the 2024 law's list is unconfirmed (an option). */
  extensionCategory2019: [
    {
      ruleId: 'FIN-03',
      effectiveFrom: '2020-01-01',
      effectiveTo: '2024-12-31',
      legalBasis: { ...LAW_2019, article: 'extension list', verification: 'confirmed', source: source('FIN-03') },
      params: { categories: LIST_2019 },
    },
  ] satisfies FinRuleVersion<{ categories: readonly ExtensionCategory[] }>[],
  /** FIN-04: the disbursement rate, with its denominator stated; reporting practice (no dates). */
  disbursementRate: [
    {
      ruleId: 'FIN-04',
      effectiveFrom: '1900-01-01', // practice: no start date known
      legalBasis: { document: 'Reporting practice (KBNN disbursement report)', article: 'rate = cumulative disbursed incl. advances ÷ allocated plan capital × 100%', verification: 'partlyConfirmed', source: source('FIN-04') },
      params: { cutOffs: ['03-31', '06-30', '09-30', '12-31', 'next-01-31'] },
    },
  ] satisfies FinRuleVersion<{ cutOffs: readonly string[] }>[],
  /** FIN-05: the confirmed yearly target (2025: 100% of the plan). Other years and intermediate targets are options. */
  disbursementTarget: [
    {
      ruleId: 'FIN-05',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
      legalBasis: { document: 'Government resolutions and Prime Minister directives of 2025', article: '2025 target: 100% of the plan', verification: 'confirmed', source: source('FIN-05') },
      params: { percent: '100' },
    },
  ] satisfies FinRuleVersion<{ percent: string }>[],
  /** FIN-06: capital not allocated in detail by 31/03 (2022 practice); other years are options. */
  allocationCutOff: [
    {
      ruleId: 'FIN-06',
      effectiveFrom: '2022-01-01',
      effectiveTo: '2022-12-31',
      legalBasis: { document: 'Yearly directives of 2022', article: 'cut-off 31/03 for detailed allocation', verification: 'confirmed', source: source('FIN-06') },
      params: { cutOff: '03-31' },
    },
  ] satisfies FinRuleVersion<{ cutOff: string }>[],
  /** FIN-08: NĐ 99/2021 Art. 47 settlement limits, until NĐ 193/2026 takes over on 01/07/2026. */
  settlementNd99: [
    {
      ruleId: 'FIN-08',
      effectiveFrom: '2022-01-01',
      effectiveTo: '2026-06-30',
      supersededBy: 'NĐ 193/2026/NĐ-CP (in force 01/07/2026, P); whether NĐ 254/2025 changed these limits earlier is not confirmed',
      legalBasis: { ...ND99, article: 'Art. 47 (in force 01/01/2022: date U)', verification: 'confirmed', source: source('FIN-08') },
      params: { limits: ND99_SETTLEMENT_LIMITS },
    },
  ] satisfies FinRuleVersion<{ limits: SettlementLimits }>[],
  /** FIN-09: the legacy table of TT 19/2011/TT-BTC Art. 19, for projects decided before 2016. */
  settlementLegacy: [
    {
      ruleId: 'FIN-09',
      effectiveFrom: '1900-01-01', // applies by the project's date, not the step's
      legalBasis: { document: 'TT 19/2011/TT-BTC', article: 'Art. 19 (legacy: projects before 2016)', verification: 'confirmed', source: source('FIN-09') },
      params: {
        projectsBefore: '2016-01-01',
        preparation: { national: 12, A: 12, B: 9, C: 6, economicTechnicalReport: 3 },
        audit: { national: 10, A: 8, B: 6, C: 4 },
        verificationAndApproval: { national: 10, A: 7, B: 5, C: 4, economicTechnicalReport: 3 },
      },
    },
  ],
  /** FIN-11: the year-end adjustment period ends on 31/01 of the next year (Luật NSNN 2015, TT 85/2017/TT-BTC). */
  yearEnd: [
    {
      ruleId: 'FIN-11',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-12-31',
      supersededBy: 'Luật NSNN 89/2025/QH15 (from 01/01/2026, P; its timetable not confirmed)',
      legalBasis: { ...NSNN_2015, article: 'with TT 85/2017/TT-BTC (in force for budget year 2017: date U)', verification: 'confirmed', source: source('FIN-11') },
      params: { adjustmentEnd: '01-31' },
    },
  ] satisfies FinRuleVersion<{ adjustmentEnd: string }>[],
  /** FIN-12 and FIN-13: sending an approved settlement up the chain, in working days after the approval. */
  settlementChain: [
    {
      ruleId: 'FIN-12',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-06-30',
      supersededBy: 'two-tier local government from 01/07/2025: the commune sends to the province (U)',
      legalBasis: { ...NSNN_2015, article: 'commune settlement to the district People\'s Committee (date U for the start)', verification: 'confirmed', source: source('FIN-12') },
      params: { from: 'commune', to: 'district', workingDays: 5 },
    },
    {
      ruleId: 'FIN-12',
      effectiveFrom: '2025-07-01',
      effectiveTo: '2025-12-31',
      supersededBy: 'Luật NSNN 89/2025/QH15 (P; timetable U)',
      legalBasis: { ...NSNN_2015, article: 'commune settlement straight to the province after 01/07/2025', verification: 'unconfirmed', source: source('FIN-12, FIN-13') },
      params: { from: 'commune', to: 'province', workingDays: 5 },
    },
    {
      ruleId: 'FIN-13',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-06-30',
      supersededBy: 'no district tier from 01/07/2025',
      legalBasis: { ...NSNN_2015, article: 'district settlement to the provincial People\'s Committee', verification: 'confirmed', source: source('FIN-13') },
      params: { from: 'district', to: 'province', workingDays: 5 },
    },
    {
      ruleId: 'FIN-13',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-12-31',
      supersededBy: 'Luật NSNN 89/2025/QH15 (P; timetable U)',
      legalBasis: { ...NSNN_2015, article: 'local settlement to the Ministry of Finance', verification: 'confirmed', source: source('FIN-13') },
      params: { from: 'province', to: 'ministryOfFinance', workingDays: 5 },
    },
  ] satisfies FinRuleVersion<{ from: string; to: string; workingDays: number }>[],
  /** FIN-14: settlement and review reports reach HĐND delegates at least 5 working days before the session. */
  delegatesBeforeSession: [
    {
      ruleId: 'FIN-14',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-12-31',
      supersededBy: 'Luật NSNN 89/2025/QH15 (P; timetable U)',
      legalBasis: { ...NSNN_2015, article: 'reports to HĐND delegates before the mid-year session', verification: 'confirmed', source: source('FIN-14') },
      params: { workingDaysBefore: 5 },
    },
  ] satisfies FinRuleVersion<{ workingDaysBefore: number }>[],
  /** FIN-15: the National Assembly approves the national settlement within 18 months (no local check: data only). */
  nationalSettlement: [
    {
      ruleId: 'FIN-15',
      effectiveFrom: '2017-01-01',
      effectiveTo: '2025-12-31',
      legalBasis: { ...NSNN_2015, article: '18 months after the budget year; the row is tagged V (proposal) / U (adopted): the weaker tag is kept', verification: 'unconfirmed', source: source('FIN-15') },
      params: { months: 18 },
    },
  ] satisfies FinRuleVersion<{ months: number }>[],
  /** FIN-20..FIN-23: the autonomy groups of NĐ 60/2021 Art. 9 from the self-financing rate of Art. 10. */
  autonomyGroups: [
    {
      ruleId: 'FIN-20',
      effectiveFrom: '2021-08-15',
      legalBasis: { ...ND60, article: 'Art. 9(1), Art. 10 (in force 15/08/2021: date U; amended by NĐ 111/2025, P)', verification: 'confirmed', source: source('FIN-20') },
      params: { group: 1, minPercent: '100' },
    },
    {
      ruleId: 'FIN-21',
      effectiveFrom: '2021-08-15',
      legalBasis: { ...ND60, article: 'Art. 9(2), Art. 10 (in force 15/08/2021: date U)', verification: 'confirmed', source: source('FIN-21') },
      params: { group: 2, minPercent: '100' },
    },
    {
      ruleId: 'FIN-22',
      effectiveFrom: '2021-08-15',
      legalBasis: { ...ND60, article: 'Art. 9(3) (as a provincial decision applies it; in force 15/08/2021: date U)', verification: 'confirmed', source: source('FIN-22') },
      params: { group: 3, minPercent: '10' },
    },
    {
      ruleId: 'FIN-23',
      effectiveFrom: '2021-08-15',
      legalBasis: { ...ND60, article: 'Art. 9(4) (in force 15/08/2021: date U)', verification: 'partlyConfirmed', source: source('FIN-23') },
      params: { group: 4, minPercent: '0' },
    },
  ] satisfies FinRuleVersion<{ group: 1 | 2 | 3 | 4; minPercent: string }>[],
} satisfies Record<string, readonly FinRuleVersion<unknown>[]>;

/** Group 3's sub-bands used for allocation (FIN-22): 70 to < 100 %, 30 to < 70 %, 10 to < 30 %. */
export const GROUP3_SUB_BANDS = ['70', '30', '10'] as const;

/** The name of a rule in {@link FIN_RULES}. */
export type FinRuleName = keyof typeof FIN_RULES;

export { source as finSource, LAW_2024, ND99, ND60 }; // for the versions configureRules builds
