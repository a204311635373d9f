// Writes schemas/*.schema.json: the JSON Schemas of the plugin's options (what `par validate` checks an options file
// against without running the plugin) and of one register (run: npm run schemas -w @par/plugin-legal-review).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schemas.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}
