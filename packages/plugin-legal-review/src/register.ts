import { IssueList, parseWithSchema } from '@par/calendar';
import { compileGraph, type DocumentGraph } from './graph.js';
import { LegalRegisterSchema, type LegalRegisterRecord } from './records.js';

declare const parsed: unique symbol;

/** A register parsed by {@link parseLegalRegister}: documents, relations and follow-up records, cross-checked. */
export type LegalRegister = LegalRegisterRecord & { readonly [parsed]: true };

const graphs = new WeakMap<object, DocumentGraph>();

/**
 * Parses a legal-document register: the schema, then the document graph's checks (a duplicate number, a relation or
 * record naming an unknown document, an effective date before signing, a relation dated before its target was
 * signed, a cycle of relations). Throws one `ParValidationError` naming every problem by path.
 */
export function parseLegalRegister(input: unknown): LegalRegister {
  const record = parseWithSchema('legal register', LegalRegisterSchema, input);
  graphs.set(record, compileGraph(record));
  return record as LegalRegister;
}

/** Whether a value came from {@link parseLegalRegister} (a plain object that looks like a register does not). */
export const isParsedLegalRegister = (value: unknown): value is LegalRegister => typeof value === 'object' && value !== null && graphs.has(value);

/** Records a register the plugin's options parsed, with its graph (internal). */
export const rememberRegister = (record: LegalRegisterRecord, graph: DocumentGraph) => graphs.set(record, graph);

/**
 * The document graph of a parsed register: `validityOn`, `inForceOn`, `reviewQueue`, `reviewObligations`,
 * `systematisation`. Throws `ParValidationError` (`not_parsed`) for a register that did not come from
 * {@link parseLegalRegister}.
 */
export function buildDocumentGraph(register: LegalRegister): DocumentGraph {
  const graph = typeof register === 'object' && register !== null ? graphs.get(register) : undefined;
  if (graph) return graph;
  const issues = new IssueList();
  issues.add(['register'], 'not_parsed', 'Expected a register returned by parseLegalRegister, not a plain object');
  return issues.throwIfAny('arguments of buildDocumentGraph') as never;
}
