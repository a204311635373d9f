// The example workspace (examples/phong-tho-2022) in and out of the database, all or nothing; an assessment's
// stages under the policy with optimistic concurrency; a database that cannot be reached.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { ParConflictError } from '@par/lifecycle';
import { AssessmentSchema, computeIndex, parseFramework } from '@par/core';
import { Migrator, sql } from 'kysely';
import { GENESIS_HASH, MIGRATIONS, ParAccessDeniedError, StoreUnavailableError, openStore, resolveStoreConfig, type WorkspaceDocuments } from '../src/index.js';
import { insertAll } from '../src/database.js';
import { freshPostgres, onBothEngines } from './engines.js';
import { ADMIN, NOW, exampleDocuments, officer } from './fixtures.js';

const example = exampleDocuments();
// the last commune's assessment is left out of the import: the test writes it again stage by stage
const imported: WorkspaceDocuments = { ...example, assessments: example.assessments.slice(0, -1) };
const last = example.assessments.at(-1) as { unitId: string; entries: { code: string; appraisals?: unknown; explanation?: unknown }[] };
// as the commune wrote it: its own scores (and the imported survey points), before any appraisal
const draft = { ...last, status: 'draft', entries: last.entries.map(({ appraisals: _a, explanation: _e, ...own }) => own) };
// the province's policy: communes write their own; Phong Thổ's Home Affairs office (d109-nv) appraises its district
const POLICY = {
  rules: [
    { role: 'officer', unitKinds: ['commune', 'ward', 'township'], actions: ['read', 'assessment.self'], scope: 'own' },
    { role: 'officer', unitIds: ['d109-nv'], actions: ['read', 'assessment.appraise'], scope: { under: 'district' } },
    { role: 'admin', actions: ['read', 'workspace.import', 'policy.write'], scope: 'all' },
  ],
};

