import { describe, expect, it } from 'vitest';
import { createUnitRegistry, ParValidationError, parseUnits, type ParIssue } from '../src/index.js';
import { miniChanges, miniUnits } from './fixtures.js';

const ids = (units: readonly { id: string }[]) => units.map((u) => u.id);

function issuesOf(fn: () => unknown): ParIssue[] {
  try {
    fn();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return [...e.issues];
    throw e;
  }
  throw new Error('expected a ParValidationError');
}

describe('unit registry queries', () => {
  const registry = createUnitRegistry(miniUnits(), miniChanges());

  it('gives the tree as it stood on a date', () => {
    const t = registry.at('2022-01-01');
    expect(ids(t.units)).toEqual(['P', 'D1', 'D2', 'A', 'B', 'C']);
    expect(ids(t.roots)).toEqual(['P']);
    expect(ids(t.childrenOf('D1'))).toEqual(['A', 'B']);
    expect(ids(t.descendantsOf('P'))).toEqual(['D1', 'A', 'B', 'D2', 'C']);
    expect(ids(t.ancestorsOf('C'))).toEqual(['D2', 'P']);
    expect(t.byCode('00001')?.id).toBe('A');
  });

  it('re-parents the children of a dissolved tier to the province', () => {
    const t = registry.at('2025-07-01');
    expect(ids(t.units)).toEqual(['P', 'C', 'AB']);
    expect(t.get('C')?.parentId).toBe('P');
    expect(ids(t.ancestorsOf('C'))).toEqual(['P']);
    expect(ids(t.childrenOf('P'))).toEqual(['C', 'AB']);
    expect(registry.versionOn('C', '2025-06-30')?.parentId).toBe('D2');
    expect(t.get('D1')).toBeUndefined();
  });

  it('lets a code name a different, larger unit later', () => {
    expect(registry.at('2025-06-30').byCode('00001')?.id).toBe('A');
    expect(registry.at('2025-07-01').byCode('00001')?.id).toBe('AB');
    expect(registry.at('2027-01-01').byCode('00001')).toBeUndefined();
  });

  it('follows renames by date', () => {
    expect(registry.versionOn('C', '2022-12-31')?.name.vi).toBe('C');
    expect(registry.versionOn('C', '2023-01-01')?.name.vi).toBe('C mới');
    expect(registry.get('C')?.name.vi).toBe('C');
    expect(registry.versionOn('C', '1999-12-31')).toBeUndefined();
  });

  it('answers lineage questions', () => {
    expect(registry.predecessorsOf('AB').map((s) => s.unitId)).toEqual(['A', 'B']);
    expect(registry.predecessorsOf('AB')[0]!.via.map((c) => c.id)).toEqual(['m1']);
    expect(registry.predecessorsOf('A')).toEqual([]);
    expect(registry.successorsOf('A').map((s) => s.unitId)).toEqual(['AB']);
    expect(registry.successorsOf('AB').map((s) => s.unitId)).toEqual(['X', 'Y']);
    // on a date: the unit itself while it exists, then whoever answers for it
    expect(registry.successorsOf('A', '2024-05-05')).toEqual([{ unitId: 'A', via: [] }]);
    expect(registry.successorsOf('A', '2025-07-01').map((s) => [s.unitId, s.via.map((c) => c.id)])).toEqual([['AB', ['m1']]]);
    expect(registry.successorsOf('B', '2027-01-01').map((s) => [s.unitId, s.via.map((c) => c.id)])).toEqual([
      ['X', ['m1', 's1']],
      ['Y', ['m1', 's1']],
    ]);
    expect(registry.successorsOf('D1', '2026-01-01').map((s) => s.unitId)).toEqual(['P']);
    expect(registry.successorsOf('AB', '2020-01-01')).toEqual([]);
  });

  it('records establishment and a rename that changes the code', () => {
    const u = miniUnits();
    u.units.push({ id: 'Z', code: '00099', name: { vi: 'Z' }, kind: 'specialZone', parentId: 'P', validFrom: '2025-07-01' });
    const c = miniChanges();
    c.changes.push(
      { id: 'e1', kind: 'establish', date: '2025-07-01', unitIds: ['Z'], legalBasis: [{ document: 'NQ' }] },
      { id: 'r2', kind: 'rename', date: '2026-01-01', unitId: 'Z', name: { vi: 'Đặc khu Z' }, code: '00098', legalBasis: [{ document: 'NQ' }] },
    );
    const r = createUnitRegistry(u, c);
    expect(r.predecessorsOf('Z')).toEqual([]);
    expect(r.at('2025-12-31').byCode('00099')?.id).toBe('Z');
    expect(r.at('2026-01-01').byCode('00099')).toBeUndefined();
    expect(r.at('2026-01-01').byCode('00098')?.name.vi).toBe('Đặc khu Z');
    c.changes[4]!.date = '2025-08-01';
    expect(issuesOf(() => createUnitRegistry(u, c)).map((i) => [i.path, i.code])).toEqual([[['changes', 4, 'unitIds', 0], 'start_mismatch']]);
  });

  it('names unit kinds, built in and declared', () => {
    const r = createUnitRegistry({
      kinds: [{ id: 'borderPost', name: { vi: 'Đồn biên phòng' } }],
      units: [{ id: 'bp', name: { vi: 'Đồn' }, kind: 'borderPost', validFrom: '2020-01-01' }],
    });
    expect(r.kindName('borderPost')?.vi).toBe('Đồn biên phòng');
    expect(r.kindName('township')?.vi).toBe('Thị trấn');
    expect(r.kindName('nothing')).toBeUndefined();
  });
});

