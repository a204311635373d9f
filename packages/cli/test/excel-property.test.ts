import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../src/import-sheet.js';
import { SheetError } from '../src/sheet-error.js';
import { SHEET, sheetLayout, type LayoutRow } from '../src/sheet-layout.js';
import { writeTemplate } from '../src/template.js';
import { fixture, sheetContext } from './sheet-helpers.js';

const ctx = sheetContext();
const dir = mkdtempSync(join(tmpdir(), 'par-property-'));
const T = { timeout: 120_000 };
const leaves = sheetLayout(ctx.commune, { unitId: 'c03586', frameworkId: ctx.commune.id, frameworkVersion: ctx.commune.version, period: '2022', lang: 'vi' }, { name: 'Xã Nậm Xe', kind: 'commune', tags: [] }).rows.filter(
  (r) => r.kind === 'leaf',
);
let template: Buffer;
beforeAll(async () => {
  await writeTemplate(ctx, ctx.commune, 'c03586', '2022', join(dir, 'template.xlsx'));
  template = readFileSync(join(dir, 'template.xlsx'));
});

/** What one row gets: the cells typed, and the entry the import must return (or none). */
interface Fill {
  readonly cells: Record<string, ExcelJS.CellValue>;
  readonly entry?: Record<string, unknown>;
}

const text = (min: number) => fc.stringMatching(new RegExp(`^[a-zA-Z0-9ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ/ .,-]{${min},30}$`)).filter((t) => t.trim() !== '');
const choice = <T,>(pairs: [ExcelJS.CellValue, T][]) => fc.constantFrom(...pairs);

/** A valid value for a row, by what it takes, with the value the assessment must hold. */
function validValue(r: LayoutRow): fc.Arbitrary<[ExcelJS.CellValue, unknown]> {
  const max = Math.round(r.max! * 1e6);
  switch (r.input!) {
    case 'points': // the only manual criterion of the commune framework has step 0.25
      return fc.integer({ min: 0, max: max / 250_000 }).map((k) => [k * 0.25, k * 0.25]);
    case 'yesNo':
      return choice([['Có', true], ['Không', false], ['Yes', true], ['no', false], [true, true], [false, false], [' có ', true]]);
    case 'timeliness':
      return choice([['Đúng hạn', 'onTime'], ['Trễ hạn', 'late'], ['Không thực hiện', 'missing'], ['On time', 'onTime'], ['late', 'late']]);
    case 'percent': // millionths of a percent: 12.345678% is typed as 0.12345678
      return fc.integer({ min: 0, max: 100_000_000 }).map((m) => [m / 1e8, m / 1e6]);
    case 'count':
      return fc.integer({ min: 0, max: 1000 }).map((n) => [n, n]);
  }
}

function validRow(r: LayoutRow): fc.Arbitrary<Fill> {
  const col = r.input === 'points' ? 'E' : 'F';
  const scored = fc.record({ v: validValue(r), titles: fc.array(text(1), { maxLength: 3 }), note: fc.option(text(1).map((t) => `${t}\n${t}`), { nil: undefined }) }).map(({ v: [typed, value], titles, note }): Fill => {
    const cells: Record<string, ExcelJS.CellValue> = { [`${col}${r.row}`]: typed };
    if (titles.length) cells[`G${r.row}`] = titles.join('; ');
    if (note !== undefined) cells[`H${r.row}`] = note;
    const self = { [r.input === 'points' ? 'points' : 'input']: value, ...(note !== undefined ? { note } : {}), evidence: titles.map((_, k) => `${r.code}-${k + 1}`) };
    return { cells, entry: { code: r.code, self, appraisals: [] } };
  });
  const empty = fc.constant<Fill>({ cells: {} });
  if (!r.open.includes('I')) return fc.oneof(scored, empty);
  const na = fc.option(text(1), { nil: undefined }).map((note): Fill => ({
    cells: { [`I${r.row}`]: 'x', ...(note !== undefined ? { [`H${r.row}`]: note } : {}) },
    entry: { code: r.code, appraisals: [], notApplicable: { reason: note?.trim() || 'Không phát sinh' } },
  }));
  return fc.oneof(scored, empty, na);
}

