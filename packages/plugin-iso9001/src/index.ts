/**
 * `@par/plugin-iso9001`: ISO 9001 (TCVN ISO 9001:2015) applied in state administrative agencies, as a PAR
 * toolkit plugin: QMS records, checks with their rule ids and legal basis by date, and metrics for a framework's
 * criterion.
 *
 * @packageDocumentation
 */
export {
  Iso9001OptionsSchema,
  ProcedureSchema,
  ProcessingTimeSchema,
  PublishedProcedureListSchema,
  QmsSchema,
  isParsedQms,
  parseQms,
  type Iso9001Config,
  type Iso9001Options,
  type ProcessingTime,
  type Qms,
  type QmsRecord,
} from './records.js';
export { ISO_RULES, ISO_UNIT_KINDS, MODEL_AGENCY_TYPES, REVIEW_INPUTS, type IsoRuleName, type IsoRuleVersion, type IsoUnitKind } from './rules.js';
export { createIso9001Plugin, currentProcess, type Iso9001Dependencies } from './plugin.js';
