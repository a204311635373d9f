// The compact form the store keeps beside each assessment document (migration 0004): numbers in, the same numbers
// out, for any 32-bit integers; a stored form that cannot be read is passed over, never half-read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssessment, parseFramework } from '@par/core';
import { decodeInts, encodeInts, fromStoredPacked, storedPacked } from '../src/packed-column.js';

describe('the compact form of stored assessments', () => {
  it('gives back every list of 32-bit integers exactly, as cells (a position less the entry) or as rounds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 64 }), fc.constantFrom(4, 5), (values, stride) => {
        const a = Int32Array.from(values);
        expect(Array.from(decodeInts(encodeInts(a, stride), stride)!)).toEqual(values);
      }),
      { numRuns: 500 },
    );
    // entries in leaf order: positions 0, 1 and 2 (256 * 2 + 6: flags 6) are stored as 0, 0 and 6, a byte each (zigzag 12)
    expect(Buffer.from(encodeInts(Int32Array.of(0, 0, 0, 0, 256, 0, 0, 0, 518, 0, 0, 0), 4), 'base64')).toEqual(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0]));
    // a number cut short, or longer than 32 bits, is no list
    expect(decodeInts(Buffer.from([0x80]).toString('base64'), 4)).toBeUndefined();
    expect(decodeInts(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]).toString('base64'), 4)).toBeUndefined();
  });

  it('keeps points beyond 32-bit cells as doubles, and passes over a stored form it cannot read', () => {
    const fw = parseFramework({
      id: 'big', version: '1', title: { vi: 'x' }, years: { from: 2024 }, unitKinds: ['commune'], scale: 5000,
      channels: [{ id: 'appraised', name: { vi: 'a' }, maxPoints: 5000 }],
      bands: [{ id: 'all', label: { vi: 'x' } }],
      nodes: [{ code: '1', name: { vi: 'x' }, maxPoints: 5000, channel: 'appraised', rule: { kind: 'manual' } }],
    });
    const a = parseAssessment({ unitId: 'c1', framework: { id: 'big', version: '1' }, period: '2024', status: 'appraised', entries: [{ code: '1', self: { points: 4999.999999 }, appraisals: [{ round: 1, points: 4000.5, appraiser: 'Tổ thẩm định' }] }] }, fw);
    const stored = JSON.parse(JSON.stringify(storedPacked(a)));
    expect(stored.cellType).toBe('float64');
    expect(JSON.stringify(fromStoredPacked(stored, fw))).toBe(JSON.stringify(a));
    for (const bad of [{ ...stored, cells: 'AAAA' }, { ...stored, cellType: 'int64' }, { ...stored, format: 2 }, { ...stored, rounds: 7 }, null, 'x']) expect(fromStoredPacked(bad, fw)).toBeUndefined();
  });
});
