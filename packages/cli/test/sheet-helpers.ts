import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUnitRegistry, deriveFramework, parseFramework, type Framework } from '@par/core';
import type { CommandContext } from '../src/context.js';
import type { Workspace } from '../src/workspace.js';

const data = (f: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/phong-tho-2022/data/${f}`, import.meta.url)), 'utf8'));

/** The example's registry and frameworks, loaded directly (the template and import need nothing else). */
export function sheetContext(lang: 'vi' | 'en' = 'vi'): CommandContext & { district: Framework; commune: Framework } {
  const registry = createUnitRegistry(data('units.json'), data('unit-changes.json'));
  const district = parseFramework(data('framework-district-illustrative.json'));
  const commune = deriveFramework(district, data('framework-commune-derivation.json'));
  const frameworks = new Map([[district.id, district], [commune.id, commune]]);
  const ws = { dir: '.', registry, frameworks } as unknown as Workspace; // the sheet code reads only these two
  return { ws, lang, json: false, out: () => undefined, district, commune };
}

/** A fixture's path. */
export const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
