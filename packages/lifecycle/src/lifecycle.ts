import { createActor, type Actor as XActor } from 'xstate';
import { z } from 'zod';
import { Calendar, defaultCalendar, isCivilDate, IssueList, ParValidationError, parseWithSchema, toVietnamTime, type CivilDate } from '@par/calendar';
import { assignmentMachine, type AssignmentContext, type AssignmentInput } from './assignment-machine.js';
import { machineTable } from './machine-table.js';
import { instantMs } from './instant.js';
import { parseAssignmentInput } from './assignment-input.js';
import { AssignmentEventSchema, AssignmentStateNameSchema, AssignmentStateSchema, SYSTEM_EVENT_TYPES, type AssignmentEvent } from './events.js';
import { parseLogEntries } from './log-entries.js';

/** The machine type, or a variant of it made with `assignmentMachine.provide()`. */
export type AssignmentMachine = typeof assignmentMachine;

/** The state names of an assignment. */
export type AssignmentStateName = z.output<typeof AssignmentStateNameSchema>;

/** An assignment's lifecycle state: plain JSON (persist it as it is), with the number of accepted events. */
export interface AssignmentState {
  readonly state: AssignmentStateName;
  readonly context: AssignmentContext;
  /** How many events were accepted: the store's expected version. */
  readonly version: number;
  /** When the last accepted event happened (its `at`); no later event may be dated before it. */
  readonly updatedAt?: string | undefined;
}

/** One accepted event in the append-only log: who, what and when (in the event), and the resulting state. */
export interface LogEntry {
  readonly assignmentId: string;
  /** 1 for the first accepted event. */
  readonly seq: number;
  readonly event: AssignmentEvent;
  readonly state: AssignmentStateName;
}

/** Why an event was refused. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** What {@link Lifecycle.send} did. */
export type SendResult =
  | { readonly accepted: true; readonly state: AssignmentState; readonly entry: LogEntry }
  | { readonly accepted: false; readonly state: AssignmentState; readonly refusal: Refusal };

/** An event the sweep says to send, for one assignment. */
export interface SweepEvent {
  readonly assignmentId: string;
  readonly event: AssignmentEvent;
}

/** Options of {@link createLifecycle}. */
export interface LifecycleOptions {
  /** For working-day counts. Default: the default Vietnamese calendar. */
  readonly calendar?: Calendar;
  /**
   * Reminders, in working days before the deadline (0 = on the day). Default `[3, 0]`: a choice of this package,
   * not a legal rule; set the host's own.
   */
  readonly reminderOffsets?: readonly number[];
  /** Escalate to the issuer after this many working days overdue (đôn đốc). Default 5, a choice of this package. */
  readonly escalateAfter?: number;
  /**
   * An extension request must arrive at least this many working days before the deadline in force (0: on the
   * deadline day at the latest). Default 1, after the one-stop rule that the apology and new date reach the
   * applicant at least one working day before the appointment (rules.md OSS-08: partly confirmed for the 2018
   * regime, unconfirmed since 2025); no source sets it for directive tasks, so it is configurable.
   */
  readonly extensionLeadWorkingDays?: number;
  /** A variant of the machine with the host's own guards and actions (`assignmentMachine.provide(...)`). */
  readonly machine?: AssignmentMachine;
}

/** The lifecycle layer: pure functions of states, events and an explicit `now`. */
export interface Lifecycle {
  readonly machine: AssignmentMachine;
  /** A new assignment, issued. */
  start(input: AssignmentInput): AssignmentState;
  /**
   * Applies one event (validated): accepted with its log entry, or refused with the reason and nothing changed.
   * Refused besides the machine's guards: an event dated before the last accepted one (`outOfOrder`), a system
   * event (`REMIND`, `MARK_OVERDUE`, `ESCALATE`) that is not what the sweep sends at its `at` (`notFromSweep`),
   * an extension request later than `extensionLeadWorkingDays` before the deadline (`lateExtensionRequest`). An
   * approved extended date on a day off moves to the next working day.
   */
  send(state: AssignmentState, event: unknown): SendResult;
  /** The events to send now: reminders, overdue marks and escalations. Applying them twice changes nothing. */
  sweep(states: Iterable<AssignmentState>, now: Date | number): SweepEvent[];
  /**
   * The state a log leads to from `input`, which the host builds from the directive document and the unit
   * registry ({@link lifecycleInputs}), never from the log. Every entry is checked as {@link Lifecycle.send}
   * checks it, and more: the schema, the assignment id, sequence numbers 1, 2, 3... with no gap, and the recorded
   * state. Throws `ParValidationError` (document `lifecycle log`, paths by entry index) at the first entry that
   * does not apply, or naming every schema, id and sequence problem.
   */
  replay(input: AssignmentInput, entries: readonly LogEntry[]): AssignmentState;
  /** A running xstate actor restored from a persisted state. */
  actor(state: AssignmentState): XActor<AssignmentMachine>;
}

