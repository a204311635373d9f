/**
 * `@par/plugin-iso9001`: ISO 9001:2015 (TCVN ISO 9001:2015) applied in state administrative agencies, as a PAR
 * toolkit plugin: QMS records, checks with their legal basis by date, and metrics for a framework's criterion.
 *
 * @packageDocumentation
 */
export { Iso9001OptionsSchema, QmsSchema, REVIEW_INPUTS, type Iso9001Options, type Qms } from './records.js';
export { ISO_RULES } from './rules.js';
export { currentProcess } from './checks.js';
export { createIso9001Plugin } from './plugin.js';
