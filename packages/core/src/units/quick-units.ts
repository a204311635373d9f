import { isCivilDate } from '@par/calendar';
import { ID_PATTERN, KIND_NAME_PATTERN } from '../shared/identifiers.js';
import { plainArray, plainWith } from '../shared/plain-data.js';
import { CONTROL_CHARACTERS, type Unit, type UnitsDocument } from './unit-schema.js';

// `parseUnits` checks a units document with `UnitsDocumentSchema`: exact, but a province's 10,000 units take a
// schema's time (about 5 µs each). The shape most documents have is recognised first, here: units of an id, a name in
// Vietnamese (and English), a kind, a parent, a period of validity, an official code and tags, with no declared kinds.
// Anything else (aliases, a source, declared kinds, a value of another type, an unknown key) returns `undefined`, and
// the schema decides and names every problem. What this returns is what the schema returns, key for key (a property
// test holds it on random and broken documents).

const CODE = /^\d{2,5}$/;

/** A text the schema trims and requires non-empty, without control characters: the trimmed text, or `undefined`. */
function nameText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length > 0 && !CONTROL_CHARACTERS.test(t) ? t : undefined;
}

const UNIT_KEYS: ReadonlySet<string> = new Set(['id', 'code', 'name', 'kind', 'parentId', 'validFrom', 'validTo', 'tags']);
const NAME_KEYS: ReadonlySet<string> = new Set(['vi', 'en']);

/** One unit of the common shape as `UnitSchema` gives it back, each value read once; `undefined` for anything else. */
function quickUnit(v: unknown): Unit | undefined {
  if (!plainWith(v, (k) => UNIT_KEYS.has(k))) return undefined;
  // the schema reads every key of its shape, listed or not (a key defined as not enumerable): those left to it too
  if (v.aliases !== undefined || v.source !== undefined) return undefined;
  const { id, code, name, kind, parentId, validFrom, validTo, tags } = v;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof kind !== 'string' || !KIND_NAME_PATTERN.test(kind) || !isCivilDate(validFrom)) return undefined;
  if ((code !== undefined && (typeof code !== 'string' || !CODE.test(code))) || (parentId !== undefined && (typeof parentId !== 'string' || !ID_PATTERN.test(parentId)))) return undefined;
  if (validTo !== undefined && !isCivilDate(validTo)) return undefined;
  if (!plainWith(name, (k) => NAME_KEYS.has(k))) return undefined;
  const { vi: givenVi, en: givenEn } = name;
  const vi = nameText(givenVi);
  const en = givenEn === undefined ? undefined : nameText(givenEn);
  if (vi === undefined || (givenEn !== undefined && en === undefined)) return undefined;
  const list: string[] = [];
  if (tags !== undefined) {
    if (!plainArray(tags)) return undefined;
    for (let i = 0; i < tags.length; i++) {
      const t: unknown = tags[i];
      const trimmed = typeof t === 'string' ? t.trim() : '';
      if (trimmed.length === 0) return undefined;
      list.push(trimmed);
    }
  }
  const label = en === undefined ? { vi } : { vi, en };
  // the schema's key order: id, code, name, kind, parentId, validFrom, validTo, tags
  const unit: Record<string, unknown> = { id };
  if (code !== undefined) unit.code = code;
  unit.name = label;
  unit.kind = kind;
  if (parentId !== undefined) unit.parentId = parentId;
  unit.validFrom = validFrom;
  if (validTo !== undefined) unit.validTo = validTo;
  unit.tags = list;
  return unit as unknown as Unit;
}

const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['kinds', 'units']);

/**
 * The units document `UnitsDocumentSchema` gives for `input` when it has the common shape (no declared kinds, every
 * unit as {@link quickUnit} takes it); otherwise `undefined`, and the schema decides.
 */
export function quickUnitsDocument(input: unknown): UnitsDocument | undefined {
  if (!plainWith(input, (k) => DOCUMENT_KEYS.has(k))) return undefined;
  const { kinds, units } = input;
  if (kinds !== undefined && !(Array.isArray(kinds) && kinds.length === 0)) return undefined;
  if (!plainArray(units)) return undefined;
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = quickUnit(units[i]);
    if (!u) return undefined;
    out.push(u);
  }
  return { kinds: [], units: out };
}