const FINAL: ReadonlySet<AssignmentStateName> = new Set(['done', 'cancelled']);
const WAITING: ReadonlySet<AssignmentStateName> = new Set(['reported', 'underReview']);

const REFUSALS: Record<string, (c: AssignmentContext) => Refusal> = {
  isAssignedUnit: (c) => ({ code: 'notAssignedUnit', message: `Only the assigned unit "${c.unitId}" can do this` }),
  isIssuerOrDelegate: (c) => ({ code: 'notIssuer', message: `Only the issuer "${c.issuerId}" or a unit it delegates to can do this` }),
  isNotOwnAssignment: (c) => ({ code: 'ownAssignment', message: `"${c.unitId}" cannot review, decide on or cancel its own assignment, whatever the delegation` }),
  hasReportContent: () => ({ code: 'emptyReport', message: 'A report needs content' }),
  isValidExtension: (c) =>
    c.overdue
      ? { code: 'overdue', message: `The assignment is overdue since ${c.dueDate}: too late to ask for an extension` }
      : { code: 'invalidExtension', message: `An extension needs a reason and a date after the current deadline ${c.dueDate}` },
  isLaterDueDate: (c) => ({ code: 'invalidExtension', message: `The new deadline must come after ${c.dueDate}` }),
  hasReason: () => ({ code: 'reasonRequired', message: 'A reason is required' }),
  isNewReminder: () => ({ code: 'duplicateReminder', message: 'This reminder was already sent' }),
  isNotOverdue: () => ({ code: 'alreadyOverdue', message: 'The assignment is already marked overdue' }),
  isOverdueNotEscalated: (c) => ({ code: c.escalated ? 'alreadyEscalated' : 'notOverdue', message: c.escalated ? 'Already escalated' : 'Only an overdue assignment is escalated' }),
};

const OptionsSchema = z.strictObject({
  calendar: z.custom<Calendar>((c) => c instanceof Calendar, 'Expected a Calendar from `@par/calendar` (createCalendar or defaultCalendar)').optional(),
  reminderOffsets: z.array(z.int().min(0)).optional(),
  escalateAfter: z.int().min(1).optional(),
  extensionLeadWorkingDays: z.int().min(0).optional(),
  machine: z
    .custom<AssignmentMachine>((m) => (m as AssignmentMachine | undefined)?.config === assignmentMachine.config, 'Expected the assignment machine or a variant made with assignmentMachine.provide()')
    .optional(),
});
const NowSchema = z.union([z.date().refine((d) => !Number.isNaN(d.getTime()), 'Invalid Date'), z.number().refine(Number.isFinite, 'Expected a finite number of milliseconds')]);

/** The instant `now` given to `fn`, as milliseconds, or a `ParValidationError` at `['now']`. */
export function instantOf(now: unknown, fn: string): number {
  const parsed = NowSchema.safeParse(now);
  if (!parsed.success) throw new ParValidationError(`arguments of ${fn}`, [{ path: ['now'], code: 'not_an_instant', message: 'Expected a Date or a number of milliseconds since 1970 (an explicit now)' }]);
  return typeof parsed.data === 'number' ? parsed.data : parsed.data.getTime();
}

/** `state` given to `fn`, once checked against {@link AssignmentStateSchema} (issues at `path`). */
export function requireState(state: unknown, fn: string, path: (string | number)[] = ['state']): AssignmentState {
  const parsed = AssignmentStateSchema.safeParse(state);
  if (!parsed.success) {
    throw new ParValidationError(`arguments of ${fn}`, parsed.error.issues.map((i) => ({ path: [...path, ...i.path.map(String)], code: `schema.${i.code}`, message: i.message })));
  }
  return state as AssignmentState;
}

const STATE_NAMES: ReadonlySet<unknown> = new Set(AssignmentStateNameSchema.options);
/**
 * A state of a long list given to `fn` (`sweep`, `assignmentStats`): a cheap check of the fields they read, then,
 * only when it fails, the full schema, which names the problems at `['states', index, ...]`.
 */
