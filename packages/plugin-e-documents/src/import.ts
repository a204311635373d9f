import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { civilDate, IssueList, parseWithSchema } from '@par/calendar';
import { IncomingDocumentSchema, OutgoingDocumentSchema, type IncomingDocument, type OutgoingDocument } from './records.js';

/**
 * A register export as a document-management system gives it: CSV text, the bytes of an XLSX workbook, or the rows
 * of one sheet already read (each cell as the spreadsheet stored it: text, a number, a `Date`, `null` when empty).
 */
export type RegisterSource =
  | { readonly format: 'csv'; readonly name: string; readonly text: string }
  | { readonly format: 'xlsx'; readonly name: string; readonly bytes: Uint8Array; readonly sheet?: string }
  | { readonly format: 'rows'; readonly name: string; readonly rows: readonly (readonly unknown[])[] };

type Kind = 'text' | 'int' | 'date' | 'instant' | 'list' | 'value';

/** How a field is read: its kind, and for `value` fields the table of cell words to values. */
const FIELDS = {
  outgoing: {
    registerId: 'text',
    number: 'int',
    symbol: 'text',
    date: 'date',
    summary: 'text',
    urgency: 'value',
    classified: 'value',
    form: 'value',
    signerSignedAt: 'instant',
    organisationSignedAt: 'instant',
    registeredAt: 'instant',
    dispatchedAt: 'instant',
    channel: 'value',
    recipients: 'list',
    filedCopy: 'value',
    directiveDocumentId: 'text',
  },
  incoming: {
    registerId: 'text',
    number: 'int',
    receivedAt: 'instant',
    from: 'text',
    senderReference: 'text',
    senderDate: 'date',
    summary: 'text',
    urgency: 'value',
    classified: 'value',
    form: 'value',
    signatureValidation: 'value',
    signatureCheckedAt: 'instant',
    misaddressed: 'value',
    returnedAt: 'instant',
    acknowledgedAt: 'instant',
    registeredAt: 'instant',
    handedOverAt: 'instant',
    directiveDocumentId: 'text',
    directiveItems: 'list',
  },
} as const satisfies Record<'outgoing' | 'incoming', Record<string, Kind>>;

const words = z.record(z.string().min(1), z.union([z.string(), z.boolean()]));

/** Zod schema for a column mapping: the headers each field may have, and the words a `value` column may hold. */
export const RegisterMappingSchema = z.strictObject({
  /** For each field, the headers it may have in the export (compared without case, accents kept). */
  columns: z.record(z.string().min(1), z.array(z.string().trim().min(1)).min(1)),
  /** Fields that must have a column. */
  required: z.array(z.string().min(1)),
  /** For each `value` field, the cell words and the value each stands for. */
  values: z.record(z.string().min(1), words),
  /** What separates the items of a list cell (recipients, directive items). */
  listSeparator: z.string().min(1).default(';'),
});

/** A column mapping as data. */
export type RegisterMapping = z.input<typeof RegisterMappingSchema>;

const YES_NO = { có: true, 'x': true, yes: true, true: true, không: false, no: false, false: false };
const VALUES = {
  urgency: { thường: 'normal', normal: 'normal', khẩn: 'urgent', urgent: 'urgent', 'thượng khẩn': 'extraUrgent', extraurgent: 'extraUrgent', 'hỏa tốc': 'flash', 'hoả tốc': 'flash', flash: 'flash' },
  classified: { ...YES_NO, mật: true, 'tối mật': true, 'tuyệt mật': true, thường: false },
  form: { 'điện tử': 'electronic', electronic: 'electronic', giấy: 'paper', paper: 'paper' },
  channel: { 'liên thông': 'documentSystem', 'trục liên thông': 'documentSystem', documentsystem: 'documentSystem', email: 'email', 'thư điện tử': 'email', 'bưu điện': 'post', post: 'post', 'trực tiếp': 'hand', hand: 'hand' },
  filedCopy: YES_NO,
  misaddressed: YES_NO,
  signatureValidation: { 'hợp lệ': 'valid', valid: 'valid', 'không hợp lệ': 'invalid', invalid: 'invalid' },
};

/**
 * The mapping of the usual Vietnamese headers (and the field names themselves) of an outgoing-register export, as
 * data: pass your own to `readRegisterExport` when a system names its columns otherwise.
 */
