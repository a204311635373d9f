// Issue 11: the nominal due date attributes, the moved deadline judges; extensions asked for in time; both
// lateness measures; lead assignments by default. Dates checked against the schedules in `@par/calendar`:
// 2023 New Year: Sun 1/1 holiday, Mon 2/1 compensatory; Tết 2023: Fri 20/1 to Thu 26/1 off.
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '@par/calendar';
import { assignmentMachine, assignmentStats, auditTrail, createLifecycle, type AssignmentInput, type AssignmentState, type LogEntry } from '../src/index.js';

const cal = defaultCalendar();
const lc = createLifecycle({ calendar: cal });
const at = (d: string, t = '09:00') => `${d}T${t}:00+07:00`;
const unit = { unitId: 'tckh' };
const issuer = { unitId: 'ubnd' };
// "by the end of 2022": Saturday 31/12/2022 moves past Sunday 1/1 and the compensatory Monday 2/1 to Tuesday 3/1/2023
const yearEnd: AssignmentInput = { id: 'tb/(4)/tckh/lead#2022-12-31', documentId: 'tb', itemLabel: '(4)', unitId: 'tckh', role: 'lead', issuerId: 'ubnd', delegates: [], nominalDueDate: '2022-12-31', period: '2022', dueDate: '2023-01-03' };

function run(events: Record<string, unknown>[], from: AssignmentState, layer = lc) {
  let s = from;
  const log: LogEntry[] = [];
  for (const e of events) {
    const r = layer.send(s, e);
    if (!r.accepted) throw new Error(`${String(e.type)} refused: ${r.refusal.code}`);
    s = r.state;
    log.push(r.entry);
  }
  return { s, log };
}
const refusal = (s: AssignmentState, e: Record<string, unknown>, layer = lc) => {
  const r = layer.send(s, e);
  return r.accepted ? 'accepted' : r.refusal.code;
};
const acknowledged = (input = yearEnd) => run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2022-09-09') }], lc.start(input)).s;

describe('attribution year: the nominal due date counts, the moved one judges', () => {
  const reportedOn = (day: string) => run([{ type: 'REPORT', by: unit, at: at(day), content: 'Báo cáo' }, { type: 'APPROVE', by: issuer, at: at(day, '16:00') }], acknowledged()).s;

  it('counts a task due by the end of 2022 in 2022, on time when reported on Tuesday 3/1/2023', () => {
    const s = reportedOn('2023-01-03');
    expect(s.context.outcome).toMatchObject({ result: 'onTime', onTimeOriginal: true, onTimeExtended: true, reportedOn: '2023-01-03' });
    const now = Date.parse(at('2023-02-06'));
    expect(assignmentStats([s], '2022', now, cal)).toMatchObject([{ unitId: 'tckh', assigned: 1, doneOnTime: 1, onTimeRate: 100 }]);
    expect(assignmentStats([s], '2022-Q4', now, cal)).toMatchObject([{ assigned: 1 }]);
    // not in 2023, where its moved deadline falls
    expect(assignmentStats([s], '2023', now, cal)).toEqual([]);
    expect(assignmentStats([s], '2023-Q1', now, cal)).toEqual([]);
  });

  it('is late on Wednesday 4/1/2023 by 1 working day, still in 2022', () => {
    const s = reportedOn('2023-01-04');
    expect(assignmentStats([s], '2022', Date.parse(at('2023-02-06')), cal)).toMatchObject([{ assigned: 1, doneOnTime: 0, doneLate: 1, averageDelayWorkingDays: 1, onTimeRate: 0 }]);
  });

  it('puts both dates on every audit line', () => {
    const { log } = run(
      [
        { type: 'ACKNOWLEDGE', by: unit, at: at('2022-09-09') },
        { type: 'REQUEST_EXTENSION', by: unit, at: at('2022-12-20'), reason: 'Chờ số liệu', dueDate: '2023-01-21' },
        { type: 'APPROVE_EXTENSION', by: issuer, at: at('2022-12-22') },
      ],
      lc.start(yearEnd),
    );
    const trail = auditTrail(yearEnd, log, at('2022-09-07'), Date.parse(at('2023-01-05')), cal, 'en');
    // Saturday 21/1/2023 is in Tết 2023 (20-26/1 off): the granted date moves to Friday 27/1
    expect(trail.lines.map((l) => [l.seq, l.nominalDueDate, l.dueDate])).toEqual([
      [1, '2022-12-31', '2023-01-03'],
      [2, '2022-12-31', '2023-01-03'],
      [3, '2022-12-31', '2023-01-27'],
    ]);
  });
});

