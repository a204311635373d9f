import type { RuleVersion } from '@par/core';

/**
 * The rules of clerical work and electronic documents as data, copied from the project's domain notes (`rules.md`
 * §6, rows DOC-01..DOC-08, and the regime table of §1 for the archives laws) with their verification tags. Each
 * version names its rule, its document and its own validity window.
 */

const source = (row: string) => `domain notes rules.md §6, ${row}`;

/** A version of a clerical-work rule: a {@link RuleVersion} that names its rule, `DOC-xx`. */
export interface DocRuleVersion<Params = Record<string, never>> extends RuleVersion<Params> {
  /** The row of the domain notes (`DOC-05`). */
  readonly ruleId: string;
}

/**
 * NĐ 30/2020/NĐ-CP on clerical work, signed on 05/03/2020. The domain notes give no start date, only "in force; no
 * successor confirmed (U)"; the decree takes effect on signing (its closing article, not in the notes), so the
 * rules start on 05/03/2020 and documents dated earlier are not checked.
 */
const ND30 = { document: 'NĐ 30/2020/NĐ-CP', title: 'Nghị định về công tác văn thư', signedOn: '2020-03-05' } as const;
const ND30_FROM = '2020-03-05';
const ND30_OPEN = 'no successor confirmed (U)';

/** The parameters of DOC-05: how long registering, handing over and dispatching may take. */
export interface HandlingParams {
  /** Working days after the day of receipt by which an incoming document is registered and handed over. */
  readonly incomingWorkingDays: number;
  /** Working days after the day of numbering by which an outgoing document is dispatched. */
  readonly outgoingWorkingDays: number;
  /** Urgent documents (Hỏa tốc, Thượng khẩn, Khẩn): at once, which the plugin reads as the day of receipt. */
  readonly urgentSameDay: true;
}

/** The parameters of DOC-06: years to the current archive and from there to the historical archive. */
export interface ArchiveParams {
  /** The file reaches the current archive by 31 December of the `currentArchiveYears`-th year after the work ended. */
  readonly currentArchiveYears: number;
  /** A permanent file reaches the historical archive within these years of reaching the current archive. */
  readonly historicalArchiveYears: number;
  /** The longest another law may set instead (a file's own `historicalArchiveYears`). */
  readonly historicalArchiveMaxYears: number;
}

