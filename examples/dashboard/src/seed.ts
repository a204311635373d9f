import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadWorkspace, WorkspaceConfigSchema } from '@par/cli';
import type { ParStore, StoreActor, WorkspaceDocuments } from '@par/store';

/** Who seeds the store: its administrator (the policy's `admin` role imports and writes the policy). */
const SEEDER: StoreActor = { unitId: 'dashboard', role: 'admin', person: 'dashboard seed' };

/**
 * The documents of a workspace of files (its `par.config.json`), after `loadWorkspace` of `@par/cli` accepted
 * every file: what `importWorkspace` of `@par/store` takes. (`par db import` does the same; its reader is not
 * exported by `@par/cli`.)
 */
export async function readWorkspaceDocuments(configPath: string): Promise<WorkspaceDocuments> {
  await loadWorkspace(configPath); // every problem, file by file, before anything is written
  const dir = dirname(configPath);
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const config = WorkspaceConfigSchema.parse(read(configPath.slice(dir.length + 1)));
  const many = (files: readonly string[]) => files.flatMap((f) => {
    const raw = read(f);
    return Array.isArray(raw) ? raw : [raw];
  });
  return {
    units: read(config.units),
    ...(config.unitChanges ? { unitChanges: read(config.unitChanges) } : {}),
    frameworks: config.frameworks.map(read),
    derivations: config.derivations.map((d) => ({ base: (read(d.base) as { id: string }).id, doc: read(d.file) })),
    assessments: many(config.assessments),
    directives: config.directives.map(read),
    lifecycleLogs: many(config.lifecycleLogs) as WorkspaceDocuments['lifecycleLogs'],
    plugins: config.plugins.map((p) => ({ package: p.package, options: read(p.options) })),
  };
}

/**
 * Migrates the store and, when it is empty, imports `docs` and sets `policy` (all or nothing each); a store that
 * already holds a workspace is left as it is. Returns whether it seeded.
 */
export async function seedStore(store: ParStore, docs: () => Promise<WorkspaceDocuments>, policy: unknown, now: Date): Promise<boolean> {
  await store.migrate();
  const any = await store.db.selectFrom('units').select('id').limit(1).execute();
  if (any.length > 0) return false;
  const session = store.session(SEEDER, now);
  await session.importWorkspace(await docs());
  const { version } = await session.policy();
  await session.setPolicy(policy, version);
  return true;
}

/** The demo policy for Phong Thổ (`data/policy-phong-tho.json`): the default policy's roles, with the district's offices named by id. */
export const PHONG_THO_POLICY: unknown = JSON.parse(readFileSync(new URL('../data/policy-phong-tho.json', import.meta.url), 'utf8'));
