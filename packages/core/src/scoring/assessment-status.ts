import type { Framework } from '../frameworks/framework-schema.js';
import { IssueList, parseWithSchema } from '@par/calendar';
import { AssessmentSchema, type Assessment, type AssessmentEntry, type AssessmentStatus } from './assessment-schema.js';
import { checkAssessment, sealAssessment } from './parse-assessment.js';
import { ArgumentCheck } from './arguments.js';

/** The status changes an assessment may make (a status may also stay as it is). */
export const ASSESSMENT_TRANSITIONS: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  draft: ['submitted'],
  submitted: ['draft', 'underAppraisal'],
  underAppraisal: ['explained', 'appraised'],
  explained: ['appraised'],
  appraised: ['published'],
  published: [],
};

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const selfPart = (e: AssessmentEntry | undefined) => e && { self: e.self, notApplicable: e.notApplicable, imported: e.imported };
const round = (e: AssessmentEntry | undefined, n: 1 | 2) => e?.appraisals.find((r) => r.round === n);

/**
 * Validates a new version of an assessment against the one it replaces: the new version must be valid on its
 * own; a published assessment is locked; the status may only move along {@link ASSESSMENT_TRANSITIONS}; and each
 * part may change only in its stage: self scores, N/A declarations, imported points and evidence while a draft,
 * round 1 while under appraisal, the explanation while under appraisal or explained, round 2 once explained
 * (or straight after round 1). Throws {@link ParValidationError} naming every refused change.
 */
export function updateAssessment(before: Assessment, input: unknown, framework: Framework): Assessment {
  new ArgumentCheck('updateAssessment').assessment(before, ['before']).framework(framework).done();
  const after = parseWithSchema('assessment', AssessmentSchema, input) as Assessment;
  const issues = new IssueList();
  if (before.status === 'published' && !same(before, after)) {
    issues.add([], 'assessment_locked', `The assessment of "${before.unitId}" is published and can no longer change`);
    issues.throwIfAny('assessment update');
  }
  checkAssessment(after, framework, issues);
  if (after.unitId !== before.unitId || after.period !== before.period || !same(after.framework, before.framework)) {
    issues.add(['unitId'], 'identity_changed', 'An update keeps the unit, period and framework of the assessment');
  }
  if (after.status !== before.status && !ASSESSMENT_TRANSITIONS[before.status].includes(after.status)) {
    issues.add(['status'], 'transition_refused', `An assessment cannot go from "${before.status}" to "${after.status}"`);
  }
  const stage = before.status;
  const old = new Map(before.entries.map((e) => [e.code, e]));
  const codes = new Set([...before.entries.map((e) => e.code), ...after.entries.map((e) => e.code)]);
  const index = new Map(after.entries.map((e, i) => [e.code, i]));
  for (const code of codes) {
    const b = old.get(code);
    const a = after.entries[index.get(code) ?? -1];
    const path = ['entries', index.get(code) ?? before.entries.findIndex((e) => e.code === code)];
    if (!same(selfPart(b), selfPart(a)) && stage !== 'draft') {
      issues.add(path, 'self_frozen', `Self scores of "${code}" are frozen once the assessment is submitted`);
    }
    if (!same(round(b, 1), round(a, 1)) && stage !== 'underAppraisal') {
      issues.add(path, 'round_closed', `Appraisal round 1 of "${code}" can change only while the assessment is under appraisal`);
    }
    if (!same(b?.explanation, a?.explanation) && stage !== 'underAppraisal' && stage !== 'explained') {
      issues.add(path, 'explanation_closed', `The explanation of "${code}" can change only after round 1 and before round 2`);
    }
    if (!same(round(b, 2), round(a, 2)) && stage !== 'explained' && !(stage === 'underAppraisal' && after.status === 'appraised')) {
      issues.add(path, 'round_closed', `Appraisal round 2 of "${code}" comes after the explanation`);
    }
  }
  if (!same(before.evidence, after.evidence) && stage !== 'draft' && stage !== 'underAppraisal' && stage !== 'explained') {
    issues.add(['evidence'], 'evidence_closed', 'Evidence can be added while drafting or explaining, not after appraisal');
  }
  issues.throwIfAny('assessment update');
  return sealAssessment(after, framework);
}
