import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { dossierOutcomes, importDossiers } from '../src/index.js';
import { catalogue } from './fixture.js';

const header = ['Mã hồ sơ', 'Mã TTHC', 'Mã đơn vị', 'Nơi tiếp nhận', 'Hình thức nộp', 'Thời điểm nộp', 'Thời điểm tiếp nhận', 'Mã bưu gửi', 'Ngày cấp giấy tiếp nhận', 'Ngày hẹn trả', 'Ngày xin lỗi', 'Thời điểm trả kết quả', 'Thanh toán trực tuyến', 'Đánh giá', 'Họ tên người nộp'];
const good = [
  ['HS-1', 'WD3', 'c1', 'Bộ phận một cửa', 'Trực tiếp', '10/03/2022 09:00', '10/03/2022 09:05', '', '10/03/2022', '15/03/2022', '', '14/03/2022 16:00', 'Không', 'Hài lòng', 'Nguyễn Văn A'],
  ['HS-2', 'WD3', 'c1', 'Cổng DVC', 'Trực tuyến', '2022-03-10T22:15', '2022-03-11 08:00', '', '11/03/2022', '16/03/2022', '15/03/2022', '2022-03-17T10:00+07:00', 'Có', '', 'Lò Thị B'],
  ['HS-3', 'WD3', 'c1', 'Bưu điện', 'Bưu chính công ích', '10/03/2022 10:00', '10/03/2022 10:00', 'EMS123', '10/03/2022', '15/03/2022', '', '', '', '', 'Giàng A C'],
];
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

async function problems(f: () => Promise<unknown>): Promise<string[]> {
  try {
    await f();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return e.issues.map((i) => `${i.path.join(' / ')}: ${i.code}`);
    throw e;
  }
  return [];
}

describe('importDossiers', () => {
  it('reads a CSV export with Vietnamese headers; times without a zone are Vietnam time', async () => {
    const x = await importDossiers(`\uFEFF${csv([header, ...good])}\n`, { format: 'csv', source: 'một cửa điện tử, xuất 31/03/2022' });
    expect(x.dossiers.map((d) => [d.code, d.channel, new Date(d.receivedAt!).toISOString(), d.appointmentOnReceipt])).toEqual([
      ['HS-1', 'counter', '2022-03-10T02:05:00.000Z', '2022-03-15'],
      ['HS-2', 'online', '2022-03-11T01:00:00.000Z', '2022-03-16'],
      ['HS-3', 'postal', '2022-03-10T03:00:00.000Z', '2022-03-15'],
    ]);
    expect(x.dossiers[1]!.forms.map((f) => `${f.kind} ${f.on}`)).toEqual(['receiptSlip 2022-03-11', 'apologySlip 2022-03-15']);
    expect(x.dossiers[2]!.postal).toEqual({ trackingId: 'EMS123', handoverSignedAt: Date.parse('2022-03-10T03:00:00Z'), returnByPost: false });
    // HS-1 early (14/03 before 15/03); HS-2 received Fri 11/03: Mon 14, Tue 15, Wed 16 → returned 17/03: late
    expect(dossierOutcomes(catalogue, x, { now: new Date('2022-03-31T12:00:00+07:00') }).map((o) => o.outcome)).toEqual(['early', 'late', 'late']);
  });

  it('reads the same rows from an XLSX workbook, with date cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hồ sơ');
    sheet.addRow(header);
    // a spreadsheet date cell holds wall-clock time: ExcelJS writes it as UTC fields
    sheet.addRow(good[0]!.map((c, i) => (i === 6 ? new Date(Date.UTC(2022, 2, 10, 9, 5)) : c)));
    const buffer = new Uint8Array(await book.xlsx.writeBuffer());
    const x = await importDossiers(buffer, { format: 'xlsx', source: 'xlsx' });
    expect(x.dossiers.map((d) => [d.code, new Date(d.receivedAt!).toISOString()])).toEqual([['HS-1', '2022-03-10T02:05:00.000Z']]);
  });

  it('names every problem at its row and column, and imports nothing', async () => {
    const bad = [
      header,
      good[0]!,
      ['HS-1', 'WD3', 'c1', 'x', 'Fax', '31/02/2022 09:00', '10/03/2022 25:00', '', '10/3/2022', '15-03-2022', '', '', 'Có lẽ', 'Tốt', ''],
      ['', 'WD3', 'c1', 'x', 'Trực tiếp', '10/03/2022 09:00', '09/03/2022 09:00', '', '', '', '', '', '', '', ''],
    ];
    expect(await problems(() => importDossiers(csv(bad), { format: 'csv', source: 's' }))).toEqual([
      'row / 3 / Hình thức nộp: invalid_value',
      'row / 3 / Ngày hẹn trả: invalid_date',
      'row / 3 / Thanh toán trực tuyến: invalid_boolean',
      'row / 3 / Đánh giá: invalid_value',
      'row / 3 / Thời điểm nộp: schema.custom',
      'row / 3 / Thời điểm tiếp nhận: schema.custom',
      'row / 3 / Mã hồ sơ: duplicate_code',
      // zod runs the cross-field rules (received before submitted) only once the row's shape is valid
      'row / 4 / Mã hồ sơ: schema.invalid_type',
    ]);
  });

  it('reports a missing required column on the header row, and follows an overriding mapping', async () => {
    const noCode = [header.map((h) => (h === 'Mã hồ sơ' ? 'Số biên nhận' : h)), good[0]!];
    expect(await problems(() => importDossiers(csv(noCode), { format: 'csv', source: 's' }))).toEqual(['row / 1: missing_column']);
    const x = await importDossiers(csv(noCode), { format: 'csv', source: 's', mapping: { code: ['Số biên nhận'] } });
    expect(x.dossiers[0]!.code).toBe('HS-1');
  });

  it('refuses bad arguments and unreadable files by path', async () => {
    expect(await problems(() => importDossiers(42 as never, { format: 'pdf', source: '' } as never))).toEqual([
      'content: schema.invalid_union',
      'options / format: schema.invalid_value',
      'options / source: schema.too_small',
    ]);
    expect(await problems(() => importDossiers(new Uint8Array([1, 2, 3]), { format: 'xlsx', source: 's' }))).toEqual(['content: unreadable']);
  });

  it('never throws anything but ParValidationError on fuzzed CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('Trực tiếp', 'WD3', '10/03/2022 09:00', '"')), { maxLength: 15 }), { maxLength: 5 }), async (rows) => {
        try {
          await importDossiers(csv([header, ...rows]), { format: 'csv', source: 'fuzz' });
          return true;
        } catch (e) {
          return ParValidationError.isInstance(e) && e.issues.every((i) => i.path[0] === 'row' || i.path[0] === 'content');
        }
      }),
      { numRuns: 60 },
    );
  });
});
