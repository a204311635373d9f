import { deepFreeze, EMPTY_LIST } from '../shared/deep-freeze.js';
import { markParsed } from '../shared/parsed.js';
import type { Assessment } from './assessment-schema.js';
import type { AssessmentColumns } from './assessment-columns.js';
import { assessmentOfColumns, type AssessmentHeader } from './parsed-assessment.js';
import { sumColumns } from './unit-evaluation.js';

/**
 * A parsed assessment of checked columns and its own fields, frozen, with the unit's totals worked out once (entries
 * in leaf order), marked as parsed: the last step of the quick path of `parseAssessment` and of `unpackAssessment`.
 */
export function sealColumns(header: AssessmentHeader, columns: AssessmentColumns): Assessment {
  const { unitId, period, status, evidence } = header;
  const a = assessmentOfColumns({ unitId, period, status, evidence: evidence.length === 0 ? EMPTY_LIST : deepFreeze(evidence) }, columns);
  if (columns.inLeafOrder) sumColumns(columns.cf, unitId, columns);
  return markParsed(a);
}
