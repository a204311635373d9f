import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem, type FindingInput } from '@par/core';
import { createLegalReviewPlugin, type LegalReviewOptions } from '../src/index.js';
import { context, doc, graphRegister, P, Q, R, register } from './fixture.js';

type RegisterInput = LegalReviewOptions['registers'][number];

const run = (checkId: string, reg: RegisterInput, ref: string, extra: Partial<LegalReviewOptions> = {}): FindingInput[] => {
  const plugin = createLegalReviewPlugin({ registers: [reg], ...extra });
  return plugin.checks!.find((c) => c.id === checkId)!.run(context('d1-tp', ref)) as FindingInput[];
};
const brief = (fs: FindingInput[]) => fs.map((f) => [f.subject.id, f.ruleId, f.severity, f.dueDate]);

// Regime edges of LEG-01/LEG-02 (district documents): old regime >= 7 days, new regime (signed from 01/04/2025) >= 10.
const A = doc('01/2024/QĐ-UBND', '2024-03-01', '2024-03-08'); // 01/03 + 7 = 08/03: on the edge
const B = doc('02/2024/QĐ-UBND', '2024-03-01', '2024-03-07'); // 6 days: the day before the edge
const C = doc('03/2024/QĐ-UBND', '2024-03-01', '2024-03-09'); // 8 days: the day after
const F = doc('06/2025/QĐ-UBND', '2025-03-31', '2025-04-07'); // signed the last day of the old regime: 7 days suffice
const D = doc('04/2025/QĐ-UBND', '2025-04-01', '2025-04-11'); // first day of the new regime: 01/04 + 10 = 11/04, on the edge
const E = doc('05/2025/QĐ-UBND', '2025-04-01', '2025-04-10'); // 9 days: the day before
const E2 = doc('08/2025/QĐ-UBND', '2025-04-01', '2025-04-12'); // 11 days: the day after

describe('LEG-01 / LEG-02: the effective date, by the regime of the signing date', () => {
  it('finds only B (6 < 7 days, old regime, LEG-02) and E (9 < 10 days, new regime, LEG-01)', () => {
    const fs = run('effectiveDate', register({ documents: [A, B, C, F, D, E, E2] }), '2025-06-01');
    expect(brief(fs)).toEqual([
      ['02/2024/QĐ-UBND', 'LEG-02', 'major', undefined],
      ['05/2025/QĐ-UBND', 'LEG-01', 'major', undefined],
    ]);
    expect(fs[0]!.message.en).toBe('02/2024/QĐ-UBND: takes effect on 07/03/2024, only 6 days after signing (01/03/2024); at least 7 days required (earliest 08/03/2024)');
    expect(fs[0]!.legalBasis!.map((b) => [b.document, b.article, b.verification])).toEqual([['Law 80/2015/QH13', 'Art. 151', 'confirmed']]);
    // a new-regime breach is also an unlawful case of LEG-05
    expect(fs[1]!.legalBasis!.map((b) => b.document)).toEqual(['Law 64/2025/QH15', 'NĐ 79/2025/NĐ-CP']);
  });

  it('a shortened-procedure document of the new regime may take effect on signing (LEG-03 instead)', () => {
    const G = doc('07/2025/QĐ-UBND', '2025-04-01', '2025-04-01', { procedure: 'shortened' });
    expect(run('effectiveDate', register({ documents: [G] }), '2025-06-01')).toEqual([]);
  });
});

describe('LEG-03: a shortened-procedure document is posted at once', () => {
  it('gazette on the signing day is on time, the database a day later is late, no portal entry is missing', () => {
    const G = doc('07/2025/QĐ-UBND', '2025-04-01', '2025-04-01', { procedure: 'shortened' });
    const pubs = [
      { document: G.number, channel: 'gazette' as const, date: '2025-04-01' },
      { document: G.number, channel: 'nationalLegalDatabase' as const, date: '2025-04-02' },
    ];
    expect(brief(run('shortenedPosting', register({ documents: [G], publications: pubs }), '2025-04-01'))).toEqual([]); // nothing is late yet on the day
    expect(brief(run('shortenedPosting', register({ documents: [G], publications: pubs }), '2025-04-02'))).toEqual([
      ['07/2025/QĐ-UBND nationalLegalDatabase', 'LEG-03', 'minor', '2025-04-01'],
      ['07/2025/QĐ-UBND portal', 'LEG-03', 'major', '2025-04-01'],
    ]);
  });
});