export function requireListedState(s: unknown, fn: string, index: number): AssignmentState {
  const c = (s as { context?: Partial<Record<keyof AssignmentContext, unknown>> } | null | undefined)?.context;
  const o = c?.outcome as Record<string, unknown> | undefined;
  const ok =
    STATE_NAMES.has((s as { state?: unknown }).state) &&
    typeof c === 'object' &&
    c !== null &&
    typeof c.id === 'string' &&
    c.id !== '' &&
    typeof c.unitId === 'string' &&
    c.unitId !== '' &&
    (c.role === 'lead' || c.role === 'coordinating') &&
    isCivilDate(c.dueDate) &&
    isCivilDate(c.nominalDueDate) &&
    Array.isArray(c.reminders) &&
    Array.isArray(c.extensions) &&
    typeof c.overdue === 'boolean' &&
    typeof c.escalated === 'boolean' &&
    (o === undefined || (typeof o === 'object' && o !== null && isCivilDate(o.reportedOn) && typeof o.onTimeOriginal === 'boolean' && typeof o.onTimeExtended === 'boolean'));
  return ok ? (s as AssignmentState) : requireState(s, fn, ['states', index]);
}

/** Whether two events of the sweep are the same, whatever the spelling of their instant. */
function sameSystemEvent(a: AssignmentEvent, b: AssignmentEvent): boolean {
  if (a.type !== b.type || a.by.unitId !== b.by.unitId || a.by.person !== b.by.person) return false;
  if (a.type === 'REMIND' && b.type === 'REMIND') return a.key === b.key && a.workingDaysLeft === b.workingDaysLeft;
  if (a.type === 'ESCALATE' && b.type === 'ESCALATE') return a.workingDaysOverdue === b.workingDaysOverdue;
  return true;
}

const SYSTEM = { unitId: 'system' } as const;

