// `par directives --now D` draws the board as it stood on D: entries dated later are not replayed; a log cannot
// answer a directive not yet issued: entries before the notice was signed (07/09/2022) are refused. In process
// through runCli on a copy of the example.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));

interface Log {
  input: { id: string };
  entries: { event: { at: string } }[];
}

/** A copy of the example whose first log is changed by `edit`; `par directives --now 2023-02-06 --json` on it. */
async function directivesWith(edit: (log: Log) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'par-log-dates-'));
  cpSync(join(example, 'data'), join(dir, 'data'), { recursive: true });
  const config = JSON.parse(readFileSync(join(example, 'par.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'par.config.json'), JSON.stringify({ ...config, plugins: [] }));
  const logs = JSON.parse(readFileSync(join(dir, 'data/lifecycle-logs.json'), 'utf8')) as Log[];
  edit(logs[0]!);
  writeFileSync(join(dir, 'data/lifecycle-logs.json'), JSON.stringify(logs));
  const out: string[] = [];
  const code = await runCli(['-w', join(dir, 'par.config.json'), '--lang', 'en', 'directives', '--now', '2023-02-06', '--json'], { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n'), id: logs[0]!.input.id };
}

describe('lifecycle log dates', () => {
  it('does not replay an approval dated 2099 on the board of 06/02/2023', { timeout: 60_000 }, async () => {
    // the first log ends with the People's Committee's APPROVE of 03/01/2023 (state done); dated 2099 instead, the
    // board of 06/02/2023 shows the state before it: the report of 30/12/2022, reported
    const before = await directivesWith(() => undefined);
    const r = await directivesWith((log) => (log.entries.at(-1)!.event.at = '2099-01-01T09:00:00+07:00'));
    expect(r.code).toBe(EXIT.ok);
    const stateOf = (out: string, id: string) => (JSON.parse(out) as { id: string; state: string }[]).find((row) => row.id === id)?.state;
    expect([stateOf(before.out, r.id), stateOf(r.out, r.id)]).toEqual(['done', 'reported']);
  });

  it('refuses an acknowledgement dated 01/09/2022, before the notice of 07/09/2022 was signed', { timeout: 60_000 }, async () => {
    const r = await directivesWith((log) => (log.entries[0]!.event.at = '2022-09-01T09:00:00+07:00'));
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toContain('entry_before_directive');
  });

  it('accepts the same log as recorded', { timeout: 60_000 }, async () => {
    const r = await directivesWith(() => undefined);
    expect(r.code).toBe(EXIT.ok);
  });
});
