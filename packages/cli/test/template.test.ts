import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { evaluateRule, indexFramework, toMicro, type RuleInput, type ScoringRule } from '@par/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateFormula, type FormulaValue } from '../src/formula.js';
import { META, SHEET, identityChecksum } from '../src/sheet-layout.js';
import { writeTemplate } from '../src/template.js';
import { sheetContext } from './sheet-helpers.js';

const ctx = sheetContext();
const dir = mkdtempSync(join(tmpdir(), 'par-template-'));
const file = join(dir, 'template.xlsx');
let ws: ExcelJS.Worksheet;
let meta: ExcelJS.Worksheet;
beforeAll(async () => {
  await writeTemplate(ctx, ctx.commune, 'c03586', '2022', file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  ws = wb.getWorksheet(SHEET)!;
  meta = wb.getWorksheet(META)!;
});

describe('the self-assessment template', () => {
  it('says what to type in each input cell: drop-downs in Vietnamese, ranges, input messages', () => {
    const dv = (a: string) => ws.getCell(a).dataValidation;
    expect(dv('F9')).toMatchObject({ type: 'list', formulae: ['"Có,Không"'], showInputMessage: true, prompt: 'Có hoặc Không' }); // 1.2 yes/no
    expect(dv('F7')).toMatchObject({ type: 'list', formulae: ['"Đúng hạn,Trễ hạn,Không thực hiện"'] }); // 1.1.1 timeliness
    expect(dv('F8')).toMatchObject({ type: 'decimal', formulae: [0, 1], prompt: 'Tỉ lệ phần trăm từ 0% đến 100%, ví dụ 95%' }); // 1.1.2 ratio
    expect(ws.getCell('F8').numFmt).toBe('0.00%');
    expect(dv('F15')).toMatchObject({ type: 'whole', formulae: [0], prompt: 'Số lần: một số nguyên, ví dụ 3' }); // 1.5.1 count
    expect(dv('E13')).toMatchObject({ type: 'decimal', formulae: [0, 0.25], prompt: 'Điểm tự chấm, từ 0 đến 0.25' }); // 1.4.3 manual
    expect(dv('I21')).toMatchObject({ type: 'list', formulae: ['"x"'] }); // 2.2.3 may be declared not applicable
    expect(ws.getCell('I20').protection?.locked).not.toBe(false); // 2.2 is a parent
  });

  it('prints on A4 landscape, fitted to the width, the header row on every page, a signature block, Times New Roman', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    for (const a of ['F9', 'G9', 'H9', 'E13', 'I21', 'B5', 'E67']) expect(ws.getCell(a).border, a).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    for (const c of ['B', 'D', 'G', 'H']) expect(ws.getCell(`${c}9`).alignment?.wrapText, c).toBe(true);
    expect(ws.getCell('B9').font?.name).toBe('Times New Roman');
    expect(ws.getCell('A67').value).toBe('Tổng'); // 62 nodes from row 5, then the total
    expect([ws.getCell('G69').value, ws.getCell('B70').value, ws.getCell('G70').value, ws.getCell('G71').value]).toEqual([
      '......, ngày ... tháng ... năm ......',
      'NGƯỜI LẬP',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký tên, đóng dấu)',
    ]);
  });

  it('names its unit, framework and period in a hidden identity sheet whose checksum covers them', () => {
    expect(meta.state).toBe('veryHidden');
    const v = (r: number) => String(meta.getCell(`B${r}`).value);
    expect([v(1), v(2), v(3), v(4), v(5)]).toEqual(['c03586', 'hue-commune-illustrative', '2021.1', '2022', 'vi']);
    expect(v(7)).toBe(identityChecksum({ unitId: 'c03586', frameworkId: 'hue-commune-illustrative', frameworkVersion: '2021.1', period: '2022', lang: 'vi' }, v(6)));
    expect(String(ws.getCell('A2').value)).toMatch(/^Đơn vị: Xã Nậm Xe \(c03586\); .* \(hue-commune-illustrative@2021\.1\); kỳ 2022$/);
  });

  it("each rule-scored leaf's formula gives the library's points for every measured value (property)", () => {
    const index = indexFramework(ctx.commune);
    const rows: { row: number; rule: ScoringRule; max: number }[] = [];
    ws.eachRow((row, r) => {
      const hit = index.get(String(row.getCell(1).value));
      if (r >= 5 && hit?.isLeaf && hit.node.rule && hit.node.rule.kind !== 'manual' && hit.channel === 'appraised') rows.push({ row: r, rule: hit.node.rule as ScoringRule, max: hit.node.maxPoints });
    });
    expect(rows).toHaveLength(40); // 41 self-scored leaves less the manual 1.4.3
    const typed = (rule: ScoringRule): fc.Arbitrary<[FormulaValue, RuleInput]> => {
      switch (rule.kind) {
        case 'yesNo':
          return fc.constantFrom<[FormulaValue, RuleInput]>(['Có', true], ['Không', false], [true, true], [false, false], ['yes', true]);
        case 'timeliness':
          return fc.constantFrom<[FormulaValue, RuleInput]>(['Đúng hạn', 'onTime'], ['Trễ hạn', 'late'], ['Không thực hiện', 'missing']);
        case 'ratioTiers':
        case 'linear': // a percent cell holds the fraction; the rule takes the percent
          return fc.integer({ min: 0, max: 100_000_000 }).map((m) => [m / 1e8, m / 1e6]);
        default:
          return fc.integer({ min: 0, max: 50 }).map((n) => [n, n]);
      }
    };
    for (const { row, rule, max } of rows) {
      const formula = (ws.getCell(`E${row}`).value as ExcelJS.CellFormulaValue).formula;
      fc.assert(
        fc.property(typed(rule), ([cell, input]) => {
          const sheet = evaluateFormula(formula, (a) => (a === `F${row}` ? cell : null));
          expect(sheet).toBe(evaluateRule(rule, toMicro(max), input).micro / 1e6);
        }),
        { numRuns: 60 },
      );
      expect(evaluateFormula(formula, () => null)).toBe(''); // nothing typed: no points shown
    }
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe('the printed form, rendered by LibreOffice', () => {
  it.skipIf(!soffice)(`prints on A4 landscape pages${soffice ? '' : ' (skipped: LibreOffice `soffice` is not installed)'}`, { timeout: 180_000 }, () => {
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 170_000 });
    expect(r.status).toBe(0);
    const pdf = readFileSync(join(dir, 'template.pdf')).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b).toEqual([842, 595]); // A4 landscape in points: 297 x 210 mm
    const pdftotext = spawnSync('pdftotext', ['-layout', join(dir, 'template.pdf'), '-'], { encoding: 'utf8' });
    if (pdftotext.status !== 0) return; // poppler absent: the page size is what can be checked
    const pages = pdftotext.stdout.split('\f').filter((p) => p.trim() !== '');
    for (const p of pages) expect(p).toMatch(/Mã\s+Nội dung\s+Cách chấm điểm\s+Số liệu đo/); // the header row on every page
    for (const code of ['1.1.1', '3.4.2', '7.4.4', 'THỦ TRƯỞNG ĐƠN VỊ', 'NGƯỜI LẬP']) expect(pdftotext.stdout).toContain(code);
  });
});
