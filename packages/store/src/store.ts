import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { IssueList, ParValidationError, parseWithSchema, PeriodSchema, toVietnamTime, type ParIssue } from '@par/calendar';
import { createUnitRegistry, deriveFramework, FindingInputSchema, MetricSchema, parseAssessment, parseFramework, updateAssessment, type Assessment, type AssessmentEntry, type Framework, type Metric, type ParPluginV1, type UnitRegistry } from '@par/core';
import { AssignmentInputSchema, ParConflictError, type LifecycleStore, type LogEntry } from '@par/lifecycle';
import { ParAccessDeniedError } from './access-denied-error.js';
import { appendAudit, verifyChain, type ChainReport, type StoreActor } from './audit.js';
import type { ResolvedStoreConfig } from './config.js';
import { connect, insertAll, isUniqueViolation, json, type Database } from './database.js';
import { lifecycleAdapter } from './lifecycle-store.js';
import { migrate, MIGRATIONS, type MigrationReport } from './migrations.js';
import { DEFAULT_POLICY, isAllowed, parsePolicy, STORE_ACTIONS, type Policy, type StoreAction } from './policy.js';
import { fromStoredPacked, storedPacked } from './packed-column.js';
import { checkWorkspaceDocuments, throwInDocumentOrder, type WorkspaceDocuments } from './workspace-documents.js';

/**
 * The policy actions a save of an assessment needs, entry by entry against the stored version: the unit's own parts
 * (self scores, N/A declarations, explanations, evidence, a move to `submitted` or `explained`) need
 * `assessment.self`; appraisal rounds, imported survey and leadership points and a move into appraisal, `appraised`
 * or `published` need `assessment.appraise`; a save that changes both needs both.
 */
function assessmentActions(before: Assessment | undefined, after: Assessment): StoreAction[] {
  const entries = (a: Assessment | undefined) => new Map((a?.entries ?? []).map((e) => [e.code, e]));
  const [old, next] = [entries(before), entries(after)];
  const codes = [...new Set([...old.keys(), ...next.keys()])];
  const changed = (part: (e: AssessmentEntry | undefined) => unknown) => codes.some((c) => JSON.stringify(part(old.get(c))) !== JSON.stringify(part(next.get(c))));
  const statusMoved = (before?.status ?? 'draft') !== after.status;
  const intoAppraisal = statusMoved && ['underAppraisal', 'appraised', 'published'].includes(after.status);
  const appraise = intoAppraisal || changed((e) => e?.appraisals ?? []) || changed((e) => e?.imported);
  const own =
    (statusMoved && !intoAppraisal) ||
    changed((e) => [e?.self, e?.notApplicable, e?.explanation]) ||
    JSON.stringify(before?.evidence ?? []) !== JSON.stringify(after.evidence);
  const actions: StoreAction[] = [];
  if (own || !appraise) actions.push('assessment.self');
  if (appraise) actions.push('assessment.appraise');
  return actions;
}

const AuthorizeArgumentsSchema = z.strictObject({ action: z.enum(STORE_ACTIONS), target: z.string().min(1) });

