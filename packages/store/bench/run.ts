// npm run bench (in @par/store): the figures on both engines, against the built package (import by name).
// PostgreSQL runs when PAR_BENCH_POSTGRES_URL (or PAR_TEST_POSTGRES_URL) names a database whose user may create
// databases; each suite works in a fresh database. Figures, not a test.
import { sql } from 'kysely';
import pg from 'pg';
import { runBenchmarks, type BenchTask } from '../../../bench.shared.js';
// the scoring benchmark's framework and assessments (150 leaves), shared with `@par/core`'s own benchmark
import { benchAssessment, benchFramework, benchRandom } from '../../core/bench/bench-framework.js';
import { computeIndex, parseAssessment, parseFramework } from '@par/core';
import { createLifecycle, ParConflictError, type AssignmentInput, type LogEntry } from '@par/lifecycle';
import { openStore, type ParStore, type WorkspaceDocuments } from '@par/store';

const UNITS = 10_000;
const ADMIN = { unitId: 'P', role: 'admin' };
const NOW = new Date('2025-03-03T09:00:00+07:00');
const POSTGRES_URL = process.env.PAR_BENCH_POSTGRES_URL ?? process.env.PAR_TEST_POSTGRES_URL;

// 10,000 communes under 100 districts, each with a 150-leaf assessment
const units = [{ id: 'P', name: { vi: 'Tỉnh' }, kind: 'province', validFrom: '2000-01-01' }];
for (let d = 0; d < 100; d++) units.push({ id: `D${d}`, name: { vi: `Huyện ${d}` }, kind: 'district', parentId: 'P', validFrom: '2000-01-01' } as never);
for (let u = 0; u < UNITS; u++) units.push({ id: `u${u}`, name: { vi: `Xã ${u}` }, kind: 'commune', parentId: `D${u % 100}`, validFrom: '2000-01-01' } as never);
const random = benchRandom();
const framework = benchFramework();
const province: WorkspaceDocuments = {
  units: { units },
  frameworks: [framework],
  derivations: [],
  assessments: Array.from({ length: UNITS }, (_, u) => JSON.parse(JSON.stringify(benchAssessment(u, random)))),
  directives: [],
  lifecycleLogs: [],
  plugins: [],
};

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `par_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`create database ${name}`);
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Empties a store between runs of an import (TRUNCATE fires no row trigger), and resets the audit chain. */
async function reset(store: ParStore): Promise<void> {
  await sql`truncate settings, units, unit_changes, frameworks, assessments, assessment_history, directive_documents, directive_items, assignments, lifecycle_log, plugins, plugin_records, runs, findings, metrics, audit_log, policy cascade`.execute(store.db);
  await sql`update audit_head set seq = 0, hash = ${'0'.repeat(64)}`.execute(store.db);
}

const fw = parseFramework(framework);
/** Loads one period's assessments from the store and scores them. */
async function scoreFromStore(store: ParStore) {
  const rows = await store.db.selectFrom('assessments').select('doc').where('period', '=', '2024').execute();
  return computeIndex(fw, rows.map((r) => parseAssessment(r.doc, fw)));
}

// A log of 1,000,000 entries: 125,000 assignments x 8 events of their unit (the store checks the sequence, not the
// machine: a replay does)
const lc = createLifecycle();
const input = (i: number, unitId = 'u0'): AssignmentInput => ({ id: `a${i}`, documentId: 'tb', itemLabel: '1', unitId, role: 'lead', issuerId: 'D0', delegates: [], nominalDueDate: '2025-12-31', dueDate: '2025-12-31' });
const cycle = (unitId: string) => [
  { type: 'ACKNOWLEDGE', by: { unitId }, at: '2025-02-03T09:00:00+07:00' },
  { type: 'START', by: { unitId }, at: '2025-02-04T09:00:00+07:00' },
  { type: 'REQUEST_EXTENSION', by: { unitId }, at: '2025-03-12T09:00:00+07:00', reason: 'Chờ số liệu', dueDate: '2026-06-30' },
  { type: 'APPROVE_EXTENSION', by: { unitId: 'D0' }, at: '2025-03-12T10:00:00+07:00' },
  { type: 'REPORT', by: { unitId }, at: '2025-03-20T09:00:00+07:00', content: 'Báo cáo', attachments: [] },
  { type: 'RETURN', by: { unitId: 'D0' }, at: '2025-03-21T09:00:00+07:00', reason: 'Bổ sung' },
  { type: 'REPORT', by: { unitId }, at: '2025-03-24T09:00:00+07:00', content: 'Báo cáo lần 2', attachments: [] },
  { type: 'BEGIN_REVIEW', by: { unitId: 'D0' }, at: '2025-03-25T09:00:00+07:00' },
];
const template: LogEntry[] = [];
{
  let s = lc.start(input(0));
  for (const e of cycle('u0')) {
    const r = lc.send(s, e);
    if (!r.accepted) throw new Error(r.refusal.message);
    template.push(r.entry);
    s = r.state;
  }
}
const LOGS = 125_000;
const bigLog: WorkspaceDocuments = {
  ...province,
  assessments: [],
  lifecycleLogs: Array.from({ length: LOGS }, (_, i) => ({ input: input(i), entries: template.map((e) => ({ ...e, assignmentId: `a${i}` })) })),
};
async function appendAndReplay(store: ParStore): Promise<number> {
  await reset(store);
  await store.session(ADMIN, NOW).importWorkspace(bigLog);
  let replayed = 0;
  const inputs = new Map((await store.db.selectFrom('assignments').select(['id', 'input']).execute()).map((r) => [r.id, r.input as AssignmentInput]));
  for (let from = 0; from < LOGS; from += 12_500) {
    const ids = Array.from({ length: 12_500 }, (_, k) => `a${from + k}`);
    const rows = await store.db.selectFrom('lifecycle_log').select(['assignment_id', 'seq', 'state', 'event']).where('assignment_id', 'in', ids).orderBy('assignment_id').orderBy('seq').execute();
    let i = 0;
    while (i < rows.length) {
      const id = rows[i]!.assignment_id;
      const entries: LogEntry[] = [];
      for (; i < rows.length && rows[i]!.assignment_id === id; i++) entries.push({ assignmentId: id, seq: rows[i]!.seq, state: rows[i]!.state, event: rows[i]!.event } as LogEntry);
      lc.replay(inputs.get(id)!, entries);
      replayed += entries.length;
    }
  }
  return replayed;
}

/** 8 writers for `seconds` on 1,000 assignments of one commune: every conflict detected, no update lost. */
async function concurrentWriters(store: ParStore, seconds: number): Promise<string> {
  await reset(store);
  const logs = Array.from({ length: 1000 }, (_, i) => ({ input: input(i, 'u1'), entries: [] }));
  await store.session(ADMIN, NOW).importWorkspace({ ...province, assessments: [], lifecycleLogs: logs });
  const session = store.session({ unitId: 'u1', role: 'officer' }, NOW);
  let written = 0;
  let conflicts = 0;
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const writer = async () => {
    while (performance.now() < end) {
      const id = `a${(n = (n * 7 + 13) % 1000)}`;
      const { version } = await session.lifecycle.load(id);
      const entry = { assignmentId: id, seq: version + 1, state: 'acknowledged', event: { type: 'ACKNOWLEDGE', by: { unitId: 'u1' }, at: '2025-03-03T09:00:00+07:00' } } as LogEntry;
      try {
        await session.lifecycle.append(id, [entry], version);
        written++;
      } catch (e) {
        if (!ParConflictError.isInstance(e)) throw e;
        conflicts++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  const stored = await sql<{ n: number; gaps: number }>`select count(*)::int as n, count(*) filter (where seq <> rn)::int as gaps from (select seq, row_number() over (partition by assignment_id order by seq) as rn from lifecycle_log) t`.execute(store.db);
  const { n: rows, gaps } = stored.rows[0]!;
  return `${written} appends in ${seconds} s (${(written / seconds).toFixed(0)}/s), ${conflicts} conflicts; ${rows} entries stored, ${gaps} out of sequence: ${rows === written && gaps === 0 ? 'no lost update' : 'LOST UPDATES'}`;
}

const engines: { name: string; store: ParStore; drop?: () => Promise<void> }[] = [];
if (POSTGRES_URL) {
  const db = await freshPostgres();
  const store = await openStore({ kind: 'postgres', url: db.url });
  await store.migrate();
  engines.push({ name: 'PostgreSQL', store, drop: db.drop });
} else console.log('PostgreSQL: skipped (set PAR_BENCH_POSTGRES_URL or PAR_TEST_POSTGRES_URL)');
const pglite = await openStore({ kind: 'pglite' });
await pglite.migrate();
engines.push({ name: 'PGlite', store: pglite });

const IMPORT = (e: string) => `${e}: import 10,000 units with 150-leaf assessments (one transaction)`;
const tasks: BenchTask[] = [];
for (const e of engines) {
  tasks.push({ name: IMPORT(e.name), fn: async () => (await reset(e.store), e.store.session(ADMIN, NOW).importWorkspace(province)), iterations: 1, warmupIterations: 0, targetMs: e.name === 'PGlite' ? 30_000 : 10_000, ...(e.name === 'PGlite' && POSTGRES_URL ? { reference: IMPORT('PostgreSQL') } : {}) });
  const LOAD = `${e.name}: select the 10,000 assessment documents (the database's share)`;
  tasks.push({ name: LOAD, fn: async () => e.store.db.selectFrom('assessments').select('doc').where('period', '=', '2024').execute(), iterations: 3, warmupIterations: 1 });
  tasks.push({ name: `${e.name}: load 10,000 assessments, parseAssessment each, computeIndex`, fn: async () => scoreFromStore(e.store), iterations: 3, warmupIterations: 1, targetMs: 1_000, reference: LOAD });
}
await runBenchmarks(tasks);
// its own table, so that a failure here does not hide the figures above (every fn is declared async: tinybench
// otherwise calls a plain function once more to see whether it returns a promise)
const postgres = engines.find((e) => e.name === 'PostgreSQL');
if (postgres) await runBenchmarks([{ name: 'PostgreSQL: 1,000,000 log entries appended (import) and replayed', fn: async () => appendAndReplay(postgres.store).catch((e: unknown) => (console.error(e), Promise.reject(e))), iterations: 1, warmupIterations: 0, targetMs: 15_000 }]);
for (const e of engines) console.log(`${e.name}, 8 concurrent writers: ${await concurrentWriters(e.store, 10)}`);
for (const e of engines) {
  await e.store.close();
  await e.drop?.();
}
