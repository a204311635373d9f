import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { civilDate, IssueList } from '@par/calendar';
import { parseDongText } from './money.js';
import { AllocationSchema, DisbursementSchema } from './records.js';

/** A table as an office receives it: CSV text, or the rows of a sheet already read from a workbook (XLSX). */
export type TableSource =
  | { readonly format: 'csv'; readonly name: string; readonly text: string }
  | { readonly format: 'rows'; readonly name: string; readonly rows: readonly (readonly unknown[])[] };

type Kind = 'text' | 'int' | 'date' | 'dong' | 'enum';
interface Column {
  readonly field: string;
  readonly headers: readonly string[];
  readonly kind: Kind;
  readonly optional?: boolean;
  readonly values?: Readonly<Record<string, string>>;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** Reads one cell: `undefined` for an empty optional cell, else the value or a problem. */
function readCell(raw: unknown, col: Column): { value?: unknown; problem?: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return col.optional ? {} : { problem: 'is empty' };
  switch (col.kind) {
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw).trim() } : { problem: 'is not text' };
    case 'int':
      if (typeof raw === 'number') return Number.isSafeInteger(raw) ? { value: raw } : { problem: `${raw} is not a whole number` };
      return /^\d{1,9}$/.test(String(raw).trim()) ? { value: Number(String(raw).trim()) } : { problem: `"${String(raw)}" is not a whole number` };
    case 'dong': {
      if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? { value: String(raw) } : { problem: `${raw} is not a whole number of đồng (or is too large to be exact as a number: type it as text)` };
      const v = typeof raw === 'string' ? parseDongText(raw) : undefined;
      return v === undefined ? { problem: `"${String(raw)}" is not an exact amount: write whole đồng with dots between thousands (1.250.000) or no separator; commas and decimals are refused as ambiguous` } : { value: v.toString() };
    }
    case 'date': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime()) || raw.getUTCHours() + raw.getUTCMinutes() + raw.getUTCSeconds() !== 0) return { problem: 'is not a date without a time' };
        return dateOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
      }
      const s = String(raw).trim();
      const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (vi) return dateOf(Number(vi[3]), Number(vi[2]), Number(vi[1]));
      if (iso) return dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      return { problem: `"${s}" is not a date (DD/MM/YYYY or YYYY-MM-DD)` };
    }
    case 'enum': {
      const v = col.values![norm(String(raw))];
      return v === undefined ? { problem: `"${String(raw)}" is not one of: ${[...new Set(Object.keys(col.values!))].join(', ')}` } : { value: v };
    }
  }
}

function dateOf(y: number, m: number, d: number): { value?: string; problem?: string } {
  try {
    return { value: civilDate(y, m, d) };
  } catch {
    return { problem: `${d}/${m}/${y} is not a real date` };
  }
}

