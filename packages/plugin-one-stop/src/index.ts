/**
 * `@par/plugin-one-stop`: administrative-procedure dossiers under the one-stop mechanism (một cửa, một cửa liên
 * thông), from receipt to result, as a PAR toolkit plugin: the procedure catalogue and dossier records, appointments
 * on the working calendar, checks OSS-01..OSS-14 with their legal basis by receipt date, the on-time figures the PAR
 * INDEX and the national portal (QĐ 766/QĐ-TTg) use, reconciliation against counter registers, and the import of a
 * one-stop system's CSV or XLSX export.
 *
 * @packageDocumentation
 */
export {
  CatalogueSchema,
  DossierExportSchema,
  DossierRegisterSchema,
  DossierSchema,
  FORM_KINDS,
  ONLINE_LEVELS,
  OneStopOptionsSchema,
  ProcedureSchema,
  ProcessingTimeSchema,
  isParsedDocument,
  parseCatalogue,
  parseDossierExport,
  type Catalogue,
  type DossierExport,
  type DossierRecord,
  type DossierRegister,
  type OneStopConfig,
  type OneStopOptions,
  type Procedure,
  type ProcessingTime,
} from './records.js';
export { InstantSchema } from './instant.js';
export { FORM_SETS, LEGACY_ONLINE_LEVELS, ONE_STOP_REGIMES, OSS_RULES, type FormSetName, type OssRuleName, type OssRuleVersion } from './rules.js';
export type { Appointment, Outcome } from './appointment.js';
export type { DossierCounts, FigureDimension, Rate, ServiceIndexGroup } from './figures.js';
export { classifyOutcome, dossierAppointment, dossierFigures, dossierOutcomes, type ClockOptions, type DossierFigureOptions, type DossierFigures, type DossierOutcome } from './dossier-figures.js';
export { reconcileDossiers, type DossierReconciliation } from './reconcile.js';
export { DEFAULT_COLUMN_MAPPING, IMPORT_FIELDS, importDossiers, type ImportField, type ImportOptions } from './import.js';
export { ONE_STOP_FRAGMENTS } from './framework-fragments.js';
export { ONE_STOP_IMPORTERS } from './importers.js';
export { createOneStopPlugin, type OneStopDependencies } from './plugin.js';
