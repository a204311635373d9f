/**
 * `@par/lifecycle`: directive assignments from issue to done, on xstate.
 *
 * @packageDocumentation
 */
export { ActorSchema, AssignmentEventSchema, AssignmentInputSchema, AssignmentStateNameSchema, AssignmentStateSchema, LogEntrySchema, SYSTEM_EVENT_TYPES, type Actor, type AssignmentEvent } from './events.js';
export { assignmentMachine, type AssignmentContext, type AssignmentInput, type OpenState } from './assignment-machine.js';
export {
  createLifecycle,
  type AssignmentMachine,
  type AssignmentState,
  type AssignmentStateName,
  type Lifecycle,
  type LifecycleOptions,
  type LogEntry,
  type Refusal,
  type SendResult,
  type SweepEvent,
} from './lifecycle.js';
export { ParConflictError } from './conflict-error.js';
export { createMemoryStore, type LifecycleStore } from './store.js';
export { parseLogEntries } from './log-entries.js';
export { auditTrail, type AuditLine, type AuditTrail, type StateDuration } from './audit.js';
export { assignmentMetrics, assignmentStats, type AssignmentStats, type AssignmentStatsOptions } from './metrics.js';
export { lifecycleInputs } from './records.js';
