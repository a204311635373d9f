import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { SaxesParser } from 'saxes';
import type { FormulaValue } from './formula.js';
import { columnLetters, isPercentFormat, type Grid, type GridCell, type WorkbookData } from './grid.js';
import { SheetError } from './sheet-error.js';

/**
 * Limits checked before a workbook is loaded whole: a filled template of a few hundred criteria is far below
 * each of them (the Phong Thổ template is 30 KB, 80 rows, 400 cells).
 */
export const WORKBOOK_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 10 * 1024 * 1024,
  /** Entries of the zip archive. */
  entries: 200,
  /** Decompressed bytes of all entries together (one entry, e.g. a sheet, is bounded by this too). */
  decompressedBytes: 50 * 1024 * 1024,
  /** The highest row number of a sheet. */
  rows: 10_000,
  /** Non-empty cells of a sheet. */
  cells: 100_000,
} as const;

const refuse = (file: string, why: string): never => {
  throw new SheetError([], `${file}: ${why}`);
};

/**
 * Reads a workbook (.xlsx, or .ods from LibreOffice) from a file, refusing what is not one: a missing or
 * unreadable file, an old .xls, random bytes, a broken or oversized zip, a DTD (external entities, entity bombs),
 * a shared-string index out of range. Every refusal is a {@link SheetError} with one line.
 */
export async function readWorkbook(file: string): Promise<WorkbookData> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) refuse(file, 'not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof SheetError) throw e;
    return refuse(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (size > WORKBOOK_LIMITS.fileBytes) refuse(file, `${size} bytes is more than a self-assessment workbook can be (at most ${WORKBOOK_LIMITS.fileBytes})`);
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    refuse(file, 'this is an Excel 97-2003 (.xls) file or a password-protected workbook: save it as .xlsx (Excel Workbook) without a password');
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) refuse(file, 'not a workbook: save it as .xlsx');
  const entries = unzip(file, bytes);
  for (const [name, data] of Object.entries(entries)) {
    if (/\.(xml|rels)$/i.test(name) && /<!(DOCTYPE|ENTITY)/i.test(strFromU8(data))) {
      refuse(file, `${name} declares a DTD, which spreadsheet applications never write: not read`);
    }
  }
  const mimetype = entries.mimetype ? strFromU8(entries.mimetype).trim() : undefined;
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return { format: 'ods', sheets: readOds(file, entries) };
  if (mimetype !== undefined || !entries['xl/workbook.xml']) refuse(file, 'not an .xlsx workbook: save it as .xlsx (Excel Workbook)');
  return { format: 'xlsx', sheets: await readXlsx(file, entries) };
}

/** Decompresses every entry within the limits; the sizes the archive declares bound what is allocated. */
function unzip(file: string, bytes: Buffer): Unzipped {
  let count = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (++count > WORKBOOK_LIMITS.entries) refuse(file, `more than ${WORKBOOK_LIMITS.entries} entries in the archive: not a self-assessment workbook`);
        if (total > WORKBOOK_LIMITS.decompressedBytes) refuse(file, `decompresses to more than ${WORKBOOK_LIMITS.decompressedBytes} bytes: not read`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof SheetError) throw e;
    return refuse(file, `a damaged or truncated zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Checks a worksheet's rows, cells and shared-string indices in its XML text, before any model is built. */
function checkSheetXml(file: string, name: string, xml: string, sharedStrings: number): void {
  let rows = 0;
  for (const m of xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(m[1]));
  if (rows > WORKBOOK_LIMITS.rows) refuse(file, `${name} reaches row ${rows}; a self-assessment sheet has at most ${WORKBOOK_LIMITS.rows}`);
  const cells = xml.match(/<c[\s>/]/g)?.length ?? 0;
  if (cells > WORKBOOK_LIMITS.cells) refuse(file, `${name} has ${cells} cells; a self-assessment sheet has at most ${WORKBOOK_LIMITS.cells}`);
  for (const m of xml.matchAll(/<c\b([^>]*)>\s*<v>([^<]*)<\/v>/g)) {
    if (/\bt="s"/.test(m[1]!) && !(Number(m[2]) < sharedStrings)) refuse(file, `${name}: a cell points at shared string ${m[2]}, and there are ${sharedStrings}: a damaged workbook`);
  }
}

async function readXlsx(file: string, entries: Unzipped): Promise<Map<string, Grid>> {
  const shared = entries['xl/sharedStrings.xml'] ? (strFromU8(entries['xl/sharedStrings.xml']).match(/<si[\s>/]/g)?.length ?? 0) : 0;
  for (const [name, data] of Object.entries(entries)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) checkSheetXml(file, name, strFromU8(data), shared);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS reads the entries already checked, stored again without compression
    await wb.xlsx.load(Buffer.from(zipSync(entries, { level: 0 })) as unknown as ExcelJS.Buffer);
  } catch (e) {
    refuse(file, `not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheets = new Map<string, Grid>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, GridCell>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const c = xlsxCell(cell);
        if (c) cells.set(cell.address, c);
      }),
    );
    sheets.set(ws.name, { cells, hidden: ws.state !== 'visible' });
  }
  return sheets;
}

/**
 * One ExcelJS cell as the user saw it. A formula's stored result is read from `cell.result`: ExcelJS's
 * `cell.value` drops results that are 0, `FALSE` or empty text (its `_copyModel` keeps only truthy fields).
 */
