import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { FINANCE_FRAMEWORK_FRAGMENTS, createFinancePlugin, disbursementCurves, parseFinanceOptions, rankUnitsByRate, type FinanceOptions } from '@par/plugin-finance';
import { allocation, metrics, pay } from './fixture.js';

const y = { planYear: 2022 };
const options = {
  allocations: [
    allocation({ ...y, amount: '1000000000' }),
    allocation({ ...y, id: 'A2', unitId: 'u2', projectId: 'P2', amount: '500000000' }),
    allocation({ ...y, id: 'A3', unitId: 'u3', projectId: 'P3', amount: '200000000' }),
  ],
  disbursements: [
    pay('2022-01-20', '100000000', y),
    pay('2022-03-10', '200000000', { ...y, kind: 'advance' }),
    // the advance settled by a payment: the recovery and the payment cancel out, so it is counted once
    pay('2022-04-05', '50000000', { ...y, kind: 'advanceRecovery' }),
    pay('2022-04-05', '50000000', y),
    pay('2022-04-30', '150000000', { ...y, unitId: 'u2', projectId: 'P2' }),
    pay('2022-02-01', '100000000', { ...y, unitId: 'u3', projectId: 'P3' }),
    pay('2022-05-01', '999000000', y), // after the reference date's last cut-off
  ],
  settlements: [{ projectId: 'P7', unitId: 'u1', name: 'Trường học', group: 'C', investmentDecidedOn: '2019-01-01', handedOverOn: '2022-01-10' }],
  serviceUnits: ['s1', 's2', 's3'].map((serviceUnitId) => ({ serviceUnitId, unitId: 'u1' })),
  autonomyPlans: ['s1', 's2'].map((serviceUnitId) => ({ serviceUnitId, unitId: 'u1', planYear: 2022, revenue: '100', spending: '100', investmentSelfFinanced: false, group: 2, approvalDecision: { number: '1/QĐ', date: '2022-02-01' }, stablePeriod: { from: 2022, to: 2025 } })),
  auditRecommendations: [
    { id: 'K1', unitId: 'u1', issuedBy: 'Thanh tra tỉnh', issuedOn: '2022-01-05', dueDate: '2022-03-31', description: 'a', implementedOn: '2022-03-01' },
    { id: 'K2', unitId: 'u1', issuedBy: 'Thanh tra tỉnh', issuedOn: '2022-01-05', dueDate: '2022-04-30', description: 'b' },
  ],
};
const config = parseFinanceOptions(options);

