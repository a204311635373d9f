import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createUnitRegistry,
  deriveFramework,
  ParValidationError,
  parseDirectiveDocument,
  parseAssessment,
  parseCrosswalk,
  parseFramework,
  parseFrameworkDerivation,
  reconcile,
  updateAssessment,
  parseUnitChanges,
  parseUnits,
} from '../src/index.js';
import { miniChanges, miniFramework, miniUnits } from './fixtures.js';
import { mini, selfScored, u1 } from './scoring-fixtures.js';

const validDirective = {
  id: 'tb1',
  kind: 'conclusionNotice',
  issuerId: 'P',
  signer: { name: 'A', title: { vi: 'Chủ tịch' } },
  signedOn: '2022-09-07',
  title: { vi: 'Thông báo' },
  items: [
    {
      label: '(1)',
      summary: { vi: 's' },
      lead: [{ by: 'kind', kinds: ['commune'], within: 'P' }],
      due: { kind: 'recurring', from: '2022-09-07' },
      reports: [{ frequency: 'quarterly', day: 20, cutOff: { day: 14 }, recipientIds: ['P'] }, { frequency: 'monthly', bound: 'before', recipientIds: ['P'] }],
    },
  ],
};
const draftAssessment = { unitId: 'U1', framework: { id: 'mini', version: '1' }, period: '2021', status: 'draft', entries: [{ code: '1.2', self: { points: 0.2 } }] };
const validDerivation = { id: 'v', version: '1', base: { id: 'mini', version: '1' }, operations: [{ op: 'update', code: '1.3', set: { rule: { kind: 'yesNo' } } }] };

/** Only a ParValidationError may escape; anything else (TypeError, RangeError...) fails the property. */
function onlyValidationErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (ParValidationError.isInstance(e)) {
      expect(e.issues.length).toBeGreaterThan(0);
      return true;
    }
    throw e;
  }
}

/** Replaces or deletes the value at a random path of a valid document. */
function mutationOf(doc: unknown) {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  return fc.record({
    path: fc.constantFrom(...paths.filter((p) => p.length > 0)),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constantFrom('2025-02-30', -1, 1e308, '', 'P', 0.1234567)),
  }).map(({ path, value }) => {
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete target[last];
    else target[last] = value;
    return copy;
  });
}

const parsers: [string, (input: unknown) => unknown, unknown][] = [
  ['parseUnits', parseUnits, miniUnits()],
  ['parseUnitChanges', parseUnitChanges, miniChanges()],
  ['createUnitRegistry (units)', (i) => createUnitRegistry(i, miniChanges()), miniUnits()],
  ['createUnitRegistry (changes)', (i) => createUnitRegistry(miniUnits(), i), miniChanges()],
  ['parseDirectiveDocument', parseDirectiveDocument, validDirective],
  ['parseFramework', parseFramework, miniFramework()],
  ['parseFrameworkDerivation', parseFrameworkDerivation, validDerivation],
  ['deriveFramework', (i) => deriveFramework(parseFramework(miniFramework()), i), validDerivation],
  ['parseAssessment', (i) => parseAssessment(i, mini), JSON.parse(JSON.stringify(u1()))],
  ['updateAssessment', (i) => updateAssessment(parseAssessment(draftAssessment, mini), i, mini), { ...draftAssessment, status: 'submitted', entries: selfScored(0.2) }],
  ['parseCrosswalk', parseCrosswalk, { from: { id: 'a', version: '1' }, to: { id: 'a', version: '2' }, codes: { '1.4': ['1.1', '1.2'] } }],
  ['reconcile (table)', (i) => reconcile(mini, i), { rows: [{ unit: 'U', items: { '1.1': 0.1, '1.2': 0.2, '1.3': 3.7, '2.1': null, '2.2': 1, S: 3 }, total: 8, indexPercent: 100, rank: 1, band: 'Tốt' }] }],
  ['reconcile (item list)', (i) => reconcile(i, { rows: [{ unit: 'U', items: { '1': 1 } }] }), { items: [{ code: '1', maxPoints: 2 }], bands: [{ id: 'all', label: { vi: 'x' } }] }],
];

describe.each(parsers)('%s under fuzzing', (_name, parse, valid) => {
  it('accepts the valid document', () => {
    expect(() => parse(valid)).not.toThrow();
  });

  it('throws nothing but ParValidationError on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => onlyValidationErrors(() => parse(input))), { numRuns: 300 });
  });

  it('throws nothing but ParValidationError on mutations of a valid document', () => {
    fc.assert(fc.property(mutationOf(valid), (input) => onlyValidationErrors(() => parse(input))), { numRuns: 400 });
  });
});
