import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../scripts/json-schemas.js';

const shipped = (name: string) => JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

describe('the JSON Schemas the package ships', () => {
  it('match the zod schemas (run "npm run schemas -w @par/plugin-one-stop" to refresh)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) expect(shipped(name), name).toEqual(schema);
  });

  it('are the ones package.json points `par validate` to', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(JSON.parse(readFileSync(new URL(`../${pkg.par.optionsSchema}`, import.meta.url), 'utf8'))).toEqual(shipped('options'));
  });

  it('refuse what the parsers refuse, by path, without running the plugin', () => {
    const r = z.fromJSONSchema(shipped('dossier-export')).safeParse({ source: 'x', dossiers: [{ code: 'A', channel: 'fax' }] });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dossiers.0.channel', 'dossiers.0.procedureCode', 'dossiers.0.submittedAt', 'dossiers.0.unitId']);
  });
});