export const OUTGOING_REGISTER_MAPPING: RegisterMapping = {
  columns: {
    registerId: ['registerId', 'Sổ văn bản', 'Sổ'],
    number: ['number', 'Số'],
    symbol: ['symbol', 'Ký hiệu'],
    date: ['date', 'Ngày văn bản', 'Ngày tháng văn bản'],
    summary: ['summary', 'Trích yếu', 'Trích yếu nội dung'],
    urgency: ['urgency', 'Độ khẩn'],
    classified: ['classified', 'Độ mật'],
    form: ['form', 'Hình thức'],
    signerSignedAt: ['signerSignedAt', 'Ký số người ký'],
    organisationSignedAt: ['organisationSignedAt', 'Ký số cơ quan'],
    registeredAt: ['registeredAt', 'Thời điểm đăng ký'],
    dispatchedAt: ['dispatchedAt', 'Thời điểm phát hành'],
    channel: ['channel', 'Phương thức gửi'],
    recipients: ['recipients', 'Nơi nhận'],
    filedCopy: ['filedCopy', 'Lưu bản'],
    directiveDocumentId: ['directiveDocumentId', 'Mã văn bản chỉ đạo'],
  },
  required: ['number', 'date', 'form'],
  values: VALUES,
  listSeparator: ';',
};

/** The mapping of the usual Vietnamese headers of an incoming-register export, as data. */
export const INCOMING_REGISTER_MAPPING: RegisterMapping = {
  columns: {
    registerId: ['registerId', 'Sổ văn bản', 'Sổ'],
    number: ['number', 'Số đến'],
    receivedAt: ['receivedAt', 'Thời điểm nhận', 'Ngày đến'],
    from: ['from', 'Nơi gửi', 'Cơ quan ban hành'],
    senderReference: ['senderReference', 'Số, ký hiệu', 'Số ký hiệu'],
    senderDate: ['senderDate', 'Ngày văn bản'],
    summary: ['summary', 'Trích yếu', 'Trích yếu nội dung'],
    urgency: ['urgency', 'Độ khẩn'],
    classified: ['classified', 'Độ mật'],
    form: ['form', 'Hình thức'],
    signatureValidation: ['signatureValidation', 'Kiểm tra chữ ký số'],
    signatureCheckedAt: ['signatureCheckedAt', 'Thời điểm kiểm tra'],
    misaddressed: ['misaddressed', 'Gửi sai nơi nhận'],
    returnedAt: ['returnedAt', 'Thời điểm trả lại'],
    acknowledgedAt: ['acknowledgedAt', 'Thời điểm báo nhận'],
    registeredAt: ['registeredAt', 'Thời điểm đăng ký'],
    handedOverAt: ['handedOverAt', 'Thời điểm trình', 'Thời điểm chuyển giao'],
    directiveDocumentId: ['directiveDocumentId', 'Mã văn bản chỉ đạo'],
    directiveItems: ['directiveItems', 'Nhiệm vụ được giao'],
  },
  required: ['number', 'receivedAt', 'from', 'form'],
  values: VALUES,
  listSeparator: ';',
};

/** The largest workbook or CSV read, in bytes: a year's register of a province is far below it. */
export const MAX_EXPORT_BYTES = 50 * 1024 * 1024;

/** The most rows read from a sheet given as rows: a year's register of a province is far below it. */
const MAX_EXPORT_ROWS = 2_000_000;

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const pad = (n: number) => String(n).padStart(2, '0');

type Cell = { value?: unknown; problem?: string };

function dateCell(y: number, m: number, d: number): Cell {
  try {
    return { value: civilDate(y, m, d) };
  } catch {
    return { problem: `${pad(d)}/${pad(m)}/${y} is not a real date` };
  }
}

/** Reads one cell of a kind; an empty cell gives no value. */
function readCell(raw: unknown, kind: Kind, table: Readonly<Record<string, string | boolean>> | undefined, separator: string): Cell {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  if (raw instanceof Date) {
    // a workbook stores wall-clock date-times without a zone: read as Vietnam time
    if (Number.isNaN(raw.getTime())) return { problem: 'is not a date' };
    const [y, m, d, h, min] = [raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), raw.getUTCHours(), raw.getUTCMinutes()];
    if (kind === 'date') return h + min + raw.getUTCSeconds() === 0 ? dateCell(y, m, d) : { problem: 'is a date with a time where a date is expected' };
    if (kind === 'instant') return { value: `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:${pad(raw.getUTCSeconds())}+07:00` };
  }
  const s = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw).trim() : undefined;
  if (s === undefined) return { problem: 'is not a value a register holds' };
  switch (kind) {
    case 'text':
      return { value: s };
    case 'int':
      return /^\d{1,9}$/.test(s) && Number(s) >= 1 ? { value: Number(s) } : { problem: `"${s}" is not a whole number from 1` };
    case 'date': {
      const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (vi) return dateCell(Number(vi[3]), Number(vi[2]), Number(vi[1]));
      if (iso) return dateCell(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      return { problem: `"${s}" is not a date (DD/MM/YYYY or YYYY-MM-DD)` };
    }
    case 'instant': {
      const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
      if (vi) {
        const day = dateCell(Number(vi[3]), Number(vi[2]), Number(vi[1]));
        if (day.problem) return day;
        if (Number(vi[4]) > 23 || Number(vi[5]) > 59 || Number(vi[6] ?? 0) > 59) return { problem: `"${s}" is not a time of day` };
        return { value: `${day.value}T${pad(Number(vi[4]))}:${vi[5]}:${vi[6] ?? '00'}+07:00` };
      }
      return /^\d{4}-\d{2}-\d{2}T/.test(s) ? { value: s } : { problem: `"${s}" is not a date and time (DD/MM/YYYY HH:MM, Vietnam time, or ISO 8601 with its offset)` };
    }
    case 'list':
      return { value: s.split(separator).map((x) => x.trim()).filter((x) => x !== '') };
    case 'value': {
      const entry = Object.entries(table ?? {}).find(([k]) => norm(k) === norm(s));
      return entry ? { value: entry[1] } : { problem: `"${s}" is not one of: ${Object.keys(table ?? {}).join(', ')}` };
    }
  }
}

