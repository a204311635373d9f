import { z } from 'zod';
import { Calendar, CivilDateSchema, parseWithSchema } from '@par/calendar';
import type { AssignmentSet, DirectiveDocument } from '@par/core';
import type { AssignmentInput } from './assignment-machine.js';

const ArgumentsSchema = z.strictObject({
  document: z.looseObject({ id: z.string().min(1), issuerId: z.string().min(1) }),
  set: z.looseObject({ assignments: z.array(z.looseObject({ occurrences: z.array(z.looseObject({ dueDate: CivilDateSchema, answeredBy: z.array(z.looseObject({ unitId: z.string().min(1) })) })) })) }),
  calendar: z.custom<Calendar>((c) => c instanceof Calendar, 'Expected a Calendar from `@par/calendar`'),
  delegates: z.array(z.string().min(1)),
});

/**
 * One lifecycle input per occurrence of each assignment (a recurring duty has one per period), built from the
 * directive document and the assignments `assignmentsOf` made with the unit registry: the trusted input a host
 * replays a stored log from. The id is the assignment's id with `#` and the nominal due date. Each input keeps
 * the nominal due date and its period (for attribution to a PAR year and for reports) and the deadline moved to
 * the next working day when it falls on a day off (for lateness): "by the end of 2022", Saturday 31/12/2022, is due
 * on Tuesday 3/1/2023 and still counts in 2022. The answering unit is the one lineage names on the due date;
 * occurrences with nobody to answer are left out. Throws `ParValidationError` on a bad argument.
 */
export function lifecycleInputs(document: DirectiveDocument, set: AssignmentSet, calendar: Calendar, delegates: readonly string[] = []): AssignmentInput[] {
  parseWithSchema('arguments of lifecycleInputs', ArgumentsSchema, { document, set, calendar, delegates });
  return set.assignments.flatMap((a) =>
    a.occurrences.flatMap((o) =>
      o.answeredBy.map((answer) => ({
        id: `${a.id}#${o.kind === 'report' ? 'report-' : ''}${o.dueDate}${answer.unitId === a.unitId ? '' : `@${answer.unitId}`}`,
        documentId: document.id,
        itemLabel: a.itemLabel,
        unitId: answer.unitId,
        role: a.role,
        issuerId: document.issuerId,
        delegates: [...delegates],
        nominalDueDate: o.dueDate,
        ...(o.period ? { period: o.period } : {}),
        dueDate: calendar.workingDayOnOrAfter(o.dueDate),
      })),
    ),
  );
}
