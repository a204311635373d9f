import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { PluginTableSource } from '@par/core';
import { tr, UsageError, type CommandContext } from './context.js';
import { readText, UnreadableFile } from './files.js';
import { rowCol, type WorkbookData } from './grid.js';
import { SheetError } from './sheet-error.js';

/** The options of `par import-records`. */
export interface ImportRecordsOptions {
  /** The sheet of a workbook to read; the first one by default. */
  readonly sheet?: string;
  /** Where to write the records (JSON); printed when absent. */
  readonly out?: string;
}

/** One sheet as rows of cell values (`null` where empty): what an importer is given for an XLSX file. */
export function sheetRows(workbook: WorkbookData, file: string, sheet?: string): { readonly name: string; readonly rows: unknown[][] } {
  const names = [...workbook.sheets.keys()];
  const name = sheet ?? names[0];
  const grid = name === undefined ? undefined : workbook.sheets.get(name);
  if (name === undefined || !grid) throw new UsageError(`${file} has no sheet "${sheet ?? ''}" (have: ${names.join(', ') || 'none'})`);
  const rows: unknown[][] = [];
  for (const [address, cell] of grid.cells) {
    const [r, c] = rowCol(address);
    const row = (rows[r - 1] ??= []);
    row[c - 1] = cell.error ?? cell.value ?? null;
  }
  return { name, rows: Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null)) };
}

/**
 * `par import-records <plugin/importer> <file>`: runs a plugin's importer on a CSV file (UTF-8, at most the CLI's
 * file limit) or one sheet of an XLSX workbook (read by the CLI's hardened reader, within its limits) and prints or
 * writes the records as JSON. A problem of the table throws {@link SheetError} with every problem at `file!cell`
 * (exit 1); an unknown importer, a format it does not read, or a missing sheet is a {@link UsageError} (exit 2).
 */
export async function importRecordsCommand(ctx: CommandContext, qualified: string, file: string, options: ImportRecordsOptions = {}): Promise<void> {
  if (!ctx.ws.par) throw new Error('The workspace was loaded without its plugins');
  const importers = ctx.ws.par.importers;
  const known = importers.map((i) => `${i.plugin}/${i.id}`);
  const importer = importers.find((i) => `${i.plugin}/${i.id}` === qualified);
  if (!importer) throw new UsageError(`No importer "${qualified}" (have: ${known.join(', ') || 'none: no plugin of the workspace imports files'})`);
  const ext = extname(file).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
  if (!format || !importer.formats.includes(format)) throw new UsageError(`${qualified} reads ${importer.formats.map((f) => `.${f}`).join(' and ')} files, not ${ext || 'a file without an extension'}`);
  let source: PluginTableSource;
  if (format === 'csv') {
    try {
      source = { format: 'csv', name: basename(file), text: readText(process.cwd(), file, { outside: true }) };
    } catch (e) {
      if (e instanceof UnreadableFile) throw new SheetError([], `${file}: ${e.message}`);
      throw e;
    }
  } else {
    const { readWorkbook } = await import('./workbook-file.js'); // ExcelJS loads only for a workbook
    const { name, rows } = sheetRows(await readWorkbook(file), file, options.sheet);
    source = { format: 'rows', name: `${basename(file)}!${name}`, rows };
  }
  const outcome = await ctx.ws.par.runImporter(importer.plugin, importer.id, source);
  if (outcome.status === 'invalid') {
    throw new SheetError(
      outcome.problems.map((p) => ({ cell: p.path.map(String).join('!'), message: p.message })),
      `${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} in ${file}; nothing was imported`,
    );
  }
  if (outcome.status === 'failed') throw new SheetError([], `plugin ${importer.plugin} failed to import ${file}: ${outcome.problem}`);
  const text = JSON.stringify(outcome.records, null, 2);
  if (!options.out) return ctx.out(text);
  writeFileSync(options.out, `${text}\n`);
  ctx.out(`${tr(ctx, 'Đã ghi', 'Wrote')} ${outcome.records.length} ${tr(ctx, 'bản ghi vào', 'records to')} ${options.out}`);
}
