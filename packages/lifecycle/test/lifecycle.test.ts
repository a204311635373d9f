import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, ParValidationError } from '@par/calendar';
import { assignmentMachine, createLifecycle, createMemoryStore, ParConflictError, type AssignmentState, type LogEntry } from '../src/index.js';

const lc = createLifecycle();
const input = { id: 'tb/(4)/tckh/lead#2025-02-05', documentId: 'tb', itemLabel: '(4)', unitId: 'tckh', role: 'lead' as const, issuerId: 'ubnd', delegates: ['vp'], nominalDueDate: '2025-02-05', dueDate: '2025-02-05' };
const at = (d: string, t = '09:00') => `${d}T${t}:00+07:00`;
const unit = { unitId: 'tckh' };
const issuer = { unitId: 'ubnd', person: 'Trần Bảo Trung' };
const delegate = { unitId: 'vp' };

function run(events: Record<string, unknown>[], from = lc.start(input)) {
  let s = from;
  for (const e of events) {
    const r = lc.send(s, e);
    if (!r.accepted) throw new Error(`${String(e.type)} refused: ${r.refusal.message}`);
    s = r.state;
  }
  return s;
}

describe('transitions', () => {
  it('goes issued -> acknowledged -> in progress -> reported -> under review -> done (on time)', () => {
    const steps: [Record<string, unknown>, string][] = [
      [{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }, 'acknowledged'],
      [{ type: 'START', by: unit, at: at('2025-01-13') }, 'inProgress'],
      [{ type: 'REPORT', by: unit, at: at('2025-02-05', '16:30'), content: 'Báo cáo số 12/BC-TCKH', attachments: [{ title: 'BC 12' }] }, 'reported'],
      [{ type: 'BEGIN_REVIEW', by: delegate, at: at('2025-02-06') }, 'underReview'],
      [{ type: 'APPROVE', by: issuer, at: at('2025-02-10') }, 'done'],
    ];
    let s = lc.start(input);
    expect([s.state, s.version]).toEqual(['issued', 0]);
    for (const [event, state] of steps) {
      const r = lc.send(s, event);
      expect(r.accepted && [r.state.state, r.entry.seq, r.entry.state]).toEqual([state, s.version + 1, state]);
      s = r.state;
    }
    expect(s.context.outcome).toEqual({ result: 'onTime', onTimeOriginal: true, onTimeExtended: true, at: at('2025-02-10'), reportedOn: '2025-02-05' });
  });

  it('is late when reported after the deadline, even if approved later', () => {
    const s = run([
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'REPORT', by: unit, at: at('2025-02-06', '08:00'), content: 'x' },
      { type: 'APPROVE', by: issuer, at: at('2025-02-07') },
    ]);
    expect(s.context.outcome?.result).toBe('late');
  });

  it('returns for rework, then completes', () => {
    const s = run([
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'REPORT', by: unit, at: at('2025-01-20'), content: 'Bản đầu' },
      { type: 'RETURN', by: issuer, at: at('2025-01-21'), reason: 'Thiếu số liệu giải ngân' },
    ]);
    expect([s.state, s.context.returns]).toEqual(['returned', [{ at: at('2025-01-21'), reason: 'Thiếu số liệu giải ngân' }]]);
    const done = run(
      [
        { type: 'START', by: unit, at: at('2025-01-22') },
        { type: 'REPORT', by: unit, at: at('2025-02-04'), content: 'Bản sửa' },
        { type: 'APPROVE', by: issuer, at: at('2025-02-05') },
      ],
      s,
    );
    expect([done.state, done.context.outcome?.result, done.context.report?.content]).toEqual(['done', 'onTime', 'Bản sửa']);
  });

  it('moves the deadline by an approved extension and comes back to where it was', () => {
    const s = run([
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'START', by: unit, at: at('2025-01-13') },
      { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-02-03'), reason: 'Chờ số liệu Kho bạc', dueDate: '2025-02-28' },
    ]);
    expect([s.state, s.context.pendingExtension?.resumeTo]).toEqual(['extensionRequested', 'inProgress']);
    const granted = run([{ type: 'APPROVE_EXTENSION', by: delegate, at: at('2025-02-04') }], s);
    expect([granted.state, granted.context.dueDate, granted.context.originalDueDate, granted.context.extensions]).toEqual([
      'inProgress',
      '2025-02-28',
      '2025-02-05',
      [{ from: '2025-02-05', to: '2025-02-28', reason: 'Chờ số liệu Kho bạc', at: at('2025-02-04') }],
    ]);
    const refused = run([{ type: 'REJECT_EXTENSION', by: issuer, at: at('2025-02-04'), reason: 'Không có căn cứ' }], s);
    expect([refused.state, refused.context.dueDate, refused.context.pendingExtension]).toEqual(['inProgress', '2025-02-05', undefined]);
  });

  it('cancels from any open state, and takes nothing after', () => {
    for (const before of [[], [{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }], [{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }, { type: 'REPORT', by: unit, at: at('2025-01-11'), content: 'x' }]]) {
      const s = run([...before, { type: 'CANCEL', by: issuer, at: at('2025-01-15'), reason: 'Đã gộp vào nhiệm vụ khác' }]);
      expect([s.state, s.context.cancelled?.reason]).toEqual(['cancelled', 'Đã gộp vào nhiệm vụ khác']);
      const r = lc.send(s, { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-16') });
      expect(!r.accepted && r.refusal.code).toBe('closed');
    }
  });
});

