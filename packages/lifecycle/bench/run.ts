// npm run bench (in @par/lifecycle): median times of the built package against the issues' targets, the replay
// beside xstate's own actor path (createActor + send) on the same events in the same run. Figures, not a test.
import { runBenchmarks } from '../../../bench.shared.js';
import { createActor } from 'xstate';
import { assignmentMachine, createLifecycle, type AssignmentEvent, type AssignmentInput, type AssignmentState, type LogEntry } from '@par/lifecycle';

const lc = createLifecycle();
const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;
const input = (i: number, dueDate = `2025-0${1 + (i % 6)}-1${i % 10}`): AssignmentInput => ({ id: `a${i}`, documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead', issuerId: 'P', delegates: [], nominalDueDate: dueDate, dueDate });
// 100,000 open assignments, a third acknowledged
const states: AssignmentState[] = Array.from({ length: 100_000 }, (_, i) => {
  const s = lc.start(input(i));
  return i % 3 === 0 ? lc.send(s, { type: 'ACKNOWLEDGE', by: { unitId: 'A' }, at: at('2025-01-02') }).state : s;
});

// a log of 1,000,000 entries: 125,000 assignments x 8 events, due Friday 14/3/2025; the reminder is the sweep's
// (3 working days before: 12, 13, 14 March), the extension is asked for two working days before the deadline
const due = '2025-03-14';
const cycle: AssignmentEvent[] = [
  { type: 'ACKNOWLEDGE', by: { unitId: 'A' }, at: at('2025-02-03') },
  { type: 'START', by: { unitId: 'A' }, at: at('2025-02-04') },
  { type: 'REMIND', by: { unitId: 'system' }, at: new Date(at('2025-03-11', '08:00')).toISOString(), key: `${due}/3`, workingDaysLeft: 3 },
  { type: 'REQUEST_EXTENSION', by: { unitId: 'A' }, at: at('2025-03-12'), reason: 'Chờ số liệu', dueDate: '2025-12-31' },
  { type: 'APPROVE_EXTENSION', by: { unitId: 'P' }, at: at('2025-03-12', '10:00') },
  { type: 'REPORT', by: { unitId: 'A' }, at: at('2025-03-20'), content: 'Báo cáo', attachments: [] },
  { type: 'RETURN', by: { unitId: 'P' }, at: at('2025-03-21'), reason: 'Bổ sung' },
  { type: 'REPORT', by: { unitId: 'A' }, at: at('2025-03-24'), content: 'Báo cáo lần 2', attachments: [] },
];
const replayInput = input(0, due);
const log: LogEntry[] = [];
{
  let s = lc.start(replayInput);
  for (const event of cycle) {
    const r = lc.send(s, event);
    if (!r.accepted) throw new Error(r.refusal.message);
    log.push(r.entry);
    s = r.state;
  }
}
const ASSIGNMENTS = 125_000;
const ENTRIES = `${(ASSIGNMENTS * log.length).toLocaleString('en')} entries (${ASSIGNMENTS.toLocaleString('en')} assignments x ${log.length})`;

const REFERENCE = `xstate createActor + send, ${ENTRIES}`;
await runBenchmarks([
  { name: 'sweep 100,000 assignments', fn: () => lc.sweep(states, Date.parse('2025-03-12T08:00:00+07:00')), iterations: 10, targetMs: 500 },
  {
    name: REFERENCE,
    fn: () => {
      for (let i = 0; i < ASSIGNMENTS; i++) {
        const actor = createActor(assignmentMachine, { input: replayInput }).start();
        for (const entry of log) actor.send(entry.event);
        actor.getSnapshot();
      }
    },
    iterations: 3,
  },
  {
    name: `replay ${ENTRIES}, every entry checked`,
    fn: () => {
      for (let i = 0; i < ASSIGNMENTS; i++) lc.replay(replayInput, log);
    },
    iterations: 3,
    targetMs: 3000,
    reference: REFERENCE,
    maxRatio: 0.5,
  },
]);
