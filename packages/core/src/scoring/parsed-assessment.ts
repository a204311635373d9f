import type { Assessment, AssessmentEntry, AssessmentStatus, Evidence } from './assessment-schema.js';
import { buildColumns, entriesOf, type AssessmentColumns } from './assessment-columns.js';
import type { CompiledFramework } from './compiled-framework.js';

/** One frozen `{ id, version }` per compiled framework, shared by the assessments parsed against it. */
const frameworkRefs = new WeakMap<CompiledFramework, Assessment['framework']>();

/**
 * A parsed assessment: its own fields as the document gave them, and its entries held as columns
 * ({@link AssessmentColumns}). `entries` is an own enumerable property (a spread, `JSON.stringify` and
 * `structuredClone` see it) whose entry objects are built when read and kept while something holds them.
 */
class ParsedAssessment {
  readonly unitId: string;
  readonly framework: Assessment['framework'];
  readonly period: string;
  readonly status: AssessmentStatus;
  readonly evidence: readonly Evidence[];
  declare readonly entries: readonly AssessmentEntry[];
  readonly #columns: AssessmentColumns;
  #entries: WeakRef<readonly AssessmentEntry[]> | undefined;

  constructor(a: AssessmentHeader, columns: AssessmentColumns) {
    const { cf } = columns;
    let ref = frameworkRefs.get(cf);
    if (!ref) frameworkRefs.set(cf, (ref = Object.freeze({ id: cf.framework.id, version: cf.framework.version })));
    this.unitId = a.unitId;
    this.framework = ref;
    this.period = a.period;
    this.status = a.status;
    this.evidence = a.evidence;
    this.#columns = columns;
    Object.defineProperty(this, 'entries', ENTRIES);
    Object.freeze(this);
  }

  /** The columns of a parsed assessment, or `undefined` for anything else. */
  static columnsOf(a: object): AssessmentColumns | undefined {
    return #columns in a ? a.#columns : undefined;
  }

  /** The entry objects, built again only when the last ones were collected. */
  static entriesOf(a: ParsedAssessment): readonly AssessmentEntry[] {
    const held = a.#entries?.deref();
    if (held) return held;
    const built = entriesOf(a.#columns);
    a.#entries = new WeakRef(built);
    return built;
  }
}

/** The `entries` accessor every parsed assessment shares. */
const ENTRIES: PropertyDescriptor = {
  get(this: ParsedAssessment) {
    return ParsedAssessment.entriesOf(this);
  },
  enumerable: true,
};

/** An assessment's own fields, without its entries. */
export type AssessmentHeader = Pick<Assessment, 'unitId' | 'period' | 'status' | 'evidence'>;

/** A parsed assessment of checked columns and its own fields (not yet marked as parsed). */
export function assessmentOfColumns(header: AssessmentHeader, columns: AssessmentColumns): Assessment {
  return new ParsedAssessment(header, columns) as unknown as Assessment;
}

/** The columns a parsed assessment holds (`undefined` for any other object). */
export function keptColumnsOf(a: Assessment): AssessmentColumns | undefined {
  return ParsedAssessment.columnsOf(a);
}

/**
 * The columns of an assessment against `cf`: those kept since the parse, or, for an assessment parsed against
 * another copy of the framework, built anew from its entries.
 */
export function columnsOf(a: Assessment, cf: CompiledFramework): AssessmentColumns {
  const kept = ParsedAssessment.columnsOf(a);
  return kept && kept.cf === cf ? kept : buildColumns(cf, a.entries);
}
