import { IssueList, parseWithSchema } from '@par/calendar';
import { BUILT_IN_UNIT_KINDS, UnitsDocumentSchema, type UnitsDocument } from './unit-schema.js';
import { quickUnitsDocument } from './quick-units.js';
import { UnitChangesDocumentSchema, type UnitChangesDocument } from './unit-change-schema.js';

/**
 * Validates a units document: its shape, unique ids, known kinds (built-in or declared), known parents and
 * `validFrom <= validTo`. Throws {@link ParValidationError} naming every problem.
 */
export function parseUnits(input: unknown): UnitsDocument {
  // the common shape without the schema's cost; anything else through the schema, which names every problem
  const doc = quickUnitsDocument(input) ?? parseWithSchema('units', UnitsDocumentSchema, input);
  const issues = new IssueList();
  const kinds = new Set<string>(Object.keys(BUILT_IN_UNIT_KINDS));
  doc.kinds.forEach((k, i) => {
    if (kinds.has(k.id)) issues.add(['kinds', i, 'id'], 'duplicate_kind', `Unit kind "${k.id}" is already defined`);
    kinds.add(k.id);
  });
  const ids = new Set<string>();
  doc.units.forEach((u, i) => {
    if (ids.has(u.id)) issues.add(['units', i, 'id'], 'duplicate_id', `Unit id "${u.id}" is used twice`);
    ids.add(u.id);
    if (!kinds.has(u.kind)) issues.add(['units', i, 'kind'], 'unknown_kind', `Unit kind "${u.kind}" is neither built in nor declared in "kinds"`);
    if (u.validTo !== undefined && u.validTo < u.validFrom) {
      issues.add(['units', i, 'validTo'], 'invalid_interval', `validTo ${u.validTo} is before validFrom ${u.validFrom}`);
    }
  });
  doc.units.forEach((u, i) => {
    if (u.parentId === undefined) return;
    if (u.parentId === u.id) issues.add(['units', i, 'parentId'], 'parent_cycle', `Unit "${u.id}" is its own parent`);
    else if (!ids.has(u.parentId)) issues.add(['units', i, 'parentId'], 'unknown_unit', `Parent "${u.parentId}" is not in the units document`);
  });
  issues.throwIfAny('units');
  return doc;
}

/** Validates a unit-changes document: its shape and unique change ids. */
export function parseUnitChanges(input: unknown): UnitChangesDocument {
  const doc = parseWithSchema('unit changes', UnitChangesDocumentSchema, input);
  const issues = new IssueList();
  const ids = new Set<string>();
  doc.changes.forEach((c, i) => {
    if (ids.has(c.id)) issues.add(['changes', i, 'id'], 'duplicate_id', `Change id "${c.id}" is used twice`);
    ids.add(c.id);
  });
  issues.throwIfAny('unit changes');
  return doc;
}
