// Writes schemas/<name>.schema.json for every input document (run: npm run schemas -w @par/core).
import { writeFileSync } from 'node:fs';
import { INPUT_DOCUMENT_SCHEMAS, inputJsonSchema, type InputDocumentName } from '../src/index.js';

for (const name of Object.keys(INPUT_DOCUMENT_SCHEMAS) as InputDocumentName[]) {
  const file = new URL(`../schemas/${name}.schema.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(inputJsonSchema(name), null, 2)}\n`);
  console.log(`wrote schemas/${name}.schema.json`);
}