/** Creates the lifecycle layer over the assignment machine. Throws `ParValidationError` on a bad option. */
export function createLifecycle(options: LifecycleOptions = {}): Lifecycle {
  parseWithSchema('arguments of createLifecycle', OptionsSchema, options);
  const machine = options.machine ?? assignmentMachine;
  const table = machineTable(machine);
  const calendar = options.calendar ?? defaultCalendar();
  const offsets = [...(options.reminderOffsets ?? [3, 0])].sort((a, b) => a - b);
  const escalateAfter = options.escalateAfter ?? 5;
  const lead = options.extensionLeadWorkingDays ?? 1;

  const refusalFor = (s: AssignmentState, event: AssignmentEvent): Refusal => {
    if (FINAL.has(s.state)) return { code: 'closed', message: `The assignment is ${s.state}; it takes no more events` };
    const transitions = table.transitions(s.state, event.type);
    for (const t of transitions) {
      for (const g of t.guards) {
        if (g.name.startsWith('resumes')) continue;
        if (!g.check({ context: s.context, event }, g.params)) return REFUSALS[g.name]?.(s.context) ?? { code: g.name, message: `Refused by ${g.name}` };
      }
    }
    return { code: 'notAllowed', message: `${event.type} is not possible while the assignment is ${s.state}` };
  };

  /** What the sweep sends for one assignment on `today` (in Vietnam), at the instant `at`. */
  const sweepOne = (s: AssignmentState, today: CivilDate, at: string, out: SweepEvent[]): void => {
    if (FINAL.has(s.state) || WAITING.has(s.state)) return;
    const c = s.context;
    if (today <= c.dueDate) {
      // the most urgent reminder whose day has come; earlier ones are then moot
      const left = calendar.workingDaysBetween(today, c.dueDate);
      const offset = offsets.find((o) => left <= o);
      const key = `${c.dueDate}/${offset}`;
      if (offset !== undefined && !c.reminders.includes(key)) out.push({ assignmentId: c.id, event: { type: 'REMIND', by: SYSTEM, at, key, workingDaysLeft: left } });
      return;
    }
    if (!c.overdue) out.push({ assignmentId: c.id, event: { type: 'MARK_OVERDUE', by: SYSTEM, at } });
    const late = calendar.workingDaysBetween(c.dueDate, today);
    if (late >= escalateAfter && !c.escalated) out.push({ assignmentId: c.id, event: { type: 'ESCALATE', by: SYSTEM, at, workingDaysOverdue: late } });
  };

  /** The layer's own rules on an event the machine accepted: sweep-only system events, the extension lead time. */
  const layerRefusal = (s: AssignmentState, event: AssignmentEvent, at: number): Refusal | undefined => {
    if (SYSTEM_EVENT_TYPES.has(event.type)) {
      const expected: SweepEvent[] = [];
      sweepOne(s, toVietnamTime(at).date, new Date(at).toISOString(), expected);
      if (!expected.some((e) => sameSystemEvent(e.event, event))) {
        return { code: 'notFromSweep', message: `${event.type} comes only from the sweep, and the sweep at ${event.at} does not send it` };
      }
    }
    if (event.type === 'REQUEST_EXTENSION') {
      const latest = lead === 0 ? s.context.dueDate : calendar.addWorkingDays(s.context.dueDate, -lead);
      if (toVietnamTime(at).date > latest) {
        return { code: 'lateExtensionRequest', message: `An extension must be asked for by ${latest}, ${lead} working day(s) before the deadline ${s.context.dueDate}` };
      }
    }
    return undefined;
  };

  // the instant last parsed: a replay parses each `at` once, as the event's and then as the state's `updatedAt`
  let lastText: string | undefined;
  let lastInstant = 0;
  const instant = (text: string): number => (text === lastText ? lastInstant : ((lastText = text), (lastInstant = instantMs(text))));

  /** One event on a state: the next state, or the reason it is refused. */
  const advance = (s: AssignmentState, event: AssignmentEvent): AssignmentState | Refusal => {
    const before = s.updatedAt === undefined ? undefined : instant(s.updatedAt);
    const at = instant(event.at);
    if (before !== undefined && at < before) {
      return { code: 'outOfOrder', message: `${event.type} is dated ${event.at}, before the last recorded event (${s.updatedAt})` };
    }
    // an approved extended date on a day off moves to the next working day, like any deadline
    const pending = s.context.pendingExtension;
    const machineEvent = event.type === 'APPROVE_EXTENSION' && pending ? { ...event, dueDate: calendar.workingDayOnOrAfter(event.dueDate ?? pending.dueDate) } : event;
    const next = table.step(s.state, s.context, machineEvent);
    if (!next) return refusalFor(s, machineEvent);
    return layerRefusal(s, event, at) ?? { state: next.state, context: next.context, version: s.version + 1, updatedAt: event.at };
  };
  const isRefusal = (r: AssignmentState | Refusal): r is Refusal => 'code' in r;

  const start = (input: AssignmentInput): AssignmentState => {
    const { state, context } = table.initial(parseAssignmentInput(input));
    return { state, context, version: 0 };
  };

  return {
    machine,
    start,
    send(state, input) {
      const s = requireState(state, 'send');
      const event = parseWithSchema('assignment event', AssignmentEventSchema, input);
      const r = advance(s, event);
      if (isRefusal(r)) return { accepted: false, state: s, refusal: r };
      return { accepted: true, state: r, entry: { assignmentId: s.context.id, seq: r.version, event, state: r.state } };
    },
    sweep(states, now) {
      const instant = instantOf(now, 'sweep');
      const today = toVietnamTime(instant).date;
      const at = new Date(instant).toISOString();
      const out: SweepEvent[] = [];
      let i = 0;
      for (const s of states) sweepOne(requireListedState(s, 'sweep', i++), today, at, out);
      return out;
    },
    replay(input, entries) {
      let s = start(input);
      const log = parseLogEntries(entries);
      const issues = new IssueList();
      for (let i = 0; i < log.length; i++) {
        const e = log[i]!;
        if (e.assignmentId !== s.context.id) issues.add([i, 'assignmentId'], 'wrong_assignment', `Entry ${i} belongs to "${e.assignmentId}", not "${s.context.id}"`);
        if (e.seq !== i + 1) issues.add([i, 'seq'], 'bad_sequence', `Entry ${i} has seq ${e.seq} where ${i + 1} was expected: entries missing, repeated or reordered`);
      }
      issues.throwIfAny('lifecycle log');
      for (let i = 0; i < log.length; i++) {
        const e = log[i]!;
        const r = advance(s, e.event);
        if (isRefusal(r)) {
          throw new ParValidationError('lifecycle log', [{ path: [i, 'event'], code: `refused.${r.code}`, message: `Entry ${e.seq} (${e.event.type}) does not apply in state ${s.state}: ${r.message}` }]);
        }
        if (r.state !== e.state) {
          throw new ParValidationError('lifecycle log', [{ path: [i, 'state'], code: 'state_mismatch', message: `Entry ${e.seq} records state ${e.state}, but ${e.event.type} leads to ${r.state}` }]);
        }
        s = r;
      }
      return s;
    },
    actor(state) {
      const { id, documentId, itemLabel, unitId, role, issuerId, delegates, nominalDueDate, period, dueDate } = requireState(state, 'actor').context;
      const input: AssignmentInput = { id, documentId, itemLabel, unitId, role, issuerId, delegates, nominalDueDate, ...(period ? { period } : {}), dueDate };
      return createActor(machine, { snapshot: machine.resolveState({ value: state.state, context: state.context }), input }).start();
    },
  };
}