function xlsxCell(cell: ExcelJS.Cell): GridCell | undefined {
  const percent = isPercentFormat(cell.numFmt);
  const plain = (v: unknown): { value?: FormulaValue | Date; error?: string } => {
    if (v === null || v === undefined) return { value: undefined };
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return { value: v };
    if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
    if (typeof v === 'object' && 'richText' in v) return { value: (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') };
    if (typeof v === 'object' && 'text' in v) return plain((v as { text: unknown }).text);
    return { value: String(v) };
  };
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Formula: {
      const r = plain(cell.result);
      return { formula: cell.formula, value: r.value, percent, ...(r.error ? { error: r.error } : {}) };
    }
    default: {
      const r = plain(cell.value);
      if (r.value === undefined && !r.error) return undefined;
      return { value: r.value, percent, ...(r.error ? { error: r.error } : {}) };
    }
  }
}

/** An OpenFormula (`of:=SUM([.E6];[.E7])`) in Excel syntax (`SUM(E6,E7)`); other sheets stay visibly foreign. */
function fromOpenFormula(f: string): string {
  return f
    .replace(/^of:=?/, '')
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\[\$?'?([^.\]']*)'?\.\$?([A-Z]+)\$?(\d+)(?::\.\$?([A-Z]+)\$?(\d+))?\]/g, (_m, sheet: string, c1: string, r1: string, c2?: string, r2?: string) => `${sheet ? `${sheet}!` : ''}${c1}${r1}${c2 ? `:${c2}${r2}` : ''}`)
            .replace(/;/g, ','),
    )
    .join('');
}

/**
 * The sheets of an OpenDocument spreadsheet (LibreOffice's .ods) from its `content.xml`: values by type
 * (percentage, boolean, float, string), stored formula results, text with its line breaks.
 */
function readOds(file: string, entries: Unzipped): Map<string, Grid> {
  const content = entries['content.xml'];
  if (!content) refuse(file, 'an OpenDocument file without content.xml: a damaged file');
  const sheets = new Map<string, Grid>();
  const parser = new SaxesParser({ xmlns: false });
  // a sheet is hidden by its table style (<style:table-properties table:display="false"/>), defined before the tables
  const hiddenStyles = new Set<string>();
  let tableStyle: string | undefined;
  let cells: Map<string, GridCell> | undefined;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let count = 0;
  let cell: { attrs: Record<string, string>; paragraphs: string[]; repeat: number } | undefined;
  let depthInP = 0;
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    switch (t.name) {
      case 'style:style':
        tableStyle = a['style:family'] === 'table' ? a['style:name'] : undefined;
        break;
      case 'style:table-properties':
        if (tableStyle !== undefined && a['table:display'] === 'false') hiddenStyles.add(tableStyle);
        break;
      case 'table:table':
        cells = new Map();
        sheets.set(a['table:name'] ?? '', { cells, hidden: hiddenStyles.has(a['table:style-name'] ?? '') });
        row = 0;
        break;
      case 'table:table-row':
        rowRepeat = Number(a['table:number-rows-repeated'] ?? 1);
        row++;
        col = 0;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cell = { attrs: a, paragraphs: [], repeat: Number(a['table:number-columns-repeated'] ?? 1) };
        break;
      case 'text:p':
        if (cell) cell.paragraphs.push('');
        depthInP++;
        break;
      case 'text:line-break':
        if (cell) cell.paragraphs[cell.paragraphs.length - 1] += '\n';
        break;
      case 'text:tab':
        if (cell) cell.paragraphs[cell.paragraphs.length - 1] += '\t';
        break;
      case 'text:s':
        if (cell) cell.paragraphs[cell.paragraphs.length - 1] += ' '.repeat(Math.min(Number(a['text:c'] ?? 1), 1000));
        break;
    }
  });
  parser.on('text', (text) => {
    if (cell && depthInP > 0) cell.paragraphs[cell.paragraphs.length - 1] += text;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'text:p') depthInP--;
    else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && cell) {
      const c = t.name === 'table:table-cell' ? odsCell(cell.attrs, cell.paragraphs) : undefined;
      if (c) {
        for (let r = 0; r < rowRepeat; r++) {
          for (let k = 0; k < cell.repeat; k++) {
            if (++count > WORKBOOK_LIMITS.cells) refuse(file, `more than ${WORKBOOK_LIMITS.cells} cells: not a self-assessment workbook`);
            if (row + r > WORKBOOK_LIMITS.rows) refuse(file, `a cell at row ${row + r}; a self-assessment sheet has at most ${WORKBOOK_LIMITS.rows}`);
            cells?.set(`${columnLetters(col + k + 1)}${row + r}`, c);
          }
        }
      }
      col += cell.repeat;
      cell = undefined;
    } else if (t.name === 'table:table-row') row += rowRepeat - 1;
  });
  try {
    parser.write(strFromU8(content!)).close();
  } catch (e) {
    if (e instanceof SheetError) throw e;
    refuse(file, `a damaged OpenDocument file (${e instanceof Error ? e.message : String(e)})`);
  }
  return sheets;
}

function odsCell(a: Record<string, string>, paragraphs: string[]): GridCell | undefined {
  const type = a['office:value-type'];
  const text = paragraphs.join('\n');
  const formula = a['table:formula'] ? fromOpenFormula(a['table:formula']) : undefined;
  let value: FormulaValue | undefined;
  if (type === 'float' || type === 'percentage' || type === 'currency') value = Number(a['office:value']);
  else if (type === 'boolean') value = a['office:boolean-value'] === 'true';
  else if (type === 'string') value = a['office:string-value'] ?? text;
  else if (type === 'date') value = a['office:date-value'] ?? text;
  else if (formula && text.startsWith('#')) return { formula, value: undefined, percent: false, error: text };
  if (value === undefined && formula === undefined) return undefined;
  return { value, percent: type === 'percentage', ...(formula ? { formula } : {}) };
}
