/**
 * `@par/plugin-e-documents`: clerical work (văn thư) and electronic documents as a PAR toolkit plugin: registers of
 * outgoing and incoming documents, digital signatures and filing deadlines, checks with their rule ids and legal
 * basis by date (`DOC-01`..`DOC-08`), metrics for criterion 7.1, and the import of a document-management system's
 * register export.
 *
 * @packageDocumentation
 */
export {
  ClericalRecordsSchema,
  EDocumentsOptionsSchema,
  IncomingDocumentSchema,
  InstantSchema,
  OutgoingDocumentSchema,
  SignatureSchema,
  WorkFileSchema,
  isParsedClericalRecords,
  parseClericalRecords,
  type ClericalRecords,
  type ClericalRecordsData,
  type EDocumentsConfig,
  type EDocumentsOptions,
  type IncomingDocument,
  type OutgoingDocument,
  type WorkFile,
} from './records.js';
export { DOC_RULES, URGENCY_LEVELS, type ArchiveParams, type DocRuleName, type DocRuleVersion, type HandlingParams, type Urgency } from './rules.js';
export { METRICS, type EDocumentsMetricId } from './metrics.js';
export { createEDocumentsPlugin, type EDocumentsDependencies } from './plugin.js';
export {
  INCOMING_REGISTER_MAPPING,
  MAX_EXPORT_BYTES,
  OUTGOING_REGISTER_MAPPING,
  RegisterMappingSchema,
  readRegisterExport,
  type RegisterMapping,
  type RegisterSource,
} from './import.js';
export { summariseRegisters, type MonthSummary, type RegisterYearSummary } from './summary.js';
export { E_DOCUMENTS_IMPORTERS } from './importers.js';
