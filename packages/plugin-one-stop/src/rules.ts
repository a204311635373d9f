import type { RuleVersion } from '@par/core';

/**
 * The one-stop-shop rules as data, copied from the project's domain notes (`rules.md` §5, rows OSS-01..OSS-17, and
 * §5.1 for the regime switch) with their sources, validity and verification tags. A dossier is judged by the
 * versions in force on its receipt date (`rules.md` §7.1). Where the notes give no in-force date for the 2018
 * decree, its issue date (23/04/2018) stands in, as the notes give no other start.
 */

const source = (row: string) => `domain notes rules.md §5.4, ${row}`;

/** A version of a one-stop rule: a {@link RuleVersion} that names its row, `OSS-xx`. */
export interface OssRuleVersion<Params = Record<string, never>> extends RuleVersion<Params> {
  /** The row of the domain notes (`OSS-08`). */
  readonly ruleId: string;
}

/** NĐ 61/2018, as amended by NĐ 107/2021/NĐ-CP (06/12/2021). */
const ND61 = { document: 'NĐ 61/2018/NĐ-CP', signedOn: '2018-04-23' } as const;
/** NĐ 118/2025, amended by NĐ 367/2025/NĐ-CP (31/12/2025). */
const ND118 = { document: 'NĐ 118/2025/NĐ-CP', signedOn: '2025-06-09' } as const;
const TT01 = { document: 'TT 01/2018/TT-VPCP', signedOn: '2018-11-23' } as const;
const TT03 = { document: 'TT 03/2025/TT-VPCP', effectiveFrom: '2025-09-15' } as const;
/** The 2018 regime's start: the decree's issue date (the notes give no in-force date). */
const FROM_2018 = '2018-04-23';
const TO_2018 = '2025-06-30';
const FROM_2025 = '2025-07-01';
const TT03_FROM = '2025-09-15';
const BY_2025 = 'NĐ 118/2025/NĐ-CP (01/07/2025)';

/** The one-stop regimes by receipt date (`rules.md` §5.1): the decree, and the circular whose forms apply. */
export const ONE_STOP_REGIMES = [
  { regime: '2018', effectiveFrom: FROM_2018, effectiveTo: TO_2018, legalBasis: { ...ND61, verification: 'confirmed', source: 'domain notes rules.md §5.1' } },
  { regime: '2025', effectiveFrom: FROM_2025, legalBasis: { ...ND118, effectiveFrom: FROM_2025, verification: 'confirmed', source: 'domain notes rules.md §5.1' } },
] as const;

/**
 * The form sets (`rules.md` §5.3) by receipt date. Between 01/07/2025 and 14/09/2025 the notes do not say which
 * forms applied: the plugin's option `interimForms` chooses, and that window is unconfirmed.
 */
export const FORM_SETS = {
  'TT01/2018': { receiptSlip: '01', supplementRequest: '02', refusalSlip: '03', apologySlip: '04', processControlSlip: '05', dossierRegister: '06', stopNotice: undefined },
  'TT03/2025': { receiptSlip: '01', supplementRequest: '02', refusalSlip: '03', apologySlip: '04', stopNotice: '05', processControlSlip: '06', dossierRegister: '07' },
} as const;

/** A form set's name: the circular that issued it. */
export type FormSetName = keyof typeof FORM_SETS;

/**
 * The legacy online levels 1-4 of NĐ 43/2011 and the NĐ 42/2022 level each maps to (OSS-13: "the old level 4 is
 * roughly toàn trình"; level 3 as partial and levels 1-2, which took no dossier online, as none are inferences).
 * Unconfirmed: override with the option `legacyOnlineLevels`.
 */
export const LEGACY_ONLINE_LEVELS = { 1: 'none', 2: 'none', 3: 'partlyOnline', 4: 'fullyOnline' } as const;

