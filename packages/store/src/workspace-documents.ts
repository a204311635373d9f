import { z } from 'zod';
import { IssueList, ParValidationError, parseWithSchema, type ParIssue } from '@par/calendar';
import { createUnitRegistry, deriveFramework, parseAssessment, parseDirectiveDocument, parseFramework, type Assessment, type DirectiveDocument, type Framework, type UnitRegistry } from '@par/core';
import { AssignmentInputSchema, parseLogEntries, type AssignmentInput, type LogEntry } from '@par/lifecycle';

/**
 * A workspace as documents, the way its files hold them: what `importWorkspace` takes and `exportWorkspace`
 * gives back. Each document is kept as it was given (after it passed its schema), so that exporting gives the
 * same documents again.
 */
export const WorkspaceDocumentsSchema = z.strictObject({
  /** The units document (`{ kinds?, units }`). */
  units: z.unknown(),
  /** The unit changes document (`{ changes }`), if any. */
  unitChanges: z.unknown().optional(),
  /** Framework documents. */
  frameworks: z.array(z.unknown()),
  /** Framework derivations, each with the id of the framework it derives from. */
  derivations: z.array(z.strictObject({ base: z.string().min(1), doc: z.unknown() })),
  assessments: z.array(z.unknown()),
  directives: z.array(z.unknown()),
  /** Each lifecycle's start and its accepted events. */
  lifecycleLogs: z.array(z.strictObject({ input: z.unknown(), entries: z.array(z.unknown()) })),
  /** Plugins by package name, with their options document (checked by the host against the plugin's schema). */
  plugins: z.array(z.strictObject({ package: z.string().min(1), options: z.unknown() })),
});

/** A workspace as documents. */
export interface WorkspaceDocuments extends z.output<typeof WorkspaceDocumentsSchema> {}

/** A workspace's documents, parsed: what the store writes. */
export interface ParsedWorkspace {
  readonly docs: WorkspaceDocuments;
  readonly registry: UnitRegistry;
  /** Base frameworks and derived ones, in the order given. */
  readonly frameworks: readonly { readonly framework: Framework; readonly base?: string; readonly doc: unknown }[];
  readonly assessments: readonly { readonly assessment: Assessment; readonly doc: unknown }[];
  readonly directives: readonly { readonly document: DirectiveDocument; readonly doc: Record<string, unknown> }[];
  readonly logs: readonly { readonly input: AssignmentInput; readonly entries: readonly LogEntry[] }[];
}

/** Runs `fn`, recording its `ParValidationError` issues under `prefix`; undefined when it failed. */
function attempt<T>(issues: IssueList, prefix: readonly (string | number)[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    for (const i of e.issues as readonly ParIssue[]) issues.add([...prefix, ...i.path], i.code, i.message);
    return undefined;
  }
}

/** A workspace checked but for its logs' entries, which {@link CheckedWorkspace.entriesOf} checks one log at a time. */
export interface CheckedWorkspace {
  /** The problems found so far. */
  readonly issues: IssueList;
  /**
   * Everything parsed, and each log's input; `unwritable` holds the logs that cannot be written (an input with a
   * problem, or one that repeats another's), whose entries are still to be checked for their own problems.
   */
  readonly parsed: Omit<ParsedWorkspace, 'logs'> & { readonly logs: readonly Required<LogStart>[]; readonly unwritable: readonly LogStart[] };
  /** The entries of a log, checked (their problems recorded in `issues`): undefined when they have one. */
  entriesOf(log: LogStart): LogEntry[] | undefined;
}

/** A log of the workspace: where it is in `lifecycleLogs`, and its parsed input (none when the input has a problem). */
export interface LogStart {
  readonly index: number;
  readonly input?: AssignmentInput;
}

/** The sections of a workspace in their order, for its problems. */
const SECTIONS: readonly string[] = ['units', 'unitChanges', 'frameworks', 'derivations', 'assessments', 'directives', 'lifecycleLogs', 'plugins'];

/**
 * Throws a workspace's problems, if any, in the order of its documents: by section, then by position (a document's
 * own problems in the order found), whatever order they were found in.
 */
export function throwInDocumentOrder(issues: IssueList): void {
  const at = (i: ParIssue) => SECTIONS.indexOf(String(i.path[0])) * 2 ** 32 + (typeof i.path[1] === 'number' ? i.path[1] : 0);
  issues.items.sort((a, b) => at(a) - at(b));
  issues.throwIfAny('workspace documents');
}

/**
 * Validates every document of a workspace through the schemas of `@par/core` and `@par/lifecycle`, with the
 * cross-document rules a database keeps (an assessment names a framework and a unit of the workspace, once per
 * period; a log continues its sequence and belongs to its assignment; ids are unique). Throws one
 * `ParValidationError` naming every problem by path (`assessments[3].entries[0]...`).
 */
export function parseWorkspaceDocuments(input: unknown): ParsedWorkspace {
  const { issues, parsed, entriesOf } = checkWorkspaceDocuments(input);
  const logs = parsed.logs.map((l) => ({ input: l.input, entries: entriesOf(l) }));
  parsed.unwritable.forEach(entriesOf);
  throwInDocumentOrder(issues);
  return { ...parsed, logs: logs as ParsedWorkspace['logs'] };
}

