// Issue 12: a lifecycle log is untrusted input. Each attack on lifecycle logs seen in the issue is a case here.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { createLifecycle, createMemoryStore, type AssignmentInput, type AssignmentState, type LogEntry } from '../src/index.js';

const lc = createLifecycle();
const at = (d: string, t = '09:00') => `${d}T${t}:00+07:00`;
// the trusted input, as lifecycleInputs builds it from the directive and the registry; due Wednesday 5/2/2025
const input: AssignmentInput = { id: 'tb/(4)/tckh/lead#2025-02-05', documentId: 'tb', itemLabel: '(4)', unitId: 'tckh', role: 'lead', issuerId: 'ubnd', delegates: ['vp'], nominalDueDate: '2025-02-05', dueDate: '2025-02-05' };
const unit = { unitId: 'tckh' };
const issuer = { unitId: 'ubnd' };
const system = { unitId: 'system' };

function run(events: Record<string, unknown>[], from: AssignmentState = lc.start(input)) {
  let s = from;
  const log: LogEntry[] = [];
  for (const e of events) {
    const r = lc.send(s, e);
    if (!r.accepted) throw new Error(`${String(e.type)} refused: ${r.refusal.code}`);
    s = r.state;
    log.push(r.entry);
  }
  return { s, log };
}
/** The issues `replay` throws, as `path code`. */
function replayIssues(entries: unknown, trusted: AssignmentInput = input): string[] {
  try {
    lc.replay(trusted, entries as LogEntry[]);
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
  }
  return [];
}
/** A deep, writable copy. */
const copy = <T>(x: T): { -readonly [K in keyof T]: { -readonly [P in keyof T[K]]: T[K][P] } } => JSON.parse(JSON.stringify(x));

