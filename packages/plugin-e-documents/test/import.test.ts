import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { INCOMING_REGISTER_MAPPING, readRegisterExport } from '../src/index.js';

/** The issues' `path code` of what `fn` rejects with. */
async function refusal(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => `${i.path.join('!')} ${i.code}`);
  }
  throw new Error('accepted');
}

const OUTGOING_CSV = `\uFEFFSổ,Số,Ký hiệu,Ngày văn bản,Trích yếu,Độ khẩn,Độ mật,Hình thức,Ký số người ký,Ký số cơ quan,Thời điểm đăng ký,Thời điểm phát hành,Phương thức gửi,Nơi nhận,Lưu bản
VP-DI,285,TB-UBND,07/09/2022,Kết luận về chỉ số CCHC 2021,Thường,Không,Điện tử,07/09/2022 08:30,07/09/2022 08:40,07/09/2022 08:45,07/09/2022 09:00,Liên thông,Các phòng; UBND các xã,Có

VP-DI,286,KH-UBND,08/09/2022,"Kế hoạch, năm 2022",Khẩn,Mật,Giấy,,,08/09/2022 14:00,09/09/2022 08:00,Bưu điện,Sở Nội vụ,Có
`;

describe('readRegisterExport', () => {
  it('reads an outgoing register exported as CSV with Vietnamese headers (a byte-order mark, blank lines, a quoted comma)', async () => {
    const docs = await readRegisterExport({ format: 'csv', name: 'di.csv', text: OUTGOING_CSV }, { kind: 'outgoing' });
    expect(docs).toEqual([
      {
        registerId: 'VP-DI',
        number: 285,
        symbol: 'TB-UBND',
        date: '2022-09-07',
        summary: 'Kết luận về chỉ số CCHC 2021',
        urgency: 'normal',
        classified: false,
        form: 'electronic',
        signerSignature: { signedAt: '2022-09-07T08:30:00+07:00' },
        organisationSignature: { signedAt: '2022-09-07T08:40:00+07:00' },
        registeredAt: '2022-09-07T08:45:00+07:00',
        dispatchedAt: '2022-09-07T09:00:00+07:00',
        channel: 'documentSystem',
        recipients: [{ name: 'Các phòng' }, { name: 'UBND các xã' }],
        filedCopy: true,
      },
      expect.objectContaining({ number: 286, summary: 'Kế hoạch, năm 2022', urgency: 'urgent', classified: true, form: 'paper', channel: 'post', recipients: [{ name: 'Sở Nội vụ' }] }),
    ]);
  });

  it('names every problem at its row and column, and nothing is returned', async () => {
    const bad = `Số,Ngày văn bản,Hình thức,Độ khẩn,Thời điểm đăng ký,Thời điểm phát hành
1,30/02/2022,Điện tử,Thường,,
x,01/03/2022,Fax,Rất khẩn,01/03/2022 25:00,
3,02/03/2022,Giấy,Thường,02/03/2022 10:00,02/03/2022 09:00
`;
    expect(await refusal(() => readRegisterExport({ format: 'csv', name: 'di.csv', text: bad }, { kind: 'outgoing' }))).toEqual([
      'di.csv!B2 invalid_cell',
      'di.csv!A3 invalid_cell',
      'di.csv!C3 invalid_cell',
      'di.csv!D3 invalid_cell',
      'di.csv!E3 invalid_cell',
      'di.csv!F4 custom', // dispatched before it was registered
    ]);
    expect(await refusal(() => readRegisterExport({ format: 'csv', name: 'den.csv', text: 'Số đến,Nơi gửi\n1,Sở Nội vụ\n' }, { kind: 'incoming' }))).toEqual(['den.csv!C1 missing_column', 'den.csv!C1 missing_column']);
    expect(await refusal(() => readRegisterExport({ format: 'csv', name: 'x.csv', text: '\n\n' }, { kind: 'incoming' }))).toEqual(['x.csv empty_table']);
  });

  it('reads an incoming register from an XLSX workbook: date-time cells, rich text, the link to the directive', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ đến');
    ws.addRow(['Số đến', 'Thời điểm nhận', 'Nơi gửi', 'Hình thức', 'Kiểm tra chữ ký số', 'Thời điểm kiểm tra', 'Thời điểm báo nhận', 'Thời điểm đăng ký', 'Thời điểm trình', 'Mã văn bản chỉ đạo', 'Nhiệm vụ được giao']);
    // a workbook keeps wall-clock time without a zone: 07/09/2022 15:10 is read as Vietnam time
    ws.addRow([12, new Date(Date.UTC(2022, 8, 7, 15, 10)), { richText: [{ text: 'UBND huyện ' }, { text: 'Phong Thổ' }] }, 'Điện tử', 'Hợp lệ', '07/09/2022 15:11', '07/09/2022 15:12', '07/09/2022 15:20', '08/09/2022 08:00', 'tb-285-2022', '(3); (9)']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const docs = await readRegisterExport({ format: 'xlsx', name: 'den.xlsx', bytes }, { kind: 'incoming' });
    expect(docs).toEqual([
      expect.objectContaining({
        number: 12,
        receivedAt: '2022-09-07T15:10:00+07:00',
        from: 'UBND huyện Phong Thổ',
        form: 'electronic',
        signatureValidation: { result: 'valid', checkedAt: '2022-09-07T15:11:00+07:00' },
        handedOverAt: '2022-09-08T08:00:00+07:00',
        directive: { documentId: 'tb-285-2022', itemLabels: ['(3)', '(9)'] },
      }),
    ]);
    expect(await refusal(() => readRegisterExport({ format: 'xlsx', name: 'den.xlsx', bytes, sheet: 'Sheet9' }, { kind: 'incoming' }))).toEqual(['den.xlsx no_sheet']);
    expect(await refusal(() => readRegisterExport({ format: 'xlsx', name: 'junk.xlsx', bytes: new Uint8Array([1, 2, 3, 4]) }, { kind: 'incoming' }))).toEqual(['junk.xlsx invalid_xlsx']);
  });

  it('takes the mapping as data: other headers, other words', async () => {
    const mapping = { ...INCOMING_REGISTER_MAPPING, columns: { ...INCOMING_REGISTER_MAPPING.columns, receivedAt: ['Ngày giờ đến'] }, values: { ...INCOMING_REGISTER_MAPPING.values, form: { 'văn bản điện tử': 'electronic', 'bản giấy': 'paper' } } };
    const docs = await readRegisterExport({ format: 'csv', name: 'den.csv', text: 'Số đến,Ngày giờ đến,Nơi gửi,Hình thức\n1,2022-09-07T10:00:00+07:00,Sở Nội vụ,Bản giấy\n' }, { kind: 'incoming', mapping });
    expect(docs.map((d) => [d.receivedAt, d.form])).toEqual([['2022-09-07T10:00:00+07:00', 'paper']]);
  });

  it('refuses bad arguments by path', async () => {
    expect(await refusal(() => readRegisterExport({ format: 'pdf' } as never, { kind: 'sent' } as never))).toEqual(['source invalid_union', 'options!kind invalid_value'].map((x) => x.replace('invalid', 'schema.invalid')));
    const mapping = { ...INCOMING_REGISTER_MAPPING, columns: { ...INCOMING_REGISTER_MAPPING.columns, colour: ['Màu'] } };
    expect(await refusal(() => readRegisterExport({ format: 'csv', name: 'a.csv', text: '' }, { kind: 'incoming', mapping }))).toEqual(['options!mapping!columns!colour unknown_field']);
  });
});
