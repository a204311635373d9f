import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseWithSchema, ParValidationError, type ParIssue } from '@par/calendar';
import {
  createPar,
  createUnitRegistry,
  deriveFramework,
  parseAssessment,
  parseDirectiveDocument,
  parseFramework,
  type Assessment,
  type DirectiveDocument,
  type Framework,
  type Par,
  type ParPluginV1,
  type UnitRegistry,
} from '@par/core';
import { AssignmentInputSchema, LogEntrySchema, type AssignmentInput, type LogEntry } from '@par/lifecycle';

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
  plugins: z.array(z.strictObject({ package: z.string().min(1), options: z.string().min(1) })).default([]),
});

/** The workspace configuration. */
export type WorkspaceConfig = z.output<typeof WorkspaceConfigSchema>;

/** A problem in one file of the workspace. */
export interface FileProblem {
  readonly file: string;
  readonly issue: ParIssue;
}

/** Zod schema for a lifecycle log file: each lifecycle's start and its accepted events. */
const LogFileSchema = z.array(z.strictObject({ input: AssignmentInputSchema, entries: z.array(LogEntrySchema) }));

/** Everything in a workspace, validated; or the problems found, file by file. */
export interface Workspace {
  readonly dir: string;
  readonly registry: UnitRegistry;
  readonly frameworks: ReadonlyMap<string, Framework>;
  /** Assessments by period. */
  readonly assessments: ReadonlyMap<string, readonly Assessment[]>;
  readonly directives: readonly DirectiveDocument[];
  readonly logs: readonly { readonly input: AssignmentInput; readonly entries: readonly LogEntry[] }[];
  readonly par: Par;
}

/** Thrown when workspace files are invalid: every problem, file by file. */
export class WorkspaceError extends Error {
  /** Builds it from the problems. */
  constructor(readonly problems: readonly FileProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the workspace`);
    this.name = 'WorkspaceError';
  }
}

/** Reads and validates every file of a workspace; collects every problem before failing. */
export async function loadWorkspace(configPath: string): Promise<Workspace> {
  const dir = dirname(resolve(configPath));
  const problems: FileProblem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
    } catch (e) {
      problems.push({ file, issue: { path: [], code: 'unreadable', message: e instanceof Error ? e.message : String(e) } });
      return undefined;
    }
  };
  const attempt = <T>(file: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (ParValidationError.isInstance(e)) for (const issue of e.issues) problems.push({ file, issue });
      else problems.push({ file, issue: { path: [], code: 'invalid', message: e instanceof Error ? e.message : String(e) } });
      return undefined;
    }
  };
  const configFile = resolve(configPath).slice(dir.length + 1);
  const config = attempt(configFile, () => parseWithSchema('workspace config', WorkspaceConfigSchema, read(configFile)));
  if (!config) throw new WorkspaceError(problems);

  const unitsRaw = read(config.units);
  const changesRaw = config.unitChanges ? read(config.unitChanges) : { changes: [] };
  const registry = attempt(config.units, () => createUnitRegistry(unitsRaw, changesRaw));
  const frameworks = new Map<string, Framework>();
  const byFile = new Map<string, Framework>();
  for (const file of config.frameworks) {
    const f = attempt(file, () => parseFramework(read(file)));
    if (f) {
      frameworks.set(f.id, f);
      byFile.set(file, f);
    }
  }
  for (const d of config.derivations) {
    const base = byFile.get(d.base);
    if (!base) continue;
    const f = attempt(d.file, () => deriveFramework(base, read(d.file)));
    if (f) frameworks.set(f.id, f);
  }
  const assessments = new Map<string, Assessment[]>();
  for (const file of config.assessments) {
    const raw = read(file);
    for (const [i, a] of (Array.isArray(raw) ? raw : [raw]).entries()) {
      const id = (a as { framework?: { id?: string } } | undefined)?.framework?.id;
      const framework = id === undefined ? undefined : frameworks.get(id);
      if (!framework) {
        problems.push({ file, issue: { path: [i, 'framework', 'id'], code: 'unknown_framework', message: `No framework "${String(id)}" in the workspace` } });
        continue;
      }
      const parsed = attempt(file, () => parseAssessment(a, framework));
      if (parsed) assessments.set(parsed.period, [...(assessments.get(parsed.period) ?? []), parsed]);
    }
  }
  const directives = config.directives.flatMap((file) => attempt(file, () => parseDirectiveDocument(read(file))) ?? []);
  const logs = config.lifecycleLogs.flatMap((file) => attempt(file, () => parseWithSchema('lifecycle log', LogFileSchema, read(file))) ?? []);
  const plugins: ParPluginV1[] = [];
  for (const p of config.plugins) {
    const mod = (await import(p.package)) as Record<string, unknown>;
    const factory = Object.entries(mod).find(([k, v]) => /^create\w+Plugin$/.test(k) && typeof v === 'function')?.[1] as ((o: unknown) => ParPluginV1) | undefined;
    if (!factory) {
      problems.push({ file: configFile, issue: { path: ['plugins'], code: 'not_a_plugin', message: `${p.package} exports no createXPlugin function` } });
      continue;
    }
    const plugin = attempt(p.options, () => factory(read(p.options)));
    if (plugin) plugins.push(plugin);
  }
  const par = attempt(configFile, () => createPar({ plugins }));
  if (problems.length > 0 || !registry || !par) throw new WorkspaceError(problems);
  return { dir, registry, frameworks, assessments, directives, logs, par };
}
