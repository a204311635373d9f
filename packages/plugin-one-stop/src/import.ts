import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CivilDateSchema, IssueList, parseWithSchema, ParValidationError } from '@par/calendar';
import MAPPING from '../data/column-mapping.vi.json' with { type: 'json' };
import { DossierSchema, parseDossierExport, type DossierExport } from './records.js';

/** The dossier fields a column can fill, as the mapping file (`data/column-mapping.vi.json`) names them. */
export const IMPORT_FIELDS = [
  'code', 'procedureCode', 'unitId', 'receivingPoint', 'channel', 'submittedAt', 'receivedAt', 'postalTrackingId', 'returnByPost', 'resolvedOnTheSpot',
  'receiptSlipOn', 'appointmentOnReceipt', 'receptionSupplementsOn', 'processingSupplementsOn', 'refusedOn', 'refusalReasons', 'apologyOn',
  'extensionAgreedOn', 'extendedAppointment', 'handedOverAt', 'onlineResponseAt', 'scannedAt', 'resultDigitised', 'reusedDocuments', 'onlinePayment',
  'stoppedAt', 'stopNoticeOn', 'resultReadyAt', 'returnedAt', 'rating',
] as const;

/** A field a column can fill. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The shipped column mapping: each field and the Vietnamese headers it is read from, and the value words. */
export const DEFAULT_COLUMN_MAPPING = MAPPING as unknown as Record<ImportField, readonly string[]> & {
  readonly values: { channel: Record<string, string>; rating: Record<string, string>; true: readonly string[]; false: readonly string[] };
};

const REQUIRED: readonly ImportField[] = ['code', 'procedureCode', 'unitId', 'channel', 'submittedAt'];

/** Options of {@link importDossiers}. */
export interface ImportOptions {
  /** `csv` (UTF-8, comma-separated, a header row) or `xlsx` (the first worksheet). */
  readonly format: 'csv' | 'xlsx';
  /** Where the export comes from (system, office, date of export): recorded in the export. */
  readonly source: string;
  /** Headers to read a field from instead of the shipped ones, e.g. `{ code: ['Mã số hồ sơ'] }`. */
  readonly mapping?: Partial<Record<ImportField, readonly string[]>>;
}

const OptionsSchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  source: z.string().trim().min(1),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.array(z.string().trim().min(1)).min(1)).optional(),
});

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: string | number) => String(n).padStart(2, '0');

/** A cell as text: dates from a spreadsheet are wall-clock times in Vietnam (ExcelJS reads them as UTC fields). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 19);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text).trim();
  }
  return String(v).trim();
}

/** `DD/MM/YYYY[ HH:MM[:SS]]` written as `YYYY-MM-DD[THH:MM:SS]`; other text unchanged. */
function isoOf(text: string): string {
  const m = DMY.exec(text);
  if (!m) return text.replace(' ', 'T');
  const date = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  return m[4] === undefined ? date : `${date}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}`;
}

