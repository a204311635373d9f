import { z } from 'zod';
import { CivilDateSchema, PeriodSchema } from '@par/calendar';

/** Who acts: a unit, and optionally the person acting for it. The sweep acts as `system`. */
export const ActorSchema = z.strictObject({ unitId: z.string().min(1), person: z.string().min(1).optional() });

/** Who acts on an assignment. */
export interface Actor extends z.output<typeof ActorSchema> {}

/** An ISO instant with its offset (`2023-01-03T09:00:00+07:00`). */
export const InstantSchema = z.iso.datetime({ offset: true });
const base = { by: ActorSchema, at: InstantSchema };

/** Zod schema for every {@link AssignmentEvent}. */
export const AssignmentEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ACKNOWLEDGE'), ...base }),
  z.strictObject({ type: z.literal('START'), ...base }),
  z.strictObject({
    type: z.literal('REPORT'),
    ...base,
    content: z.string(),
    attachments: z.array(z.strictObject({ title: z.string().min(1), link: z.string().min(1).optional(), sha256: z.string().optional() })).default([]),
  }),
  z.strictObject({ type: z.literal('BEGIN_REVIEW'), ...base }),
  z.strictObject({ type: z.literal('APPROVE'), ...base, note: z.string().optional() }),
  z.strictObject({ type: z.literal('RETURN'), ...base, reason: z.string() }),
  z.strictObject({ type: z.literal('REQUEST_EXTENSION'), ...base, reason: z.string(), dueDate: CivilDateSchema }),
  z.strictObject({ type: z.literal('APPROVE_EXTENSION'), ...base, dueDate: CivilDateSchema.optional() }),
  z.strictObject({ type: z.literal('REJECT_EXTENSION'), ...base, reason: z.string() }),
  z.strictObject({ type: z.literal('CANCEL'), ...base, reason: z.string() }),
  z.strictObject({ type: z.literal('REMIND'), ...base, key: z.string().min(1), workingDaysLeft: z.int() }),
  z.strictObject({ type: z.literal('MARK_OVERDUE'), ...base }),
  z.strictObject({ type: z.literal('ESCALATE'), ...base, workingDaysOverdue: z.int().min(0) }),
]);

/**
 * What can happen to an assignment: the unit acknowledges (tiếp nhận), starts, reports with content and
 * attachments, requests an extension; the issuer reviews, approves, returns for rework, decides on the extension,
 * cancels; the sweep reminds (đôn đốc), marks overdue and escalates. `at` is an ISO instant with its offset: the
 * instant the host received the event.
 */
export type AssignmentEvent = z.output<typeof AssignmentEventSchema>;

/** The event types only the sweep sends. */
export const SYSTEM_EVENT_TYPES: ReadonlySet<AssignmentEvent['type']> = new Set(['REMIND', 'MARK_OVERDUE', 'ESCALATE']);

const inputShape = {
  id: z.string().min(1),
  documentId: z.string().min(1),
  itemLabel: z.string().min(1),
  unitId: z.string().min(1),
  role: z.enum(['lead', 'coordinating']),
  issuerId: z.string().min(1),
  delegates: z.array(z.string().min(1)),
  nominalDueDate: CivilDateSchema,
  period: PeriodSchema.optional(),
  dueDate: CivilDateSchema,
};
/** Zod schema for what starts a lifecycle (`AssignmentInput`): the moved deadline is never before the nominal one. */
export const AssignmentInputSchema = z
  .strictObject(inputShape)
  .superRefine((input, ctx) => {
    if (input.dueDate < input.nominalDueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `The deadline ${input.dueDate} comes before the nominal due date ${input.nominalDueDate}` });
  });

/** The state names of an assignment. */
export const AssignmentStateNameSchema = z.enum(['issued', 'acknowledged', 'inProgress', 'returned', 'extensionRequested', 'reported', 'underReview', 'done', 'cancelled']);

/** Zod schema for a stored log entry (`LogEntry`). */
export const LogEntrySchema = z.strictObject({
  assignmentId: z.string().min(1),
  seq: z.int().min(1),
  event: AssignmentEventSchema,
  state: AssignmentStateNameSchema,
});

const at = InstantSchema;
const attachment = z.strictObject({ title: z.string(), link: z.string().optional(), sha256: z.string().optional() });
/** Zod schema for a persisted `AssignmentState` (what `start`, `send` and `replay` return, after a JSON round trip). */
export const AssignmentStateSchema = z.strictObject({
  state: AssignmentStateNameSchema,
  version: z.int().min(0),
  updatedAt: at.optional(),
  context: z.strictObject({
    ...inputShape,
    originalDueDate: CivilDateSchema,
    report: z.strictObject({ at, content: z.string(), attachments: z.array(attachment) }).optional(),
    outcome: z
      .strictObject({ result: z.enum(['onTime', 'late']), onTimeOriginal: z.boolean(), onTimeExtended: z.boolean(), at, reportedOn: CivilDateSchema })
      .optional(),
    returns: z.array(z.strictObject({ at, reason: z.string() })),
    extensions: z.array(z.strictObject({ from: CivilDateSchema, to: CivilDateSchema, reason: z.string(), at })),
    pendingExtension: z
      .strictObject({ dueDate: CivilDateSchema, reason: z.string(), at, resumeTo: z.enum(['issued', 'acknowledged', 'inProgress', 'returned']) })
      .optional(),
    reminders: z.array(z.string()),
    overdue: z.boolean(),
    escalated: z.boolean(),
    cancelled: z.strictObject({ at, reason: z.string() }).optional(),
  }),
});
