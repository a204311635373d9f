import { ruleInForce, type RuleVersion } from '@par/core';

/**
 * The rules on local legal normative documents (VBQPPL) as data, copied from the project's domain notes
 * (`rules.md` §3.1-3.4, rows LEG-01..LEG-19, and the open points of §8.2) with their verification tags. A
 * document is judged under the version in force on its own reference date (its signing date for the issuing
 * rules, the conclusion or handling date for inspection, the parent's expiry for LEG-15). A row tagged in two parts
 * ("V (exists) / U (timing)") carries the weaker tag. Where a row is sure of the rule but sets no number (review
 * "promptly", a handling deadline "not confirmed"), the number is an option and its findings are flagged as resting on
 * an unconfirmed number. The old regime starts with Law 80/2015's entry into force, 01/07/2016 (a date the domain
 * notes do not give: the register this plugin reads starts later).
 */

const source = (row: string) => `domain notes rules.md §3.2, ${row}`;

/** A version of a legal-document rule: a {@link RuleVersion} that names its rule, `LEG-xx`. */
export interface LegRuleVersion<Params = Record<string, never>> extends RuleVersion<Params> {
  /** The row of the domain notes, `LEG-01` to `LEG-19`. */
  readonly ruleId: string;
}

/** The government levels that issue local documents; `district` issued only until 30/06/2025. */
export const ISSUER_LEVELS = ['province', 'district', 'commune'] as const;

/** A government level that issues local documents. */
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];

/** Minimum calendar days from signing (or adoption) to the effective date, per issuer level. */
export interface EffectiveDelay {
  readonly minDays: Readonly<Record<IssuerLevel, number>>;
}

/** The inspecting body a document goes to for inspection, by its issuer level (LEG-07). */
export const INSPECTING_BODIES = ['ministryOfJustice', 'provincialDepartmentOfJustice', 'districtJusticeOffice', 'other'] as const;

/** A body that inspects documents (kiểm tra theo thẩm quyền). */
export type InspectingBody = (typeof INSPECTING_BODIES)[number];

/**
 * The cases in which a document is unlawful (LEG-05, NĐ 79/2025), and the second class, errors.
 */
export const UNLAWFUL_CATEGORIES = [
  'noCompetence',
  'conflictsWithHigherDocument',
  'effectiveDateBreach',
  'stateSecretBreach',
  'procedureBreach',
  'normsInNonNormativeDocument',
  'guidanceBreach',
] as const;

/** The outcomes a review may reach (LEG-13, NĐ 79/2025 Art. 38). */
export const REVIEW_OUTCOMES = ['noAction', 'repealWholly', 'repealPartly', 'replace', 'amend', 'suspend', 'newIssuance'] as const;

/** What a review outcome proposes, when it proposes an action. */
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The review triggers (căn cứ rà soát) of LEG-11; `socioEconomicChange` is old-regime only. */
export const REVIEW_TRIGGER_KINDS = ['higherOrLaterDocument', 'restructuring', 'detailingExpiry', 'treaty', 'socioEconomicChange', 'ownExpiry'] as const;

/** The channels a document or a handling decision is published on (LEG-03, LEG-09, LEG-18). */
export const PUBLICATION_CHANNELS = ['gazette', 'nationalLegalDatabase', 'portal', 'posting', 'media'] as const;

/** A publication channel. */
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

const LAW64 = { document: 'Law 64/2025/QH15', signedOn: '2025-02-19', title: 'Luật Ban hành VBQPPL 2025, amended by Law 87/2025/QH15' } as const;
const LAW80 = { document: 'Law 80/2015/QH13', title: 'Luật Ban hành VBQPPL 2015, amended 2020' } as const;
const ND34 = { document: 'NĐ 34/2016/NĐ-CP', title: 'amended by NĐ 154/2020/NĐ-CP and NĐ 59/2024/NĐ-CP' } as const;
const ND79 = { document: 'NĐ 79/2025/NĐ-CP', title: 'inspection, review, systematisation and handling of VBQPPL; amended by NĐ 187/2025/NĐ-CP' } as const;
const NEW = '2025-04-01';
const OLD_END = '2025-03-31';