describe('LEG-04: a concrete effective date', () => {
  it('flags "after N days" under both regimes, with the tag of each', () => {
    const fs = run('concreteEffectiveDate', register({ documents: [{ ...B, effectiveStatedAs: 'relative' }, { ...E2, effectiveStatedAs: 'relative' }] }), '2025-06-01');
    expect(fs.map((f) => [f.ruleId, f.legalBasis![0]!.verification])).toEqual([
      ['LEG-04', 'confirmed'],
      ['LEG-04', 'unconfirmed'],
    ]);
  });
});

describe('LEG-06: self-inspection within the configured working days (unconfirmed: minor)', () => {
  // A signed Friday 01/03/2024; 3 working days: Mon 04, Tue 05, Wed 06/03 -> due 06/03/2024
  it('not late on the due day, missing the day after', () => {
    expect(run('selfInspection', register({ documents: [A] }), '2024-03-06')).toEqual([]);
    expect(brief(run('selfInspection', register({ documents: [A] }), '2024-03-07'))).toEqual([['01/2024/QĐ-UBND', 'LEG-06', 'minor', '2024-03-06']]);
  });

  it('a record on the due day is on time, the day after is late', () => {
    const on = register({ documents: [A], selfInspections: [{ document: A.number, date: '2024-03-06' }] });
    const late = register({ documents: [A], selfInspections: [{ document: A.number, date: '2024-03-07' }] });
    expect(run('selfInspection', on, '2024-04-01')).toEqual([]);
    expect(run('selfInspection', late, '2024-04-01')[0]!.message.en).toBe('01/2024/QĐ-UBND: self-inspected late: on 07/03/2024, due 06/03/2024');
  });

  it('enforced: the missing record is major', () => {
    expect(run('selfInspection', register({ documents: [A] }), '2024-03-07', { unconfirmedRules: 'enforced' })[0]!.severity).toBe('major');
  });
});

describe('LEG-07: sent for inspection, on time, to the right body', () => {
  it('old regime: a district document goes to the provincial Department of Justice within 3 working days', () => {
    const wrong = register({ documents: [A], inspectionSubmissions: [{ document: A.number, sentOn: '2024-03-06', channel: 'post', receivingBody: 'districtJusticeOffice' }] });
    expect(brief(run('inspectionSubmission', wrong, '2024-04-01'))).toEqual([['01/2024/QĐ-UBND body', 'LEG-07', 'minor', undefined]]);
    const late = register({ documents: [A], inspectionSubmissions: [{ document: A.number, sentOn: '2024-03-07', channel: 'post', receivingBody: 'provincialDepartmentOfJustice' }] });
    expect(brief(run('inspectionSubmission', late, '2024-04-01'))).toEqual([['01/2024/QĐ-UBND', 'LEG-07', 'minor', '2024-03-06']]);
  });

  it('new regime: due 3 working days after 01/04/2025 (Tue): Fri 04/04/2025', () => {
    expect(run('inspectionSubmission', register({ documents: [D] }), '2025-04-04')).toEqual([]);
    expect(brief(run('inspectionSubmission', register({ documents: [D] }), '2025-04-05'))).toEqual([['04/2025/QĐ-UBND', 'LEG-07', 'minor', '2025-04-04']]);
  });
});

describe('LEG-08 / LEG-09: handling an unlawful document and publishing the handling', () => {
  const conclusion = { document: D.number, date: '2025-07-10', body: 'Sở Tư pháp', result: 'unlawful' as const, categories: ['procedureBreach' as const] };
  it('handling due 30 days after the conclusion: 10/07 + 30 = 09/08/2025', () => {
    expect(run('handling', register({ documents: [D], inspectionConclusions: [conclusion] }), '2025-08-09')).toEqual([]);
    expect(brief(run('handling', register({ documents: [D], inspectionConclusions: [conclusion] }), '2025-08-10'))).toEqual([['04/2025/QĐ-UBND 2025-07-10', 'LEG-08', 'minor', '2025-08-09']]);
  });

  it('the handling decision of 05/08/2025 is published within 3 days (08/08): gazette on time, database late, portal missing', () => {
    const h = {
      document: D.number,
      measure: 'suspendExecution' as const,
      signedOn: '2025-08-05',
      publications: [
        { channel: 'gazette' as const, date: '2025-08-08' },
        { channel: 'nationalLegalDatabase' as const, date: '2025-08-09' },
      ],
    };
    const reg = register({ documents: [D], inspectionConclusions: [conclusion], handlingDecisions: [h] });
    expect(run('handling', reg, '2025-09-01')).toEqual([]);
    expect(brief(run('handlingPublication', reg, '2025-08-09'))).toEqual([
      ['04/2025/QĐ-UBND 2025-08-05 nationalLegalDatabase', 'LEG-09', 'minor', '2025-08-08'],
      ['04/2025/QĐ-UBND 2025-08-05 portal', 'LEG-09', 'major', '2025-08-08'],
    ]);
  });

  it('LEG-09 applies from NĐ 187/2025 (01/07/2025): a handling signed 30/06/2025 has no such deadline', () => {
    const h = { document: D.number, measure: 'suspendExecution' as const, signedOn: '2025-06-30' };
    expect(run('handlingPublication', register({ documents: [D], handlingDecisions: [h] }), '2025-12-01')).toEqual([]);
  });
});

