import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_DOCUMENT_SCHEMAS, inputJsonSchema, type InputDocumentName } from '../src/index.js';

describe('shipped JSON Schemas', () => {
  for (const name of Object.keys(INPUT_DOCUMENT_SCHEMAS) as InputDocumentName[]) {
    it(`schemas/${name}.schema.json matches the zod schema (run "npm run schemas -w @par/core" to refresh)`, () => {
      const shipped = JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
      expect(shipped).toEqual(inputJsonSchema(name));
    });
  }

  it('describes the documents so another language can validate them', () => {
    const units = inputJsonSchema('units') as { properties: { units: { items: { required: string[] } } } };
    expect(units.properties.units.items.required).toEqual(['id', 'name', 'kind', 'validFrom']);
    const changes = JSON.stringify(inputJsonSchema('unit-changes'));
    for (const kind of ['establish', 'rename', 'merge', 'split', 'dissolve', 'reparent']) expect(changes).toContain(`"const":"${kind}"`);
  });
});
