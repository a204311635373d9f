import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@par/calendar';
import { assignmentsOf, createUnitRegistry, parseDirectiveDocument } from '@par/core';
import { assignmentMetrics, assignmentStats, createLifecycle, lifecycleInputs, type AssignmentState } from '../src/index.js';

const lc = createLifecycle();
const cal = defaultCalendar();
const at = (d: string) => `${d}T09:00:00+07:00`;
const u = { unitId: 'A' };
const boss = { unitId: 'P' };
const start = (id: string, dueDate: string) => lc.start({ id, documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead', issuerId: 'P', delegates: [], nominalDueDate: dueDate, dueDate });
function run(s: AssignmentState, events: Record<string, unknown>[]) {
  for (const e of events) {
    const r = lc.send(s, e);
    if (!r.accepted) throw new Error(r.refusal.message);
    s = r.state;
  }
  return s;
}
const ack = (s: AssignmentState) => run(s, [{ type: 'ACKNOWLEDGE', by: u, at: at('2025-01-02') }]);
const finish = (s: AssignmentState, reportedOn: string) => run(s, [{ type: 'REPORT', by: u, at: at(reportedOn), content: 'x' }, { type: 'APPROVE', by: boss, at: at(reportedOn) }]);
const done = (s: AssignmentState, reportedOn: string) => finish(ack(s), reportedOn);

describe('assignment metrics', () => {
  it('counts on time, late, overdue, delay in working days and extensions, per unit and period', () => {
    const states = [
      done(start('a1', '2025-01-15'), '2025-01-14'),
      done(start('a2', '2025-01-15'), '2025-01-17'), // 2 working days late (16, 17)
      finish(
        run(ack(start('a3', '2025-02-05')), [
          { type: 'REQUEST_EXTENSION', by: u, at: at('2025-02-03'), reason: 'Chờ số liệu', dueDate: '2025-03-20' },
          { type: 'APPROVE_EXTENSION', by: boss, at: at('2025-02-04') },
        ]),
        '2025-03-24', // late by 21 and 24 March: 2 working days
      ),
      start('a4', '2025-03-10'), // open and overdue at 31 March
      run(start('a5', '2025-03-10'), [{ type: 'CANCEL', by: boss, at: at('2025-03-01'), reason: 'Không còn cần thiết' }]),
      start('a6', '2025-04-10'), // due in Q2
    ];
    const stats = assignmentStats(states, '2025-Q1', Date.parse(at('2025-03-31')), cal);
    expect(stats).toEqual([
      // a1 on time; a2 and a3 late (a3 against its extension, and against its original deadline); a4 overdue
      { unitId: 'A', period: '2025-Q1', assigned: 4, doneOnTime: 1, doneOnTimeOriginal: 1, doneLate: 2, openOverdue: 1, averageDelayWorkingDays: 2, extensionsGranted: 1, onTimeRate: 25, onTimeRateOriginal: 25 },
    ]);
    const metrics = assignmentMetrics(stats);
    expect(metrics.find((m) => m.metricId === 'taskOnTimeRate')).toEqual({ metricId: 'taskOnTimeRate', unitId: 'A', period: '2025-Q1', value: 25, source: '@par/lifecycle' });
    expect(metrics.map((m) => m.metricId)).toHaveLength(9);
  });
});

describe('rates and means round half up, exactly', () => {
  it('gives 3.13 for 1 of 32 (3.125) and 1.13 for a mean delay of 9/8 working days (1.125)', () => {
    // 32 due Wed 15/1/2025: one on time (14/1); seven late by 1 working day (Thu 16/1), one by 2 (Fri 17/1); 23 open
    // and overdue on 31/1. 1/32 = 3.125% and (7 × 1 + 2)/8 = 1.125
    const states = Array.from({ length: 32 }, (_, i) => {
      const s = start(`r${i}`, '2025-01-15');
      return i === 0 ? done(s, '2025-01-14') : i <= 7 ? done(s, '2025-01-16') : i === 8 ? done(s, '2025-01-17') : s;
    });
    expect(assignmentStats(states, '2025-01', Date.parse(at('2025-01-31')), cal)).toMatchObject([{ assigned: 32, doneOnTime: 1, doneLate: 8, openOverdue: 23, averageDelayWorkingDays: 1.13, onTimeRate: 3.13 }]);
  });
});

describe('lifecycles of a directive', () => {
  const registry = createUnitRegistry(
    {
      units: [
        { id: 'P', name: { vi: 'Tỉnh' }, kind: 'province', validFrom: '2000-01-01' },
        { id: 'A', name: { vi: 'Xã A' }, kind: 'commune', parentId: 'P', validFrom: '2000-01-01', validTo: '2025-06-30' },
        { id: 'B', name: { vi: 'Xã B' }, kind: 'commune', parentId: 'P', validFrom: '2000-01-01', validTo: '2025-06-30' },
        { id: 'AB', name: { vi: 'Xã AB' }, kind: 'commune', parentId: 'P', validFrom: '2025-07-01' },
      ],
    },
    { changes: [{ id: 'm', kind: 'merge', date: '2025-07-01', from: ['A', 'B'], into: 'AB', legalBasis: [{ document: 'NQ' }] }] },
  );

  it('gives each occurrence of a recurring duty its own lifecycle, on a working day, answered by the successor after a merger', () => {
    const doc = parseDirectiveDocument({
      id: 'kh',
      kind: 'plan',
      issuerId: 'P',
      signer: { name: 'B', title: { vi: 'Chủ tịch' } },
      signedOn: '2025-01-02',
      title: { vi: 'Kế hoạch' },
      items: [{ label: '1', summary: { vi: 'Báo cáo quý' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodic', schedule: { frequency: 'quarterly', day: 'last' }, from: '2025-01-01', until: '2025-12-31' } }],
    });
    const inputs = lifecycleInputs(doc, assignmentsOf(doc, { registry }), cal, ['V']);
    // 31/3 Mon and 30/6 Mon are working days; 30/9 Tue; 31/12 Wed; after 1 July, AB answers
    expect(inputs.map((i) => [i.id, i.unitId, i.nominalDueDate, i.period, i.dueDate])).toEqual([
      ['kh/1/A/lead#2025-03-31', 'A', '2025-03-31', '2025-Q1', '2025-03-31'],
      ['kh/1/A/lead#2025-06-30', 'A', '2025-06-30', '2025-Q2', '2025-06-30'],
      ['kh/1/AB/lead#2025-09-30', 'AB', '2025-09-30', '2025-Q3', '2025-09-30'],
      ['kh/1/AB/lead#2025-12-31', 'AB', '2025-12-31', '2025-Q4', '2025-12-31'],
    ]);
    // A and B both lead the item; after they merge into AB on 1/7, AB answers each later quarter once, for both
    const both = parseDirectiveDocument({ ...doc, items: [{ ...doc.items[0]!, lead: [{ by: 'unit', unitId: 'A' }, { by: 'unit', unitId: 'B' }] }] });
    const shared = lifecycleInputs(both, assignmentsOf(both, { registry }), cal);
    expect(shared.map((i) => i.id)).toEqual([
      'kh/1/A/lead#2025-03-31',
      'kh/1/B/lead#2025-03-31',
      'kh/1/A/lead#2025-06-30',
      'kh/1/B/lead#2025-06-30',
      'kh/1/AB/lead#2025-09-30',
      'kh/1/AB/lead#2025-12-31',
    ]);
    expect(inputs[0]!.delegates).toEqual(['V']);
    const yearEnd = parseDirectiveDocument({ ...doc, items: [{ ...doc.items[0]!, due: { kind: 'periodEnd', period: '2022' } }], signedOn: '2022-09-07' });
    const registry2022 = registry;
    // 31/12/2022 is a Saturday and 1-2/1/2023 are New Year days off: the deadline is Tuesday 3/1/2023
    // (the nominal date and its period stay: the task counts in 2022)
    expect(lifecycleInputs(yearEnd, assignmentsOf(yearEnd, { registry: registry2022 }), cal).map((i) => [i.nominalDueDate, i.period, i.dueDate])).toEqual([['2022-12-31', '2022', '2023-01-03']]);
  });
});
