import { IssueList } from '@par/calendar';

/** The forms of local legal documents the toolkit knows, by the abbreviation in the number (nghị quyết, quyết định). */
export const DOCUMENT_FORMS = { NQ: 'resolution', QĐ: 'decision' } as const;

/** The form of a local legal document: a People's Council resolution or a People's Committee decision. */
export type DocumentForm = (typeof DOCUMENT_FORMS)[keyof typeof DOCUMENT_FORMS];

/** A document number and symbol (số, ký hiệu) as parsed from `12/2022/QĐ-UBND`. */
export interface DocumentNumber {
  /** The number as printed, normalised (NFC, single spaces trimmed). */
  readonly text: string;
  readonly number: number;
  readonly year: number;
  /** The form abbreviation as printed: `QĐ` or `NQ`. */
  readonly formAbbreviation: keyof typeof DOCUMENT_FORMS;
  readonly form: DocumentForm;
  /** The issuer abbreviation: `UBND`, `HĐND`. */
  readonly issuer: string;
}

const SHAPE = /^(\d+)\/(\d{4})\/([^/-]+)-(.+)$/u;
const ISSUER = /^[A-ZĐ]+(?:-[A-ZĐ0-9]+)*$/u;
/** A number already in canonical form (no spaces, capitals, a known form; no letter that NFC would change). */
const CANONICAL = /^\d{1,6}\/\d{4}\/(?:QĐ|NQ)-[A-ZĐ]+(?:-[A-ZĐ0-9]+)*$/u;

/**
 * The problems of a document number, each with a code and a message: empty when it parses. Used by
 * {@link parseDocumentNumber} and by the register importer, which reports them at a row and column.
 */
export function documentNumberProblems(text: unknown): { code: string; message: string }[] {
  if (typeof text === 'string' && CANONICAL.test(text)) {
    const slash = text.indexOf('/');
    const year = Number(text.slice(slash + 1, slash + 5));
    if (year >= 1900 && year <= 2100 && Number(text.slice(0, slash)) >= 1) return [];
  }
  if (typeof text !== 'string' || text.trim() === '') return [{ code: 'invalid_type', message: `Expected a document number such as 12/2022/QĐ-UBND, got ${JSON.stringify(text) ?? typeof text}` }];
  const t = normaliseNumber(text);
  const m = SHAPE.exec(t);
  if (!m) {
    const parts = t.split('/');
    const hint =
      parts.length === 2
        ? 'the year is missing (a legal normative document is numbered number/year/form-issuer, e.g. 12/2022/QĐ-UBND)'
        : parts.length !== 3
          ? 'expected three parts separated by "/" (number/year/form-issuer)'
          : !/^\d+$/.test(parts[0]!)
            ? `the number "${parts[0]}" is not a whole number`
            : !/^\d{4}$/.test(parts[1]!)
              ? `the year "${parts[1]}" is not four digits`
              : `the symbol "${parts[2]}" is not form-issuer (e.g. QĐ-UBND)`;
    return [{ code: 'malformed_number', message: `Malformed document number "${t}": ${hint}` }];
  }
  const problems: { code: string; message: string }[] = [];
  const [, num, year, form, issuer] = m;
  if (Number(num) < 1 || num!.length > 6) problems.push({ code: 'malformed_number', message: `The number ${num} in "${t}" is not from 1 to 999999` });
  if (Number(year) < 1900 || Number(year) > 2100) problems.push({ code: 'malformed_number', message: `The year ${year} in "${t}" is outside 1900-2100` });
  if (!(form! in DOCUMENT_FORMS)) problems.push({ code: 'unknown_form', message: `Unknown form "${form}" in "${t}": expected ${Object.keys(DOCUMENT_FORMS).join(' or ')}` });
  if (!ISSUER.test(issuer!)) problems.push({ code: 'malformed_number', message: `The issuer "${issuer}" in "${t}" is not an abbreviation in capitals such as UBND or HĐND` });
  return problems;
}

/** A document number as the register keys it: NFC, without spaces, in capitals (`12/2022/qđ-ubnd` reads `12/2022/QĐ-UBND`). */
export const normaliseNumber = (text: string) => (CANONICAL.test(text) ? text : text.normalize('NFC').replace(/\s+/g, '').toUpperCase());

/**
 * Parses a document number and symbol as printed (`12/2022/QĐ-UBND`, `05/2019/NQ-HĐND`) into its number, year, form
 * and issuer abbreviation. Spaces are dropped and letters upper-cased (`12/2022/qđ-ubnd` reads the same). Throws
 * `ParValidationError` at `['number']` saying what is wrong: a missing year, a year that is not four digits, an
 * unknown form, an issuer that is not an abbreviation.
 */
export function parseDocumentNumber(text: string): DocumentNumber {
  const issues = new IssueList();
  for (const p of documentNumberProblems(text)) issues.add(['number'], p.code, p.message);
  issues.throwIfAny('document number');
  const [, num, year, form, issuer] = SHAPE.exec(normaliseNumber(text))!;
  const abbreviation = form as keyof typeof DOCUMENT_FORMS;
  return { text: normaliseNumber(text), number: Number(num), year: Number(year), formAbbreviation: abbreviation, form: DOCUMENT_FORMS[abbreviation], issuer: issuer! };
}
