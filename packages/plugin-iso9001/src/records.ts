import { z } from 'zod';
import { CivilDateSchema, DEFAULT_OFFICE_HOURS, OfficeHoursSchema, parseWithSchema } from '@par/calendar';
import { ISO_UNIT_KINDS, MODEL_AGENCY_TYPES, REVIEW_INPUTS } from './rules.js';

const date = CivilDateSchema;
const text = z.string().trim().min(1);
const year = z.int().min(1900).max(2100);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, { message: 'Expected a time HH:MM from 00:00 to 23:59' });
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Zod schema for a processing time (thời gian giải quyết) with its unit: whole working days or calendar days,
 * working hours (whole minutes), or the same day, where a dossier received after the hand-over cut-off (15:00 by
 * default, an option) is due at the end of the next working day.
 */
export const ProcessingTimeSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('workingDays'), amount: z.int().positive() }),
  z.strictObject({ unit: z.literal('calendarDays'), amount: z.int().positive() }),
  z.strictObject({
    unit: z.literal('workingHours'),
    amount: z
      .number()
      .positive()
      .refine((h) => Number.isSafeInteger(h * 60), { message: 'Expected working hours in whole minutes' }),
  }),
  z.strictObject({ unit: z.literal('sameDay') }),
]);

/** A processing time and its unit. */
export type ProcessingTime = z.output<typeof ProcessingTimeSchema>;

/** Zod schema for one administrative procedure (TTHC) a unit handles, with its legal processing time. */
export const ProcedureSchema = z.strictObject({
  code: text,
  name: text,
  /** The legal processing time, as the procedure publication decision gives it. */
  processingTime: ProcessingTimeSchema,
  /** When its legal basis last changed (ISO-12). */
  legalBasisChangedOn: date.optional(),
});

const ActionSchema = z.strictObject({ description: text, dueDate: date, doneOn: date.optional() });

/** Zod schema for one unit's quality management system (hệ thống quản lý chất lượng) and its records. */
export const QmsSchema = z
  .strictObject({
    unitId: text,
    /** What kind of body the unit is, in the terms of ISO-01 (QĐ 19/2014/QĐ-TTg Art. 2). */
    unitKind: z.enum(ISO_UNIT_KINDS),
    /** A provincial plan that requires a unit ISO-01 only encourages (a commune after 2025) to apply a QMS. */
    requiredBy: z.strictObject({ document: text, effectiveFrom: date }).optional(),
    /** When the QMS was first built (ISO-04: from 21/02/2018 a new QMS uses the 2015 version; ISO-03). */
    builtOn: date,
    standardVersion: z.enum(['2008', '2015']),
    /** The framework model (mô hình khung, QĐ 101/QĐ-BKHCN) the QMS follows (ISO-03). */
    frameworkModel: z.strictObject({ code: text, issueNumber: text, effectiveFrom: date, agencyType: z.enum(MODEL_AGENCY_TYPES) }).optional(),
    scope: z.strictObject({
      /** Codes of the administrative procedures (TTHC) the QMS covers. */
      procedures: z.array(text),
      exclusions: z.array(z.strictObject({ clause: text, justification: text })).default([]),
      /** When the scope last changed (new procedures, a merger...). */
      changedOn: date.optional(),
    }),
    /** The procedures the QMS file says the unit handles; the published list (an option) is added to them. */
    handledProcedures: z.array(ProcedureSchema).default([]),
    policy: z.strictObject({ approvedOn: date, text: z.string().optional() }).optional(),
    objectives: z.array(z.strictObject({ year, items: z.array(z.strictObject({ text, target: text, measured: z.number().finite().nullable().default(null) })).min(1) })).default([]),
    processes: z
      .array(
        z.strictObject({
          procedureCode: text,
          version: text,
          effectiveFrom: date,
          processingTime: ProcessingTimeSchema,
          /** The act publishing the procedure the process follows (quyết định công bố TTHC). */
          legalBasis: text.optional(),
        }),
      )
      .default([]),
    /** Controlled documents, one entry per version (clause 7.5: approved when created or changed). */
    documents: z.array(z.strictObject({ id: text, title: text, version: text, effectiveFrom: date, approvedOn: date.optional(), reviewedOn: date.optional() })).default([]),
    audits: z
      .array(
        z.strictObject({
          date,
          /** The audit programme it belongs to, e.g. `CT-ĐGNB-2022`. */
          programme: text.optional(),
          auditors: z.array(text).min(1),
          scopeCovered: z.array(text),
          findings: z.int().min(0).default(0),
        }),
      )
      .default([]),
    nonconformities: z
      .array(
        z.strictObject({
          id: text,
          raisedOn: date,
          description: text,
          rootCause: z.string().optional(),
          actions: z.array(ActionSchema).default([]),
          closedOn: date.optional(),
          effectivenessCheckedOn: date.optional(),
        }),
      )
      .default([]),
    /** Management reviews; inputs as clause 9.3.2 (2015) or 5.6.2 (2008) name them. */
    reviews: z.array(z.strictObject({ date, inputs: z.array(z.enum([...new Set([...REVIEW_INPUTS['2015'], ...REVIEW_INPUTS['2008']])])), decisions: z.array(z.string()).default([]) })).default([]),
    announcements: z
      .array(
        z.strictObject({
          date,
          decision: text,
          scope: z.array(text),
          postedOn: date.optional(),
          publishedOnWebsiteOn: date.optional(),
          notifiedDepartmentOn: date.optional(),
        }),
      )
      .default([]),
    /** The provincial Department of Science and Technology's yearly inspections (ISO-13). */
    inspections: z
      .array(
        z.strictObject({
          year,
          /** The province's inspection plan and its window. */
          plan: z.strictObject({ document: text, signedOn: date.optional(), windowFrom: date, windowTo: date }),
          inspectedOn: date.optional(),
          method: z.enum(['onSite', 'records']).optional(),
          selfReportSentOn: date.optional(),
          recommendations: z.array(ActionSchema).default([]),
        }),
      )
      .default([]),
    /** Annual reports on the QMS to the Department of Science and Technology (ISO-14). */
    annualReports: z.array(z.strictObject({ year, sentOn: date, to: text.optional() })).default([]),
  })
  .superRefine((q, ctx) => {
    q.nonconformities.forEach((nc, i) => {
      if (nc.closedOn && nc.closedOn < nc.raisedOn) ctx.addIssue({ code: 'custom', path: ['nonconformities', i, 'closedOn'], message: `Closed ${nc.closedOn} before it was raised (${nc.raisedOn})` });
    });
    q.inspections.forEach((x, i) => {
      if (x.plan.windowTo < x.plan.windowFrom) ctx.addIssue({ code: 'custom', path: ['inspections', i, 'plan', 'windowTo'], message: 'The window ends before it starts' });
    });
  });

