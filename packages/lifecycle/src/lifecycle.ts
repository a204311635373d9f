import { createActor, initialTransition, transition, type Actor as XActor, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { defaultCalendar, parseWithSchema, toVietnamTime, type Calendar, type CivilDate } from '@par/calendar';
import { assignmentMachine, type AssignmentContext, type AssignmentInput } from './assignment-machine.js';
import { AssignmentEventSchema, type AssignmentEvent } from './events.js';

/** The machine type, or a variant of it made with `assignmentMachine.provide()`. */
export type AssignmentMachine = typeof assignmentMachine;

/** The state names of an assignment. */
export type AssignmentStateName = 'issued' | 'acknowledged' | 'inProgress' | 'returned' | 'extensionRequested' | 'reported' | 'underReview' | 'done' | 'cancelled';

/** An assignment's lifecycle state: plain JSON (persist it as it is), with the number of accepted events. */
export interface AssignmentState {
  readonly state: AssignmentStateName;
  readonly context: AssignmentContext;
  /** How many events were accepted: the store's expected version. */
  readonly version: number;
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
  /** A variant of the machine with the host's own guards and actions (`assignmentMachine.provide(...)`). */
  readonly machine?: AssignmentMachine;
}

/** The lifecycle layer: pure functions of states, events and an explicit `now`. */
export interface Lifecycle {
  readonly machine: AssignmentMachine;
  /** A new assignment, issued. */
  start(input: AssignmentInput): AssignmentState;
  /** Applies one event (validated): accepted with its log entry, or refused with the reason and nothing changed. */
  send(state: AssignmentState, event: unknown): SendResult;
  /** The events to send now: reminders, overdue marks and escalations. Applying them twice changes nothing. */
  sweep(states: Iterable<AssignmentState>, now: Date | number): SweepEvent[];
  /** The state a log leads to, from the assignment's start. */
  replay(input: AssignmentInput, entries: readonly LogEntry[]): AssignmentState;
  /** A running xstate actor restored from a persisted state. */
  actor(state: AssignmentState): XActor<AssignmentMachine>;
}

const FINAL: ReadonlySet<AssignmentStateName> = new Set(['done', 'cancelled']);
const WAITING: ReadonlySet<AssignmentStateName> = new Set(['reported', 'underReview']);

const REFUSALS: Record<string, (c: AssignmentContext) => Refusal> = {
  isAssignedUnit: (c) => ({ code: 'notAssignedUnit', message: `Only the assigned unit "${c.unitId}" can do this` }),
  isIssuerOrDelegate: (c) => ({ code: 'notIssuer', message: `Only the issuer "${c.issuerId}" or a unit it delegates to can do this` }),
  hasReportContent: () => ({ code: 'emptyReport', message: 'A report needs content' }),
  isValidExtension: (c) => ({ code: 'invalidExtension', message: `An extension needs a reason and a date after the current deadline ${c.dueDate}` }),
  isLaterDueDate: (c) => ({ code: 'invalidExtension', message: `The new deadline must come after ${c.dueDate}` }),
  hasReason: () => ({ code: 'reasonRequired', message: 'A reason is required' }),
  isNewReminder: () => ({ code: 'duplicateReminder', message: 'This reminder was already sent' }),
  isNotOverdue: () => ({ code: 'alreadyOverdue', message: 'The assignment is already marked overdue' }),
  isOverdueNotEscalated: (c) => ({ code: c.escalated ? 'alreadyEscalated' : 'notOverdue', message: c.escalated ? 'Already escalated' : 'Only an overdue assignment is escalated' }),
};

/** The flat state name of a machine snapshot. */
function nameOf(snapshot: SnapshotFrom<AssignmentMachine>): AssignmentStateName {
  return snapshot.value as AssignmentStateName;
}

/** Guard names referenced by a transition's guard (through `and`). */
function guardNames(guard: unknown): string[] {
  if (typeof guard === 'string') return [guard];
  if (guard && typeof guard === 'object' && 'type' in guard) return [String((guard as { type: string }).type)];
  if (typeof guard === 'function' && 'guards' in guard) return ((guard as unknown as { guards: unknown[] }).guards ?? []).flatMap(guardNames);
  return [];
}

type Snapshot = SnapshotFrom<AssignmentMachine>;

/** Pure initial and next snapshots. */
interface Stepper {
  initial(input: AssignmentInput): Snapshot;
  step(snapshot: Snapshot, event: AssignmentEvent): Snapshot;
}

/**
 * Pure steps over the machine: the same as xstate's `initialTransition()` and `transition()`, whose cost is mostly
 * building a throw-away actor scope on every call. Here one inert scope (an unstarted actor's, with an action
 * executor that runs nothing) serves every call. Should a future xstate hide that scope, the public functions are
 * used.
 */
function stepper(machine: AssignmentMachine, sample: AssignmentInput): Stepper {
  const scope = (createActor(machine, { input: sample }) as unknown as { _actorScope?: AnyActorScope })._actorScope;
  if (!scope || typeof machine.transition !== 'function' || typeof machine.getInitialSnapshot !== 'function') {
    return { initial: (input) => initialTransition(machine, input)[0], step: (snapshot, event) => transition(machine, snapshot, event)[0] };
  }
  scope.actionExecutor = () => {}; // custom actions are the host's to run; a pure step only computes the snapshot
  // The initial state has no entry actions, so resolving it from the initial context is the same snapshot, cheaper.
  const template = machine.getInitialSnapshot(scope, sample);
  const context = (input: AssignmentInput): AssignmentContext => ({ ...template.context, ...input, originalDueDate: input.dueDate });
  return {
    initial: (input) => machine.resolveState({ value: template.value, context: context(input) }),
    step: (snapshot, event) => machine.transition(snapshot, event, scope),
  };
}

/** Creates the lifecycle layer over the assignment machine. */
export function createLifecycle(options: LifecycleOptions = {}): Lifecycle {
  const machine = options.machine ?? assignmentMachine;
  let pure: Stepper | undefined;
  const calendar = options.calendar ?? defaultCalendar();
  const offsets = [...(options.reminderOffsets ?? [3, 0])].sort((a, b) => a - b);
  const escalateAfter = options.escalateAfter ?? 5;
  const snapshotOf = (s: AssignmentState) => machine.resolveState({ value: s.state, context: s.context });

  const refusalFor = (s: AssignmentState, snapshot: SnapshotFrom<AssignmentMachine>, event: AssignmentEvent): Refusal => {
    if (FINAL.has(s.state)) return { code: 'closed', message: `The assignment is ${s.state}; it takes no more events` };
    const nodes = [...snapshot._nodes].reverse(); // innermost first, as xstate selects transitions
    const transitions = nodes.flatMap((n) => (n.on as Record<string, readonly { guard?: unknown }[]>)[event.type] ?? []);
    if (transitions.length === 0) return { code: 'notAllowed', message: `${event.type} is not possible while the assignment is ${s.state}` };
    const guards = machine.implementations.guards as Record<string, (args: { context: AssignmentContext; event: AssignmentEvent }, params: unknown) => boolean>;
    for (const t of transitions) {
      for (const name of guardNames(t.guard)) {
        if (name.startsWith('resumes')) continue;
        if (!guards[name]?.({ context: s.context, event }, undefined)) return REFUSALS[name]?.(s.context) ?? { code: name, message: `Refused by ${name}` };
      }
    }
    return { code: 'notAllowed', message: `${event.type} is not possible while the assignment is ${s.state}` };
  };

  const apply = (s: AssignmentState, event: AssignmentEvent): SendResult => {
    const snapshot = snapshotOf(s);
    pure ??= stepper(machine, s.context);
    const next = pure.step(snapshot, event);
    if (next === snapshot) return { accepted: false, state: s, refusal: refusalFor(s, snapshot, event) };
    const state: AssignmentState = { state: nameOf(next), context: next.context, version: s.version + 1 };
    return { accepted: true, state, entry: { assignmentId: s.context.id, seq: state.version, event, state: state.state } };
  };

  return {
    machine,
    start(input) {
      pure ??= stepper(machine, input);
      const snapshot = pure.initial(input);
      return { state: nameOf(snapshot), context: snapshot.context, version: 0 };
    },
    send(state, input) {
      return apply(state, parseWithSchema('assignment event', AssignmentEventSchema, input));
    },
    sweep(states, now) {
      const instant = typeof now === 'number' ? now : now.getTime();
      const today: CivilDate = toVietnamTime(instant).date;
      const at = new Date(instant).toISOString();
      const system = { unitId: 'system' };
      const out: SweepEvent[] = [];
      for (const s of states) {
        if (FINAL.has(s.state) || WAITING.has(s.state)) continue;
        const c = s.context;
        const id = c.id;
        if (today <= c.dueDate) {
          // the most urgent reminder whose day has come; earlier ones are then moot
          const left = calendar.workingDaysBetween(today, c.dueDate);
          const offset = offsets.find((o) => left <= o);
          const key = `${c.dueDate}/${offset}`;
          if (offset !== undefined && !c.reminders.includes(key)) out.push({ assignmentId: id, event: { type: 'REMIND', by: system, at, key, workingDaysLeft: left } });
          continue;
        }
        if (!c.overdue) out.push({ assignmentId: id, event: { type: 'MARK_OVERDUE', by: system, at } });
        const late = calendar.workingDaysBetween(c.dueDate, today);
        if (late >= escalateAfter && !c.escalated) out.push({ assignmentId: id, event: { type: 'ESCALATE', by: system, at, workingDaysOverdue: late } });
      }
      return out;
    },
    replay(input, entries) {
      // snapshot to snapshot, with no validation: the log holds only events this layer accepted
      pure ??= stepper(machine, input);
      let snapshot = pure.initial(input);
      for (const entry of entries) {
        const next = pure.step(snapshot, entry.event);
        if (next === snapshot) throw new Error(`Log entry ${entry.seq} of ${input.id} does not apply in state ${nameOf(snapshot)}`);
        snapshot = next;
      }
      return { state: nameOf(snapshot), context: snapshot.context, version: entries.length };
    },
    actor(state) {
      const { id, documentId, itemLabel, unitId, role, issuerId, delegates, dueDate } = state.context;
      return createActor(machine, { snapshot: snapshotOf(state), input: { id, documentId, itemLabel, unitId, role, issuerId, delegates, dueDate } }).start();
    },
  };
}
