import type { RuleVersion } from '@par/core';

const SOURCE = 'domain/rules.md §2 (ISO 9001 in state agencies)';

/** The legal basis of each check, as versions in force by date (see the rule ids in the domain notes). */
export const ISO_RULES = {
  /** ISO-02: the scope covers every procedure the unit handles. */
  scope: [{ effectiveFrom: '2014-05-18', legalBasis: { document: 'QĐ 19/2014/QĐ-TTg', article: 'Art. 3 or 4 (number not confirmed)', verification: 'partlyConfirmed', source: SOURCE }, params: {} }],
  /** ISO-07: one process per procedure, no longer than the legal time. */
  processes: [{ effectiveFrom: '2014-05-18', legalBasis: { document: 'QĐ 19/2014/QĐ-TTg', verification: 'partlyConfirmed', source: SOURCE }, params: {} }],
  /**
   * ISO-04: the standard version. Until 30/06/2021 an agency on TCVN ISO 9001:2008 was still in its transition;
   * from 1/7/2021 only the 2015 version conforms.
   */
  standardVersion: [
    { effectiveFrom: '2018-02-21', effectiveTo: '2021-06-30', supersededBy: 'CV 419/BKHCN-TĐC transition deadline', legalBasis: { document: 'CV 419/BKHCN-TĐC', verification: 'confirmed', source: SOURCE }, params: { accepted: ['2008', '2015'] } },
    { effectiveFrom: '2021-07-01', legalBasis: { document: 'CV 419/BKHCN-TĐC', article: 'transition before 30/06/2021', verification: 'confirmed', source: SOURCE }, params: { accepted: ['2015'] } },
  ],
  /** ISO-06: policy and objectives (yearly objectives: usual practice). */
  policy: [{ effectiveFrom: '2015-12-31', legalBasis: { document: 'TCVN ISO 9001:2015', article: 'cl. 5.2, 6.2', verification: 'confirmed', source: SOURCE }, params: {} }],
  /** ISO-08: internal audit of the whole scope (interval: usual practice, configurable). */
  audit: [{ effectiveFrom: '2015-12-31', legalBasis: { document: 'TCVN ISO 9001:2015', article: 'cl. 9.2', verification: 'unconfirmed', source: SOURCE }, params: {} }],
  /** ISO-09: management review with the clause 9.3 inputs. */
  review: [{ effectiveFrom: '2015-12-31', legalBasis: { document: 'TCVN ISO 9001:2015', article: 'cl. 9.3', verification: 'confirmed', source: SOURCE }, params: {} }],
  /** ISO-05, ISO-10, ISO-11: the announcement, after an audit and a review, redone when the scope changes. */
  announcement: [{ effectiveFrom: '2014-05-18', legalBasis: { document: 'QĐ 19/2014/QĐ-TTg', verification: 'partlyConfirmed', source: SOURCE }, params: {} }],
  /** ISO-12: processes updated after their legal basis changes (days configurable; none confirmed). */
  processUpdates: [{ effectiveFrom: '2014-05-18', legalBasis: { document: 'QĐ 19/2014/QĐ-TTg; TT 26/2014/TT-BKHCN', verification: 'unconfirmed', source: SOURCE }, params: {} }],
  /** Clause 10.2: corrective actions on time, effectiveness checked before closing. */
  nonconformities: [{ effectiveFrom: '2015-12-31', legalBasis: { document: 'TCVN ISO 9001:2015', article: 'cl. 10.2', verification: 'confirmed', source: SOURCE }, params: {} }],
  /** Clause 7.5: controlled documents kept current. */
  documents: [{ effectiveFrom: '2015-12-31', legalBasis: { document: 'TCVN ISO 9001:2015', article: 'cl. 7.5', verification: 'confirmed', source: SOURCE }, params: {} }],
} satisfies Record<string, readonly RuleVersion<Record<string, unknown>>[]>;
