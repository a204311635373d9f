import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { readPlanAllocations, readTreasuryDisbursements } from '@par/plugin-finance';

const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => [i.path.join('!'), i.code]);
  }
  throw new Error('did not throw');
};

describe('reading a Treasury disbursement report', () => {
  it('reads Vietnamese headers, DD/MM/YYYY dates and amounts with thousands dots exactly', () => {
    const text = '\uFEFFMã đơn vị,Mã dự án,Năm kế hoạch,Ngày,Số tiền,Loại\nd109-tckh,DA01,2022,05/03/2022,1.250.000.000,Thanh toán\n,,,,,\nd109-tckh,DA01,2022,2022-04-01,"9.007.199.254.740.993",tạm ứng\n';
    expect(readTreasuryDisbursements({ format: 'csv', name: 'kbnn.csv', text })).toEqual([
      { unitId: 'd109-tckh', projectId: 'DA01', planYear: 2022, date: '2022-03-05', amount: 1_250_000_000n, kind: 'payment' },
      { unitId: 'd109-tckh', projectId: 'DA01', planYear: 2022, date: '2022-04-01', amount: 9_007_199_254_740_993n, kind: 'advance' }, // 2^53 + 1, exact
    ]);
  });

  it('names every problem at its cell, and refuses ambiguous amounts', () => {
    const text = 'unitId,projectId,planYear,date,amount,kind\nu,p,2022,31/02/2022,"1,5",payment\nu,p,2022,01/03/2022,12.34,refund\nu,p,2022,01/03/2022,1.000.00,payment\n';
    expect(problems(() => readTreasuryDisbursements({ format: 'csv', name: 'kbnn.csv', text }))).toEqual([
      ['kbnn.csv!D2', 'invalid_cell'],
      ['kbnn.csv!E2', 'invalid_cell'],
      ['kbnn.csv!E3', 'invalid_cell'],
      ['kbnn.csv!F3', 'invalid_cell'],
      ['kbnn.csv!E4', 'invalid_cell'],
    ]);
    expect(problems(() => readTreasuryDisbursements({ format: 'csv', name: 'x.csv', text: 'unitId,projectId\nu,p\n' }))).toEqual([['x.csv!C1', 'missing_column'], ['x.csv!C1', 'missing_column'], ['x.csv!C1', 'missing_column'], ['x.csv!C1', 'missing_column']]);
  });

  it('reads the rows of a workbook sheet: numbers must be safe integers, dates without a time', () => {
    const rows = [
      ['unitId', 'projectId', 'planYear', 'date', 'amount', 'kind'],
      ['u', 'p', 2022, new Date(Date.UTC(2022, 2, 5)), 1_250_000_000, 'payment'],
      ['u', 'p', 2022, new Date(Date.UTC(2022, 2, 5, 13)), 1.5, 'payment'],
      ['u', 'p', 2022, '05/03/2022', 2 ** 60, 'payment'],
    ];
    expect(problems(() => readTreasuryDisbursements({ format: 'rows', name: 'Sheet1', rows }))).toEqual([
      ['Sheet1!D3', 'invalid_cell'],
      ['Sheet1!E3', 'invalid_cell'],
      ['Sheet1!E4', 'invalid_cell'],
    ]);
    expect(readTreasuryDisbursements({ format: 'rows', name: 'Sheet1', rows: rows.slice(0, 2) })[0]).toMatchObject({ date: '2022-03-05', amount: 1_250_000_000n });
  });
});

describe('reading a plan-allocation table', () => {
  it('reads a row into an allocation with its decision, and names schema problems at their cells', () => {
    const header = 'Mã giao vốn,Mã đơn vị,Năm kế hoạch,Nguồn vốn,Cấp ngân sách,Mã dự án,Nhóm dự án,Số vốn,Số quyết định,Ngày quyết định,Kế hoạch,Ngày phân bổ chi tiết';
    const text = `${header}\nA1,d109-tckh,2022,Địa phương,Huyện,DA01,C,"3.500.000.000",15/QĐ-UBND,20/12/2021,Địa phương,10/01/2022\n`;
    expect(readPlanAllocations({ format: 'csv', name: 'kh.csv', text })).toEqual([
      { id: 'A1', unitId: 'd109-tckh', planYear: 2022, capitalSource: 'local', budgetLevel: 'district', projectId: 'DA01', group: 'C', amount: 3_500_000_000n, decision: { number: '15/QĐ-UBND', date: '2021-12-20' }, denominator: 'locality', detailedOn: '2022-01-10' },
    ]);
    expect(problems(() => readPlanAllocations({ format: 'csv', name: 'kh.csv', text: `${header}\nA1,d,1890,Địa phương,,DA01,E,1.000,1,20/12/2021,Thủ tướng,\n` }))).toEqual([
      ['kh.csv!G2', 'invalid_cell'], // group E
      ['kh.csv!C2', 'too_small'], // plan year 1890
    ]);
  });

  it('refuses a source that is not a table', () => {
    expect(problems(() => readPlanAllocations({ format: 'xml' } as never))).toEqual([['source', 'invalid_argument']]);
    expect(problems(() => readPlanAllocations({ format: 'csv', name: 'e.csv', text: '\n\n' }))).toEqual([['e.csv', 'empty_table']]);
  });
});

describe('fuzzed amount cells', () => {
  it('are read exactly as their digits or refused at their cell (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.,]{1,16}$/), fc.bigInt({ min: 0n, max: 10n ** 18n }).map((n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.'))), (cell) => {
        const rows = [['unitId', 'projectId', 'planYear', 'date', 'amount', 'kind'], ['u', 'p', 2022, '05/03/2022', cell, 'payment']];
        try {
          const [d] = readTreasuryDisbursements({ format: 'rows', name: 'S', rows });
          return d!.amount === BigInt(cell.trim().replaceAll('.', '')) && !cell.includes(',');
        } catch (e) {
          return ParValidationError.isInstance(e) && e.issues.every((i) => i.path.join('!') === 'S!E2');
        }
      }),
      { numRuns: 500 },
    );
  });
});