describe('refusals change nothing and say why', () => {
  const acknowledged = () => run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }]);
  const cases: [string, () => AssignmentState, Record<string, unknown>, string][] = [
    ['another unit acknowledges', () => lc.start(input), { type: 'ACKNOWLEDGE', by: { unitId: 'nv' }, at: at('2025-01-10') }, 'notAssignedUnit'],
    ['a report before acknowledgement', () => lc.start(input), { type: 'REPORT', by: unit, at: at('2025-01-10'), content: 'x' }, 'notAllowed'],
    ['a report with no content', acknowledged, { type: 'REPORT', by: unit, at: at('2025-01-10'), content: '   ' }, 'emptyReport'],
    ['the unit approves itself', () => run([{ type: 'REPORT', by: unit, at: at('2025-01-11'), content: 'x' }], acknowledged()), { type: 'APPROVE', by: unit, at: at('2025-01-12') }, 'notIssuer'],
    ['a return with no reason', () => run([{ type: 'REPORT', by: unit, at: at('2025-01-11'), content: 'x' }], acknowledged()), { type: 'RETURN', by: issuer, at: at('2025-01-12'), reason: '' }, 'reasonRequired'],
    ['an extension to an earlier date', acknowledged, { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-01-12'), reason: 'x', dueDate: '2025-02-01' }, 'invalidExtension'],
    ['an extension with no reason', acknowledged, { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-01-12'), reason: '', dueDate: '2025-03-01' }, 'invalidExtension'],
    ['the unit grants its own extension', () => run([{ type: 'REQUEST_EXTENSION', by: unit, at: at('2025-01-12'), reason: 'x', dueDate: '2025-03-01' }], acknowledged()), { type: 'APPROVE_EXTENSION', by: unit, at: at('2025-01-13') }, 'notIssuer'],
    ['another unit cancels', acknowledged, { type: 'CANCEL', by: { unitId: 'nv' }, at: at('2025-01-13'), reason: 'x' }, 'notIssuer'],
    ['escalation before overdue', acknowledged, { type: 'ESCALATE', by: { unitId: 'system' }, at: at('2025-01-13'), workingDaysOverdue: 0 }, 'notOverdue'],
    ['a review of an unreported assignment', acknowledged, { type: 'BEGIN_REVIEW', by: issuer, at: at('2025-01-13') }, 'notAllowed'],
  ];
  it.each(cases)('%s', (_name, make, event, code) => {
    const s = make();
    const r = lc.send(s, event);
    expect(r.accepted).toBe(false);
    if (!r.accepted) {
      expect(r.refusal.code).toBe(code);
      expect(r.refusal.message.length).toBeGreaterThan(10);
      expect(r.state).toBe(s);
    }
  });

  it('rejects a malformed event by path', () => {
    try {
      lc.send(lc.start(input), { type: 'REPORT', by: {}, at: 'tomorrow' });
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).issues.map((i) => i.path.join('.'))).toEqual(['by.unitId', 'at', 'content']);
    }
  });

  it('lets a host provide its own guard', () => {
    const strict = createLifecycle({ machine: assignmentMachine.provide({ guards: { isIssuerOrDelegate: ({ context, event }) => event.by.unitId === context.issuerId } }) });
    const reported = run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }, { type: 'REPORT', by: unit, at: at('2025-01-11'), content: 'x' }]);
    const r = strict.send(reported, { type: 'APPROVE', by: delegate, at: at('2025-01-12') });
    expect(!r.accepted && r.refusal.code).toBe('notIssuer');
    expect(lc.send(reported, { type: 'APPROVE', by: delegate, at: at('2025-01-12') }).accepted).toBe(true);
  });
});