/** The legal basis of each check, as versions in force by the dossier's receipt date. */
export const OSS_RULES = {
  /** OSS-01: the receiving point and the competent body are separate fields (from 01/07/2025). */
  receivingPoint: [
    { ruleId: 'OSS-01', effectiveFrom: FROM_2025, legalBasis: { ...ND118, article: 'Art. 1–2', effectiveFrom: FROM_2025, verification: 'confirmed', source: source('OSS-01') }, params: {} },
  ],
  /** OSS-02: on receipt, check, scan and store the electronic copy, and update the one-stop information system. */
  reception: [
    {
      ruleId: 'OSS-02',
      effectiveFrom: FROM_2018,
      effectiveTo: TO_2018,
      supersededBy: BY_2025,
      legalBasis: { ...ND61, article: 'Art. 17 (amended by NĐ 107/2021 Art. 2(1))', verification: 'confirmed', source: source('OSS-02') },
      params: {},
    },
    { ruleId: 'OSS-02', effectiveFrom: FROM_2025, legalBasis: { ...ND118, article: 'with TT 03/2025/TT-VPCP (15/09/2025)', verification: 'confirmed', source: source('OSS-02') }, params: {} },
  ],
  /** OSS-03: an incomplete dossier gets one complete written supplement request (Form 02) at reception. */
  receptionSupplement: [
    { ruleId: 'OSS-03', effectiveFrom: FROM_2018, effectiveTo: TO_2018, supersededBy: BY_2025, legalBasis: { ...ND61, article: 'Art. 17', verification: 'confirmed', source: source('OSS-03') }, params: {} },
    {
      ruleId: 'OSS-03',
      effectiveFrom: FROM_2025,
      legalBasis: { ...TT03, article: 'Form 02; the matching article of NĐ 118/2025 is not confirmed', verification: 'confirmed', source: source('OSS-03') },
      params: {},
    },
  ],
  /** OSS-04: an ineligible dossier is refused with reasons (Form 03). The interim window is unconfirmed. */
  refusal: [
    { ruleId: 'OSS-04', effectiveFrom: FROM_2018, effectiveTo: TO_2018, supersededBy: 'TT 03/2025/TT-VPCP', legalBasis: { ...TT01, article: 'Form 03', verification: 'confirmed', source: source('OSS-04') }, params: {} },
    {
      ruleId: 'OSS-04',
      effectiveFrom: FROM_2025,
      effectiveTo: '2025-09-14',
      supersededBy: 'TT 03/2025/TT-VPCP (15/09/2025)',
      legalBasis: { document: 'the forms between 01/07/2025 and 14/09/2025 (option interimForms)', article: 'Form 03', verification: 'unconfirmed', source: source('OSS-04') },
      params: {},
    },
    { ruleId: 'OSS-04', effectiveFrom: TT03_FROM, legalBasis: { ...TT03, article: 'Form 03', verification: 'confirmed', source: source('OSS-04') }, params: {} },
  ],
  /** OSS-05: every accepted dossier not resolved on the spot gets a receipt-and-appointment slip (Form 01). */
  receiptSlip: [
    { ruleId: 'OSS-05', effectiveFrom: FROM_2018, effectiveTo: TO_2018, supersededBy: BY_2025, legalBasis: { ...ND61, article: 'Form 01 of TT 01/2018/TT-VPCP', verification: 'confirmed', source: source('OSS-05') }, params: {} },
    { ruleId: 'OSS-05', effectiveFrom: FROM_2025, legalBasis: { ...ND118, article: 'Form 01 continues in TT 03/2025/TT-VPCP', verification: 'confirmed', source: source('OSS-05') }, params: {} },
  ],
  /** OSS-06: at most one supplement request during processing (2018: partly confirmed; 2025: not confirmed, an option). */
  processingSupplement: [
    {
      ruleId: 'OSS-06',
      effectiveFrom: FROM_2018,
      effectiveTo: TO_2018,
      supersededBy: BY_2025,
      legalBasis: { ...ND61, article: 'article not confirmed; specialised TTHC texts', verification: 'partlyConfirmed', source: source('OSS-06') },
      params: { max: 1 },
    },
    {
      ruleId: 'OSS-06',
      effectiveFrom: FROM_2025,
      legalBasis: { ...ND118, article: 'the one-supplement rule in the 2025 text is not confirmed (option maxProcessingSupplements2025)', verification: 'unconfirmed', source: source('OSS-06') },
      params: { max: undefined },
    },
  ] satisfies OssRuleVersion<{ max: number | undefined }>[],
  /** OSS-07: hand-over to the processing unit the same day; received after the cut-off (option), the next working day. */
  handOver: [
    { ruleId: 'OSS-07', effectiveFrom: FROM_2018, effectiveTo: TO_2018, supersededBy: BY_2025, legalBasis: { ...ND61, article: 'transfer article; the 15:00 cut-off is unconfirmed', verification: 'unconfirmed', source: source('OSS-07') }, params: {} },
    { ruleId: 'OSS-07', effectiveFrom: FROM_2025, legalBasis: { ...ND118, article: 'the 2025 rule is not confirmed', verification: 'unconfirmed', source: source('OSS-07') }, params: {} },
  ],
  /**
   * OSS-08: a late dossier gets an apology (Form 04) sent at least a lead time before the original appointment:
   * 1 working day under the 2018 regime (partly confirmed, through provincial implementing rules); the 2025 timing
   * is unconfirmed (option `apologyLead2025`, default 1 working day).
   */
  apology: [
    {
      ruleId: 'OSS-08',
      effectiveFrom: FROM_2018,
      effectiveTo: TO_2018,
      supersededBy: 'TT 03/2025/TT-VPCP Form 04',
      legalBasis: { ...ND61, article: 'processing article; at least 1 working day before the appointment (provincial implementing rules)', verification: 'partlyConfirmed', source: source('OSS-08') },
      params: { lead: { days: 1, unit: 'workingDays' } },
    },
    {
      ruleId: 'OSS-08',
      effectiveFrom: FROM_2025,
      legalBasis: { ...TT03, article: 'Form 04 (apology and request to extend); the timing is unconfirmed (option apologyLead2025)', verification: 'unconfirmed', source: source('OSS-08') },
      params: { lead: undefined },
    },
  ] satisfies OssRuleVersion<{ lead: { days: number; unit: 'workingDays' | 'calendarDays' } | undefined }>[],
  /** OSS-09: the result is returned on or before the appointment date. */
  returnOnTime: [
    { ruleId: 'OSS-09', effectiveFrom: FROM_2018, legalBasis: { document: 'NĐ 61/2018/NĐ-CP; NĐ 118/2025/NĐ-CP', article: 'both regimes', verification: 'partlyConfirmed', source: source('OSS-09') }, params: {} },
  ],
  /** OSS-10: outcome classes against the original appointment, the extended one reported beside it (method unconfirmed). */
  outcome: [{ ruleId: 'OSS-10', effectiveFrom: FROM_2018, legalBasis: { document: 'derived (domain notes)', verification: 'unconfirmed', source: source('OSS-10') }, params: {} }],
  /** OSS-11: processing stopped by a written notice (Form 05 of TT 03/2025; no 2018 equivalent). */
  stopNotice: [{ ruleId: 'OSS-11', effectiveFrom: TT03_FROM, legalBasis: { ...TT03, article: 'Form 05 (the grounds are unconfirmed)', verification: 'confirmed', source: source('OSS-11') }, params: {} }],
  /**
   * OSS-12: an officer answers an online dossier through the system; the response time is set by sector (option
   * `onlineResponseTimes`; the State Treasury's 8 working hours of TT 87/2021 is partly confirmed). The notes give
   * no date for NĐ 45/2020: its issue date (08/04/2020, background knowledge) stands in.
   */
  onlineResponse: [{ ruleId: 'OSS-12', effectiveFrom: '2020-04-08', legalBasis: { document: 'NĐ 45/2020/NĐ-CP', article: 'Art. 11', verification: 'partlyConfirmed', source: source('OSS-12') }, params: {} }],
  /**
   * OSS-13: the online service level, toàn trình or một phần. The notes give no date for NĐ 42/2022: its issue date
   * (24/06/2022, background knowledge) stands in.
   */
  onlineLevel: [{ ruleId: 'OSS-13', effectiveFrom: '2022-06-24', legalBasis: { document: 'NĐ 42/2022/NĐ-CP', article: 'Art. 11', verification: 'confirmed', source: source('OSS-13') }, params: {} }],
  /** OSS-14: the public postal service: submission time is the signing of the hand-over minutes; not for personal presence. */
  postal: [
    { ruleId: 'OSS-14', effectiveFrom: '2016-12-16', legalBasis: { document: 'QĐ 45/2016/QĐ-TTg', signedOn: '2016-10-19', effectiveFrom: '2016-12-16', verification: 'confirmed', source: source('OSS-14') }, params: {} },
  ],
  /** OSS-15: the real-time service index of QĐ 766/QĐ-TTg: group weights (in operation from 01/08/2022). */
  serviceIndex: [
    {
      ruleId: 'OSS-15',
      effectiveFrom: '2022-08-01',
      legalBasis: { document: '766/QĐ-TTg', signedOn: '2022-06-23', effectiveFrom: '2022-08-01', verification: 'confirmed', source: source('OSS-15') },
      params: { transparency: 18, progress: 20, digitisation: 22, onlineProvision: 22, satisfaction: 18 },
    },
  ] satisfies OssRuleVersion<Record<'transparency' | 'progress' | 'digitisation' | 'onlineProvision' | 'satisfaction', number>>[],
  /** OSS-16: on-time rate = (early + on-time) ÷ results due in the period × 100 (formula shape partly confirmed). */
  onTimeRate: [{ ruleId: 'OSS-16', effectiveFrom: '2022-08-01', legalBasis: { document: 'derived from 766/QĐ-TTg', verification: 'partlyConfirmed', source: source('OSS-16') }, params: {} }],
  /** OSS-17: satisfaction: a citizen rating per dossier on the portal (plus SIPAS, outside this plugin). */
  satisfaction: [
    { ruleId: 'OSS-17', effectiveFrom: '2022-08-01', legalBasis: { document: '766/QĐ-TTg; MOHA SIPAS (1001/QĐ-BNV, 2023–2026)', verification: 'partlyConfirmed', source: source('OSS-17') }, params: {} },
  ],
} satisfies Record<string, readonly OssRuleVersion<unknown>[]>;

/** The name of a rule in {@link OSS_RULES}. */
export type OssRuleName = keyof typeof OSS_RULES;
