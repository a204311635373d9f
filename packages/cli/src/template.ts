import ExcelJS from 'exceljs';
import type { Framework } from '@par/core';
import { periodEnd, tr, unitName, UsageError, type CommandContext } from './context.js';
import { COLUMNS, identityChecksum, IDENTITY_KEYS, META, SHEET, sheetLayout, type Column, type InputKind, type LayoutRow, type SheetIdentity, type SheetUnit } from './sheet-layout.js';
import { checkCommandArguments } from './arguments.js';

/** Times New Roman is on every Windows machine; LibreOffice on Linux substitutes the metric-compatible Liberation Serif. */
const FONT = { name: 'Times New Roman', family: 1, size: 11 } as const;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const thin = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Column widths (characters) chosen so the nine columns fit A4 landscape at a readable scale. */
const WIDTHS = [8, 44, 8, 30, 9, 13, 26, 18, 9];
/** The percent format of measured ratios: 95% is stored as 0.95. */
const PERCENT_FORMAT = '0.00%';

/**
 * A row's height in points for its wrapped text (spreadsheets do not size rows on opening a file), at least
 * `min`: room to write by hand in an input row.
 */
function rowHeight(r: LayoutRow, min: number): number {
  const lines = Object.entries(r.cells).map(([col, c]) => ('value' in c ? Math.ceil(String(c.value).length / (WIDTHS[COLUMNS.indexOf(col as Column)]! * 1.3)) : 1));
  return Math.max(min, 15 * Math.max(1, ...lines) + 2);
}

/** The unit's name, kind and tags on the period's last day; a unit not existing then is a usage mistake. */
function sheetUnit(ctx: CommandContext, unitId: string, period: string): SheetUnit {
  const v = ctx.ws.registry.versionOn(unitId, periodEnd(period));
  if (!v) throw new UsageError(`${unitId} does not exist at the end of ${period}`);
  return { name: unitName(ctx, unitId, periodEnd(period)), kind: v.kind, tags: v.tags };
}

/** Data validation of an input cell: the drop-down or range it accepts and the message saying what to type. */
function validation(ctx: CommandContext, kind: InputKind | 'notApplicable', max: number): ExcelJS.DataValidation {
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: tr(ctx, 'Giá trị không hợp lệ', 'Invalid value') };
  const list = (words: string[], prompt: string): ExcelJS.DataValidation => ({ ...common, type: 'list', formulae: [`"${words.join(',')}"`], promptTitle: tr(ctx, 'Chọn trong danh sách', 'Pick from the list'), prompt, error: prompt });
  switch (kind) {
    case 'points':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, max], promptTitle: tr(ctx, 'Điểm', 'Points'), prompt: tr(ctx, `Điểm tự chấm, từ 0 đến ${max}`, `Points from 0 to ${max}`), error: tr(ctx, `Từ 0 đến ${max}`, `From 0 to ${max}`) };
    case 'yesNo':
      return list(tr(ctx, 'Có,Không', 'Yes,No').split(','), tr(ctx, 'Có hoặc Không', 'Yes or No'));
    case 'timeliness':
      return list(tr(ctx, 'Đúng hạn,Trễ hạn,Không thực hiện', 'On time,Late,Missing').split(','), tr(ctx, 'Đúng hạn, Trễ hạn hoặc Không thực hiện', 'On time, Late or Missing'));
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 1], promptTitle: tr(ctx, 'Tỉ lệ (%)', 'Percent (%)'), prompt: tr(ctx, 'Tỉ lệ phần trăm từ 0% đến 100%, ví dụ 95%', 'A percent from 0% to 100%, e.g. 95%'), error: tr(ctx, 'Từ 0% đến 100%', 'From 0% to 100%') };
    case 'count':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: tr(ctx, 'Số lần', 'Count'), prompt: tr(ctx, 'Số lần: một số nguyên, ví dụ 3', 'A count: a whole number, e.g. 3'), error: tr(ctx, 'Một số nguyên từ 0', 'A whole number from 0') };
    case 'notApplicable':
      return list(['x'], tr(ctx, 'Gõ x nếu nội dung không phát sinh ở đơn vị; ghi lý do ở cột Ghi chú', 'Type x when this does not arise at the unit; give the reason in the Note column'));
  }
}

