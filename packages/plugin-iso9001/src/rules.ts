import type { RuleVersion } from '@par/core';

/**
 * The rules of ISO 9001 in state agencies as data, copied from the project's domain notes (`rules.md` §2, rows
 * ISO-01..ISO-14, and §2.3 for the clauses of the standard) with their verification tags. Each version names its
 * rule, its document's issue date (`legalBasis.signedOn`) and its own validity window (`effectiveFrom`,
 * `effectiveTo`) apart: the day a letter was signed is not always the day a rule starts or ends.
 */

const source = (row: string) => `domain notes rules.md §2, ${row}`;

/** A version of an ISO rule: a {@link RuleVersion} that names its rule, `ISO-xx` (or the clause, `cl.7.5`). */
export interface IsoRuleVersion<Params = Record<string, never>> extends RuleVersion<Params> {
  /** The row of the domain notes (`ISO-07`); rules from the standard's clause table use the clause (`cl.10.2`). */
  readonly ruleId: string;
}

/** The kinds of body ISO-01 (QĐ 19/2014/QĐ-TTg Art. 2) distinguishes. */
export const ISO_UNIT_KINDS = [
  'ministry',
  'socialSecurity',
  'provincePeoplesCommittee',
  'districtPeoplesCommittee',
  'department',
  'districtDepartment',
  'communePeoplesCommittee',
  'publicServiceUnit',
  'other',
] as const;

/** A kind of body in ISO-01's terms. */
export type IsoUnitKind = (typeof ISO_UNIT_KINDS)[number];

/** The agency types QĐ 101/QĐ-BKHCN gives a framework model for (ISO-03). */
export const MODEL_AGENCY_TYPES = ['department', 'district', 'commune'] as const;

/**
 * The inputs a management review considers, by the standard's version: clause 9.3.2 of TCVN ISO 9001:2015 (as
 * `rules.md` §2.3 lists them) and clause 5.6.2 of TCVN ISO 9001:2008 (from the standard's text; not in the domain
 * notes, so unconfirmed there).
 */
export const REVIEW_INPUTS = {
  '2015': ['previousActions', 'changes', 'performance', 'customerSatisfaction', 'objectives', 'auditResults', 'externalProviders', 'resources', 'risksAndOpportunities', 'improvement'],
  '2008': ['auditResults', 'customerFeedback', 'performance', 'correctiveAndPreventiveActions', 'previousActions', 'changes', 'improvement'],
} as const;

const QD19 = { document: 'QĐ 19/2014/QĐ-TTg', signedOn: '2014-03-05' } as const;
const QD19_FROM = '2014-05-18';
const TCVN2015 = { document: 'TCVN ISO 9001:2015', title: 'published by QĐ 4109/QĐ-BKHCN', signedOn: '2015-12-31' } as const;

