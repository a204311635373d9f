import { z } from 'zod';
import { ParValidationError, parseWithSchema } from '@par/calendar';
import { ParConflictError } from './conflict-error.js';
import { LogEntrySchema } from './events.js';
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

const AppendSchema = z.strictObject({ assignmentId: z.string().min(1), entries: z.array(LogEntrySchema), expectedVersion: z.int().min(0) });

/**
 * A {@link LifecycleStore} in memory, for tests and small tools. An append is refused with `ParValidationError`
 * (nothing written) when an entry is malformed, belongs to another assignment, or does not continue the sequence
 * (`seq` = expected version + 1, + 2...).
 */
export function createMemoryStore(): LifecycleStore {
  const logs = new Map<string, LogEntry[]>();
  return {
    async append(assignmentId, entries, expectedVersion) {
      parseWithSchema('arguments of store.append', AppendSchema, { assignmentId, entries, expectedVersion });
      const issues = entries.flatMap((e, i) => [
        ...(e.assignmentId === assignmentId ? [] : [{ path: ['entries', i, 'assignmentId'], code: 'wrong_assignment', message: `Entry belongs to "${e.assignmentId}", not "${assignmentId}"` }]),
        ...(e.seq === expectedVersion + i + 1 ? [] : [{ path: ['entries', i, 'seq'], code: 'bad_sequence', message: `Entry has seq ${e.seq} where ${expectedVersion + i + 1} was expected` }]),
      ]);
      if (issues.length > 0) throw new ParValidationError('arguments of store.append', issues);
      const log = logs.get(assignmentId) ?? [];
      if (log.length !== expectedVersion) throw new ParConflictError(assignmentId, expectedVersion, log.length);
      const next = [...log, ...entries.map((e) => structuredClone(e))];
      logs.set(assignmentId, next);
      return next.length;
    },
    async load(assignmentId) {
      parseWithSchema('arguments of store.load', z.strictObject({ assignmentId: z.string().min(1) }), { assignmentId });
      const log = logs.get(assignmentId) ?? [];
      return { entries: log.map((e) => structuredClone(e)), version: log.length };
    },
  };
}
