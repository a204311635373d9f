// `par import-records` and the plugins' report sections, run in process through runCli on the Phong Thổ workspace
// (whose finance plugin is loaded from its source: the `@par/source` condition is given as Node would get it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { sectionsHtml } from '../src/plugin-sections.js';
import { loadPluginsFromSource } from './source-condition.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const fixture = (f: string) => fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url));
const T = { timeout: 120_000 };
loadPluginsFromSource();

async function par(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['-w', join(example, 'par.config.json'), '--lang', 'en', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

describe('par import-records', () => {
  it('reads a Treasury report from CSV exactly, amounts as integer strings', T, async () => {
    const r = await par('import-records', 'finance/treasury-disbursements', fixture('kbnn-d109-vhtt.csv'));
    expect([r.code, r.err]).toEqual([EXIT.ok, []]);
    expect(JSON.parse(r.out)).toEqual([
      { unitId: 'd109-vhtt', projectId: 'DA-09', planYear: 2022, date: '2022-03-25', amount: '250000000', kind: 'payment', reference: 'KB-0312' },
      { unitId: 'd109-vhtt', projectId: 'DA-10', planYear: 2022, date: '2022-06-25', amount: '9007199254740993', kind: 'advance' }, // 2^53 + 1, exact
      { unitId: 'd109-vhtt', projectId: 'DA-10', planYear: 2022, date: '2022-06-30', amount: '100000000', kind: 'advanceRecovery', reference: 'KB-0630' },
    ]);
  });

  it('reads a sheet of a workbook (date cells, numbers, text amounts) and writes the records to --out', T, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'par-import-records-')), 'kbnn.json');
    const r = await par('import-records', 'finance/treasury-disbursements', fixture('kbnn.xlsx'), '--out', out);
    expect([r.code, r.out]).toEqual([EXIT.ok, `Wrote 2 records to ${out}`]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([
      { unitId: 'd109-vhtt', projectId: 'DA-09', planYear: 2022, date: '2022-03-25', amount: '250000000', kind: 'payment' },
      { unitId: 'd109-vhtt', projectId: 'DA-10', planYear: 2022, date: '2022-06-25', amount: '1250000000', kind: 'payment' },
    ]);
  });

  it('names every bad cell at file!cell and imports nothing (exit 1)', T, async () => {
    const csv = await par('import-records', 'finance/treasury-disbursements', fixture('kbnn-bad.csv'));
    expect([csv.code, csv.out]).toEqual([EXIT.invalidInput, '']);
    expect(csv.err[0]).toBe(`par: 6 problems in ${fixture('kbnn-bad.csv')}; nothing was imported`);
    // row 2: 31/02 is no date; row 3: "1,5" is ambiguous; row 4: no unit, 22.5 is no year, 1.000.00 is no amount, "hoàn trả" no kind
    expect(csv.err.slice(1).map((l) => l.split(':')[0]!.trim())).toEqual(['kbnn-bad.csv!D2', 'kbnn-bad.csv!E3', 'kbnn-bad.csv!A4', 'kbnn-bad.csv!C4', 'kbnn-bad.csv!E4', 'kbnn-bad.csv!F4']);
    const xlsx = await par('import-records', 'finance/treasury-disbursements', fixture('kbnn.xlsx'), '--sheet', 'Sai');
    expect(xlsx.code).toBe(EXIT.invalidInput);
    // a date cell with a time (14:30), 1.5 đồng, 2^60 (not exact as a number), "chuyển khoản" (no such kind)
    expect(xlsx.err.slice(1).map((l) => l.split(': ')[0]!.trim())).toEqual(['kbnn.xlsx!Sai!D2', 'kbnn.xlsx!Sai!E2', 'kbnn.xlsx!Sai!E3', 'kbnn.xlsx!Sai!F3']);
  });

  it('refuses an unknown importer, a format it does not read, a missing sheet (exit 2) and an unreadable file (exit 1)', T, async () => {
    const unknown = await par('import-records', 'finance/nothing', fixture('kbnn-bad.csv'));
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err[0]).toMatch(/^par: No importer "finance\/nothing" \(have: .*finance\/treasury-disbursements, finance\/plan-allocations/);
    const dir = mkdtempSync(join(tmpdir(), 'par-import-records-'));
    writeFileSync(join(dir, 'kbnn.txt'), 'x');
    expect((await par('import-records', 'finance/plan-allocations', join(dir, 'kbnn.txt'))).err[0]).toBe('par: finance/plan-allocations reads .csv and .xlsx files, not .txt');
    expect((await par('import-records', 'finance/plan-allocations', fixture('kbnn.xlsx'), '--sheet', 'KH')).err[0]).toBe(`par: ${fixture('kbnn.xlsx')} has no sheet "KH" (have: KBNN, Sai)`);
    const missing = await par('import-records', 'finance/plan-allocations', join(dir, 'none.csv'));
    expect([missing.code, missing.err[0]]).toEqual([EXIT.invalidInput, `par: ${join(dir, 'none.csv')}: No such file`]);
    writeFileSync(join(dir, 'fake.xlsx'), 'not a zip');
    const fake = await par('import-records', 'finance/plan-allocations', join(dir, 'fake.xlsx'));
    expect([fake.code, fake.err[0]]).toEqual([EXIT.invalidInput, `par: ${join(dir, 'fake.xlsx')}: not a workbook: save it as .xlsx`]);
  });
});

