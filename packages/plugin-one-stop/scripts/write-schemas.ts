// Writes schemas/*.schema.json, the JSON Schemas of the plugin's options, catalogue, dossier export and register, which
// `par validate` and integrators check files against without running the plugin (run: npm run schemas -w @par/plugin-one-stop).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schemas.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}.schema.json`);
}
