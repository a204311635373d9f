import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem, ParValidationError, type Finding } from '@par/core';
import { createIso9001Plugin, REVIEW_INPUTS, type Iso9001Options } from '../src/index.js';

type Qms = Iso9001Options['systems'][number];

/** A QMS that passes every check at the end of 2024. */
function good(): Qms {
  return {
    unitId: 'vp',
    standardVersion: '2015',
    scope: { procedures: ['1.001', '1.002'], changedOn: '2023-01-10' },
    handledProcedures: [
      { code: '1.001', name: 'Cấp bản sao từ sổ gốc', legalProcessingDays: 3 },
      { code: '1.002', name: 'Chứng thực chữ ký', legalProcessingDays: 2, legalBasisChangedOn: '2024-06-01' },
    ],
    policy: { approvedOn: '2023-01-15' },
    objectives: [{ year: 2024, items: [{ text: '95% hồ sơ đúng hạn', target: '95%', measured: 97 }] }],
    processes: [
      { procedureCode: '1.001', version: 'v1', effectiveFrom: '2023-01-10', processingDays: 3 },
      { procedureCode: '1.002', version: 'v1', effectiveFrom: '2023-01-10', processingDays: 2 },
      { procedureCode: '1.002', version: 'v2', effectiveFrom: '2024-07-01', processingDays: 2 },
    ],
    documents: [{ id: 'QT-01', title: 'Kiểm soát tài liệu', reviewDue: '2025-06-30' }],
    audits: [
      { date: '2023-02-01', auditors: ['Lò Văn A'], scopeCovered: ['1.001', '1.002'] },
      { date: '2024-03-15', auditors: ['Lò Văn A'], scopeCovered: ['1.001', '1.002'] },
    ],
    nonconformities: [
      { id: 'NC-1', raisedOn: '2024-03-15', description: 'Hồ sơ trễ hạn', actions: [{ description: 'Sửa quy trình', dueDate: '2024-04-15', doneOn: '2024-04-10' }], closedOn: '2024-05-01', effectivenessCheckedOn: '2024-04-30' },
    ],
    reviews: [
      { date: '2023-02-10', inputs: [...REVIEW_INPUTS] },
      { date: '2024-04-20', inputs: [...REVIEW_INPUTS] },
    ],
    announcements: [{ date: '2023-02-20', decision: 'QĐ 12/QĐ-UBND', scope: ['1.001', '1.002'], postedOn: '2023-02-21', notifiedDepartmentOn: '2023-02-22' }],
  };
}

const run = (qms: Qms, date: string, period = date.slice(0, 4), options: Partial<Iso9001Options> = {}) =>
  createPar({ plugins: [createIso9001Plugin({ systems: [qms], ...options })] }).runChecks({ unitIds: [qms.unitId], period, now: Date.parse(`${date}T10:00:00+07:00`) });
const ids = (findings: Finding[], check?: string) => findings.filter((f) => !check || f.checkId === check).map((f) => `${f.checkId} ${f.severity} ${f.subject.kind}:${f.subject.id}`);

