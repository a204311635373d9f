import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutOffsOf, parseFinanceOptions, unitLedgers } from '@par/plugin-finance';
import { syntheticLedger } from '../bench/ledger-data.js';

describe('exact sums over a million transactions', () => {
  it('equal a plain bigint reference at every cut-off of every unit, where binary floating point drifts', () => {
    const data = syntheticLedger(1_000_000, 10_000, 3_000);
    const config = parseFinanceOptions(data);
    const ledgers = unitLedgers(config, 2025);

    // the reference: a separate loop straight over the JSON strings, in bigint
    const reference = new Map<string, bigint[]>();
    let floatTotal = 0;
    let exactTotal = 0n;
    for (const d of data.disbursements) {
      const month = d.date.startsWith('2026-') ? 12 : Number(d.date.slice(5, 7)) - 1;
      const signed = d.kind === 'advanceRecovery' ? -BigInt(d.amount) : BigInt(d.amount);
      const row = reference.get(d.unitId) ?? reference.set(d.unitId, new Array<bigint>(13).fill(0n)).get(d.unitId)!;
      for (let i = month; i < 13; i++) row[i]! += signed;
      exactTotal += signed;
      floatTotal += Number(signed);
    }
    expect(ledgers.size).toBe(3_000);
    for (const [unitId, row] of reference) expect(ledgers.get(unitId)!.cumulative, unitId).toEqual(row);
    const total = [...ledgers.values()].reduce((s, l) => s + l.cumulative[12]!, 0n);
    expect(total).toBe(exactTotal);
    expect(cutOffsOf(2025).at(-1)).toBe('2026-01-31');
    // the same sum in binary floating point is wrong by whole đồng: why amounts are bigint
    expect(BigInt(floatTotal)).not.toBe(exactTotal);
  });
});

describe('the ledger (property)', () => {
  it('equals a bigint sum of the disbursements inside 01/01 to 31/01 of the next year, at the last cut-off', () => {
    const tx = fc.record({
      unit: fc.constantFrom('u1', 'u2'),
      date: fc.integer({ min: 0, max: 800 }).map((i) => new Date(Date.UTC(2024, 10, 1) + i * 86_400_000).toISOString().slice(0, 10)),
      amount: fc.bigInt({ min: 1n, max: 10n ** 20n }),
      kind: fc.constantFrom('payment', 'advance', 'advanceRecovery'),
    });
    fc.assert(
      fc.property(fc.array(tx, { maxLength: 40 }), (txs) => {
        const config = parseFinanceOptions({
          allocations: ['u1', 'u2'].map((u) => ({ id: u, unitId: u, planYear: 2025, capitalSource: 'central', projectId: `P-${u}`, group: 'C', amount: '1', decision: { number: 'x', date: '2024-12-01' }, denominator: 'locality' })),
          disbursements: txs.map((t) => ({ unitId: t.unit, projectId: `P-${t.unit}`, planYear: 2025, date: t.date, amount: t.amount.toString(), kind: t.kind })),
        });
        const ledgers = unitLedgers(config, 2025);
        return ['u1', 'u2'].every((u) => {
          const expected = txs.filter((t) => t.unit === u && t.date >= '2025-01-01' && t.date <= '2026-01-31').reduce((s, t) => s + (t.kind === 'advanceRecovery' ? -t.amount : t.amount), 0n);
          return ledgers.get(u)!.cumulative[12] === expected;
        });
      }),
      { numRuns: 200 },
    );
  });
});