describe('LEG-10..LEG-12: review obligations, 30 days by default (unconfirmed: minor)', () => {
  it('every obligation of the graph fixture, the one review of P late for 2022 and on time for 2023', () => {
    const reg = { ...graphRegister(), reviews: [{ document: P, trigger: { kind: 'higherOrLaterDocument' as const, document: '14/2023/NQ-HĐND', date: '2023-05-11' }, reviewedOn: '2023-05-20', outcome: 'noAction' as const }] };
    // S amends P on 11/03/2022 (due 10/04/2022): P (reviewed late, 20/05/2023), Q, R; U suspends R on 11/08/2022 (due 10/09/2022);
    // T replaces P on 11/05/2023 (due 10/06/2023): Q, P (on time), R
    expect(brief(run('review', reg, '2023-06-11'))).toEqual([
      [`${P} 2022-03-11`, 'LEG-12', 'minor', '2022-04-10'],
      [`${Q} 2022-03-11`, 'LEG-12', 'minor', '2022-04-10'],
      [`${R} 2022-03-11`, 'LEG-12', 'minor', '2022-04-10'],
      [`${R} 2022-08-11`, 'LEG-12', 'minor', '2022-09-10'],
      [`${Q} 2023-05-11`, 'LEG-12', 'minor', '2023-06-10'],
      [`${R} 2023-05-11`, 'LEG-12', 'minor', '2023-06-10'],
    ]);
  });

  it('LEG-13: a 2025 proposal to amend not carried out 90 days after the review (01/05 + 90 = 30/07/2025)', () => {
    const reg = { ...graphRegister(), reviews: [{ document: R, trigger: { kind: 'higherOrLaterDocument' as const, date: '2025-04-15' }, reviewedOn: '2025-05-01', outcome: 'amend' as const }] };
    expect(run('reviewOutcome', reg, '2025-07-30')).toEqual([]);
    expect(brief(run('reviewOutcome', reg, '2025-07-31'))).toEqual([[`${R} 2025-05-01 outcome`, 'LEG-13', 'minor', '2025-07-30']]);
  });
});

describe('LEG-14 / LEG-15: the yearly expired list and detailing documents expiring with their parent', () => {
  it('2022: P partly expired and R suspended; the list of 20/01/2023 names only P (due 31/01/2023)', () => {
    const reg = { ...graphRegister(), expiryLists: [{ year: 2022, publishedOn: '2023-01-20', documents: [P] }] };
    expect(run('expiryList', reg, '2023-01-31')).toEqual([]);
    const fs = run('expiryList', reg, '2023-02-01');
    expect(brief(fs)).toEqual([['2022', 'LEG-14', 'minor', '2023-01-31']]);
    expect(fs[0]!.message.en).toBe(`The 2022 list of expired documents omits: ${R}`);
  });

  it('Q details P, which expires on 11/05/2023: its list must be published by 10/05/2023', () => {
    const on = { ...graphRegister(), detailingExpiryLists: [{ parent: P, publishedOn: '2023-05-10', documents: [Q] }] };
    const late = { ...graphRegister(), detailingExpiryLists: [{ parent: P, publishedOn: '2023-05-11', documents: [Q] }] };
    expect(run('detailingExpiry', on, '2023-06-01')).toEqual([]);
    expect(brief(run('detailingExpiry', late, '2023-06-01'))).toEqual([[P, 'LEG-15', 'major', '2023-05-10']]);
    expect(run('detailingExpiry', late, '2023-05-10')).toEqual([]); // not expired yet
  });
});

