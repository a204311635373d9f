// Run by each package's `lint:pkg` (after its build): what a user's `import` and `require` of the package load. Both
// builds must load in a plain Node process and give the same exports; publint and attw check the package's files and
// types, not that its code runs (a CommonJS build once threw on `import.meta.url` when required).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.cwd();
const { name, exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const entry = exports['.'];
const esm = Object.keys(await import(pathToFileURL(join(dir, entry.import.default)).href)).sort();
const cjs = Object.keys(createRequire(join(dir, 'package.json'))(join(dir, entry.require.default))).sort();
if (esm.length === 0 || esm.join() !== cjs.join()) {
  console.error(`${name}: the ESM build exports ${esm.join(', ') || 'nothing'}; the CommonJS build ${cjs.join(', ') || 'nothing'}`);
  process.exit(1);
}
console.log(`${name}: ESM and CommonJS builds load, ${esm.length} exports each`);
