import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { buildDocumentGraph, importRegister } from '../src/index.js';

const HEADER = 'STT,Số ký hiệu,Ngày ban hành,Trích yếu,Ngày có hiệu lực,Cơ quan ban hành,Căn cứ';
const csv = (...rows: string[]) => ({ format: 'csv' as const, text: [HEADER, ...rows].join('\n') });
const options = { unitId: 'd1', level: 'district' as const, keeperUnitId: 'd1-tp' };
const issues = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => [i.path.join('.'), i.code]);
  }
  return [];
};

describe('importRegister: a register as offices keep it', () => {
  it('reads CSV: dates dd/mm/yyyy, the body from the issuer, bases in the register as relations, the rest kept as printed', async () => {
    const reg = await importRegister(
      csv(
        '1,05/2019/NQ-HĐND,10/07/2019,Quy định mức chi,20/07/2019,HĐND huyện Phong Thổ,Luật Ban hành VBQPPL 2015',
        '2,12/2020/QĐ-UBND,1/9/2020,"Quy định chi tiết NQ 05, mức chi",11/09/2020,UBND huyện Phong Thổ,05/2019/NQ-HĐND; Nghị định 34/2016/NĐ-CP',
      ),
      options,
    );
    expect(reg.documents.map((d) => [d.number, d.issuer.body, d.signedOn, d.effectiveFrom, d.externalBasis])).toEqual([
      ['05/2019/NQ-HĐND', 'peoplesCouncil', '2019-07-10', '2019-07-20', ['Luật Ban hành VBQPPL 2015']],
      ['12/2020/QĐ-UBND', 'peoplesCommittee', '2020-09-01', '2020-09-11', ['Nghị định 34/2016/NĐ-CP']],
    ]);
    expect(reg.relations).toEqual([{ kind: 'basedOn', source: '12/2020/QĐ-UBND', target: '05/2019/NQ-HĐND' }]);
    expect(buildDocumentGraph(reg).inForceOn('2020-09-11').length).toBe(2);
  });

  it('names every problem at its row and column (the header is row 1; a quoted line break keeps the row of its start)', async () => {
    expect(
      await issues(
        importRegister(
          csv(
            '1,12/22/QĐ-UBND,10/07/2019,"Trích yếu\nhai dòng",20/07/2019,UBND huyện,',
            '2,13/2019/QĐ-UBND,31/02/2019,,2019-07-20,Phòng Tư pháp,',
            '3,14/2019/NQ-UBND,10/07/2019,Quy định,09/07/2019,UBND huyện,',
          ),
          options,
        ),
      ),
    ).toEqual([
      ['rows.2.Số ký hiệu', 'malformed_number'],
      ['rows.4.Ngày ban hành', 'invalid_date'],
      ['rows.4.Trích yếu', 'missing_title'],
      ['rows.4.Cơ quan ban hành', 'unknown_issuer'],
    ]);
    // once the cells are readable, the register's own rules, still at row and column
    expect(await issues(importRegister(csv('3,14/2019/NQ-UBND,10/07/2019,Quy định,09/07/2019,UBND huyện,'), options))).toEqual([['rows.2.Cơ quan ban hành', 'schema.custom']]);
    expect(await issues(importRegister(csv('3,14/2019/QĐ-UBND,10/07/2019,Quy định,09/07/2019,UBND huyện,', '4,14/2019/QĐ-UBND,10/07/2019,Quy định,19/07/2019,UBND huyện,'), options))).toEqual([
      ['rows.2.Ngày có hiệu lực', 'effective_before_signing'],
      ['rows.3.Số ký hiệu', 'duplicate_document'],
    ]);
  });

  it('a missing column, a malformed file and bad arguments', async () => {
    expect(await issues(importRegister({ format: 'csv', text: 'Số ký hiệu,Trích yếu\n1/2019/QĐ-UBND,x' }, options))).toEqual([
      ['columns.Ngày ban hành', 'missing_column'],
      ['columns.Ngày có hiệu lực', 'missing_column'],
      ['columns.Cơ quan ban hành', 'missing_column'],
    ]);
    expect(await issues(importRegister({ format: 'csv', text: `${HEADER}\n1,"unclosed` }, options))).toEqual([['rows.2', 'malformed_csv']]);
    expect(await issues(importRegister({ format: 'xlsx', data: new Uint8Array([1, 2, 3]) }, options))).toEqual([['data', 'unreadable_workbook']]);
    expect(await issues(importRegister({ format: 'pdf' } as never, { unitId: '', level: 'ward' } as never))).toEqual([
      ['source.format', 'schema.invalid_union'],
      ['options.unitId', 'schema.too_small'],
      ['options.level', 'schema.invalid_value'],
    ]);
  });

  it('reads XLSX, with Excel dates and text dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ VBQPPL');
    ws.addRow(['Số, ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Ngày có hiệu lực', 'Cơ quan ban hành', 'Căn cứ ban hành']);
    ws.addRow(['05/2019/NQ-HĐND', new Date(Date.UTC(2019, 6, 10)), 'Quy định mức chi', '20/07/2019', 'Hội đồng nhân dân huyện', '']);
    ws.addRow(['06/2019/QĐ-UBND', '15/07/2019', { richText: [{ text: 'Quy định ' }, { text: 'chi tiết' }] }, new Date(Date.UTC(2019, 6, 22)), 'Ủy ban nhân dân huyện', '05/2019/NQ-HĐND']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const reg = await importRegister({ format: 'xlsx', data }, { ...options, sheet: 'Sổ VBQPPL' });
    expect(reg.documents.map((d) => [d.number, d.signedOn, d.effectiveFrom, d.title])).toEqual([
      ['05/2019/NQ-HĐND', '2019-07-10', '2019-07-20', 'Quy định mức chi'],
      ['06/2019/QĐ-UBND', '2019-07-15', '2019-07-22', 'Quy định chi tiết'],
    ]);
    expect(reg.relations).toEqual([{ kind: 'basedOn', source: '06/2019/QĐ-UBND', target: '05/2019/NQ-HĐND' }]);
    expect(await issues(importRegister({ format: 'xlsx', data }, { ...options, sheet: 'Other' }))).toEqual([['sheet', 'unknown_sheet']]);
  });
});