/** The legal basis of each check, as versions in force by date. */
export const DOC_RULES = {
  /** DOC-01: the outgoing sequence: number and date, register, organisation's digital signature, dispatch, file a copy. */
  outgoingSequence: [{ ruleId: 'DOC-01', effectiveFrom: ND30_FROM, supersededBy: ND30_OPEN, legalBasis: { ...ND30, article: 'Art. 14', verification: 'confirmed', source: source('DOC-01') }, params: {} }],
  /** DOC-02: registering outgoing documents completely and accurately (book form in Appendix IV). */
  outgoingRegistration: [{ ruleId: 'DOC-02', effectiveFrom: ND30_FROM, supersededBy: ND30_OPEN, legalBasis: { ...ND30, article: 'Art. 16', verification: 'confirmed', source: source('DOC-02') }, params: {} }],
  /** DOC-03: the incoming sequence: receive, register, submit and hand over, handle and follow up. */
  incomingSequence: [{ ruleId: 'DOC-03', effectiveFrom: ND30_FROM, supersededBy: ND30_OPEN, legalBasis: { ...ND30, article: 'Art. 20', verification: 'confirmed', source: source('DOC-03') }, params: {} }],
  /** DOC-04: an electronic incoming document's signatures validated, and the sender told of receipt the same day. */
  electronicReceipt: [{ ruleId: 'DOC-04', effectiveFrom: ND30_FROM, supersededBy: ND30_OPEN, legalBasis: { ...ND30, article: 'Art. 21(2)', verification: 'confirmed', source: source('DOC-04') }, params: {} }],
  /**
   * DOC-05: incoming documents registered and handed over the same day or the next working day, urgent ones at
   * once; outgoing documents dispatched the day they are numbered or the next working day. Tag P: the wording of
   * the older TT 07/2012 is confirmed, the NĐ 30/2020 article is not.
   */
  handlingTime: [
    {
      ruleId: 'DOC-05',
      effectiveFrom: ND30_FROM,
      supersededBy: ND30_OPEN,
      legalBasis: { ...ND30, article: 'article not confirmed (wording of TT 07/2012 confirmed)', verification: 'partlyConfirmed', source: source('DOC-05') },
      params: { incomingWorkingDays: 1, outgoingWorkingDays: 1, urgentSameDay: true },
    },
  ] satisfies DocRuleVersion<HandlingParams>[],
  /**
   * DOC-06: files to the current archive, then permanent files to the historical archive. The 2024 Archives Law
   * (in force 01/07/2025, V) sets 1 and 5 years (up to 30 where another law says so). The 2011 law it supersedes is
   * named by the notes without its numbers: its version takes them from the options (`legacyArchiveYears`, U) and
   * its start, 01/07/2012, is not in the notes either.
   */
  archive: [
    {
      ruleId: 'DOC-06',
      effectiveFrom: '2012-07-01',
      effectiveTo: '2025-06-30',
      supersededBy: 'Luật Lưu trữ 2024, from 01/07/2025',
      legalBasis: { document: 'Luật Lưu trữ 2011', article: 'deadlines from the options legacyArchiveYears (not in the domain notes)', verification: 'unconfirmed', source: 'domain notes rules.md §1 (Archives row: earlier text); the numbers are not in the notes' },
      params: { currentArchiveYears: 1, historicalArchiveYears: 10, historicalArchiveMaxYears: 30 }, // replaced by the options' legacyArchiveYears
    },
    {
      ruleId: 'DOC-06',
      effectiveFrom: '2025-07-01',
      legalBasis: { document: 'Luật Lưu trữ 2024', article: 'submission to the current and historical archives; hand-over list and minutes per NĐ 30/2020 Appendix V', verification: 'confirmed', source: source('DOC-06') },
      params: { currentArchiveYears: 1, historicalArchiveYears: 5, historicalArchiveMaxYears: 30 },
    },
  ] satisfies DocRuleVersion<ArchiveParams>[],
  /**
   * DOC-07: construction-investment (XDCB) files within 3 months of settlement, in the Ministry of Home Affairs'
   * archive rules (a ministry-level example: V for the ministry; the months are an option for a locality). The notes
   * date it "2020 → open" without a day: 01/01/2020 is used.
   */
  constructionFiles: [
    {
      ruleId: 'DOC-07',
      effectiveFrom: '2020-01-01',
      legalBasis: { document: 'QĐ 1032/QĐ-BNV', title: 'Ministry of Home Affairs archive rules (ministry-level example)', article: 'construction-investment files (year 2020; day not in the notes)', verification: 'confirmed', source: source('DOC-07') },
      params: { months: 3 },
    },
  ] satisfies DocRuleVersion<{ months: number }>[],
  /** DOC-08: electronic documents carry the signer's and the organisation's digital signatures (U). */
  digitalSignatures: [
    { ruleId: 'DOC-08', effectiveFrom: ND30_FROM, supersededBy: ND30_OPEN, legalBasis: { ...ND30, article: 'digital-signature articles and appendix (not confirmed)', verification: 'unconfirmed', source: source('DOC-08') }, params: {} },
  ],
} satisfies Record<string, readonly DocRuleVersion<unknown>[]>;

/** The name of a rule in {@link DOC_RULES}. */
export type DocRuleName = keyof typeof DOC_RULES;

/** The urgency marks of NĐ 30/2020 (glossary: `flash`, `extraUrgent`, `urgent`), and `normal` for none. */
export const URGENCY_LEVELS = ['normal', 'urgent', 'extraUrgent', 'flash'] as const;

/** An urgency mark. */
export type Urgency = (typeof URGENCY_LEVELS)[number];
