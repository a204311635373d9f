import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './sheet-helpers.js';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const data = fileURLToPath(new URL('../../../examples/phong-tho-2022/data', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const T = { timeout: 60_000 };
let dir: string;

function par(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, '--conditions=@par/source', bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // a workspace of what the sheets need: units and frameworks
  dir = mkdtempSync(join(tmpdir(), 'par-excel-cli-'));
  for (const f of ['units.json', 'unit-changes.json', 'framework-district-illustrative.json', 'framework-commune-derivation.json']) cpSync(join(data, f), join(dir, 'data', f));
  writeFileSync(
    join(dir, 'par.config.json'),
    JSON.stringify({
      units: 'data/units.json',
      unitChanges: 'data/unit-changes.json',
      frameworks: ['data/framework-district-illustrative.json'],
      derivations: [{ base: 'data/framework-district-illustrative.json', file: 'data/framework-commune-derivation.json' }],
    }),
  );
  cpSync(fixture('libreoffice-filled.xlsx'), join(dir, 'filled.xlsx'));
  cpSync(fixture('libreoffice-filled.ods'), join(dir, 'filled.ods'));
});

describe('par template and par import', () => {
  it('imports what LibreOffice saved, as .xlsx and as .ods (exit 0)', T, () => {
    const r = par('import', 'filled.xlsx', 'filled.ods', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const [xlsx, ods] = JSON.parse(r.out);
    expect(xlsx.entries).toHaveLength(39);
    expect(ods).toEqual(xlsx);
  });

  it('an English template filled with the English words', T, async () => {
    expect(par('--lang', 'en', 'template', '--framework', 'hue-commune-illustrative', '--unit', 'c03586', '--year', '2022', '--out', 'en.xlsx').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'en.xlsx'));
    const ws = wb.getWorksheet('Tự đánh giá')!;
    expect(ws.getCell('F9').dataValidation.formulae).toEqual(['"Yes,No"']);
    ws.getCell('F7').value = 'On time';
    ws.getCell('F9').value = 'No';
    ws.getCell('F8').value = 0.95;
    await wb.xlsx.writeFile(join(dir, 'en-filled.xlsx'));
    const r = par('import', 'en-filled.xlsx', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).entries.map((e: { code: string; self: { input: unknown } }) => [e.code, e.self.input])).toEqual([
      ['1.1.1', 'onTime'],
      ['1.1.2', 95],
      ['1.2', false],
    ]);
  });

  it('every problem of a sheet, one per line at sheet!cell (exit 1)', T, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'filled.xlsx'));
    const ws = wb.getWorksheet('Tự đánh giá')!;
    ws.getCell('F9').value = 'Đúng hạn';
    ws.getCell('F57').value = 'Có';
    await wb.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const r = par('import', 'bad.xlsx');
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split('\n')).toEqual([
      'par: 3 problems in the sheet',
      '  Tự đánh giá!F9: Expected Có or Không (Yes or No), found "Đúng hạn"',
      '  Tự đánh giá!F57: Declared not applicable (x in I57) and scored (F57) at once: clear one of them',
      '  Tự đánh giá!I57: Declared not applicable (x in I57) and scored (F57) at once: clear one of them',
    ]);
  });

  it('files that are not workbooks: exit 1 with one line', T, () => {
    writeFileSync(join(dir, 'noise.xlsx'), 'PK\u0003\u0004 not really a zip');
    for (const [file, line] of [
      ['noise.xlsx', /^par: noise\.xlsx: a damaged or truncated zip archive/],
      ['missing.xlsx', /^par: missing\.xlsx: cannot be read \(ENOENT\)$/],
      ['data', /^par: data: not a file$/],
    ] as const) {
      const r = par('import', file);
      expect(r.code, file).toBe(1);
      expect(r.err.trimEnd().split('\n'), file).toEqual([expect.stringMatching(line)]);
    }
  });
});
