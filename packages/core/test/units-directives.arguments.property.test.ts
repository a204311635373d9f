import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  createUnitRegistry,
  dueRuleEnd,
  expandOccurrences,
  findingToDirectiveItem,
  ParValidationError,
  parseDirectiveDocument,
  scheduleDates,
  whoAnswers,
} from '../src/index.js';
import { aFinding, miniChanges, miniUnits } from './fixtures.js';

/** The test's own oracle for a real date YYYY-MM-DD in 1900-2100 (independent of the code under test). */
function isRealDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const parts = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
/** Strings that look like dates but are not real ones, other strings, numbers and other values. */
const notADate = fc
  .oneof(
    parts.map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
    parts.map(([y, m, d]) => `${y}-${m}-${d}`),
    parts.map(([y, m, d]) => `${pad(y, 4)}/${pad(m, 2)}/${pad(d, 2)}`),
    fc.constantFrom('2023-02-29', '2100-02-29', '2023-04-31', '1899-12-31', '2101-01-01', '2023-13-01', '2023-00-10', ' 2023-01-10', '2023-01-10T00:00'),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, undefined, true, {}, []),
  )
  .filter((v) => !isRealDate(v));

/** Values that are not a whole number of working days from 1. */
const notACount = fc.oneof(
  fc.double().filter((x) => !Number.isSafeInteger(x) || x < 1),
  fc.integer({ max: 0 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 1.5, '10', null),
);

/** The paths (joined by '.') of the ParValidationError `fn` throws; fails if it returns or throws anything else. */
function refusedAt(fn: () => unknown): string[] {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => i.path.join('.'));
  }
  throw new Error(`expected a ParValidationError, got ${JSON.stringify(result)}`);
}

const registry = createUnitRegistry(miniUnits(), miniChanges());
const doc = parseDirectiveDocument({
  id: 'tb1',
  kind: 'conclusionNotice',
  issuerId: 'P',
  signer: { name: 'A', title: { vi: 'Chủ tịch' } },
  signedOn: '2022-09-07',
  title: { vi: 'Thông báo' },
  items: [{ label: '(1)', summary: { vi: 's' }, lead: [{ by: 'unit', unitId: 'A' }], due: { kind: 'periodEnd', period: '2022' }, reports: [{ frequency: 'monthly', recipientIds: ['P'] }] }],
});
const finding = aFinding();

describe('every date argument refuses what is not a real date, naming the argument', () => {
  const cases: [string, (v: unknown) => unknown, string][] = [
    ['UnitRegistry.at', (v) => registry.at(v as string), 'date'],
    ['UnitRegistry.versionOn', (v) => registry.versionOn('C', v as string), 'date'],
    ['UnitRegistry.successorsOf', (v) => registry.successorsOf('A', v as string), 'date'],
    ['scheduleDates from', (v) => scheduleDates({ frequency: 'monthly' }, v as string, '2022-12-31'), 'from'],
    ['scheduleDates to', (v) => scheduleDates({ frequency: 'monthly' }, '2022-01-01', v as string), 'to'],
    ['expandOccurrences from', (v) => expandOccurrences(doc.items[0]!, v as string, '2022-12-31'), 'from'],
    ['expandOccurrences to', (v) => expandOccurrences(doc.items[0]!, '2022-01-01', v as string), 'to'],
    ['dueRuleEnd', (v) => dueRuleEnd({ kind: 'date', date: v as string }), 'rule.date'],
    ['assignmentsOf until', (v) => assignmentsOf(doc, { registry, until: v as string }), 'options.until'],
    ['whoAnswers date', (v) => whoAnswers(doc, '(1)', v as string, { registry }), 'date'],
    ['findingToDirectiveItem foundOn', (v) => findingToDirectiveItem(finding, { label: '(1)', foundOn: v as string }), 'options.foundOn'],
  ];
  for (const [name, call, path] of cases) {
    it(name, () => {
      // an optional argument left undefined takes its default (successorsOf without a date, until by default)
      const optional = path === 'options.until' || name === 'UnitRegistry.successorsOf';
      fc.assert(fc.property(optional ? notADate.filter((v) => v !== undefined) : notADate, (v) => {
        expect(refusedAt(() => call(v))).toContain(path);
      }), { numRuns: 150 });
    });
  }
});

