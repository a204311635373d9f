// Writes schemas/*.schema.json, the JSON Schemas of the plugin's options (which `par validate` checks an options
// file against without running the plugin) and of one unit's clerical records (run: npm run schemas -w @par/plugin-e-documents).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schemas.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}
