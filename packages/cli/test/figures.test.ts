// One value, one figure: the ranking table, the CSV and XLSX exports, the HTML report and the JSON display fields
// print every unit's points and index the same way (half up at the displayed decimals, from the exact value).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFramework, indexFramework, parseFramework } from '@par/core';
import { runCli } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const T = { timeout: 120_000 };

/**
 * A copy of the example workspace, without its plugin (figures do not depend on it; it resolves from the repository
 * only) and, for changed scores, without the lifecycle logs (assignments picked by rank change with the scores).
 */
function copy(logs = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'par-figures-'));
  cpSync(join(example, 'data'), join(dir, 'data'), { recursive: true });
  const config = JSON.parse(readFileSync(join(example, 'par.config.json'), 'utf8'));
  writeFileSync(join(dir, 'par.config.json'), JSON.stringify({ ...config, plugins: [], ...(logs ? {} : { lifecycleLogs: [] }) }));
  return dir;
}

async function par(dir: string, ...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(['-w', join(dir, 'par.config.json'), '--lang', 'en', ...args], { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out };
}

/** A minimal RFC 4180 reader (quoted cells, doubled quotes). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** A number cell of the XLSX as Excel shows it: its value with the decimals of its number format. */
function shown(cell: ExcelJS.Cell): string {
  const decimals = (cell.numFmt ?? '').split('.')[1]?.length ?? 0;
  return typeof cell.value === 'number' ? cell.value.toFixed(decimals) : String(cell.value ?? '');
}

type Figures = Map<string, [final: string, applicableMax: string, index: string]>;

/** The final points, applicable maximum and index of every unit (by name) in each output of the CLI. */
async function everyOutput(dir: string): Promise<Record<'table' | 'csv' | 'xlsx' | 'html' | 'json', Figures> & { components: { csv: string[][]; xlsx: string[][] } }> {
  const table: Figures = new Map();
  const score = await par(dir, 'score', '--year', '2021');
  expect(score.code, score.out.join('\n')).toBe(0);
  for (const line of score.out.slice(2)) table.set(line.slice(6, 46).trim(), [line.slice(46, 56).trim(), line.slice(56, 64).trim(), line.slice(64, 73).trim()]);

  expect((await par(dir, 'export', '--year', '2021', '--format', 'csv', '--out', join(dir, 'r.csv'))).code).toBe(0);
  const csvRows = readCsv(readFileSync(join(dir, 'r.csv'), 'utf8')).slice(1);
  const csv: Figures = new Map(csvRows.map((r) => [r[1]!, [r[5]!, r[6]!, r[7]!]]));

  expect((await par(dir, 'export', '--year', '2021', '--format', 'xlsx', '--out', join(dir, 'r.xlsx'))).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'r.xlsx'));
  const xlsx: Figures = new Map();
  const xlsxComponents: string[][] = [];
  wb.worksheets[0]!.eachRow((row, r) => {
    if (r === 1) return;
    xlsx.set(String(row.getCell(2).value), [shown(row.getCell(3)), shown(row.getCell(4)), shown(row.getCell(5))]);
    xlsxComponents.push(Array.from({ length: csvRows[0]!.length - 10 }, (_, k) => shown(row.getCell(7 + k))));
  });

  const report = await par(dir, 'report', '--year', '2021', '--now', '2022-12-31', '--out', join(dir, 'r.html'));
  expect(report.code, report.out.join('\n')).toBe(0);
  const html: Figures = new Map();
  const ranking = readFileSync(join(dir, 'r.html'), 'utf8').split('<table id="ranking">')[1]!.split('</table>')[0]!;
  for (const m of ranking.matchAll(/<tr class="band-[^"]*"><td>[^<]*<\/td><td>([^<]*)<\/td><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td><td class="n">([^<]*)<\/td>/g)) {
    html.set(m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'), [m[2]!, m[3]!, m[4]!]);
  }

  const jsonOut = await par(dir, '--json', 'score', '--year', '2021');
  const json: Figures = new Map(
    (JSON.parse(jsonOut.out.join('\n')) as { results: { unitId: string; display: { final: string; applicableMax: string; indexPercent: string } }[] }).results.map((r) => [
      r.unitId,
      [r.display.final, r.display.applicableMax, r.display.indexPercent],
    ]),
  );
  return { table, csv, xlsx, html, json, components: { csv: csvRows.map((r) => r.slice(10)), xlsx: xlsxComponents } };
}

function expectOneFigurePerValue(outputs: Awaited<ReturnType<typeof everyOutput>>): void {
  const { table, csv, xlsx, html, json, components } = outputs;
  // component indices of each field: CSV and XLSX
  expect(components.xlsx).toEqual(components.csv);
  expect(table.size).toBe(17);
  expect([...csv.values()]).toEqual([...table.values()]);
  expect([...xlsx.values()]).toEqual([...table.values()]);
  expect([...html.values()]).toEqual([...table.values()]);
  expect([...json.values()]).toEqual([...table.values()]);
  expect([...csv.keys()]).toEqual([...table.keys()]);
}

describe('one figure per value in every output', () => {
  it('on the Phong Thổ example', T, async () => {
    const dir = copy();
    const outputs = await everyOutput(dir);
    expectOneFigurePerValue(outputs);
    // Hand check of one unit whose exact total ends in 5 at the fourth decimal (half up, not binary floating
    // point): c03562's final points are 46.3075 exactly (46.3075.toFixed(3) gives "46.307"); shown as 46.308.
    // Its index is 46.3075 / 71 x 100 = 65.22183...% -> 65.222 at the commune framework's three decimals.
    const data = JSON.parse(readFileSync(join(dir, 'data/assessments-2021.json'), 'utf8')) as { unitId: string }[];
    expect(data.some((a) => a.unitId === 'c03562')).toBe(true);
    const row = [...outputs.csv.entries()].find(([, v]) => v[0] === '46.308');
    expect(row?.[1]).toEqual(['46.308', '71.000', '65.222']);
  });

  it('for generated points (appraisal rounds set to random multiples of 0.0005, many ending in 5)', T, async () => {
    const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, 'data', name), 'utf8'));
    const base = copy();
    const framework = deriveFramework(parseFramework(read(base, 'framework-district-illustrative.json')), read(base, 'framework-commune-derivation.json'));
    const nodes = indexFramework(framework);
    const assessments = read(base, 'assessments-2021.json') as { entries: { code: string; appraisals?: { points: number }[] }[] }[];
    // a manual rule's step is kept (multiples of the step), other leaves take multiples of 0.0005 up to their maximum
    const slots = assessments.flatMap((a, i) =>
      a.entries.flatMap((e, k) => {
        if (!e.appraisals?.length) return [];
        const { node } = nodes.get(e.code)!;
        const step = (node.rule as { step?: number } | undefined)?.step ?? 0.0005;
        return [{ i, k, step, steps: Math.floor(Math.round(node.maxPoints * 1e6) / Math.round(step * 1e6)) }];
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.tuple(...slots.map((s) => fc.integer({ min: 0, max: s.steps }))), async (counts) => {
        const dir = copy(false);
        const edited = structuredClone(assessments);
        slots.forEach((s, n) => {
          const rounds = edited[s.i]!.entries[s.k]!.appraisals!;
          rounds[rounds.length - 1]!.points = (counts[n]! * Math.round(s.step * 1e6)) / 1e6;
        });
        writeFileSync(join(dir, 'data/assessments-2021.json'), JSON.stringify(edited));
        expectOneFigurePerValue(await everyOutput(dir));
      }),
      { numRuns: 4 },
    );
  });
});