onBothEngines((store, engine) => {
  it('refuses an invalid workspace naming every problem, and writes nothing', async () => {
    const bad = { ...imported, assessments: [{ ...(imported.assessments[0] as object), unitId: 'nowhere' }, { framework: { id: 'none' } }], derivations: [...imported.derivations, { base: 'missing', doc: {} }] };
    try {
      await store().session(ADMIN, NOW).importWorkspace(bad);
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual(['derivations.1.base unknown_framework', 'assessments.0.unitId unknown_unit', 'assessments.1.framework.id unknown_framework']);
    }
    expect(await store().db.selectFrom('units').select('id').execute()).toEqual([]);
  });

  it('writes in bulk exactly what it was given: tabs, line breaks, backslashes, quotes and accents', async () => {
    // the bulk path (COPY's text format on PostgreSQL, JSON text on PGlite) escapes these; the export must give them
    // back (names may not hold control characters: the plugin's options carry those)
    const name = 'Xã \\ "Một" \\N \\t \u00e0\u0300 \ud83c\udf3e';
    const odd = `${name}\tMột\nhai\r\n`;
    const units = { units: [{ id: 'p1', name: { vi: name }, kind: 'province', validFrom: '2020-01-01' }, { id: 'c.1', name: { vi: 'Xã Một' }, kind: 'commune', parentId: 'p1', validFrom: '2020-01-01' }] };
    const docs: WorkspaceDocuments = { units, frameworks: [], derivations: [], assessments: [], directives: [], lifecycleLogs: [], plugins: [{ package: '@par/plugin-x', options: { note: odd, list: [odd, null, 1.5] } }] };
    const fresh = engine === 'postgres' ? await freshPostgres() : undefined;
    const other = await openStore(fresh ? { kind: 'postgres', url: fresh.url } : { kind: 'pglite' });
    try {
      await other.migrate();
      await other.session(ADMIN, NOW).importWorkspace(docs);
      expect(await other.session(ADMIN, NOW).exportWorkspace()).toEqual(docs);
    } finally {
      await other.close();
      await fresh?.drop();
    }
  }, 60_000);

  it('writes a thousand rows and one row exactly (COPY on PostgreSQL from 1,000 rows, one statement below)', async () => {
    const odd = 'Xã\tMột\nhai\r\n \\ \\N "ba" \u00e0 \ud83c\udf3e';
    for (const n of [1_000, 1]) {
      const rows = Array.from({ length: n }, (_, i) => ({ package: `@par/plugin-${i}\t${odd}`, position: i, options: { note: odd, i, list: [odd, null, 1.5] } }));
      const back = await store()
        .db.transaction()
        .execute(async (trx) => {
          await insertAll(trx, 'plugins', rows);
          const stored = await trx.selectFrom('plugins').selectAll().orderBy('position').execute();
          throw Object.assign(new Error('roll back'), { stored });
        })
        .catch((e: { stored?: unknown }) => e.stored);
      expect(back).toEqual(rows);
    }
    expect(await store().db.selectFrom('plugins').select('package').execute()).toEqual([]);
  });

  it('migrates a store written at 0001 to the latest schema without losing or changing a document', async () => {
    const fresh = engine === 'postgres' ? await freshPostgres() : undefined;
    const old = await openStore(fresh ? { kind: 'postgres', url: fresh.url } : { kind: 'pglite' });
    try {
      const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
      expect((await migrator.migrateTo('0001_workspace')).error).toBeUndefined();
      // today's import also writes the compact form (0004): its column stands in during the import, then goes, leaving
      // the rows as the import of 0001's time wrote them
      await sql`alter table assessments add column packed json`.execute(old.db);
      await old.session(ADMIN, NOW).importWorkspace(imported);
      await sql`alter table assessments drop column packed`.execute(old.db);
      const later = ['0002_assessment_text', '0003_log_assignment_check', '0004_assessment_packed', '0005_log_check_plan'];
      expect(await old.pendingMigrations()).toEqual(later);
      expect(await old.migrate()).toEqual({ applied: later });
      expect(await old.session(ADMIN, NOW).exportWorkspace()).toEqual(imported);
      // rows written before 0004 have no compact form: they are parsed from their documents
      expect(await old.db.selectFrom('assessments').select('packed').where('packed', 'is not', null).execute()).toEqual([]);
      expect(JSON.stringify(await old.session(ADMIN, NOW).loadAssessments({ period: '2021' }))).toBe(JSON.stringify(schemaOutputs('2021')));
      expect((await old.verify()).ok).toBe(true);
    } finally {
      await old.close();
      await fresh?.drop();
    }
  }, 60_000);

  it('rolls back an import that fails in the middle: nothing half-written', async () => {
    // passes every schema, but PostgreSQL's jsonb refuses a NUL character: the lifecycle logs, written after the
    // units, frameworks, assessments and directives, fail
    const logs = structuredClone(imported.lifecycleLogs) as { entries: { event: { type: string; content?: string } }[] }[];
    const report = logs.flatMap((l) => l.entries).find((e) => e.event.type === 'REPORT')!;
    report.event.content = 'Báo cáo\u0000';
    await expect(store().session(ADMIN, NOW).importWorkspace({ ...imported, lifecycleLogs: logs })).rejects.toThrow();
    for (const table of ['units', 'frameworks', 'assessments', 'directive_documents', 'assignments', 'lifecycle_log', 'audit_log'] as const) {
      expect(await store().db.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), table).toEqual({ n: expect.toSatisfy((n) => Number(n) === 0) });
    }
  });

  it('checks the logs\' entries as it writes them: every problem named, nothing written, and a clean copy written whole', async () => {
    // the example's 65 logs thirty times over, each copy under ids of its own: thousands of entries, so that PostgreSQL
    // takes them by COPY while the next are checked
    type Log = { input: { id: string }; entries: { assignmentId: string; seq: number; event: { at: string } }[] };
    const many = Array.from({ length: 30 }, (_, k) =>
      (structuredClone(imported.lifecycleLogs) as Log[]).map((l) => ({ input: { ...l.input, id: `${l.input.id}-${k}` }, entries: l.entries.map((e) => ({ ...e, assignmentId: `${l.input.id}-${k}` })) })),
    ).flat();
    const entries = many.reduce((n, l) => n + l.entries.length, 0);
    expect(entries).toBeGreaterThan(1_000);
    const bad = structuredClone(many);
    bad[5]!.entries[0]!.seq = 2;
    bad[1_500]!.entries[0]!.event.at = '2022-02-30T09:00:00+07:00';
    const problems = await store().session(ADMIN, NOW).importWorkspace({ ...imported, lifecycleLogs: bad }).then(
      () => [],
      (e: unknown) => (ParValidationError.isInstance(e) ? e.issues.map((i) => `${i.path.join('.')} ${i.code}`) : [String(e)]),
    );
    expect(problems).toEqual(['lifecycleLogs.5.entries.0.seq bad_sequence', 'lifecycleLogs.1500.entries.0.event.at schema.invalid_format']);
    for (const table of ['units', 'assignments', 'lifecycle_log', 'audit_log'] as const) {
      expect(await store().db.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), table).toEqual({ n: expect.toSatisfy((n) => Number(n) === 0) });
    }
    expect(await store().session(ADMIN, NOW).importWorkspace({ ...imported, lifecycleLogs: many })).toMatchObject({ assignments: 1_950, logEntries: entries });
    expect((await store().session(ADMIN, NOW).exportWorkspace()).lifecycleLogs).toEqual(many);
    // emptied again for the tests that follow (TRUNCATE fires no row trigger), the audit chain back at its start
    await sql`truncate settings, units, unit_changes, frameworks, assessments, assessment_history, directive_documents, directive_items, assignments, lifecycle_log, plugins, audit_log cascade`.execute(store().db);
    await sql`update audit_head set seq = 0, hash = ${GENESIS_HASH}`.execute(store().db);
  });

  it('names the problems of a log whose input is bad too, in the order of the documents, and writes nothing', async () => {
    const logs = structuredClone(imported.lifecycleLogs) as { input: { dueDate: string }; entries: { event: { at: string; content?: string; type: string } }[] }[];
    logs[10]!.input.dueDate = 'bad';
    logs[10]!.entries[0]!.event.at = 'nope';
    logs[3]!.entries[0]!.event.at = 'also nope';
    // a text PostgreSQL cannot hold, before both: its refusal does not hide the problems after it
    logs[1]!.entries.find((e) => e.event.type === 'REPORT')!.event.content = 'Báo cáo\u0000';
    const plugins = [{ package: 'p', options: {} }, { package: 'p', options: {} }];
    const problems = await store().session(ADMIN, NOW).importWorkspace({ ...imported, lifecycleLogs: logs, plugins }).then(
      () => [],
      (e: unknown) => (ParValidationError.isInstance(e) ? e.issues.map((i) => `${i.path.join('.')} ${i.code}`) : [String(e)]),
    );
    expect(problems).toEqual(['lifecycleLogs.3.entries.0.event.at schema.invalid_format', 'lifecycleLogs.10.input.dueDate schema.invalid_format', 'lifecycleLogs.10.input.dueDate schema.custom', 'lifecycleLogs.10.entries.0.event.at schema.invalid_format', 'plugins.1.package duplicate_plugin']);
    expect(await store().db.selectFrom('units').select('id').execute()).toEqual([]);
  });

  it('writes the log entries it checked: a value read once, whatever a getter answers later', async () => {
    const logs = structuredClone(imported.lifecycleLogs) as { entries: Record<string, unknown>[] }[];
    const entry = logs[0]!.entries[0]!;
    const state = entry.state;
    let reads = 0;
    Object.defineProperty(entry, 'state', { enumerable: true, get: () => (reads++ === 0 ? state : 'pwned') });
    await store().session(ADMIN, NOW).importWorkspace({ ...imported, lifecycleLogs: logs });
    const stored = await store().db.selectFrom('lifecycle_log').select('state').where('state', '=', 'pwned').execute();
    expect([reads, stored]).toEqual([1, []]);
    await sql`truncate settings, units, unit_changes, frameworks, assessments, assessment_history, directive_documents, directive_items, assignments, lifecycle_log, plugins, audit_log cascade`.execute(store().db);
    await sql`update audit_head set seq = 0, hash = ${GENESIS_HASH}`.execute(store().db);
  });

  it('imports the example workspace and exports exactly the same documents', async () => {
    const summary = await store().session(ADMIN, NOW).importWorkspace(imported);
    // 46 units in data/units.json: 1 province, 8 districts, 23 communes, 4 wards, 1 township, 1 committee, 6 offices, 1 public service unit, 1 other, 2 frameworks (district, derived commune), 16 of the 17 assessments, 1 notice, 65 logs
    expect(summary).toMatchObject({ units: 46, frameworks: 2, assessments: 16, directives: 1, assignments: 65 });
    expect(await store().session(ADMIN, NOW).exportWorkspace()).toEqual(imported);
    // a second import is refused: the store is not empty
    await expect(store().session(ADMIN, NOW).importWorkspace(imported)).rejects.toThrow(/already holds a workspace/);
    // a reader leaves out what it does not need; an unknown part is refused
    expect(await store().session(ADMIN, NOW).exportWorkspace({ omit: ['directives', 'lifecycleLogs'] })).toEqual({ ...imported, directives: [], lifecycleLogs: [] });
    await expect(store().session(ADMIN, NOW).exportWorkspace({ omit: ['units' as never] })).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && e.issues[0]!.path.join('.') === 'omit.0');
    // a commune reads only its own assessment
    const own = await store().session(officer('c03391'), NOW).exportWorkspace();
    expect(own.assessments.map((a) => (a as { unitId: string }).unitId)).toEqual(['c03391']);
  });

  it("reads a period's assessments from their compact form, as parsing their documents gives them, and only those the actor may read", async () => {
    // the workspace the test above imported
    const rows = await store().db.selectFrom('assessments').select(['unit_id', 'packed']).orderBy('position').execute();
    expect(rows.every((r) => r.packed !== null)).toBe(true);
    const loaded = await store().session(ADMIN, NOW).loadAssessments({ period: '2021' });
    expect(loaded).toHaveLength(16);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(schemaOutputs('2021')));
    // parsed assessments: the engine takes them (a plain copy it refuses)
    const fw = parseFramework(imported.frameworks[0]);
    const district = loaded.filter((a) => a.framework.id === fw.id);
    expect(computeIndex(fw, district).results).toHaveLength(district.length);
    expect(await store().session(ADMIN, NOW).loadAssessments({ period: '2021', frameworkId: 'no-such-framework' })).toEqual([]);
    expect(await store().session(ADMIN, NOW).loadAssessments({ period: '2020' })).toEqual([]);
    // a commune reads its own; the arguments are checked
    expect((await store().session(officer('c03391'), NOW).loadAssessments({ period: '2021' })).map((a) => a.unitId)).toEqual(['c03391']);
    expect(JSON.stringify(await store().session(ADMIN, NOW).loadAssessments())).toBe(JSON.stringify((imported.assessments as object[]).map((a) => AssessmentSchema.parse(a))));
    await expect(store().session(ADMIN, NOW).loadAssessments({ period: '21', unit: 'x' } as never)).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && e.issues.map((i) => `${i.path.join('.')} ${i.code}`).join() === 'period schema.invalid_format,period schema.custom, schema.unrecognized_keys');
    // a compact form the core refuses (self points above the maximum, another order of leaves) is passed over: the
    // document is parsed instead
    const first = rows[0]!;
    const packed = first.packed as { cells: string; leaves: string };
    const cells = new Int32Array(Uint8Array.from(Buffer.from(packed.cells, 'base64')).buffer);
    cells[1] = 999_000_000;
    for (const bad of [{ ...packed, cells: Buffer.from(cells.buffer).toString('base64') }, { ...packed, leaves: '1:00000000' }, { ...packed, format: 2 }]) {
      await store().db.updateTable('assessments').set({ packed: JSON.stringify(bad) }).where('unit_id', '=', first.unit_id).execute();
      expect(JSON.stringify(await store().session(ADMIN, NOW).loadAssessments({ period: '2021' }))).toBe(JSON.stringify(schemaOutputs('2021')));
    }
    await store().db.updateTable('assessments').set({ packed: JSON.stringify(packed) }).where('unit_id', '=', first.unit_id).execute();
    // another row's compact form in this row (valid, but of another unit) is passed over: the row's own document is read
    const other = rows[1]!;
    await store().db.updateTable('assessments').set({ packed: JSON.stringify(other.packed) }).where('unit_id', '=', first.unit_id).execute();
    expect(JSON.stringify(await store().session(ADMIN, NOW).loadAssessments({ period: '2021' }))).toBe(JSON.stringify(schemaOutputs('2021')));
    await store().db.updateTable('assessments').set({ packed: JSON.stringify(packed) }).where('unit_id', '=', first.unit_id).execute();
    // a document changed by hand loses its compact form (a trigger), so the change is what is read
    const doc = (await store().db.selectFrom('assessments').select('doc').where('unit_id', '=', first.unit_id).executeTakeFirstOrThrow()).doc as { entries: { code: string; self?: object }[] };
    const changed = { ...doc, entries: doc.entries.map((e, i) => (i === 0 ? { code: e.code } : e)) };
    await store().db.updateTable('assessments').set({ doc: JSON.stringify(changed) }).where('unit_id', '=', first.unit_id).execute();
    const after = await store().db.selectFrom('assessments').select('packed').where('unit_id', '=', first.unit_id).executeTakeFirstOrThrow();
    expect(after.packed).toBeNull();
    // its first leaf is no longer scored, which the row's status (past the draft) refuses: named under its row
    const row = [first.unit_id, (doc as unknown as { framework: { id: string } }).framework.id, '2021'];
    await expect(store().session(ADMIN, NOW).loadAssessments({ period: '2021' })).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && e.issues.length === 1 && e.issues[0]!.code === 'leaves_not_scored' && e.issues[0]!.path.slice(0, 3).join('/') === row.join('/'));
    await store().db.updateTable('assessments').set({ doc: JSON.stringify(doc) }).where('unit_id', '=', first.unit_id).execute();
    expect(JSON.stringify(await store().session(ADMIN, NOW).loadAssessments({ period: '2021' }))).toBe(JSON.stringify(schemaOutputs('2021')));
  });

  it('moves an assessment through its stages under the policy, with no lost update', async () => {
    const admin = store().session(ADMIN, NOW);
    expect(await admin.setPolicy(POLICY, 0)).toBe(1);
    const commune = store().session(officer(last.unitId), NOW);
    const office = store().session(officer('d109-nv'), NOW);
    const neighbour = store().session(officer('c03391'), NOW);
    // the commune writes its own scores; the survey and leadership points (S.2 = 9, L.1 = 7.5) are the office's to import
    const own = { ...draft, entries: draft.entries.filter((e) => !('imported' in e)) };
    const deniedFor = (action: string) => (e: unknown) => ParAccessDeniedError.isInstance(e) && e.action === action;
    await expect(neighbour.saveAssessment(own, 0)).rejects.toSatisfy(deniedFor('assessment.self'));
    expect(await commune.saveAssessment(own, 0)).toBe(1);
    await expect(commune.saveAssessment(draft, 1)).rejects.toSatisfy(deniedFor('assessment.appraise'));
    // the office may import, but not change the commune's own scores in the same save
    const changedOwn = (doc: typeof draft) => ({ ...doc, entries: doc.entries.map((e) => (e.code === own.entries[0]!.code ? { code: e.code, self: { points: 0 } } : e)) });
    await expect(office.saveAssessment(changedOwn(draft), 1)).rejects.toSatisfy(deniedFor('assessment.self'));
    expect(await office.saveAssessment(draft, 1)).toBe(2);
    // the commune may not change an imported value (S.2 from 9 to 12.5), only its own scores
    const s2 = (points: number) => ({ ...draft, entries: draft.entries.map((e) => (e.code === 'S.2' ? { ...e, imported: { ...(e as unknown as { imported: object }).imported, points } } : e)) });
    await expect(commune.saveAssessment(s2(12.5), 2)).rejects.toSatisfy(deniedFor('assessment.appraise'));
    expect(await commune.saveAssessment({ ...draft, status: 'submitted' }, 2)).toBe(3);
    // the commune cannot open the appraisal; the office can
    await expect(commune.saveAssessment({ ...draft, status: 'underAppraisal' }, 3)).rejects.toSatisfy(deniedFor('assessment.appraise'));
    expect(await office.saveAssessment({ ...draft, status: 'underAppraisal' }, 3)).toBe(4);
    // two appraisers save round 1 from version 4 at once: one wins, the other gets a conflict
    const round = (points: number) => ({ ...draft, status: 'underAppraisal', entries: draft.entries.map((e, i) => (i === 0 ? { ...e, appraisals: [{ round: 1, points, appraiser: 'Phòng Nội vụ' }] } : e)) });
    const results = await Promise.allSettled([office.saveAssessment(round(0), 4), office.saveAssessment(round(0.5), 4)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && ParConflictError.isInstance(r.reason))).toHaveLength(1);
    const stored = await commune.loadAssessment(last.unitId, 'hue-commune-illustrative', '2021');
    expect(stored?.version).toBe(5);
    // a self score may no longer change under appraisal (updateAssessment's stage rule)
    await expect(commune.saveAssessment({ ...(stored!.doc as object), entries: draft.entries.map((e, i) => (i === 0 ? { code: e.code, self: { points: 0 } } : e)) }, 5)).rejects.toSatisfy(ParValidationError.isInstance);
    // every version is kept
    expect((await store().db.selectFrom('assessment_history').select('version').where('unit_id', '=', last.unitId).orderBy('version').execute()).map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect((await store().verify()).ok).toBe(true);
    // each save keeps the compact form of what it saved
    const [saved] = (await commune.loadAssessments({ period: '2021', frameworkId: 'hue-commune-illustrative' })).filter((a) => a.unitId === last.unitId);
    expect(JSON.stringify(saved)).toBe(JSON.stringify(AssessmentSchema.parse(stored!.doc)));
    expect(saved!.entries[0]!.appraisals).toHaveLength(1);
  });
});