/** One unit's QMS as the schema outputs it. */
export type QmsRecord = z.output<typeof QmsSchema>;

declare const parsed: unique symbol;

/** One unit's QMS, parsed by {@link parseQms}: scope, processes, audits, reviews, announcements, inspections... */
export type Qms = QmsRecord & { readonly [parsed]: true };

const parsedSystems = new WeakSet<object>();

/** Parses one unit's QMS records; throws `ParValidationError` naming every problem by path. */
export function parseQms(input: unknown): Qms {
  const q = parseWithSchema('QMS', QmsSchema, input);
  parsedSystems.add(q);
  return q as Qms;
}

/** Whether a value came from {@link parseQms} (a plain object that looks like a QMS does not). */
export const isParsedQms = (value: unknown): value is Qms => typeof value === 'object' && value !== null && parsedSystems.has(value);

/** Zod schema for a unit's published procedure list (the procedure publication decisions in force on a date). */
export const PublishedProcedureListSchema = z.strictObject({
  unitId: text,
  /** The list is the unit's whole published list from this date until a later list. */
  asOf: date,
  /** The publication decision(s) it comes from. */
  source: text,
  procedures: z.array(ProcedureSchema),
});


/** Zod schema for the plugin's options. */
export const Iso9001OptionsSchema = z
  .strictObject({
    systems: z.array(QmsSchema),
    /** Each unit's published procedure lists: scope coverage and processing times are measured against them. */
    publishedProcedureLists: z.array(PublishedProcedureListSchema).default([]),
    /**
     * Findings of rules the sources leave unconfirmed: `advisory` (default) reports them as `minor` at most and
     * leaves them out of `iso9001.overallConformity`; `enforced` keeps their severity and counts them.
     */
    unconfirmedRules: z.enum(['advisory', 'enforced']).default('advisory'),
    /** ISO-11: days after a scope change to re-announce (unconfirmed: the source says "promptly"). */
    reAnnouncementGraceDays: z.int().min(0).max(3650).default(30),
    /** ISO-12: days to update a process after its legal basis changes (unconfirmed; some provinces set 30). */
    processUpdateDays: z.int().positive().max(3650).default(30),
    /** The unit's own periodic review of controlled documents, in days; off unless set (clause 7.5 sets none). */
    documentReviewIntervalDays: z.int().positive().max(3650).optional(),
    /** ISO-14: the annual report's due day in the year it covers, `MM-DD` (unconfirmed: the source gives no date). */
    annualReportDue: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Expected MM-DD' })
      .refine((md) => Number(md.slice(3)) <= MONTH_DAYS[Number(md.slice(0, 2)) - 1]!, { message: 'Expected a day that every year has (not 02-29)' })
      .default('12-31'),
    /** Same-day procedures: dossiers received from this time are due the next working day (OSS-07, unconfirmed). */
    sameDayCutoff: time.default('15:00'),
    /** Office hours for working-hour and same-day processing times. */
    officeHours: OfficeHoursSchema.default(DEFAULT_OFFICE_HOURS.map(([a, b]) => [a, b] as [string, string])),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.systems.forEach((s, i) => {
      if (seen.has(s.unitId)) ctx.addIssue({ code: 'custom', path: ['systems', i, 'unitId'], message: `Two QMS records for unit ${s.unitId}` });
      seen.add(s.unitId);
    });
  });

/** The options as validated. */
export type Iso9001Config = z.output<typeof Iso9001OptionsSchema>;

/** Options of `createIso9001Plugin`. */
export type Iso9001Options = z.input<typeof Iso9001OptionsSchema>;