/** The text of an XLSX cell value: rich text joined, a formula's result, a hyperlink's text. */
function xlsxValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return xlsxValue(o.result);
  if ('text' in o) return xlsxValue(o.text);
  return o;
}

async function rowsOf(source: RegisterSource, issues: IssueList): Promise<readonly (readonly unknown[])[] | undefined> {
  if (source.format === 'rows') return source.rows.map((r) => r.map(xlsxValue));
  if (source.format === 'csv') {
    if (source.text.length > MAX_EXPORT_BYTES) return void issues.add([source.name], 'too_large', `More than ${MAX_EXPORT_BYTES} characters`);
    try {
      return parse(source.text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      return void issues.add([source.name], 'invalid_csv', `Not readable CSV: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (source.bytes.length > MAX_EXPORT_BYTES) return void issues.add([source.name], 'too_large', `More than ${MAX_EXPORT_BYTES} bytes`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength) as never);
  } catch (e) {
    return void issues.add([source.name], 'invalid_xlsx', `Not a readable .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sheet = source.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(source.sheet);
  if (!sheet) return void issues.add([source.name], 'no_sheet', source.sheet === undefined ? 'The workbook has no sheet' : `No sheet "${source.sheet}"`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = ((row.values as unknown[]) ?? []).slice(1).map(xlsxValue);
  });
  return Array.from(rows, (r) => r ?? []);
}

const SourceSchema = z.union([
  z.strictObject({ format: z.literal('csv'), name: z.string().min(1), text: z.string() }),
  z.strictObject({ format: z.literal('xlsx'), name: z.string().min(1), bytes: z.instanceof(Uint8Array), sheet: z.string().min(1).optional() }),
  z.strictObject({ format: z.literal('rows'), name: z.string().min(1), rows: z.array(z.array(z.unknown())).max(MAX_EXPORT_ROWS) }),
]);

/** Builds the record of a row from its fields. */
function build(kind: 'outgoing' | 'incoming', c: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'outgoing') {
    const { signerSignedAt, organisationSignedAt, recipients, ...rest } = c;
    return {
      ...rest,
      ...(signerSignedAt !== undefined && { signerSignature: { signedAt: signerSignedAt } }),
      ...(organisationSignedAt !== undefined && { organisationSignature: { signedAt: organisationSignedAt } }),
      ...(recipients !== undefined && { recipients: (recipients as string[]).map((name) => ({ name })) }),
    };
  }
  const { signatureValidation, signatureCheckedAt, directiveDocumentId, directiveItems, ...rest } = c;
  return {
    ...rest,
    ...(signatureValidation !== undefined && { signatureValidation: { result: signatureValidation, checkedAt: signatureCheckedAt } }),
    ...(directiveDocumentId !== undefined && { directive: { documentId: directiveDocumentId, itemLabels: directiveItems ?? [] } }),
  };
}

/** The field a record's path comes from (`signerSignature.signedAt` from `signerSignedAt`). */
const FIELD_OF_PATH: Record<string, string> = { signerSignature: 'signerSignedAt', organisationSignature: 'organisationSignedAt', directive: 'directiveDocumentId' };
const fieldOfPath = (path: readonly PropertyKey[]) =>
  path[0] === 'signatureValidation' ? (path[1] === 'checkedAt' ? 'signatureCheckedAt' : 'signatureValidation') : path[0] === 'directive' && path[1] === 'itemLabels' ? 'directiveItems' : (FIELD_OF_PATH[String(path[0])] ?? String(path[0]));

/**
 * Reads a document-management system's register export (CSV, the first or named sheet of an XLSX workbook, or a
 * sheet's rows) into outgoing or incoming documents: the first non-empty row names the columns (the Vietnamese
 * headers of the mapping, or the field names), every other non-empty row is a document. Dates are `DD/MM/YYYY` or
 * `YYYY-MM-DD`;
 * instants `DD/MM/YYYY HH:MM` in Vietnam time, ISO 8601 with an offset, or date-time cells. The mapping (headers and
 * words) is data: {@link OUTGOING_REGISTER_MAPPING}, {@link INCOMING_REGISTER_MAPPING} or your own. Throws
 * `ParValidationError` naming every problem at its cell (`[name, 'C7']`) or its header row; nothing is returned
 * unless the whole export is clean.
 */
export async function readRegisterExport(source: RegisterSource, options: { readonly kind: 'outgoing'; readonly mapping?: RegisterMapping }): Promise<OutgoingDocument[]>;
export async function readRegisterExport(source: RegisterSource, options: { readonly kind: 'incoming'; readonly mapping?: RegisterMapping }): Promise<IncomingDocument[]>;
export async function readRegisterExport(source: RegisterSource, options: { readonly kind: 'outgoing' | 'incoming'; readonly mapping?: RegisterMapping }): Promise<(OutgoingDocument | IncomingDocument)[]> {
  const args = parseWithSchema(
    'arguments of readRegisterExport',
    z.strictObject({ source: SourceSchema, options: z.strictObject({ kind: z.enum(['outgoing', 'incoming']), mapping: RegisterMappingSchema.optional() }) }),
    { source, options },
  );
  const kind = args.options.kind;
  const fields: Record<string, Kind> = FIELDS[kind];
  const mapping = args.options.mapping ?? RegisterMappingSchema.parse(kind === 'outgoing' ? OUTGOING_REGISTER_MAPPING : INCOMING_REGISTER_MAPPING);
  const what = `${kind} register export`;
  const issues = new IssueList();
  for (const field of [...Object.keys(mapping.columns), ...mapping.required]) if (!(field in fields)) issues.add(['options', 'mapping', 'columns', field], 'unknown_field', `No ${kind} field "${field}" (fields: ${Object.keys(fields).join(', ')})`);
  issues.throwIfAny(`arguments of readRegisterExport`);
  const name = args.source.name;
  const rows = await rowsOf(args.source, issues);
  issues.throwIfAny(what);
  const empty = (r: readonly unknown[]) => r.every((c) => c === null || c === undefined || String(c).trim() === '');
  const headerAt = rows!.findIndex((r) => !empty(r));
  if (headerAt < 0) {
    issues.add([name], 'empty_table', 'The export has no header row');
    issues.throwIfAny(what);
  }
  const header = rows![headerAt]!.map((h) => norm(String(h ?? '')));
  const position = new Map<string, number>();
  for (const [field, headers] of Object.entries(mapping.columns)) {
    const i = header.findIndex((h) => headers.some((x) => norm(x) === h));
    if (i >= 0) position.set(field, i);
  }
  for (const field of mapping.required) {
    if (!position.has(field)) issues.add([name, `${letters(header.length)}${headerAt + 1}`], 'missing_column', `No column for ${field} (${(mapping.columns[field] ?? [field]).map((h) => `"${h}"`).join(' or ')})`);
  }
  issues.throwIfAny(what);
  const columns = [...position].sort((a, b) => a[1] - b[1]); // problems in the order of the row's cells
  const schema = kind === 'outgoing' ? OutgoingDocumentSchema : IncomingDocumentSchema;
  const out: (OutgoingDocument | IncomingDocument)[] = [];
  rows!.forEach((row, r) => {
    if (r <= headerAt || empty(row)) return;
    const cells: Record<string, unknown> = {};
    const before = issues.items.length;
    for (const [field, i] of columns) {
      const { value, problem } = readCell(row[i], fields[field]!, mapping.values[field], mapping.listSeparator);
      if (problem) issues.add([name, `${letters(i)}${r + 1}`], 'invalid_cell', `${mapping.columns[field]![0]} ${problem}`);
      else if (value !== undefined) cells[field] = value;
    }
    if (issues.items.length > before) return;
    const parsed = schema.safeParse(build(kind, cells));
    if (parsed.success) out.push(parsed.data);
    else {
      for (const i of parsed.error.issues) {
        const col = position.get(fieldOfPath(i.path));
        issues.add([name, col === undefined ? `row ${r + 1}` : `${letters(col)}${r + 1}`], i.code, `${fieldOfPath(i.path)}: ${i.message}`);
      }
    }
  });
  issues.throwIfAny(what);
  return out;
}