describe('extensions: asked for in time, judged twice', () => {
  const ask = (day: string, time = '16:00') => ({ type: 'REQUEST_EXTENSION', by: unit, at: at(day, time), reason: 'Chờ số liệu Kho bạc', dueDate: '2023-01-31' });

  it('must arrive at least one working day before the deadline by default', () => {
    // deadline Tue 3/1/2023; the working day before it is Fri 30/12/2022 (31/12 Sat, 1/1 Sun, 2/1 compensatory)
    expect(refusal(acknowledged(), ask('2022-12-30'))).toBe('accepted');
    expect(refusal(acknowledged(), ask('2022-12-31', '08:00'))).toBe('lateExtensionRequest');
    expect(refusal(acknowledged(), ask('2023-01-02'))).toBe('lateExtensionRequest');
    expect(refusal(acknowledged(), ask('2023-01-03', '08:00'))).toBe('lateExtensionRequest');
  });

  it('takes the lead time as an option', () => {
    const sameDay = createLifecycle({ calendar: cal, extensionLeadWorkingDays: 0 });
    const twoDays = createLifecycle({ calendar: cal, extensionLeadWorkingDays: 2 });
    expect(refusal(acknowledged(), ask('2023-01-03'), sameDay)).toBe('accepted');
    expect(refusal(acknowledged(), ask('2023-01-04', '08:00'), sameDay)).toBe('lateExtensionRequest');
    // two working days before Tue 3/1/2023: Thu 29/12/2022
    expect(refusal(acknowledged(), ask('2022-12-29'), twoDays)).toBe('accepted');
    expect(refusal(acknowledged(), ask('2022-12-30'), twoDays)).toBe('lateExtensionRequest');
  });

  it('an overdue, escalated task cannot launder itself into on time, even with a permissive guard', () => {
    let s = acknowledged();
    // overdue from Wed 4/1/2023; 5 working days late on Tue 10/1 (4, 5, 6, 9, 10)
    for (const day of ['2023-01-04', '2023-01-10']) for (const { event } of lc.sweep([s], Date.parse(at(day, '07:00')))) s = run([event], s).s;
    expect([s.context.overdue, s.context.escalated]).toEqual([true, true]);
    expect(refusal(s, ask('2023-01-11'))).toBe('overdue');
    const permissive = createLifecycle({ calendar: cal, machine: assignmentMachine.provide({ guards: { isValidExtension: () => true } }) });
    expect(refusal(s, ask('2023-01-11'), permissive)).toBe('lateExtensionRequest');
    // reported late, it stays late on both counts
    const done = run([{ type: 'REPORT', by: unit, at: at('2023-01-11'), content: 'x' }, { type: 'APPROVE', by: issuer, at: at('2023-01-12') }], s).s;
    expect(done.context.outcome).toMatchObject({ result: 'late', onTimeOriginal: false, onTimeExtended: false });
  });

  it('reports lateness against the original deadline and against the extension', () => {
    const { s } = run(
      [
        ask('2022-12-20'),
        { type: 'APPROVE_EXTENSION', by: issuer, at: at('2022-12-22') },
        { type: 'REPORT', by: unit, at: at('2023-01-30'), content: 'Báo cáo' },
        { type: 'APPROVE', by: issuer, at: at('2023-01-31') },
      ],
      acknowledged(),
    );
    expect([s.context.originalDueDate, s.context.dueDate]).toEqual(['2023-01-03', '2023-01-31']);
    expect(s.context.outcome).toEqual({ result: 'onTime', onTimeOriginal: false, onTimeExtended: true, at: at('2023-01-31'), reportedOn: '2023-01-30' });
    expect(assignmentStats([s], '2022', Date.parse(at('2023-02-06')), cal)).toMatchObject([{ assigned: 1, doneOnTime: 1, doneOnTimeOriginal: 0, onTimeRate: 100, onTimeRateOriginal: 0 }]);
  });

  it('moves an approved extended date that falls on a day off', () => {
    // asked for Saturday 21/1/2023 (Tết), granted as asked: Friday 27/1; granted as Sunday 5/2: Monday 6/2
    const asked = run([{ ...ask('2022-12-20'), dueDate: '2023-01-21' }], acknowledged()).s;
    expect(run([{ type: 'APPROVE_EXTENSION', by: issuer, at: at('2022-12-22') }], asked).s.context.dueDate).toBe('2023-01-27');
    const other = run([{ type: 'APPROVE_EXTENSION', by: issuer, at: at('2022-12-22'), dueDate: '2023-02-05' }], asked).s;
    expect([other.context.dueDate, other.context.extensions[0]?.to]).toEqual(['2023-02-06', '2023-02-06']);
  });
});

describe('the task on-time rate counts lead assignments by default', () => {
  it('leaves coordinating assignments out unless asked', () => {
    const lead = acknowledged();
    const coordinating = acknowledged({ ...yearEnd, id: 'tb/(2)/tckh/coordinating#2022-12-31', itemLabel: '(2)', role: 'coordinating' });
    const now = Date.parse(at('2023-02-06'));
    // both open and overdue at 6/2/2023 (deadline 3/1/2023)
    expect(assignmentStats([lead, coordinating], '2022', now, cal)).toMatchObject([{ assigned: 1, openOverdue: 1, onTimeRate: 0 }]);
    expect(assignmentStats([lead, coordinating], '2022', now, cal, { roles: ['lead', 'coordinating'] })).toMatchObject([{ assigned: 2, openOverdue: 2 }]);
    expect(assignmentStats([coordinating], '2022', now, cal)).toEqual([]);
  });
});
