import { z } from 'zod';
import { isCivilDate, parseWithSchema } from '@par/calendar';
import { AssignmentStateNameSchema, InstantSchema, LogEntrySchema, type AssignmentEvent } from './events.js';
import type { LogEntry } from './lifecycle.js';

const LogSchema = z.array(LogEntrySchema);
const STATE_NAMES: ReadonlySet<unknown> = new Set(AssignmentStateNameSchema.options);
/** The pattern `z.iso.datetime({ offset: true })` tests an instant against (its only check), taken from the schema. */
const INSTANT: RegExp = InstantSchema._zod.pattern;

/** The number of enumerable keys of `o` (own or inherited), or -1 when one is not in `allowed`. */
export function keysWithin(o: object, allowed: ReadonlySet<string>): number {
  let n = 0;
  for (const k in o) {
    if (!allowed.has(k)) return -1;
    n++;
  }
  return n;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
export const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

const ENTRY_KEYS: ReadonlySet<string> = new Set(['assignmentId', 'seq', 'event', 'state']);
const BY_KEYS: ReadonlySet<string> = new Set(['unitId', 'person']);
const ATTACHMENT_KEYS: ReadonlySet<string> = new Set(['title', 'link', 'sha256']);
/** Each event type's fields besides `type`, `by` and `at`, as `AssignmentEventSchema` declares them. */
const EXTRA: Record<AssignmentEvent['type'], readonly string[]> = {
  ACKNOWLEDGE: [],
  START: [],
  REPORT: ['content', 'attachments'],
  BEGIN_REVIEW: [],
  APPROVE: ['note'],
  RETURN: ['reason'],
  REQUEST_EXTENSION: ['reason', 'dueDate'],
  APPROVE_EXTENSION: ['dueDate'],
  REJECT_EXTENSION: ['reason'],
  CANCEL: ['reason'],
  REMIND: ['key', 'workingDaysLeft'],
  MARK_OVERDUE: [],
  ESCALATE: ['workingDaysOverdue'],
};
const EVENT_KEYS = new Map(Object.entries(EXTRA).map(([type, extra]) => [type, new Set(['type', 'by', 'at', ...extra]) as ReadonlySet<string>]));

/** An attachment list as the schema gives it back (fresh objects, its key order), or undefined. */
function quickAttachments(v: unknown): { title: string; link?: string; sha256?: string }[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: { title: string; link?: string; sha256?: string }[] = [];
  for (let i = 0; i < v.length; i++) {
    const a: unknown = v[i];
    if (!isObject(a)) return undefined;
    const n = keysWithin(a, ATTACHMENT_KEYS);
    const { title, link, sha256 } = a;
    if (!isName(title) || (link !== undefined && !isName(link)) || (sha256 !== undefined && !isText(sha256))) return undefined;
    if (n !== 1 + (link === undefined ? 0 : 1) + (sha256 === undefined ? 0 : 1)) return undefined;
    out.push(link === undefined ? (sha256 === undefined ? { title } : { title, sha256 }) : sha256 === undefined ? { title, link } : { title, link, sha256 });
  }
  return out;
}

/**
 * An event of the common shape, as `AssignmentEventSchema` gives it back (a fresh object with its key order), or
 * undefined when anything is out of the ordinary: a key of value undefined, an unknown key, a value the schema refuses.
 * Each value is read once; what is checked is what is kept.
 */
function quickEvent(v: unknown): AssignmentEvent | undefined {
  if (!isObject(v)) return undefined;
  const type = v.type;
  const allowed = typeof type === 'string' ? EVENT_KEYS.get(type) : undefined;
  if (!allowed) return undefined;
  const n = keysWithin(v, allowed);
  const actor = v.by;
  const at = v.at;
  if (n < 3 || !isObject(actor) || !isText(at) || !INSTANT.test(at)) return undefined;
  const byKeys = keysWithin(actor, BY_KEYS);
  const unitId = actor.unitId;
  const person = actor.person;
  if (!isName(unitId) || (person !== undefined && !isName(person)) || byKeys !== (person === undefined ? 1 : 2)) return undefined;
  const by = person === undefined ? { unitId } : { unitId, person };
  // each result an object literal of its own shape (a spread of a common base is several times slower on V8)
  switch (type as AssignmentEvent['type']) {
    case 'ACKNOWLEDGE':
    case 'START':
    case 'BEGIN_REVIEW':
    case 'MARK_OVERDUE':
      return n === 3 ? ({ type, by: by, at } as AssignmentEvent) : undefined;
    case 'REPORT': {
      const content = v.content;
      const given = v.attachments;
      const attachments = given === undefined ? [] : quickAttachments(given);
      return isText(content) && attachments && n === (given === undefined ? 4 : 5) ? ({ type, by: by, at, content, attachments } as AssignmentEvent) : undefined;
    }
    case 'APPROVE': {
      const note = v.note;
      if (note === undefined) return n === 3 ? ({ type, by: by, at } as AssignmentEvent) : undefined;
      return isText(note) && n === 4 ? ({ type, by: by, at, note } as AssignmentEvent) : undefined;
    }
    case 'RETURN':
    case 'REJECT_EXTENSION':
    case 'CANCEL': {
      const reason = v.reason;
      return isText(reason) && n === 4 ? ({ type, by: by, at, reason } as AssignmentEvent) : undefined;
    }
    case 'REQUEST_EXTENSION': {
      const reason = v.reason;
      const dueDate = v.dueDate;
      return isText(reason) && isCivilDate(dueDate) && n === 5 ? ({ type, by: by, at, reason, dueDate } as AssignmentEvent) : undefined;
    }
    case 'APPROVE_EXTENSION': {
      const dueDate = v.dueDate;
      if (dueDate === undefined) return n === 3 ? ({ type, by: by, at } as AssignmentEvent) : undefined;
      return isCivilDate(dueDate) && n === 4 ? ({ type, by: by, at, dueDate } as AssignmentEvent) : undefined;
    }
    case 'REMIND': {
      const key = v.key;
      const left = v.workingDaysLeft;
      return isName(key) && Number.isSafeInteger(left) && n === 5 ? ({ type, by: by, at, key, workingDaysLeft: left } as AssignmentEvent) : undefined;
    }
    case 'ESCALATE': {
      const late = v.workingDaysOverdue;
      return Number.isSafeInteger(late) && (late as number) >= 0 && n === 4 ? ({ type, by: by, at, workingDaysOverdue: late } as AssignmentEvent) : undefined;
    }
  }
}

/** A log entry of the common shape, as `LogEntrySchema` gives it back, or undefined (then the schema decides). */
function quickEntry(v: unknown): LogEntry | undefined {
  if (!isObject(v) || keysWithin(v, ENTRY_KEYS) !== 4) return undefined;
  const assignmentId = v.assignmentId;
  const seq = v.seq;
  const state = v.state;
  if (!isName(assignmentId) || !Number.isSafeInteger(seq) || (seq as number) < 1 || !STATE_NAMES.has(state)) return undefined;
  const event = quickEvent(v.event);
  return event ? ({ assignmentId, seq, event, state } as LogEntry) : undefined;
}

/**
 * A stored log's entries, checked against {@link LogEntrySchema} and given back as the schema gives them (fresh
 * objects; a report's attachments default to none). Entries of the common shape are checked by a quick path that
 * accepts only what the schema accepts and gives the same result; anything else goes through the schema. Throws a
 * `ParValidationError` ('lifecycle log') naming every problem by path (`[3, 'event', 'at']`).
 */
export function parseLogEntries(entries: unknown): LogEntry[] {
  if (Array.isArray(entries)) {
    const out: LogEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = quickEntry(entries[i]);
      if (!entry) break;
      out.push(entry);
    }
    if (out.length === entries.length) return out;
  }
  return parseWithSchema('lifecycle log', LogSchema, entries);
}