describe('invalid unit histories are rejected', () => {
  const units = () => miniUnits();
  const changes = () => miniChanges();

  it('rejects a unit valid after the change that ends it', () => {
    const u = units();
    u.units[3]!.validTo = '2025-12-31';
    // A would also hold its code 00001 while AB, which took it, already exists
    expect(issuesOf(() => createUnitRegistry(u, changes())).map((i) => [i.path, i.code])).toEqual([
      [['units', 3, 'validTo'], 'valid_after_dissolution'],
      [['units', 6, 'code'], 'duplicate_code'],
    ]);
    const open = units();
    delete open.units[3]!.validTo;
    expect(issuesOf(() => createUnitRegistry(open, changes())).map((i) => i.code)).toContain('valid_after_dissolution');
  });

  it('rejects a unit that ended before the change that ends it', () => {
    const u = units();
    u.units[4]!.validTo = '2025-06-29';
    expect(issuesOf(() => createUnitRegistry(u, changes()))).toEqual([
      expect.objectContaining({ path: ['units', 4, 'validTo'], code: 'ended_before_change' }),
    ]);
  });

  it('rejects a unit ended by two changes (overlapping successors)', () => {
    const c = changes();
    c.changes.push({ id: 'm2', kind: 'absorb', date: '2025-07-01', from: ['A'], into: 'C', legalBasis: [{ document: 'x' }] });
    expect(issuesOf(() => createUnitRegistry(units(), c))).toEqual([
      expect.objectContaining({ path: ['changes', 4, 'from', 0], code: 'overlapping_successors' }),
    ]);
  });

  it('rejects a unit merging into itself', () => {
    const c = changes();
    (c.changes[0]!.from as string[]).push('AB');
    expect(issuesOf(() => createUnitRegistry(units(), c)).map((i) => [i.path, i.code])).toEqual([[['changes', 0, 'from', 2], 'lineage_cycle']]);
  });

  it('rejects a parent cycle', () => {
    const u = units();
    u.units[0]!.parentId = 'C';
    u.units[0]!.validFrom = '2000-01-01';
    const codes = issuesOf(() => createUnitRegistry(u, changes())).map((i) => i.code);
    expect(codes).toContain('parent_cycle');
  });

  it('rejects a child outliving its parent without a re-parenting change', () => {
    const c = changes();
    delete c.changes[1]!.childrenTo;
    expect(issuesOf(() => createUnitRegistry(units(), c))).toEqual([
      expect.objectContaining({ path: ['units', 5, 'validTo'], code: 'child_outlives_parent' }),
    ]);
    // an explicit re-parenting change mends it
    c.changes.push({ id: 'rp', kind: 'reparent', date: '2025-07-01', unitIds: ['C'], parentId: 'P', legalBasis: [{ document: 'x' }] });
    expect(createUnitRegistry(units(), c).versionOn('C', '2025-07-01')?.parentId).toBe('P');
  });

  it('rejects a parent that does not exist yet', () => {
    const u = units();
    u.units[5]!.parentId = 'AB';
    const found = issuesOf(() => createUnitRegistry(u, changes()));
    expect(found.map((i) => i.code)).toEqual(['parent_not_yet_valid', 'child_outlives_parent']);
  });

  it('rejects two units holding one code at the same time', () => {
    const u = units();
    u.units[4]!.code = '00001';
    expect(issuesOf(() => createUnitRegistry(u, changes()))).toEqual([
      expect.objectContaining({ path: ['units', 4, 'code'], code: 'duplicate_code' }),
    ]);
  });

  it('rejects changes naming unknown units, or units that do not exist on the date', () => {
    const c = changes();
    c.changes[0]!.into = 'ZZ';
    c.changes[2]!.date = '2030-01-01';
    c.changes[3]!.into = ['X', 'C'];
    expect(issuesOf(() => createUnitRegistry(units(), c)).map((i) => [i.path, i.code])).toEqual([
      [['changes', 0, 'into'], 'unknown_unit'],
      [['changes', 3, 'into', 1], 'start_mismatch'],
    ]);
    const c2 = changes();
    c2.changes[2]!.unitId = 'A';
    c2.changes[2]!.date = '2026-01-01';
    expect(issuesOf(() => createUnitRegistry(units(), c2)).map((i) => [i.path, i.code])).toEqual([[['changes', 2, 'unitId'], 'not_valid_on_date']]);
  });

  it('reports every problem of a units document at once, by path', () => {
    const u = units();
    u.units[8]!.id = 'X';
    u.units[2]!.kind = 'comune';
    u.units[3]!.validTo = '1999-01-01';
    u.units[4]!.parentId = 'nowhere';
    (u.units[5] as Record<string, unknown>).validFrom = '2022-02-30';
    expect(issuesOf(() => parseUnits(u)).map((i) => [i.path, i.code])).toEqual([[['units', 5, 'validFrom'], 'schema.invalid_format']]);
    (u.units[5] as Record<string, unknown>).validFrom = '2000-01-01';
    expect(issuesOf(() => parseUnits(u)).map((i) => [i.path, i.code])).toEqual([
      [['units', 2, 'kind'], 'unknown_kind'],
      [['units', 3, 'validTo'], 'invalid_interval'],
      [['units', 8, 'id'], 'duplicate_id'],
      [['units', 4, 'parentId'], 'unknown_unit'],
    ]);
  });

  it('throws an error that says what and where', () => {
    const u = units();
    u.units[2]!.kind = 'comune';
    try {
      parseUnits(u);
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).code).toBe('PAR_VALIDATION');
      expect((e as Error).message).toContain('units[2].kind');
      expect(ParValidationError.isInstance(new Error('x'))).toBe(false);
    }
  });
});

