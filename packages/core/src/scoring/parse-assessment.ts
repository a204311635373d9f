import type { Framework } from '../frameworks/framework-schema.js';
import { factsOf, IMPORTED_CHANNELS, pointsProblem } from './framework-facts.js';
import { IssueList, parseWithSchema } from '@par/calendar';
import { AssessmentSchema, type Assessment } from './assessment-schema.js';
import { ArgumentCheck } from './arguments.js';
import { uncheckedInputProblem } from './rule-evaluation.js';
import { EMPTY_LIST } from '../shared/deep-freeze.js';
import { buildColumns } from './assessment-columns.js';
import { sealColumns } from './seal.js';
import { quickValidation } from './quick-validation.js';
import { compileFramework } from './compiled-framework.js';

/**
 * Validates an assessment document against its framework (the result is frozen, and compiled once for the
 * scoring engine): the shape, then every entry: a known leaf, at most
 * once; N/A only where the node allows it and with no score; no self score on the survey or leadership channel
 * and no imported points elsewhere; points within the node's maximum and its manual step; an input that fits
 * the rule; appraisal rounds in order (round 2 after round 1) and consistent with the status; evidence
 * references that exist; once past `draft`, every applicable leaf scored. Throws {@link ParValidationError} naming
 * every problem by path, and for a framework that did not come from `parseFramework` or `deriveFramework`.
 */
export function parseAssessment(input: unknown, framework: Framework): Assessment {
  new ArgumentCheck('parseAssessment').framework(framework).done();
  const quick = quickValidation(input, framework);
  if (quick) return quick;
  const a = parseWithSchema('assessment', AssessmentSchema, input) as Assessment;
  const issues = new IssueList();
  checkAssessment(a, framework, issues);
  issues.throwIfAny('assessment');
  return sealAssessment(a, framework);
}

/** Turns a checked assessment into its compact frozen form (entries as columns, the unit's totals worked out once) and marks it as parsed. */
export function sealAssessment(a: Assessment, framework: Framework): Assessment {
  shareEmptyLists(a);
  return sealColumns(a, buildColumns(compileFramework(framework), a.entries));
}


/** Puts {@link EMPTY_LIST} in place of each empty list of an assessment about to be frozen: its evidence, rounds and references. */
export function shareEmptyLists(a: Assessment): void {
  type Lists = { evidence: readonly unknown[]; entries: { appraisals: readonly unknown[]; self?: { evidence: readonly string[] }; explanation?: { evidence: readonly string[] } }[] };
  const w = a as unknown as Lists;
  if (w.evidence.length === 0) w.evidence = EMPTY_LIST;
  for (const e of w.entries) {
    if (e.appraisals.length === 0) e.appraisals = EMPTY_LIST;
    if (e.self?.evidence.length === 0) e.self.evidence = EMPTY_LIST;
    if (e.explanation?.evidence.length === 0) e.explanation.evidence = EMPTY_LIST;
  }
}

/**
 * The cross-checks of {@link parseAssessment}, adding problems to `issues` under `prefix`; `everyLeaf: false` leaves
 * out the check that every applicable leaf is scored (for a part of the entries).
 */
