import type { Calendar } from '@par/calendar';
import type { AssignmentSet, DirectiveDocument } from '@par/core';
import type { AssignmentInput } from './assignment-machine.js';

/**
 * One lifecycle per occurrence of each assignment (a recurring duty has one per period): its id is the
 * assignment's id with `#` and the occurrence's date. A deadline on a day off moves to the next working day; the
 * answering unit is the one lineage names on the due date. Occurrences with nobody to answer are left out.
 */
export function lifecycleInputs(document: DirectiveDocument, set: AssignmentSet, calendar: Calendar, delegates: readonly string[] = []): AssignmentInput[] {
  return set.assignments.flatMap((a) =>
    a.occurrences.flatMap((o) =>
      o.answeredBy.map((answer) => ({
        id: `${a.id}#${o.kind === 'report' ? 'report-' : ''}${o.dueDate}${answer.unitId === a.unitId ? '' : `@${answer.unitId}`}`,
        documentId: document.id,
        itemLabel: a.itemLabel,
        unitId: answer.unitId,
        role: a.role,
        issuerId: document.issuerId,
        delegates,
        dueDate: calendar.workingDayOnOrAfter(o.dueDate),
      })),
    ),
  );
}
