import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { computeIndex } from '@par/core';
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../src/import-sheet.js';
import { SheetError } from '../src/sheet-error.js';
import { identityChecksum, SHEET } from '../src/sheet-layout.js';
import { fixture, sheetContext } from './sheet-helpers.js';

const ctx = sheetContext();
const dir = mkdtempSync(join(tmpdir(), 'par-import-'));
const T = { timeout: 30_000 };

/** The problems of importing a file, as `cell: message` lines (empty when it imports). */
async function problemsOf(file: string): Promise<string[]> {
  try {
    await readTemplate(ctx, file);
    return [];
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    return e.problems.length === 0 ? [e.message] : e.problems.map((p) => `${p.cell}: ${p.message}`);
  }
}

/** The LibreOffice-saved fixture, edited with ExcelJS and written to a new file. */
async function edited(name: string, change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture('libreoffice-filled.xlsx'));
  change(wb.getWorksheet(SHEET)!, wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The fixture with one zip entry's text changed (what ExcelJS would not write: stored results, raw XML). */
function patched(name: string, entry: string, change: (xml: string) => string, source = fixture('libreoffice-filled.xlsx')): string {
  const files = unzipSync(readFileSync(source));
  files[entry] = strToU8(change(strFromU8(files[entry]!)));
  const file = join(dir, name);
  writeFileSync(file, zipSync(files));
  return file;
}

describe('a workbook filled and saved by LibreOffice Calc', () => {
  it('imports with exact values: words, percents, booleans, zero and FALSE formula results, N/A, text with newlines', T, async () => {
    const a = await readTemplate(ctx, fixture('libreoffice-filled.xlsx'));
    expect([a.unitId, a.framework, a.period, a.status]).toEqual(['c03586', { id: 'hue-commune-illustrative', version: '2021.1' }, '2022', 'draft']);
    const by = new Map(a.entries.map((e) => [e.code, e]));
    const input = (code: string) => by.get(code)?.self?.input;
    expect(input('1.1.1')).toBe('late'); // "Trễ hạn"
    expect(input('1.1.2')).toBe(95); // typed 95% in a percent cell: 0.95 shown as 95%
    expect(input('1.2')).toBe(true); // "Có"
    expect(input('1.4.1')).toBe(true); // a TRUE cell
    expect(input('3.4.2')).toBe(12.3456); // 12.3456%
    expect(input('1.7')).toBe(false); // =1>2, stored FALSE
    expect(input('2.3.1')).toBe(true); // "có" in lower case
    expect(input('2.3.2')).toBe(true); // "Yes", the English form
    expect(input('6.3')).toBe(90); // =45/50 in a percent cell, recomputed
    expect(by.get('1.4.3')!.self).toEqual({ points: 0, note: 'Chưa tổ chức\nsẽ bổ sung năm sau', evidence: [] }); // =IF(C13>1,0.25,0) stored 0
    expect(by.get('2.2.3')!.notApplicable).toEqual({ reason: 'Không có văn bản trái pháp luật\nphát hiện trong năm' });
    expect(by.get('3.3.4')!.notApplicable).toEqual({ reason: 'Không phát sinh (Công văn 3/UBND)' }); // "X", its evidence kept in the reason
    expect(by.get('3.1')!.self!.evidence.map((id) => a.evidence.find((e) => e.id === id)!.title)).toEqual(['Kế hoạch 12/KH-UBND ngày 10/01/2022', 'Báo cáo 45/BC-UBND']);
    expect(by.has('5.3')).toBe(false); // left empty: not scored
    expect(a.entries).toHaveLength(39); // 41 leaves, 5.3 and 5.4 left empty
    // By hand, field by field (linear: max x percent / full percent; tiers: share of max):
    // 1: 0.375 + 0.375 + 1.25 + 0.5 + 0.4375 + 0 + 0.75 + 0 + 0 = 3.6875
    // 2: 0.9 + 0.75 + 0.75 + 0 + 0.75 = 3.15          3: 2.5 + 0 + 0.75 + 0.25 + 0.625 + 0.246912 + 0 = 4.371912
    // 4: 1.75   5: 0.58275 + 1.75 + 1.5 = 3.83275   6: 1.5 + 0 + 1.35 + 0 = 2.85   7: 1.375 + 0.75 + 1.25 + 0.75 + 0.75 + 0 + 0.5 = 5.375
    // total 25.017162, which LibreOffice's own formulas stored in E67 (the import compared them)
    const r = computeIndex(ctx.commune, [a], { units: [{ id: 'c03586', kind: 'commune' }] });
    expect(r.get('c03586')!.points.self).toBe(25.017162);
  });

  it('imports the same from the .ods LibreOffice saved', T, async () => {
    const [xlsx, ods] = [await readTemplate(ctx, fixture('libreoffice-filled.xlsx')), await readTemplate(ctx, fixture('libreoffice-filled.ods'))];
    expect(ods).toEqual(xlsx);
  });

  it('reports a stored total that is not what the library computes, at its cell', T, async () => {
    const file = patched('total.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('<v>25.017162</v>', '<v>2</v>'));
    expect(await problemsOf(file)).toEqual([`${SHEET}!E67: The sheet shows 2 here; the points computed from the entries are 25.017162: recalculate the sheet and save it again`]);
  });
});

describe('every problem of a workbook in one run, each at sheet!cell', () => {
  it('wrong cells of every kind, evidence, and N/A with points at both cells', T, async () => {
    const file = await edited('many.xlsx', (ws) => {
      ws.getCell('F7').value = 'Sớm'; // not a timeliness word
      ws.getCell('F8').style = { ...ws.getCell('F8').style, numFmt: 'General' }; // a percent cell that lost its format
      ws.getCell('F9').value = 'Đúng hạn'; // a timeliness word on a yes/no criterion
      ws.getCell('E13').value = 'một'; // points as text
      ws.getCell('F15').value = 2.5; // a count that is not whole
      ws.getCell('F19').value = 1.2; // 120%
      ws.getCell('G23').value = 'x'.repeat(1001); // an evidence title too long
      ws.getCell('G24').value = Array.from({ length: 101 }, (_, i) => `CV ${i}`).join(';\n'); // too many documents
      ws.getCell('I26').value = 'x'; // N/A where the criterion allows none... the cell is locked: a changed locked cell
      ws.getCell('I21').value = 'có'; // not x
      ws.getCell('F57').value = 'Có'; // N/A (x in I57) and a measured value
    });
    expect(await problemsOf(file)).toEqual([
      `${SHEET}!F7: Expected Đúng hạn, Trễ hạn or Không thực hiện (On time, Late, Missing), found "Sớm"`,
      `${SHEET}!F8: The cell lost its percent format, so 0.95 is ambiguous: type the value as a percent, e.g. 95%`,
      `${SHEET}!F9: Expected Có or Không (Yes or No), found "Đúng hạn"`,
      `${SHEET}!E13: Expected points as a number with at most 6 decimals, found "một"`,
      `${SHEET}!F15: Expected a count (a whole number from 0), found 2.5`,
      `${SHEET}!F19: Expected a percent from 0% to 100% with at most 6 decimals, found 120%`,
      `${SHEET}!I21: Type x when the criterion does not arise at the unit (or leave the cell empty); found "có"`,
      `${SHEET}!G23: A document title of 1001 characters; at most 1000`,
      `${SHEET}!G24: 101 documents in one cell; at most 100`,
      `${SHEET}!I26: This cell is not filled in (it is locked in the template); found "x"`,
      `${SHEET}!F57: Declared not applicable (x in I57) and scored (F57) at once: clear one of them`,
      `${SHEET}!I57: Declared not applicable (x in I57) and scored (F57) at once: clear one of them`,
    ]);
  });

  it('points above the maximum and off the step come from the library, at their cell, in the same run', T, async () => {
    const file = await edited('points.xlsx', (ws) => {
      ws.getCell('E13').value = 0.1; // step 0.25
      ws.getCell('F7').value = 'muộn';
    });
    expect(await problemsOf(file)).toEqual([
      `${SHEET}!F7: Expected Đúng hạn, Trễ hạn or Không thực hiện (On time, Late, Missing), found "muộn"`,
      `${SHEET}!E13: 0.1 is not a multiple of the step 0.25`,
    ]);
  });
});

describe('a trusted import (nothing in the file is taken on trust)', () => {
  it('an identity sheet edited to another unit: the checksum and the visible header say so', T, async () => {
    const file = await edited('identity.xlsx', (_ws, wb) => {
      wb.getWorksheet('meta')!.getCell('B1').value = 'c03571';
    });
    expect(await problemsOf(file)).toEqual([
      expect.stringMatching(/^Tự đánh giá!A2: The header "Đơn vị: Xã Nậm Xe \(c03586\);.*" does not name what the identity sheet says: Đơn vị: Xã Dào San \(c03571\);/),
      'meta!B7: The identity sheet was edited (its checksum does not match): the workbook is not trusted; fill a new template',
    ]);
  });

  it('an identity sheet unhidden (in .xlsx or .ods) is reported even when nothing in it was changed', T, async () => {
    const message = 'meta!A1: The identity sheet "meta" was unhidden: hide it again (it is not to be edited) or fill a new template';
    const xlsx = await edited('unhidden.xlsx', (_ws, wb) => {
      wb.getWorksheet('meta')!.state = 'visible';
    });
    expect(await problemsOf(xlsx)).toEqual([message]);
    // LibreOffice hides a sheet through its table style: ta2 is the meta sheet's (table:display="false")
    const ods = patched('unhidden.ods', 'content.xml', (xml) => xml.replace('table:display="false"', 'table:display="true"'), fixture('libreoffice-filled.ods'));
    expect(await problemsOf(ods)).toEqual([message]);
    // the fixtures as LibreOffice saved them (meta plainly hidden, no longer "very hidden") still import
    expect(await problemsOf(fixture('libreoffice-filled.xlsx'))).toEqual([]);
    expect(await problemsOf(fixture('libreoffice-filled.ods'))).toEqual([]);
  });

  it('a forger who recomputes the checksum is still caught by the header; a unit not in the registry stops the import', T, async () => {
    const forge = (unitId: string) => async (_ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => {
      const meta = wb.getWorksheet('meta')!;
      meta.getCell('B1').value = unitId;
      const id = { unitId, frameworkId: 'hue-commune-illustrative', frameworkVersion: '2021.1', period: '2022', lang: 'vi' as const };
      meta.getCell('B7').value = identityChecksum(id, String(meta.getCell('B6').value));
    };
    const swapped = await edited('forged.xlsx', (ws, wb) => void forge('c03571')(ws, wb));
    expect(await problemsOf(swapped)).toEqual([expect.stringMatching(/^Tự đánh giá!A2: The header .* does not name what the identity sheet says/)]);
    const nowhere = await edited('nowhere.xlsx', (ws, wb) => void forge('c99999')(ws, wb));
    expect(await problemsOf(nowhere)).toEqual(['meta!B1: Unit "c99999" is not in the unit registry at the end of 2022']);
  });

  it('a code cell changed, a value typed into a locked cell, a formula replaced, a row added under the form', T, async () => {
    const file = await edited('locked.xlsx', (ws) => {
      ws.getCell('A9').value = '1.4.1'; // moves the points of 1.2 onto 1.4.1
      ws.getCell('C9').value = 5; // a larger maximum
      ws.getCell('E9').value = 1.25; // points typed over the rule's formula
      ws.getCell('E5').value = 9; // a field's total typed over its SUM
      ws.getCell('A80').value = '1.2'; // a row under the signature block
      ws.getCell('E80').value = 1.25;
      ws.getCell('J10').value = 'ghi thêm'; // a column beside the form
    });
    expect(await problemsOf(file)).toEqual([
      `${SHEET}!E5: The template's formula =SUM(E6,E9,E10,E14,E17) was changed; found 9`,
      `${SHEET}!A9: The template's "1.2" was changed (locked cells are not edited); found "1.4.1"`,
      `${SHEET}!C9: The template's 1.25 was changed (locked cells are not edited); found 5`,
      expect.stringMatching(/^Tự đánh giá!E9: The template's formula =IF\(F9="","",IF\(OR\(F9=TRUE,.*\)\),1\.25,0\)\) was changed; found 1\.25$/),
      `${SHEET}!J10: A column added beside the form is not read: move "ghi thêm" into the form or delete it`,
      `${SHEET}!A80: A row added under the form is not read: move "1.2" into the form or delete it`,
      `${SHEET}!E80: A row added under the form is not read: move 1.25 into the form or delete it`,
    ]);
  });

  it('a forged formula (=0*1 storing 1.25) is recomputed, not trusted; a formula that cannot be recomputed is refused', T, async () => {
    const forged = patched('forged-formula.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="E13"([^>]*)><f aca="false">IF\(C13&gt;1,0.25,0\)<\/f><v>0<\/v>/, '<c r="E13"$1><f>0*1</f><v>0.25</v>'));
    expect(await problemsOf(forged)).toEqual([`${SHEET}!E13: The formula =0*1 gives 0, but the file stores 0.25: recalculate and save the sheet, or type the value`]);
    const foreign = await edited('foreign.xlsx', (ws) => {
      ws.getCell('E13').value = { formula: 'meta!C1', result: 0.25 } as ExcelJS.CellFormulaValue;
      ws.getCell('F8').value = { formula: 'WEBSERVICE("http://example.org")', result: 1 } as ExcelJS.CellFormulaValue;
    });
    expect(await problemsOf(foreign)).toEqual([
      expect.stringMatching(/^Tự đánh giá!F8: The formula =WEBSERVICE\("http:\/\/example\.org"\) is not read \(WEBSERVICE is not computed by the import .*\): type the value$/),
      expect.stringMatching(/^Tự đánh giá!E13: The formula =meta!C1 is not read \(cannot read the formula from "meta!C1" \(only numbers, text, cells of this sheet/),
    ]);
  });

  it('a file for a framework the workspace does not have', T, async () => {
    const file = await edited('framework.xlsx', (_ws, wb) => void (wb.getWorksheet('meta')!.getCell('B3').value = '1999.1'));
    expect(await problemsOf(file)).toEqual([
      `meta!B2: ${file} is for framework hue-commune-illustrative@1999.1, which the workspace does not have`,
      'meta!B7: The identity sheet was edited (its checksum does not match): the workbook is not trusted; fill a new template',
    ]);
  });

  it('a workbook that is not a par template, and one whose identity sheet is gone', T, async () => {
    const plain = join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 1;
    await wb.xlsx.writeFile(plain);
    expect(await problemsOf(plain)).toEqual([`${plain}: not a par self-assessment workbook (no "${SHEET}" sheet)`]);
    const gone = await edited('no-meta.xlsx', (_ws, w) => w.removeWorksheet(w.getWorksheet('meta')!.id));
    expect(await problemsOf(gone)).toEqual(['meta!A1: The identity sheet "meta" is missing: fill a template made by par template']);
  });
});

describe('files that are not workbooks: one line each, never a crash', () => {
  const one = async (name: string, bytes: Uint8Array | string) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const lines = await problemsOf(file);
    expect(lines).toHaveLength(1);
    return lines[0]!.slice(file.length + 2);
  };

  it('random bytes, a truncated zip, a missing file, a folder, an old .xls, an .xlsx that is an .ods', T, async () => {
    expect(await one('random.xlsx', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))).toBe('not a workbook: save it as .xlsx');
    expect(await one('truncated.xlsx', readFileSync(fixture('libreoffice-filled.xlsx')).subarray(0, 9000))).toMatch(/^a damaged or truncated zip archive/);
    expect(await one('empty.xlsx', '')).toMatch(/^not a workbook/);
    expect(await one('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]))).toBe(
      'this is an Excel 97-2003 (.xls) file or a password-protected workbook: save it as .xlsx (Excel Workbook) without a password',
    );
    expect(await problemsOf(join(dir, 'missing.xlsx'))).toEqual([`${join(dir, 'missing.xlsx')}: cannot be read (ENOENT)`]);
    expect(await problemsOf(dir)).toEqual([`${dir}: not a file`]);
    const ods = join(dir, 'named.xlsx'); // an .ods under an .xlsx name is still read for what it is
    copyFileSync(fixture('libreoffice-filled.ods'), ods);
    expect((await readTemplate(ctx, ods)).entries).toHaveLength(39);
  });

  it('XXE, an entity bomb, a shared-string index out of range, a DTD in the .ods', T, async () => {
    const xxe = patched('xxe.xlsx', 'xl/sharedStrings.xml', (x) => x.replace('<sst', '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst').replace('<t xml:space="preserve">Có</t>', '<t>&xxe;</t>'));
    expect(await problemsOf(xxe)).toEqual([`${xxe}: xl/sharedStrings.xml declares a DTD, which spreadsheet applications never write: not read`]);
    const bomb = patched('bomb.xlsx', 'xl/workbook.xml', (x) => x.replace('<workbook', `<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${'&a;'.repeat(10)}">`).join('')}]><workbook`));
    expect(await problemsOf(bomb)).toEqual([`${bomb}: xl/workbook.xml declares a DTD, which spreadsheet applications never write: not read`]);
    const sst = patched('sst.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace(/(<c r="F9"[^>]*t="s"[^>]*><v>)\d+</, '$19999<'));
    expect(await problemsOf(sst)).toEqual([expect.stringMatching(/: xl\/worksheets\/sheet1\.xml: a cell points at shared string 9999, and there are \d+: a damaged workbook$/)]);
    const odsDtd = patched('dtd.ods', 'content.xml', (x) => x.replace('<office:document-content', '<!DOCTYPE x [<!ENTITY e "e">]><office:document-content'), fixture('libreoffice-filled.ods'));
    expect(await problemsOf(odsDtd)).toEqual([`${odsDtd}: content.xml declares a DTD, which spreadsheet applications never write: not read`]);
  });

  it('limits on rows, cells and decompressed size are checked before the workbook is loaded', T, async () => {
    const rows = patched('rows.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'));
    expect(await problemsOf(rows)).toEqual([`${rows}: xl/worksheets/sheet1.xml reaches row 2000000; a self-assessment sheet has at most 10000`]);
    const cells = patched('cells.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', `<row r="100">${'<c r="A100"><v>1</v></c>'.repeat(100_001)}</row></sheetData>`));
    expect(await problemsOf(cells)).toEqual([expect.stringMatching(/: xl\/worksheets\/sheet1\.xml has 1006\d\d cells; a self-assessment sheet has at most 100000$/)]);
    // 60 MB of one repeated byte compresses to about 60 KB: the declared size is refused before inflating
    const big = join(dir, 'big.xlsx');
    const files = unzipSync(readFileSync(fixture('libreoffice-filled.xlsx')));
    writeFileSync(big, zipSync({ ...files, 'xl/media/padding.bin': new Uint8Array(60 * 1024 * 1024) }, { level: 9 }));
    expect(readFileSync(big).length).toBeLessThan(1024 * 1024);
    expect(await problemsOf(big)).toEqual([`${big}: decompresses to more than 52428800 bytes: not read`]);
  });
});