describe('merge into a new unit, absorb into an existing one', () => {
  const basis = [{ document: '1670/NQ-UBTVQH15' }];

  it('refuses a merge whose new unit started before its predecessors ended, and points to absorb', () => {
    // C exists since 2000-01-01: merging A into it on 2025-07-01 is not a merge into a NEW unit
    const c = miniChanges();
    c.changes.push({ id: 'm2', kind: 'merge', date: '2025-07-01', from: ['A'], into: 'C', legalBasis: basis });
    (c.changes[0]!.from as string[]).splice(0, 1); // m1 now merges B alone into AB
    const found = issuesOf(() => createUnitRegistry(miniUnits(), c));
    expect(found.map((i) => [i.path, i.code])).toEqual([[['changes', 4, 'into'], 'start_mismatch']]);
    expect(found[0]!.message).toContain('"absorb"');
  });

  it('refuses a merge whose new unit starts later than the day after its predecessors end', () => {
    const u = miniUnits();
    u.units[6]!.validFrom = '2025-07-02';
    expect(issuesOf(() => createUnitRegistry(u, miniChanges())).map((i) => [i.path, i.code])).toContainEqual([['changes', 0, 'into'], 'not_valid_on_date']);
  });

  it('accepts an existing unit absorbing others, and follows lineage through it', () => {
    const c = miniChanges();
    c.changes[0] = { id: 'a1', kind: 'absorb', date: '2025-07-01', from: ['A', 'B'], into: 'C', legalBasis: basis };
    c.changes.splice(3, 1); // no AB, so no split of it
    const u = miniUnits();
    u.units.splice(6, 3); // drop AB, X and Y
    const r = createUnitRegistry(u, c);
    expect(r.successorsOf('A', '2025-07-01').map((s) => [s.unitId, s.via.map((x) => x.kind)])).toEqual([['C', ['absorb']]]);
    expect(r.predecessorsOf('C').map((s) => s.unitId)).toEqual(['A', 'B']);
  });

  it('refuses an absorb into a unit that only starts on the change date', () => {
    const c = miniChanges();
    c.changes[0]!.kind = 'absorb';
    expect(issuesOf(() => createUnitRegistry(miniUnits(), c)).map((i) => [i.path, i.code])).toEqual([[['changes', 0, 'into'], 'start_mismatch']]);
  });
});

