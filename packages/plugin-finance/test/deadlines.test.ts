import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, configureRules, parseFinanceOptions, settlementDeadlines, SettlementSchema } from '@par/plugin-finance';
import { findings, rows } from './fixture.js';

const rules = configureRules(parseFinanceOptions({})).settlement;
const project = (over: Record<string, unknown> = {}) => ({ projectId: 'P9', unitId: 'u1', name: 'Đường nội thị', group: 'C', investmentDecidedOn: '2021-05-10', handedOverOn: '2023-03-31', ...over });
const due = (over: Record<string, unknown>) => settlementDeadlines(SettlementSchema.parse(project(over)), rules).map((d) => [d.step, d.start, d.due, d.rule.ruleId, d.rule.legalBasis.document]);

describe('month arithmetic: the same day, or the month\'s last day', () => {
  it('clamps to the end of shorter months, leap years included', () => {
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-03-15', 9)).toBe('2023-12-15');
    expect(addMonths('2023-05-31', 9)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 12)).toBe('2024-12-31');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('moves by exactly n months and never past the same day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 120 }), (y, m, d, n) => {
        const start = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const end = addMonths(start, n);
        const months = (Number(end.slice(0, 4)) - y) * 12 + Number(end.slice(5, 7)) - m;
        return months === n && Number(end.slice(8)) === d; // days 1-28 exist in every month
      }),
    );
  });
});

describe('settlement time limits (FIN-08 NĐ 99/2021 Art. 47, FIN-09 legacy, NĐ 193/2026 from 01/07/2026)', () => {
  it('NĐ 99/2021 by group: 9/9/6/4 months to prepare, 8/8/4/3 to verify, 1 month/1 month/20 days/15 days to approve', () => {
    // C: 31/03/2023 + 4 months = 31/07/2023; 31/07/2023 + 3 months = 31/10/2023; 01/11/2023 + 15 days = 16/11/2023
    expect(due({ completeFileReceivedOn: '2023-07-31', approvalSubmittedOn: '2023-11-01' })).toEqual([
      ['preparation', '2023-03-31', '2023-07-31', 'FIN-08', 'NĐ 99/2021/NĐ-CP'],
      ['verification', '2023-07-31', '2023-10-31', 'FIN-08', 'NĐ 99/2021/NĐ-CP'],
      ['approval', '2023-11-01', '2023-11-16', 'FIN-08', 'NĐ 99/2021/NĐ-CP'],
    ]);
    // B: 6 months (31/08/2023 + 6 = 29/02/2024), 4 months, 20 days
    expect(due({ group: 'B', handedOverOn: '2023-08-31', completeFileReceivedOn: '2023-10-31', approvalSubmittedOn: '2024-03-01' }).map((d) => d[2])).toEqual(['2024-02-29', '2024-02-29', '2024-03-21']);
    // A and nationally important: 9 months, 8 months, 1 month (31/01/2024 + 1 month = 29/02/2024)
    for (const group of ['A', 'national']) {
      expect(due({ group, handedOverOn: '2023-03-31', completeFileReceivedOn: '2023-05-31', approvalSubmittedOn: '2024-01-31' }).map((d) => d[2])).toEqual(['2023-12-31', '2024-01-31', '2024-02-29']);
    }
  });

  it('switches to NĐ 193/2026 for a step starting on 01/07/2026, with its limits an option (NĐ 99 numbers by default, P)', () => {
    expect(due({ handedOverOn: '2026-06-30' })).toEqual([['preparation', '2026-06-30', '2026-10-30', 'FIN-08', 'NĐ 99/2021/NĐ-CP']]);
    expect(due({ handedOverOn: '2026-07-01' })).toEqual([['preparation', '2026-07-01', '2026-11-01', 'FIN-08', 'NĐ 193/2026/NĐ-CP']]);
    const c = { months: 3 };
    const limits = { preparation: { national: c, A: c, B: c, C: c }, verification: { national: c, A: c, B: c, C: c }, approval: { national: { days: 10 }, A: { days: 10 }, B: { days: 10 }, C: { days: 10 } } };
    const configured = configureRules(parseFinanceOptions({ settlementLimits2026: limits })).settlement;
    const ds = settlementDeadlines(SettlementSchema.parse(project({ handedOverOn: '2026-07-01', completeFileReceivedOn: '2026-09-01', approvalSubmittedOn: '2026-10-01' })), configured);
    expect(ds.map((d) => d.due)).toEqual(['2026-10-01', '2026-12-01', '2026-10-11']);
    expect(ds[0]!.rule.legalBasis.verification).toBe('partlyConfirmed');
  });

  it('uses the legacy table for projects decided before 2016, and no table for a step no version covers', () => {
    // B legacy: preparation 9 months (31/05/2017 -> 28/02/2018); verification and approval 5 months
    expect(due({ group: 'B', investmentDecidedOn: '2015-12-31', handedOverOn: '2017-05-31', completeFileReceivedOn: '2018-01-15' })).toEqual([
      ['preparation', '2017-05-31', '2018-02-28', 'FIN-09', 'TT 19/2011/TT-BTC'],
      ['verificationAndApproval', '2018-01-15', '2018-06-15', 'FIN-09', 'TT 19/2011/TT-BTC'],
    ]);
    expect(due({ economicTechnicalReport: true, investmentDecidedOn: '2014-01-01', handedOverOn: '2017-05-31' }).map((d) => d[2])).toEqual(['2017-08-31']); // 3 months
    expect(due({ investmentDecidedOn: '2016-01-01', handedOverOn: '2019-05-31' })).toEqual([]); // before NĐ 99/2021 applies: not in the notes
  });

  it('finds an overdue step the day after its due date, not on it', async () => {
    const options = { settlements: [project()] }; // C, handed over 31/03/2023, due 31/07/2023
    expect(rows(await findings(options, '2023-07-31'))).toEqual([]);
    expect(rows(await findings(options, '2023-08-01'))).toEqual([['FIN-08', 'major', 'P9/preparation', '2023-07-31']]);
    // done late: a minor finding that it was late, the next step's clock running from the receipt
    const late = await findings({ settlements: [project({ completeFileReceivedOn: '2023-08-02' })] }, '2023-08-03');
    expect(rows(late)).toEqual([['FIN-08', 'minor', 'P9/preparation', '2023-07-31']]);
  });

  it('refuses steps out of order, by path', () => {
    const r = SettlementSchema.safeParse(project({ completeFileReceivedOn: '2023-03-30', approvalDecision: { number: 'x', date: '2023-01-01' } }));
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['completeFileReceivedOn', 'approvalDecision.date']);
  });
});
