import { describe, expect, it } from 'vitest';
import { findingToDirectiveItem } from '@par/core';
import { DOC_RULES } from '../src/index.js';
import { good, ids, incoming, metricsOf, outgoing, run, workFile } from './fixture.js';

const unit = (over: Partial<ReturnType<typeof good>>) => ({ ...good(), outgoing: [], incoming: [], workFiles: [], ...over });

describe('the rules as data', () => {
  it('carry the rule ids, documents and verification tags of rules.md §6', () => {
    const tag = (name: keyof typeof DOC_RULES) => DOC_RULES[name].map((v) => `${v.ruleId} ${v.legalBasis.document} ${v.legalBasis.verification}`);
    expect(tag('outgoingSequence')).toEqual(['DOC-01 NĐ 30/2020/NĐ-CP confirmed']);
    expect(tag('outgoingRegistration')).toEqual(['DOC-02 NĐ 30/2020/NĐ-CP confirmed']);
    expect(tag('incomingSequence')).toEqual(['DOC-03 NĐ 30/2020/NĐ-CP confirmed']);
    expect(tag('electronicReceipt')).toEqual(['DOC-04 NĐ 30/2020/NĐ-CP confirmed']);
    expect(tag('handlingTime')).toEqual(['DOC-05 NĐ 30/2020/NĐ-CP partlyConfirmed']); // P: TT 07/2012 wording confirmed, NĐ 30 article U
    expect(tag('archive')).toEqual(['DOC-06 Luật Lưu trữ 2011 unconfirmed', 'DOC-06 Luật Lưu trữ 2024 confirmed']);
    expect(tag('constructionFiles')).toEqual(['DOC-07 QĐ 1032/QĐ-BNV confirmed']); // V (ministry-level example)
    expect(tag('digitalSignatures')).toEqual(['DOC-08 NĐ 30/2020/NĐ-CP unconfirmed']);
    expect(DOC_RULES.electronicReceipt[0]!.legalBasis.article).toBe('Art. 21(2)');
  });

  it('the archives laws are two versions that meet on 30/06/2025 - 01/07/2025', () => {
    expect(DOC_RULES.archive.map((v) => [v.effectiveFrom, 'effectiveTo' in v ? v.effectiveTo : null, v.params.currentArchiveYears, v.params.historicalArchiveYears])).toEqual([
      ['2012-07-01', '2025-06-30', 1, 10],
      ['2025-07-01', null, 1, 5],
    ]);
  });
});

