import type { AssignmentContext, AssignmentInput } from './assignment-machine.js';
import type { AssignmentEvent } from './events.js';
import type { AssignmentMachine, AssignmentStateName } from './lifecycle.js';

type GuardImplementation = (args: { context: AssignmentContext; event: AssignmentEvent }, params: unknown) => boolean;
type Assignment = ((args: { context: AssignmentContext; event: AssignmentEvent }, params: unknown) => Partial<AssignmentContext>) | Record<string, unknown>;

/** One guard of a transition: its name (for refusals), its implementation and params. */
interface TableGuard {
  readonly name: string;
  readonly check: GuardImplementation;
  readonly params: unknown;
}

/** One transition of the machine, resolved against its implementations. */
export interface TableTransition {
  readonly target: AssignmentStateName | undefined;
  readonly guards: readonly TableGuard[];
  readonly assigns: readonly { readonly assignment: Assignment; readonly params: unknown }[];
}

/** The machine as a table, and pure steps over it. */
export interface MachineTable {
  /** The transitions a state has for an event type, in the machine's order. */
  transitions(state: AssignmentStateName, type: AssignmentEvent['type']): readonly TableTransition[];
  /** The initial state and context of an input. */
  initial(input: AssignmentInput): { readonly state: AssignmentStateName; readonly context: AssignmentContext };
  /** The next state and context, or `undefined` when no transition is enabled (the event is refused). */
  step(state: AssignmentStateName, context: AssignmentContext, event: AssignmentEvent): { readonly state: AssignmentStateName; readonly context: AssignmentContext } | undefined;
}

interface NodeLike {
  readonly key: string;
  readonly states: Record<string, unknown>;
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly always?: unknown;
  readonly transitions: Map<string, readonly { target?: readonly NodeLike[]; guard?: unknown; actions: readonly unknown[] }[]>;
}

const ref = (x: unknown): { name: string; params: unknown } | undefined =>
  typeof x === 'string' ? { name: x, params: undefined } : x && typeof x === 'object' && 'type' in x && typeof x.type === 'string' ? { name: x.type, params: (x as { params?: unknown }).params } : undefined;

/**
 * The assignment machine (or a `provide()` variant: same states, other guards and actions) read into a table,
 * stepped without an actor: xstate's selection (the first enabled transition of the state, in order) and its
 * `assign` semantics (each assignment sees the context the previous one left), at a fraction of the cost of
 * `transition()`. The machine is flat, with named guards (or `and` of named guards) and no entry, exit or eventless
 * transitions; an action that is not an `assign` is the host's to run, as in any pure step, and changes nothing here.
 * Guards and assignments are given `context` and `event` (and their params), not an actor's `self` or `spawn`.
 * Throws when the machine is not of that form.
 */
export function machineTable(machine: AssignmentMachine): MachineTable {
  const guards = machine.implementations.guards as Record<string, GuardImplementation | undefined>;
  const actions = machine.implementations.actions as Record<string, { assignment?: Assignment } | undefined>;
  const unsupported = (what: string) => new Error(`@par/lifecycle steps flat machines with named guards and assign actions: ${what}`);
  const table = new Map<string, Map<string, TableTransition[]>>();
  for (const [name, node] of Object.entries(machine.root.states as unknown as Record<string, NodeLike>)) {
    if (Object.keys(node.states).length > 0 || node.entry.length > 0 || node.exit.length > 0 || node.always) throw unsupported(`state ${name}`);
    const byType = new Map<string, TableTransition[]>();
    for (const [type, list] of node.transitions) {
      byType.set(
        type,
        list.map((t) => {
          const parts = typeof t.guard === 'function' && 'guards' in t.guard && t.guard.name === 'and' ? (t.guard.guards as unknown[]) : t.guard === undefined ? [] : [t.guard];
          return {
            target: t.target?.[0]?.key as AssignmentStateName | undefined,
            guards: parts.map((g) => {
              const r = ref(g);
              const check = r && guards[r.name];
              if (!r || !check) throw unsupported(`guard of ${type} in ${name}`);
              return { name: r.name, check, params: r.params };
            }),
            assigns: t.actions.flatMap((a) => {
              const r = ref(a);
              if (!r) throw unsupported(`action of ${type} in ${name}`);
              const assignment = actions[r.name]?.assignment;
              return assignment ? [{ assignment, params: r.params }] : [];
            }),
          };
        }),
      );
    }
    table.set(name, byType);
  }
  const initialState = (machine.root as unknown as { initial?: { target?: readonly NodeLike[] } }).initial?.target?.[0]?.key as AssignmentStateName | undefined;
  const contextOf = machine.config.context;
  if (!initialState || typeof contextOf !== 'function') throw unsupported('initial state or context');
  const none: readonly TableTransition[] = [];
  const transitions = (state: AssignmentStateName, type: AssignmentEvent['type']) => table.get(state)?.get(type) ?? none;
  return {
    transitions,
    initial: (input) => ({ state: initialState, context: (contextOf as (args: { input: AssignmentInput }) => AssignmentContext)({ input }) }),
    step(state, context, event) {
      const args = { context, event };
      next: for (const t of transitions(state, event.type)) {
        for (const g of t.guards) if (!g.check(args, g.params)) continue next;
        let next = context;
        for (const { assignment, params } of t.assigns) {
          const a = { context: next, event };
          let update: Record<string, unknown>;
          if (typeof assignment === 'function') update = assignment(a, params);
          else {
            update = {};
            for (const [key, value] of Object.entries(assignment)) update[key] = typeof value === 'function' ? value(a, params) : value;
          }
          // xstate's own merge, onto a new object: on V8 many times faster than a spread of both (`{ ...next, ...update }`
          // makes the copy a slow object when the update adds a key)
          next = Object.assign({}, next, update);
        }
        return { state: t.target ?? state, context: next };
      }
      return undefined;
    },
  };
}
