import { ParConflictError } from './conflict-error.js';
import type { LogEntry } from './lifecycle.js';

/** The port a lifecycle log is kept behind: append with an expected version, load. */
export interface LifecycleStore {
  /**
   * Appends entries to an assignment's log if it is at `expectedVersion` (its number of entries); otherwise throws
   * {@link ParConflictError} and writes nothing. Returns the new version.
   */
  append(assignmentId: string, entries: readonly LogEntry[], expectedVersion: number): Promise<number>;
  /** An assignment's log and its version (0 and no entries for an unknown assignment). */
  load(assignmentId: string): Promise<{ readonly entries: readonly LogEntry[]; readonly version: number }>;
}

/** A {@link LifecycleStore} in memory, for tests and small tools. */
export function createMemoryStore(): LifecycleStore {
  const logs = new Map<string, LogEntry[]>();
  return {
    async append(assignmentId, entries, expectedVersion) {
      const log = logs.get(assignmentId) ?? [];
      if (log.length !== expectedVersion) throw new ParConflictError(assignmentId, expectedVersion, log.length);
      const next = [...log, ...entries.map((e) => structuredClone(e))];
      logs.set(assignmentId, next);
      return next.length;
    },
    async load(assignmentId) {
      const log = logs.get(assignmentId) ?? [];
      return { entries: log.map((e) => structuredClone(e)), version: log.length };
    },
  };
}