describe('the checks', () => {
  it('find nothing on clean registers', async () => {
    expect(await run(good(), '2022-09-30')).toEqual([]);
  });

  it('every finding carries its rule, the legal basis with its window and tag, the record and the due date', async () => {
    const r = unit({ incoming: [incoming(1, '2022-09-07T10:00:00+07:00', { handedOverAt: '2022-09-09T08:00:00+07:00' })] });
    const [f] = await run(r, '2022-09-30');
    expect(f).toMatchObject({
      checkId: 'handlingTime',
      ruleId: 'DOC-05',
      severity: 'major',
      unitId: 'vp',
      subject: { kind: 'handOver', id: 'VP-DEN/2022/1' },
      dueDate: '2022-09-08', // received Wednesday 07/09: the same day or Thursday 08/09
      legalBasis: [{ document: 'NĐ 30/2020/NĐ-CP', signedOn: '2020-03-05', effectiveFrom: '2020-03-05', verification: 'partlyConfirmed', supersededBy: 'no successor confirmed (U)' }],
    });
    expect(f!.legalBasis[0]!.source).toBe('domain notes rules.md §6, DOC-05');
    // the finding becomes a corrective task for the unit, due after the finding (10 working days from 30/09/2022:
    // October has no holiday, so 14/10/2022)
    const item = findingToDirectiveItem(f!, { label: '(1)', foundOn: '2022-09-30' });
    expect(item.lead).toEqual([{ by: 'unit', unitId: 'vp' }]);
    expect(item.due).toMatchObject({ kind: 'date', date: '2022-10-14' });
    expect(item.priority).toBe('high');
  });

  it('DOC-01 and DOC-03: gaps and duplicates per register and year, numbers restarting each year', async () => {
    const r = unit({
      outgoing: [1, 2, 4, 4, 7].map((n) => outgoing(n, '2022-09-05')),
      incoming: [
        incoming(1, '2022-09-05T08:00:00+07:00'),
        incoming(3, '2022-09-05T09:00:00+07:00'),
        // another register of the same unit, on its own sequence
        incoming(1, '2022-09-05T09:30:00+07:00', { registerId: 'VP-MAT' }),
      ],
    });
    expect(ids(await run(r, '2022-09-30'), 'outgoingSequence')).toEqual(['outgoingSequence DOC-01 major registerGap:outgoing:VP-DI/2022', 'outgoingSequence DOC-01 major registerDuplicate:outgoing:VP-DI/2022']);
    const [gap, dup] = await run(r, '2022-09-30');
    expect(gap!.message.en).toBe('The outgoing register VP-DI of 2022 skips numbers: 3, 5-6');
    expect(dup!.message.en).toBe('The outgoing register VP-DI of 2022 uses numbers twice: 4');
    expect(ids(await run(r, '2022-09-30'), 'incomingSequence')).toEqual(['incomingSequence DOC-03 major registerGap:incoming:VP-DEN/2022']);
    const swapped = unit({ incoming: [incoming(1, '2022-09-05T10:00:00+07:00'), incoming(2, '2022-09-05T09:00:00+07:00')] });
    const [order] = await run(swapped, '2022-09-30');
    expect(ids([order!])).toEqual(['incomingSequence DOC-03 minor numberOrder:VP-DEN/2022/2']);
    expect(order!.message.en).toBe('The incoming register: number 2 (2022-09-05T09:00:00+07:00) comes before number 1 (2022-09-05T10:00:00+07:00)');
    // numbers start again at 1 on 1 January: 2022's 1-2 and 2023's 1 are a clean sequence
    const years = unit({ outgoing: [outgoing(1, '2022-12-30'), outgoing(2, '2022-12-30'), outgoing(1, '2023-01-03')] });
    expect(ids(await run(years, '2023-01-31', '2022'), 'outgoingSequence')).toEqual([]);
    expect(ids(await run(years, '2023-01-31', '2023'), 'outgoingSequence')).toEqual([]);
  });

  it('DOC-01: an electronic document without the organisation signature; a copy not filed; a number dated before the one before', async () => {
    const r = unit({ outgoing: [outgoing(1, '2022-09-06'), outgoing(2, '2022-09-05', { organisationSignature: undefined, filedCopy: false })] });
    expect(ids(await run(r, '2022-09-30'), 'outgoingSequence')).toEqual([
      'outgoingSequence DOC-01 minor numberOrder:VP-DI/2022/2',
      'outgoingSequence DOC-01 major organisationSignature:VP-DI/2022/2',
      'outgoingSequence DOC-01 minor filedCopy:VP-DI/2022/2',
    ]);
  });

  it('DOC-02: an entry without registration, summary, recipients or the filed-copy flag; registered before its date', async () => {
    const d = outgoing(1, '2022-09-06', { registeredAt: undefined, summary: undefined, recipients: [], filedCopy: undefined, dispatchedAt: undefined });
    const e = outgoing(2, '2022-09-06', { registeredAt: '2022-09-05T16:00:00+07:00', dispatchedAt: '2022-09-06T08:00:00+07:00' });
    const f = await run(unit({ outgoing: [d, e] }), '2022-09-30');
    expect(ids(f, 'outgoingRegistration')).toEqual(['outgoingRegistration DOC-02 minor outgoingEntry:VP-DI/2022/1', 'outgoingRegistration DOC-02 minor outgoingEntry:VP-DI/2022/2']);
    expect(f.filter((x) => x.checkId === 'outgoingRegistration').map((x) => x.message.en)).toEqual([
      'Outgoing register, VP-DI/2022/1: no registeredAt; no summary; no recipients; no filedCopy',
      'Outgoing register, VP-DI/2022/2: registered (2022-09-05) before its date',
    ]);
  });

  it('DOC-03: an assignment no incoming document brought', async () => {
    const r = unit({ incoming: [incoming(1, '2022-09-08T08:00:00+07:00', { directive: { documentId: 'tb-285', itemLabels: ['(3)'] } })] });
    const assignments = [
      { unitId: 'vp', documentId: 'tb-285', itemLabel: '(3)', issuedOn: '2022-09-07' },
      { unitId: 'vp', documentId: 'tb-285', itemLabel: '(9)', issuedOn: '2022-09-07' },
      { unitId: 'x01', documentId: 'tb-285', itemLabel: '(9)', issuedOn: '2022-09-07' }, // another unit's
    ];
    expect(ids(await run(r, '2022-09-30', '2022-09', { assignments }), 'incomingSequence')).toEqual(['incomingSequence DOC-03 minor assignment:tb-285#(9)']);
  });

  it('DOC-04: signatures validated and receipt acknowledged the same day in Vietnam; invalid or misaddressed documents returned', async () => {
    const received = '2022-09-07T16:00:00+07:00';
    const ok = incoming(1, received, { acknowledgedAt: '2022-09-07T23:59:00+07:00' });
    // 17:30 UTC on 07/09 is 00:30 on 08/09 in Vietnam: the day after
    const late = incoming(2, received, { acknowledgedAt: '2022-09-07T17:30:00Z' });
    const none = incoming(3, received, { acknowledgedAt: undefined, signatureValidation: undefined });
    const invalid = incoming(4, received, { signatureValidation: { result: 'invalid', checkedAt: received }, acknowledgedAt: undefined });
    const returned = incoming(5, received, { misaddressed: true, returnedAt: '2022-09-07T16:30:00+07:00', acknowledgedAt: undefined });
    const paper = incoming(6, received, { form: 'paper', signatureValidation: undefined, acknowledgedAt: undefined });
    const r = unit({ incoming: [ok, late, none, invalid, returned, paper] });
    expect(ids(await run(r, '2022-09-30'), 'electronicReceipt')).toEqual([
      'electronicReceipt DOC-04 major acknowledgement:VP-DEN/2022/2 2022-09-07',
      'electronicReceipt DOC-04 major signatureValidation:VP-DEN/2022/3 2022-09-07',
      'electronicReceipt DOC-04 major acknowledgement:VP-DEN/2022/3 2022-09-07',
      'electronicReceipt DOC-04 major return:VP-DEN/2022/4',
    ]);
    // on the day of receipt nothing is late yet
    expect(ids(await run(unit({ incoming: [none] }), '2022-09-07'), 'electronicReceipt')).toEqual([]);
    expect(ids(await run(unit({ incoming: [none] }), '2022-09-08'), 'electronicReceipt')).toHaveLength(2);
  });

  it('DOC-05: received at the end of the last working day before Tết 2023, due the first working day after it', async () => {
    // Tết 2023: Friday 20/01 to Thursday 26/01 off; received Thursday 19/01 at 16:55: due Friday 27/01
    const doc = (handedOverAt: string) => incoming(1, '2023-01-19T16:55:00+07:00', { form: 'paper', signatureValidation: undefined, acknowledgedAt: undefined, registeredAt: '2023-01-19T16:58:00+07:00', handedOverAt });
    expect(ids(await run(unit({ incoming: [doc('2023-01-27T16:00:00+07:00')] }), '2023-01-31'), 'handlingTime')).toEqual([]);
    expect(ids(await run(unit({ incoming: [doc('2023-01-30T07:45:00+07:00')] }), '2023-01-31'), 'handlingTime')).toEqual(['handlingTime DOC-05 major handOver:VP-DEN/2023/1 2023-01-27']);
    // not handed over yet: nothing on 27/01 (the last day allowed), a finding from 28/01
    const pending = incoming(1, '2023-01-19T16:55:00+07:00', { handedOverAt: undefined });
    expect(ids(await run(unit({ incoming: [pending] }), '2023-01-27'), 'handlingTime')).toEqual([]);
    expect(ids(await run(unit({ incoming: [pending] }), '2023-01-28'), 'handlingTime')).toEqual(['handlingTime DOC-05 major handOver:VP-DEN/2023/1 2023-01-27']);
  });

  it('DOC-05: an urgent document received on a Saturday is handled that day; an ordinary one by Monday', async () => {
    const saturday = '2022-09-10T09:00:00+07:00';
    const doc = (urgency: 'urgent' | 'flash' | 'normal', handedOverAt: string) => incoming(1, saturday, { urgency, registeredAt: '2022-09-10T09:10:00+07:00', handedOverAt });
    expect(ids(await run(unit({ incoming: [doc('urgent', '2022-09-10T11:00:00+07:00')] }), '2022-09-30'), 'handlingTime')).toEqual([]);
    expect(ids(await run(unit({ incoming: [doc('flash', '2022-09-12T07:30:00+07:00')] }), '2022-09-30'), 'handlingTime')).toEqual(['handlingTime DOC-05 major handOver:VP-DEN/2022/1 2022-09-10']);
    expect(ids(await run(unit({ incoming: [doc('normal', '2022-09-12T16:00:00+07:00')] }), '2022-09-30'), 'handlingTime')).toEqual([]);
    expect(ids(await run(unit({ incoming: [doc('normal', '2022-09-13T08:00:00+07:00')] }), '2022-09-30'), 'handlingTime')).toEqual(['handlingTime DOC-05 major handOver:VP-DEN/2022/1 2022-09-12']);
  });

  it('DOC-05: outgoing documents dispatched the day they are numbered or the next working day', async () => {
    // numbered Friday 09/09/2022: Monday 12/09 is in time, Tuesday 13/09 late
    const d = (dispatchedAt: string) => unit({ outgoing: [outgoing(1, '2022-09-09', { registeredAt: '2022-09-09T16:00:00+07:00', dispatchedAt })] });
    expect(ids(await run(d('2022-09-12T16:59:00+07:00'), '2022-09-30'), 'handlingTime')).toEqual([]);
    expect(ids(await run(d('2022-09-13T07:30:00+07:00'), '2022-09-30'), 'handlingTime')).toEqual(['handlingTime DOC-05 major dispatch:VP-DI/2022/1 2022-09-12']);
  });

  it('no rule before NĐ 30/2020 took effect (05/03/2020)', async () => {
    const late = (day: string) => unit({ incoming: [incoming(1, `${day}T09:00:00+07:00`, { handedOverAt: undefined })] });
    expect(ids(await run(late('2020-03-04'), '2020-03-31'))).toEqual([]);
    expect(ids(await run(late('2020-03-05'), '2020-03-31'))).toEqual(['handlingTime DOC-05 major handOver:VP-DEN/2020/1 2020-03-06']);
  });

  it('DOC-06, Luật Lưu trữ 2024: the current archive by 31/12 of the year after the work ended', async () => {
    // work ended in 2025: the clock starts on 01/01/2026, under the 2024 law (V): due 31/12/2026
    const f = (currentArchiveOn?: string) => unit({ workFiles: [workFile('HS-1', 2025, currentArchiveOn ? { currentArchiveOn } : {})] });
    expect(ids(await run(f('2026-12-31'), '2027-03-01', '2026'), 'archiveSubmission')).toEqual([]);
    expect(ids(await run(f('2027-01-01'), '2027-03-01', '2027'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 major currentArchive:HS-1 2026-12-31']);
    expect(ids(await run(f(), '2026-12-31', '2026'), 'archiveSubmission')).toEqual([]);
    const [overdue] = await run(f(), '2027-01-01', '2027');
    expect(overdue).toMatchObject({ ruleId: 'DOC-06', severity: 'major', dueDate: '2026-12-31', legalBasis: [{ document: 'Luật Lưu trữ 2024', effectiveFrom: '2025-07-01', verification: 'confirmed' }] });
  });

  it('DOC-06: the historical archive within 5 years (2024 law) or the 2011 law\'s years (an option, unconfirmed)', async () => {
    const f = (currentArchiveOn: string, over = {}) => unit({ workFiles: [workFile('HS-1', 2024, { permanent: true, currentArchiveOn, ...over })] });
    // reached the current archive on 01/07/2025, the 2024 law's first day: 5 years, due 01/07/2030
    expect(ids(await run(f('2025-07-01'), '2030-07-01', '2030'), 'archiveSubmission')).toEqual([]);
    expect(ids(await run(f('2025-07-01'), '2030-07-02', '2030'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 major historicalArchive:HS-1 2030-07-01']);
    // on 30/06/2025, the 2011 law's last day: 10 years by default, due 30/06/2035, and a U rule: minor
    expect(ids(await run(f('2025-06-30'), '2030-07-02', '2030'), 'archiveSubmission')).toEqual([]);
    expect(ids(await run(f('2025-06-30'), '2035-07-01', '2035'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 minor historicalArchive:HS-1 2035-06-30']);
    expect(ids(await run(f('2025-06-30'), '2035-07-01', '2035', { unconfirmedRules: 'enforced' }), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 major historicalArchive:HS-1 2035-06-30']);
    // another law's 30 years; 29/02 plus 5 years is 28/02
    expect(ids(await run(f('2025-07-01', { historicalArchiveYears: 30 }), '2055-07-02', '2055'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 major historicalArchive:HS-1 2055-07-01']);
    const leap = unit({ workFiles: [workFile('HS-1', 2027, { permanent: true, currentArchiveOn: '2028-02-29' })] });
    expect(ids(await run(leap, '2033-02-28', '2033'), 'archiveSubmission')).toEqual([]);
    expect(ids(await run(leap, '2033-03-01', '2033'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 major historicalArchive:HS-1 2033-02-28']);
    // the 2011 law's years are options
    expect(ids(await run(f('2025-06-30'), '2032-07-01', '2032', { legacyArchiveYears: { current: 1, historical: 7 } }), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 minor historicalArchive:HS-1 2032-06-30']);
  });

  it('DOC-06 under the 2011 law: work ended 2022, due 31/12/2023, a minor finding (unconfirmed numbers)', async () => {
    const f = unit({ workFiles: [workFile('HS-1', 2022)] });
    expect(ids(await run(f, '2023-12-31', '2023'), 'archiveSubmission')).toEqual([]);
    expect(ids(await run(f, '2024-01-01', '2024'), 'archiveSubmission')).toEqual(['archiveSubmission DOC-06 minor currentArchive:HS-1 2023-12-31']);
  });

  it('DOC-07: a construction-investment file within 3 months of settlement (an option), minor', async () => {
    // settled 31/01/2024: three months on is 30/04/2024 (April has 30 days)
    const f = (currentArchiveOn?: string) => unit({ workFiles: [workFile('XD-1', 2024, { constructionInvestment: { projectId: 'DA-7', settledOn: '2024-01-31' }, ...(currentArchiveOn && { currentArchiveOn }) })] });
    expect(ids(await run(f('2024-04-30'), '2024-06-01', '2024'))).toEqual([]);
    expect(ids(await run(f('2024-05-01'), '2024-06-01', '2024'))).toEqual(['constructionFiles DOC-07 minor constructionFile:XD-1 2024-04-30']);
    expect(ids(await run(f(), '2024-05-01', '2024'))).toEqual(['constructionFiles DOC-07 minor constructionFile:XD-1 2024-04-30']);
    expect(ids(await run(f('2024-05-01'), '2024-08-01', '2024', { constructionFileMonths: 6 }))).toEqual([]); // due 31/07/2024
    // the rule dates from 2020 (01/01/2020 taken): a settlement on 31/12/2019 is not checked, one on 01/01/2020 is (due 01/04/2020)
    const settled = (settledOn: string) => unit({ workFiles: [workFile('XD-2', 2020, { constructionInvestment: { settledOn } })] });
    expect(ids(await run(settled('2019-12-31'), '2020-06-01', '2020'))).toEqual([]);
    expect(ids(await run(settled('2020-01-01'), '2020-06-01', '2020'))).toEqual(['constructionFiles DOC-07 minor constructionFile:XD-2 2020-04-01']);
  });

  it('DOC-08 (unconfirmed): the signer signature missing or failing, minor unless enforced', async () => {
    const r = unit({ outgoing: [outgoing(1, '2022-09-05', { signerSignature: undefined }), outgoing(2, '2022-09-05', { organisationSignature: { signedAt: '2022-09-05T09:00:00+07:00', validation: 'invalid' } })] });
    expect(ids(await run(r, '2022-09-30'), 'digitalSignatures')).toEqual(['digitalSignatures DOC-08 minor signatures:VP-DI/2022/1', 'digitalSignatures DOC-08 minor signatures:VP-DI/2022/2']);
    expect(ids(await run(r, '2022-09-30', '2022-09', { unconfirmedRules: 'enforced' }), 'digitalSignatures')).toEqual(['digitalSignatures DOC-08 major signatures:VP-DI/2022/1', 'digitalSignatures DOC-08 major signatures:VP-DI/2022/2']);
  });
});

describe('the metrics of criterion 7.1', () => {
  it('count the period, leaving classified documents out', async () => {
    // non-classified documents: outgoing 1, 2 (electronic), incoming 1 (electronic), 2 (paper): 3 / 4 = 75%;
    // non-classified outgoing 1, 2 both signed: 100%; work files ended 2022: 1 of 2 online: 50%
    expect(await metricsOf(good(), '2022-09-30')).toEqual({ 'eDocuments.electronicExchangeRate': 75, 'eDocuments.digitalSignatureRate': 100, 'eDocuments.onlineWorkFileRate': 50 });
    // a third of 3: 33.333...% half-up to 33.33; two thirds 66.67
    const thirds = unit({ outgoing: [outgoing(1, '2022-09-05'), outgoing(2, '2022-09-05', { form: 'paper' }), outgoing(3, '2022-09-05', { signerSignature: undefined })] });
    expect(await metricsOf(thirds, '2022-09-30')).toMatchObject({ 'eDocuments.electronicExchangeRate': 66.67, 'eDocuments.digitalSignatureRate': 33.33 });
  });

  it('assignments that arrived as electronic documents', async () => {
    const r = unit({
      incoming: [
        incoming(1, '2022-09-08T08:00:00+07:00', { directive: { documentId: 'tb-285', itemLabels: ['(3)', '(9)'] } }),
        incoming(2, '2022-09-08T09:00:00+07:00', { form: 'paper', directive: { documentId: 'kh-12', itemLabels: ['(1)'] } }),
      ],
    });
    // three assignments brought by documents, two electronically: 66.67%; with a fourth assignment that no document brought: 2 / 4 = 50%
    expect((await metricsOf(r, '2022-09-30'))['eDocuments.assignmentsReceivedElectronically']).toBe(66.67);
    const assignments = [{ unitId: 'vp', documentId: 'qd-7', itemLabel: '(2)', issuedOn: '2022-09-20' }];
    expect((await metricsOf(r, '2022-09-30', '2022-09', { assignments }))['eDocuments.assignmentsReceivedElectronically']).toBe(50);
  });
});
