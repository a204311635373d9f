import { readFileSync } from 'node:fs';
import {
  createUnitRegistry,
  deriveFramework,
  parseAssessment,
  parseDirectiveDocument,
  parseFramework,
  type Assessment,
  type DirectiveDocument,
  type Framework,
  type UnitRegistry,
} from '@par/core';

/** The seed district as validated objects. */
export interface PhongTho {
  readonly registry: UnitRegistry;
  readonly notice: DirectiveDocument;
  /** The illustrative district-level framework. */
  readonly framework: Framework;
  /** Its commune-level variant, derived by `data/framework-commune-derivation.json`. */
  readonly communeFramework: Framework;
  /** Illustrative 2021 assessments of the 17 communes (see `scripts/make-illustrative-assessments.ts`). */
  readonly assessments2021: readonly Assessment[];
  /** Illustrative QMS records of two offices, with planted defects, for the ISO 9001 plugin. */
  readonly qms: { readonly systems: unknown[] };
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));

/**
 * Reads and validates the data files of this example (the only I/O it does). The generator of the assessments
 * passes `assessments: false`, since it writes them.
 */
export function loadPhongTho(options: { readonly assessments?: boolean } = {}): PhongTho {
  const framework = parseFramework(read('framework-district-illustrative.json'));
  const communeFramework = deriveFramework(framework, read('framework-commune-derivation.json'));
  const assessments = options.assessments === false ? [] : (read('assessments-2021.json') as unknown[]);
  return {
    registry: createUnitRegistry(read('units.json'), read('unit-changes.json')),
    notice: parseDirectiveDocument(read('notice-2022-09-07.json')),
    framework,
    communeFramework,
    assessments2021: assessments.map((a) => parseAssessment(a, communeFramework)),
    qms: read('qms-illustrative.json') as { systems: unknown[] },
  };
}
