import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { CivilDateSchema, IssueList, ParValidationError, parseWithSchema, type CivilDate } from '@par/calendar';
import { documentNumberProblems, normaliseNumber } from './document-number.js';
import { parseLegalRegister, type LegalRegister } from './register.js';
import { ISSUER_LEVELS } from './rules.js';

/** The columns of a register as offices keep it, by field: the header names accepted (case and spaces ignored). */
export const REGISTER_COLUMNS = {
  number: ['Số ký hiệu', 'Số, ký hiệu', 'Số hiệu'],
  signedOn: ['Ngày ban hành', 'Ngày ký'],
  title: ['Trích yếu', 'Trích yếu nội dung'],
  effectiveFrom: ['Ngày có hiệu lực', 'Hiệu lực từ ngày'],
  issuer: ['Cơ quan ban hành'],
  basis: ['Căn cứ', 'Căn cứ ban hành'],
} as const;

type Field = keyof typeof REGISTER_COLUMNS;
type Cell = string | Date | undefined;

/** Zod schema for the options of {@link importRegister}. */
export const RegisterImportOptionsSchema = z.strictObject({
  /** The unit whose register it is, and the issuer of its documents. */
  unitId: z.string().trim().min(1),
  /** The issuer's government level. */
  level: z.enum(ISSUER_LEVELS),
  /** The office that keeps the register (the Justice office). */
  keeperUnitId: z.string().trim().min(1).optional(),
  /** XLSX: the worksheet's name; default the first. */
  sheet: z.string().trim().min(1).optional(),
});

/** Options of {@link importRegister}. */
export type RegisterImportOptions = z.input<typeof RegisterImportOptionsSchema>;

/**
 * A register file: CSV text, the bytes of an XLSX workbook, or the rows of one sheet already read (each cell as the
 * spreadsheet stored it: text, a number, a `Date` for a date cell, `null` when empty; row `n` is `rows[n - 1]`).
 */
export type RegisterSource =
  | { readonly format: 'csv'; readonly text: string }
  | { readonly format: 'xlsx'; readonly data: Uint8Array }
  | { readonly format: 'rows'; readonly rows: readonly (readonly unknown[])[] };

const SourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('csv'), text: z.string() }),
  z.strictObject({ format: z.literal('xlsx'), data: z.instanceof(Uint8Array) }),
  z.strictObject({ format: z.literal('rows'), rows: z.array(z.array(z.unknown())) }),
]);

const key = (header: string) => header.normalize('NFC').toLowerCase().replace(/[\s,.:]+/g, '');

/** A date as offices type it: `dd/mm/yyyy` (or `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`), ISO `yyyy-mm-dd`, or an Excel date. */
function toDate(cell: Cell): CivilDate | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const t = cell?.trim() ?? '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
  return CivilDateSchema.safeParse(iso).success ? iso : undefined;
}

function cellText(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return undefined;
  }
  return String(v);
}

/** The rows of the source, each as the cells of one line (row numbers as the file counts them, from 1). */
async function readRows(source: RegisterSource, sheet: string | undefined, issues: IssueList): Promise<{ row: number; cells: Cell[] }[]> {
  if (source.format === 'rows') return source.rows.map((cells, i) => ({ row: i + 1, cells: Array.from(cells, (c) => (c instanceof Date ? c : c === null || c === undefined ? undefined : String(c))) }));
  if (source.format === 'csv') {
    try {
      const records = parseCsv(source.text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
      return records.map((r) => ({ row: r.info.lines - r.record.join('').split('\n').length + 1, cells: r.record })); // the record's first line
    } catch (error) {
      const e = error as { lines?: number; message: string };
      issues.add(['rows', e.lines ?? 1], 'malformed_csv', e.message);
      return [];
    }
  }
  const { default: Excel } = await import('exceljs'); // loaded for workbooks only: importing the plugin stays light
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(source.data as unknown as ExcelJS.Buffer);
  } catch (error) {
    issues.add(['data'], 'unreadable_workbook', `Not an XLSX workbook: ${(error as Error).message}`);
    return [];
  }
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!ws) {
    issues.add(['sheet'], 'unknown_sheet', sheet === undefined ? 'The workbook has no worksheet' : `No worksheet "${sheet}"`);
    return [];
  }
  const rows: { row: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: n, cells });
  });
  return rows;
}

const BODY = (issuer: string): 'peoplesCouncil' | 'peoplesCommittee' | undefined => {
  const t = issuer.normalize('NFC').toUpperCase();
  if (/HĐND|HỘI ĐỒNG NHÂN DÂN/.test(t)) return 'peoplesCouncil';
  if (/UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/.test(t)) return 'peoplesCommittee';
  return undefined;
};

/**
 * Reads a document register as offices keep it (CSV, XLSX or a sheet's rows; a header row naming the columns số ký
 * hiệu, ngày ban hành, trích yếu, ngày có hiệu lực, cơ quan ban hành, căn cứ) into a parsed register. A basis that is
 * a document of the same register becomes a `basedOn` relation; any other is kept as printed in `externalBasis`.
 * Throws one `ParValidationError` naming every problem at its row and column (`rows[5].Ngày ban hành`): a missing
 * column, a malformed number, a date that is not real, an issuer that is neither People's Council nor Committee, a
 * duplicate, an effective date before signing, a cycle of bases.
 */