/** The rows of a CSV text or the first sheet of a workbook, each cell as text. */
export async function rowsOf(content: string | Uint8Array, format: 'csv' | 'xlsx'): Promise<string[][]> {
  if (format === 'csv') {
    const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
    return (parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).map((r) => r.map((c) => c.trim()));
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((typeof content === 'string' ? Buffer.from(content, 'binary') : Buffer.from(content)) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[n - 1] = values.map(cellText);
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Reads a one-stop system's dossier export (CSV or XLSX with Vietnamese headers; the column mapping is the data file
 * `data/column-mapping.vi.json`, overridable by field) into a parsed dossier export. Instants without a zone are
 * Vietnam time; dates may be `DD/MM/YYYY`. Throws `ParValidationError` naming every problem at its spreadsheet row
 * and column (`row[5].Thời điểm tiếp nhận`; the header is row 1), after reading the whole file: nothing is
 * half-imported.
 */
export async function importDossiers(content: string | Uint8Array, options: ImportOptions): Promise<DossierExport> {
  const o = parseWithSchema('arguments of importDossiers', z.strictObject({ content: z.union([z.string(), z.instanceof(Uint8Array)]), options: OptionsSchema }), { content, options }).options;
  let rows: string[][];
  try {
    rows = await rowsOf(content, o.format);
  } catch (e) {
    if (ParValidationError.isInstance(e)) throw e;
    throw new ParValidationError('dossier import', [{ path: ['content'], code: 'unreadable', message: `Not a readable ${o.format.toUpperCase()} file: ${(e as Error).message}` }]);
  }
  return parseDossierExport({ source: o.source, dossiers: dossierInputs(rows, o.mapping) });
}

/** The rows of a sheet (each cell as the spreadsheet stored it) as the text of each cell, as {@link importDossiers} reads them. */
export const textRows = (rows: readonly (readonly unknown[])[]): string[][] => rows.map((r) => Array.from(r, cellText));

/**
 * The dossiers of an export's rows (the header first), as the options file holds them (instants as text), each
 * checked against the dossier schema; throws `ParValidationError` naming every problem at `['row', n, header]`.
 */
export function dossierInputs(rows: readonly string[][], mapping: ImportOptions['mapping']): Record<string, unknown>[] {
  const issues = new IssueList();
  const header = rows[0] ?? [];
  const column = new Map<ImportField, number>();
  for (const field of IMPORT_FIELDS) {
    const names = mapping?.[field] ?? DEFAULT_COLUMN_MAPPING[field];
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) column.set(field, i);
    else if (REQUIRED.includes(field)) issues.add(['row', 1], 'missing_column', `No column for ${field}: expected one of ${names.map((n) => `"${n}"`).join(', ')}`);
  }
  issues.throwIfAny('dossier import');
  const headerOf = (field: ImportField) => header[column.get(field)!]!;
  const values = DEFAULT_COLUMN_MAPPING.values;
  const dossiers: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNo = r + 1;
    const fieldsUsed = new Map<string, ImportField>();
    const get = (field: ImportField) => (column.has(field) ? (cells[column.get(field)!] ?? '') : '');
    const flagged = new Set<ImportField>();
    const fail = (field: ImportField, code: string, message: string) => flagged.add(field) && issues.add(['row', rowNo, column.has(field) ? headerOf(field) : field], code, message);
    const text = (field: ImportField) => get(field) || undefined;
    const instant = (field: ImportField) => (get(field) ? isoOf(get(field)) : undefined);
    const dayCache = new Map<ImportField, string | undefined>();
    const day = (field: ImportField) => {
      if (dayCache.has(field)) return dayCache.get(field);
      const t = get(field) ? isoOf(get(field)).slice(0, 10) : undefined;
      if (t !== undefined && !CivilDateSchema.safeParse(t).success) fail(field, 'invalid_date', `Expected a date DD/MM/YYYY or YYYY-MM-DD, got "${get(field)}"`);
      dayCache.set(field, t);
      return t;
    };
    const days = (field: ImportField) =>
      get(field)
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const t = isoOf(s).slice(0, 10);
          if (!CivilDateSchema.safeParse(t).success) fail(field, 'invalid_date', `Expected dates DD/MM/YYYY separated by ';', got "${s}"`);
          return t;
        });
    const bool = (field: ImportField) => {
      const t = get(field);
      if (values.true.includes(t)) return true;
      if (values.false.includes(t)) return false;
      fail(field, 'invalid_boolean', `Expected one of ${[...values.true, ...values.false.filter(Boolean)].map((v) => `"${v}"`).join(', ')} or empty, got "${t}"`);
      return false;
    };
    const word = (field: 'channel' | 'rating') => {
      const t = get(field);
      if (t === '') return undefined;
      const v = values[field][t];
      if (v === undefined) fail(field, 'invalid_value', `Expected one of ${Object.keys(values[field]).map((k) => `"${k}"`).join(', ')}, got "${t}"`);
      return v;
    };
    const count = (field: ImportField) => {
      const t = get(field);
      if (t === '') return 0;
      if (!/^\d+$/.test(t)) fail(field, 'invalid_count', `Expected a whole number, got "${t}"`);
      return Number(t);
    };
    const submittedAt = instant('submittedAt');
    const channel = word('channel');
    const refusedOn = day('refusedOn');
    const trackingId = text('postalTrackingId');
    const forms = [
      ...(day('receiptSlipOn') ? [{ kind: 'receiptSlip', on: day('receiptSlipOn') }] : []),
      ...days('receptionSupplementsOn').map((on) => ({ kind: 'supplementRequest', stage: 'reception', on })),
      ...days('processingSupplementsOn').map((on) => ({ kind: 'supplementRequest', stage: 'processing', on })),
      ...(refusedOn ? [{ kind: 'refusalSlip', on: refusedOn, ...(text('refusalReasons') && { reasons: text('refusalReasons') }) }] : []),
      ...(day('apologyOn') ? [{ kind: 'apologySlip', on: day('apologyOn') }] : []),
      ...(day('stopNoticeOn') ? [{ kind: 'stopNotice', on: day('stopNoticeOn') }] : []),
    ];
    const extended = day('extendedAppointment');
    const input: Record<string, unknown> = {
      code: text('code'),
      procedureCode: text('procedureCode'),
      unitId: text('unitId'),
      receivingPoint: text('receivingPoint'),
      channel,
      submittedAt,
      receivedAt: instant('receivedAt'),
      postal: channel === 'postal' || trackingId ? { trackingId, handoverSignedAt: submittedAt, returnByPost: bool('returnByPost') } : undefined,
      resolvedOnTheSpot: bool('resolvedOnTheSpot'),
      refused: refusedOn !== undefined,
      appointmentOnReceipt: day('appointmentOnReceipt'),
      forms,
      transfers: instant('handedOverAt') ? [{ at: instant('handedOverAt'), from: text('receivingPoint') ?? 'oneStopUnit', to: text('unitId') ?? 'unit' }] : [],
      extensions: extended ? [{ agreedOn: day('extensionAgreedOn') ?? day('apologyOn'), newAppointment: extended }] : [],
      onlineResponseAt: instant('onlineResponseAt'),
      scannedAt: instant('scannedAt'),
      resultDigitised: bool('resultDigitised'),
      reusedDocuments: count('reusedDocuments'),
      onlinePayment: bool('onlinePayment'),
      stoppedAt: instant('stoppedAt'),
      resultReadyAt: instant('resultReadyAt'),
      returnedAt: instant('returnedAt'),
      rating: word('rating'),
    };
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
    fieldsUsed.set('postal', channel === 'postal' ? 'postalTrackingId' : 'channel');
    fieldsUsed.set('refused', 'refusedOn');
    fieldsUsed.set('forms', 'receiptSlipOn');
    fieldsUsed.set('transfers', 'handedOverAt');
    fieldsUsed.set('extensions', 'extensionAgreedOn');
    const parsed = DossierSchema.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const top = String(i.path[0] ?? 'code');
        const field = (IMPORT_FIELDS as readonly string[]).includes(top) ? (top as ImportField) : (fieldsUsed.get(top) ?? 'code');
        if (!flagged.has(field)) issues.add(['row', rowNo, column.has(field) ? headerOf(field) : field], `schema.${i.code}`, i.message); // one problem per cell
      }
    }
    const code = text('code');
    if (code !== undefined) {
      if (seen.has(code)) fail('code', 'duplicate_code', `Dossier ${code} is also on row ${seen.get(code)}`);
      else seen.set(code, rowNo);
    }
    dossiers.push(input);
  }
  issues.throwIfAny('dossier import');
  return dossiers;
}
