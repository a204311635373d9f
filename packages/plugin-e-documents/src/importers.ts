import type { PluginImporter, PluginTableSource } from '@par/core';
import { readRegisterExport } from './import.js';


/**
 * The plugin's importers for `par import-records`: `outgoing-register` and `incoming-register`, a
 * document-management system's register export ({@link readRegisterExport} with the shipped Vietnamese mapping),
 * CSV or XLSX, returning the documents as a unit's `outgoing` or `incoming` list in the options file holds them and
 * throwing `ParValidationError` with every problem at its cell.
 */
export const E_DOCUMENTS_IMPORTERS: readonly PluginImporter[] = [
  { id: 'outgoing-register', label: { vi: 'Sổ đăng ký văn bản đi', en: 'Register of outgoing documents' }, formats: ['csv', 'xlsx'], read: (source: PluginTableSource) => readRegisterExport(source, { kind: 'outgoing' }) },
  { id: 'incoming-register', label: { vi: 'Sổ đăng ký văn bản đến', en: 'Register of incoming documents' }, formats: ['csv', 'xlsx'], read: (source: PluginTableSource) => readRegisterExport(source, { kind: 'incoming' }) },
];
