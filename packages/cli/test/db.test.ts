// par db on an embedded PGlite store: the example workspace in, the same results out of the database, and back to
// files byte for byte; a database that cannot be reached is one line and exit code 1. In process through runCli,
// each command opening the store anew as the command line does.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const actor = process.env.PAR_ACTOR;
beforeAll(() => {
  process.env.PAR_ACTOR = 'p12:admin:Quản trị';
});
afterAll(() => {
  if (actor === undefined) delete process.env.PAR_ACTOR;
  else process.env.PAR_ACTOR = actor;
});

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
  const dir = mkdtempSync(join(tmpdir(), 'par-db-'));
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
  });

  it('refuses an invalid workspace before touching the store', async () => {
    const dir = project();
    const bad = mkdtempSync(join(tmpdir(), 'par-bad-'));
    writeFileSync(join(bad, 'par.config.json'), JSON.stringify({ units: 'units.json' }));
    writeFileSync(join(bad, 'units.json'), JSON.stringify({ units: [{ id: 'x' }] }));
    const r = await par(dir, 'db', 'import', join(bad, 'par.config.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/units\.json: units\[0\]\.name/);
    expect(readdirSync(dir)).not.toContain('.par');
  });

  it('gives one clear line and exit code 1 when the database is down or the URL is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-down-'));
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
