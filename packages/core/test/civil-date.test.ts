import { describe, expect, it } from 'vitest';
import { addDays, civilDate, daysBetween, lastDayOfMonth, periodRange } from '../src/index.js';

describe('civil dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysBetween('2022-09-07', '2022-12-31')).toBe(115);
  });

  it('knows month lengths and clamps days', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(civilDate(2022, 6, 31)).toBe('2022-06-30');
  });

  it('gives the first and last day of every kind of period', () => {
    expect(periodRange('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(periodRange('2022-H2')).toEqual({ start: '2022-07-01', end: '2022-12-31' });
    expect(periodRange('2022-H1')).toEqual({ start: '2022-01-01', end: '2022-06-30' });
    expect(periodRange('2022-Q3')).toEqual({ start: '2022-07-01', end: '2022-09-30' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });
});
