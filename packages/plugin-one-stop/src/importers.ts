import { ParValidationError, type ParIssue } from '@par/calendar';
import type { PluginImporter, PluginTableSource } from '@par/core';
import { dossierInputs, rowsOf, textRows } from './import.js';
import { parseDossierExport } from './records.js';

/** `A`, `B`, ..., `Z`, `AA`: a spreadsheet's column letters from a 0-based index. */
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A problem of `importDossiers` (`['row', 5, 'Thời điểm tiếp nhận']`) at its cell of the table (`['x.csv', 'E5']`). */
function atCell(issue: ParIssue, name: string, header: readonly string[]): ParIssue {
  const [list, row, column] = issue.path;
  if (list !== 'row' || typeof row !== 'number') return { ...issue, path: [name, ...issue.path] };
  const i = typeof column === 'string' ? header.indexOf(column) : -1;
  return { ...issue, path: [name, i >= 0 ? `${letters(i)}${row}` : `row ${row}`] };
}

/**
 * Reads a one-stop system's dossier export from a table the host gives, into dossiers as the options file holds
 * them (instants as text); every problem at its cell.
 */
async function readDossiers(source: PluginTableSource): Promise<Record<string, unknown>[]> {
  let rows: string[][];
  try {
    rows = source.format === 'csv' ? await rowsOf(source.text, 'csv') : textRows(source.rows);
  } catch (e) {
    throw new ParValidationError('dossier import', [{ path: [source.name], code: 'unreadable', message: `Not readable CSV: ${(e as Error).message}` }]);
  }
  try {
    const dossiers = dossierInputs(rows, undefined);
    parseDossierExport({ source: source.name, dossiers });
    return dossiers;
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    throw new ParValidationError('dossier import', e.issues.map((i) => atCell(i, source.name, rows[0] ?? [])));
  }
}

/**
 * The plugin's importer for `par import-records`: `dossiers`, a one-stop system's dossier export (CSV or XLSX, the
 * shipped Vietnamese column mapping; instants without a zone are Vietnam time), returning the dossiers as the
 * options file's `dossiers` list holds them and throwing `ParValidationError` with every problem at its cell.
 */
export const ONE_STOP_IMPORTERS: readonly PluginImporter[] = [
  { id: 'dossiers', label: { vi: 'Danh sách hồ sơ xuất từ hệ thống một cửa điện tử', en: "A one-stop system's dossier export" }, formats: ['csv', 'xlsx'], read: readDossiers },
];
