// npm run bench (in @par/store): the figures on both engines, against the built package (import by name).
// PostgreSQL runs when PAR_BENCH_POSTGRES_URL (or PAR_TEST_POSTGRES_URL) names a database whose user may create
// databases, in a fresh database dropped at the end; PGlite in a folder under os.tmpdir() (on disk, as `.par/db`),
// removed at the end. Figures, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { runBenchmarks, type BenchTask } from '../../../bench.shared.js';
// the scoring benchmark's framework and assessments (150 leaves), shared with `@par/core`'s own benchmark
import { benchAssessment, benchFramework, benchRandom } from '../../core/bench/bench-framework.js';
import { computeIndex, parseAssessment, parseFramework } from '@par/core';
import { createLifecycle, ParConflictError, type AssignmentInput, type LogEntry } from '@par/lifecycle';
import { openStore, parseWorkspaceDocuments, type ParStore, type WorkspaceDocuments } from '@par/store';

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
/** Rows out of the database into documents: one period's assessments, as `parseAssessment` takes them. */
const loadDocuments = async (store: ParStore) => (await store.db.selectFrom('assessments').select('doc').where('period', '=', '2024').execute()).map((r) => r.doc);
/** The core's share: parse each document against the framework and compute the index. */
const parseAndScore = (docs: readonly unknown[]) => computeIndex(fw, docs.map((d) => parseAssessment(d, fw)));

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
const split = { import: 0, read: 0, replay: 0 };
/**
 * Replays every log of the store, reading the entries in (assignment, seq) order 10,000 assignments at a time, the
 * next page asked for while this one replays (`read` counts only the wait for a page).
 */