describe('the ISO 9001 checks', () => {
  it('find nothing on a conforming QMS', () => {
    expect(run(good(), '2024-12-31')).toEqual([]);
  });

  it('scope: every handled procedure is covered', () => {
    const q = good();
    q.handledProcedures.push({ code: '1.003', name: 'Đăng ký khai sinh', legalProcessingDays: 1 });
    q.processes!.push({ procedureCode: '1.003', version: 'v1', effectiveFrom: '2024-01-02', processingDays: 1 });
    expect(ids(run(q, '2024-12-31'), 'scopeCoverage')).toEqual(['scopeCoverage major procedure:1.003']);
  });

  it('processes: one current process per procedure, no longer than the legal time', () => {
    const q = good();
    q.processes![0]!.processingDays = 4;
    expect(ids(run(q, '2024-12-31'), 'processTime')).toEqual(['processTime major process:1.001@v1']);
    q.processes![0]!.processingDays = 3;
    q.processes!.splice(0, 1);
    expect(ids(run(q, '2024-12-31'), 'processTime')).toEqual(['processTime major procedure:1.001']);
  });

  it('standard version: 2008 passes until 30/06/2021 and is critical from 1/7/2021 (rule versions by date)', () => {
    const q = { ...good(), standardVersion: '2008' as const };
    expect(ids(run(q, '2021-06-30'), 'standardVersion')).toEqual([]);
    const after = run(q, '2021-07-01');
    expect(ids(after, 'standardVersion')).toEqual(['standardVersion critical qms:vp']);
    expect(after.find((f) => f.checkId === 'standardVersion')!.legalBasis).toEqual([
      expect.objectContaining({ document: 'CV 419/BKHCN-TĐC', effectiveFrom: '2021-07-01', verification: 'confirmed' }),
    ]);
  });

  it('policy and objectives: present for the year, measured once the year is over', () => {
    const q = good();
    q.objectives![0]!.items[0]!.measured = null;
    expect(ids(run(q, '2024-12-31'), 'policyAndObjectives')).toEqual([]); // the year is not over yet
    expect(ids(run(q, '2025-01-02', '2024'), 'policyAndObjectives')).toEqual(['policyAndObjectives minor objective:2024#1']);
    expect(ids(run(good(), '2025-03-01'), 'policyAndObjectives')).toEqual(['policyAndObjectives major objectives:2025']);
    expect(ids(run({ ...good(), policy: undefined }, '2024-12-31'), 'policyAndObjectives')).toEqual(['policyAndObjectives major policy:vp']);
  });

  it('internal audit: within 365 days, to the day; then covering the whole scope', () => {
    expect(ids(run(good(), '2025-03-15', '2024'), 'internalAudit')).toEqual([]);
    expect(ids(run(good(), '2025-03-16', '2024'), 'internalAudit')).toEqual(['internalAudit major audit:vp']);
    expect(ids(run(good(), '2025-01-15', '2024', { auditIntervalDays: 300 }), 'internalAudit')).toEqual(['internalAudit major audit:vp']);
    const q = good();
    q.audits![1]!.scopeCovered = ['1.001'];
    expect(ids(run(q, '2024-12-31'), 'internalAudit')).toEqual(['internalAudit minor audit:vp']);
  });

  it('management review: within 365 days, to the day, with every clause 9.3 input', () => {
    expect(ids(run(good(), '2025-04-20', '2024'), 'managementReview')).toEqual([]);
    expect(ids(run(good(), '2025-04-21', '2024'), 'managementReview')).toEqual(['managementReview major review:vp']);
    const q = good();
    q.reviews![1]!.inputs = REVIEW_INPUTS.filter((i) => i !== 'risksAndOpportunities');
    const found = run(q, '2024-12-31').filter((f) => f.checkId === 'managementReview');
    expect(found.map((f) => f.message.en)).toEqual(['Management review of 2024-04-20 lacks inputs: risksAndOpportunities']);
  });

  it('announcement: after an audit and a review, posted and notified, redone after the scope changed', () => {
    const q = good();
    q.scope.changedOn = '2025-07-01'; // the merger
    expect(ids(run(q, '2025-06-30', '2025'), 'announcement')).toEqual([]);
    expect(ids(run(q, '2025-07-01', '2025'), 'announcement')).toEqual(['announcement major announcement:QĐ 12/QĐ-UBND']);
    const early = good();
    early.audits![0]!.date = '2023-03-01';
    expect(ids(run(early, '2024-12-31'), 'announcement')).toEqual(['announcement major announcement:QĐ 12/QĐ-UBND']);
    const unposted = good();
    delete unposted.announcements![0]!.notifiedDepartmentOn;
    expect(ids(run(unposted, '2024-12-31'), 'announcement')).toEqual(['announcement minor announcement:QĐ 12/QĐ-UBND']);
    expect(ids(run({ ...good(), announcements: [] }, '2024-12-31'), 'announcement')).toEqual(['announcement major announcement:vp']);
  });

  it('process updates: within 30 days of the legal basis changing, due date set', () => {
    const q = good();
    q.processes![2]!.effectiveFrom = '2024-07-02'; // 31 days after 1/6/2024
    expect(ids(run(q, '2024-07-01', '2024'), 'processUpdates')).toEqual([]); // still within the 30 days
    const late = run(q, '2024-07-02', '2024').filter((f) => f.checkId === 'processUpdates');
    expect(late.map((f) => [f.subject.id, f.dueDate])).toEqual([['1.002', '2024-07-01']]);
  });

  it('nonconformities: overdue actions from the day after, and closing without an effectiveness check', () => {
    const q = good();
    const nc = q.nonconformities![0]!;
    delete nc.actions![0]!.doneOn;
    delete nc.closedOn;
    expect(ids(run(q, '2024-04-15', '2024'), 'nonconformities')).toEqual([]);
    expect(ids(run(q, '2024-04-16', '2024'), 'nonconformities')).toEqual(['nonconformities major nonconformity:NC-1']);
    const closed = good();
    delete closed.nonconformities![0]!.effectivenessCheckedOn;
    expect(ids(run(closed, '2024-12-31'), 'nonconformities')).toEqual(['nonconformities major nonconformity:NC-1']);
  });

  it('controlled documents: past their review date from the day after', () => {
    expect(ids(run(good(), '2025-06-30', '2025'), 'controlledDocuments')).toEqual([]);
    expect(ids(run(good(), '2025-07-01', '2025'), 'controlledDocuments')).toEqual(['controlledDocuments minor document:QT-01']);
  });
});

