// The plugin as the `par` command uses it: its importers and its report section, through the host (`createPar`).
import { describe, expect, it } from 'vitest';
import { createPar } from '@par/core';
import { createLegalReviewPlugin } from '../src/index.js';
import { graphRegister, P, Q, R, S, U } from './fixture.js';

const par = createPar({ plugins: [createLegalReviewPlugin({ registers: [{ ...graphRegister(), reviews: [{ document: P, trigger: { kind: 'higherOrLaterDocument', date: '2023-05-11' }, reviewedOn: '2023-05-20', outcome: 'noAction' }] }] })] });
const now = (date: string) => new Date(`${date}T10:00:00+07:00`);

describe('the register importer through the host', () => {
  const header = ['Số ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Ngày có hiệu lực', 'Cơ quan ban hành', 'Căn cứ'];

  it('is offered for each register whose unit issued a document, and reads it for that unit, its level and keeper', async () => {
    expect(par.importers.map((i) => `${i.plugin}/${i.id}`)).toEqual(['legal-review/register-d1']);
    const text = `${header.join(',')}\n05/2019/NQ-HĐND,10/07/2019,Quy định mức chi,20/07/2019,HĐND huyện,\n12/2020/QĐ-UBND,01/09/2020,Quy định chi tiết,11/09/2020,UBND huyện,05/2019/NQ-HĐND\n`;
    const r = await par.runImporter('legal-review', 'register-d1', { format: 'csv', name: 'so.csv', text });
    expect(r.status === 'read' && r.records).toEqual([
      {
        unitId: 'd1',
        keeperUnitId: 'd1-tp',
        documents: [
          expect.objectContaining({ number: '05/2019/NQ-HĐND', issuer: { unitId: 'd1', level: 'district', body: 'peoplesCouncil' }, signedOn: '2019-07-10', effectiveFrom: '2019-07-20' }),
          expect.objectContaining({ number: '12/2020/QĐ-UBND', issuer: { unitId: 'd1', level: 'district', body: 'peoplesCommittee' }, signedOn: '2020-09-01', effectiveFrom: '2020-09-11' }),
        ],
        relations: [expect.objectContaining({ kind: 'basedOn', source: '12/2020/QĐ-UBND', target: '05/2019/NQ-HĐND' })],
      },
    ]);
  });

  it('names every bad cell of a sheet by its address (date cells read as dates), and returns nothing', async () => {
    const rows = [header, ['05/2019/NQ-HĐND', new Date(Date.UTC(2019, 6, 10)), 'Quy định', '31/02/2019', 'Sở Tư pháp', null]];
    const r = await par.runImporter('legal-review', 'register-d1', { format: 'rows', name: 'so.xlsx!VB', rows });
    // the effective date (D2) is not a real date; the issuer (E2) is no People's Council or Committee
    expect(r.status === 'invalid' && r.problems.map((p) => p.path.join('!'))).toEqual(['so.xlsx!VB!D2', 'so.xlsx!VB!E2']);
    const missing = await par.runImporter('legal-review', 'register-d1', { format: 'csv', name: 'so.csv', text: 'Số ký hiệu,Trích yếu\n' });
    expect(missing.status === 'invalid' && [...new Set(missing.problems.map((p) => p.path.join('!')))]).toEqual(['so.csv!row 1']);
  });
});

describe('the review report section', () => {
  it('lists the review obligations of the period with their due dates, and the systematisation lists at its end', async () => {
    const { sections, errors } = await par.reportSections({ unitIds: ['d1-tp'], period: '2022', now: now('2023-06-11') });
    expect(errors).toEqual([]);
    const [queue, lists] = sections[0]!.content.tables!;
    // S amends P, in effect 11/03/2022: P, Q (details P) and R (rests on Q) due 11/03 + 30 = 10/04/2022; U suspends R
    // from 11/08/2022: due 10/09/2022; P's review of 20/05/2023 comes after the period's end, 31/12/2022
    expect(queue!.rows).toEqual([
      [P, `${P} được sửa đổi, bổ sung`, '11/03/2022', '10/04/2022', null],
      [Q, `căn cứ ${P}, do ${P} được sửa đổi, bổ sung`, '11/03/2022', '10/04/2022', null],
      [R, `căn cứ ${Q}, do ${P} được sửa đổi, bổ sung`, '11/03/2022', '10/04/2022', null],
      [R, `${R} bị ngưng hiệu lực`, '11/08/2022', '10/09/2022', null],
    ]);
    // on 31/12/2022: R suspended (until that day); P partly (article 2 amended); in force P, Q, S, U (T comes in 2023)
    expect(lists!.title.vi).toBe('d1: hệ thống hóa tại 31/12/2022 (kỳ 01/01/2019 - 31/12/2023)');
    expect(lists!.rows).toEqual([
      ['Hết hiệu lực, ngưng hiệu lực toàn bộ', '1', R],
      ['Hết hiệu lực, ngưng hiệu lực một phần', '1', P],
      ['Còn hiệu lực', '4', [P, Q, S, U].join(', ')],
      ['Cần đình chỉ, sửa đổi, thay thế, bãi bỏ, ban hành mới', '0', ''],
    ]);
  });

  it('is left out when no register belongs to a unit of the report', async () => {
    expect(await par.reportSections({ unitIds: ['d9'], period: '2022', now: now('2023-06-11') })).toEqual({ sections: [], errors: [] });
  });
});
