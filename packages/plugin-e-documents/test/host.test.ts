// The plugin as the `par` command uses it: its importers and its report section, through the host (`createPar`).
import { describe, expect, it } from 'vitest';
import { createPar } from '@par/core';
import { createEDocumentsPlugin } from '../src/index.js';
import { at, incoming, outgoing } from './fixture.js';

const u1 = {
  unitId: 'u1',
  // numbers 1, 2, 4, 4, 5: 3 missing, 4 used twice; 2 on paper; 5 classified (on paper)
  outgoing: [
    outgoing(1, '2022-03-01'),
    outgoing(2, '2022-03-02', { form: 'paper', signerSignature: undefined, organisationSignature: undefined, channel: 'post' }),
    outgoing(4, '2022-03-03'),
    outgoing(4, '2022-03-04'),
    outgoing(5, '2022-03-07', { form: 'paper', classified: true, signerSignature: undefined, organisationSignature: undefined, channel: 'post' }),
  ],
  incoming: [incoming(1, '2022-03-01T08:00:00+07:00'), incoming(2, '2022-03-02T08:00:00+07:00')],
};
const par = createPar({ plugins: [createEDocumentsPlugin({ units: [u1] })] });

describe('the e-documents importers through the host', () => {
  it('read a register export as CSV or as the rows of a sheet, into documents as the options hold them', async () => {
    const text = 'Sổ,Số,Ký hiệu,Ngày văn bản,Trích yếu,Hình thức,Độ mật\nVP-DI,285,TB-UBND,07/09/2022,Kết luận,Giấy,Không\n';
    const csv = await par.runImporter('e-documents', 'outgoing-register', { format: 'csv', name: 'di.csv', text });
    expect(csv).toEqual({ status: 'read', records: [expect.objectContaining({ registerId: 'VP-DI', number: 285, symbol: 'TB-UBND', date: '2022-09-07', summary: 'Kết luận', form: 'paper', classified: false })] });
    // a date cell of a workbook is a wall-clock date: 07/09/2022
    const rows = [['Sổ', 'Số', 'Ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Hình thức'], ['VP-DI', 285, 'TB-UBND', new Date(Date.UTC(2022, 8, 7)), 'Kết luận', 'Giấy']];
    const sheet = await par.runImporter('e-documents', 'outgoing-register', { format: 'rows', name: 'so.xlsx!DI', rows });
    expect(sheet.status === 'read' && sheet.records).toEqual([expect.objectContaining({ number: 285, date: '2022-09-07', form: 'paper' })]);
  });

  it('name every bad cell, and return nothing', async () => {
    const rows = [['Số đến', 'Thời điểm nhận', 'Nơi gửi', 'Hình thức'], ['x', '31/02/2022 08:00', 'UBND tỉnh', 'Điện tử']];
    const r = await par.runImporter('e-documents', 'incoming-register', { format: 'rows', name: 'den.xlsx!DEN', rows });
    expect(r.status === 'invalid' && r.problems.map((p) => p.path.join('!'))).toEqual(['den.xlsx!DEN!A2', 'den.xlsx!DEN!B2']);
  });
});

describe('the registers report section', () => {
  it('tabulates the 7.1 shares as counted and each register year with its missing and duplicated numbers', async () => {
    const { sections, errors } = await par.reportSections({ unitIds: ['u1', 'u9'], period: '2022', now: at('2022-04-01') });
    expect(errors).toEqual([]);
    const [shares, registers] = sections[0]!.content.tables!;
    // not classified: outgoing 1, 2, 4, 4 and the 2 incoming = 6, electronic 5 (all but outgoing 2): 5 / 6 = 83.33 %;
    // outgoing not classified 4, signed digitally 3 (1, 4, 4): 3 / 4 = 75.00 %
    expect(shares!.rows).toEqual([['u1', '6', '5', '83.33', '4', '3', '75.00']]);
    // VP-DI: 5 entries, number 3 missing, 4 twice; VP-DEN: 2 entries, complete
    expect(registers!.rows).toEqual([
      ['u1', 'VP-DI (đi)', '2022', '5', '1', '1'],
      ['u1', 'VP-DEN (đến)', '2022', '2', '0', '0'],
    ]);
  });

  it('is left out when no unit of the report has records', async () => {
    expect(await par.reportSections({ unitIds: ['u9'], period: '2022', now: at('2022-04-01') })).toEqual({ sections: [], errors: [] });
  });
});
