// The quick path of parseUnits: whatever it takes, the schema takes too and gives back exactly the same, key order
// included; whatever it leaves, the schema decides (and names the problems).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitsDocumentSchema } from '../src/index.js';
import { quickUnitsDocument } from '../src/units/quick-units.js';

// each value mostly one the schema takes, sometimes one at its edge (taken or not)
const edge = <T, U>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: odd });
const id = edge(fc.constantFrom('c03571', 'p12', 'a.b:c-d_e', 'x'.repeat(120)), fc.constantFrom('', '-a', 'a b', 'x'.repeat(121), 'đ1', 7));
const text = edge(fc.constantFrom('Xã Dào San', '  Phường 1 ', 'Dào San commune'), fc.constantFrom('', '   ', 'A\u001b[2J', 'B\u202e', 'C\u0085', 1));
const unitArb = fc.record(
  {
    id,
    code: edge(fc.constantFrom('03571', '12', '123'), fc.constantFrom('1', '123456', '12a', 12)),
    name: fc.record({ vi: text, en: text }, { requiredKeys: ['vi'] }),
    kind: edge(fc.constantFrom('commune', 'ward', 'province', 'specialZone', 'myKind'), fc.constantFrom('Commune', 'a-b', '', 'x'.repeat(65))),
    parentId: id,
    validFrom: edge(fc.constantFrom('2020-01-01', '1900-01-01', '2024-02-29'), fc.constantFrom('2023-02-29', '1899-12-31', '2020-1-1', '')),
    validTo: edge(fc.constantFrom('2025-06-30', '2100-12-31'), fc.constantFrom('2025-06-31', '2101-01-01')),
    tags: edge(fc.array(fc.constantFrom('miền núi', ' biên giới '), { maxLength: 2 }), fc.constantFrom(['', 'x'], [' '], [1], 'x', {})),
  },
  { requiredKeys: ['id', 'name', 'kind', 'validFrom'] },
);

/** One damage: a key removed, added or set to undefined; a name given another shape; the document's own keys. */
const damage = fc.constantFrom<(doc: Record<string, any>) => void>( // eslint-disable-line @typescript-eslint/no-explicit-any
  () => {},
  (d) => delete d.units[0]?.id,
  (d) => d.units[0] && (d.units[0].extra = 1),
  (d) => d.units[0] && (d.units[0].validTo = undefined),
  (d) => d.units[0] && (d.units[0].name = { vi: 'Xã', fr: 'Commune' }),
  (d) => d.units[0] && (d.units[0].name = 'Xã'),
  (d) => d.units[0] && (d.units[0].tags = [, 'x']), // eslint-disable-line no-sparse-arrays
  (d) => (d.kinds = []),
  (d) => (d.kinds = [{ id: 'myKind', name: { vi: 'Loại của tôi' } }]),
  (d) => (d.extra = true),
  (d) => (d.units = { 0: d.units[0] }),
  (d) => d.units[0] && (d.units[0].aliases = ['UBND xã']),
  (d) => d.units[0] && (d.units[0].source = 'Quyết định 1234/QĐ-UBND'),
  // keys of the schema's shape the quick path does not take, defined as not enumerable: the schema still reads them
  (d) => d.units[0] && Object.defineProperty(d.units[0], 'source', { value: 5 }),
  (d) => d.units[0] && Object.defineProperty(d.units[0], 'aliases', { value: ['UBND xã'] }),
);

describe('quickUnitsDocument', () => {
  it('takes only what UnitsDocumentSchema takes, and gives back exactly what it gives', () => {
    let taken = 0;
    let left = 0;
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 3 }), fc.oneof({ weight: 2, arbitrary: fc.constant(() => {}) }, { weight: 1, arbitrary: damage }), (units, harm) => {
        const doc: Record<string, unknown> = { units: structuredClone(units) };
        // neither reads change what it is given: both see the same document
        harm(doc as never);
        const quick = quickUnitsDocument(doc);
        const schema = UnitsDocumentSchema.safeParse(doc);
        if (quick === undefined) return void left++;
        taken++;
        expect(schema.success).toBe(true);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data));
      }),
      { numRuns: 4_000 },
    );
    // both happen, so that the comparison means something
    expect(taken).toBeGreaterThan(200);
    expect(left).toBeGreaterThan(200);
  });

  it('trims names and tags as the schema does, and gives a unit without tags an empty list', () => {
    expect(quickUnitsDocument({ units: [{ id: 'c1', name: { vi: ' Xã Một ', en: 'One ' }, kind: 'commune', validFrom: '2020-01-01', tags: [' miền núi '] }, { id: 'c2', name: { vi: 'Xã Hai' }, kind: 'commune', parentId: 'c1', validFrom: '2020-01-01' }] })).toEqual({
      kinds: [],
      units: [
        { id: 'c1', name: { vi: 'Xã Một', en: 'One' }, kind: 'commune', validFrom: '2020-01-01', tags: ['miền núi'] },
        { id: 'c2', name: { vi: 'Xã Hai' }, kind: 'commune', parentId: 'c1', validFrom: '2020-01-01', tags: [] },
      ],
    });
  });
});
