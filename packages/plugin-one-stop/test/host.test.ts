// The plugin as the `par` command uses it: its importer and its report section, through the host (`createPar`).
import { describe, expect, it } from 'vitest';
import { createPar } from '@par/core';
import { createOneStopPlugin } from '../src/index.js';
import { dossier, optionsWith } from './fixture.js';

// WD3 (3 working days) received on Tue 15/03/2022: Wed 16, Thu 17, Fri 18 -> appointment Fri 18/03/2022
const at15 = { receivedAt: '2022-03-15T09:00', submittedAt: '2022-03-15T09:00', scannedAt: '2022-03-15T09:00' };
const dossiers = [
  dossier({ ...at15, code: 'A1', returnedAt: '2022-03-17T10:00' }), // early
  dossier({ ...at15, code: 'A2', returnedAt: '2022-03-22T10:00' }), // late, no apology
  dossier({ ...at15, code: 'A3', returnedAt: '2022-03-23T10:00', forms: [{ kind: 'receiptSlip', on: '2022-03-15' }, { kind: 'apologySlip', on: '2022-03-17' }] }), // late, apology
  dossier({ ...at15, code: 'B1', unitId: 'c2', returnedAt: '2022-03-18T10:00' }), // on time, on the day
  dossier({ ...at15, code: 'B2', unitId: 'c2', channel: 'online', returnedAt: '2022-03-16T10:00' }), // early, online
];
const par = createPar({ plugins: [createOneStopPlugin(optionsWith(dossiers))] });
const now = new Date('2022-04-01T12:00:00+07:00');

describe('the one-stop importer through the host', () => {
  const header = ['Mã hồ sơ', 'Mã TTHC', 'Mã đơn vị', 'Hình thức nộp', 'Thời điểm nộp', 'Thời điểm tiếp nhận', 'Ngày cấp giấy tiếp nhận', 'Ngày hẹn trả'];
  const expected = { code: 'HS-1', procedureCode: 'WD3', unitId: 'c1', channel: 'counter', submittedAt: '2022-03-10T09:00:00', receivedAt: '2022-03-10T09:05:00', appointmentOnReceipt: '2022-03-15', forms: [{ kind: 'receiptSlip', on: '2022-03-10' }] };

  it('reads an export as CSV or as the rows of a sheet, into dossiers as the options hold them (instants as text)', async () => {
    const text = `${header.join(',')}\nHS-1,WD3,c1,Trực tiếp,10/03/2022 09:00,10/03/2022 09:05,10/03/2022,15/03/2022\n`;
    expect(await par.runImporter('one-stop', 'dossiers', { format: 'csv', name: 'hs.csv', text })).toEqual({ status: 'read', records: [expect.objectContaining(expected)] });
    // date cells of a workbook are wall-clock times in Vietnam
    const rows = [header, ['HS-1', 'WD3', 'c1', 'Trực tiếp', new Date(Date.UTC(2022, 2, 10, 9, 0)), new Date(Date.UTC(2022, 2, 10, 9, 5)), new Date(Date.UTC(2022, 2, 10)), '15/03/2022']];
    const r = await par.runImporter('one-stop', 'dossiers', { format: 'rows', name: 'hs.xlsx!HS', rows });
    expect(r.status === 'read' && r.records).toEqual([expect.objectContaining(expected)]);
  });

  it('names every bad cell by its address, and returns nothing', async () => {
    const rows = [header, ['HS-1', 'WD3', 'c1', 'Fax', '31/02/2022 09:00', '', '', '']];
    const r = await par.runImporter('one-stop', 'dossiers', { format: 'rows', name: 'hs.xlsx!HS', rows });
    expect(r.status === 'invalid' && r.problems.map((p) => p.path.join('!')).sort()).toEqual(['hs.xlsx!HS!D2', 'hs.xlsx!HS!E2']);
    const missing = await par.runImporter('one-stop', 'dossiers', { format: 'csv', name: 'hs.csv', text: 'Mã hồ sơ\nHS-1\n' });
    expect(missing.status === 'invalid' && [...new Set(missing.problems.map((p) => p.path.join('!')))]).toEqual(['hs.csv!row 1']);
  });
});

describe('the on-time report section', () => {
  it('gives each unit its dossiers due, on time, late, late without an apology, and the rates; then the total', async () => {
    const { sections, errors } = await par.reportSections({ unitIds: ['c1', 'c2', 'c9'], period: '2022', now });
    expect(errors).toEqual([]);
    // c1: 3 due, 1 early, 2 late, 1 of them without an apology: 1 / 3 = 33.33 %, none online;
    // c2: 2 due, both in time: 100 %, 1 of 2 online = 50 %; all: 3 / 5 = 60 %, 1 of 5 online = 20 %
    expect(sections[0]!.content.tables![0]!.rows).toEqual([
      ['c1', '3', '3', '1', '2', '1', '33.33', '0.00'],
      ['c2', '2', '2', '2', '0', '0', '100.00', '50.00'],
      ['Tổng cộng / Total (2)', '5', '5', '3', '2', '1', '60.00', '20.00'],
    ]);
  });

  it('is left out when no unit of the report has a dossier in the period', async () => {
    expect(await par.reportSections({ unitIds: ['c1'], period: '2021', now })).toEqual({ sections: [], errors: [] });
  });
});