/** The imported assessments of a period as the schema gives them (what parsing gives, key for key). */
function schemaOutputs(period: string) {
  return (imported.assessments as { period: string }[]).filter((a) => a.period === period).map((a) => AssessmentSchema.parse(a));
}

describe('a store that cannot be opened', () => {
  it('gives one clear line without the password when PostgreSQL is down or the URL is wrong', async () => {
    const e = await openStore({ kind: 'postgres', url: 'postgres://par:secret@127.0.0.1:1/par' }).catch((x: unknown) => x);
    expect(StoreUnavailableError.isInstance(e)).toBe(true);
    expect((e as Error).message).toMatch(/^Cannot open the store at PostgreSQL 127\.0\.0\.1:1\/par: .*ECONNREFUSED/);
    expect((e as Error).message).not.toMatch(/secret|\n/);
  });

  it('refuses a PGlite folder that is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-store-'));
    writeFileSync(join(dir, 'db'), 'not a folder');
    const e = await openStore({ kind: 'pglite', dir: join(dir, 'db') }).catch((x: unknown) => x);
    rmSync(dir, { recursive: true, force: true });
    expect(StoreUnavailableError.isInstance(e)).toBe(true);
  });
});

describe('the store configuration', () => {
  it('resolves a folder against the configuration and a URL from the environment', () => {
    expect(resolveStoreConfig({ kind: 'pglite', dir: '.par/db' }, '/ws', {})).toEqual({ kind: 'pglite', dir: '/ws/.par/db' });
    expect(resolveStoreConfig({ kind: 'postgres', urlFromEnv: 'PAR_DB' }, '/ws', { PAR_DB: 'postgres://u@h/d' })).toEqual({ kind: 'postgres', url: 'postgres://u@h/d' });
  });
  it('refuses what it cannot honour, naming each problem', () => {
    const problems = (input: unknown, env = {}) => {
      try {
        resolveStoreConfig(input, '/ws', env);
      } catch (e) {
        return ParValidationError.isInstance(e) ? e.issues.map((i) => `${i.path.join('.')} ${i.code}`) : [String(e)];
      }
      return [];
    };
    expect(problems({ kind: 'sqlite' })).toEqual(['kind schema.invalid_union']);
    expect(problems({ kind: 'postgres', url: 'mysql://x', urlFromEnv: 'A' })).toEqual(['url schema.invalid_format', 'url schema.custom']);
    expect(problems({ kind: 'postgres', urlFromEnv: 'PAR_DB' })).toEqual(['url schema.invalid_type']);
    expect(problems({ kind: 'pglite', dir: '' })).toEqual(['dir schema.too_small']);
  });
});