// A valid history: acknowledged, reminded 3 working days before (Fri 31/1: 3, 4, 5 February after Tết), reported on
// the day, approved by the delegate office.
const valid = run([
  { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
  { type: 'REMIND', by: system, at: '2025-01-31T00:00:00.000Z', key: '2025-02-05/3', workingDaysLeft: 3 },
  { type: 'REPORT', by: unit, at: at('2025-02-05', '16:30'), content: 'Báo cáo số 12/BC-TCKH' },
  { type: 'APPROVE', by: { unitId: 'vp' }, at: at('2025-02-06') },
]);
// An overdue history: marked overdue on Thu 6/2, escalated on Wed 12/2 (6, 7, 10, 11, 12: 5 working days).
const overdue = run([
  { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
  { type: 'MARK_OVERDUE', by: system, at: '2025-02-06T00:00:00.000Z' },
  { type: 'ESCALATE', by: system, at: '2025-02-12T00:00:00.000Z', workingDaysOverdue: 5 },
]);

describe('replay trusts the directive, not the log', () => {
  it('replays a valid log to the live state', () => {
    expect(lc.replay(input, copy(valid.log))).toEqual(valid.s);
    expect(lc.replay(input, copy(overdue.log))).toEqual(overdue.s);
  });

  it('refuses a log written for a forged input (itself as issuer, deadline 2099, report then self-approval)', () => {
    const forged = [
      { type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') },
      { type: 'REPORT', by: unit, at: at('2025-03-01'), content: 'Đã hoàn thành' },
      { type: 'APPROVE', by: unit, at: at('2025-03-01', '10:00') },
    ].map((event, i) => ({ assignmentId: input.id, seq: i + 1, event, state: ['acknowledged', 'reported', 'done'][i] }));
    expect(replayIssues(forged)).toEqual(['2.event refused.notIssuer']);
    // even replayed with the forged input itself, the unit cannot approve its own report
    expect(replayIssues(forged, { ...input, issuerId: 'tckh', delegates: [], nominalDueDate: '2099-12-31', dueDate: '2099-12-31' })).toEqual(['2.event refused.ownAssignment']);
  });

  it('refuses entries reordered, a gap in the sequence, a repeated entry', () => {
    const log = copy(valid.log);
    expect(replayIssues([log[1], log[0], log[2], log[3]])).toEqual(['0.seq bad_sequence', '1.seq bad_sequence']);
    expect(replayIssues([log[0], log[2], log[3]])).toEqual(['1.seq bad_sequence', '2.seq bad_sequence']);
    expect(replayIssues([log[0], log[0], log[1]])).toEqual(['1.seq bad_sequence', '2.seq bad_sequence']);
  });

  it('refuses a recorded state that is false', () => {
    const log = copy(valid.log);
    log[2]!.state = 'done';
    expect(replayIssues(log)).toEqual(['2.state state_mismatch']);
  });

  it('replays the last approval turned into the beginning of the review as that history (a log alone cannot tell)', () => {
    const log = copy(valid.log);
    log[3]!.event = { ...log[3]!.event, type: 'BEGIN_REVIEW' } as LogEntry['event'];
    log[3]!.state = 'underReview';
    const replayed = lc.replay(input, log);
    expect([replayed.state, replayed.version, replayed.context.outcome]).toEqual(['underReview', 4, undefined]);
    // the state stays refused
    log[3]!.state = 'done';
    expect(replayIssues(log)).toEqual(['3.state state_mismatch']);
  });

  it("refuses another assignment's entries", () => {
    const log = copy(valid.log);
    log[1]!.assignmentId = 'tb/(4)/tckh/lead#2025-03-31';
    expect(replayIssues(log)).toEqual(['1.assignmentId wrong_assignment']);
  });

  it('refuses a report dated before the acknowledgement', () => {
    const log = copy(valid.log).slice(0, 1);
    log.push({ assignmentId: input.id, seq: 2, event: { type: 'REPORT', by: unit, at: at('2025-01-09'), content: 'x', attachments: [] }, state: 'reported' });
    expect(replayIssues(log)).toEqual(['1.event refused.outOfOrder']);
  });

  it('refuses events that fail their schema, naming each', () => {
    const log = copy(valid.log) as unknown as Record<string, Record<string, unknown>>[];
    log[0]!.event!.at = 'yesterday';
    log[2]!.event!.content = 42;
    expect(replayIssues(log)).toEqual(['0.event.at schema.invalid_format', '2.event.content schema.invalid_type']);
    expect(replayIssues('not a log')).toEqual([' schema.invalid_type']);
  });

  it('refuses a report backdated before an overdue mark (it cannot come out on time)', () => {
    const log = copy(overdue.log);
    log.push({ assignmentId: input.id, seq: 4, event: { type: 'REPORT', by: unit, at: at('2025-02-05'), content: 'x', attachments: [] }, state: 'reported' });
    expect(replayIssues(log)).toEqual(['3.event refused.outOfOrder']);
  });
});

describe('system events come only from the sweep, at its now', () => {
  const acknowledged = run([{ type: 'ACKNOWLEDGE', by: unit, at: at('2025-01-10') }]).s;
  const code = (s: AssignmentState, event: Record<string, unknown>) => {
    const r = lc.send(s, event);
    return r.accepted ? 'accepted' : r.refusal.code;
  };

  it.each([
    ['MARK_OVERDUE from a unit', { type: 'MARK_OVERDUE', by: { unitId: 'nv' }, at: at('2025-02-06') }],
    ['MARK_OVERDUE from the issuer', { type: 'MARK_OVERDUE', by: issuer, at: at('2025-02-06') }],
    ['MARK_OVERDUE before the deadline', { type: 'MARK_OVERDUE', by: system, at: at('2025-02-05', '23:00') }],
    ['REMIND weeks early', { type: 'REMIND', by: system, at: at('2025-01-13'), key: '2025-02-05/3', workingDaysLeft: 3 }],
    ['REMIND with a made-up key', { type: 'REMIND', by: system, at: at('2025-01-31'), key: 'x', workingDaysLeft: 3 }],
    ['REMIND from a unit', { type: 'REMIND', by: { unitId: 'nv' }, at: at('2025-01-31'), key: '2025-02-05/3', workingDaysLeft: 3 }],
  ])('refuses %s', (_name, event) => {
    expect(code(acknowledged, event)).toBe('notFromSweep');
  });

  it('refuses an escalation that is not due or misstates the delay', () => {
    const marked = overdue.log.slice(0, 2).reduce((s, e) => lc.send(s, e.event).state, lc.start(input));
    expect(marked.context.overdue).toBe(true);
    // on Tue 11/2 only 4 working days are overdue (6, 7, 10, 11)
    expect(code(marked, { type: 'ESCALATE', by: system, at: at('2025-02-11'), workingDaysOverdue: 5 })).toBe('notFromSweep');
    expect(code(marked, { type: 'ESCALATE', by: system, at: at('2025-02-12'), workingDaysOverdue: 9 })).toBe('notFromSweep');
    expect(code(marked, { type: 'ESCALATE', by: system, at: at('2025-02-12'), workingDaysOverdue: 5 })).toBe('accepted');
  });
});

describe('separation of duties', () => {
  // the delegate office is itself assigned a task: it cannot review its own work, whatever delegation says
  const own: AssignmentInput = { ...input, id: 'tb/(7)/vp/lead#2025-02-05', unitId: 'vp' };
  const vp = { unitId: 'vp' };
  const reported = () => run([{ type: 'ACKNOWLEDGE', by: vp, at: at('2025-01-10') }, { type: 'REPORT', by: vp, at: at('2025-01-20'), content: 'x' }], lc.start(own)).s;
  const asked = () => run([{ type: 'ACKNOWLEDGE', by: vp, at: at('2025-01-10') }, { type: 'REQUEST_EXTENSION', by: vp, at: at('2025-01-20'), reason: 'x', dueDate: '2025-03-03' }], lc.start(own)).s;

  it.each([
    ['approves', reported, { type: 'APPROVE', by: vp, at: at('2025-01-21') }],
    ['begins the review of', reported, { type: 'BEGIN_REVIEW', by: vp, at: at('2025-01-21') }],
    ['returns', reported, { type: 'RETURN', by: vp, at: at('2025-01-21'), reason: 'x' }],
    ['grants an extension to', asked, { type: 'APPROVE_EXTENSION', by: vp, at: at('2025-01-21') }],
    ['refuses an extension to', asked, { type: 'REJECT_EXTENSION', by: vp, at: at('2025-01-21'), reason: 'x' }],
    ['cancels', asked, { type: 'CANCEL', by: vp, at: at('2025-01-21'), reason: 'x' }],
  ])('a delegate never %s its own assignment', (_name, make, event) => {
    const r = lc.send(make(), event);
    expect(!r.accepted && r.refusal.code).toBe('ownAssignment');
    // the issuer can
    expect(lc.send(make(), { ...event, by: issuer }).accepted).toBe(true);
  });
});

describe('the in-memory store', () => {
  it("refuses another assignment's entries and a broken sequence, and writes nothing", async () => {
    const store = createMemoryStore();
    const issues = async (id: string, entries: unknown[], version: number) => {
      try {
        await store.append(id, entries as LogEntry[], version);
      } catch (e) {
        if (!ParValidationError.isInstance(e)) throw e;
        return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
      }
      return [];
    };
    expect(await issues('tb/(4)/other#2025-02-05', valid.log.slice(0, 1), 0)).toEqual(['entries.0.assignmentId wrong_assignment']);
    expect(await issues(input.id, valid.log.slice(1, 2), 0)).toEqual(['entries.0.seq bad_sequence']);
    expect(await issues(input.id, [{ ...valid.log[0], event: { type: 'ACKNOWLEDGE', by: unit, at: 'yesterday' } }], 0)).toEqual(['entries.0.event.at schema.invalid_format']);
    expect(await issues(input.id, valid.log.slice(0, 2), 0.5)).toEqual(['expectedVersion schema.invalid_type']);
    expect(await store.load(input.id)).toEqual({ entries: [], version: 0 });
    expect(await store.append(input.id, valid.log, 0)).toBe(4);
  });
});

describe('any mutation of a valid log (property)', () => {
  // Mutations that change what happened, who did it, in which order, or what was recorded. Each is either refused
  // or leads to the same state. Out of scope, because a log alone cannot show them (see docs/lifecycle.md): truncating
  // the last entries (combined mutations that amount to one compare with the original's prefix); replacing the last
  // entries by others the machine takes at that point (the approval turned into the beginning of the review, with
  // its state): a history the machine would have written, so sending its events again must write that very log;
  // editing free text (content, reasons); moving an event within the interval between its neighbours (the host stamps
  // `at` on receipt).
  const actors = [unit, issuer, { unitId: 'vp' }, { unitId: 'nv' }, system, { unitId: 'tckh', person: 'Lò Văn A' }];
  const types = ['ACKNOWLEDGE', 'START', 'REPORT', 'BEGIN_REVIEW', 'APPROVE', 'RETURN', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REJECT_EXTENSION', 'CANCEL', 'REMIND', 'MARK_OVERDUE', 'ESCALATE'];
  const states = ['issued', 'acknowledged', 'inProgress', 'returned', 'extensionRequested', 'reported', 'underReview', 'done', 'cancelled'];
  const logs = [valid, overdue].map((l) => l.log);
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), i: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), i: fc.nat() }),
    fc.record({ kind: fc.constant('seq' as const), i: fc.nat(), seq: fc.integer({ min: -2, max: 9 }) }),
    fc.record({ kind: fc.constant('assignment' as const), i: fc.nat() }),
    fc.record({ kind: fc.constant('state' as const), i: fc.nat(), state: fc.constantFrom(...states) }),
    fc.record({ kind: fc.constant('by' as const), i: fc.nat(), by: fc.constantFrom(...actors) }),
    fc.record({ kind: fc.constant('type' as const), i: fc.nat(), type: fc.constantFrom(...types) }),
    fc.record({ kind: fc.constant('backdate' as const), i: fc.nat(), minutes: fc.integer({ min: 1, max: 90 * 1440 }) }),
    fc.record({ kind: fc.constant('at' as const), i: fc.nat(), at: fc.constantFrom('yesterday', '2025-02-30T09:00:00+07:00', '', '2025-02-05') }),
    fc.record({ kind: fc.constant('field' as const), i: fc.nat(), key: fc.constantFrom('workingDaysLeft', 'workingDaysOverdue', 'key', 'dueDate', 'extra'), value: fc.constantFrom(0, 7, -1, 1.5, 'x', null) }),
  );

  it('is refused with ParValidationError or equal to the original state', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const original = logs[which]!;
        const log = copy(original) as unknown as Record<string, unknown>[];
        let mutated = false;
        for (const m of mutations) {
          const i = m.i % log.length;
          const entry = log[i] as { seq: number; assignmentId: string; state: string; event: Record<string, unknown> };
          const before = JSON.stringify(log);
          if (m.kind === 'swap') [log[i], log[m.j % log.length]] = [log[m.j % log.length]!, log[i]!];
          else if (m.kind === 'drop' && i < log.length - 1) log.splice(i, 1);
          else if (m.kind === 'duplicate') log.splice(i, 0, copy(log[i]!));
          else if (m.kind === 'seq') entry.seq = m.seq;
          else if (m.kind === 'assignment') entry.assignmentId = `${entry.assignmentId}x`;
          else if (m.kind === 'state') entry.state = m.state;
          else if (m.kind === 'by') entry.event.by = m.by;
          else if (m.kind === 'type') entry.event.type = m.type;
          else if (m.kind === 'backdate' && i > 0) {
            const previous = Date.parse(String((log[i - 1] as typeof entry).event.at));
            if (Number.isFinite(previous)) entry.event.at = new Date(previous - m.minutes * 60_000).toISOString();
          }
          else if (m.kind === 'at') entry.event.at = m.at;
          else if (m.kind === 'field') entry.event[m.key] = m.value;
          mutated ||= JSON.stringify(log) !== before;
        }
        let replayed: AssignmentState | undefined;
        try {
          replayed = lc.replay(input, log as unknown as LogEntry[]);
        } catch (e) {
          expect(ParValidationError.isInstance(e)).toBe(true);
        }
        // accepted: the original state, or (mutations combined into a truncation) the state after as many entries,
        // or another history, which the machine would have written entry for entry
        if (replayed && !isDeepStrictEqual(replayed, lc.replay(input, original.slice(0, replayed.version)))) {
          const again = run(log.map((e) => e.event as Record<string, unknown>));
          expect(again.log).toEqual(log);
          expect(again.s).toEqual(replayed);
        }
        return mutated || replayed !== undefined;
      }),
      { numRuns: 2000 },
    );
  });
});