describe('the ISO 9001 metrics', () => {
  it('gives coverage, audit and review in the period, overdue nonconformities and overall conformity', () => {
    const q = good();
    q.handledProcedures.push({ code: '1.003', name: 'Đăng ký khai sinh', legalProcessingDays: 1 });
    const par = createPar({ plugins: [createIso9001Plugin({ systems: [good(), { ...q, unitId: 'tp' }] })] });
    const { metrics, errors } = par.computeMetrics({ unitIds: ['vp', 'tp', 'nobody'], period: '2024', now: Date.parse('2024-12-31T10:00:00+07:00') });
    expect(errors).toEqual([]);
    const value = (unit: string, id: string) => metrics.find((m) => m.unitId === unit && m.metricId === id)?.value;
    expect([value('vp', 'iso9001.scopeCoverage'), value('tp', 'iso9001.scopeCoverage')]).toEqual([100, 66.67]);
    expect([value('vp', 'iso9001.auditDone'), value('vp', 'iso9001.reviewDone'), value('vp', 'iso9001.openOverdueNonconformities')]).toEqual([true, true, 0]);
    // tp's procedure 1.003 has no process and is outside the scope: major findings, so it does not conform
    expect([value('vp', 'iso9001.overallConformity'), value('tp', 'iso9001.overallConformity')]).toEqual([true, false]);
    expect(metrics.filter((m) => m.unitId === 'nobody')).toEqual([]);
  });
});

describe('findings become directive items', () => {
  it('turns a finding into a corrective task for the responsible unit', () => {
    const q = good();
    q.processes![2]!.effectiveFrom = '2024-08-15';
    const f = run(q, '2024-09-01', '2024').find((x) => x.checkId === 'processUpdates')!;
    const item = findingToDirectiveItem(f, { label: '(1)', criteria: [{ code: '7.3' }] });
    expect(item).toMatchObject({ label: '(1)', lead: [{ by: 'unit', unitId: 'vp' }], due: { kind: 'date', date: '2024-07-01' }, priority: 'high', criteria: [{ code: '7.3' }] });
    expect(item.summary.vi).toMatch(/^Khắc phục: Quy trình 1.002 chưa cập nhật/);
  });
});

describe('options', () => {
  it('are validated by path', () => {
    try {
      createIso9001Plugin({ systems: [{ ...good(), standardVersion: '2000' as never, audits: [{ date: '2024-02-30', auditors: [], scopeCovered: [] }] }] });
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).issues.map((i) => i.path.join('.'))).toEqual(['systems.0.standardVersion', 'systems.0.audits.0.date', 'systems.0.audits.0.auditors']);
    }
  });
});
