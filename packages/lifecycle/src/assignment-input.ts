import { isCivilDate, isPeriod, parseWithSchema } from '@par/calendar';
import type { AssignmentInput } from './assignment-machine.js';
import { AssignmentInputSchema } from './events.js';
import { isName, isObject, keysWithin } from './log-entries.js';

// `start` (and so every replay) checks its input; through the schema that is a tenth of a replay of eight entries.
// An input of the common shape is checked here in one pass and given back as the schema gives it; anything else (a key
// of value undefined, an unknown key, a value the schema refuses) goes through the schema, which names every problem.
// Each value is read once here, in another order than zod reads it: an object that changes as it is read (a getter
// with side effects, a Proxy whose traps disagree) may be judged on another snapshot, but what is returned is checked.

const INPUT_KEYS: ReadonlySet<string> = new Set(Object.keys(AssignmentInputSchema.shape));
const ROLES: ReadonlySet<unknown> = new Set(AssignmentInputSchema.shape.role.options);

/** The input as `AssignmentInputSchema` gives it back (a fresh object in its key order), or undefined. */
function quickInput(v: unknown): AssignmentInput | undefined {
  if (!isObject(v)) return undefined;
  const n = keysWithin(v, INPUT_KEYS);
  // each value read once: what is checked is what is kept
  const { id, documentId, itemLabel, unitId, role, issuerId, delegates: given, nominalDueDate, period, dueDate } = v;
  if (n !== (period === undefined ? 9 : 10) || !isName(id) || !isName(documentId) || !isName(itemLabel) || !isName(unitId) || !ROLES.has(role) || !isName(issuerId)) return undefined;
  if (!isCivilDate(nominalDueDate) || !isCivilDate(dueDate) || dueDate < nominalDueDate || (period !== undefined && !isPeriod(period)) || !Array.isArray(given)) return undefined;
  const delegates: string[] = [];
  for (let i = 0; i < given.length; i++) {
    const d: unknown = given[i];
    if (!isName(d)) return undefined;
    delegates.push(d);
  }
  const r = role as AssignmentInput['role'];
  // two literals, not a spread of one (several times slower on V8)
  return period === undefined ? { id, documentId, itemLabel, unitId, role: r, issuerId, delegates, nominalDueDate, dueDate } : { id, documentId, itemLabel, unitId, role: r, issuerId, delegates, nominalDueDate, period, dueDate };
}

/** An assignment input checked against `AssignmentInputSchema`: what it gives back, or a `ParValidationError` naming every problem. */
export function parseAssignmentInput(input: unknown): AssignmentInput {
  return quickInput(input) ?? parseWithSchema('assignment input', AssignmentInputSchema, input);
}