export function checkAssessment(a: Assessment, framework: Framework, issues: IssueList, prefix: (string | number)[] = [], everyLeaf = true): void {
  const at = (...p: (string | number)[]) => [...prefix, ...p];
  const otherFramework = a.framework.id !== framework.id || a.framework.version !== framework.version;
  if (otherFramework) {
    issues.add(at('framework'), 'framework_mismatch', `The assessment is for ${a.framework.id}@${a.framework.version}, not ${framework.id}@${framework.version}`);
  }
  const evidence = new Set<string>();
  a.evidence.forEach((e, i) => {
    if (evidence.has(e.id)) issues.add(at('evidence', i, 'id'), 'duplicate_id', `Evidence id "${e.id}" is used twice`);
    evidence.add(e.id);
  });
  const { index, required } = factsOf(framework);
  const seen = new Set<string>();
  const scored = new Set<string>();
  const early = a.status === 'draft' || a.status === 'submitted';
  /** Adds a problem for each evidence reference of `part` (self, explanation) of entry `i` that is not listed. */
  const checkRefs = (refs: readonly string[] | undefined, i: number, part: string) => {
    refs?.forEach((id, k) => {
      if (!evidence.has(id)) issues.add(at('entries', i, part, 'evidence', k), 'unknown_evidence', `Evidence "${id}" is not listed in the assessment's evidence`);
    });
  };
  // one loop over the entries, without a closure per entry: paths are built only for the problems found
  for (let i = 0; i < a.entries.length; i++) {
    const entry = a.entries[i]!;
    const hit = index.get(entry.code);
    if (!hit) {
      issues.add(at('entries', i, 'code'), 'unknown_code', `No node "${entry.code}" in the framework`);
      continue;
    }
    if (!hit.isLeaf) {
      issues.add(at('entries', i, 'code'), 'not_a_leaf', `Node "${entry.code}" has children; score its leaves`);
      continue;
    }
    if (seen.has(entry.code)) issues.add(at('entries', i, 'code'), 'duplicate_entry', `Node "${entry.code}" is scored twice`);
    seen.add(entry.code);
    const { node, channel } = hit;
    // Share the framework's string: the engine then matches codes by identity.
    (entry as { code: string }).code = node.code;
    const { self, imported, appraisals } = entry;
    if (entry.notApplicable) {
      if (!node.applicability?.notApplicableAllowed) issues.add(at('entries', i, 'notApplicable'), 'not_applicable_refused', `Node "${entry.code}" may not be declared not applicable`);
      if (self || imported || appraisals.length > 0) {
        issues.add(at('entries', i, 'notApplicable'), 'not_applicable_with_scores', `Node "${entry.code}" is declared not applicable and scored at once`);
      }
    }
    if (IMPORTED_CHANNELS.has(channel) && self) issues.add(at('entries', i, 'self'), 'self_on_imported_channel', `Node "${entry.code}" is on the ${channel} channel, which is never self-scored`);
    if (!IMPORTED_CHANNELS.has(channel) && imported) issues.add(at('entries', i, 'imported'), 'imported_on_scored_channel', `Node "${entry.code}" is on the ${channel} channel; only survey and leadership points are imported`);
    const step = node.rule?.kind === 'manual' ? (node.rule as { step?: number }).step : undefined;
    if (entry.notApplicable || self?.points !== undefined || self?.input !== undefined || imported || appraisals.length > 0) scored.add(entry.code);
    let wrong = self?.points === undefined ? undefined : pointsProblem(self.points, node, step);
    if (wrong) issues.add(at('entries', i, 'self', 'points'), wrong.code, wrong.message);
    wrong = imported === undefined ? undefined : pointsProblem(imported.points, node, step);
    if (wrong) issues.add(at('entries', i, 'imported', 'points'), wrong.code, wrong.message);
    for (let k = 0; k < appraisals.length; k++) {
      wrong = pointsProblem(appraisals[k]!.points, node, step);
      if (wrong) issues.add(at('entries', i, 'appraisals', k, 'points'), wrong.code, wrong.message);
    }
    if (self?.input !== undefined && node.rule) {
      const problem = uncheckedInputProblem(node.rule, self.input);
      if (problem) issues.add(at('entries', i, 'self', 'input'), 'input_mismatch', problem);
    }
    for (let k = 0; k < appraisals.length; k++) {
      const round = appraisals[k]!.round;
      if ((k === 0 && round !== 1) || (k > 0 && round <= appraisals[k - 1]!.round)) {
        issues.add(at('entries', i, 'appraisals', k, 'round'), 'appraisal_rounds', 'Appraisal rounds go 1, then 2, once each');
      }
    }
    if (early && (appraisals.length > 0 || entry.explanation)) {
      issues.add(at('entries', i, appraisals.length > 0 ? 'appraisals' : 'explanation'), 'status_mismatch', `An assessment in status "${a.status}" has no appraisal or explanation yet`);
    }
    if (a.status === 'underAppraisal' && appraisals.some((r) => r.round === 2)) {
      issues.add(at('entries', i, 'appraisals'), 'status_mismatch', 'Round 2 comes after the explanation; the assessment is still under appraisal (round 1)');
    }
    checkRefs(self?.evidence, i, 'self');
    checkRefs(entry.explanation?.evidence, i, 'explanation');
  }
  // Every status after the draft scores every applicable leaf (imported points too: they are entered with the self
  // scores, while a draft).
  if (a.status === 'draft' || otherFramework || !everyLeaf) return;
  const missing = required.filter((code) => !scored.has(code));
  if (missing.length > 0) {
    issues.add(at('entries'), 'leaves_not_scored', `An assessment in status "${a.status}" scores every applicable leaf; not scored: ${missing.join(', ')}`);
  }
}