describe('sweep: reminders, overdue, escalation', () => {
  const sweepOn = (s: AssignmentState, day: string) => lc.sweep([s], Date.parse(at(day, '08:00')));
  const apply = (s: AssignmentState, day: string) => {
    for (const { event } of sweepOn(s, day)) {
      const r = lc.send(s, event);
      expect(r.accepted).toBe(true);
      s = r.state;
    }
    return s;
  };

  it('reminds 3 working days before across Tết and on the day, then marks overdue and escalates after 5 working days', () => {
    let s = run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }]);
    // due Wed 5/2/2025; Tết is 25/1-2/2; working days after Thu 23/1: 24/1, 3/2, 4/2, 5/2 = 4
    expect(sweepOn(s, '2025-01-23')).toEqual([]);
    expect(sweepOn(s, '2025-01-24').map((e) => [e.event.type, 'key' in e.event && e.event.key])).toEqual([['REMIND', '2025-02-05/3']]);
    s = apply(s, '2025-01-24');
    expect(sweepOn(s, '2025-01-31')).toEqual([]); // sent once
    expect(sweepOn(s, '2025-02-05').map((e) => 'key' in e.event && e.event.key)).toEqual(['2025-02-05/0']);
    s = apply(s, '2025-02-05');
    expect(sweepOn(s, '2025-02-06').map((e) => e.event.type)).toEqual(['MARK_OVERDUE']);
    s = apply(s, '2025-02-06');
    expect([s.state, s.context.overdue]).toEqual(['acknowledged', true]);
    // 5 working days overdue on Wed 12/2 (6, 7, 10, 11, 12)
    expect(sweepOn(s, '2025-02-11')).toEqual([]);
    expect(sweepOn(s, '2025-02-12').map((e) => [e.event.type, 'workingDaysOverdue' in e.event && e.event.workingDaysOverdue])).toEqual([['ESCALATE', 5]]);
    s = apply(s, '2025-02-12');
    expect(sweepOn(s, '2025-02-20')).toEqual([]);
    // the same sweep events sent twice change nothing
    const again = lc.sweep([run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }])], Date.parse(at('2025-02-12')));
    let t = run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }]);
    for (const { event } of again) t = (lc.send(t, event) as { state: AssignmentState }).state;
    for (const { event } of again) expect(lc.send(t, event).accepted).toBe(false);
  });

  it('clears overdue when an extension asked for in time is granted after the deadline, and reminds for the new one', () => {
    // asked for on Tue 4/2, one working day before the deadline Wed 5/2; marked overdue on 6/2 while pending
    let s = run([
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-02-04'), reason: 'Chờ số liệu', dueDate: '2025-02-28' },
    ]);
    s = apply(s, '2025-02-06');
    expect([s.state, s.context.overdue]).toEqual(['extensionRequested', true]);
    s = run([{ type: 'APPROVE_EXTENSION', by: issuer, at: at('2025-02-07') }], s);
    expect([s.context.overdue, s.context.dueDate]).toEqual([false, '2025-02-28']);
    expect(sweepOn(s, '2025-02-13')).toEqual([]);
    // 26, 27 and 28 February: 3 working days left on 25 February
    expect(sweepOn(s, '2025-02-25').map((e) => 'key' in e.event && e.event.key)).toEqual(['2025-02-28/3']);
  });

  it('leaves reported, done and cancelled assignments alone', () => {
    const reported = run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }, { type: 'REPORT', by: unit, at: at('2025-01-11'), content: 'x' }]);
    expect(sweepOn(reported, '2025-03-01')).toEqual([]);
  });
});

