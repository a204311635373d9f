// The plugin as the `par` command uses it: its importers and its report section, through the host (`createPar`).
import { describe, expect, it } from 'vitest';
import { createPar } from '@par/core';
import { createFinancePlugin, type FinanceOptions } from '@par/plugin-finance';
import { allocation, at, pay } from './fixture.js';

const y = { planYear: 2022 };
const options = {
  allocations: [allocation({ ...y, amount: '1000000000' }), allocation({ ...y, id: 'A2', unitId: 'u2', projectId: 'P2', amount: '500000000' })],
  disbursements: [pay('2022-01-20', '100000000', y), pay('2022-03-10', '200000000', y), pay('2022-04-30', '150000000', { ...y, unitId: 'u2', projectId: 'P2' })],
} as FinanceOptions;
const par = createPar({ plugins: [createFinancePlugin(options)] });

describe('the finance importers through the host', () => {
  it('return records as the options file holds them: amounts as integer strings, exact', async () => {
    const text = 'Mã đơn vị,Mã dự án,Năm kế hoạch,Ngày,Số tiền,Loại\nu1,P1,2022,05/03/2022,"9.007.199.254.740.993",Thanh toán\n';
    expect(await par.runImporter('finance', 'treasury-disbursements', { format: 'csv', name: 'kbnn.csv', text })).toEqual({
      status: 'read',
      records: [{ unitId: 'u1', projectId: 'P1', planYear: 2022, date: '2022-03-05', amount: '9007199254740993', kind: 'payment' }], // 2^53 + 1
    });
    const rows = [
      ['id', 'unitId', 'planYear', 'capitalSource', 'projectId', 'group', 'amount', 'decisionNumber', 'decisionDate', 'denominator'],
      ['A1', 'u1', 2022, 'địa phương', 'P1', 'C', '1.500.000.000', '15/QĐ-UBND', new Date(Date.UTC(2021, 11, 20)), 'địa phương'],
    ];
    expect(await par.runImporter('finance', 'plan-allocations', { format: 'rows', name: 'kh.xlsx!KH', rows })).toEqual({
      status: 'read',
      records: [{ id: 'A1', unitId: 'u1', planYear: 2022, capitalSource: 'local', projectId: 'P1', group: 'C', amount: '1500000000', decision: { number: '15/QĐ-UBND', date: '2021-12-20' }, denominator: 'locality' }],
    });
  });

  it('report every bad cell', async () => {
    const text = 'unitId,projectId,planYear,date,amount,kind\nu,p,2022,31/02/2022,"1,5",payment\n';
    const r = await par.runImporter('finance', 'treasury-disbursements', { format: 'csv', name: 'kbnn.csv', text });
    expect(r.status === 'invalid' && r.problems.map((p) => p.path.join('!'))).toEqual(['kbnn.csv!D2', 'kbnn.csv!E2']);
  });
});

describe('the disbursement-curves report section', () => {
  it('draws each unit against the months and tabulates plan, amount, rate, rank and projection', async () => {
    const { sections, errors } = await par.reportSections({ unitIds: ['u1', 'u2', 'u9'], period: '2022', now: at('2022-05-01') });
    expect(errors).toEqual([]);
    const { charts, tables, notes } = sections[0]!.content;
    expect(notes![0]!.en).toBe("Plan year 2022, figures up to 01/05/2022; rates over the locality's plan (FIN-04).");
    const chart = charts![0]!;
    expect(chart.categories).toEqual(['31/01/2022', '28/02/2022', '31/03/2022', '30/04/2022', '31/05/2022', '30/06/2022', '31/07/2022', '31/08/2022', '30/09/2022', '31/10/2022', '30/11/2022', '31/12/2022', '31/01/2023']);
    // u1: 100 / 1,000 = 10 % in January and February, 300 / 1,000 = 30 % from March; u2: 150 / 500 = 30 % in April
    const none = Array(9).fill(null);
    expect(chart.series.map((s) => [s.unitId, s.values])).toEqual([
      ['u1', [10, 10, 30, 30, ...none]],
      ['u2', [0, 0, 0, 30, ...none]],
    ]);
    // ranks: both 30.00 % at 30/04 share rank 1; projections: u1 gains 100, 0, 200, 0 (mean 75M) -> 300 + 9 x 75 = 975M
    // of 1,000M = 97.50 %, range 0 -> 30.00 %, 200M -> 2,100M = 210.00 %; u2 gains 0, 0, 0, 150 (mean 37.5M) ->
    // 150 + 337.5 = 487.5M of 500M = 97.50 %, range 30.00 % to 150 + 1,350 = 1,500M = 300.00 %
    expect(tables![0]!.rows).toEqual([
      ['1', 'u1', '1.000.000.000', '300.000.000', '30/04/2022', '30.00', '97.50 (30.00–210.00)'],
      ['1', 'u2', '500.000.000', '150.000.000', '30/04/2022', '30.00', '97.50 (30.00–300.00)'],
    ]);
  });

  it('is left out when no unit of the report has a plan that year', async () => {
    expect(await par.reportSections({ unitIds: ['u1'], period: '2021', now: at('2022-05-01') })).toEqual({ sections: [], errors: [] });
  });
});
