import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';

const date = CivilDateSchema;

/** The inputs ISO 9001:2015 clause 9.3 asks a management review to consider. */
export const REVIEW_INPUTS = [
  'previousActions',
  'changes',
  'performance',
  'customerSatisfaction',
  'objectives',
  'auditResults',
  'externalProviders',
  'resources',
  'risksAndOpportunities',
  'improvement',
] as const;

/** Zod schema for one unit's quality management system (hệ thống quản lý chất lượng) and its records. */
export const QmsSchema = z.strictObject({
  unitId: z.string().min(1),
  standardVersion: z.enum(['2008', '2015']),
  scope: z.strictObject({
    /** Codes of the administrative procedures (TTHC) the QMS covers. */
    procedures: z.array(z.string().min(1)),
    exclusions: z.array(z.strictObject({ clause: z.string().min(1), justification: z.string().min(1) })).default([]),
    /** When the scope last changed (new procedures, a merger...). */
    changedOn: date.optional(),
  }),
  /** The procedures the unit handles, with their legal processing time and when their legal basis last changed. */
  handledProcedures: z.array(
    z.strictObject({ code: z.string().min(1), name: z.string().min(1), legalProcessingDays: z.number().positive(), legalBasisChangedOn: date.optional() }),
  ),
  policy: z.strictObject({ approvedOn: date, text: z.string().optional() }).optional(),
  objectives: z.array(z.strictObject({ year: z.int(), items: z.array(z.strictObject({ text: z.string().min(1), target: z.string().min(1), measured: z.number().nullable().default(null) })).min(1) })).default([]),
  processes: z
    .array(
      z.strictObject({
        procedureCode: z.string().min(1),
        version: z.string().min(1),
        effectiveFrom: date,
        processingDays: z.number().positive(),
        /** The act publishing the procedure the process follows (quyết định công bố TTHC). */
        legalBasis: z.string().min(1).optional(),
      }),
    )
    .default([]),
  documents: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1), reviewDue: date })).default([]),
  audits: z
    .array(
      z.strictObject({
        date,
        /** The audit programme it belongs to, e.g. `CT-ĐGNB-2022`. */
        programme: z.string().min(1).optional(),
        auditors: z.array(z.string().min(1)).min(1),
        scopeCovered: z.array(z.string().min(1)),
        findings: z.int().min(0).default(0),
      }),
    )
    .default([]),
  nonconformities: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        raisedOn: date,
        description: z.string().min(1),
        rootCause: z.string().optional(),
        actions: z.array(z.strictObject({ description: z.string().min(1), dueDate: date, doneOn: date.optional() })).default([]),
        closedOn: date.optional(),
        effectivenessCheckedOn: date.optional(),
      }),
    )
    .default([]),
  reviews: z.array(z.strictObject({ date, inputs: z.array(z.enum(REVIEW_INPUTS)), decisions: z.array(z.string()).default([]) })).default([]),
  announcements: z
    .array(z.strictObject({ date, decision: z.string().min(1), scope: z.array(z.string().min(1)), postedOn: date.optional(), notifiedDepartmentOn: date.optional() }))
    .default([]),
});

/** One unit's QMS: scope, policy, objectives, processes, documents, audits, nonconformities, reviews, announcements. */
export type Qms = z.output<typeof QmsSchema>;

/** Zod schema for the plugin's options. */
export const Iso9001OptionsSchema = z.strictObject({
  systems: z.array(QmsSchema),
  /** Thresholds the sources leave open; the defaults are usual practice, tagged unconfirmed. */
  auditIntervalDays: z.int().positive().default(365),
  reviewIntervalDays: z.int().positive().default(365),
  processUpdateDays: z.int().positive().default(30),
});

/** Options of `createIso9001Plugin`. */
export type Iso9001Options = z.input<typeof Iso9001OptionsSchema>;
