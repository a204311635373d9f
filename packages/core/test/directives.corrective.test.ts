import { describe, expect, it } from 'vitest';
import type { Calendar } from '@par/calendar';
import { expandOccurrences, findingToDirectiveItem } from '../src/index.js';
import { aFinding, problems as codes } from './fixtures.js';

const finding = aFinding;

describe('a corrective item made from a finding', () => {
  it('is due 10 working days after the finding, never on the missed rule deadline', () => {
    // Found on Saturday 31/12/2022. Sunday 1/1/2023 is New Year and Monday 2/1/2023 its compensatory day off, so the
    // working days are 3, 4, 5, 6, 9, 10, 11, 12, 13 and 16 January: the 10th is Monday 16/1/2023.
    const item = findingToDirectiveItem(finding(), { label: '(1)', foundOn: '2022-12-31' });
    expect(item.due).toEqual({ kind: 'date', date: '2023-01-16', bound: 'noLaterThan' });
    expect([item.label, item.lead, item.priority, item.summary.vi]).toEqual(['(1)', [{ by: 'unit', unitId: 'd109-vp' }], 'high', 'Khắc phục: Quy trình P-03 chưa cập nhật']);
    // the item is usable at once: one deadline in 2023
    expect(expandOccurrences(item, '2022-12-31', '2023-12-31').map((o) => [o.dueDate, o.period])).toEqual([['2023-01-16', '2023']]);
  });

  it('takes a configurable number of working days', () => {
    // 5 working days from 31/12/2022: 3, 4, 5, 6 and 9 January
    expect(findingToDirectiveItem(finding(), { label: '(1)', foundOn: '2022-12-31', workingDays: 5 }).due).toMatchObject({ date: '2023-01-09' });
    // the host's own calendar (e.g. with a provincial day off) is the one counted in
    const asked: unknown[] = [];
    const calendar = { addWorkingDays: (date: string, n: number) => (asked.push([date, n]), '2023-01-10') } as unknown as Calendar;
    expect(findingToDirectiveItem(finding(), { label: '(1)', foundOn: '2022-12-31', workingDays: 5, calendar }).due).toMatchObject({ date: '2023-01-10' });
    expect(asked).toEqual([['2022-12-31', 5]]);
  });

  it("uses the rule's own remedy period where the finding carries one", () => {
    // 30 calendar days from 31/12/2022 is 30/1/2023
    expect(findingToDirectiveItem(finding({ remedyPeriod: { days: 30, unit: 'calendarDays' } }), { label: '(1)', foundOn: '2022-12-31' }).due).toMatchObject({ date: '2023-01-30' });
    // 3 working days: 3, 4 and 5 January
    expect(findingToDirectiveItem(finding({ remedyPeriod: { days: 3, unit: 'workingDays' } }), { label: '(1)', foundOn: '2022-12-31' }).due).toMatchObject({ date: '2023-01-05' });
  });

  it('refuses an explicit due rule that ends before the finding, a missing date and bad arguments', () => {
    expect(codes(() => findingToDirectiveItem(finding(), { label: '(1)', foundOn: '2022-12-31', due: { kind: 'periodEnd', period: '2022-Q3' } }))).toEqual([['options.due', 'due_in_past']]);
    expect(findingToDirectiveItem(finding(), { label: '(1)', foundOn: '2022-12-31', due: { kind: 'periodEnd', period: '2023-Q1' } }).due).toEqual({ kind: 'periodEnd', period: '2023-Q1' });
    expect(codes(() => findingToDirectiveItem(finding(), { label: '(1)' } as never))).toEqual([['options.foundOn', 'invalid_date']]);
    expect(codes(() => findingToDirectiveItem({ ...finding(), severity: 'fatal' } as never, { label: '', foundOn: '2022-12-31', workingDays: 0 }))).toEqual([
      ['finding.severity', 'schema.invalid_value'],
      ['options.label', 'invalid_id'],
      ['options.workingDays', 'invalid_count'],
    ]);
  });
});