describe('LEG-16 / LEG-17: systematisation', () => {
  // first document 2020: first cut-off 31/12/2023; published within 90 days: 31/12/2023 + 90 = 30/03/2024 (2024 is leap)
  it('the 2019-2023 result is due on 30/03/2024', () => {
    expect(run('systematisation', graphRegister(), '2024-03-30')).toEqual([]);
    expect(brief(run('systematisation', graphRegister(), '2024-03-31'))).toEqual([['2023-12-31', 'LEG-16', 'minor', '2024-03-30']]);
  });

  it('a systematisation follows a written plan', () => {
    const reg = { ...graphRegister(), systematisations: [{ cutOff: '2023-12-31', publishedOn: '2024-03-30' }] };
    expect(brief(run('systematisation', reg, '2024-04-01'))).toEqual([['2023-12-31 plan', 'LEG-16', 'major', undefined]]);
    expect(run('systematisation', { ...reg, systematisations: [{ ...reg.systematisations[0]!, planIssuedOn: '2023-10-02' }] }, '2024-04-01')).toEqual([]);
  });

  it('lists published under LEG-17 are compared with the register: U omitted, P listed though expired', () => {
    const reg = { ...graphRegister(), systematisations: [{ cutOff: '2023-12-31', planIssuedOn: '2023-10-02', publishedOn: '2025-04-15', lists: { expiredOrSuspended: [Q], partly: [], inForce: [P, R, '13/2022/NQ-HĐND', '14/2023/NQ-HĐND'], needingAction: [] } }] };
    const fs = run('systematisation', reg, '2025-05-01');
    expect(brief(fs)).toEqual([
      ['2023-12-31', 'LEG-16', 'minor', '2024-03-30'],
      ['2023-12-31 lists', 'LEG-17', 'major', undefined],
    ]);
    expect(fs[1]!.message.en).toBe('The list of documents in force at 31/12/2023 omits 15/2022/QĐ-UBND and lists documents no longer in force: 10/2020/NQ-HĐND');
  });
});

describe('LEG-18 / LEG-19: publication (old regime) and implementation', () => {
  it('a district document of 2024 uploaded to the database within 7 days (08/03) and posted', () => {
    const ok = register({ documents: [A], publications: [{ document: A.number, channel: 'nationalLegalDatabase', date: '2024-03-08' }, { document: A.number, channel: 'posting', date: '2024-03-02' }] });
    expect(run('publication', ok, '2024-04-01')).toEqual([]);
    const late = register({ documents: [A], publications: [{ document: A.number, channel: 'nationalLegalDatabase', date: '2024-03-09' }] });
    expect(brief(run('publication', late, '2024-04-01'))).toEqual([
      ['01/2024/QĐ-UBND nationalLegalDatabase', 'LEG-18', 'minor', '2024-03-08'],
      ['01/2024/QĐ-UBND posting', 'LEG-18', 'major', undefined],
    ]);
  });

  it('a new-regime document needs an implementation plan (01/04 + 30 = 01/05/2025); the 2025 monitoring plan by 31/12/2025', () => {
    expect(run('implementation', register({ documents: [D] }), '2025-05-01')).toEqual([]);
    expect(brief(run('implementation', register({ documents: [D] }), '2026-01-01'))).toEqual([
      ['04/2025/QĐ-UBND', 'LEG-19', 'minor', '2025-05-01'],
      ['2025', 'LEG-19', 'minor', '2025-12-31'],
    ]);
    expect(run('implementation', register({ documents: [A] }), '2026-01-01')).toEqual([]); // old regime: no LEG-19
  });
});

describe('through the plugin host', () => {
  it('findings carry unique ids for the keeper, and one becomes a corrective item for the Justice office', async () => {
    const par = createPar({ plugins: [createLegalReviewPlugin({ registers: [register({ documents: [A, B, C] })] })] });
    const findings = await par.runChecks({ unitIds: ['d1-tp'], period: '2024', now: new Date('2024-04-01T05:00:00Z') });
    expect(findings.filter((f) => f.kind === 'pluginError')).toEqual([]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    const b = findings.find((f) => f.ruleId === 'LEG-02')!;
    const item = findingToDirectiveItem(b, { label: '(1)', foundOn: '2024-04-01' });
    // 10 working days from Mon 01/04/2024: 02, 03, 04, 05, 08, 09, 10, 11, 12, 15/04 -> 15/04/2024
    expect(item).toMatchObject({ lead: [{ by: 'unit', unitId: 'd1-tp' }], due: { kind: 'date', date: '2024-04-15' }, priority: 'high' });
  });
});
