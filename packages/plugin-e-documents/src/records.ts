import { z } from 'zod';
import { CivilDateSchema, parseWithSchema } from '@par/calendar';
import { NonNegativePointsSchema } from '@par/core';
import { URGENCY_LEVELS } from './rules.js';

const date = CivilDateSchema;
const text = z.string().trim().min(1);
const year = z.int().min(1900).max(2100);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const two = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the fields of an instant string of the {@link INSTANT} form exist (no 30 February, no 24:00, no offset
 * beyond 14:00) and its year is 1900-2100; read at fixed positions, as registers hold millions of them.
 */
function isRealInstant(s: string): boolean {
  const y = two(s, 0) * 100 + two(s, 2);
  const [month, day, hour, minute] = [two(s, 5), two(s, 8), two(s, 11), two(s, 14)];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  const seconds = s.charCodeAt(16) === 58 ? two(s, 17) : 0; // ':'
  const offset = s.endsWith('Z') ? [0, 0] : [two(s, s.length - 5), two(s, s.length - 2)];
  return y >= 1900 && y <= 2100 && days !== undefined && day >= 1 && day <= days && hour < 24 && minute < 60 && seconds < 60 && offset[0]! <= 14 && offset[1]! < 60;
}

/**
 * Zod schema for an instant with its offset, e.g. `2022-09-07T16:45:00+07:00` (the registers' timestamps), from
 * 1900 to 2100.
 */
export const InstantSchema = z
  .string()
  .regex(INSTANT, { message: 'Expected an instant YYYY-MM-DDTHH:MM[:SS]+07:00 (or Z)', abort: true })
  .refine(isRealInstant, { message: 'Expected a real instant from 1900 to 2100 (a day the month has, a time within the day)' });

const DOCUMENT_FORMS = ['electronic', 'paper'] as const;

/** Zod schema for a digital signature on an outgoing document and the result of validating it. */
export const SignatureSchema = z.strictObject({
  signedAt: InstantSchema,
  /** The signer (a person) or the organisation whose certificate signed. */
  by: text.optional(),
  /** The result of validating the signature (tính xác thực, toàn vẹn), when it was validated. */
  validation: z.enum(['valid', 'invalid']).optional(),
});

/** Zod schema for an outgoing document (văn bản đi) as its register records it. */
export const OutgoingDocumentSchema = z
  .strictObject({
    /** The register (sổ đăng ký văn bản) the number belongs to; numbers run from 1 each year in each register. */
    registerId: text.default('main'),
    number: z.int().min(1).max(1_000_000_000),
    /** Ký hiệu, e.g. `TB-UBND`. */
    symbol: text.optional(),
    /** The document's date (ngày văn bản), in the register's sequence with its number. */
    date,
    /** Trích yếu nội dung: DOC-02 reports a register entry without it. */
    summary: text.optional(),
    urgency: z.enum(URGENCY_LEVELS).default('normal'),
    /** Under the state-secrets law (Mật): left out of the electronic-exchange ratios. */
    classified: z.boolean().default(false),
    form: z.enum(DOCUMENT_FORMS),
    /** The signer's digital signature (electronic documents, DOC-08). */
    signerSignature: SignatureSchema.optional(),
    /** The organisation's digital signature, which replaces the stamp (electronic documents, DOC-01, DOC-08). */
    organisationSignature: SignatureSchema.optional(),
    /** When it was numbered and registered; DOC-02 reports an entry without it. */
    registeredAt: InstantSchema.optional(),
    /** When it was dispatched (DOC-05). */
    dispatchedAt: InstantSchema.optional(),
    channel: z.enum(['documentSystem', 'email', 'post', 'hand']).optional(),
    recipients: z.array(z.strictObject({ name: text, unitId: text.optional() })).default([]),
    /** Whether a copy was filed (lưu văn bản đi): DOC-01 reports `false`, DOC-02 an entry that does not say. */
    filedCopy: z.boolean().optional(),
    /** The directive document this is, when it is one (a conclusion notice), by its `id`. */
    directiveDocumentId: text.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.registeredAt && d.dispatchedAt && Date.parse(d.dispatchedAt) < Date.parse(d.registeredAt)) ctx.addIssue({ code: 'custom', path: ['dispatchedAt'], message: `Dispatched ${d.dispatchedAt} before it was registered (${d.registeredAt})` });
  });

