import { z } from 'zod';
import { CivilDateSchema } from '@par/calendar';

/** Who acts: a unit, and optionally the person acting for it. The sweep acts as `system`. */
export const ActorSchema = z.strictObject({ unitId: z.string().min(1), person: z.string().min(1).optional() });

/** Who acts on an assignment. */
export interface Actor extends z.output<typeof ActorSchema> {}

const base = { by: ActorSchema, at: z.iso.datetime({ offset: true }) };

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
 * cancels; the sweep reminds (đôn đốc), marks overdue and escalates. `at` is an ISO instant with its offset.
 */
export type AssignmentEvent = z.output<typeof AssignmentEventSchema>;

/** Zod schema for what starts a lifecycle (`AssignmentInput`), for reading stored logs. */
export const AssignmentInputSchema = z.strictObject({
  id: z.string().min(1),
  documentId: z.string().min(1),
  itemLabel: z.string().min(1),
  unitId: z.string().min(1),
  role: z.enum(['lead', 'coordinating']),
  issuerId: z.string().min(1),
  delegates: z.array(z.string()),
  dueDate: CivilDateSchema,
});

/** Zod schema for a stored log entry (`LogEntry`). */
export const LogEntrySchema = z.strictObject({
  assignmentId: z.string().min(1),
  seq: z.int().min(1),
  event: AssignmentEventSchema,
  state: z.enum(['issued', 'acknowledged', 'inProgress', 'returned', 'extensionRequested', 'reported', 'underReview', 'done', 'cancelled']),
});
