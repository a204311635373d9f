import { parse as parseCsv } from 'csv-parse/sync';
import { ParValidationError, type ParIssue } from '@par/calendar';
import type { PluginImporter, PluginTableSource } from '@par/core';
import { importRegister, REGISTER_COLUMNS } from './import-register.js';
import type { LegalReviewConfig } from './records.js';

/** `A`, `B`, ..., `Z`, `AA`: a spreadsheet's column letters from a 0-based index. */
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A problem of `importRegister` (`['rows', 5, 'Ngày ban hành']`) at its cell of the table (`['so.csv', 'C5']`). */
function atCell(issue: ParIssue, name: string, rows: readonly (readonly unknown[])[]): ParIssue {
  const headerAt = rows.findIndex((r) => r.some((c) => typeof c === 'string' && c.trim() !== ''));
  const header = (rows[headerAt] ?? []).map((c) => String(c ?? '').trim());
  const [list, row, column] = issue.path;
  if (list === 'rows' && typeof row === 'number') {
    const i = typeof column === 'string' ? header.indexOf(column) : -1;
    return { ...issue, path: [name, i >= 0 ? `${letters(i)}${row}` : `row ${row}`] };
  }
  if (list === 'columns') return { ...issue, path: [name, `row ${headerAt + 1}`] };
  return { ...issue, path: [name, ...issue.path] };
}

/**
 * The plugin's importers for `par import-records`, one per register of the options whose unit issued a document of
 * it (that document gives the issuer's level): `register-<unitId>`, a document register as the office keeps it (CSV
 * or XLSX with the columns of {@link REGISTER_COLUMNS}), read by {@link importRegister} for that unit and keeper. It
 * returns one record, the register's `unitId`, `keeperUnitId`, `documents` and `relations` as the options'
 * `registers` hold them, and throws `ParValidationError` with every problem at its cell.
 */
export function legalReviewImporters(config: LegalReviewConfig): PluginImporter[] {
  return config.registers.flatMap((register) => {
    const level = register.documents.find((d) => d.issuer.unitId === register.unitId)?.issuer.level;
    if (!level) return [];
    const read = async (source: PluginTableSource) => {
      let rows: readonly (readonly unknown[])[];
      try {
        rows = source.format === 'rows' ? source.rows : (parseCsv(source.text, { bom: true, relax_column_count: true }) as string[][]);
      } catch (e) {
        throw new ParValidationError('document register', [{ path: [source.name], code: 'malformed_csv', message: (e as Error).message }]);
      }
      try {
        const { unitId, keeperUnitId, documents, relations } = await importRegister({ format: 'rows', rows }, { unitId: register.unitId, level, ...(register.keeperUnitId && { keeperUnitId: register.keeperUnitId }) });
        return [{ unitId, ...(keeperUnitId && { keeperUnitId }), documents, relations }];
      } catch (e) {
        if (!ParValidationError.isInstance(e)) throw e;
        throw new ParValidationError('document register', e.issues.map((i) => atCell(i, source.name, rows)));
      }
    };
    return [{ id: `register-${register.unitId}`, label: { vi: `Sổ theo dõi văn bản QPPL của ${register.unitId}`, en: `Register of legal documents of ${register.unitId}` }, formats: ['csv', 'xlsx'] as const, read }];
  });
}
