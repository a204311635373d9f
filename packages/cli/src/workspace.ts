import { dirname, relative, resolve } from 'node:path';
import { z } from 'zod';
import { parseWithSchema, ParValidationError, periodRange, type ParIssue } from '@par/calendar';
import {
  createPar,
  createUnitRegistry,
  deriveFramework,
  isParsed,
  parseAssessment,
  parseAssessmentsJson,
  parseDirectiveDocument,
  parseFramework,
  type Assessment,
  type AssessmentsJson,
  type DirectiveDocument,
  type Framework,
  type Par,
  type ParPluginV1,
  type UnitRegistry,
} from '@par/core';
import type { AssignmentInput, LogEntry } from '@par/lifecycle';
import { checkLoadWorkspaceArguments } from './arguments.js';
import { readBinary, readJson, UnreadableFile } from './files.js';
import { findPlugin, loadPlugin, optionsProblems, PluginNameSchema, type PluginPackage } from './plugins.js';

/** Zod schema for `par.config.json`: where a workspace's files are. */
export const WorkspaceConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  units: z.string().min(1),
  unitChanges: z.string().min(1).optional(),
  frameworks: z.array(z.string().min(1)).default([]),
  derivations: z.array(z.strictObject({ base: z.string().min(1), file: z.string().min(1) })).default([]),
  assessments: z.array(z.string().min(1)).default([]),
  directives: z.array(z.string().min(1)).default([]),
  lifecycleLogs: z.array(z.string().min(1)).default([]),
  /** Plugins by package name (a dependency of the project, never a path), each with its options file. */
  plugins: z.array(z.strictObject({ package: PluginNameSchema, options: z.string().min(1) })).default([]),
});

/** The workspace configuration. */
export type WorkspaceConfig = z.output<typeof WorkspaceConfigSchema>;

/** A problem in one file of the workspace. */
export interface FileProblem {
  readonly file: string;
  readonly issue: ParIssue;
}

/** A checked lifecycle log file: each lifecycle's start and its accepted events. */
export type LogFile = { readonly input: AssignmentInput; readonly entries: LogEntry[] }[];

/**
 * The check of a lifecycle log file (`@par/lifecycle` is loaded only for the commands that read logs): each
 * lifecycle's start and its accepted events, as the file's schema gives them, or a `ParValidationError` naming every
 * problem by path. A file of the common shape (a list of objects of exactly an input and a list of entries) has its
 * entries checked by `parseLogEntries`' quick path, which gives what the schema gives; any problem, and anything else,
 * goes through the whole file's schema, which names them all in its order. For plain data, as `JSON.parse` and a store
 * give it (a getter would be read again by the schema).
 */
export async function logFileParser(): Promise<(raw: unknown) => LogFile> {
  const { AssignmentInputSchema, LogEntrySchema, parseLogEntries } = await import('@par/lifecycle');
  const schema = z.array(z.strictObject({ input: AssignmentInputSchema, entries: z.array(LogEntrySchema) }));
  const quick = (raw: unknown): LogFile | undefined => {
    if (!Array.isArray(raw)) return undefined;
    const logs: LogFile = [];
    // by index, as the schema reads a list; own keys counted, hidden ones too (an extra key beside a hidden one is the
    // schema's to name)
    for (let i = 0; i < raw.length; i++) {
      const log: unknown = raw[i];
      if (typeof log !== 'object' || log === null || Object.getPrototypeOf(log) !== Object.prototype) return undefined;
      const { input: rawInput, entries } = log as { input?: unknown; entries?: unknown };
      if (Object.getOwnPropertyNames(log).length !== 2 || !Object.hasOwn(log, 'input') || !Array.isArray(entries)) return undefined;
      const input = AssignmentInputSchema.safeParse(rawInput);
      if (!input.success) return undefined;
      try {
        logs.push({ input: input.data, entries: parseLogEntries(entries) });
      } catch (e) {
        if (ParValidationError.isInstance(e)) return undefined;
        throw e;
      }
    }
    return logs;
  };
  return (raw) => quick(raw) ?? parseWithSchema('lifecycle log', schema, raw);
}

/** Everything in a workspace, validated; or the problems found, file by file. */
export interface Workspace {
  readonly dir: string;
  readonly registry: UnitRegistry;
  readonly frameworks: ReadonlyMap<string, Framework>;
  /** Assessments by period. */
  readonly assessments: ReadonlyMap<string, readonly Assessment[]>;
  readonly directives: readonly DirectiveDocument[];
  readonly logs: readonly { readonly input: AssignmentInput; readonly entries: readonly LogEntry[] }[];
  /** The plugins' package names, as configured. */
  readonly pluginNames: readonly string[];
  /** The plugin host, when the workspace was loaded with `{ plugins: true }`. */
  readonly par?: Par;
}

