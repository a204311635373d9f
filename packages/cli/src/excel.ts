import ExcelJS from 'exceljs';
import {
  describeRule,
  indexFramework,
  labelText,
  parseAssessment,
  ParValidationError,
  resultsToJson,
  tryToMicro,
  type Framework,
  type ParIssue,
} from '@par/core';
import { score } from './analysis.js';
import { periodEnd, tr, UsageError, unitName, type CommandContext } from './context.js';

/** The self-assessment sheet's name, and the hidden sheet that says what the workbook is for. */
export const SHEET = 'Tự đánh giá';
const META = 'meta';
const FIRST_ROW = 5;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const COLUMNS = { code: 'A', name: 'B', max: 'C', rule: 'D', points: 'E', input: 'F', evidence: 'G', note: 'H', notApplicable: 'I' } as const;

/** Writes a self-assessment workbook for one unit from a framework: every node, locked formulas for totals. */
export async function writeTemplate(ctx: CommandContext, framework: Framework, unitId: string, period: string, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'par';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 4 }] });
  const meta = wb.addWorksheet(META, { state: 'veryHidden' });
  meta.addRows([['unitId', unitId], ['frameworkId', framework.id], ['frameworkVersion', framework.version], ['period', period]]);
  ws.getCell('A1').value = `${tr(ctx, 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC', 'PAR INDEX SELF-ASSESSMENT')} ${period}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = `${tr(ctx, 'Đơn vị', 'Unit')}: ${unitName(ctx, unitId, periodEnd(period))} (${unitId}); ${labelText(framework.title, ctx.lang)} (${framework.id}@${framework.version})`;
  const header = ctx.lang === 'vi'
    ? ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm điểm', 'Điểm tự chấm', 'Số liệu đo', 'Tài liệu kiểm chứng (cách nhau bởi ;)', 'Ghi chú', 'Không phát sinh (x)']
    : ['Code', 'Criterion', 'Max points', 'Scoring rule', 'Self score', 'Measured value', 'Evidence (separated by ;)', 'Note', 'Not applicable (x)'];
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  ws.columns = [{ width: 9 }, { width: 60 }, { width: 11 }, { width: 40 }, { width: 12 }, { width: 12 }, { width: 30 }, { width: 24 }, { width: 12 }];
  const index = indexFramework(framework);
  const rowOf = new Map<string, number>();
  let row = FIRST_ROW;
  for (const [code] of index) rowOf.set(code, row++);
  for (const [code, { node, depth, channel, isLeaf }] of index) {
    const r = rowOf.get(code)!;
    const cells = ws.getRow(r);
    cells.getCell(1).value = code;
    cells.getCell(2).value = `${'  '.repeat(depth - 1)}${labelText(node.name, ctx.lang)}`;
    cells.getCell(3).value = node.maxPoints;
    cells.getCell(4).value = node.rule ? describeRule(node.rule, ctx.lang) : '';
    const points = cells.getCell(5);
    if (!isLeaf) {
      const kids = (node.children ?? []).map((c) => `${COLUMNS.points}${rowOf.get(c.code)}`);
      points.value = { formula: `SUM(${kids.join(',')})` };
      cells.font = { bold: true };
    } else if (channel === 'survey' || channel === 'leadership') {
      cells.getCell(4).value = tr(ctx, 'Không tự chấm (điều tra xã hội học, lãnh đạo)', 'Not self-scored (survey, leadership)');
    } else {
      const open = [5, 6, 7, 8, ...(node.applicability?.notApplicableAllowed ? [9] : [])];
      for (const c of open) {
        cells.getCell(c).protection = { locked: false };
        cells.getCell(c).fill = INPUT_FILL; // the cells a unit fills in
      }
    }
  }
  const total = row;
  const tops = framework.nodes.filter((n) => index.get(n.code)!.channel === 'appraised').map((n) => `${COLUMNS.points}${rowOf.get(n.code)}`);
  ws.getCell(`A${total}`).value = tr(ctx, 'Tổng', 'Total');
  ws.getCell(`E${total}`).value = { formula: `SUM(${tops.join(',')})` };
  ws.getRow(total).font = { bold: true };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  await wb.xlsx.writeFile(file);
}

/** Reads a cell's plain value (a formula's result, rich text as text). */
function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object') {
    if ('result' in v) return v.result;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text;
  }
  return v;
}

/** Thrown with every problem of an imported sheet, each at `sheet!cell`. */
export class SheetError extends Error {
  /** Builds it from the problems. */
  constructor(readonly problems: readonly { readonly cell: string; readonly message: string }[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the sheet`);
    this.name = 'SheetError';
  }
}

