import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '@par/calendar';
import { ISO_RULES, REVIEW_INPUTS } from '../src/index.js';
import { good, ids, metricsOf, of, run } from './fixture.js';

describe('the rules as data', () => {
  it('each version names its rule, its document issue date and its validity window apart', async () => {
    // CV 419 was signed on 21/02/2018 and rules from that day; the 2008 version of QĐ 19/2014 (signed 05/03/2014)
    // was in force from 18/05/2014 to 20/02/2018
    expect(ISO_RULES.standardVersion.map((v) => [v.ruleId, v.legalBasis.signedOn, v.effectiveFrom, 'effectiveTo' in v ? v.effectiveTo : null])).toEqual([
      ['ISO-04', '2014-03-05', '2014-05-18', '2018-02-20'],
      ['ISO-04', '2018-02-21', '2018-02-21', null],
    ]);
    for (const versions of Object.values(ISO_RULES)) for (const v of versions) expect(v.ruleId).toMatch(/^(ISO-(0[1-9]|1[0-4])|cl\.\d+\.\d+)$/);
    const f = (await run({ ...good(), standardVersion: '2008', builtOn: '2016-05-01' }, '2021-06-30')).find((x) => x.checkId === 'standardVersion')!;
    expect(f.ruleId).toBe('ISO-04');
    expect(f.legalBasis).toEqual([expect.objectContaining({ document: 'CV 419/BKHCN-TĐC', signedOn: '2018-02-21', effectiveFrom: '2018-02-21', verification: 'confirmed' })]);
  });

  it('carry the verification tags of rules.md, the announcement as three rules', () => {
    const tag = (name: keyof typeof ISO_RULES) => ISO_RULES[name].map((v) => `${v.ruleId} ${v.legalBasis.verification}`);
    expect(tag('applicability')).toEqual(['ISO-01 confirmed', 'ISO-01 unconfirmed']); // V (list); U (coverage after 2025)
    expect(tag('scope')).toEqual(['ISO-02 partlyConfirmed']);
    expect(tag('frameworkModel')).toEqual(['ISO-03 partlyConfirmed']);
    expect(tag('announcementOrder')).toEqual(['ISO-05 unconfirmed']);
    expect([...tag('policy'), ...tag('yearlyObjectives')]).toEqual(['ISO-06 confirmed', 'ISO-06 unconfirmed']); // V (standard) / U (yearly)
    expect(tag('processes')).toEqual(['ISO-07 partlyConfirmed']);
    expect(tag('audit')).toEqual(['ISO-08 unconfirmed']);
    expect([...tag('reviewHeld'), ...tag('reviewInputs2015')]).toEqual(['ISO-09 unconfirmed', 'ISO-09 confirmed']); // U (frequency); the 9.3 inputs are the standard's
    expect(tag('announcement')).toEqual(['ISO-10 partlyConfirmed']);
    expect(ISO_RULES.announcement[0]!.legalBasis.article).toContain('TT 26/2014/TT-BKHCN');
    expect(tag('reAnnouncement')).toEqual(['ISO-11 unconfirmed']);
    expect(tag('processUpdates')).toEqual(['ISO-12 unconfirmed']);
    expect(tag('inspection')).toEqual(['ISO-13 confirmed']);
    expect(tag('annualReport')).toEqual(['ISO-14 unconfirmed']);
  });
});