/** Thrown when workspace files are invalid: every problem, file by file. */
export class WorkspaceError extends Error {
  /** Builds it from the problems. */
  constructor(readonly problems: readonly FileProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the workspace`);
    this.name = 'WorkspaceError';
  }
}

/** Options of {@link loadWorkspace}. */
export interface LoadOptions {
  /**
   * Load the plugins (import their packages and run their factories): only the commands that run checks do.
   * Without it, each plugin is found and its options checked against the JSON Schema it ships; no plugin code runs.
   */
  readonly plugins?: boolean;
  /** How long loading one plugin may take, in milliseconds. Default 10,000. */
  readonly pluginTimeoutMs?: number;
  /**
   * The parts to read besides the units and frameworks (default: all): a command reads only what it uses, so that
   * `par score` neither reads the directives nor checks the plugins' options. A part left out is empty in the result.
   */
  readonly parts?: readonly WorkspacePart[];
}

/** A part of a workspace besides its units and frameworks: the assessments, the directives with their lifecycle logs, the plugins. */
export type WorkspacePart = 'assessments' | 'directives' | 'plugins';

/** Stands for a file that could not be read (its problem is recorded). */
const UNREADABLE = Symbol('unreadable');

/**
 * Reads and validates every file of a workspace; collects every problem before failing. Files are read with
 * `readJson`: regular files inside the workspace folder, within a size limit, UTF-8.
 */
export async function loadWorkspace(configPath: string, options: LoadOptions = {}): Promise<Workspace> {
  checkLoadWorkspaceArguments(configPath, options);
  return buildWorkspace(configPath, options, readJson, undefined, readBinary);
}

/**
 * {@link loadWorkspace} with its documents read by `readDocument` (`readJson`'s signature; it throws
 * `UnreadableFile` for a missing one): a store hands over the documents it holds without writing them to files, and
 * in `parsed` the assessments it already parsed, by file. `readAssessments` (`readBinary`'s signature), when given,
 * reads the assessment files, the bulk of a workspace, as binary strings for `parseAssessmentsJson`.
 */
export async function buildWorkspace(
  configPath: string,
  options: LoadOptions,
  readDocument: typeof readJson,
  parsed?: ReadonlyMap<string, readonly Assessment[]>,
  readAssessments?: typeof readBinary,
): Promise<Workspace> {
  const dir = dirname(resolve(configPath));
  const problems: FileProblem[] = [];
  const fail = (file: string, path: readonly (string | number)[], code: string, message: string) => problems.push({ file, issue: { path, code, message } });
  /** What `reader` gives for a file, or {@link UNREADABLE} (its problem recorded). */
  const readWith = <T>(file: string, reader: () => T): T | typeof UNREADABLE => {
    try {
      return reader();
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      fail(file, [], e.code, e.message);
      return UNREADABLE;
    }
  };
  const read = (file: string, outside = false) => readWith(file, () => readDocument(dir, file, { outside }));
  const attempt = <T>(file: string, fn: () => T, prefix: readonly (string | number)[] = []): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (ParValidationError.isInstance(e)) for (const issue of e.issues) fail(file, [...prefix, ...issue.path], issue.code, issue.message);
      else fail(file, prefix, 'invalid', e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
  /** Reads a file and parses it, unless it could not be read. */
  const load = <T>(file: string, parse: (raw: unknown) => T): T | undefined => {
    const raw = read(file);
    return raw === UNREADABLE ? undefined : attempt(file, () => parse(raw));
  };
  const configFile = relative(dir, resolve(configPath)) || '.';
  const configRaw = read(configFile, true);
  const config = configRaw === UNREADABLE ? undefined : attempt(configFile, () => parseWithSchema('workspace config', WorkspaceConfigSchema, configRaw));
  if (!config) throw new WorkspaceError(problems);

  const unitsRaw = read(config.units);
  const changesRaw = config.unitChanges ? read(config.unitChanges) : { changes: [] };
  const registry = unitsRaw === UNREADABLE || changesRaw === UNREADABLE ? undefined : attempt(config.units, () => createUnitRegistry(unitsRaw, changesRaw));
  const frameworks = new Map<string, Framework>();
  const byFile = new Map<string, Framework>();
  for (const file of config.frameworks) {
    const f = load(file, (raw) => parseFramework(raw));
    if (f) {
      frameworks.set(f.id, f);
      byFile.set(file, f);
    }
  }
  for (const d of config.derivations) {
    const base = byFile.get(d.base);
    if (!base) continue;
    const f = load(d.file, (raw) => deriveFramework(base, raw));
    if (f) frameworks.set(f.id, f);
  }
  const assessments = new Map<string, Assessment[]>();
  const seen = new Map<string, { readonly file: string; readonly at: readonly (string | number)[] }>();
  const ranges = new Map<string, ReturnType<typeof periodRange>>();
  const rangeOf = (period: string) => ranges.get(period) ?? ranges.set(period, periodRange(period)).get(period)!;
  const parts = new Set<WorkspacePart>(options.parts ?? ['assessments', 'directives', 'plugins']);
  if (options.plugins) parts.add('plugins');
  /** A file's assessments, each parsed when asked: from its text, from the document read, or as a store parsed them. */
  const assessmentsIn = (file: string): AssessmentsJson | undefined => {
    if (readAssessments && !parsed?.has(file)) {
      const text = readWith(file, () => readAssessments(dir, file));
      return text === UNREADABLE ? undefined : attempt(file, () => parseAssessmentsJson(text, { binary: true }));
    }
    const raw = parsed?.get(file) ?? read(file);
    if (raw === UNREADABLE) return undefined;
    const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    return {
      list: Array.isArray(raw),
      length: list.length,
      frameworkId: (i) => (list[i] as { framework?: { id?: unknown } } | undefined)?.framework?.id,
      // already parsed (a store's, checked as it left the database), or parsed here
      parse: (i, framework) => (isParsed(list[i]) ? (list[i] as Assessment) : parseAssessment(list[i], framework)),
    };
  };
  for (const file of parts.has('assessments') ? config.assessments : []) {
    const doc = assessmentsIn(file);
    if (!doc) continue;
    for (let i = 0; i < doc.length; i++) {
      const at: (string | number)[] = doc.list ? [i] : [];
      const id = doc.frameworkId(i);
      const framework = typeof id === 'string' ? frameworks.get(id) : undefined;
      if (!framework) {
        fail(file, [...at, 'framework', 'id'], 'unknown_framework', id === undefined ? 'The assessment names no framework' : `No framework "${String(id)}" in the workspace`);
        continue;
      }
      const parsed = attempt(file, () => doc.parse(i, framework), at);
      if (!parsed) continue;
      // ids and periods hold no line break (their schemas): the three joined by one are a key
      const key = `${parsed.unitId}\n${parsed.framework.id}\n${parsed.period}`;
      const first = seen.get(key);
      const unit = registry?.get(parsed.unitId);
      const { start, end } = rangeOf(parsed.period);
      if (first !== undefined) fail(file, [...at, 'unitId'], 'duplicate_assessment', `${parsed.unitId} is assessed twice against ${parsed.framework.id} for ${parsed.period}: here and at ${first.file}${first.at.length > 0 ? `[${first.at[0]}]` : ''}`);
      else if (registry && !unit) fail(file, [...at, 'unitId'], 'unknown_unit', `Unit "${parsed.unitId}" is not in the unit registry`);
      else if (unit && (unit.validFrom > end || (unit.validTo !== undefined && unit.validTo < start))) {
        fail(file, [...at, 'unitId'], 'unit_not_in_period', `Unit "${parsed.unitId}" exists from ${unit.validFrom}${unit.validTo ? ` to ${unit.validTo}` : ''}, not in ${parsed.period}`);
      } else {
        seen.set(key, { file, at });
        assessments.set(parsed.period, assessments.get(parsed.period) ?? []);
        assessments.get(parsed.period)!.push(parsed);
      }
    }
  }
  const directives = parts.has('directives') ? config.directives.flatMap((file) => load(file, (raw) => parseDirectiveDocument(raw)) ?? []) : [];
  const parseLogFile = parts.has('directives') && config.lifecycleLogs.length > 0 ? await logFileParser() : undefined;
  const logs = parseLogFile ? config.lifecycleLogs.flatMap((file) => load(file, parseLogFile) ?? []) : [];
  const plugins: ParPluginV1[] = [];
  for (const [i, p] of parts.has('plugins') ? config.plugins.entries() : []) {
    let found: PluginPackage;
    try {
      found = findPlugin(dir, p.package);
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      fail(configFile, ['plugins', i, 'package'], e.code, e.message);
      continue;
    }
    const pluginOptions = read(p.options);
    if (pluginOptions === UNREADABLE) continue;
    const wrong = optionsProblems(found, pluginOptions);
    for (const issue of wrong) fail(p.options, issue.path, issue.code, issue.message);
    if (wrong.length > 0 || !options.plugins) continue;
    try {
      plugins.push(await loadPlugin(found, pluginOptions, options.pluginTimeoutMs));
    } catch (e) {
      if (e instanceof UnreadableFile) fail(configFile, ['plugins', i, 'package'], e.code, e.message);
      else if (ParValidationError.isInstance(e)) for (const issue of e.issues) fail(p.options, issue.path, issue.code, issue.message);
      else fail(p.options, [], 'plugin_failed', `Plugin "${p.package}" failed on its options: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const par = options.plugins ? attempt(configFile, () => createPar({ plugins })) : undefined;
  if (problems.length > 0 || !registry || (options.plugins && !par)) throw new WorkspaceError(problems);
  return { dir, registry, frameworks, assessments, directives, logs, pluginNames: config.plugins.map((p) => p.package), ...(par ? { par } : {}) };
}
