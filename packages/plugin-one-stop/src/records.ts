import { z } from 'zod';
import { CivilDateSchema, DEFAULT_OFFICE_HOURS, OfficeHoursSchema, parseWithSchema } from '@par/calendar';
import { InstantSchema } from './instant.js';
import { FORM_SETS, LEGACY_ONLINE_LEVELS } from './rules.js';

const date = CivilDateSchema;
const text = z.string().trim().min(1);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, { message: 'Expected a time HH:MM from 00:00 to 23:59' });
const VERIFICATION = z.enum(['confirmed', 'partlyConfirmed', 'unconfirmed']);

/**
 * Zod schema for a processing time (thời gian giải quyết) with its unit: whole working days or calendar days,
 * working hours (whole minutes), or the same day (received after the hand-over cut-off: the next working day).
 */
export const ProcessingTimeSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('workingDays'), amount: z.int().positive().max(3650) }),
  z.strictObject({ unit: z.literal('calendarDays'), amount: z.int().positive().max(3650) }),
  z.strictObject({
    unit: z.literal('workingHours'),
    amount: z
      .number()
      .positive()
      .max(10_000)
      .refine((h) => Number.isSafeInteger(h * 60), { message: 'Expected working hours in whole minutes' }),
  }),
  z.strictObject({ unit: z.literal('sameDay') }),
]);

/** A processing time and its unit. */
export type ProcessingTime = z.output<typeof ProcessingTimeSchema>;

/** The online service levels of NĐ 42/2022 Art. 11 (OSS-13), and `none` for a procedure not offered online. */
export const ONLINE_LEVELS = ['fullyOnline', 'partlyOnline', 'none'] as const;

/** Zod schema for one administrative procedure (TTHC) of the catalogue. */
export const ProcedureSchema = z.strictObject({
  /** The national procedure code (mã TTHC on the national database). */
  code: text,
  name: text,
  /** The procedure's sector (lĩnh vực), which sets the online response time (OSS-12). */
  sector: text,
  /** The level that handles it (cấp thực hiện); `district` is historical (until 30/06/2025). */
  level: z.enum(['province', 'district', 'commune']),
  /** The competent body (cơ quan có thẩm quyền), as named by the publication decision. */
  competentBody: text,
  /** The legal processing time. */
  processingTime: ProcessingTimeSchema,
  /** The procedure publication decision (quyết định công bố TTHC). */
  publication: z.strictObject({ decision: text, effectiveFrom: date }),
  /** NĐ 42/2022 level, or a legacy NĐ 43/2011 level 1-4 (mapped by the option `legacyOnlineLevels`). */
  onlineLevel: z.union([z.enum(ONLINE_LEVELS), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** Whether the public postal service may carry it (OSS-14). */
  postalEligible: z.boolean(),
  /** Whether the applicant must appear in person (then no postal submission, OSS-14). */
  personalPresenceRequired: z.boolean().default(false),
  /** Fees and charges in đồng (whole numbers). */
  fees: z.array(z.strictObject({ name: text, amountVnd: z.int().min(0) })).default([]),
  /** Working days after receipt within which the one supplement request of the processing stage is allowed (OSS-06; set by the procedure's own text). */
  supplementWindowWorkingDays: z.int().positive().max(365).optional(),
});

/** One procedure of the catalogue. */
export type Procedure = z.output<typeof ProcedureSchema>;

/** Zod schema for a procedure catalogue (danh mục TTHC): the procedures and where they were read. */
export const CatalogueSchema = z
  .strictObject({
    source: text,
    /** True when the catalogue is made up for an example or a test. */
    illustrative: z.boolean().default(false),
    procedures: z.array(ProcedureSchema),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.procedures.forEach((p, i) => {
      if (seen.has(p.code)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'code'], message: `Procedure ${p.code} is listed twice` });
      seen.add(p.code);
      if (p.postalEligible && p.personalPresenceRequired) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'postalEligible'], message: 'A procedure that requires personal presence cannot be postal (OSS-14)' });
    });
  });

/** A procedure catalogue. */
export type Catalogue = z.output<typeof CatalogueSchema>;

/** The forms of a dossier's life (`rules.md` §5.3), by role; the form number follows the form set of its receipt date. */
export const FORM_KINDS = ['receiptSlip', 'supplementRequest', 'refusalSlip', 'apologySlip', 'stopNotice'] as const;

const FormSchema = z.strictObject({
  kind: z.enum(FORM_KINDS),
  /** The day it was issued (sent). */
  on: date,
  /** For a supplement request: at reception (OSS-03) or during processing (OSS-06). */
  stage: z.enum(['reception', 'processing']).optional(),
  /** The reasons given (required on a refusal, OSS-04). */
  reasons: z.string().optional(),
  /** The new appointment an apology proposes. */
  newAppointment: date.optional(),
});