describe('persistence and audit', () => {
  it('replays the log to the same state, and restores a working actor', () => {
    const events = [
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-01-12'), reason: 'x', dueDate: '2025-03-01' },
      { type: 'APPROVE_EXTENSION', by: issuer, at: at('2025-01-13') },
      { type: 'REPORT', by: unit, at: at('2025-02-20'), content: 'x' },
    ];
    const log: LogEntry[] = [];
    let s = lc.start(input);
    for (const e of events) {
      const r = lc.send(s, e);
      if (r.accepted) {
        log.push(r.entry);
        s = r.state;
      }
    }
    expect(lc.replay(input, JSON.parse(JSON.stringify(log)))).toEqual(s);
    const actor = lc.actor(JSON.parse(JSON.stringify(s)));
    actor.send({ type: 'APPROVE', by: issuer, at: at('2025-02-21') });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.outcome?.result).toBe('onTime');
  });

  it('replays any random sequence of events to the same state (property)', () => {
    const actors = [unit, issuer, delegate, { unitId: 'nv' }, { unitId: 'system' }];
    const eventArb = fc.record({
      type: fc.constantFrom('ACKNOWLEDGE', 'START', 'REPORT', 'BEGIN_REVIEW', 'APPROVE', 'RETURN', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REJECT_EXTENSION', 'CANCEL', 'REMIND', 'MARK_OVERDUE', 'ESCALATE'),
      by: fc.constantFrom(...actors),
      day: fc.integer({ min: 1, max: 28 }),
      text: fc.constantFrom('', 'lý do', 'Báo cáo'),
      due: fc.constantFrom('2025-01-20', '2025-03-10', '2025-04-30'),
      key: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (raw) => {
        let s = lc.start(input);
        const log: LogEntry[] = [];
        for (const r of raw) {
          const when = at(`2025-02-${String(r.day).padStart(2, '0')}`);
          const event: Record<string, unknown> = { type: r.type, by: r.by, at: when };
          if (r.type === 'REPORT') event.content = r.text;
          if (['RETURN', 'REJECT_EXTENSION', 'CANCEL', 'REQUEST_EXTENSION'].includes(r.type)) event.reason = r.text;
          if (r.type === 'REQUEST_EXTENSION') event.dueDate = r.due;
          if (r.type === 'REMIND') Object.assign(event, { key: r.key, workingDaysLeft: 1 });
          if (r.type === 'ESCALATE') event.workingDaysOverdue = 5;
          const result = lc.send(s, event);
          if (result.accepted) {
            log.push(result.entry);
            s = result.state;
          } else expect(result.state).toBe(s);
        }
        expect(lc.replay(input, JSON.parse(JSON.stringify(log)))).toEqual(s);
        expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a stale append and writes nothing', async () => {
    const store = createMemoryStore();
    const r = lc.send(lc.start(input), { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') });
    if (!r.accepted) throw new Error('refused');
    expect(await store.append(input.id, [r.entry], 0)).toBe(1);
    await expect(store.append(input.id, [r.entry], 0)).rejects.toSatisfy((e: unknown) => ParConflictError.isInstance(e) && e.actualVersion === 1);
    expect((await store.load(input.id)).version).toBe(1);
    expect(await store.load('nobody')).toEqual({ entries: [], version: 0 });
  });
});

describe('the audit view', () => {
  it('tells the history in Vietnamese and English, with working days per state', async () => {
    const { auditTrail } = await import('../src/index.js');
    const log: LogEntry[] = [];
    let s = lc.start(input);
    for (const e of [
      { type: 'ACKNOWLEDGE', by: { unitId: 'tckh', person: 'Lò Văn A' }, at: at('2025-01-20') },
      { type: 'REQUEST_EXTENSION', by: unit, at: at('2025-01-22'), reason: 'Chờ số liệu', dueDate: '2025-02-28' },
      { type: 'APPROVE_EXTENSION', by: issuer, at: at('2025-02-04') },
      { type: 'REPORT', by: unit, at: at('2025-02-10'), content: 'x' },
    ]) {
      const r = lc.send(s, e);
      if (r.accepted) {
        log.push(r.entry);
        s = r.state;
      }
    }
    const vi = auditTrail(input, log, at('2025-01-17'), Date.parse(at('2025-02-12')), defaultCalendar(), 'vi');
    expect(vi.lines.map((l) => `${l.who}: ${l.what}`)).toEqual([
      'Lò Văn A (tckh): tiếp nhận nhiệm vụ',
      'tckh: đề nghị gia hạn → 2025-02-28: Chờ số liệu',
      'Trần Bảo Trung (ubnd): đồng ý gia hạn',
      'tckh: gửi báo cáo kết quả',
    ]);
    // issued Fri 17/1 -> Mon 20/1 (1 working day); acknowledged 20/1 -> 22/1 (2) and 4/2 -> 10/2 (4);
    // extension requested 22/1 -> 4/2 (23, 24, 3, 4 = 4 across Tết); reported 10/2 -> 12/2 (2)
    expect(vi.durations).toEqual([
      { state: 'issued', calendarDays: 3, workingDays: 1 },
      { state: 'acknowledged', calendarDays: 8, workingDays: 6 },
      { state: 'extensionRequested', calendarDays: 13, workingDays: 4 },
      { state: 'reported', calendarDays: 2, workingDays: 2 },
    ]);
    expect(auditTrail(input, log, at('2025-01-17'), Date.parse(at('2025-02-12')), defaultCalendar(), 'en').lines[3]!.what).toBe('reported the result');
  });
});