describe('the ISO 9001 checks', () => {
  it('find nothing on a conforming QMS', async () => {
    expect(await run(good(), '2024-12-31')).toEqual([]);
  });

  it('unconfirmed rules: minor by default and outside overallConformity; the host can enforce them', async () => {
    const q = good();
    q.reviews.splice(1, 1); // no management review in 2024 (ISO-09 frequency, U)
    expect(ids(await run(q, '2025-01-02', '2024'), 'managementReview')).toEqual(['managementReview minor review:vp']);
    expect((await metricsOf(q, '2025-01-02', '2024'))['iso9001.overallConformity']).toBe(true);
    expect(ids(await run(q, '2025-01-02', '2024', { unconfirmedRules: 'enforced' }), 'managementReview')).toEqual(['managementReview major review:vp']);
    expect((await metricsOf(q, '2025-01-02', '2024', { unconfirmedRules: 'enforced' }))['iso9001.overallConformity']).toBe(false);
    // a confirmed rule (clause 10.2.1(d)) fails conformity either way
    const closed = good();
    delete closed.nonconformities[0]!.effectivenessCheckedOn;
    expect((await metricsOf(closed, '2024-12-31'))['iso9001.overallConformity']).toBe(false);
  });

  it('ISO-01: a unit not required to apply gets info findings only; districts drop out on 1/7/2025; a provincial plan requires', async () => {
    const commune = { ...good(), unitKind: 'communePeoplesCommittee' as const, policy: undefined };
    // every finding is for information, the framework model's (a commune model is expected) as well as the policy's
    expect(ids(await run(commune, '2024-12-31'))).toEqual(['applicability info qms:vp', 'frameworkModel info frameworkModel:HTQLCL-SỞ', 'policyAndObjectives info policy:vp']);
    expect((await metricsOf(commune, '2024-12-31'))['iso9001.required']).toBe(false);
    const office = { ...good(), unitKind: 'districtDepartment' as const, policy: undefined };
    expect(ids(await run(office, '2025-06-30', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives major policy:vp']);
    expect(ids(await run(office, '2025-07-01', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives info policy:vp']);
    const planned = { ...commune, requiredBy: { document: 'KH 5/KH-UBND', effectiveFrom: '2025-09-01' } };
    expect(ids(await run(planned, '2025-08-31', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives info policy:vp']);
    expect(ids(await run(planned, '2025-09-01', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives major policy:vp']);
    // a required unit whose QMS was not built yet: only ISO-01 speaks
    expect(ids(await run(good(), '2023-01-09'))).toEqual(['applicability major qms:vp']);
  });

  it('ISO-03: a local agency records the framework model of its type (QĐ 101/QĐ-BKHCN, 21/01/2019)', async () => {
    expect(ids(await run({ ...good(), frameworkModel: undefined }, '2024-12-31'), 'frameworkModel')).toEqual(['frameworkModel minor frameworkModel:vp']);
    const wrong = { ...good(), frameworkModel: { ...good().frameworkModel!, agencyType: 'commune' as const } };
    expect(ids(await run(wrong, '2024-12-31'), 'frameworkModel')).toEqual(['frameworkModel minor frameworkModel:HTQLCL-SỞ']);
    expect(ids(await run({ ...good(), frameworkModel: undefined, builtOn: '2019-01-20' }, '2024-12-31'), 'frameworkModel')).toEqual([]); // built before the model
    expect(ids(await run({ ...good(), frameworkModel: undefined, unitKind: 'ministry' }, '2024-12-31'), 'frameworkModel')).toEqual([]); // not a local agency
  });

  it('ISO-04: 2008 required before 21/02/2018; a new QMS uses 2015 from then; 2008 late on 30/06/2021 itself', async () => {
    const old = { ...good(), standardVersion: '2008' as '2008' | '2015', builtOn: '2016-05-01' };
    const check = async (q: typeof old, date: string) => ids(await run(q, date), 'standardVersion');
    expect(await check(old, '2018-02-20')).toEqual([]);
    // QĐ 19/2014 names 2008; QĐ 4109/QĐ-BKHCN (31/12/2015) published 2015 and withdrew 2008, so 2015 is accepted from then
    expect(await check({ ...old, standardVersion: '2015', builtOn: '2015-06-01' }, '2015-12-30')).toEqual(['standardVersion major qms:vp']);
    expect(await check({ ...old, standardVersion: '2015', builtOn: '2015-06-01' }, '2015-12-31')).toEqual([]);
    expect(await check({ ...old, standardVersion: '2015' }, '2018-02-20')).toEqual([]);
    expect(await check(old, '2018-02-21')).toEqual([]); // built before CV 419: in its transition
    expect(await check({ ...old, builtOn: '2018-02-20' }, '2021-06-29')).toEqual([]);
    expect(await check({ ...old, builtOn: '2018-02-21' }, '2018-03-01')).toEqual(['standardVersion major qms:vp']); // first built under CV 419
    expect(await check(old, '2021-06-29')).toEqual([]);
    expect(await check(old, '2021-06-30')).toEqual(['standardVersion critical qms:vp']); // "before 30/06/2021"
  });

  it('ISO-04/ISO-09: a QMS on 2008 is checked against the 2008 review inputs (cl. 5.6.2), not 2015s', async () => {
    const old = { ...good(), standardVersion: '2008' as const, builtOn: '2016-05-01', reviews: [{ date: '2020-06-01', inputs: [...REVIEW_INPUTS['2008']] as string[] as never[] }] };
    expect(ids(await run(old, '2020-12-31'), 'managementReview')).toEqual([]);
    old.reviews[0]!.inputs = [...REVIEW_INPUTS['2015']] as string[] as never[];
    const [f] = await of(run(old, '2020-12-31'), 'managementReview');
    // 2008 asks for customer feedback and the status of corrective and preventive actions, which 2015's list lacks
    expect(f!.message.en).toBe('Management review of 2020-06-01 lacks inputs (clause 5.6.2 (2008)): customerFeedback, correctiveAndPreventiveActions');
    expect(f!.legalBasis[0]!.verification).toBe('unconfirmed');
  });

  it('ISO-02: scope coverage against the published procedure list, not only the QMS file', async () => {
    const list = { unitId: 'vp', asOf: '2024-01-01', source: 'QĐ 100/QĐ-UBND', procedures: [{ code: '1.004', name: 'Đăng ký khai sinh', processingTime: { unit: 'workingDays' as const, amount: 1 } }] };
    const found = await run(good(), '2024-12-31', '2024', { publishedProcedureLists: [list] });
    expect(ids(found, 'scopeCoverage')).toEqual(['scopeCoverage major procedure:1.004']);
    expect(ids(found, 'processTime')).toEqual(['processTime major procedure:1.004']);
    expect(ids(await run(good(), '2023-12-31', '2023', { publishedProcedureLists: [list] }), 'scopeCoverage')).toEqual([]); // not published yet
    // 2 of the 3 procedures are in the scope: 2 / 3 = 66.666...% -> 66.67
    expect((await metricsOf(good(), '2024-12-31', '2024', { publishedProcedureLists: [list] }))['iso9001.scopeCoverage']).toBe(66.67);
    // the published legal time wins over the one typed into the QMS file: 2 working days against the process's 3
    const shorter = { ...list, procedures: [{ ...good().handledProcedures[0]!, processingTime: { unit: 'workingDays' as const, amount: 2 } }] };
    expect(ids(await run(good(), '2024-12-31', '2024', { publishedProcedureLists: [shorter] }), 'processTime')).toEqual(['processTime major process:1.001@v1']);
  });

  it('ISO-06: policy and objectives (confirmed), objectives of the year measured (yearly: unconfirmed)', async () => {
    const q = good();
    q.objectives[0]!.items[0]!.measured = null;
    expect(ids(await run(q, '2024-12-31'), 'policyAndObjectives')).toEqual([]); // the year is not over yet
    expect(ids(await run(q, '2025-01-02', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives minor objective:2024#1']);
    expect(ids(await run(good(), '2025-03-01'), 'policyAndObjectives')).toEqual(['policyAndObjectives minor objectives:2025']);
    expect(ids(await run({ ...good(), objectives: [] }, '2024-12-31'), 'policyAndObjectives')).toEqual(['policyAndObjectives major objectives:vp']);
    expect(ids(await run({ ...good(), policy: undefined }, '2024-12-31'), 'policyAndObjectives')).toEqual(['policyAndObjectives major policy:vp']);
  });

  it('ISO-08: an internal audit held in the period, covering the whole scope, judged once the period is over', async () => {
    const q = good();
    q.audits[1]!.scopeCovered = ['1.001'];
    expect(ids(await run(q, '2024-12-31'), 'internalAudit')).toEqual([]);
    expect(ids(await run(q, '2025-01-01', '2024'), 'internalAudit')).toEqual(['internalAudit minor audit:vp']);
    q.audits.splice(1, 1);
    const found = await of(run(q, '2025-01-01', '2024'), 'internalAudit');
    expect(found.map((f) => [f.message.en, f.ruleId])).toEqual([['No internal audit in 2024', 'ISO-08']]);
  });

  it('auditDone and reviewDone count what the checks count: held in the period, not after the reference date', async () => {
    const q = good();
    q.audits.splice(1, 1, { date: '2024-12-20', auditors: ['Lò Văn A'], scopeCovered: ['1.001', '1.002'] });
    q.reviews.splice(1, 1, { date: '2024-12-22', inputs: [...REVIEW_INPUTS['2015']] });
    expect(await metricsOf(q, '2024-12-15')).toMatchObject({ 'iso9001.auditDone': false, 'iso9001.reviewDone': false }); // planned, not held yet
    expect(await metricsOf(q, '2025-01-02', '2024')).toMatchObject({ 'iso9001.auditDone': true, 'iso9001.reviewDone': true });
    expect(ids(await run(q, '2025-01-02', '2024')).filter((x) => /internalAudit|managementReview/.test(x))).toEqual([]);
  });

  it('auditDone and reviewDone are false exactly when the closed period gets the "none held" finding (property)', async () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2023-07-01', n)); // 1/7/2023 to 30/6/2026
    await fc.assert(
      fc.asyncProperty(fc.array(day, { maxLength: 3 }), fc.array(day, { maxLength: 3 }), day, async (audits, reviews, ref) => {
        const q = { ...good(), audits: audits.map((date) => ({ date, auditors: ['A'], scopeCovered: ['1.001', '1.002'] })), reviews: reviews.map((date) => ({ date, inputs: [...REVIEW_INPUTS['2015']] })) };
        const m = await metricsOf(q, ref, '2024');
        const found = ids(await run(q, ref, '2024'));
        const closed = ref > '2024-12-31';
        // every audit covers the whole scope, so the only internal-audit finding is "none held in 2024"
        expect(found.includes('internalAudit minor audit:vp')).toBe(closed && !m['iso9001.auditDone']);
        expect(found.includes('managementReview minor review:vp')).toBe(closed && !m['iso9001.reviewDone']);
      }),
      { numRuns: 40 },
    );
  });

  it('ISO-09: the latest review of the period has every clause 9.3.2 input', async () => {
    const q = good();
    q.reviews[1]!.inputs = REVIEW_INPUTS['2015'].filter((i) => i !== 'risksAndOpportunities');
    expect((await of(run(q, '2024-12-31'), 'managementReview')).map((f) => f.message.en)).toEqual(['Management review of 2024-04-20 lacks inputs (clause 9.3.2): risksAndOpportunities']);
  });

  it('ISO-05 and ISO-10: announced after an audit and a review; sent, posted and on the website', async () => {
    const early = good();
    early.audits[0]!.date = '2023-03-01';
    const [order] = await of(run(early, '2024-12-31'), 'announcementOrder');
    expect([order!.severity, order!.ruleId, order!.message.en]).toEqual(['minor', 'ISO-05', 'Announcement QĐ 12/QĐ-UBND came before an internal audit']); // ISO-05 is unconfirmed
    const unsent = good();
    delete unsent.announcements[0]!.notifiedDepartmentOn;
    delete unsent.announcements[0]!.publishedOnWebsiteOn;
    const [f] = await of(run(unsent, '2024-12-31'), 'announcement');
    expect([f!.severity, f!.ruleId, f!.message.en]).toEqual(['minor', 'ISO-10', 'Announcement QĐ 12/QĐ-UBND: not sent to the Department of Science and Technology; not on the website']);
    expect(ids(await run({ ...good(), announcements: [] }, '2024-12-31'), 'announcement')).toEqual(['announcement major announcement:vp']);
  });

  it('ISO-11: re-announce within the grace period after a scope change, and announce the scope the QMS has', async () => {
    const q = good();
    q.scope = { procedures: ['1.001', '1.002', '1.003'], changedOn: '2025-07-01' }; // the merger brought procedure 1.003
    q.handledProcedures.push({ code: '1.003', name: 'Đăng ký khai sinh', processingTime: { unit: 'workingDays', amount: 1 } });
    const check = async (date: string, options = {}) => of(run(q, date, '2025', options), 'reAnnouncement');
    expect(await check('2025-07-31')).toEqual([]); // 1/7 + 30 days = 31/7
    expect((await check('2025-08-01')).map((f) => [f.severity, f.dueDate])).toEqual([['minor', '2025-07-31']]);
    expect((await check('2025-07-12', { reAnnouncementGraceDays: 10 })).map((f) => [f.severity, f.dueDate])).toEqual([['minor', '2025-07-11']]);
    expect((await check('2025-08-01', { unconfirmedRules: 'enforced' })).map((f) => f.severity)).toEqual(['major']);
    q.announcements.push({ date: '2025-07-20', decision: 'QĐ 40/QĐ-UBND', scope: ['1.001', '1.002'], postedOn: '2025-07-20', publishedOnWebsiteOn: '2025-07-20', notifiedDepartmentOn: '2025-07-21' });
    expect((await check('2025-12-31')).map((f) => f.message.en)).toEqual([
      'The scope announced by QĐ 40/QĐ-UBND differs from the QMS scope: not announced 1.003; announced but out of scope (none)',
    ]);
    q.announcements[1]!.scope.push('1.003');
    expect(await check('2025-12-31')).toEqual([]);
  });

  it('ISO-12: processes updated within the days after the legal basis changed, with the due date', async () => {
    const q = good();
    q.processes[2]!.effectiveFrom = '2024-07-02'; // 31 days after 1/6/2024
    expect(ids(await run(q, '2024-07-01'), 'processUpdates')).toEqual([]); // 1/6 + 30 days = 1/7: still in time
    expect((await of(run(q, '2024-07-02'), 'processUpdates')).map((f) => [f.subject.id, f.severity, f.dueDate])).toEqual([['1.002', 'minor', '2024-07-01']]);
  });

  it("ISO-13: the Department's yearly inspection: self-report, overdue recommendations, no inspection (info)", async () => {
    const q = good();
    q.inspections[0]!.recommendations = [{ description: 'Cập nhật quy trình 1.002', dueDate: '2024-11-30' }];
    expect(ids(await run(q, '2024-11-30'), 'inspection')).toEqual([]);
    const [f] = await of(run(q, '2024-12-01'), 'inspection');
    expect([f!.severity, f!.subject.id, f!.dueDate, f!.legalBasis.map((b) => b.document)]).toEqual(['major', '2024#1', '2024-11-30', ["the province's yearly QMS inspection plan", 'KH 12/KH-SKHCN']]);
    const noReport = good();
    delete noReport.inspections[0]!.selfReportSentOn;
    expect(ids(await run(noReport, '2024-12-31'), 'inspection')).toEqual(['inspection minor inspection:2024']);
    const notInspected = good();
    delete notInspected.inspections[0]!.inspectedOn;
    expect(ids(await run(notInspected, '2024-10-30'), 'inspection')).toEqual([]); // the window runs to 30/10
    expect(ids(await run(notInspected, '2024-10-31'), 'inspection')).toEqual(['inspection info inspection:2024']);
    expect(ids(await run(good(), '2026-01-01', '2025'), 'inspection')).toEqual(['inspection info inspection:2025']);
  });

  it('ISO-14: the yearly report, due by the configurable day (31/12 by default, unconfirmed)', async () => {
    const q = good();
    q.annualReports.splice(1, 1);
    expect(ids(await run(q, '2024-12-31'), 'annualReport')).toEqual([]);
    expect((await of(run(q, '2025-01-01', '2024'), 'annualReport')).map((f) => [f.severity, f.dueDate, f.ruleId])).toEqual([['minor', '2024-12-31', 'ISO-14']]);
    q.annualReports.push({ year: 2024, sentOn: '2025-01-05' });
    expect((await of(run(q, '2025-01-10', '2024'), 'annualReport')).map((f) => f.message.en)).toEqual(['The QMS report for 2024 was late (2025-01-05; due 2024-12-31)']);
    expect(ids(await run(good(), '2024-12-31', '2024', { annualReportDue: '12-15' }), 'annualReport')).toEqual([]); // sent 10/12
    expect(ids(await run(good(), '2024-12-31', '2024', { annualReportDue: '12-09' }), 'annualReport')).toEqual(['annualReport minor annualReport:2024']);
  });

  it('clause 10.2: overdue actions, a nonconformity closed with actions not done (10.2.1(c)) or unreviewed (10.2.1(d))', async () => {
    const open = good();
    delete open.nonconformities[0]!.actions![0]!.doneOn;
    delete open.nonconformities[0]!.closedOn;
    expect(ids(await run(open, '2024-04-15'), 'nonconformities')).toEqual([]);
    expect(ids(await run(open, '2024-04-16'), 'nonconformities')).toEqual(['nonconformities major correctiveAction:NC-1#1']);
    expect((await metricsOf(open, '2024-04-16'))['iso9001.openOverdueNonconformities']).toBe(1);
    const closed = good();
    delete closed.nonconformities[0]!.actions![0]!.doneOn;
    delete closed.nonconformities[0]!.effectivenessCheckedOn;
    const found = await of(run(closed, '2024-12-31'), 'nonconformities');
    expect(found.map((f) => `${f.subject.kind}:${f.subject.id} ${f.legalBasis[0]!.article}`)).toEqual(['correctiveAction:NC-1#1 cl. 10.2.1(c)', 'nonconformity:NC-1 cl. 10.2.1(d)']);
  });

  it('clause 7.5: each version approved when created or changed; a periodic review only as the unit opts in', async () => {
    expect(ids(await run(good(), '2026-12-31', '2026'), 'controlledDocuments')).toEqual([]); // no schedule in the standard
    // approved 5/1/2023, in use from 10/1/2023: 10/1/2023 + 365 days = 10/1/2024
    expect(ids(await run(good(), '2024-01-10', '2024', { documentReviewIntervalDays: 365 }), 'controlledDocuments')).toEqual([]);
    expect((await of(run(good(), '2024-01-11', '2024', { documentReviewIntervalDays: 365 }), 'controlledDocuments')).map((f) => [f.subject.id, f.severity, f.dueDate])).toEqual([['QT-01', 'minor', '2024-01-10']]);
    const q = good();
    q.documents.push({ id: 'QT-01', title: 'Kiểm soát tài liệu', version: '2', effectiveFrom: '2024-06-01', approvedOn: '2024-06-03' });
    expect(ids(await run(q, '2024-05-31'), 'controlledDocuments')).toEqual([]);
    expect(ids(await run(q, '2024-12-31'), 'controlledDocuments')).toEqual(['controlledDocuments minor document:QT-01@2']);
  });
});
