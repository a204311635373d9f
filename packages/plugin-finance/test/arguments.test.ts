import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { createFinancePlugin, parseFinanceOptions } from '@par/plugin-finance';
import { allocation, at, pay } from './fixture.js';

const paths = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => i.path.join('.'));
  }
  throw new Error('did not throw');
};

describe('options are refused by path, every problem at once, nothing half-applied', () => {
  it('names each bad field', () => {
    expect(
      paths(() =>
        createFinancePlugin({
          allocations: [allocation({ amount: 1.5 }), allocation({ id: 'A2', projectId: 'P2', planYear: 2024.5, decision: { number: 'x', date: '2023-12-20' }, detailedOn: '2024-01-15' }), allocation({ id: 'A3', projectId: 'P3', group: 'D', decision: { number: 'x', date: '2024-02-30' } })],
          disbursements: [pay('2024-01-05', '1.000')],
          paymentControlWorkingDays: 0,
        } as never),
      ),
    ).toEqual(['allocations.0.amount', 'allocations.1.planYear', 'allocations.2.group', 'allocations.2.decision.date', 'disbursements.0.amount', 'paymentControlWorkingDays']);
  });

  it('refuses duplicates, payments of unknown projects, local capital without its level', () => {
    expect(paths(() => parseFinanceOptions({ allocations: [allocation(), allocation({ budgetLevel: undefined })], disbursements: [pay('2024-01-05', '5', { projectId: 'nope' })] }))).toEqual([
      'allocations.1',
      'allocations.1.budgetLevel',
      'disbursements.0.projectId',
      'allocations.1.id',
    ]);
  });

  it('refuses a bad calendar and a context the host would not build', () => {
    expect(paths(() => createFinancePlugin({}, { calendar: {} as never }))).toEqual(['dependencies.calendar']);
    const check = createFinancePlugin({}).checks![0]!;
    expect(paths(() => check.run({ unitId: 'u1', period: '2022', now: new Date(at('2022-05-01')), referenceDate: '2022-05-02' }))).toEqual(['context.referenceDate']);
    expect([...new Set(paths(() => check.run({ unitId: '', period: '2022-13', now: new Date(Number.NaN), referenceDate: 'x' } as never)))]).toEqual(['context.unitId', 'context.period', 'context.now', 'context.referenceDate']);
  });

  it('fuzzed records are either valid or refused with paths inside the input (property)', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt(), fc.constant('2024-02-30'), fc.constant('1.000.000'));
    const valid = allocation();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), field, (key, value) => {
        const input = { allocations: [{ ...valid, [key]: value }] };
        try {
          parseFinanceOptions(input);
          return true;
        } catch (e) {
          return ParValidationError.isInstance(e) && e.issues.length > 0 && e.issues.every((i) => i.path[0] === 'allocations' && i.path[1] === 0);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          parseFinanceOptions(value);
          return true;
        } catch (e) {
          return ParValidationError.isInstance(e);
        }
      }),
    );
  });
});
