import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const T = { timeout: 60_000 };
// tsx from this package, so that the CLI also runs in a copy of the workspace outside the repository
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

function par(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, '--conditions=@par/source', bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the example workspace to break. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'par-cli-'));
  cpSync(join(example, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(example, 'par.config.json'), join(dir, 'par.config.json'));
  // the project: its plugins are its dependencies, installed where Node finds them from the workspace
  cpSync(join(example, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(example, '../../node_modules'), join(dir, 'node_modules'));
  return dir;
}
const edit = (dir: string, file: string, change: (json: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
};

describe('par on the Phong Thổ workspace', () => {
  it('validates it', T, () => {
    const r = par(example, 'validate');
    expect([r.code, r.out.trim()]).toEqual([0, 'OK: 46 units, 2 frameworks, 17 assessments, 1 directives, 5 plugins']);
  });

  it('scores, in Vietnamese by default and as JSON for scripts', T, () => {
    const r = par(example, 'score', '--year', '2021');
    expect(r.code).toBe(0);
    // the example's commune set prints indexes with three decimals: 58.995 / 69.25 x 100 = 85.1913...
    expect(r.out.split('\n')[2]).toMatch(/^1\s+Xã Sin Suối Hồ\s+58\.995\s+69\.250\s+85\.191\s+Tốt/);
    const json = JSON.parse(par(example, 'score', '--year', '2021', '--json').out);
    expect(json.results).toHaveLength(17);
    expect(json.results[16]).toMatchObject({ unitId: 'c03559', rank: 17, indexPercent: 62.781, band: 'average' });
  });

  it('explains a unit found by its official code, shows gaps, the board and the findings', T, () => {
    expect(par(example, 'explain', '03559', '--year', '2021', '--lang', 'en').out).toContain('Pa Vây Sử commune: rank 17, 62.781%');
    expect(par(example, 'gaps', '--year', '2021', '--lang', 'en').out).toContain('Where the most points are lost:');
    // "by the end of 2022": nominal Saturday 31/12/2022, moved past the New Year days off to Tuesday 3/1/2023
    const board = par(example, 'directives', '--now', '2023-02-06', '--lang', 'en').out.split('\n');
    expect(board[1]).toMatch(/^ {2}Nậm Xe commune\s+\(9\)\s+2022-12-31 → 2023-01-03\s+acknowledged\s+OVERDUE, escalated/);
    const check = par(example, 'check', '--period', '2022', '--now', '2022-12-31', '--json');
    // the planted defects of the illustrative records, as the example's tests list them: six ISO defects; four
    // finance findings (DA-10 allocated late, DA-07 and DA-20 slow at 30/06, QT-01 settlement overdue; DA-07's
    // undisbursed capital only after its window ends on 31/01/2023); the legal register's six less the two that arise
    // when the district tier ends on 01/07/2025; the eleven one-stop defects; the three e-document defects
    const perPlugin: Record<string, number> = {};
    for (const f of JSON.parse(check.out) as { plugin: string }[]) perPlugin[f.plugin] = (perPlugin[f.plugin] ?? 0) + 1;
    expect(perPlugin).toEqual({ iso9001: 6, finance: 4, 'legal-review': 4, 'one-stop': 11, 'e-documents': 3 });
  });

  it('writes a self-contained HTML report with the ranking and inline SVG charts', T, () => {
    const dir = copy();
    const r = par(dir, 'report', '--year', '2021', '--now', '2023-02-06', '--out', 'report.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<table id="ranking">');
    expect(html).toMatch(/<td>1<\/td><td>Xã Sin Suối Hồ<\/td><td class="n">58\.995<\/td>/);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('class="overdue"');
    expect(html).toContain('1670/NQ-UBTVQH15');
    expect(html).not.toMatch(/<script|<link |https?:\/\/(?!www\.w3\.org)/); // nothing to fetch
  });

  it("gives the plugins' report sections of the period, one or more per plugin, as the demo does", T, () => {
    const dir = copy();
    expect(par(dir, 'report', '--year', '2021', '--period', '2022', '--now', '2023-02-06', '--out', 'report.html').code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect([...html.matchAll(/<section id="plugin-([a-z0-9-]+)">/g)].map((m) => m[1])).toEqual(['finance-disbursement-curves', 'legal-review-review', 'one-stop-on-time', 'e-documents-registers']);
    expect(html).not.toContain('plugin-error');
    // Mường So's 2022 registers: (32 + 90) / 140 = 87.14 % exchanged electronically, 32 / 40 = 80.00 % signed
    expect(html).toMatch(/<td>c03589<\/td><td class="n">140<\/td><td class="n">122<\/td><td class="n">87\.14<\/td><td class="n">40<\/td><td class="n">32<\/td><td class="n">80\.00<\/td>/);
  });

  it('exports CSV and XLSX', T, async () => {
    const dir = copy();
    expect(par(dir, 'export', '--year', '2021', '--format', 'csv', '--out', 'r.csv').code).toBe(0);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')[1]).toMatch(/^c03592,Xã Sin Suối Hồ,all,/);
    expect(par(dir, 'export', '--year', '2021', '--format', 'xlsx', '--out', 'r.xlsx').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 7)).toEqual([1, 'Xã Sin Suối Hồ', 58.995, 69.25, 85.191, 'Tốt']);
    // the field columns carry the same component indices as the CSV export
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')[1]!.split(',');
    expect(row.slice(7).map(Number)).toEqual(csv.slice(10).map(Number));
    expect(row.slice(7)).toHaveLength(9);
  });
});

describe('start-up', () => {
  it('answers help without loading the library (no zod), and loads it once a command runs', T, () => {
    const cli = pathToFileURL(fileURLToPath(new URL('../src/cli.ts', import.meta.url))).href;
    const script = `
      const { runCli } = await import(${JSON.stringify(cli)});
      const seen = [];
      for (const args of [[], ['--help'], ['-h'], ['help'], ['help', 'score'], ['score', '--help'], ['db', 'verify', '-h'], ['explain', 'x'], ['-w', ${JSON.stringify(join(example, 'par.config.json'))}, 'validate']]) {
        const lines = [];
        const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
        seen.push([args.join(' '), code, lines.join('\\n').includes('Usage: par'), '__zod_globalConfig' in globalThis]);
      }
      console.log(JSON.stringify(seen));`;
    const r = spawnSync(process.execPath, ['--import', tsx, '--conditions=@par/source', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // [arguments, exit code, help printed, zod loaded]
    expect(JSON.parse(r.stdout)).toEqual([
      ['', 2, true, false],
      ['--help', 0, true, false],
      ['-h', 0, true, false],
      ['help', 0, true, false],
      ['help score', 0, true, false],
      ['score --help', 0, true, false],
      ['db verify -h', 0, true, false],
      // a mandatory option missing: a usage mistake, told before anything loads
      ['explain x', 2, false, false],
      [`-w ${join(example, 'par.config.json')} validate`, 0, false, true],
    ]);
  });
});

describe('the Excel round trip', () => {
  it('template -> fill -> import keeps every value exactly', T, async () => {
    const dir = copy();
    expect(par(dir, 'template', '--framework', 'hue-commune-illustrative', '--unit', 'Xã Nậm Xe', '--year', '2022', '--out', 't.xlsx').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 't.xlsx'));
    const ws = wb.getWorksheet('Tự đánh giá')!;
    const filled: Record<string, { points?: number; input?: unknown }> = {};
    const values = [0.25, 1.5, 0.75, 2.25, 1];
    let k = 0;
    ws.eachRow((row, r) => {
      if (r < 5) return;
      const code = String(row.getCell(1).value);
      const rule = String(row.getCell(4).value);
      const max = Number(row.getCell(3).value);
      // manual criteria take points in E; rule-scored ones a measured value in F, in the sheet's own words
      let typed: string | number;
      if (row.getCell(5).protection?.locked === false) filled[code] = { points: (typed = Math.min(max, values[k++ % values.length]!)) };
      else if (row.getCell(6).protection?.locked !== false) return;
      else if (rule.startsWith('Có')) [filled[code], typed] = [{ input: true }, 'Có'];
      else if (rule.startsWith('Đúng hạn')) [filled[code], typed] = [{ input: 'late' }, 'Trễ hạn'];
      else if (String(row.getCell(6).numFmt).includes('%')) [filled[code], typed] = [{ input: 87.5 }, 0.875]; // 87.5%
      else [filled[code], typed] = [{ input: 1 }, 1];
      row.getCell(filled[code]!.points === undefined ? 6 : 5).value = typed;
      row.getCell(7).value = 'KH 12/KH-UBND; BC 5/BC-UBND';
    });
    await wb.xlsx.writeFile(join(dir, 'filled.xlsx'));
    const r = par(dir, 'import', 'filled.xlsx');
    expect(r.err).toBe('');
    const a = JSON.parse(r.out);
    expect([a.unitId, a.framework, a.period]).toEqual(['c03586', { id: 'hue-commune-illustrative', version: '2021.1' }, '2022']);
    expect(Object.keys(filled).length).toBeGreaterThan(30);
    for (const e of a.entries) {
      const f = filled[e.code]!;
      expect([e.code, e.self.points, e.self.input]).toEqual([e.code, f.points, f.input]);
      expect(e.self.evidence.map((id: string) => a.evidence.find((x: { id: string }) => x.id === id).title)).toEqual(['KH 12/KH-UBND', 'BC 5/BC-UBND']);
    }
    expect(a.entries).toHaveLength(Object.keys(filled).length);
  });
});

describe('broken inputs: one line, the details, an exit code', () => {
  it('a wrong type in a data file (exit 1, file and path)', T, () => {
    const dir = copy();
    edit(dir, 'data/units.json', (j) => (j.units[3].validFrom = 20200101));
    const r = par(dir, 'validate');
    expect(r.code).toBe(1);
    expect(r.err).toContain('data/units.json: units[3].validFrom: Expected a date YYYY-MM-DD [schema.invalid_type]');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    const json = JSON.parse(par(dir, 'validate', '--json').out);
    expect([json.valid, json.problems[0].file, json.problems[0].issue.path]).toEqual([false, 'data/units.json', ['units', 3, 'validFrom']]);
  });

  it('a directive naming a unit that does not exist', T, () => {
    const dir = copy();
    edit(dir, 'data/notice-2022-09-07.json', (j) => (j.items[3].lead[0].unitId = 'd109-nowhere'));
    const r = par(dir, 'directives', '--now', '2023-02-06');
    expect(r.code).toBe(1);
    expect(r.err).toContain('items[3].lead[0].unitId: Unit "d109-nowhere" is not in the unit registry [unknown_unit]');
  });

  it('a framework whose children do not sum', T, () => {
    const dir = copy();
    edit(dir, 'data/framework-district-illustrative.json', (j) => (j.nodes[0].children[0].maxPoints = 2));
    const r = par(dir, 'validate');
    expect(r.code).toBe(1);
    expect(r.err).toContain('data/framework-district-illustrative.json: nodes[0].maxPoints: Node "1" is worth 9 but its children sum to 9.5 [sum_mismatch]');
  });

  it('a sheet with a cell out of range, and one that is not a number (exit 1, sheet!cell)', T, async () => {
    const dir = copy();
    par(dir, 'template', '--framework', 'hue-commune-illustrative', '--unit', 'c03586', '--year', '2022', '--out', 't.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 't.xlsx'));
    const ws = wb.getWorksheet('Tự đánh giá')!;
    const manual: number[] = [];
    const yesNo: number[] = [];
    ws.eachRow((row, r) => {
      if (r >= 5 && row.getCell(5).protection?.locked === false) manual.push(r); // points typed in E
      if (r >= 5 && row.getCell(6).protection?.locked === false && String(row.getCell(4).value).startsWith('Có')) yesNo.push(r); // a word in F
    });
    ws.getCell(`E${manual[0]}`).value = 99;
    ws.getCell(`F${yesNo[0]}`).value = 'một';
    await wb.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const r = par(dir, 'import', 'bad.xlsx');
    expect(r.code).toBe(1);
    // both in one run
    expect(r.err.split('\n').slice(1, 3).sort()).toEqual(
      [`  Tự đánh giá!E${manual[0]}: 99 is above the maximum 0.25 of "1.4.3"`, `  Tự đánh giá!F${yesNo[0]}: Expected Có or Không (Yes or No), found "một"`].sort(),
    );
  });

  it('a lifecycle log that no longer applies', T, () => {
    const dir = copy();
    edit(dir, 'data/lifecycle-logs.json', (j) => (j[0].entries[0].event.by.unitId = 'd109-nv-impostor'));
    const r = par(dir, 'directives', '--now', '2023-02-06');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^  lifecycleLogs: \S+\.entries\[0\]\.event: Entry 1 \(ACKNOWLEDGE\) does not apply in state issued: Only the assigned unit "\S+" can do this \[refused\.notAssignedUnit\]$/m);
  });

  it('a lifecycle log replays from the directive, not from its own input', T, () => {
    const dir = copy();
    // a unit names itself issuer with a 2099 deadline, then reports and approves its own work
    edit(dir, 'data/lifecycle-logs.json', (j) => {
      const log = j.find((l: { input: { itemLabel: string; unitId: string } }) => l.input.itemLabel === '(9)' && l.input.unitId === 'c03586');
      const unit = { unitId: log.input.unitId };
      Object.assign(log.input, { issuerId: log.input.unitId, nominalDueDate: '2099-12-31', dueDate: '2099-12-31' });
      const id = log.input.id;
      log.entries = [
        { type: 'ACKNOWLEDGE', by: unit, at: '2022-09-09T09:00:00+07:00' },
        { type: 'REPORT', by: unit, at: '2023-02-01T09:00:00+07:00', content: 'Xong', attachments: [] },
        { type: 'APPROVE', by: unit, at: '2023-02-01T10:00:00+07:00' },
      ].map((event, i) => ({ assignmentId: id, seq: i + 1, event, state: ['acknowledged', 'reported', 'done'][i] }));
      j.push({ input: { ...log.input, id: 'forged#2022-12-31' }, entries: [] });
      j.push(JSON.parse(JSON.stringify(j[0])));
    });
    const r = par(dir, 'directives', '--now', '2023-02-06');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^  lifecycleLogs: \S+\(9\)\/c03586\S+\.input: The log records issuerId, nominalDueDate, dueDate unlike the directive and the unit registry \[log_input_mismatch\]$/m);
    expect(r.err).toMatch(/^  lifecycleLogs: \S+\(9\)\/c03586\S+\.entries\[2\]\.event: Entry 3 \(APPROVE\) does not apply in state reported: Only the issuer "d109-ubnd" \S+/m);
    expect(r.err).toMatch(/^  lifecycleLogs: forged#2022-12-31: No assignment of the directives has this id \[unknown_assignment\]$/m);
    expect(r.err).toMatch(/^  lifecycleLogs: \S+: A second log for the same assignment \[duplicate_log\]$/m);
  });

  it('usage mistakes exit 2', T, () => {
    expect(par(example, 'score').code).toBe(2);
    expect(par(example, 'nonsense').code).toBe(2);
    const r = par(example, 'explain', 'Xã Không Có', '--year', '2021');
    expect([r.code, r.err.trim()]).toEqual([2, 'par: No unit "Xã Không Có" (try its id, official code or name)']);
  });
});
