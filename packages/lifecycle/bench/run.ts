// npm run bench (in @par/lifecycle): median times against the targets. Figures, not a test.
import { runBenchmarks } from '../../../bench.shared.js';
import { initialTransition, transition } from 'xstate';
import { assignmentMachine, createLifecycle, type AssignmentEvent, type AssignmentState, type LogEntry } from '../src/index.js';

const lc = createLifecycle();
const at = '2025-02-03T09:00:00+07:00';
const input = (i: number) => ({ id: `a${i}`, documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead' as const, issuerId: 'P', delegates: [], dueDate: `2025-0${1 + (i % 6)}-1${i % 10}` });
// 100,000 open assignments, a third acknowledged, some already reminded
const states: AssignmentState[] = Array.from({ length: 100_000 }, (_, i) => {
  const s = lc.start(input(i));
  if (i % 3 !== 0) return s;
  const r = lc.send(s, { type: 'ACKNOWLEDGE', by: { unitId: 'A' }, at });
  return r.state;
});

// a log of 1,000,000 entries: 125,000 assignments x 8 events
const cycle: AssignmentEvent[] = [
  { type: 'ACKNOWLEDGE', by: { unitId: 'A' }, at },
  { type: 'START', by: { unitId: 'A' }, at },
  { type: 'REMIND', by: { unitId: 'system' }, at, key: 'k', workingDaysLeft: 3 },
  { type: 'REQUEST_EXTENSION', by: { unitId: 'A' }, at, reason: 'Chờ số liệu', dueDate: '2025-12-31' },
  { type: 'APPROVE_EXTENSION', by: { unitId: 'P' }, at },
  { type: 'REPORT', by: { unitId: 'A' }, at, content: 'Báo cáo', attachments: [] },
  { type: 'RETURN', by: { unitId: 'P' }, at, reason: 'Bổ sung' },
  { type: 'REPORT', by: { unitId: 'A' }, at, content: 'Báo cáo lần 2', attachments: [] },
];
const log: LogEntry[] = [];
{
  let s = lc.start(input(0));
  for (const event of cycle) {
    const r = lc.send(s, event);
    if (!r.accepted) throw new Error(r.refusal.message);
    log.push(r.entry);
    s = r.state;
  }
}
const ASSIGNMENTS = 125_000;

// per-event cost: our send (validation, refusal check, log entry) against xstate's pure transition(), side by side
const N = 20_000;
const [, , xstate, ours] = await runBenchmarks([
  { name: 'sweep 100,000 assignments', fn: () => lc.sweep(states, Date.parse('2025-03-12T08:00:00+07:00')), iterations: 10, targetMs: 500 },
  {
    name: `replay 1,000,000 log entries (${ASSIGNMENTS.toLocaleString('en')} assignments x ${log.length})`,
    fn: () => {
      for (let i = 0; i < ASSIGNMENTS; i++) lc.replay(input(0), log);
    },
    iterations: 3,
    targetMs: 5000,
  },
  {
    name: `xstate transition(): ${N.toLocaleString('en')} x 8 events`,
    fn: () => {
      for (let i = 0; i < N; i++) {
        let [snap] = initialTransition(assignmentMachine, input(0));
        for (const event of cycle) [snap] = transition(assignmentMachine, snap, event);
      }
    },
    iterations: 5,
  },
  {
    name: `lifecycle send(): ${N.toLocaleString('en')} x 8 events`,
    fn: () => {
      for (let i = 0; i < N; i++) {
        let s = lc.start(input(0));
        for (const event of cycle) s = (lc.send(s, event) as { state: AssignmentState }).state;
      }
    },
    iterations: 5,
  },
]);
console.log(`our layer / xstate transition(), per event: ${(ours! / xstate!).toFixed(2)}x (target <= 1.5x: ${ours! / xstate! <= 1.5 ? 'met' : 'NOT met'})`);