/** An outgoing document as the schema outputs it. */
export type OutgoingDocument = z.output<typeof OutgoingDocumentSchema>;

/** Zod schema for an incoming document (văn bản đến) as its register records it. */
export const IncomingDocumentSchema = z
  .strictObject({
    registerId: text.default('main'),
    /** The incoming number (số đến); numbers run from 1 each year in each register. */
    number: z.int().min(1).max(1_000_000_000),
    receivedAt: InstantSchema,
    /** The sending organisation. */
    from: text,
    /** The sender's number and symbol, e.g. `125/TB-UBND`. */
    senderReference: text.optional(),
    senderDate: date.optional(),
    summary: text.optional(),
    urgency: z.enum(URGENCY_LEVELS).default('normal'),
    classified: z.boolean().default(false),
    form: z.enum(DOCUMENT_FORMS),
    /** The clerk's check of the signatures' authenticity and integrity (DOC-04; electronic documents). */
    signatureValidation: z.strictObject({ result: z.enum(['valid', 'invalid']), checkedAt: InstantSchema }).optional(),
    /** Sent to the wrong recipient: returned through the system like a non-compliant one (DOC-04). */
    misaddressed: z.boolean().default(false),
    /** Returned to the sender through the system (DOC-04). */
    returnedAt: InstantSchema.optional(),
    /** The sender told of receipt through the system (DOC-04: the same day). */
    acknowledgedAt: InstantSchema.optional(),
    registeredAt: InstantSchema.optional(),
    /** Submitted and handed over to the person who handles it (DOC-05). */
    handedOverAt: InstantSchema.optional(),
    assigned: z.strictObject({ to: text, at: InstantSchema }).optional(),
    /**
     * The directive document it is, and the items it assigned to this unit (the link to the assignments of
     * `@par/core`); with no items listed it brought every item of the document for the unit (DOC-03), and the metric
     * of assignments counts none of them.
     */
    directive: z.strictObject({ documentId: text, itemLabels: z.array(text).default([]) }).optional(),
  })
  .superRefine((d, ctx) => {
    const received = Date.parse(d.receivedAt);
    for (const key of ['registeredAt', 'handedOverAt', 'acknowledgedAt', 'returnedAt'] as const) {
      const at = d[key];
      if (at && Date.parse(at) < received) ctx.addIssue({ code: 'custom', path: [key], message: `${at} is before the document was received (${d.receivedAt})` });
    }
  });

/** An incoming document as the schema outputs it. */
export type IncomingDocument = z.output<typeof IncomingDocumentSchema>;

/** Zod schema for a work file (hồ sơ công việc) and its way to the archives. */
export const WorkFileSchema = z
  .strictObject({
    id: text,
    title: text,
    /** The year the work ended (năm công việc kết thúc): DOC-06 counts from it. */
    workEndedYear: year,
    /** Handled in the document-management system (xử lý hồ sơ công việc trên môi trường mạng). */
    handledOnline: z.boolean(),
    /** Kept permanently: goes on to the historical archive (DOC-06). */
    permanent: z.boolean().default(false),
    /** Years to the historical archive where another law sets more than the archives law (at most 30). */
    historicalArchiveYears: z.int().min(1).max(30).optional(),
    /** Handed to the agency's current archive (lưu trữ hiện hành). */
    currentArchiveOn: date.optional(),
    /** Handed to the historical archive (lưu trữ lịch sử). */
    historicalArchiveOn: date.optional(),
    /** A construction-investment (XDCB) project's file: DOC-07 counts from the settlement. */
    constructionInvestment: z.strictObject({ projectId: text.optional(), settledOn: date }).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.currentArchiveOn && f.currentArchiveOn < `${f.workEndedYear}-01-01`) ctx.addIssue({ code: 'custom', path: ['currentArchiveOn'], message: `Archived ${f.currentArchiveOn}, before the year the work ended (${f.workEndedYear})` });
    if (f.historicalArchiveOn && !f.currentArchiveOn) ctx.addIssue({ code: 'custom', path: ['historicalArchiveOn'], message: 'A file reaches the historical archive from the current archive: currentArchiveOn is missing' });
    if (f.historicalArchiveOn && f.currentArchiveOn && f.historicalArchiveOn < f.currentArchiveOn) ctx.addIssue({ code: 'custom', path: ['historicalArchiveOn'], message: `Handed to the historical archive ${f.historicalArchiveOn}, before the current archive (${f.currentArchiveOn})` });
  });

