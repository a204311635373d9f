// reconcile on tables as provinces publish them: sections ranked apart, a row-number column, printed ties, classes in
// points or percent printed as "A" or "Loại A", and units printed under abbreviations.
import { describe, expect, it } from 'vitest';
import { parseUnits, reconcile } from '../src/index.js';
import { problems } from './fixtures.js';

const items = { items: [{ code: '1', maxPoints: 10 }, { code: '2', maxPoints: 10 }] };
const byPercent = {
  ...items,
  classes: [
    { id: 'A', minPercent: 90 },
    { id: 'B', minPercent: 80, maxPercentExclusive: 90 },
    { id: 'C', minPercent: 0, maxPercentExclusive: 80 },
  ],
};
const units = [
  { id: 'svhttdl', name: { vi: 'Sở Văn hóa, Thể thao và Du lịch' }, aliases: ['Sở VH, TT & DL'] },
  { id: 'snv', name: { vi: 'Sở Nội vụ' } },
  { id: 'stc', name: { vi: 'Sở Tài chính' } },
  { id: 'd109', name: { vi: 'Huyện Phong Thổ' }, aliases: ['UBND huyện Phong Thổ'] },
  { id: 'd110', name: { vi: 'Huyện Tam Đường' }, aliases: ['UBND huyện Tam Đường'] },
];
// Two sections ranked apart; "No." is the row number; the departments' ranks print a tie as "2=".
// Printed totals: Nội vụ 19 (its items 9 + 8.5 make 17.5), VH 18.5, Tài chính 18.5: ranks 1, 2=, 2= follow from them.
const table = {
  ties: 'competition',
  rows: [
    { no: 1, section: 'Sở, ban, ngành', unit: 'Sở Nội vụ', items: { '1': 9, '2': 8.5 }, total: 19, indexPercent: 95, rank: 1, band: 'Loại A' },
    { no: 2, section: 'Sở, ban, ngành', unit: 'Sở VH,TT&DL', items: { '1': 9.5, '2': 9 }, total: 18.5, indexPercent: 92.5, rank: '2=', band: 'A' },
    { no: 3, section: 'Sở, ban, ngành', unit: 'Sở Tài chính', items: { '1': 9, '2': 9.5 }, total: 18.5, indexPercent: 92.5, rank: '2=', band: 'Loại A' },
    { no: 4, section: 'UBND cấp huyện', unit: 'UBND huyện Phong Thổ', items: { '1': 8, '2': 8 }, total: 16, indexPercent: 80, rank: 1, band: 'Loại B' },
    { no: 5, section: 'UBND cấp huyện', unit: 'UBND huyện Tam Đường', items: { '1': 7, '2': 8.5 }, total: 15.5, indexPercent: 77.5, rank: 2, band: 'Loại B' },
  ],
};