/** The legal basis of each check, as versions in force by date. */
export const LEG_RULES = {
  /** LEG-01 (new regime) and LEG-02 (old regime): the minimum delay from signing to the effective date. */
  effectiveDelay: [
    {
      ruleId: 'LEG-02',
      effectiveFrom: '2016-07-01',
      effectiveTo: OLD_END,
      supersededBy: 'LEG-01',
      legalBasis: { ...LAW80, article: 'Art. 151', verification: 'confirmed', source: source('LEG-02') },
      params: { minDays: { province: 10, district: 7, commune: 7 } },
    },
    {
      ruleId: 'LEG-01',
      effectiveFrom: NEW,
      legalBasis: { ...LAW64, article: 'Art. 53', verification: 'confirmed', source: source('LEG-01') },
      params: { minDays: { province: 10, district: 10, commune: 10 } },
    },
  ] satisfies LegRuleVersion<EffectiveDelay>[],
  /**
   * LEG-03: a shortened-procedure document may take effect on signing but is posted "at once" in the gazette, the
   * national legal database and the portal. "At once" is read as within `days` (0: on the signing day).
   */
  shortenedPosting: [
    {
      ruleId: 'LEG-03',
      effectiveFrom: NEW,
      legalBasis: { ...LAW64, article: 'Art. 53', verification: 'confirmed', source: source('LEG-03') },
      params: { days: 0, channels: ['gazette', 'nationalLegalDatabase', 'portal'] },
    },
  ] satisfies LegRuleVersion<{ days: number; channels: readonly PublicationChannel[] }>[],
  /** LEG-04: the effective date is written as a concrete date, never "after N days". */
  concreteEffectiveDate: [
    { ruleId: 'LEG-04', effectiveFrom: '2016-07-01', effectiveTo: OLD_END, legalBasis: { ...ND34, article: 'Art. 38', verification: 'confirmed', source: source('LEG-04') }, params: {} },
    {
      ruleId: 'LEG-04',
      effectiveFrom: NEW,
      legalBasis: { document: 'NĐ 78/2025/NĐ-CP', article: 'matching provision not confirmed; the practice continues', verification: 'unconfirmed', source: source('LEG-04') },
      params: {},
    },
  ],
  /** LEG-05: what makes a document unlawful, and the second class, errors. */
  unlawful: [{ ruleId: 'LEG-05', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'list of unlawful cases', verification: 'confirmed', source: source('LEG-05') }, params: { categories: UNLAWFUL_CATEGORIES } }],
  /** LEG-06: the issuer self-inspects every document it issued (exists: confirmed; its timing: an option, unconfirmed). */
  selfInspection: [
    { ruleId: 'LEG-06', effectiveFrom: '2016-07-01', effectiveTo: OLD_END, legalBasis: { ...ND34, article: 'self-inspection "right after issuance"', verification: 'unconfirmed', source: source('LEG-06') }, params: {} },
    { ruleId: 'LEG-06', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'Ch. II §2 (Art. 9 ff.); timing not confirmed', verification: 'unconfirmed', source: source('LEG-06') }, params: {} },
  ],
  /** LEG-07: sending a signed document for inspection, within working days, to the competent body. */
  inspectionSubmission: [
    {
      ruleId: 'LEG-07',
      effectiveFrom: '2016-07-01',
      effectiveTo: OLD_END,
      legalBasis: { ...ND34, article: 'sending for inspection (3 working days)', verification: 'unconfirmed', source: source('LEG-07') },
      params: { bodies: { district: 'provincialDepartmentOfJustice', commune: 'districtJusticeOffice' } },
    },
    {
      ruleId: 'LEG-07',
      effectiveFrom: NEW,
      legalBasis: { ...ND79, article: 'Ch. II §3; deadline and inspecting body not confirmed (rules.md §8.2)', verification: 'unconfirmed', source: source('LEG-07') },
      params: { bodies: { district: 'provincialDepartmentOfJustice', commune: 'provincialDepartmentOfJustice' } },
    },
  ] satisfies LegRuleVersion<{ bodies: Partial<Record<IssuerLevel, InspectingBody>> }>[],
  /** LEG-08: an unlawful document is handled after the inspection conclusion (the deadline is unconfirmed: an option). */
  handling: [{ ruleId: 'LEG-08', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'handling after inspection; deadline not confirmed (old regime about 30 days)', verification: 'partlyConfirmed', source: source('LEG-08') }, params: {} }],
  /** LEG-09: the handling document is published within 3 days of signing, from NĐ 187/2025. */
  handlingPublication: [
    {
      ruleId: 'LEG-09',
      effectiveFrom: '2025-07-01',
      legalBasis: { ...ND79, article: 'Art. 28, as amended by NĐ 187/2025/NĐ-CP', verification: 'confirmed', source: source('LEG-09') },
      params: { days: 3, channels: ['gazette', 'nationalLegalDatabase', 'portal'] },
    },
  ] satisfies LegRuleVersion<{ days: number; channels: readonly PublicationChannel[] }>[],
  /**
   * LEG-10..LEG-12: a document is reviewed as soon as a trigger exists (Art. 34), and the trigger reaches the document
   * and every document that used it as basis (Art. 37, 39). "Promptly": the number of days is an option, unconfirmed.
   */
  review: [
    {
      ruleId: 'LEG-12',
      effectiveFrom: NEW,
      legalBasis: { ...ND79, article: 'Arts. 34, 37, 39; no fixed period ("promptly")', verification: 'confirmed', source: source('LEG-10, LEG-11, LEG-12') },
      params: {},
    },
    {
      ruleId: 'LEG-12',
      effectiveFrom: '2016-07-01',
      effectiveTo: OLD_END,
      legalBasis: { ...ND34, article: 'Art. 142(2) (review triggers, incl. socio-economic change)', verification: 'confirmed', source: source('LEG-11') },
      params: {},
    },
  ],
  /** LEG-13: a review's proposal (repeal, replace, amend, suspend, new issuance) is acted on (the period is an option). */
  reviewOutcome: [{ ruleId: 'LEG-13', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'Art. 38; period to act not set', verification: 'confirmed', source: source('LEG-13') }, params: {} }],
  /** LEG-14: the yearly list of expired documents (old regime; the 31/01 deadline is unconfirmed: an option). */
  expiryList: [
    { ruleId: 'LEG-14', effectiveFrom: '2016-07-01', effectiveTo: OLD_END, legalBasis: { ...ND34, article: 'Art. 157, amended by NĐ 154/2020 cl. 34; 31/01 not confirmed', verification: 'partlyConfirmed', source: source('LEG-14') }, params: {} },
  ],
  /** LEG-15: the list of detailing documents that expire with their parent is published before the parent expires. */
  detailingExpiry: [
    { ruleId: 'LEG-15', effectiveFrom: '2016-07-01', effectiveTo: OLD_END, legalBasis: { ...ND34, article: 'Art. 38(4-5)', verification: 'confirmed', source: source('LEG-15') }, params: {} },
    { ruleId: 'LEG-15', effectiveFrom: NEW, legalBasis: { document: 'NĐ 78/2025/NĐ-CP', article: 'Art. 4', verification: 'partlyConfirmed', source: source('LEG-15') }, params: {} },
  ],
  /**
   * LEG-16: periodic systematisation every 5 years, cut-off 31/12 of the 5th year (cycle dates derived: partly
   * confirmed); the publication deadline after the cut-off is unconfirmed (an option).
   */
  systematisation: [
    {
      ruleId: 'LEG-16',
      effectiveFrom: '2016-07-01',
      effectiveTo: OLD_END,
      legalBasis: { ...ND34, article: 'Art. 164', verification: 'partlyConfirmed', source: source('LEG-16') },
      params: { years: 5, firstCutOff: '2018-12-31' },
    },
    { ruleId: 'LEG-16', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'Art. 49', verification: 'partlyConfirmed', source: source('LEG-16') }, params: { years: 5, firstCutOff: '2018-12-31' } },
  ] satisfies LegRuleVersion<{ years: number; firstCutOff: string }>[],
  /** LEG-17: the four lists of a systematisation, and their content at the cut-off. */
  systematisationLists: [{ ruleId: 'LEG-17', effectiveFrom: NEW, legalBasis: { ...ND79, article: 'Art. 51', verification: 'confirmed', source: source('LEG-17') }, params: {} }],
  /** LEG-18: old regime: district and commune documents posted; district documents uploaded to the database within 7 days. */
  publication: [
    {
      ruleId: 'LEG-18',
      effectiveFrom: '2016-07-01',
      effectiveTo: OLD_END,
      legalBasis: { ...LAW80, article: 'Art. 150', verification: 'confirmed', source: source('LEG-18') },
      params: { databaseDays: { district: 7 }, posted: ['district', 'commune'] },
    },
  ] satisfies LegRuleVersion<{ databaseDays: Partial<Record<IssuerLevel, number>>; posted: readonly IssuerLevel[] }>[],
  /** LEG-19: implementation plans and the yearly monitoring plan (NĐ 80/2025; local dates unconfirmed: options). */
  implementation: [
    { ruleId: 'LEG-19', effectiveFrom: NEW, legalBasis: { document: 'NĐ 80/2025/NĐ-CP', article: 'local dates not confirmed', verification: 'unconfirmed', source: source('LEG-19') }, params: {} },
  ],
} satisfies Record<string, readonly LegRuleVersion<unknown>[]>;

/** The name of a rule in {@link LEG_RULES}. */
export type LegRuleName = keyof typeof LEG_RULES;

/**
 * The end of the district tier: Law 72/2025/QH15 on the organisation of local government; district documents are
 * issued until 30/06/2025 and the restructuring is a review trigger (LEG-11) from 01/07/2025.
 */
export const DISTRICT_TIER_END = {
  level: 'district',
  lastDay: '2025-06-30',
  triggerDate: '2025-07-01',
  legalBasis: { document: 'Law 72/2025/QH15', title: 'Law on the Organisation of Local Government', effectiveFrom: '2025-06-16', verification: 'partlyConfirmed', source: 'domain notes rules.md §1 and §3.1' },
} as const;

/** The version of a rule in force on a reference date, or `undefined` when none was (core's `ruleInForce`). */
export const legRuleInForce = <N extends LegRuleName>(name: N, date: string): (typeof LEG_RULES)[N][number] | undefined =>
  ruleInForce<unknown>(LEG_RULES[name] as readonly LegRuleVersion<unknown>[], date) as (typeof LEG_RULES)[N][number] | undefined;