/** A work file as the schema outputs it. */
export type WorkFile = z.output<typeof WorkFileSchema>;

/** Zod schema for one unit's clerical records (văn thư): its registers of outgoing and incoming documents and its work files. */
export const ClericalRecordsSchema = z.strictObject({
  unitId: text,
  /** Data made up to show the toolkit (the Phong Thổ registers are): kept on the record, never checked away. */
  illustrative: z.boolean().default(false),
  outgoing: z.array(OutgoingDocumentSchema).default([]),
  incoming: z.array(IncomingDocumentSchema).default([]),
  workFiles: z.array(WorkFileSchema).default([]),
});

/** One unit's clerical records as the schema outputs them. */
export type ClericalRecordsData = z.output<typeof ClericalRecordsSchema>;

declare const parsed: unique symbol;

/** One unit's clerical records, parsed by {@link parseClericalRecords}. */
export type ClericalRecords = ClericalRecordsData & { readonly [parsed]: true };

const parsedRecords = new WeakSet<object>();

/** Parses one unit's clerical records; throws `ParValidationError` naming every problem by path. */
export function parseClericalRecords(input: unknown): ClericalRecords {
  const r = parseWithSchema('clerical records', ClericalRecordsSchema, input);
  parsedRecords.add(r);
  return r as ClericalRecords;
}

/** Whether a value came from {@link parseClericalRecords} (a plain object that looks like records does not). */
export const isParsedClericalRecords = (value: unknown): value is ClericalRecords => typeof value === 'object' && value !== null && parsedRecords.has(value);

const points = NonNegativePointsSchema.refine((p) => p > 0, { message: 'Expected points above 0' });

/** Zod schema for the plugin's options. */
export const EDocumentsOptionsSchema = z
  .strictObject({
    /** Each unit's clerical records. */
    units: z.array(ClericalRecordsSchema),
    /**
     * The directive assignments of the units (from `assignmentsOf` of `@par/core`): the denominator of
     * `eDocuments.assignmentsReceivedElectronically`, and DOC-03 reports one that no incoming document brought.
     */
    assignments: z.array(z.strictObject({ unitId: text, documentId: text, itemLabel: text, issuedOn: date })).default([]),
    /**
     * Findings of rules the sources leave unconfirmed (DOC-08, the 2011 archives law's numbers): `advisory`
     * (default) reports them as `minor` at most; `enforced` keeps their severity.
     */
    unconfirmedRules: z.enum(['advisory', 'enforced']).default('advisory'),
    /** DOC-06 before 01/07/2025: the 2011 archives law's years (not in the domain notes: unconfirmed). */
    legacyArchiveYears: z.strictObject({ current: z.int().min(1).max(10).default(1), historical: z.int().min(1).max(30).default(10) }).default({ current: 1, historical: 10 }),
    /** DOC-07: months after settlement for construction-investment files (3 in the ministry-level example, V). */
    constructionFileMonths: z.int().min(1).max(60).default(3),
    /** The framework fragment for criterion 7.1: its code and its points (the split is illustrative: unconfirmed). */
    fragment: z
      .strictObject({ code: z.string().regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/).default('7.1'), exchange: points.default(1), signed: points.default(1), onlineWorkFiles: points.default(0.75) })
      .default({ code: '7.1', exchange: 1, signed: 1, onlineWorkFiles: 0.75 }),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.units.forEach((u, i) => {
      if (seen.has(u.unitId)) ctx.addIssue({ code: 'custom', path: ['units', i, 'unitId'], message: `Two sets of records for unit ${u.unitId}` });
      seen.add(u.unitId);
    });
  });

/** The options as validated. */
export type EDocumentsConfig = z.output<typeof EDocumentsOptionsSchema>;

/** Options of `createEDocumentsPlugin`. */
export type EDocumentsOptions = z.input<typeof EDocumentsOptionsSchema>;