export async function importRegister(source: RegisterSource, options: RegisterImportOptions): Promise<LegalRegister> {
  const args = parseWithSchema('arguments of importRegister', z.strictObject({ source: SourceSchema, options: RegisterImportOptionsSchema }), { source, options });
  const issues = new IssueList();
  const rows = await readRows(args.source as RegisterSource, args.options.sheet, issues);
  issues.throwIfAny('document register');
  const header = rows.find((r) => r.cells.some((c) => typeof c === 'string' && c.trim() !== ''));
  if (!header) {
    issues.add(['rows'], 'empty_register', 'The register has no header row');
    issues.throwIfAny('document register');
  }
  const column = new Map<Field, { index: number; name: string }>();
  for (const field of Object.keys(REGISTER_COLUMNS) as Field[]) {
    const names = REGISTER_COLUMNS[field].map(key);
    const index = header!.cells.findIndex((c) => typeof c === 'string' && names.includes(key(c)));
    if (index >= 0) column.set(field, { index, name: String(header!.cells[index]).trim() });
    else if (field !== 'basis') issues.add(['columns', REGISTER_COLUMNS[field][0]], 'missing_column', `No column "${REGISTER_COLUMNS[field][0]}" in the header row (row ${header!.row})`);
  }
  issues.throwIfAny('document register');
  const at = (row: number, field: Field) => ['rows', row, column.get(field)?.name ?? REGISTER_COLUMNS[field][0]];
  const body = rows.slice(rows.indexOf(header!) + 1).filter((r) => r.cells.some((c) => c !== undefined && String(c).trim() !== ''));
  const read = (r: { cells: Cell[] }, field: Field): Cell => {
    const c = column.get(field);
    return c === undefined ? undefined : r.cells[c.index];
  };
  const documents: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  const bases: { row: number; source: string; cited: string[] }[] = [];
  for (const r of body) {
    const text = (field: Field) => {
      const v = read(r, field);
      return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '').trim();
    };
    const number = text('number');
    for (const p of documentNumberProblems(number)) issues.add(at(r.row, 'number'), p.code, p.message);
    const dates = { signedOn: toDate(read(r, 'signedOn')), effectiveFrom: toDate(read(r, 'effectiveFrom')) };
    for (const field of ['signedOn', 'effectiveFrom'] as const) {
      if (dates[field] === undefined) issues.add(at(r.row, field), 'invalid_date', `Expected a date dd/mm/yyyy, got "${text(field)}"`);
    }
    if (text('title') === '') issues.add(at(r.row, 'title'), 'missing_title', 'The summary (trích yếu) is empty');
    const issuerBody = BODY(text('issuer'));
    if (!issuerBody) issues.add(at(r.row, 'issuer'), 'unknown_issuer', `Expected the People's Council (HĐND) or Committee (UBND), got "${text('issuer')}"`);
    const cited = text('basis')
      .split(/[;\n]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    rowOf.push(r.row);
    bases.push({ row: r.row, source: normaliseNumber(number), cited });
    documents.push({
      number,
      issuer: { unitId: args.options.unitId, level: args.options.level, body: issuerBody ?? 'peoplesCommittee' },
      signedOn: dates.signedOn ?? '1900-01-01',
      effectiveFrom: dates.effectiveFrom ?? '1900-01-01',
      title: text('title') || '-',
    });
  }
  issues.throwIfAny('document register');
  const numbers = new Set(bases.map((b) => b.source));
  const relations: Record<string, unknown>[] = [];
  const relationRow: number[] = [];
  bases.forEach((b, i) => {
    const external: string[] = [];
    for (const c of b.cited) {
      if (documentNumberProblems(c).length === 0 && numbers.has(normaliseNumber(c))) {
        relations.push({ kind: 'basedOn', source: b.source, target: normaliseNumber(c) });
        relationRow.push(b.row);
      } else external.push(c);
    }
    documents[i]!.externalBasis = external;
  });
  const FIELD_OF: Record<string, Field> = { number: 'number', signedOn: 'signedOn', effectiveFrom: 'effectiveFrom', title: 'title', issuer: 'issuer' };
  try {
    return parseLegalRegister({ unitId: args.options.unitId, ...(args.options.keeperUnitId && { keeperUnitId: args.options.keeperUnitId }), documents, relations });
  } catch (error) {
    if (!ParValidationError.isInstance(error)) throw error;
    for (const issue of error.issues) {
      const [list, i, field] = issue.path;
      if (list === 'documents' && typeof i === 'number') issues.add(at(rowOf[i]!, FIELD_OF[String(field)] ?? 'number'), issue.code, issue.message);
      else if (list === 'relations' && typeof i === 'number') issues.add(['rows', relationRow[i]!, column.get('basis')?.name ?? 'Căn cứ'], issue.code, issue.message);
      else issues.add(issue.path, issue.code, issue.message);
    }
    issues.throwIfAny('document register');
    throw error;
  }
}
