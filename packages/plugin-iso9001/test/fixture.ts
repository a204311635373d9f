import { createPar, type Finding } from '@par/core';
import { createIso9001Plugin, REVIEW_INPUTS, type Iso9001Options } from '../src/index.js';

/** One QMS as the options take it. */
export type QmsInput = Iso9001Options['systems'][number];

/** A provincial department's QMS that passes every check at the end of 2024 (period 2024). */
export function good(): QmsInput & Required<Pick<QmsInput, 'processes' | 'documents' | 'audits' | 'nonconformities' | 'reviews' | 'announcements' | 'inspections' | 'annualReports' | 'objectives' | 'handledProcedures'>> {
  return {
    unitId: 'vp',
    unitKind: 'department',
    builtOn: '2023-01-10',
    standardVersion: '2015',
    frameworkModel: { code: 'HTQLCL-SỞ', issueNumber: '01', effectiveFrom: '2023-01-10', agencyType: 'department' },
    scope: { procedures: ['1.001', '1.002'], changedOn: '2023-01-10' },
    handledProcedures: [
      { code: '1.001', name: 'Cấp bản sao từ sổ gốc', processingTime: { unit: 'workingDays', amount: 3 } },
      { code: '1.002', name: 'Chứng thực chữ ký', processingTime: { unit: 'workingDays', amount: 2 }, legalBasisChangedOn: '2024-06-01' },
    ],
    policy: { approvedOn: '2023-01-15' },
    objectives: [{ year: 2024, items: [{ text: '95% hồ sơ đúng hạn', target: '95%', measured: 97 }] }],
    processes: [
      { procedureCode: '1.001', version: 'v1', effectiveFrom: '2023-01-10', processingTime: { unit: 'workingDays', amount: 3 } },
      { procedureCode: '1.002', version: 'v1', effectiveFrom: '2023-01-10', processingTime: { unit: 'workingDays', amount: 2 } },
      { procedureCode: '1.002', version: 'v2', effectiveFrom: '2024-07-01', processingTime: { unit: 'workingDays', amount: 2 } },
    ],
    documents: [{ id: 'QT-01', title: 'Kiểm soát tài liệu', version: '1', effectiveFrom: '2023-01-10', approvedOn: '2023-01-05' }],
    audits: [
      { date: '2023-02-01', auditors: ['Lò Văn A'], scopeCovered: ['1.001', '1.002'] },
      { date: '2024-03-15', auditors: ['Lò Văn A'], scopeCovered: ['1.001', '1.002'] },
    ],
    nonconformities: [
      { id: 'NC-1', raisedOn: '2024-03-15', description: 'Hồ sơ trễ hạn', actions: [{ description: 'Sửa quy trình', dueDate: '2024-04-15', doneOn: '2024-04-10' }], closedOn: '2024-05-01', effectivenessCheckedOn: '2024-04-30' },
    ],
    reviews: [
      { date: '2023-02-10', inputs: [...REVIEW_INPUTS['2015']] },
      { date: '2024-04-20', inputs: [...REVIEW_INPUTS['2015']] },
    ],
    announcements: [{ date: '2023-02-20', decision: 'QĐ 12/QĐ-UBND', scope: ['1.001', '1.002'], postedOn: '2023-02-21', publishedOnWebsiteOn: '2023-02-21', notifiedDepartmentOn: '2023-02-22' }],
    inspections: [
      { year: 2024, plan: { document: 'KH 12/KH-SKHCN', signedOn: '2024-03-01', windowFrom: '2024-07-15', windowTo: '2024-10-30' }, inspectedOn: '2024-09-10', method: 'onSite', selfReportSentOn: '2024-09-01', recommendations: [] },
    ],
    annualReports: [
      { year: 2023, sentOn: '2023-12-12' },
      { year: 2024, sentOn: '2024-12-10' },
    ],
  };
}

/** The instant 10:00 in Vietnam on a date. */
export const at = (date: string) => Date.parse(`${date}T10:00:00+07:00`);

/** Runs every check on one QMS at 10:00 on `date` for `period` (the date's year by default). */
export const run = (qms: QmsInput, date: string, period = date.slice(0, 4), options: Partial<Iso9001Options> = {}) =>
  createPar({ plugins: [createIso9001Plugin({ systems: [qms], ...options })] }).runChecks({ unitIds: [qms.unitId], period, now: at(date) });

/** The metrics of one QMS at 10:00 on `date`. */
export async function metricsOf(qms: QmsInput, date: string, period = date.slice(0, 4), options: Partial<Iso9001Options> = {}) {
  const { metrics, errors } = await createPar({ plugins: [createIso9001Plugin({ systems: [qms], ...options })] }).computeMetrics({ unitIds: [qms.unitId], period, now: at(date) });
  if (errors.length > 0) throw new Error(errors.map((e) => e.message.en).join('; '));
  return Object.fromEntries(metrics.map((m) => [m.metricId, m.value]));
}

/** `check severity kind:id` of the findings (of one check). */
export const ids = (findings: Finding[], check?: string) => findings.filter((f) => !check || f.checkId === check).map((f) => `${f.checkId} ${f.severity} ${f.subject.kind}:${f.subject.id}`);

/** The findings of one check. */
export const of = async (findings: Promise<Finding[]>, check: string) => (await findings).filter((f) => f.checkId === check);