/** Reads a filled self-assessment workbook back into a validated assessment; problems point at `sheet!cell`. */
export async function readTemplate(ctx: CommandContext, file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET);
  const meta = wb.getWorksheet(META);
  if (!ws || !meta) throw new UsageError(`${file} is not a par self-assessment workbook (no "${SHEET}" sheet)`);
  const info = Object.fromEntries(meta.getSheetValues().slice(1).map((r) => [String((r as unknown[])[1]), String((r as unknown[])[2])]));
  const framework = ctx.ws.frameworks.get(info.frameworkId ?? '');
  if (!framework || framework.version !== info.frameworkVersion) throw new UsageError(`${file} is for framework ${info.frameworkId}@${info.frameworkVersion}, which the workspace does not have`);
  const index = indexFramework(framework);
  const problems: { cell: string; message: string }[] = [];
  const at = (col: string, r: number) => `${SHEET}!${col}${r}`;
  const entries: Record<string, unknown>[] = [];
  const evidence: { id: string; title: string; kind: string }[] = [];
  const entryRow: number[] = [];
  ws.eachRow((row, r) => {
    if (r < FIRST_ROW) return;
    const code = plain(row.getCell(1).value);
    if (typeof code !== 'string' || code === '' || code === 'Tổng' || code === 'Total') return;
    const hit = index.get(code);
    if (!hit) return problems.push({ cell: at('A', r), message: `No criterion "${code}" in ${framework.id}@${framework.version}` });
    if (!hit.isLeaf || hit.channel === 'survey' || hit.channel === 'leadership') return;
    const points = plain(row.getCell(5).value);
    const input = plain(row.getCell(6).value);
    const refs = plain(row.getCell(7).value);
    const note = plain(row.getCell(8).value);
    const na = plain(row.getCell(9).value);
    const entry: Record<string, unknown> = { code };
    if (typeof na === 'string' && na.trim().toLowerCase() === 'x') entry.notApplicable = { reason: typeof note === 'string' && note.trim() ? note : 'Không phát sinh' };
    const self: Record<string, unknown> = {};
    if (points !== null && points !== undefined && points !== '') {
      if (typeof points !== 'number' || tryToMicro(points) === undefined) problems.push({ cell: at('E', r), message: `Expected points as a number with at most 6 decimals, found ${JSON.stringify(points)}` });
      else self.points = points;
    }
    if (input !== null && input !== undefined && input !== '') {
      self.input = typeof input === 'string' && ['true', 'false'].includes(input.toLowerCase()) ? input.toLowerCase() === 'true' : input;
    }
    if (typeof note === 'string' && note.trim() && !entry.notApplicable) self.note = note;
    if (typeof refs === 'string' && refs.trim()) {
      self.evidence = refs.split(';').map((t, k) => {
        const id = `${code}-${k + 1}`;
        evidence.push({ id, title: t.trim(), kind: 'document' });
        return id;
      });
    }
    if (Object.keys(self).length > 0 && !entry.notApplicable) entry.self = self;
    if (entry.self || entry.notApplicable) {
      entries.push(entry);
      entryRow.push(r);
    }
  });
  const doc = { unitId: info.unitId, framework: { id: framework.id, version: framework.version }, period: info.period, status: 'draft', evidence, entries };
  try {
    if (problems.length === 0) return parseAssessment(doc, framework);
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    for (const issue of e.issues) problems.push({ cell: cellOf(issue, entryRow), message: issue.message });
  }
  throw new SheetError(problems);
}

function cellOf(issue: ParIssue, entryRow: readonly number[]): string {
  const [head, i, part, field] = issue.path;
  if (head !== 'entries' || typeof i !== 'number') return `${SHEET}!A1`;
  const col = part === 'notApplicable' ? 'I' : part === 'self' && field === 'input' ? 'F' : part === 'self' && field === 'evidence' ? 'G' : part === 'code' ? 'A' : 'E';
  return `${SHEET}!${col}${entryRow[i]}`;
}

/** `par export --format xlsx`: the results, one row per unit, one column per field. */
export async function exportXlsx(ctx: CommandContext, period: string, file: string): Promise<void> {
  const { framework, results } = score(ctx, period);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(tr(ctx, 'Kết quả', 'Results'));
  const fields = framework.nodes.map((n) => n.code);
  ws.addRow([tr(ctx, 'Hạng', 'Rank'), tr(ctx, 'Đơn vị', 'Unit'), tr(ctx, 'Điểm đạt', 'Final points'), tr(ctx, 'Điểm tối đa phát sinh', 'Applicable maximum'), tr(ctx, 'Chỉ số (%)', 'Index (%)'), tr(ctx, 'Xếp loại', 'Band'), ...fields]).font = { bold: true };
  const json = resultsToJson(results, { breakdown: true });
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, ctx.lang)]));
  for (const r of json.results) {
    const nodes = new Map((r.nodes ?? []).map((n) => [n.code, n.componentIndex]));
    ws.addRow([r.rank, unitName(ctx, r.unitId, periodEnd(period)), r.points.final, r.points.applicableMax, r.indexPercent, bands.get(r.band ?? '') ?? '', ...fields.map((f) => nodes.get(f) ?? null)]);
  }
  await wb.xlsx.writeFile(file);
  ctx.out(`${tr(ctx, 'Đã ghi', 'Wrote')} ${file}`);
}