/** The legal basis of each check, as versions in force by date. */
export const ISO_RULES = {
  /** ISO-01: who must apply a QMS. The district entries end with the district tier on 30/06/2025. */
  applicability: [
    {
      ruleId: 'ISO-01',
      effectiveFrom: QD19_FROM,
      effectiveTo: '2025-06-30',
      supersededBy: 'two-tier local government from 01/07/2025: district entries moot',
      legalBasis: { ...QD19, article: 'Art. 2', verification: 'confirmed', source: source('ISO-01') },
      params: { required: ['ministry', 'socialSecurity', 'provincePeoplesCommittee', 'districtPeoplesCommittee', 'department', 'districtDepartment'] },
    },
    {
      ruleId: 'ISO-01',
      effectiveFrom: '2025-07-01',
      legalBasis: { ...QD19, article: 'Art. 2; coverage after 01/07/2025 (communes by provincial plans)', verification: 'unconfirmed', source: source('ISO-01') },
      params: { required: ['ministry', 'socialSecurity', 'provincePeoplesCommittee', 'department'] },
    },
  ] satisfies IsoRuleVersion<{ required: readonly IsoUnitKind[] }>[],
  /** ISO-02: the scope covers every procedure of the unit's published list. */
  scope: [{ ruleId: 'ISO-02', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 'Art. 3 or 4 (number not confirmed)', verification: 'partlyConfirmed', source: source('ISO-02') }, params: {} }],
  /** ISO-03: a local agency builds its QMS from the framework model for its agency type. */
  frameworkModel: [
    {
      ruleId: 'ISO-03',
      effectiveFrom: '2019-01-21', // the issue date: the domain notes give no other start
      legalBasis: { document: 'QĐ 101/QĐ-BKHCN', signedOn: '2019-01-21', verification: 'partlyConfirmed', source: source('ISO-03') },
      params: { agencyTypes: { department: 'department', districtPeoplesCommittee: 'district', districtDepartment: 'district', communePeoplesCommittee: 'commune' } },
    },
  ] satisfies IsoRuleVersion<{ agencyTypes: Partial<Record<IsoUnitKind, (typeof MODEL_AGENCY_TYPES)[number]>> }>[],
  /**
   * ISO-04: the standard's version. QĐ 19/2014 names the 2008 version; from CV 419 (21/02/2018) a QMS built for
   * the first time uses 2015, and one on 2008 had to move "before 30/06/2021" (an exclusive bound: on 30/06/2021 a
   * QMS still on 2008 is late).
   */
  standardVersion: [
    {
      ruleId: 'ISO-04',
      effectiveFrom: QD19_FROM,
      effectiveTo: '2018-02-20',
      supersededBy: 'CV 419/BKHCN-TĐC (21/02/2018)',
      legalBasis: { ...QD19, article: 'names TCVN ISO 9001:2008', verification: 'partlyConfirmed', source: source('§2.1') },
      // QĐ 4109/QĐ-BKHCN published TCVN ISO 9001:2015 on 31/12/2015 and withdrew the 2008 version (rules.md §2.1, V):
      // from that day a QMS on 2015 is not faulted under QĐ 19/2014's wording
      params: { required: '2008', alsoAccepted: { version: '2015', from: '2015-12-31' }, newSystemsFrom: null, transitionBefore: null },
    },
    {
      ruleId: 'ISO-04',
      effectiveFrom: '2018-02-21',
      legalBasis: { document: 'CV 419/BKHCN-TĐC', signedOn: '2018-02-21', verification: 'confirmed', source: source('ISO-04') },
      params: { required: '2015', alsoAccepted: null, newSystemsFrom: '2018-02-21', transitionBefore: '2021-06-30' },
    },
  ] satisfies IsoRuleVersion<{ required: '2008' | '2015'; alsoAccepted: { version: '2008' | '2015'; from: string } | null; newSystemsFrom: string | null; transitionBefore: string | null }>[],
  /** ISO-05: the announcement comes after an internal audit and a management review (the order is unconfirmed). */
  announcementOrder: [{ ruleId: 'ISO-05', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 'Art. 4 (sequence as commonly described)', verification: 'unconfirmed', source: source('ISO-05') }, params: {} }],
  /** ISO-06: a quality policy and quality objectives (clauses 5.2, 6.2). */
  policy: [{ ruleId: 'ISO-06', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 5.2, 6.2', verification: 'confirmed', source: source('ISO-06') }, params: {} }],
  /** ISO-06: objectives set, and measured, every year (common practice, unconfirmed). */
  yearlyObjectives: [{ ruleId: 'ISO-06', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 6.2; objectives set at least yearly (common practice)', verification: 'unconfirmed', source: source('ISO-06') }, params: {} }],
  /** ISO-07: one process per procedure, no longer than the legal processing time. */
  processes: [{ ruleId: 'ISO-07', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 'TTHC control rules', verification: 'partlyConfirmed', source: source('ISO-07') }, params: {} }],
  /** ISO-08: an internal audit of the whole scope in the period (yearly in practice; the frequency is unconfirmed). */
  audit: [
    {
      ruleId: 'ISO-08',
      effectiveFrom: '2014-10-10', // the notes date the row by the circular's issue
      legalBasis: { document: 'TT 26/2014/TT-BKHCN', signedOn: '2014-10-10', article: 'audit frequency; TCVN ISO 9001:2015 cl. 9.2', verification: 'unconfirmed', source: source('ISO-08') },
      params: {},
    },
  ],
  /** ISO-09: a management review in the period (yearly in practice; the frequency is unconfirmed). */
  reviewHeld: [{ ruleId: 'ISO-09', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 9.3 (at planned intervals)', verification: 'unconfirmed', source: source('ISO-09') }, params: {} }],
  /** ISO-09: the review considers every input of the QMS's own version of the standard. */
  reviewInputs2015: [
    { ruleId: 'ISO-09', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 9.3.2', verification: 'confirmed', source: 'domain notes rules.md §2.3, cl. 9.3' }, params: { inputs: REVIEW_INPUTS['2015'] } },
  ] satisfies IsoRuleVersion<{ inputs: readonly string[] }>[],
  /** ISO-09 for a QMS on TCVN ISO 9001:2008, whose clause 5.6.2 inputs the domain notes do not list. */
  reviewInputs2008: [
    {
      ruleId: 'ISO-09',
      effectiveFrom: QD19_FROM,
      legalBasis: { ...QD19, article: 'TCVN ISO 9001:2008 cl. 5.6.2', verification: 'unconfirmed', source: 'TCVN ISO 9001:2008 cl. 5.6.2 (not in the domain notes)' },
      params: { inputs: REVIEW_INPUTS['2008'] },
    },
  ] satisfies IsoRuleVersion<{ inputs: readonly string[] }>[],
  /** ISO-10: the announcement decision, sent to the Department of Science and Technology and posted. */
  announcement: [
    {
      ruleId: 'ISO-10',
      effectiveFrom: QD19_FROM,
      legalBasis: { ...QD19, article: 'announcement article; form by TT 26/2014/TT-BKHCN (10/10/2014)', verification: 'partlyConfirmed', source: source('ISO-10') },
      params: {},
    },
  ],
  /** ISO-11: re-announce after the scope changes ("promptly": the grace period is an option, unconfirmed). */
  reAnnouncement: [{ ruleId: 'ISO-11', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 're-announcement', verification: 'unconfirmed', source: source('ISO-11') }, params: {} }],
  /** ISO-12: processes updated after their legal basis changes (the number of days is an option, unconfirmed). */
  processUpdates: [{ ruleId: 'ISO-12', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 'with TT 26/2014/TT-BKHCN', verification: 'unconfirmed', source: source('ISO-12') }, params: {} }],
  /** ISO-13: the Department of Science and Technology inspects every year, under the province's plan of the year. */
  inspection: [{ ruleId: 'ISO-13', effectiveFrom: QD19_FROM, legalBasis: { document: "the province's yearly QMS inspection plan", verification: 'confirmed', source: source('ISO-13') }, params: {} }],
  /** ISO-14: the yearly report on the QMS to the Department of Science and Technology (its date is unconfirmed). */
  annualReport: [{ ruleId: 'ISO-14', effectiveFrom: QD19_FROM, legalBasis: { ...QD19, article: 'periodic report, with TT 26/2014/TT-BKHCN', verification: 'unconfirmed', source: source('ISO-14') }, params: {} }],
  /** Clause 7.5.2: a document is reviewed and approved when it is created or changed, not on a schedule. */
  documents: [{ ruleId: 'cl.7.5', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 7.5.2(c)', verification: 'confirmed', source: 'domain notes rules.md §2.3, cl. 7.5' }, params: {} }],
  /** The unit's own periodic review of its documents (an option, off by default): the standard sets no interval. */
  documentReviewPolicy: [
    { ruleId: 'cl.7.5', effectiveFrom: '2015-12-31', legalBasis: { document: "the unit's own document-control procedure", article: 'periodic review (option documentReviewIntervalDays)', verification: 'unconfirmed' }, params: {} },
  ],
  /** Clause 10.2.1: corrective actions carried out, and their effectiveness reviewed before a nonconformity closes. */
  nonconformities: [{ ruleId: 'cl.10.2', effectiveFrom: '2015-12-31', legalBasis: { ...TCVN2015, article: 'cl. 10.2.1', verification: 'confirmed', source: 'domain notes rules.md §2.3, cl. 10.2' }, params: {} }],
} satisfies Record<string, readonly IsoRuleVersion<unknown>[]>;

/** The name of a rule in {@link ISO_RULES}. */
export type IsoRuleName = keyof typeof ISO_RULES;