describe('every id and count argument refuses what it cannot honour', () => {
  it('registry ids: not a string, or a unit the registry does not know', () => {
    const known = new Set(registry.units.map((u) => u.id));
    const badId = fc.oneof(fc.string().filter((s) => !known.has(s)), fc.integer(), fc.constantFrom(null, undefined, {}));
    fc.assert(
      fc.property(badId, (v) => {
        expect(refusedAt(() => registry.successorsOf(v as string, '2025-07-01'))).toEqual(['id']);
        expect(refusedAt(() => registry.at('2022-01-01').childrenOf(v as string))).toEqual(['id']);
      }),
      { numRuns: 150 },
    );
  });

  it('findingToDirectiveItem workingDays: only a whole number from 1', () => {
    fc.assert(fc.property(notACount, (v) => {
      expect(refusedAt(() => findingToDirectiveItem(finding, { label: '(1)', foundOn: '2022-12-31', workingDays: v as number }))).toEqual(['options.workingDays']);
    }), { numRuns: 150 });
  });

  it('assignmentsOf results: ranks are whole numbers from 1 (or null), unit ids known', () => {
    const badRank = fc.oneof(fc.double().filter((x) => !Number.isSafeInteger(x) || x < 1), fc.constantFrom(0, -1, NaN, '1', undefined));
    fc.assert(fc.property(badRank, (rank) => {
      expect(refusedAt(() => assignmentsOf(doc, { registry, results: [{ unitId: 'A', rank: rank as number }] }))).toEqual(['options.results.0.rank']);
    }), { numRuns: 150 });
    expect(refusedAt(() => assignmentsOf(doc, { registry, results: [{ unitId: 'NOPE', rank: 1 }] }))).toEqual(['options.results.0.unitId']);
  });

  it('scheduleDates: day, month and period numbers outside their ranges, or not whole', () => {
    const notADay = fc.oneof(fc.double().filter((x) => !(Number.isInteger(x) && x >= 1 && x <= 31)), fc.constantFrom(0, 32, NaN, '15', 'first'));
    fc.assert(fc.property(notADay, (day) => {
      expect(new Set(refusedAt(() => scheduleDates({ frequency: 'monthly', day: day as number }, '2022-01-01', '2022-12-31')))).toEqual(new Set(['schedule.day']));
    }), { numRuns: 150 });
    // a quarter has three months and a year four quarters
    expect(refusedAt(() => scheduleDates({ frequency: 'quarterly', monthOfPeriod: 4, periods: [5] }, '2022-01-01', '2022-12-31'))).toEqual(['schedule.periods.0', 'schedule.monthOfPeriod']);
  });

  it('parsed input only: a plain copy of a document or item, or a registry-shaped object, is refused', () => {
    const copy = JSON.parse(JSON.stringify(doc));
    expect(refusedAt(() => assignmentsOf(copy, { registry }))).toEqual(['document']);
    expect(refusedAt(() => expandOccurrences(copy.items[0], '2022-01-01', '2022-12-31'))).toEqual(['item']);
    expect(refusedAt(() => assignmentsOf(doc, { registry: { get: () => undefined } as never }))).toEqual(['options.registry']);
    // a spread copies the registry's own fields but not its methods: refused, not a TypeError
    expect(refusedAt(() => assignmentsOf(doc, { registry: { ...registry } }))).toEqual(['options.registry']);
    expect(refusedAt(() => whoAnswers(doc, '(1)', '2022-10-01', { registry: { ...registry } }))).toEqual(['options.registry']);
    expect(refusedAt(() => assignmentsOf(doc, null as never))).toEqual(['options']);
    expect(refusedAt(() => expandOccurrences(doc.items[0]!, '2022-12-31', '2022-01-01'))).toEqual(['to']);
  });
});