/**
 * {@link parseWorkspaceDocuments} but for the logs' entries, the bulk of a large workspace: an import checks them as it
 * writes them, so that the database takes the rows while the next are checked. Throws what the schema of the whole
 * refuses; the other problems are in `issues`.
 */
export function checkWorkspaceDocuments(input: unknown): CheckedWorkspace {
  const docs = parseWithSchema('workspace documents', WorkspaceDocumentsSchema, input);
  const issues = new IssueList();
  const registry = attempt(issues, ['units'], () => createUnitRegistry(docs.units, docs.unitChanges ?? { changes: [] }));
  const frameworks: { framework: Framework; base?: string; doc: unknown }[] = [];
  const byId = new Map<string, Framework>();
  const add = (path: (string | number)[], f: Framework | undefined, doc: unknown, base?: string) => {
    if (!f) return;
    if (byId.has(f.id)) issues.add([...path, 'id'], 'duplicate_framework', `Framework "${f.id}" is given twice`);
    byId.set(f.id, f);
    frameworks.push({ framework: f, doc, ...(base === undefined ? {} : { base }) });
  };
  docs.frameworks.forEach((doc, i) => add(['frameworks', i], attempt(issues, ['frameworks', i], () => parseFramework(doc)), doc));
  docs.derivations.forEach((d, i) => {
    const base = byId.get(d.base);
    if (!base) return issues.add(['derivations', i, 'base'], 'unknown_framework', `No framework "${d.base}" to derive from`);
    add(['derivations', i, 'doc'], attempt(issues, ['derivations', i, 'doc'], () => deriveFramework(base, d.doc)), d.doc, d.base);
  });
  const assessments: { assessment: Assessment; doc: unknown }[] = [];
  const seen = new Set<string>();
  docs.assessments.forEach((doc, i) => {
    const id = (doc as { framework?: { id?: unknown } } | null)?.framework?.id;
    const framework = typeof id === 'string' ? byId.get(id) : undefined;
    if (!framework) return issues.add(['assessments', i, 'framework', 'id'], 'unknown_framework', `No framework "${String(id)}" in the workspace`);
    const a = attempt(issues, ['assessments', i], () => parseAssessment(doc, framework));
    if (!a) return;
    const key = JSON.stringify([a.unitId, a.framework.id, a.period]);
    if (seen.has(key)) issues.add(['assessments', i, 'unitId'], 'duplicate_assessment', `${a.unitId} is assessed twice against ${a.framework.id} for ${a.period}`);
    else if (registry && !registry.get(a.unitId)) issues.add(['assessments', i, 'unitId'], 'unknown_unit', `Unit "${a.unitId}" is not in the unit registry`);
    else assessments.push({ assessment: a, doc });
    seen.add(key);
  });
  const directives: { document: DirectiveDocument; doc: Record<string, unknown> }[] = [];
  docs.directives.forEach((doc, i) => {
    const d = attempt(issues, ['directives', i], () => parseDirectiveDocument(doc));
    if (!d) return;
    if (directives.some((x) => x.document.id === d.id)) issues.add(['directives', i, 'id'], 'duplicate_directive', `Directive "${d.id}" is given twice`);
    else directives.push({ document: d, doc: doc as Record<string, unknown> });
  });
  const logs: Required<LogStart>[] = [];
  const unwritable: LogStart[] = [];
  const assignments = new Set<string>();
  docs.lifecycleLogs.forEach((raw, i) => {
    const input = attempt(issues, ['lifecycleLogs', i, 'input'], () => parseWithSchema('assignment input', AssignmentInputSchema, raw.input));
    if (!input) return unwritable.push({ index: i });
    if (assignments.has(input.id)) {
      issues.add(['lifecycleLogs', i, 'input', 'id'], 'duplicate_assignment', `Assignment "${input.id}" has two logs`);
      return unwritable.push({ index: i, input });
    }
    assignments.add(input.id);
    logs.push({ index: i, input });
  });
  const entriesOf = ({ index: i, input }: LogStart): LogEntry[] | undefined => {
    const entries = attempt(issues, ['lifecycleLogs', i, 'entries'], () => parseLogEntries(docs.lifecycleLogs[i]!.entries));
    // without its input, a log's entries are checked against their schema only
    if (!entries || !input) return undefined;
    const before = issues.items.length;
    entries.forEach((e, j) => {
      if (e.assignmentId !== input.id) issues.add(['lifecycleLogs', i, 'entries', j, 'assignmentId'], 'wrong_assignment', `Entry belongs to "${e.assignmentId}", not "${input.id}"`);
      if (e.seq !== j + 1) issues.add(['lifecycleLogs', i, 'entries', j, 'seq'], 'bad_sequence', `Entry has seq ${e.seq} where ${j + 1} was expected`);
    });
    return issues.items.length === before ? entries : undefined;
  };
  const packages = new Set<string>();
  docs.plugins.forEach((p, i) => {
    if (packages.has(p.package)) issues.add(['plugins', i, 'package'], 'duplicate_plugin', `Plugin "${p.package}" is given twice`);
    packages.add(p.package);
  });
  return { issues, parsed: { docs, registry: registry!, frameworks, assessments, directives, logs, unwritable }, entriesOf };
}