/** Zod schema for one dossier (hồ sơ) as the one-stop information system records it. */
export const DossierSchema = z
  .strictObject({
    /** The dossier code (mã hồ sơ). */
    code: text,
    procedureCode: text,
    /** The unit whose figures the dossier counts in: the competent body's unit id in the unit registry. */
    unitId: text,
    /** Where it was received, recorded apart from the competent body (required by OSS-01 from 01/07/2025). */
    receivingPoint: text.optional(),
    channel: z.enum(['counter', 'online', 'postal']),
    /** Submitted: portal time for online ones; for postal ones the signing of the hand-over minutes (OSS-14). */
    submittedAt: InstantSchema,
    /** Accepted and registered (tiếp nhận); absent for a refused dossier. */
    receivedAt: InstantSchema.optional(),
    postal: z.strictObject({ trackingId: text, handoverSignedAt: InstantSchema, returnByPost: z.boolean().default(false) }).optional(),
    /** Resolved at the counter on the spot: no receipt slip needed (OSS-05). */
    resolvedOnTheSpot: z.boolean().default(false),
    refused: z.boolean().default(false),
    /** The appointment date printed on the receipt slip. */
    appointmentOnReceipt: date.optional(),
    forms: z.array(FormSchema).default([]),
    /** Hand-offs; the first is the one-stop unit's hand-over to the processing unit (OSS-07). */
    transfers: z.array(z.strictObject({ at: InstantSchema, from: text, to: text })).default([]),
    /** Agreed extensions, each with its new appointment date. */
    extensions: z.array(z.strictObject({ agreedOn: date, newAppointment: date })).default([]),
    /** The officer's first answer to an online dossier (accept, supplement or refuse; OSS-12). */
    onlineResponseAt: InstantSchema.optional(),
    /** Scanned and stored electronically at reception (OSS-02; online dossiers are born digital). */
    scannedAt: InstantSchema.optional(),
    /** Whether the result was digitised. */
    resultDigitised: z.boolean().default(false),
    /** Digitised papers reused instead of asking for them again. */
    reusedDocuments: z.int().min(0).default(0),
    onlinePayment: z.boolean().default(false),
    stoppedAt: InstantSchema.optional(),
    resultReadyAt: InstantSchema.optional(),
    returnedAt: InstantSchema.optional(),
    /** The applicant's rating on the portal (OSS-17). */
    rating: z.enum(['satisfied', 'unsatisfied']).optional(),
  })
  .superRefine((d, ctx) => {
    const order: [keyof typeof d, keyof typeof d][] = [
      ['submittedAt', 'receivedAt'],
      ['receivedAt', 'resultReadyAt'],
      ['receivedAt', 'returnedAt'],
      ['resultReadyAt', 'returnedAt'],
      ['receivedAt', 'stoppedAt'],
    ];
    for (const [a, b] of order) {
      if (typeof d[a] === 'number' && typeof d[b] === 'number' && (d[b] as number) < (d[a] as number)) ctx.addIssue({ code: 'custom', path: [b], message: `${b} is before ${a}` });
    }
    if (d.channel === 'postal' && !d.postal) ctx.addIssue({ code: 'custom', path: ['postal'], message: 'A postal dossier records its hand-over minutes and tracking id (OSS-14)' });
    if (d.channel !== 'postal' && d.postal) ctx.addIssue({ code: 'custom', path: ['postal'], message: `A ${d.channel} dossier has no postal hand-over` });
    if (d.postal && d.postal.handoverSignedAt !== d.submittedAt) ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: 'A postal dossier is submitted when the hand-over minutes are signed (OSS-14)' });
    if (d.refused && d.receivedAt !== undefined) ctx.addIssue({ code: 'custom', path: ['refused'], message: 'A refused dossier was not received' });
    if (!d.refused && d.receivedAt === undefined && (d.returnedAt !== undefined || d.resultReadyAt !== undefined)) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: 'A dossier with a result was received' });
    d.forms.forEach((f, i) => {
      if (f.kind === 'supplementRequest' && !f.stage) ctx.addIssue({ code: 'custom', path: ['forms', i, 'stage'], message: 'A supplement request names its stage: reception or processing' });
    });
  });

/** One dossier as the schema outputs it: instants as epoch milliseconds. */
export type DossierRecord = z.output<typeof DossierSchema>;

/** Zod schema for a dossier export of the one-stop information system. */
export const DossierExportSchema = z
  .strictObject({
    /** Where the export comes from (system, office, date of export). */
    source: text,
    illustrative: z.boolean().default(false),
    dossiers: z.array(DossierSchema),
  })
  .superRefine((x, ctx) => {
    const seen = new Set<string>();
    x.dossiers.forEach((d, i) => {
      if (seen.has(d.code)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'code'], message: `Dossier ${d.code} appears twice` });
      seen.add(d.code);
    });
  });

/** A dossier export as the schema outputs it. */
export type DossierExport = z.output<typeof DossierExportSchema>;