describe('disbursement curves, ranking and projection', () => {
  it('gives the cumulative rate at each month-end passed, and projects the year end from the months so far', () => {
    const [u1] = disbursementCurves(config, { planYear: 2022, referenceDate: '2022-05-01', unitIds: ['u1'] });
    // cumulative: Jan 100M, Feb 100M, Mar 300M (advance), Apr 300M (recovery -50M, payment +50M) of 1,000M
    expect(u1!.points.map((p) => [p.cutOff, p.ratePercent])).toEqual([
      ['2022-01-31', '10.00'],
      ['2022-02-28', '10.00'],
      ['2022-03-31', '30.00'],
      ['2022-04-30', '30.00'],
    ]);
    // monthly gains 100, 0, 200, 0 (mean 75M); 9 cut-offs remain (May-Dec and 31/01): 300 + 9 x 75 = 975M -> 97.50 %;
    // slowest month 0 -> 30.00 %; fastest 200M -> 300 + 1,800 = 2,100M -> 210.00 %
    expect(u1!.projection).toEqual({ percent: '97.50', low: '30.00', high: '210.00', monthsObserved: 4 });
    expect(u1!.planText).toBe('1.000.000.000');
    expect(disbursementCurves(config, { planYear: 2022, referenceDate: '2022-01-31' })[0]!.points).toEqual([]); // 31/01 is not over yet
  });

  it('ranks units by the exact rate at the last cut-off, ties sharing a rank', () => {
    // u3 100/200 = 50 %; u1 300/1,000 = 30 %; u2 150/500 = 30 %
    expect(rankUnitsByRate(config, { planYear: 2022, referenceDate: '2022-05-01' }).map((r) => [r.rank, r.unitId, r.ratePercent])).toEqual([
      [1, 'u3', '50.00'],
      [2, 'u1', '30.00'],
      [2, 'u2', '30.00'],
    ]);
  });

  it('divides by the plan asked for: the Prime Minister\'s plan has its own projects', () => {
    const c = parseFinanceOptions({
      allocations: [allocation({ planYear: 2025, amount: '1000000000' }), allocation({ id: 'A2', planYear: 2025, projectId: 'P2', capitalSource: 'central', budgetLevel: undefined, denominator: 'primeMinister', amount: '400000000' })],
      disbursements: [pay('2025-02-10', '300000000', { planYear: 2025 }), pay('2025-02-11', '100000000', { planYear: 2025, projectId: 'P2' })],
    });
    const at = (denominator?: 'primeMinister' | 'locality') => disbursementCurves(c, { planYear: 2025, referenceDate: '2025-03-01', denominator })[0]!.points.at(-1)!.ratePercent;
    expect([at(), at('locality'), at('primeMinister')]).toEqual(['30.00', '30.00', '25.00']); // 300/1,000; 100/400
  });

  it('shows the target path of the year (2025: 100 % by 31/01/2026)', () => {
    const c = parseFinanceOptions({ allocations: [allocation({ planYear: 2025 })], targets: [{ planYear: 2025, cutOff: '2025-06-30', percent: '40.5', document: 'x' }] });
    expect(disbursementCurves(c, { planYear: 2025, referenceDate: '2025-03-01' })[0]!.targetPath).toEqual([
      { cutOff: '2025-06-30', percent: '40.50' },
      { cutOff: '2026-01-31', percent: '100.00' },
    ]);
  });

  it('refuses a plain object and bad arguments, by path', () => {
    const e = (() => {
      try {
        disbursementCurves({ ...config }, { planYear: 2022.5, referenceDate: '2022-02-30' });
      } catch (x) {
        return x as ParValidationError;
      }
    })()!;
    expect(ParValidationError.isInstance(e)).toBe(true);
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['config', 'args.planYear', 'args.referenceDate']);
  });
});

describe('field 6 metrics', () => {
  it('computes each criterion\'s metric by hand', async () => {
    // on 11/05/2022: rate at 30/04 = 30 %; P7 (C) preparation due 10/05/2022, overdue; 2 of 3 service units approved;
    // of K1 and K2 (both due), K1 done: 50 %
    expect(await metrics(options, '2022-05-11')).toEqual({
      'finance.disbursementRate': 30,
      'finance.overdueSettlements': 1,
      'finance.autonomyPlansApprovedRate': 66.666666,
      'finance.auditRecommendationsImplementedRate': 50,
      'finance.auditRecommendationsDone': false,
    });
    // on 01/02/2023 the final cut-off (31/01/2023) is over: 300M + 999M = 1,299M of 1,000M = 129.9 %
    expect((await metrics(options, '2023-02-01', 'u1', '2022'))['finance.disbursementRate']).toBe(129.9);
  });

  it('binds the illustrative field 6 criteria to those metrics through the plugin contract', () => {
    const plugin = createFinancePlugin(options as FinanceOptions);
    expect(plugin.frameworkFragments).toBe(FINANCE_FRAMEWORK_FRAGMENTS);
    const ids = new Set(plugin.metricProviders!.map((m) => m.metricId));
    expect(FINANCE_FRAMEWORK_FRAGMENTS.map((n) => [n.code, n.metric?.metricId, ids.has(n.metric!.metricId)])).toEqual([
      ['6.1', 'finance.disbursementRate', true],
      ['6.2', 'finance.overdueSettlements', true],
      ['6.3', 'finance.autonomyPlansApprovedRate', true],
      ['6.4', 'finance.auditRecommendationsDone', true],
    ]);
  });
});