async function replayAll(store: ParStore): Promise<number> {
  const assignments = await store.db.selectFrom('assignments').select(['id', 'input']).orderBy('id').execute();
  const inputs = new Map(assignments.map((r) => [r.id, r.input as AssignmentInput]));
  const pages: [string, string][] = [];
  for (let i = 0; i < assignments.length; i += 10_000) pages.push([i === 0 ? '' : assignments[i - 1]!.id, assignments[Math.min(i + 10_000, assignments.length) - 1]!.id]);
  const page = ([after, last]: [string, string]) => store.db.selectFrom('lifecycle_log').select(['assignment_id', 'seq', 'state', 'event']).where('assignment_id', '>', after).where('assignment_id', '<=', last).orderBy('assignment_id').orderBy('seq').execute();
  let replayed = 0;
  let next = pages.length > 0 ? page(pages[0]!) : undefined;
  for (let p = 0; next; p++) {
    let t = performance.now();
    const rows = await next;
    split.read += performance.now() - t;
    next = p + 1 < pages.length ? page(pages[p + 1]!) : undefined;
    t = performance.now();
    for (let i = 0; i < rows.length; ) {
      const id = rows[i]!.assignment_id;
      const entries: LogEntry[] = [];
      for (; i < rows.length && rows[i]!.assignment_id === id; i++) entries.push({ assignmentId: id, seq: rows[i]!.seq, state: rows[i]!.state, event: rows[i]!.event } as LogEntry);
      lc.replay(inputs.get(id)!, entries);
      replayed += entries.length;
    }
    split.replay += performance.now() - t;
  }
  return replayed;
}
async function appendAndReplay(store: ParStore): Promise<number> {
  await reset(store);
  const t = performance.now();
  await store.session(ADMIN, NOW).importWorkspace(bigLog);
  split.import = performance.now() - t;
  const replayed = await replayAll(store);
  if (replayed !== LOGS * template.length) throw new Error(`replayed ${replayed} entries, not ${LOGS * template.length}`);
  return replayed;
}
/** The reference: the same million entries replayed from memory, without a database. */
function replayInMemory(): number {
  let n = 0;
  for (const l of bigLog.lifecycleLogs) n += (lc.replay(l.input as AssignmentInput, l.entries as LogEntry[]), l.entries.length);
  return n;
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

const engines: { name: string; store: ParStore; drop: () => Promise<void> }[] = [];
if (POSTGRES_URL) {
  const db = await freshPostgres();
  const store = await openStore({ kind: 'postgres', url: db.url });
  await store.migrate();
  engines.push({ name: 'PostgreSQL', store, drop: db.drop });
} else console.log('PostgreSQL: skipped (set PAR_BENCH_POSTGRES_URL or PAR_TEST_POSTGRES_URL)');
const folder = mkdtempSync(join(tmpdir(), 'par-store-bench-'));
const pglite = await openStore({ kind: 'pglite', dir: join(folder, 'db') });
await pglite.migrate();
engines.push({ name: 'PGlite', store: pglite, drop: async () => rmSync(folder, { recursive: true, force: true }) });

try {
  const VALIDATE = 'validate the 10,000-unit workspace (parseWorkspaceDocuments: every import does it first)';
  const IMPORT = (e: string) => `${e}: import 10,000 units with 150-leaf assessments (validated, one transaction)`;
  const SCORE = 'in memory: parseAssessment x 10,000 and computeIndex (the core\'s share of scoring)';
  const documents = province.assessments;
  const tasks: BenchTask[] = [
    { name: VALIDATE, fn: async () => parseWorkspaceDocuments(province), iterations: 3, warmupIterations: 1 },
    { name: SCORE, fn: async () => parseAndScore(documents), iterations: 5, warmupIterations: 1 },
  ];
  for (const e of engines) {
    tasks.push({ name: IMPORT(e.name), fn: async () => (await reset(e.store), e.store.session(ADMIN, NOW).importWorkspace(province)), iterations: 3, warmupIterations: 0, targetMs: e.name === 'PGlite' ? 30_000 : 10_000, reference: VALIDATE });
    const LOAD = `${e.name}: load the 10,000 assessment documents (rows out of the database into documents)`;
    tasks.push({ name: LOAD, fn: async () => loadDocuments(e.store), iterations: 5, warmupIterations: 1, reference: SCORE });
    tasks.push({ name: `${e.name}: load the documents, parseAssessment each, computeIndex`, fn: async () => parseAndScore(await loadDocuments(e.store)), iterations: 5, warmupIterations: 1, reference: SCORE });
    // the store's own way: each assessment from the compact form kept beside its document (checked again on the way in)
    tasks.push({ name: `${e.name}: score from the database (loadAssessments, computeIndex)`, fn: async () => computeIndex(fw, await e.store.session(ADMIN, NOW).loadAssessments({ period: '2024' })), iterations: 5, warmupIterations: 1, targetMs: 1_000, reference: SCORE });
    tasks.push({ name: `${e.name}: exportWorkspace (every document, as the par command reads a store)`, fn: async () => e.store.session(ADMIN, NOW).exportWorkspace(), iterations: 3, warmupIterations: 1 });
  }
  await runBenchmarks(tasks);
  // its own table, so that a failure here does not hide the figures above (every fn is declared async: tinybench
  // otherwise calls a plain function once more to see whether it returns a promise)
  const postgres = engines.find((e) => e.name === 'PostgreSQL');
  if (postgres) {
    const MEMORY = 'in memory: replay the 1,000,000 entries (the lifecycle\'s share)';
    await runBenchmarks([
      { name: MEMORY, fn: async () => replayInMemory(), iterations: 1, warmupIterations: 0 },
      { name: 'PostgreSQL: 1,000,000 log entries appended (validated import) and replayed', fn: async () => appendAndReplay(postgres.store), iterations: 1, warmupIterations: 0, targetMs: 15_000, reference: MEMORY },
    ]);
    console.log(`  of which: import ${(split.import / 1000).toFixed(1)} s, waiting for the entries ${(split.read / 1000).toFixed(1)} s (read while the page before replays), replaying them ${(split.replay / 1000).toFixed(1)} s`);
  }
  for (const e of engines) console.log(`${e.name}, 8 concurrent writers: ${await concurrentWriters(e.store, 10)}`);
} finally {
  for (const e of engines) {
    await e.store.close();
    await e.drop();
  }
}