/** Zod schema for a counter register or the portal's list of a unit's dossiers, to reconcile an export against. */
export const DossierRegisterSchema = z.strictObject({
  /** `counterRegister` (sổ theo dõi hồ sơ) or `portalList` (the national portal's list). */
  kind: z.enum(['counterRegister', 'portalList']),
  unitId: text,
  source: text,
  entries: z.array(z.strictObject({ dossierCode: text, receivedOn: date.optional(), procedureCode: text.optional() })),
});

/** A counter register or portal list. */
export type DossierRegister = z.output<typeof DossierRegisterSchema>;


/** Zod schema for the plugin's options. */
export const OneStopOptionsSchema = z
  .strictObject({
    catalogue: CatalogueSchema,
    dossiers: z.array(DossierSchema).default([]),
    /** Counter registers and portal lists to reconcile the dossiers against (dossiers handled outside the system). */
    registers: z.array(DossierRegisterSchema).default([]),
    /** The unit tree the level figures roll up through: each unit's level and parent. */
    units: z.array(z.strictObject({ unitId: text, level: z.enum(['province', 'district', 'commune']), parentId: text.optional() })).default([]),
    /**
     * Findings of rules the sources leave unconfirmed: `advisory` (default) reports them as `minor` at most;
     * `enforced` keeps their severity.
     */
    unconfirmedRules: z.enum(['advisory', 'enforced']).default('advisory'),
    /** OSS-07 and same-day processing times: received after this time, the next working day (unconfirmed). */
    sameDayCutoff: time.default('15:00'),
    /** Office hours for working-hour processing times. */
    officeHours: OfficeHoursSchema.default(DEFAULT_OFFICE_HOURS.map(([a, b]) => [a, b] as [string, string])),
    /** The forms used between 01/07/2025 and 14/09/2025, before TT 03/2025 took effect (unconfirmed). */
    interimForms: z.enum(Object.keys(FORM_SETS) as [keyof typeof FORM_SETS, ...(keyof typeof FORM_SETS)[]]).default('TT01/2018'),
    /** OSS-08 from 01/07/2025: how long before the original appointment the apology is due (unconfirmed; default 1 working day). */
    apologyLead2025: z.strictObject({ days: z.int().min(0).max(30), unit: z.enum(['workingDays', 'calendarDays']) }).default({ days: 1, unit: 'workingDays' }),
    /** OSS-06 from 01/07/2025: supplement requests allowed during processing (unconfirmed; default 1 as in 2018). */
    maxProcessingSupplements2025: z.int().min(0).max(10).default(1),
    /** OSS-12: the officer's response time for online dossiers by sector, each with its source and tag. */
    onlineResponseTimes: z
      .array(z.strictObject({ sector: text, time: ProcessingTimeSchema, source: text, verification: VERIFICATION }))
      .default([{ sector: 'Kho bạc Nhà nước', time: { unit: 'workingHours', amount: 8 }, source: 'TT 87/2021 (domain notes rules.md OSS-12)', verification: 'partlyConfirmed' }]),
    /** OSS-13: how the legacy levels 1-4 map to NĐ 42/2022 levels (unconfirmed). */
    legacyOnlineLevels: z
      .strictObject({ 1: z.enum(ONLINE_LEVELS), 2: z.enum(ONLINE_LEVELS), 3: z.enum(ONLINE_LEVELS), 4: z.enum(ONLINE_LEVELS) })
      .default({ ...LEGACY_ONLINE_LEVELS }),
  })
  .superRefine((o, ctx) => {
    const codes = new Set(o.catalogue.procedures.map((p) => p.code));
    const seen = new Set<string>();
    o.dossiers.forEach((d, i) => {
      if (!codes.has(d.procedureCode)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'procedureCode'], message: `Procedure ${d.procedureCode} is not in the catalogue` });
      if (seen.has(d.code)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'code'], message: `Dossier ${d.code} appears twice` });
      seen.add(d.code);
    });
    const units = new Set<string>();
    o.units.forEach((u, i) => {
      if (units.has(u.unitId)) ctx.addIssue({ code: 'custom', path: ['units', i, 'unitId'], message: `Unit ${u.unitId} is listed twice` });
      units.add(u.unitId);
    });
  });

/** The options as validated. */
export type OneStopConfig = z.output<typeof OneStopOptionsSchema>;

/** Options of `createOneStopPlugin`. */
export type OneStopOptions = z.input<typeof OneStopOptionsSchema>;

const parsedDocuments = new WeakSet<object>();
const mark = <T extends object>(value: T): T => (parsedDocuments.add(value), value);

/** Whether a value is the very object {@link parseCatalogue} or {@link parseDossierExport} returned (a copy is not). */
export const isParsedDocument = (value: unknown): boolean => typeof value === 'object' && value !== null && parsedDocuments.has(value);

/** Parses a procedure catalogue; throws `ParValidationError` naming every problem by path. */
export const parseCatalogue = (input: unknown): Catalogue => mark(parseWithSchema('procedure catalogue', CatalogueSchema, input));

/** Parses a dossier export; throws `ParValidationError` naming every problem by path. */
export const parseDossierExport = (input: unknown): DossierExport => mark(parseWithSchema('dossier export', DossierExportSchema, input));
