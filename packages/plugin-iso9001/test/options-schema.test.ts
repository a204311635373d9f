import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optionsJsonSchema } from '../scripts/options-json-schema.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const shipped = JSON.parse(readFileSync(new URL(`../${pkg.par.optionsSchema}`, import.meta.url), 'utf8'));

describe('the options JSON Schema the package ships for `par validate`', () => {
  it('matches the zod schema (run "npm run schemas -w @par/plugin-iso9001" to refresh)', () => {
    expect(shipped).toEqual(optionsJsonSchema());
  });

  it('refuses what the plugin refuses, by path, without running the plugin', () => {
    const r = z.fromJSONSchema(shipped).safeParse({ systems: 3 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['systems', 'invalid_type']]);
  });
});
