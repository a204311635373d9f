/**
 * `@par/store`: the workspace on a database, PGlite embedded by default and PostgreSQL for a province: versioned
 * migrations, the lifecycle store port with optimistic concurrency, a hash-chained audit trail and authorization as
 * data.
 *
 * @packageDocumentation
 */
export { StoreConfigSchema, resolveStoreConfig, type ResolvedStoreConfig, type StoreConfig } from './config.js';
export { describeTarget, type Database, type Json } from './database.js';
export { MIGRATIONS, type MigrationReport } from './migrations.js';
export { GENESIS_HASH, canonicalJson, entryHash, type AuditEntry, type ChainReport, type StoreActor } from './audit.js';
export { DEFAULT_POLICY, PolicySchema, STORE_ACTIONS, isAllowed, parsePolicy, type Policy, type StoreAction } from './policy.js';
export { WorkspaceDocumentsSchema, parseWorkspaceDocuments, type ParsedWorkspace, type WorkspaceDocuments } from './workspace-documents.js';
export { openStore, type ImportSummary, type ParStore, type PluginRecordInput, type StoredAssessment, type StoreSession } from './store.js';
export { StoreUnavailableError } from './store-unavailable-error.js';
export { EVENT_ACTIONS } from './lifecycle-store.js';
export { ParAccessDeniedError } from './access-denied-error.js';