function rowsOf(source: TableSource): readonly (readonly unknown[])[] {
  if (source.format === 'rows') return source.rows;
  return parse(source.text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/**
 * Reads a table into records: the first non-empty row names the columns (English field names or the Vietnamese
 * headers offices use), every other non-empty row is a record, each passed through `schema`. Every problem is
 * named at its cell (`name!E7`); nothing is returned unless the whole table is clean.
 */
function readTable<S extends z.ZodType>(what: string, source: TableSource, columns: readonly Column[], build: (cells: Record<string, unknown>) => unknown, schema: S): z.output<S>[] {
  const issues = new IssueList();
  if (typeof source !== 'object' || source === null || typeof source.name !== 'string' || !['csv', 'rows'].includes(source.format)) {
    issues.add(['source'], 'invalid_argument', "Expected { format: 'csv', name, text } or { format: 'rows', name, rows }");
    issues.throwIfAny(what);
  }
  const rows = rowsOf(source);
  const empty = (r: readonly unknown[]) => r.every((c) => c === null || c === undefined || String(c).trim() === '');
  const headerAt = rows.findIndex((r) => !empty(r));
  if (headerAt < 0) {
    issues.add([source.name], 'empty_table', 'The table has no header row');
    issues.throwIfAny(what);
  }
  const header = rows[headerAt]!.map((h) => norm(String(h ?? '')));
  const position = new Map<string, number>();
  for (const col of columns) {
    const i = header.findIndex((h) => col.headers.some((x) => norm(x) === h));
    if (i >= 0) position.set(col.field, i);
    else if (!col.optional) issues.add([source.name, `${letters(header.length)}${headerAt + 1}`], 'missing_column', `No column "${col.headers[0]}" (or ${col.headers.slice(1).map((h) => `"${h}"`).join(', ')})`);
  }
  issues.throwIfAny(what);
  const out: z.output<S>[] = [];
  rows.forEach((row, r) => {
    if (r <= headerAt || empty(row)) return;
    const cells: Record<string, unknown> = {};
    const cellOf = new Map<string, string>();
    const bad = new Set<string>();
    for (const col of columns) {
      const i = position.get(col.field);
      if (i === undefined) continue;
      const ref = `${letters(i)}${r + 1}`;
      cellOf.set(col.field, ref);
      const { value, problem } = readCell(row[i], col);
      if (problem) {
        issues.add([source.name, ref], 'invalid_cell', `${col.headers[0]} ${problem}`);
        bad.add(col.field);
      } else if (value !== undefined) cells[col.field] = value;
    }
    const parsed = schema.safeParse(build(cells));
    if (parsed.success) {
      out.push(parsed.data);
      return;
    }
    for (const i of parsed.error.issues) {
      const field = i.path[0] === 'decision' ? `decision.${String(i.path[1])}` : String(i.path[0]);
      if (!bad.has(field)) issues.add([source.name, cellOf.get(field) ?? `row ${r + 1}`], i.code, i.message); // a bad cell is named once
    }
  });
  issues.throwIfAny(what);
  return out;
}

const KINDS = { payment: 'payment', 'thanh toán': 'payment', advance: 'advance', 'tạm ứng': 'advance', advancerecovery: 'advanceRecovery', 'advance recovery': 'advanceRecovery', 'thu hồi tạm ứng': 'advanceRecovery' };

/**
 * Reads a State Treasury (KBNN) disbursement report, CSV or the rows of an XLSX sheet, into disbursement records:
 * columns unit (`unitId`, "Mã đơn vị"), project (`projectId`, "Mã dự án"), plan year (`planYear`, "Năm kế hoạch"),
 * date (`date`, "Ngày", DD/MM/YYYY or YYYY-MM-DD), amount (`amount`, "Số tiền", whole đồng: plain digits or dots
 * between thousands; commas and decimals are refused as ambiguous), kind (`kind`, "Loại": thanh toán, tạm ứng, thu
 * hồi tạm ứng) and an optional reference. Throws `ParValidationError` naming every problem at its cell.
 */
export function readTreasuryDisbursements(source: TableSource): z.output<typeof DisbursementSchema>[] {
  return readTable(
    'Treasury disbursement report',
    source,
    [
      { field: 'unitId', headers: ['unitId', 'Mã đơn vị'], kind: 'text' },
      { field: 'projectId', headers: ['projectId', 'Mã dự án'], kind: 'text' },
      { field: 'planYear', headers: ['planYear', 'Năm kế hoạch'], kind: 'int' },
      { field: 'date', headers: ['date', 'Ngày'], kind: 'date' },
      { field: 'amount', headers: ['amount', 'Số tiền'], kind: 'dong' },
      { field: 'kind', headers: ['kind', 'Loại'], kind: 'enum', values: KINDS },
      { field: 'reference', headers: ['reference', 'Số chứng từ'], kind: 'text', optional: true },
    ],
    (c) => c,
    DisbursementSchema,
  );
}

/**
 * Reads a plan-allocation table (CSV or the rows of an XLSX sheet) into allocation records: `id`, `unitId`,
 * `planYear`, `capitalSource` ("Nguồn vốn": trung ương / địa phương), `budgetLevel` (tỉnh / huyện / xã, optional),
 * `projectId`, `group` (quan trọng quốc gia / A / B / C), `amount`, `decisionNumber`, `decisionDate`,
 * `denominator` ("Kế hoạch": Thủ tướng / địa phương) and `detailedOn` (optional); Vietnamese headers are accepted.
 * Throws `ParValidationError` naming every problem at its cell.
 */
export function readPlanAllocations(source: TableSource): z.output<typeof AllocationSchema>[] {
  return readTable(
    'plan-allocation table',
    source,
    [
      { field: 'id', headers: ['id', 'Mã giao vốn'], kind: 'text' },
      { field: 'unitId', headers: ['unitId', 'Mã đơn vị'], kind: 'text' },
      { field: 'planYear', headers: ['planYear', 'Năm kế hoạch'], kind: 'int' },
      { field: 'capitalSource', headers: ['capitalSource', 'Nguồn vốn'], kind: 'enum', values: { central: 'central', 'trung ương': 'central', local: 'local', 'địa phương': 'local' } },
      { field: 'budgetLevel', headers: ['budgetLevel', 'Cấp ngân sách'], kind: 'enum', optional: true, values: { province: 'province', tỉnh: 'province', district: 'district', huyện: 'district', commune: 'commune', xã: 'commune' } },
      { field: 'projectId', headers: ['projectId', 'Mã dự án'], kind: 'text' },
      { field: 'group', headers: ['group', 'Nhóm dự án'], kind: 'enum', values: { national: 'national', 'quan trọng quốc gia': 'national', a: 'A', b: 'B', c: 'C' } },
      { field: 'amount', headers: ['amount', 'Số vốn'], kind: 'dong' },
      { field: 'decision.number', headers: ['decisionNumber', 'Số quyết định'], kind: 'text' },
      { field: 'decision.date', headers: ['decisionDate', 'Ngày quyết định'], kind: 'date' },
      { field: 'denominator', headers: ['denominator', 'Kế hoạch'], kind: 'enum', values: { primeminister: 'primeMinister', 'thủ tướng': 'primeMinister', locality: 'locality', 'địa phương': 'locality' } },
      { field: 'detailedOn', headers: ['detailedOn', 'Ngày phân bổ chi tiết'], kind: 'date', optional: true },
    ],
    (c) => {
      const { 'decision.number': number, 'decision.date': date, ...rest } = c;
      return { ...rest, decision: { number, date } };
    },
    AllocationSchema,
  );
}
