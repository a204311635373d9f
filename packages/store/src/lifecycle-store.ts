import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { IssueList, parseWithSchema } from '@par/calendar';
import { LogEntrySchema, ParConflictError, type LifecycleStore, type LogEntry } from '@par/lifecycle';
import type { StoreActor } from './audit.js';
import { insertAll, isUniqueViolation, type Database } from './database.js';
import type { StoreAction } from './policy.js';

/**
 * The policy action each lifecycle event needs, and whose data it touches (the assignment's `unit` or its `issuer`):
 * what `append` checks for every entry, and what an app asks to show only the actions an actor may take.
 */
export const EVENT_ACTIONS: Readonly<Record<LogEntry['event']['type'], { readonly action: StoreAction; readonly on: 'unit' | 'issuer' }>> = {
  ACKNOWLEDGE: { action: 'assignment.report', on: 'unit' },
  START: { action: 'assignment.report', on: 'unit' },
  REPORT: { action: 'assignment.report', on: 'unit' },
  REQUEST_EXTENSION: { action: 'assignment.report', on: 'unit' },
  BEGIN_REVIEW: { action: 'assignment.review', on: 'issuer' },
  APPROVE: { action: 'assignment.review', on: 'issuer' },
  RETURN: { action: 'assignment.review', on: 'issuer' },
  APPROVE_EXTENSION: { action: 'assignment.extend', on: 'issuer' },
  REJECT_EXTENSION: { action: 'assignment.extend', on: 'issuer' },
  CANCEL: { action: 'assignment.cancel', on: 'issuer' },
  REMIND: { action: 'assignment.sweep', on: 'issuer' },
  MARK_OVERDUE: { action: 'assignment.sweep', on: 'issuer' },
  ESCALATE: { action: 'assignment.sweep', on: 'issuer' },
};

const AppendSchema = z.strictObject({ assignmentId: z.string().min(1), entries: z.array(LogEntrySchema), expectedVersion: z.int().min(0) });

/** What the lifecycle adapter needs from its session. */
export interface LifecycleAdapterDeps {
  readonly db: Kysely<Database>;
  readonly actor: StoreActor;
  /** Authorizes, audits and runs a write in one transaction. */
  readonly write: <T>(checks: readonly { action: StoreAction; target: string | undefined }[], change: unknown, body: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  readonly mayRead: (...units: string[]) => Promise<boolean>;
  readonly denyRead: (unit: string) => never;
}

/**
 * The `LifecycleStore` port of `@par/lifecycle` on the database, for one session: the same validation as the
 * in-memory store, then `unknown_assignment` and `not_the_actor`; each event authorized on the assignment's unit or
 * its issuer; a stale version throws `ParConflictError` and writes nothing.
 */
export function lifecycleAdapter({ db, actor, write, mayRead, denyRead }: LifecycleAdapterDeps): LifecycleStore {
return {
    async append(assignmentId, entries, expectedVersion) {
      parseWithSchema('arguments of store.append', AppendSchema, { assignmentId, entries, expectedVersion });
      const issues = new IssueList();
      entries.forEach((e, i) => {
        if (e.assignmentId !== assignmentId) issues.add(['entries', i, 'assignmentId'], 'wrong_assignment', `Entry belongs to "${e.assignmentId}", not "${assignmentId}"`);
        if (e.seq !== expectedVersion + i + 1) issues.add(['entries', i, 'seq'], 'bad_sequence', `Entry has seq ${e.seq} where ${expectedVersion + i + 1} was expected`);
      });
      const assignment = await db.selectFrom('assignments').select(['unit_id', 'issuer_id']).where('id', '=', assignmentId).executeTakeFirst();
      if (!assignment) issues.add(['assignmentId'], 'unknown_assignment', `No assignment "${assignmentId}" in the store (register it first)`);
      entries.forEach((e, i) => {
        if (e.event.by.unitId !== actor.unitId) issues.add(['entries', i, 'event', 'by', 'unitId'], 'not_the_actor', `The event is by ${e.event.by.unitId}, but the session acts for ${actor.unitId}`);
      });
      issues.throwIfAny('arguments of store.append');
      const checks = entries.map((e) => {
        const a = EVENT_ACTIONS[e.event.type];
        return { action: a.action, target: a.on === 'unit' ? assignment!.unit_id : assignment!.issuer_id };
      });
      const change = { assignmentId, fromVersion: expectedVersion, entries };
      try {
        return await write(checks.length > 0 ? checks : [{ action: 'assignment.report', target: assignment!.unit_id }], change, async (trx) => {
          const row = await trx.selectFrom('lifecycle_log').select(sql<number>`coalesce(max(seq), 0)::int`.as('version')).where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow();
          if (row.version !== expectedVersion) throw new ParConflictError(assignmentId, expectedVersion, row.version);
          await insertAll(trx, 'lifecycle_log', entries.map((e) => ({ assignment_id: assignmentId, seq: e.seq, state: e.state, event: e.event })));
          return expectedVersion + entries.length;
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const row = await db.selectFrom('lifecycle_log').select(sql<number>`coalesce(max(seq), 0)::int`.as('version')).where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow();
        throw new ParConflictError(assignmentId, expectedVersion, row.version);
      }
    },
    async load(assignmentId) {
      parseWithSchema('arguments of store.load', z.strictObject({ assignmentId: z.string().min(1) }), { assignmentId });
      const assignment = await db.selectFrom('assignments').select(['unit_id', 'issuer_id']).where('id', '=', assignmentId).executeTakeFirst();
      if (!assignment) return { entries: [], version: 0 };
      if (!(await mayRead(assignment.unit_id, assignment.issuer_id))) denyRead(assignment.unit_id);
      const rows = await db.selectFrom('lifecycle_log').select(['seq', 'state', 'event']).where('assignment_id', '=', assignmentId).orderBy('seq').execute();
      return { entries: rows.map((r) => ({ assignmentId, seq: r.seq, state: r.state, event: r.event }) as LogEntry), version: rows.length };
    },
  };
}
