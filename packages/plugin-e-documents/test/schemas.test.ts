import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../scripts/json-schemas.js';
import { good } from './fixture.js';

const shipped = (file: string) => JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('the JSON Schemas the package ships', () => {
  it('match the zod schemas (run "npm run schemas -w @par/plugin-e-documents" to refresh)', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) expect(shipped(file), file).toEqual(schema);
    expect(pkg.par.optionsSchema).toBe('./schemas/options.schema.json');
  });

  it('accept what the plugin accepts and refuse what it refuses, by path, without running the plugin', () => {
    const records = z.fromJSONSchema(shipped('clerical-records.schema.json'));
    expect(records.safeParse(good()).success).toBe(true);
    const bad = { ...good(), outgoing: [{ ...good().outgoing[0]!, form: 'fax' }] };
    expect(records.safeParse(bad).error?.issues.map((i) => i.path.join('.'))).toEqual(['outgoing.0.form']);
    const options = z.fromJSONSchema(shipped('options.schema.json'));
    expect(options.safeParse({ units: 3 }).error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['units', 'invalid_type']]);
  });
});
