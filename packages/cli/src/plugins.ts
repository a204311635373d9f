import { existsSync, realpathSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ParIssue, ParPluginV1 } from '@par/core';
import { readJson, readText, UnreadableFile } from './files.js';
import { PLUGIN_LOAD_TIMEOUT_MS } from './plugin-timeout.js';

/**
 * Zod schema for a plugin's name in `par.config.json`: an npm package name, nothing else (no path, no URL, no
 * `data:`, no Node.js built-in), so that configuration can only choose among the project's installed plugins.
 */
export const PluginNameSchema = z
  .string()
  .max(214)
  .regex(/^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, { message: 'Expected an npm package name such as @par/plugin-iso9001 (no path, URL or code)' })
  .refine((name) => !isBuiltin(name), { message: 'A Node.js built-in module is not a plugin' });

/** An object's properties, or none for anything else (`package.json` files are read without trusting them). */
const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The nearest `package.json` at or above `dir`: the project the workspace belongs to. */
function projectOf(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'package.json');
    if (dirname(d) === d) return undefined;
  }
}

/** A plugin package found without running it: its folder, its entry module and the JSON Schema of its options. */
export interface PluginPackage {
  readonly name: string;
  readonly dir: string;
  /** The module to import, resolved from the package's `exports` (or `main`) inside its folder. */
  readonly entry: string;
  readonly optionsSchema: unknown;
}

/** The conditions this process resolves with: Node's, and any given with `--conditions` / `-C`. */
function conditions(): Set<string> {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const given = args.flatMap((a, i) => (a.startsWith('--conditions=') ? [a.slice(13)] : a === '--conditions' || a === '-C' ? [args[i + 1] ?? ''] : []));
  return new Set([...given, 'node', 'import', 'default']);
}

/** The package's main module for `import`, following its `exports` the way Node does for the conditions above. */
function entryOf(pkg: { exports?: unknown; main?: unknown }): string | undefined {
  const active = conditions();
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (Array.isArray(target)) return target.map(pick).find((t) => t !== undefined);
    if (target && typeof target === 'object') {
      for (const [k, v] of Object.entries(target)) if (active.has(k)) return pick(v);
    }
    return undefined;
  };
  const exp = pkg.exports;
  if (exp === undefined) return typeof pkg.main === 'string' ? pkg.main : 'index.js';
  const sugar = typeof exp === 'string' || Array.isArray(exp) || (typeof exp === 'object' && exp !== null && !Object.keys(exp).some((k) => k.startsWith('.')));
  return pick(sugar ? exp : (exp as Record<string, unknown>)['.']);
}

/**
 * Finds a plugin package from the workspace folder by reading files only: it must be a dependency of the project
 * (the nearest `package.json`), installed where Node would find it from the project, and declare itself a plugin
 * with the JSON Schema of its options (`"par": { "optionsSchema": "./schemas/options.schema.json" }` in its
 * `package.json`).
 */
export function findPlugin(workspaceDir: string, name: string): PluginPackage {
  const project = projectOf(workspaceDir);
  if (!project) throw new UnreadableFile('not_a_dependency', `Plugin "${name}" must be a dependency of the project, and there is no package.json at or above the workspace`);
  const manifest = record(readJson(dirname(project), 'package.json'));
  const listed = ['dependencies', 'devDependencies', 'optionalDependencies'].some((k) => Object.hasOwn(record(manifest[k]), name));
  if (!listed) throw new UnreadableFile('not_a_dependency', `Plugin "${name}" is not a dependency in ${project} (is the name misspelt?)`);
  const dir = (createRequire(project).resolve.paths(name) ?? []).map((p) => join(p, name)).find((d) => existsSync(join(d, 'package.json')));
  if (!dir) throw new UnreadableFile('not_installed', `Plugin "${name}" is not installed (run npm install)`);
  const pkg = record(readJson(dir, 'package.json'));
  const schemaFile = record(pkg.par).optionsSchema;
  if (pkg.name !== name || typeof schemaFile !== 'string') {
    throw new UnreadableFile('not_a_plugin', `"${name}" is not a par plugin: its package.json declares no "par": { "optionsSchema": ... }`);
  }
  const entry = entryOf(pkg);
  if (entry === undefined) throw new UnreadableFile('not_a_plugin', `"${name}" exports no module to import`);
  try {
    readText(dir, entry, { limit: Number.MAX_SAFE_INTEGER }); // a regular file inside the package
  } catch (e) {
    throw new UnreadableFile('not_installed', `Plugin "${name}": its module ${entry} cannot be read (${(e as Error).message}); is the package built?`);
  }
  return { name, dir, entry: realpathSync(resolve(dir, entry)), optionsSchema: readJson(dir, schemaFile) };
}

/** Validates a plugin's options against the JSON Schema its package ships: no plugin code runs. */
export function optionsProblems(plugin: PluginPackage, options: unknown): ParIssue[] {
  let schema: z.ZodType;
  try {
    schema = z.fromJSONSchema(plugin.optionsSchema as z.core.JSONSchema.JSONSchema);
  } catch (e) {
    return [{ path: [], code: 'invalid_options_schema', message: `The options schema of ${plugin.name} cannot be used: ${(e as Error).message}` }];
  }
  const r = schema.safeParse(options);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map((x) => (typeof x === 'symbol' ? String(x) : x)), code: `schema.${i.code}`, message: i.message }));
}

/** Settles with `promise`, or throws `message` after `ms` milliseconds. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreadableFile('plugin_timeout', message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Imports a plugin package's entry module (never a path from configuration) within `timeoutMs`, and calls its
 * `createXPlugin(options)`. Throws {@link UnreadableFile} when it cannot be loaded; the factory's own errors pass
 * through.
 */
export async function loadPlugin(plugin: PluginPackage, options: unknown, timeoutMs = PLUGIN_LOAD_TIMEOUT_MS): Promise<ParPluginV1> {
  let mod: Record<string, unknown>;
  try {
    mod = await withTimeout(import(pathToFileURL(plugin.entry).href) as Promise<Record<string, unknown>>, timeoutMs, `Plugin "${plugin.name}" did not finish loading within ${timeoutMs / 1000} s`);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile('plugin_failed', `Plugin "${plugin.name}" failed to load: ${e instanceof Error ? e.message : String(e)}`);
  }
  const factory = Object.entries(mod).find(([k, v]) => /^create\w+Plugin$/.test(k) && typeof v === 'function')?.[1] as ((o: unknown) => ParPluginV1) | undefined;
  if (!factory) throw new UnreadableFile('not_a_plugin', `Plugin "${plugin.name}" exports no createXPlugin function`);
  return factory(options);
}
