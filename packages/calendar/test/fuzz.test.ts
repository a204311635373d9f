import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, ParValidationError } from '../src/index.js';

const valid = {
  rules: [
    {
      id: 'provinceDay',
      name: { vi: 'Ngày thành lập tỉnh' },
      date: { calendar: 'solar', month: 10, day: 12 },
      days: 1,
      effectiveFrom: '2027-01-01',
      legalBasis: { document: 'QĐ 1/2027/QĐ-UBND' },
    },
  ],
  schedules: [{ year: 2027, occasion: 'provinceDay', daysOff: [{ date: '2027-10-12', kind: 'holiday' }], status: 'announced' }],
};

const only = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
  }
  return true;
};

describe('holiday layers under fuzzing', () => {
  const cal = defaultCalendar();
  it('accepts the valid layers', () => {
    expect(cal.extend(valid).isWorkingDay('2027-10-12')).toBe(false);
  });
  it('throw nothing but ParValidationError on arbitrary JSON and on mutations', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => only(() => cal.extend(input))), { numRuns: 200 });
    const mutated = fc
      .record({ key: fc.constantFrom('id', 'date', 'days', 'startOffset', 'effectiveFrom', 'effectiveTo', 'legalBasis', 'name'), value: fc.jsonValue({ maxDepth: 2 }) })
      .map(({ key, value }) => ({ ...valid, rules: [{ ...valid.rules[0], [key]: value }] }));
    fc.assert(fc.property(mutated, (input) => only(() => cal.extend(input))), { numRuns: 200 });
  });
});
