import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../scripts/json-schemas.js';

describe('the JSON Schemas the package ships', () => {
  it('match the zod schemas (run "npm run schemas -w @par/plugin-finance" to refresh)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8')), name).toEqual(schema);
    }
  });

  it('refuse inexact amounts by path without running the plugin', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schemas/disbursements.schema.json', import.meta.url), 'utf8'));
    const row = { unitId: 'u', projectId: 'p', planYear: 2024, date: '2024-01-05', kind: 'payment' };
    const r = z.fromJSONSchema(shipped).safeParse([{ ...row, amount: '1250000000' }, { ...row, amount: 1.5 }, { ...row, amount: '1.000' }]);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['1.amount', '2.amount']);
  });
});