/** A workspace store on PGlite or PostgreSQL: the schema, the audit chain, and sessions that act for someone. */
export interface ParStore {
  readonly engine: 'pglite' | 'postgres';
  /** The query builder, for reports and tools that read the tables directly (`docs/store.md` lists them). */
  readonly db: Kysely<Database>;
  /** Brings the schema up to the latest migration. */
  migrate(): Promise<MigrationReport>;
  /** The migrations not applied yet (a read command refuses to run on an out-of-date schema). */
  pendingMigrations(): Promise<readonly string[]>;
  /** Everything done through the session is authorized by the policy as `actor`, and audited at `now`. */
  session(actor: StoreActor, now: Date): StoreSession;
  /** Checks the audit chain; names the first broken entry. */
  verify(): Promise<ChainReport>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** What {@link StoreSession.importWorkspace} wrote. */
export interface ImportSummary {
  readonly units: number;
  readonly frameworks: number;
  readonly assessments: number;
  readonly directives: number;
  readonly assignments: number;
  readonly logEntries: number;
}

/** A stored assessment document and its version (the expected version of the next save). */
export interface StoredAssessment {
  readonly doc: unknown;
  readonly version: number;
}

/** A plugin's record: JSON with the plugin's name, the id and version of the schema it passed. */
export interface PluginRecordInput {
  readonly plugin: string;
  readonly schemaId: string;
  readonly schemaVersion: string;
  readonly unitId?: string;
  readonly period?: string;
  readonly data: unknown;
}

/** The store as one actor sees it at one moment. */
export interface StoreSession {
  /** The lifecycle store port of `@par/lifecycle`, authorized per event (the unit reports; the issuer reviews, extends, cancels). */
  readonly lifecycle: LifecycleStore;
  /**
   * Whether the policy lets the actor do `action` on the data of unit `target`: resolves when it does (writing nothing),
   * and otherwise audits the denied attempt (with `change`, what was attempted) and raises `ParAccessDeniedError`. For
   * a host that refuses an attempt on other grounds first (a lifecycle rule) and still owes the trail its denial.
   */
  authorize(action: StoreAction, target: string, change?: unknown): Promise<void>;
  /** Validates a whole workspace and writes it in one transaction (all or nothing) into an empty store. */
  importWorkspace(docs: unknown): Promise<ImportSummary>;
  /**
   * The workspace as documents: everything public (units, frameworks, directives), and the assessments and logs the
   * actor may read. `omit` leaves parts out (empty) that a reader does not need: `par score` reads no logs.
   */
  exportWorkspace(options?: { readonly omit?: readonly ('assessments' | 'directives' | 'lifecycleLogs')[] }): Promise<WorkspaceDocuments>;
  /** Starts an assignment's lifecycle (the issuer issues it). */
  registerAssignment(input: unknown): Promise<void>;
  /** An assessment with its version, or undefined (refused when the actor may not read the unit). */
  loadAssessment(unitId: string, frameworkId: string, period: string): Promise<StoredAssessment | undefined>;
  /**
   * The parsed assessments the actor may read (of one period, of one framework, or all), in the order they were
   * written: each from its compact form kept beside its document (checked again by `unpackAssessment`, and naming its
   * row's unit, framework, period and status), or parsed from its document when it has none (rows written before
   * migration 0004, or whose document was changed by hand) or it is refused. A stored document that does not parse,
   * or names another row, throws `ParValidationError` with every problem under its row's unit, framework and period.
   */
  loadAssessments(filter?: { readonly period?: string; readonly frameworkId?: string }): Promise<readonly Assessment[]>;
  /**
   * Saves an assessment if it is at `expectedVersion` (0 for a new one), through `updateAssessment`'s stage rules;
   * compared entry by entry with the stored version, a change of appraisal rounds or imported (survey, leadership)
   * points, or a move into appraisal, appraised or published, needs `assessment.appraise`; a change of the unit's own
   * parts (self scores, N/A declarations, explanations, evidence, a move to submitted or explained) needs
   * `assessment.self`; a save that changes both needs both. Returns the new version.
   */
  saveAssessment(input: unknown, expectedVersion: number): Promise<number>;
  /** The policy in force and its version (0: the default policy). */
  policy(): Promise<{ readonly policy: Policy; readonly version: number }>;
  /** Replaces the policy if it is at `expectedVersion`; returns the new version. */
  setPolicy(policy: unknown, expectedVersion: number): Promise<number>;
  /** Records a check or metrics run with what it produced; returns the run's id. */
  recordRun(run: { readonly kind: string; readonly period: string; readonly findings: readonly unknown[]; readonly metrics: readonly Metric[] }): Promise<number>;
  /**
   * Stores a plugin record after the plugin's zod schema accepted its data; returns its id. Given the loaded plugin
   * (a `ParPluginV1`), the schema is its `configSchema` (a plugin keeps its records in its options document) and the
   * record must name the plugin and its version; given a zod schema, that schema. The data is kept as given.
   */
  putPluginRecord(record: PluginRecordInput, schema: z.ZodType | ParPluginV1): Promise<number>;
}

/** A loaded plugin (rather than a zod schema), told apart by its contract version. */
const isPlugin = (x: z.ZodType | ParPluginV1): x is ParPluginV1 => (x as Partial<ParPluginV1>).specificationVersion === 'v1';

const ActorSchema = z.strictObject({ unitId: z.string().min(1), role: z.string().min(1), person: z.string().min(1).optional() });
const InstantSchema = z.custom<Date>((d) => d instanceof Date && Number.isFinite(d.getTime()), 'Expected a valid Date');
const VersionSchema = z.int().min(0);

/**
 * Opens the store a resolved configuration names (`resolveStoreConfig`). Throws `StoreUnavailableError` (one
 * line) when the database cannot be reached. Run `migrate()` once before the first session.
 */
export async function openStore(config: ResolvedStoreConfig): Promise<ParStore> {
  const db = await connect(config);
  let registry: UnitRegistry | undefined;

  const loadRegistry = async (): Promise<UnitRegistry> => {
    if (registry) return registry;
    const kinds = await db.selectFrom('settings').select('doc').where('key', '=', 'unitKinds').executeTakeFirst();
    const units = (await db.selectFrom('units').select('doc').orderBy('position').execute()).map((r) => r.doc);
    const changes = (await db.selectFrom('unit_changes').select('doc').orderBy('position').execute()).map((r) => r.doc);
    const built = createUnitRegistry({ ...(kinds ? { kinds: kinds.doc } : {}), units }, { changes });
    if (units.length > 0) registry = built;
    return built;
  };
  const loadPolicy = async (q: Kysely<Database> | Transaction<Database>) => {
    const row = await q.selectFrom('policy').select(['doc', 'version']).where('id', '=', 1).executeTakeFirst();
    return row ? { policy: parsePolicy(row.doc), version: row.version } : { policy: DEFAULT_POLICY, version: 0 };
  };
  const loadFramework = async (id: string): Promise<Framework | undefined> => {
    const row = await db.selectFrom('frameworks').select(['doc', 'base_id']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    if (row.base_id === null) return parseFramework(row.doc);
    const base = await loadFramework(row.base_id);
    return base && deriveFramework(base, row.doc);
  };

  const session = (actorInput: StoreActor, now: Date): StoreSession => {
    const actor = parseWithSchema('store actor', ActorSchema, actorInput);
    parseWithSchema('session time', InstantSchema, now);
    const at = now.toISOString();
    const day = toVietnamTime(now).date;

    /** Refuses, and audits the refusal, unless every (action, target) pair is allowed. */
    const allow = async (checks: readonly { action: StoreAction; target: string | undefined }[], change: unknown, reg?: UnitRegistry): Promise<void> => {
      const units = reg ?? (await loadRegistry());
      const { policy } = await loadPolicy(db);
      const denied = checks.find((c) => !isAllowed(policy, units, actor, c.action, c.target, day));
      if (denied) {
        const seq = await db.transaction().execute((trx) => appendAudit(trx, at, actor, denied.action, denied.target, false, change));
        throw new ParAccessDeniedError(denied.action, actor, denied.target, seq);
      }
    };
    /** {@link allow}, then runs `body` with its audit entry in one transaction. */
    const write = async <T>(checks: readonly { action: StoreAction; target: string | undefined }[], change: unknown, body: (trx: Transaction<Database>) => Promise<T>, reg?: UnitRegistry): Promise<T> => {
      await allow(checks, change, reg);
      const first = checks[0]!;
      return db.transaction().execute(async (trx) => {
        await appendAudit(trx, at, actor, checks.map((c) => c.action).filter((a, i, all) => all.indexOf(a) === i).join(' '), first.target, true, change);
        return body(trx);
      });
    };
    const mayRead = async (...targets: string[]) => {
      const units = await loadRegistry();
      const { policy } = await loadPolicy(db);
      return targets.some((t) => isAllowed(policy, units, actor, 'read', t, day));
    };
    const denyRead = (target: string) => {
      throw new ParAccessDeniedError('read', actor, target, undefined);
    };

    const lifecycle = lifecycleAdapter({ db, actor, write, mayRead, denyRead });

    return {
      lifecycle,
      async authorize(action, target, change) {
        const args = parseWithSchema('arguments of authorize', AuthorizeArgumentsSchema, { action, target });
        await allow([{ action: args.action, target: args.target }], change ?? { attempt: args.action });
      },
      async importWorkspace(input) {
        // everything is checked before the first write but the logs' entries, which are checked as they are written
        // (the database takes each batch while the next is checked); a problem among them stops the writing, the rest
        // are still checked, and the transaction is rolled back with every problem named
        const { issues, parsed: ws, entriesOf } = checkWorkspaceDocuments(input);
        if (issues.items.length > 0) {
          [...ws.logs, ...ws.unwritable].forEach(entriesOf);
          throwInDocumentOrder(issues);
        }
        const { docs } = ws;
        const rawEntries = (i: number) => docs.lifecycleLogs[i]!.entries as LogEntry[];
        const summary: ImportSummary = {
          units: ws.registry.units.length,
          frameworks: ws.frameworks.length,
          assessments: ws.assessments.length,
          directives: ws.directives.length,
          assignments: ws.logs.length,
          logEntries: ws.logs.reduce((n, l) => n + rawEntries(l.index).length, 0),
        };
        let reached = 0;
        /** The log rows, each log's entries checked as they are reached and written as checked; none after a problem. */
        function* logRows() {
          for (; reached < ws.logs.length; reached++) {
            const l = ws.logs[reached]!;
            // the entries as checked (each value read once), not the given objects read again
            const checked = entriesOf(l);
            if (checked && issues.items.length === 0) for (const e of checked) yield { assignment_id: l.input.id, seq: e.seq, state: e.state, event: e.event };
          }
        }
        const result = await write([{ action: 'workspace.import', target: undefined }], { import: summary }, async (trx) => {
          const existing = await trx.selectFrom('units').select('id').limit(1).execute();
          if (existing.length > 0) throw new ParValidationError('workspace import', [{ path: [], code: 'store_not_empty', message: 'The store already holds a workspace: import into an empty database' }]);
          const unitsDoc = docs.units as { kinds?: unknown; units: Record<string, unknown>[] };
          if (unitsDoc.kinds !== undefined) await trx.insertInto('settings').values({ key: 'unitKinds', doc: json(unitsDoc.kinds) }).execute();
          await insertAll(trx, 'units', unitsDoc.units.map((u, position) => ({ id: u.id, position, kind: u.kind, parent_id: u.parentId ?? null, valid_from: u.validFrom, valid_to: u.validTo ?? null, doc: u })));
          const changes = ((docs.unitChanges ?? { changes: [] }) as { changes: Record<string, unknown>[] }).changes;
          await insertAll(trx, 'unit_changes', changes.map((c, position) => ({ id: c.id, position, doc: c })));
          await insertAll(trx, 'frameworks', ws.frameworks.map((f, position) => ({ id: f.framework.id, position, base_id: f.base ?? null, doc: f.doc })));
          await insertAll(trx, 'assessments', ws.assessments.map(({ assessment: a, doc }, position) => ({ unit_id: a.unitId, framework_id: a.framework.id, period: a.period, position, status: a.status, version: 1, doc, packed: storedPacked(a) })));
          // version 1 of each is what was just written (the store was empty): copied in the database, not sent twice
          await trx
            .insertInto('assessment_history')
            .columns(['unit_id', 'framework_id', 'period', 'version', 'status', 'at', 'doc'])
            .expression((q) => q.selectFrom('assessments').select(['unit_id', 'framework_id', 'period', 'version', 'status', sql<string>`${at}::text`.as('at'), 'doc']))
            .execute();
          await insertAll(trx, 'directive_documents', ws.directives.map(({ document: d, doc }, position) => ({ id: d.id, position, issuer_id: d.issuerId, doc: { ...doc, items: undefined } })));
          await insertAll(trx, 'directive_items', ws.directives.flatMap(({ document: d, doc }) => (doc.items as unknown[]).map((item, position) => ({ document_id: d.id, position, doc: item }))));
          await insertAll(trx, 'assignments', ws.logs.map((l, position) => ({ id: l.input.id, position, unit_id: l.input.unitId, issuer_id: l.input.issuerId, document_id: l.input.documentId, input: docs.lifecycleLogs[l.index]!.input })));
          try {
            await insertAll(trx, 'lifecycle_log', { count: summary.logEntries, rows: logRows() });
          } catch (e) {
            // the database refused a row (a text it cannot hold): the entries not yet reached are still checked, and
            // their problems, if any, are named rather than the database's error
            for (reached++; reached < ws.logs.length; reached++) entriesOf(ws.logs[reached]!);
            if (issues.items.length === 0) throw e;
          }
          throwInDocumentOrder(issues);
          await insertAll(trx, 'plugins', docs.plugins.map((p, position) => ({ package: p.package, position, options: p.options })));
          return summary;
        }, ws.registry);
        registry = undefined;
        return result;
      },
      async exportWorkspace(options = {}) {
        const { omit = [] } = parseWithSchema('export options', z.strictObject({ omit: z.array(z.enum(['assessments', 'directives', 'lifecycleLogs'])).optional() }), options);
        const units = await loadRegistry();
        const { policy } = await loadPolicy(db);
        const readable = (...ids: string[]) => ids.some((id) => isAllowed(policy, units, actor, 'read', id, day));
        const kinds = await db.selectFrom('settings').select('doc').where('key', '=', 'unitKinds').executeTakeFirst();
        const unitRows = await db.selectFrom('units').select('doc').orderBy('position').execute();
        const changes = await db.selectFrom('unit_changes').select('doc').orderBy('position').execute();
        const frameworks = await db.selectFrom('frameworks').select(['doc', 'base_id']).orderBy('position').execute();
        const part = <T>(name: (typeof omit)[number], rows: () => Promise<T[]>) => (omit.includes(name) ? Promise.resolve([]) : rows());
        const assessments = await part('assessments', () => db.selectFrom('assessments').select(['unit_id', 'doc']).orderBy('position').execute());
        const directives = await part('directives', () => db.selectFrom('directive_documents').select(['id', 'doc']).orderBy('position').execute());
        const items = await part('directives', () => db.selectFrom('directive_items').select(['document_id', 'doc']).orderBy('document_id').orderBy('position').execute());
        const assignments = await part('lifecycleLogs', () => db.selectFrom('assignments').select(['id', 'unit_id', 'issuer_id', 'input']).orderBy('position').execute());
        const log = await part('lifecycleLogs', () => db.selectFrom('lifecycle_log').select(['assignment_id', 'seq', 'state', 'event']).orderBy('assignment_id').orderBy('seq').execute());
        const plugins = await db.selectFrom('plugins').select(['package', 'options']).orderBy('position').execute();
        const entries = new Map<string, LogEntry[]>();
        for (const r of log) {
          if (!entries.has(r.assignment_id)) entries.set(r.assignment_id, []);
          entries.get(r.assignment_id)!.push({ assignmentId: r.assignment_id, seq: r.seq, event: r.event, state: r.state } as LogEntry);
        }
        return {
          units: { ...(kinds ? { kinds: kinds.doc } : {}), units: unitRows.map((r) => r.doc) },
          ...(changes.length > 0 ? { unitChanges: { changes: changes.map((r) => r.doc) } } : {}),
          frameworks: frameworks.filter((f) => f.base_id === null).map((f) => f.doc),
          derivations: frameworks.filter((f) => f.base_id !== null).map((f) => ({ base: f.base_id!, doc: f.doc })),
          assessments: assessments.filter((a) => readable(a.unit_id)).map((a) => a.doc),
          directives: directives.map((d) => ({ ...(d.doc as object), items: items.filter((i) => i.document_id === d.id).map((i) => i.doc) })),
          lifecycleLogs: assignments.filter((a) => readable(a.unit_id, a.issuer_id)).map((a) => ({ input: a.input, entries: entries.get(a.id) ?? [] })),
          plugins: plugins.map((p) => ({ package: p.package, options: p.options })),
        };
      },
      async registerAssignment(input) {
        const parsed = parseWithSchema('assignment', AssignmentInputSchema, input);
        await write([{ action: 'directive.issue', target: parsed.issuerId }], { register: input }, async (trx) => {
          const position = await trx.selectFrom('assignments').select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('p')).executeTakeFirstOrThrow();
          try {
            await trx.insertInto('assignments').values({ id: parsed.id, position: position.p, unit_id: parsed.unitId, issuer_id: parsed.issuerId, document_id: parsed.documentId, input: json(input) }).execute();
          } catch (e) {
            if (isUniqueViolation(e)) throw new ParValidationError('assignment', [{ path: ['id'], code: 'duplicate_assignment', message: `Assignment "${parsed.id}" is already registered` }]);
            throw e;
          }
        });
      },
      async loadAssessment(unitId, frameworkId, period) {
        parseWithSchema('arguments of loadAssessment', z.strictObject({ unitId: z.string().min(1), frameworkId: z.string().min(1), period: z.string().min(1) }), { unitId, frameworkId, period });
        if (!(await mayRead(unitId))) denyRead(unitId);
        const row = await db.selectFrom('assessments').select(['doc', 'version']).where('unit_id', '=', unitId).where('framework_id', '=', frameworkId).where('period', '=', period).executeTakeFirst();
        return row && { doc: row.doc, version: row.version };
      },
      async loadAssessments(filter = {}) {
        const { period, frameworkId } = parseWithSchema('assessments filter', z.strictObject({ period: PeriodSchema.optional(), frameworkId: z.string().min(1).optional() }), filter);
        const units = await loadRegistry();
        const { policy } = await loadPolicy(db);
        let q = db.selectFrom('assessments').select(['unit_id', 'framework_id', 'period', 'status', 'packed']);
        if (period !== undefined) q = q.where('period', '=', period);
        if (frameworkId !== undefined) q = q.where('framework_id', '=', frameworkId);
        const rows = await q.orderBy('position').execute();
        const frameworks = new Map<string, Framework>();
        const out: Assessment[] = [];
        // an assessment is its row's only if it names the row's unit, framework, period and status
        type Row = { unit_id: string; framework_id: string; period: string; status: string };
        const ofRow = (a: Assessment, r: Row) => a.unitId === r.unit_id && a.framework.id === r.framework_id && a.period === r.period && a.status === r.status;
        // the rows whose compact form is missing or refused: parsed from their documents, read afterwards
        const fromDocs = new Map<string, { at: number; framework: Framework; row: Row }>();
        const key = (r: Row) => JSON.stringify([r.unit_id, r.framework_id, r.period]);
        for (const r of rows) {
          if (!isAllowed(policy, units, actor, 'read', r.unit_id, day)) continue;
          let framework = frameworks.get(r.framework_id);
          if (!framework) frameworks.set(r.framework_id, (framework = (await loadFramework(r.framework_id))!));
          const a = r.packed === null ? undefined : fromStoredPacked(r.packed, framework);
          if (!a || !ofRow(a, r)) fromDocs.set(key(r), { at: out.length, framework, row: r });
          out.push(a!);
        }
        if (fromDocs.size === 0) return out;
        // a stored document that does not parse, or names another row, is named by its row: unit, framework, period
        const problems: ParIssue[] = [];
        const ids = [...new Set([...fromDocs.values()].map((w) => w.row.unit_id))];
        // a thousand units a query: a store migrated from 0003 reads every document this way, and a statement takes at
        // most 65,535 parameters
        const docs = [];
        for (let k = 0; k < ids.length; k += 1_000) docs.push(...(await db.selectFrom('assessments').select(['unit_id', 'framework_id', 'period', 'doc']).where('unit_id', 'in', ids.slice(k, k + 1_000)).execute()));
        for (const r of docs) {
          const wanted = fromDocs.get(key({ ...r, status: '' }));
          if (!wanted) continue;
          const at = [r.unit_id, r.framework_id, r.period];
          try {
            const a = parseAssessment(r.doc, wanted.framework);
            if (ofRow(a, wanted.row)) out[wanted.at] = a;
            else problems.push({ path: at, code: 'row_mismatch', message: `The stored document is ${a.unitId}/${a.framework.id}/${a.period} (${a.status}), not its row's ${at.join('/')} (${wanted.row.status})` });
          } catch (e) {
            if (!ParValidationError.isInstance(e)) throw e;
            for (const issue of e.issues) problems.push({ ...issue, path: [...at, ...issue.path] });
          }
        }
        if (problems.length > 0) throw new ParValidationError('stored assessments', problems);
        return out;
      },
      async saveAssessment(input, expectedVersion) {
        parseWithSchema('expected version', VersionSchema, expectedVersion);
        const id = (input as { framework?: { id?: unknown } } | null)?.framework?.id;
        const framework = typeof id === 'string' ? await loadFramework(id) : undefined;
        if (!framework) throw new ParValidationError('assessment', [{ path: ['framework', 'id'], code: 'unknown_framework', message: `No framework "${String(id)}" in the store` }]);
        const after = parseAssessment(input, framework);
        const key = [after.unitId, after.framework.id, after.period] as const;
        const row = await db.selectFrom('assessments').select(['doc', 'version']).where('unit_id', '=', key[0]).where('framework_id', '=', key[1]).where('period', '=', key[2]).executeTakeFirst();
        const before = row ? parseAssessment(row.doc, framework) : undefined;
        if (before) updateAssessment(before, input, framework); // refuses a change its stage does not allow
        const version = expectedVersion + 1;
        const name = `assessment ${key.join('/')}`;
        return write(assessmentActions(before, after).map((action) => ({ action, target: after.unitId })), { assessment: key, version, doc: input }, async (trx) => {
          const current = await trx.selectFrom('assessments').select('version').where('unit_id', '=', key[0]).where('framework_id', '=', key[1]).where('period', '=', key[2]).executeTakeFirst();
          if ((current?.version ?? 0) !== expectedVersion || (current?.version ?? 0) !== (row?.version ?? 0)) throw new ParConflictError(name, expectedVersion, current?.version ?? 0);
          const compact = storedPacked(after);
          const packed = compact === null ? null : json(compact);
          if (current) await trx.updateTable('assessments').set({ doc: json(input), packed, status: after.status, version }).where('unit_id', '=', key[0]).where('framework_id', '=', key[1]).where('period', '=', key[2]).execute();
          else {
            const { p } = await trx.selectFrom('assessments').select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('p')).executeTakeFirstOrThrow();
            await trx.insertInto('assessments').values({ unit_id: key[0], framework_id: key[1], period: key[2], position: p, status: after.status, version, doc: json(input), packed }).execute();
          }
          await trx.insertInto('assessment_history').values({ unit_id: key[0], framework_id: key[1], period: key[2], version, status: after.status, at, doc: json(input) }).execute();
          return version;
        }).catch((e: unknown) => {
          if (isUniqueViolation(e)) throw new ParConflictError(name, expectedVersion, expectedVersion + 1);
          throw e;
        });
      },
      policy: () => loadPolicy(db),
      async setPolicy(input, expectedVersion) {
        const policy = parsePolicy(input);
        parseWithSchema('expected version', VersionSchema, expectedVersion);
        return write([{ action: 'policy.write', target: undefined }], { policy }, async (trx) => {
          const { version } = await loadPolicy(trx);
          if (version !== expectedVersion) throw new ParConflictError('policy', expectedVersion, version);
          if (version === 0) await trx.insertInto('policy').values({ id: 1, version: 1, doc: json(policy) }).execute();
          else await trx.updateTable('policy').set({ version: version + 1, doc: json(policy) }).where('id', '=', 1).execute();
          return version + 1;
        });
      },
      async recordRun(input) {
        const run = parseWithSchema(
          'run',
          z.strictObject({ kind: z.string().min(1), period: z.string().min(1), findings: z.array(z.looseObject({ ...FindingInputSchema.shape, id: z.string().min(1), plugin: z.string().min(1) })), metrics: z.array(MetricSchema) }),
          input,
        );
        return write([{ action: 'run.record', target: undefined }], { run: { kind: run.kind, period: run.period, findings: run.findings.length, metrics: run.metrics.length } }, async (trx) => {
          const { id } = await trx.insertInto('runs').values({ kind: run.kind, period: run.period, at, actor: json(actor) }).returning('id').executeTakeFirstOrThrow();
          await insertAll(trx, 'findings', input.findings.map((doc, position) => ({ run_id: id, position, doc })));
          await insertAll(trx, 'metrics', run.metrics.map((m, position) => ({ run_id: id, position, metric_id: m.metricId, unit_id: m.unitId, period: m.period, doc: m })));
          return id;
        });
      },
      async putPluginRecord(input, schema) {
        const record = parseWithSchema('plugin record', z.strictObject({ plugin: z.string().min(1), schemaId: z.string().min(1), schemaVersion: z.string().min(1), unitId: z.string().min(1).optional(), period: z.string().min(1).optional(), data: z.unknown() }), input);
        const name = `${record.plugin} record ${record.schemaId}@${record.schemaVersion}`;
        if (isPlugin(schema)) {
          const issues = new IssueList();
          if (record.plugin !== schema.name) issues.add(['plugin'], 'wrong_plugin', `The record names plugin "${record.plugin}", but the plugin given is "${schema.name}"`);
          if (record.schemaVersion !== schema.version) issues.add(['schemaVersion'], 'wrong_version', `The record names version ${record.schemaVersion}, but the plugin given is at ${schema.version}`);
          issues.throwIfAny(name);
        }
        parseWithSchema(name, isPlugin(schema) ? schema.configSchema : schema, record.data);
        return write([{ action: 'run.record', target: undefined }], { pluginRecord: record }, async (trx) => {
          const row = await trx
            .insertInto('plugin_records')
            .values({ plugin: record.plugin, schema_id: record.schemaId, schema_version: record.schemaVersion, unit_id: record.unitId ?? null, period: record.period ?? null, doc: json(record.data) })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        });
      },
    };
  };

  return {
    engine: config.kind,
    db,
    migrate: () => migrate(db),
    async pendingMigrations() {
      const exists = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'kysely_migration'`.execute(db);
      const done = exists.rows[0]!.n > 0 ? (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name) : [];
      return Object.keys(MIGRATIONS).filter((m) => !done.includes(m));
    },
    session,
    verify: () => verifyChain(db),
    close: () => db.destroy(),
  };
}
