// par db on an embedded PGlite store: the example workspace in, the same results out of the database, and back to
// files byte for byte; a database that cannot be reached is one line and exit code 1. In process through runCli,
// each command opening the store anew as the command line does.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@par/store';
import { runCli } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const actor = process.env.PAR_ACTOR;
beforeAll(() => {
  process.env.PAR_ACTOR = 'p12:admin:Quản trị';
});
afterAll(() => {
  if (actor === undefined) delete process.env.PAR_ACTOR;
  else process.env.PAR_ACTOR = actor;
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
/** The folders the tests made under the system's temporary folder, removed at the end. */
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** `par` run as if from `cwd`: the workspace and every relative `out` folder or `-w` file resolved there. */
async function par(cwd: string, ...given: string[]) {
  const args = given.map((a, i) => (!isAbsolute(a) && (a === 'out' || given[i - 1] === '-w') ? join(cwd, a) : a));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args.includes('-w') ? args : ['-w', join(cwd, 'par.config.json'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
}

/** A project folder whose par.config.json names an embedded store in `.par/db`. */
function project(): string {
  const dir = tempDir('par-db-');
  cpSync(join(example, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(example, '../../node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'par.config.json'), JSON.stringify({ store: { kind: 'pglite', dir: '.par/db' } }));
  return dir;
}
const files = (dir: string) => Object.fromEntries(['par.config.json', ...readdirSync(join(dir, 'data')).map((f) => `data/${f}`)].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('par db on PGlite', () => {
  it('imports the example, reads from the store the same results as from the files, and exports an exact round trip', async () => {
    const a = project();
    const imported = await par(a, 'db', 'import', join(example, 'par.config.json'));
    expect([imported.code, imported.out.trim()]).toEqual([0, 'Đã nhập: 46 units, 2 frameworks, 17 assessments, 1 directives, 65 assignments (274 log entries)']);
    const fromStore = await par(a, '--json', 'score', '--year', '2021');
    expect(fromStore.code).toBe(0);
    expect(JSON.parse(fromStore.out)).toEqual(JSON.parse((await par(example, '--json', 'score', '--year', '2021')).out));
    const board = await par(a, '--json', 'directives', '--now', '2023-02-06');
    expect(board.code).toBe(0);
    expect(JSON.parse(board.out)).toEqual(JSON.parse((await par(example, '--json', 'directives', '--now', '2023-02-06')).out));
    expect((await par(a, 'db', 'export', 'out')).code).toBe(0);
    // the exported workspace validates as the example does (the message names each folder)
    const [exported, original] = [await par(a, '-w', 'out/par.config.json', 'validate'), await par(example, 'validate')];
    expect({ ...exported, out: exported.out.replace(join(a, 'out'), '<dir>') }).toEqual({ ...original, out: original.out.replace(example, '<dir>') });
    // the exported files into a second store and out again: the same bytes
    const b = project();
    expect((await par(b, 'db', 'import', join(a, 'out/par.config.json'))).code).toBe(0);
    expect((await par(b, 'db', 'export', 'out')).code).toBe(0);
    expect(files(join(b, 'out'))).toEqual(files(join(a, 'out')));
    // one audited write per import; the chain verifies
    expect((await par(b, '--lang', 'en', 'verify')).out).toMatch(/^The audit trail is intact: 1 entries, head [0-9a-f]{64}$/m);
    // an export never overwrites
    expect(await par(b, 'db', 'export', 'out')).toMatchObject({ code: 2, err: `par: ${join(b, 'out')} must be a new or empty folder\n` });
    // a stored document changed by hand into one that does not parse is named at its place, as in a file
    const store = await openStore({ kind: 'pglite', dir: join(b, '.par/db') });
    try {
      const row = await store.db.selectFrom('assessments').select(['unit_id', 'position', 'doc']).orderBy('position').executeTakeFirstOrThrow();
      const doc = row.doc as { entries: { code: string }[] };
      await store.db.updateTable('assessments').set({ doc: JSON.stringify({ ...doc, entries: [{ code: 'nope' }, ...doc.entries] }) }).where('unit_id', '=', row.unit_id).execute();
    } finally {
      await store.close();
    }
    const broken = await par(b, '--json', 'score', '--year', '2021');
    expect(broken.code).toBe(1);
    const problems = (JSON.parse(broken.out) as { problems: { file: string; issue: { path: unknown[]; code: string } }[] }).problems;
    expect(problems.map((p) => [p.file, p.issue.path.join('.'), p.issue.code])).toEqual([['data/assessments.json', '0.entries.0.code', 'unknown_code']]);
  });

  it('records a check run in the store with its findings and metrics; an actor who may not record is told so', async () => {
    const dir = project();
    expect((await par(dir, 'db', 'import', join(example, 'par.config.json'))).code).toBe(0);
    const checked = await par(dir, '--json', 'check', '--period', '2022', '--now', '2023-02-06');
    expect(checked.code).toBe(0);
    const found = JSON.parse(checked.out) as { id: string }[];
    // the same findings as from the files
    expect(found).toEqual(JSON.parse((await par(example, '--json', 'check', '--period', '2022', '--now', '2023-02-06')).out));
    expect(found.length).toBeGreaterThan(0);
    const store = await openStore({ kind: 'pglite', dir: join(dir, '.par/db') });
    try {
      expect(await store.db.selectFrom('runs').select(['id', 'kind', 'period', 'at']).execute()).toEqual([{ id: 1, kind: 'check', period: '2022', at: '2023-02-06T05:00:00.000Z' }]);
      const stored = await store.db.selectFrom('findings').select('doc').where('run_id', '=', 1).orderBy('position').execute();
      expect(stored.map((r) => (r.doc as { id: string }).id)).toEqual(found.map((f) => f.id));
      const metrics = await store.db.selectFrom('metrics').select(['metric_id', 'unit_id', 'period']).where('run_id', '=', 1).execute();
      expect(metrics.length).toBeGreaterThan(0);
      expect(metrics.every((m) => m.period === '2022')).toBe(true);
    } finally {
      await store.close();
    }
    // a commune officer gets its findings, then one line: the run was not recorded (exit code 1)
    process.env.PAR_ACTOR = 'c03391:officer';
    try {
      const denied = await par(dir, '--lang', 'en', 'check', '--period', '2022', '--now', '2023-02-06');
      expect(denied.out.split('\n')[0]).toBe(`${found.length} findings`);
      // audit entries: 1 the import, 2 the admin's run, 3 this refusal
      expect([denied.code, denied.err]).toEqual([1, 'par: Role "officer" of c03391 may not run.record: nothing was written (audit entry 3)\n']);
    } finally {
      process.env.PAR_ACTOR = 'p12:admin:Quản trị';
    }
  });

  it('refuses an invalid workspace before touching the store', async () => {
    const dir = project();
    const bad = tempDir('par-bad-');
    writeFileSync(join(bad, 'par.config.json'), JSON.stringify({ units: 'units.json' }));
    writeFileSync(join(bad, 'units.json'), JSON.stringify({ units: [{ id: 'x' }] }));
    const r = await par(dir, 'db', 'import', join(bad, 'par.config.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/units\.json: units\[0\]\.name/);
    expect(readdirSync(dir)).not.toContain('.par');
  });

  it('gives one clear line and exit code 1 when the database is down or the URL is wrong', async () => {
    const dir = tempDir('par-down-');
    writeFileSync(join(dir, 'par.config.json'), JSON.stringify({ store: { kind: 'postgres', url: 'postgres://par:secret@127.0.0.1:1/par' } }));
    for (const args of [['score', '--year', '2021'], ['db', 'migrate']]) {
      const r = await par(dir, ...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^par: Cannot open the store at PostgreSQL 127\.0\.0\.1:1\/par: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    }
    writeFileSync(join(dir, 'par.config.json'), JSON.stringify({ store: { kind: 'postgres', urlFromEnv: 'PAR_NO_SUCH_VARIABLE' } }));
    const unset = await par(dir, 'db', 'migrate');
    expect(unset.code).toBe(1);
    expect(unset.err).toMatch(/PAR_NO_SUCH_VARIABLE is not set/);
  });
});