/** An invalid value for a row and the cells the import must name. */
type Bad = { cells: Record<string, ExcelJS.CellValue>; at: string[] };
function invalidRow(r: LayoutRow): fc.Arbitrary<Bad> {
  const col = r.input === 'points' ? 'E' : 'F';
  const one = (vs: ExcelJS.CellValue[]) => fc.constantFrom(...vs).map((v) => ({ cells: { [`${col}${r.row}`]: v }, at: [`${col}${r.row}`] }));
  const bad = {
    points: one(['một', -1, r.max! + 0.25, 0.1, true]),
    yesNo: one(['Đúng hạn', 2, 'có lẽ']),
    timeliness: one(['Có', 5, 'sớm']),
    percent: one([1.5, -0.1, 'chín mươi', 0.123456789]),
    count: one([2.5, -1, 'ba', true]),
  }[r.input!];
  const title = fc.constant<Bad>({ cells: { [`G${r.row}`]: 'a'.repeat(1001) }, at: [`G${r.row}`] });
  if (!r.open.includes('I')) return fc.oneof(bad, title);
  const both = validValue(r).map(([v]) => ({ cells: { [`${col}${r.row}`]: v, [`I${r.row}`]: 'x' }, at: [`${col}${r.row}`, `I${r.row}`] }));
  const word = fc.constant<Bad>({ cells: { [`I${r.row}`]: 'có' }, at: [`I${r.row}`] });
  return fc.oneof(bad, title, both, word);
}

let n = 0;
async function filled(cells: Record<string, ExcelJS.CellValue>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET)!;
  for (const [address, v] of Object.entries(cells)) ws.getCell(address).value = v;
  const file = join(dir, `f${n++}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the template round trip (properties)', () => {
  it('random valid scores written through the template read back exactly', T, async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...leaves.map(validRow)), async (rows) => {
        const a = await readTemplate(ctx, await filled(Object.assign({}, ...rows.map((r) => r.cells))));
        expect(a.entries).toEqual(rows.flatMap((r) => (r.entry ? [r.entry] : [])));
        expect(a.evidence.map((e) => e.id)).toEqual(a.entries.flatMap((e) => e.self?.evidence ?? []));
      }),
      { numRuns: 25 },
    );
  });

  it('random invalid cells are all found in a single run, each at its cell', T, async () => {
    const rowsAndErrors = fc.uniqueArray(fc.integer({ min: 0, max: leaves.length - 1 }), { minLength: 1, maxLength: 8 }).chain((picked) => fc.tuple(...picked.map((i) => invalidRow(leaves[i]!))));
    await fc.assert(
      fc.asyncProperty(rowsAndErrors, async (bad) => {
        const file = await filled(Object.assign({}, ...bad.map((b) => b.cells)));
        const error = await readTemplate(ctx, file).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SheetError);
        const cells = [...new Set((error as SheetError).problems.map((p) => p.cell))].sort();
        expect(cells).toEqual(bad.flatMap((b) => b.at.map((c) => `${SHEET}!${c}`)).sort());
      }),
      { numRuns: 25 },
    );
  });
});

describe('fuzzing the import with mutated real workbooks', () => {
  /** Imports and tells what happened: an assessment or a SheetError; anything else fails the property. */
  const outcome = async (bytes: Uint8Array, ext: string) => {
    const file = join(dir, `fuzz${n++}.${ext}`);
    writeFileSync(file, bytes);
    try {
      await readTemplate(ctx, file);
      return 'imported';
    } catch (e) {
      if (e instanceof SheetError) return 'refused';
      throw e;
    }
  };
  const mutateText = (s: string) =>
    fc.tuple(fc.nat(s.length - 1), fc.nat(200), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('<', '>', '"', '</c>', '<f>', '<v>', '&amp;', '<row r="9">', 't="s"', 't="b"', 'r="ZZZ1"', '99999999'))).map(([at, len, insert]) => s.slice(0, at) + insert + s.slice(at + len));

  for (const [name, ext, entry] of [
    ['libreoffice-filled.xlsx', 'xlsx', 'xl/worksheets/sheet1.xml'],
    ['libreoffice-filled.xlsx', 'xlsx', 'xl/sharedStrings.xml'],
    ['libreoffice-filled.ods', 'ods', 'content.xml'],
  ] as const) {
    it(`a damaged ${entry} of ${name}: imported or refused, never a crash`, T, async () => {
      const files = unzipSync(readFileSync(fixture(name)));
      const xml = strFromU8(files[entry]!);
      await fc.assert(
        fc.asyncProperty(fc.array(mutateText(xml), { minLength: 1, maxLength: 1 }), async ([changed]) => {
          expect(['imported', 'refused']).toContain(await outcome(zipSync({ ...files, [entry]: strToU8(changed!) }), ext));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('flipped and cut bytes of the saved file: imported or refused, never a crash', T, async () => {
    const bytes = readFileSync(fixture('libreoffice-filled.xlsx'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), fc.nat(bytes.length), async (flips, cut) => {
        const b = Uint8Array.from(bytes);
        for (const [at, v] of flips) b[at] = v;
        expect(['imported', 'refused']).toContain(await outcome(b.subarray(0, Math.max(cut, bytes.length - 64)), 'xlsx'));
      }),
      { numRuns: 40 },
    );
  });
});