describe('the plugins in the report', () => {
  it('shows the finance section: the curves as an SVG chart and the table by rank, with unit names', T, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'par-report-')), 'report.html');
    expect((await par('report', '--year', '2021', '--period', '2022', '--now', '2023-02-06', '--out', out)).code).toBe(EXIT.ok);
    const html = readFileSync(out, 'utf8');
    const section = html.slice(html.indexOf('<section id="plugin-finance-disbursement-curves">'), html.indexOf('</section>'));
    expect(section).toContain('<h2>Public-investment disbursement</h2>');
    expect(section).toMatch(/<figure><svg [^]*<\/svg><figcaption class="note">Cumulative disbursement rate by month \(%\)<\/figcaption><\/figure>/);
    // d109-kthf by 31/01/2023: 12.200.000.000 of 12.500.000.000 = 97.60 % (DA-07's 300.000.000 lapsed; see the example's README)
    expect(section).toContain('<tr><td class="n">3</td><td>Economy-Infrastructure office</td><td class="n">12.500.000.000</td><td class="n">12.200.000.000</td><td>31/01/2023</td><td class="n">97.60</td><td class="n"></td></tr>');
  });

  it('lists on the board an assignment on time only by its extension', T, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'par-report-')), 'report.html');
    expect((await par('report', '--year', '2021', '--now', '2023-02-06', '--out', out)).code).toBe(EXIT.ok);
    // item (8) of the Economy-Infrastructure office: due "by the end of 2022" (Saturday 31/12/2022, in force 03/01/2023),
    // extended, reported on 30/01/2023: on time against the extended deadline, late against the original one
    expect(readFileSync(out, 'utf8')).toMatch(/<tr class=""><td>Economy-Infrastructure office<\/td><td>\(8\)<\/td><td>2022-12-31 → [0-9-]+<\/td><td>done<\/td><td>On time by an extension \(late against the original deadline\)<\/td><\/tr>/);
  });

  it('escapes whatever text a plugin gives, in tables and in charts', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = sectionsHtml(
      [{ plugin: 'p', id: 's', title: { vi: evil }, content: { notes: [{ vi: evil }], tables: [{ title: { vi: evil }, columns: [{ label: { vi: evil } }], rows: [[evil]] }], charts: [{ title: { vi: evil }, kind: 'bar', categories: [evil], series: [{ name: { vi: evil }, values: [1] }] }] } }],
      [{ plugin: 'p', id: evil, problem: evil }],
      'vi',
      (option, width, height) => {
        const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
        chart.setOption({ animation: false, ...option });
        const svg = chart.renderToSVGString();
        chart.dispose();
        return svg;
      },
    );
    expect(html).not.toContain('<img');
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)!.length).toBeGreaterThanOrEqual(7);
  });
});
