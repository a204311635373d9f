import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { json, type Database } from './database.js';

/** Who acts on the store: a unit, the role acting for it, and optionally the person. */
export interface StoreActor {
  readonly unitId: string;
  readonly role: string;
  readonly person?: string | undefined;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth and no spaces: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One entry of the audit trail, as stored. */
export interface AuditEntry {
  readonly seq: number;
  /** The instant of the write (ISO, from the session's `now`). */
  readonly at: string;
  readonly actor: StoreActor;
  readonly action: string;
  /** The unit whose data was written or refused, when the action has one. */
  readonly target: string | undefined;
  /** False for a refused attempt (nothing else was written). */
  readonly allowed: boolean;
  /** What changed (or was attempted). */
  readonly change: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of an entry: SHA-256 over the previous entry's hash, a newline, and this entry's canonical JSON. */
export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const body = canonicalJson({ seq: entry.seq, at: entry.at, actor: { unitId: entry.actor.unitId, role: entry.actor.role, person: entry.actor.person ?? null }, action: entry.action, target: entry.target ?? null, allowed: entry.allowed, change: entry.change });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends an audit entry inside the write's transaction. The chain head is locked (`for update`), so entries of
 * concurrent writers are numbered one after the other and every write waits for the one before it to commit.
 */
export async function appendAudit(trx: Transaction<Database>, at: string, actor: StoreActor, action: string, target: string | undefined, allowed: boolean, change: unknown): Promise<number> {
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const seq = head.seq + 1;
  const hash = entryHash(head.hash, { seq, at, actor, action, target, allowed, change });
  await trx
    .insertInto('audit_log')
    .values({ seq, at, actor_unit: actor.unitId, actor_person: actor.person ?? null, actor_role: actor.role, action, target: target ?? null, allowed, change: json(change), prev_hash: head.hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return seq;
}

/** What `ParStore.verify()` found. */
export type ChainReport =
  | { readonly ok: true; readonly entries: number; readonly headHash: string }
  | { readonly ok: false; readonly entries: number; readonly firstBroken: number; readonly reason: string };

/**
 * Recomputes the whole chain: each entry's number follows the one before, its `prev_hash` is that entry's hash,
 * and its hash matches its content; the head matches the last entry. Names the first broken entry. Record the head
 * hash elsewhere (a report, a signed notice) to detect the deletion of the newest entries as well.
 */
export async function verifyChain(db: Kysely<Database>, batch = 5_000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const broken = (reason: string): ChainReport => ({ ok: false, entries: expected - 1, firstBroken: r.seq === expected ? r.seq : expected, reason });
      if (r.seq !== expected) return broken(`entry ${expected} is missing (the next one is ${r.seq})`);
      if (r.prev_hash !== prev) return broken(`entry ${r.seq} does not point to the hash of entry ${r.seq - 1}`);
      const actor: StoreActor = { unitId: r.actor_unit, role: r.actor_role, ...(r.actor_person === null ? {} : { person: r.actor_person }) };
      if (entryHash(prev, { seq: r.seq, at: r.at, actor, action: r.action, target: r.target ?? undefined, allowed: r.allowed, change: r.change }) !== r.hash) return broken(`entry ${r.seq} was changed after it was written`);
      prev = r.hash;
      expected++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== expected - 1 || head.hash !== prev) return { ok: false, entries: expected - 1, firstBroken: expected, reason: `the chain head says ${head.seq} entries; ${expected - 1} remain` };
  return { ok: true, entries: expected - 1, headHash: prev };
}
