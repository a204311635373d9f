// Writes schemas/<name>.schema.json, the JSON Schemas of the plugin's options and records that `par validate` (and
// any language) checks files against without running the plugin (run: npm run schemas -w @par/plugin-finance).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schemas.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}.schema.json`);
}
