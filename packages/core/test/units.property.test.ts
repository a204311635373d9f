import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createUnitRegistry } from '../src/index.js';

type UnitJson = { id: string; code?: string; name: { vi: string }; kind: string; parentId?: string; validFrom: string; validTo?: string };
type ChangeJson = Record<string, unknown> & { date: string };

interface HistoryEvent {
  kind: 'merge' | 'absorb' | 'split' | 'rename' | 'dissolve' | 'reparent' | 'endTier';
  gapDays: number;
  picks: number[];
  reuseCode: boolean;
}

const eventArb: fc.Arbitrary<HistoryEvent> = fc.record({
  kind: fc.constantFrom('merge', 'absorb', 'split', 'rename', 'dissolve', 'reparent', 'endTier'),
  gapDays: fc.integer({ min: 1, max: 900 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  reuseCode: fc.boolean(),
});

/** Simulates a random but valid history, producing the units and changes documents it implies. */
function simulate(initial: number, events: HistoryEvent[]) {
  const units: UnitJson[] = [
    { id: 'P', code: '01', name: { vi: 'P' }, kind: 'province', validFrom: '2000-01-01' },
    { id: 'D1', code: '001', name: { vi: 'D1' }, kind: 'district', parentId: 'P', validFrom: '2000-01-01' },
    { id: 'D2', code: '002', name: { vi: 'D2' }, kind: 'district', parentId: 'P', validFrom: '2000-01-01' },
  ];
  const parentNow = new Map<string, string>();
  let nextCode = 10_000;
  let nextId = 0;
  const add = (parentId: string, validFrom: string, code?: string) => {
    const id = `u${nextId++}`;
    units.push({ id, code: code ?? String(nextCode++), name: { vi: id }, kind: 'commune', parentId, validFrom });
    parentNow.set(id, parentId);
    return id;
  };
  for (let i = 0; i < initial; i++) add(i % 2 ? 'D1' : 'D2', '2000-01-01');
  const changes: ChangeJson[] = [];
  let date = '2000-01-01';
  let districtsAlive = true;
  const legalBasis = [{ document: 'test' }];
  const alive = () => units.filter((u) => u.kind === 'commune' && u.validTo === undefined);
  const end = (id: string) => {
    units.find((u) => u.id === id)!.validTo = addDays(date, -1);
  };
  for (const [n, e] of events.entries()) {
    date = addDays(date, e.gapDays);
    const live = alive();
    if (e.kind === 'endTier') {
      if (!districtsAlive) continue;
      districtsAlive = false;
      end('D1');
      end('D2');
      for (const [id, p] of parentNow) if (p !== 'P') parentNow.set(id, 'P');
      changes.push({ id: `c${n}`, kind: 'dissolve', date, unitIds: ['D1', 'D2'], successorId: 'P', childrenTo: 'P', legalBasis });
      continue;
    }
    if (live.length === 0) continue;
    const picked = [...new Set(e.picks.map((p) => live[p % live.length]!.id))];
    const first = picked[0]!;
    const home = districtsAlive ? 'D1' : 'P';
    if (e.kind === 'merge') {
      picked.forEach(end);
      const into = add(home, date, e.reuseCode ? units.find((u) => u.id === first)!.code : undefined);
      changes.push({ id: `c${n}`, kind: 'merge', date, from: picked, into, legalBasis });
    } else if (e.kind === 'absorb') {
      const into = live.find((u) => !picked.includes(u.id));
      if (!into) continue;
      picked.forEach(end);
      changes.push({ id: `c${n}`, kind: 'absorb', date, from: picked, into: into.id, legalBasis });
    } else if (e.kind === 'split') {
      end(first);
      const into = [add(home, date, e.reuseCode ? units.find((u) => u.id === first)!.code : undefined), add(home, date)];
      changes.push({ id: `c${n}`, kind: 'split', date, from: first, into, legalBasis });
    } else if (e.kind === 'dissolve') {
      end(first);
      changes.push({ id: `c${n}`, kind: 'dissolve', date, unitIds: [first], legalBasis });
    } else if (e.kind === 'rename') {
      changes.push({ id: `c${n}`, kind: 'rename', date, unitId: first, name: { vi: `${first} ${n}` }, ...(e.reuseCode ? { code: String(nextCode++) } : {}), legalBasis });
    } else {
      const parentId = districtsAlive && e.reuseCode ? 'D2' : 'P';
      parentNow.set(first, parentId);
      changes.push({ id: `c${n}`, kind: 'reparent', date, unitIds: [first], parentId, legalBasis });
    }
  }
  return { units: { units }, changes: { changes }, lastDate: date };
}

const historyArb = fc
  .record({ initial: fc.integer({ min: 1, max: 8 }), events: fc.array(eventArb, { maxLength: 14 }) })
  .map(({ initial, events }) => simulate(initial, events));

describe('random valid unit histories', () => {
  it('are accepted, survive a JSON round trip, and never show two units with one code on a date', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.integer({ min: 0, max: 15_000 }), { minLength: 1, maxLength: 8 }), (h, offsets) => {
        const registry = createUnitRegistry(h.units, h.changes);
        const again = createUnitRegistry(JSON.parse(JSON.stringify(h.units)), JSON.parse(JSON.stringify(h.changes)));
        const dates = [
          ...offsets.map((o) => addDays('2000-01-01', o)),
          ...h.changes.changes.flatMap((c) => [c.date, addDays(c.date, -1)]),
        ];
        for (const d of dates) {
          const tree = registry.at(d);
          expect(again.at(d).units).toEqual(tree.units);
          const codes = tree.units.flatMap((u) => (u.code === undefined ? [] : [u.code]));
          expect(new Set(codes).size).toBe(codes.length);
          for (const u of tree.units) {
            // every unit's parent exists on the same date
            if (u.parentId !== undefined) expect(tree.get(u.parentId)).toBeDefined();
          }
        }
        for (const u of h.units.units) {
          expect(again.successorsOf(u.id, h.lastDate)).toEqual(registry.successorsOf(u.id, h.lastDate));
          expect(again.predecessorsOf(u.id)).toEqual(registry.predecessorsOf(u.id));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the history generator', () => {
  it('produces every kind of change, so the property above is not vacuous', () => {
    const kinds = new Set(fc.sample(historyArb, { numRuns: 200, seed: 7 }).flatMap((h) => h.changes.changes.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['absorb', 'dissolve', 'merge', 'rename', 'reparent', 'split']);
  });
});
