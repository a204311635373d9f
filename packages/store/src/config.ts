import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseWithSchema } from '@par/calendar';

const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Expected the name of an environment variable');

/**
 * Zod schema for the `store` entry of `par.config.json`: `{"kind": "pglite", "dir": ".par/db"}` (embedded, in a
 * folder relative to the configuration; without `dir`, in memory) or `{"kind": "postgres", "url": "postgres://..."}`
 * or `{"kind": "postgres", "urlFromEnv": "PAR_DATABASE_URL"}` (the URL read from that environment variable, so that
 * no password sits in the file).
 */
export const StoreConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pglite'), dir: z.string().min(1).optional() }),
  z
    .strictObject({ kind: z.literal('postgres'), url: z.string().regex(/^postgres(ql)?:\/\//, 'Expected a postgres:// URL').optional(), urlFromEnv: EnvName.optional() })
    .refine((c) => (c.url === undefined) !== (c.urlFromEnv === undefined), { message: 'Give exactly one of "url" and "urlFromEnv"', path: ['url'] }),
]);

/** The `store` entry of `par.config.json`. */
export type StoreConfig = z.output<typeof StoreConfigSchema>;

/** A store configuration with its folder made absolute and its URL read: what {@link openStore} opens. */
export type ResolvedStoreConfig = { readonly kind: 'pglite'; readonly dir?: string } | { readonly kind: 'postgres'; readonly url: string };

/**
 * Validates a `store` entry (`ParValidationError` naming every problem) and resolves it: a PGlite `dir` against
 * `baseDir` (the configuration's folder), a `urlFromEnv` from `env` (an unset or empty variable is a problem too).
 */
export function resolveStoreConfig(input: unknown, baseDir: string, env: Readonly<Record<string, string | undefined>>): ResolvedStoreConfig {
  const config = parseWithSchema('store configuration', StoreConfigSchema, input);
  if (config.kind === 'pglite') return config.dir === undefined ? { kind: 'pglite' } : { kind: 'pglite', dir: isAbsolute(config.dir) ? config.dir : resolve(baseDir, config.dir) };
  const url = config.url ?? env[config.urlFromEnv!];
  return parseWithSchema('store configuration', z.strictObject({ kind: z.literal('postgres'), url: z.string({ error: `The environment variable ${config.urlFromEnv} is not set` }).regex(/^postgres(ql)?:\/\//, `${config.urlFromEnv ?? 'url'} is not a postgres:// URL`) }), { kind: 'postgres', url });
}
