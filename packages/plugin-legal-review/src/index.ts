/**
 * `@par/plugin-legal-review`: legal normative documents (VBQPPL) at local level as a PAR toolkit plugin: the
 * register's records, the document graph with point-in-time validity and review obligations, the checks LEG-01 to
 * LEG-19 with their legal basis by regime, the field-2 metrics and framework fragments, and a register importer.
 *
 * @packageDocumentation
 */
export { DOCUMENT_FORMS, documentNumberProblems, normaliseNumber, parseDocumentNumber, type DocumentForm, type DocumentNumber } from './document-number.js';
export {
  DocumentNumberSchema,
  LegalDocumentSchema,
  LegalRegisterSchema,
  LegalReviewOptionsSchema,
  RELATION_KINDS,
  RelationSchema,
  type LegalDocument,
  type LegalRegisterRecord,
  type LegalReviewConfig,
  type LegalReviewOptions,
  type Relation,
  type RelationKind,
} from './records.js';
export {
  DISTRICT_TIER_END,
  INSPECTING_BODIES,
  ISSUER_LEVELS,
  LEG_RULES,
  PUBLICATION_CHANNELS,
  REVIEW_OUTCOMES,
  REVIEW_TRIGGER_KINDS,
  UNLAWFUL_CATEGORIES,
  legRuleInForce,
  type EffectiveDelay,
  type InspectingBody,
  type IssuerLevel,
  type LegRuleName,
  type LegRuleVersion,
  type PublicationChannel,
  type ReviewOutcome,
} from './rules.js';
export {
  APPLYING_STATES,
  VALIDITY_EVENT_KINDS,
  VALIDITY_STATES,
  ValidityEventSchema,
  replayValidity,
  type ValidityEvent,
  type ValidityOnDate,
  type ValidityState,
} from './validity.js';
export { CHANGE_EVENTS, ReviewChangeSchema, type DocumentGraph, type InForceFilter, type ReviewChange, type ReviewQueueItem, type Systematisation } from './graph.js';
export { buildDocumentGraph, isParsedLegalRegister, parseLegalRegister, type LegalRegister } from './register.js';
export { LEGAL_REVIEW_FRAMEWORK_FRAGMENTS } from './metrics.js';
export { createLegalReviewPlugin, type LegalReviewDependencies } from './plugin.js';
export { legalReviewImporters } from './importers.js';
export { REGISTER_COLUMNS, RegisterImportOptionsSchema, importRegister, type RegisterImportOptions, type RegisterSource } from './import-register.js';