describe('reconciling a real published table', () => {
  it('ranks each section apart, reads "No." as a row number and "2=" as a printed tie, and reports each rank that moves', () => {
    const r = reconcile(byPercent, table, { units });
    expect(r.discrepancies.map((d) => [d.no, d.unitId, d.kind, d.printed, d.expected])).toEqual([
      [1, 'snv', 'totalNotSum', 19, 17.5],
      // corrected: VH 18.5 and Tài chính 18.5 share rank 1 (92.5%), Nội vụ 17.5 (87.5%) is 3rd
      [1, 'snv', 'rankMoved', 1, 3],
      [2, 'svhttdl', 'rankMoved', 2, 1],
      [3, 'stc', 'rankMoved', 2, 1],
      // Tam Đường: 15.5 of 20 = 77.5% is class C, printed "Loại B"
      [5, 'd110', 'bandMismatch', 'Loại B', 'C'],
    ]);
    // the districts are ranked among themselves (1, 2), not after the departments (4, 5): no rank finding there
    expect(r.corrected.map((c) => [c.section, c.no, c.unitId, c.total, c.indexPercent, c.printedRank, c.rank, c.band])).toEqual([
      ['Sở, ban, ngành', 2, 'svhttdl', 18.5, 92.5, 2, 1, 'A'],
      ['Sở, ban, ngành', 3, 'stc', 18.5, 92.5, 2, 1, 'A'],
      // 17.5 of 20 = 87.5%: class B once corrected
      ['Sở, ban, ngành', 1, 'snv', 17.5, 87.5, 1, 3, 'B'],
      ['UBND cấp huyện', 4, 'd109', 16, 80, 1, 1, 'B'],
      ['UBND cấp huyện', 5, 'd110', 15.5, 77.5, 2, 2, 'C'],
    ]);
  });

  it('applies class thresholds in points', () => {
    // Xuất sắc from 18 points, Tốt 16 to < 18, Khá below 16
    const byPoints = { ...items, classes: [{ id: 'Xuất sắc', minPoints: 18 }, { id: 'Tốt', minPoints: 16, maxPointsExclusive: 18 }, { id: 'Khá', minPoints: 0, maxPointsExclusive: 16 }] };
    const rows = table.rows.map((row, i) => ({ ...row, band: ['Xuất sắc', 'Tốt', 'Xuất sắc', 'Tốt', 'Khá'][i] }));
    const r = reconcile(byPoints, { ...table, rows });
    // VH 18.5 points is Xuất sắc, printed Tốt; Nội vụ's printed 19 is Xuất sắc as printed (its corrected 17.5 is Tốt)
    expect(r.discrepancies.filter((d) => d.kind === 'bandMismatch').map((d) => [d.unit, d.printed, d.expected])).toEqual([['Sở VH,TT&DL', 'Tốt', 'Xuất sắc']]);
    expect(r.corrected.find((c) => c.no === 1)!.band).toBe('Tốt');
  });

  it('follows the printed numbering of ties: dense (1, 2, 2, 3) or competition (1, 2, 2, 4)', () => {
    // 18, 16, 16 and 14 of 20 points: 90%, 80%, 80%, 70%
    const rows = [18, 16, 16, 14].map((total, i) => ({ unit: `U${i}`, items: { '1': total / 2, '2': total / 2 }, rank: [1, 2, 2, 3][i] }));
    expect(reconcile(items, { ties: 'dense', rows }).discrepancies).toEqual([]);
    expect(reconcile(items, { rows }).discrepancies.map((d) => [d.unit, d.kind, d.printed, d.expected])).toEqual([
      ['U3', 'rankMismatch', 3, 4],
      ['U3', 'rankMoved', 3, 4],
    ]);
  });

  it('takes the aliases declared on units in a units file', () => {
    const doc = parseUnits({
      units: [
        { id: 'p12', name: { vi: 'Tỉnh Lai Châu' }, kind: 'province', validFrom: '2004-01-01' },
        { id: 'svhttdl', name: { vi: 'Sở Văn hóa, Thể thao và Du lịch' }, aliases: ['Sở VH, TT & DL', 'Sở VHTTDL'], kind: 'department', parentId: 'p12', validFrom: '2008-01-01' },
      ],
    });
    // printed with other spacing around the punctuation: still the same alias
    const r = reconcile(items, { rows: [{ unit: 'Sở VH,TT & DL', items: { '1': 9, '2': 9 } }, { unit: 'sở vhttdl', items: { '1': 8, '2': 9 } }] }, { units: doc.units });
    expect(r.corrected.map((c) => [c.unitId, c.total])).toEqual([['svhttdl', 18], ['svhttdl', 17]]);
    // both aliases are one unit, so the second row is that unit printed twice
    expect(r.discrepancies.map((d) => [d.unitId, d.kind, d.expected])).toEqual([['svhttdl', 'duplicateUnit', 'row 1']]);
    expect(() => parseUnits({ units: [{ ...doc.units[1], parentId: undefined, aliases: ['\u001b[2J'] }] })).toThrow('control characters');
  });

  it('names a printed unit that matches no unit, or several', () => {
    const twins = [...units, { id: 'stc2', name: { vi: 'Sở Tài chính' } }];
    const r = reconcile(items, { rows: [{ unit: 'Sở Tài  chính', items: { '1': 1, '2': 1 } }, { unit: 'Sở KH & ĐT', items: { '1': 1, '2': 1 } }] }, { units: twins });
    expect(r.discrepancies.map((d) => [d.unit, d.kind, d.expected])).toEqual([
      ['Sở Tài  chính', 'ambiguousUnit', 'stc, stc2'],
      ['Sở KH & ĐT', 'unknownUnit', undefined],
    ]);
  });

  it('names a unit printed twice in one section (under its name and under an alias)', () => {
    // two rows for Sở VH: ranked 1 and 2 against each other, which no corrected table can say
    const rows = [
      { no: 1, unit: 'Sở Văn hóa, Thể thao và Du lịch', items: { '1': 9, '2': 9 } },
      { no: 2, unit: 'Sở Nội vụ', items: { '1': 8, '2': 8 } },
      { no: 3, unit: 'Sở VH, TT & DL', items: { '1': 7, '2': 7 } },
    ];
    expect(reconcile(items, { rows }, { units }).discrepancies.map((d) => [d.no, d.unitId, d.kind, d.expected])).toEqual([[3, 'svhttdl', 'duplicateUnit', 'row 1']]);
  });

  it('refuses a class with thresholds in both percent and points, a malformed rank and bad unit options', () => {
    expect(problems(() => reconcile({ ...items, classes: [{ id: 'A', minPercent: 90, minPoints: 18 }] }, table))).toEqual([['classes.0', 'schema.custom']]);
    expect(problems(() => reconcile(items, { rows: [{ unit: 'U', items: {}, rank: 'first' }] }))).toEqual([['rows.0.rank', 'schema.invalid_format']]);
    expect(problems(() => reconcile(items, table, { units: [{ id: 'x', name: 'x' as never }] }))).toEqual([['options.units.0.name', 'schema.invalid_type']]);
  });
});
