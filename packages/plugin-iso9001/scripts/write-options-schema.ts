// Writes schemas/options.schema.json, the JSON Schema of the plugin's options that `par validate` checks an
// options file against without running the plugin (run: npm run schemas -w @par/plugin-iso9001).
import { writeFileSync } from 'node:fs';
import { optionsJsonSchema } from './options-json-schema.js';

writeFileSync(new URL('../schemas/options.schema.json', import.meta.url), `${JSON.stringify(optionsJsonSchema(), null, 2)}\n`);
console.log('wrote schemas/options.schema.json');
