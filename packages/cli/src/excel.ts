import ExcelJS from 'exceljs';
import { figureFormat, labelText, resultsToJson } from '@par/core';
import { score } from './analysis.js';
import { periodEnd, tr, unitName, type CommandContext } from './context.js';

export { SHEET } from './sheet-layout.js';
export { writeTemplate } from './template.js';
export { readTemplate } from './import-sheet.js';
export { SheetError, type SheetProblem } from './sheet-error.js';

/** `par export --format xlsx`: the results, one row per unit, one column per field. */
export async function exportXlsx(ctx: CommandContext, period: string, file: string): Promise<void> {
  const { framework, results } = score(ctx, period);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(tr(ctx, 'Kết quả', 'Results'));
  const fields = framework.nodes.map((n) => n.code);
  ws.addRow([tr(ctx, 'Hạng', 'Rank'), tr(ctx, 'Đơn vị', 'Unit'), tr(ctx, 'Điểm đạt', 'Final points'), tr(ctx, 'Điểm tối đa phát sinh', 'Applicable maximum'), tr(ctx, 'Chỉ số (%)', 'Index (%)'), tr(ctx, 'Xếp loại', 'Band'), ...fields]).font = { bold: true };
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, ctx.lang)]));
  // every figure is the one the table, CSV and HTML print (rounded half up from the exact value), stored as a
  // number with the format that shows exactly those decimals
  const f = figureFormat(framework.rounding);
  const figure = (text: string | null | undefined) => (text === null || text === undefined ? null : Number(text));
  for (const r of resultsToJson(results, { breakdown: true }).results) {
    const d = r.display;
    const nodes = new Map((r.nodes ?? []).map((n) => [n.code, n.display.componentIndex]));
    const row = ws.addRow([r.rank, unitName(ctx, r.unitId, periodEnd(period)), figure(d.final), figure(d.applicableMax), figure(d.indexPercent), bands.get(r.band ?? '') ?? '', ...fields.map((c) => figure(nodes.get(c)))]);
    row.getCell(3).numFmt = f.pointsNumFmt;
    row.getCell(4).numFmt = f.pointsNumFmt;
    for (let c = 5; c <= 6 + fields.length; c++) if (c !== 6) row.getCell(c).numFmt = f.percentNumFmt;
  }
  await wb.xlsx.writeFile(file);
  ctx.out(`${tr(ctx, 'Đã ghi', 'Wrote')} ${file}`);
}
