import { readFileSync } from 'node:fs';
import { createUnitRegistry, parseDirectiveDocument, parseFramework, type DirectiveDocument, type Framework, type UnitRegistry } from '@par/core';

/** The seed district as validated objects. */
export interface PhongTho {
  readonly registry: UnitRegistry;
  readonly notice: DirectiveDocument;
  readonly framework: Framework;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));

/** Reads and validates the data files of this example (the only I/O it does). */
export function loadPhongTho(): PhongTho {
  return {
    registry: createUnitRegistry(read('units.json'), read('unit-changes.json')),
    notice: parseDirectiveDocument(read('notice-2022-09-07.json')),
    framework: parseFramework(read('framework-district-illustrative.json')),
  };
}
