import { z } from 'zod';
import { Calendar, CivilDateSchema, parseWithSchema } from '@par/calendar';
import type { AssignmentSet, DirectiveDocument } from '@par/core';
import type { AssignmentInput } from './assignment-machine.js';

const ArgumentsSchema = z.strictObject({
  document: z.looseObject({ id: z.string().min(1), issuerId: z.string().min(1) }),
  set: z.looseObject({
    obligations: z.array(
      z.looseObject({
        id: z.string().min(1),
        documentId: z.string().min(1),
        itemLabel: z.string().min(1),
        unitId: z.string().min(1),
        role: z.enum(['lead', 'coordinating']),
        occurrence: z.looseObject({ dueDate: CivilDateSchema, period: z.string().min(1).optional() }),
      }),
    ),
  }),
  calendar: z.custom<Calendar>((c) => c instanceof Calendar, 'Expected a Calendar from `@par/calendar`'),
  delegates: z.array(z.string().min(1)),
});

/**
 * One lifecycle input per obligation that `assignmentsOf` made with the unit registry: one per answering unit,
 * item, role and occurrence (a recurring duty has one per period), so a unit formed from three merged communes
 * answers each occurrence once, for all three (the obligation lists them in `answersFor`). It is the trusted input
 * a host replays a stored log from; its id is the obligation's id. Each input keeps the nominal due date and its
 * period (for attribution to a PAR year and for reports) and the deadline moved to the next working day when it
 * falls on a day off (for lateness): "by the end of 2022", Saturday 31/12/2022, is due on Tuesday 3/1/2023 and
 * still counts in 2022. Throws `ParValidationError` on a bad argument.
 */
export function lifecycleInputs(document: DirectiveDocument, set: AssignmentSet, calendar: Calendar, delegates: readonly string[] = []): AssignmentInput[] {
  parseWithSchema('arguments of lifecycleInputs', ArgumentsSchema, { document, set, calendar, delegates });
  return set.obligations.map((o) => ({
    id: o.id,
    documentId: document.id,
    itemLabel: o.itemLabel,
    unitId: o.unitId,
    role: o.role,
    issuerId: document.issuerId,
    delegates: [...delegates],
    nominalDueDate: o.occurrence.dueDate,
    ...(o.occurrence.period ? { period: o.occurrence.period } : {}),
    dueDate: calendar.workingDayOnOrAfter(o.occurrence.dueDate),
  }));
}