describe('registry queries check their arguments', () => {
  const registry = createUnitRegistry(miniUnits(), miniChanges());
  const paths = (fn: () => unknown) => issuesOf(fn).map((i) => [i.path.join('.'), i.code]);

  it('refuses impossible or malformed dates instead of answering', () => {
    expect(paths(() => registry.versionOn('C', '2023-02-30'))).toEqual([['date', 'invalid_date']]);
    expect(paths(() => registry.at('2023/01/10'))).toEqual([['date', 'invalid_date']]);
    expect(paths(() => registry.successorsOf('A', '2025-7-1'))).toEqual([['date', 'invalid_date']]);
    expect(paths(() => registry.versionOn(42 as never, 'soon'))).toEqual([['id', 'invalid_id'], ['date', 'invalid_date']]);
  });

  it('refuses ids it does not know where a unit is required; look-ups say undefined', () => {
    expect(paths(() => registry.successorsOf('ZZ', '2025-07-01'))).toEqual([['id', 'unknown_unit']]);
    expect(paths(() => registry.predecessorsOf('ZZ'))).toEqual([['id', 'unknown_unit']]);
    expect(registry.versionOn('ZZ', '2025-07-01')).toBeUndefined();
    expect(registry.get('ZZ')).toBeUndefined();
    expect(registry.at('2025-07-01').get('D1')).toBeUndefined();
  });

  it('refuses the children of a unit that does not exist on the tree\'s date, rather than "none"', () => {
    // D1 ended on 2025-06-30: "the communes of D1" on 2025-07-01 is a question with no answer, not an empty list
    const t = registry.at('2025-07-01');
    expect(paths(() => t.childrenOf('D1'))).toEqual([['id', 'not_valid_on_date']]);
    expect(paths(() => t.descendantsOf('D1'))).toEqual([['id', 'not_valid_on_date']]);
    expect(paths(() => t.ancestorsOf('ZZ'))).toEqual([['id', 'unknown_unit']]);
    expect(paths(() => t.byCode(1 as never))).toEqual([['code', 'invalid_id']]);
  });
});
