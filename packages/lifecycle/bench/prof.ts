import { createLifecycle, type LogEntry, type AssignmentState } from '../src/index.js';
const lc = createLifecycle();
const at = '2025-02-03T09:00:00+07:00';
const input = { id: 'a', documentId: 'd', itemLabel: '1', unitId: 'A', role: 'lead' as const, issuerId: 'P', delegates: [], dueDate: '2025-02-10' };
const cycle = [
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
let s: AssignmentState = lc.start(input);
for (const e of cycle) { const r = lc.send(s, e); if (r.accepted) { log.push(r.entry); s = r.state; } }
for (let i = 0; i < 20000; i++) lc.replay(input, log);
const t = performance.now();
for (let i = 0; i < 20000; i++) lc.replay(input, log);
console.log('µs per replay of 8', ((performance.now() - t) / 20000) * 1000);
let t2 = performance.now();
for (let i = 0; i < 20000; i++) lc.replay(input, []);
console.log('µs per initial', ((performance.now() - t2) / 20000) * 1000);