/**
 * Writes a self-assessment workbook for one unit from a framework: every node with its code, name, maximum and
 * rule; yellow input cells with drop-downs and input messages; points of rule-scored leaves by formulas that
 * compute what the library computes; locked totals; an identity sheet with a checksum; A4 landscape printing with
 * repeated headers and a signature block.
 */
export async function writeTemplate(ctx: CommandContext, framework: Framework, unitId: string, period: string, file: string): Promise<void> {
  checkCommandArguments('writeTemplate', ctx, { unitId: { value: unitId, is: 'text' }, period: { value: period, is: 'period' }, file: { value: file, is: 'text' } });
  const id: SheetIdentity = { unitId, frameworkId: framework.id, frameworkVersion: framework.version, period, lang: ctx.lang };
  const layout = sheetLayout(framework, id, sheetUnit(ctx, unitId, period));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'par';
  const ws = wb.addWorksheet(SHEET, {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: tr(ctx, '&LTrang &P / &N&R&F', '&LPage &P of &N&R&F') },
  });
  ws.columns = WIDTHS.map((width) => ({ width, style: { font: FONT, alignment: { vertical: 'top' } } }));
  for (const r of layout.rows) {
    const row = ws.getRow(r.row);
    for (const [col, cell] of Object.entries(r.cells)) row.getCell(col).value = 'formula' in cell ? { formula: cell.formula } : cell.value;
    if (r.kind === 'heading') continue;
    if (r.kind === 'signature') {
      for (const c of ['B', 'G']) row.getCell(c).alignment = { horizontal: 'center' };
      if (r.row === layout.totalRow + 3) row.font = { ...FONT, bold: true };
      if (r.row === layout.totalRow + 4) row.font = { ...FONT, italic: true };
      for (const c of r.open) row.getCell(c).protection = { locked: false };
      continue;
    }
    for (const col of COLUMNS) {
      const cell = row.getCell(col);
      cell.border = BORDER;
      cell.font = { ...FONT, bold: r.kind !== 'leaf' && r.kind !== 'locked' };
      cell.alignment = { vertical: 'top', wrapText: col === 'B' || col === 'D' || col === 'G' || col === 'H' };
    }
    for (const col of r.open) {
      const cell = row.getCell(col);
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      const kind = col === 'I' ? 'notApplicable' : col === 'E' || col === 'F' ? r.input : undefined;
      if (kind) cell.dataValidation = validation(ctx, kind, r.max ?? 0);
    }
    if (r.input === 'percent') row.getCell('F').numFmt = PERCENT_FORMAT;
    row.height = rowHeight(r, r.open.length > 0 ? 27 : 16);
  }
  ws.mergeCells('A1:I1');
  ws.mergeCells('A2:I2');
  ws.mergeCells('A3:I3');
  ws.getCell('A1').font = { ...FONT, bold: true, size: 13 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').alignment = { horizontal: 'center', wrapText: true };
  ws.getCell('A3').alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('A3').font = { ...FONT, italic: true };
  ws.getRow(3).height = 45;
  const header = ws.getRow(4);
  header.height = 46;
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.font = { ...FONT, bold: true };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(META, { state: 'veryHidden' });
  const values: Record<(typeof IDENTITY_KEYS)[number], string> = { ...id, structure: layout.structure, checksum: identityChecksum(id, layout.structure) };
  meta.addRows(IDENTITY_KEYS.map((k) => [k, values[k]]));
  await meta.protect('', {});
  await wb.xlsx.writeFile(file);
}
