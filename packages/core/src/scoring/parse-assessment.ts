import { indexFramework, type IndexedNode } from '../frameworks/framework-index.js';
import type { Framework } from '../frameworks/framework-schema.js';
import { toMicro } from '../shared/points.js';
import { IssueList, parseWithSchema } from '@par/calendar';
import { AssessmentSchema, type Assessment } from './assessment-schema.js';
import { markParsed } from '../shared/parsed.js';
import { ArgumentCheck } from './arguments.js';
import { uncheckedInputProblem } from './rule-evaluation.js';
import { deepFreeze } from '../shared/deep-freeze.js';
import { compileEntries } from './compiled-assessment.js';
import { compileFramework } from './compiled-framework.js';

const IMPORTED = new Set(['survey', 'leadership']);

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
  const a = parseWithSchema('assessment', AssessmentSchema, input) as Assessment;
  const issues = new IssueList();
  checkAssessment(a, framework, issues);
  issues.throwIfAny('assessment');
  return sealAssessment(a, framework);
}

/** Freezes a checked assessment, compiles it once for the engine and marks it as parsed. */
export function sealAssessment(a: Assessment, framework: Framework): Assessment {
  deepFreeze(a);
  compileEntries(compileFramework(framework), a.entries);
  return markParsed(a);
}

/** The cross-checks of {@link parseAssessment}, adding problems to `issues` under `prefix`. */
export function checkAssessment(a: Assessment, framework: Framework, issues: IssueList, prefix: (string | number)[] = []): void {
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
  const index = indexFramework(framework);
  const seen = new Set<string>();
  const scored = new Set<string>();
  const early = a.status === 'draft' || a.status === 'submitted';
  a.entries.forEach((entry, i) => {
    const p = (...rest: (string | number)[]) => at('entries', i, ...rest);
    const hit = index.get(entry.code);
    if (!hit) return issues.add(p('code'), 'unknown_code', `No node "${entry.code}" in the framework`);
    if (!hit.isLeaf) return issues.add(p('code'), 'not_a_leaf', `Node "${entry.code}" has children; score its leaves`);
    if (seen.has(entry.code)) issues.add(p('code'), 'duplicate_entry', `Node "${entry.code}" is scored twice`);
    seen.add(entry.code);
    const { node, channel } = hit;
    // Share the framework's string: the engine then matches codes by identity.
    (entry as { code: string }).code = node.code;
    if (entry.notApplicable) {
      if (!node.applicability?.notApplicableAllowed) issues.add(p('notApplicable'), 'not_applicable_refused', `Node "${entry.code}" may not be declared not applicable`);
      if (entry.self || entry.imported || entry.appraisals.length > 0) {
        issues.add(p('notApplicable'), 'not_applicable_with_scores', `Node "${entry.code}" is declared not applicable and scored at once`);
      }
    }
    if (IMPORTED.has(channel) && entry.self) issues.add(p('self'), 'self_on_imported_channel', `Node "${entry.code}" is on the ${channel} channel, which is never self-scored`);
    if (!IMPORTED.has(channel) && entry.imported) issues.add(p('imported'), 'imported_on_scored_channel', `Node "${entry.code}" is on the ${channel} channel; only survey and leadership points are imported`);
    const max = toMicro(node.maxPoints);
    const step = node.rule?.kind === 'manual' ? (node.rule as { step?: number }).step : undefined;
    const checkPoints = (points: number | undefined, path: (string | number)[]) => {
      if (points === undefined) return;
      if (toMicro(points) > max) issues.add(path, 'points_above_max', `${points} is above the maximum ${node.maxPoints} of "${entry.code}"`);
      else if (step !== undefined && toMicro(points) % toMicro(step) !== 0) issues.add(path, 'step_mismatch', `${points} is not a multiple of the step ${step}`);
    };
    if (entry.notApplicable || entry.self?.points !== undefined || entry.self?.input !== undefined || entry.imported || entry.appraisals.length > 0) scored.add(entry.code);
    checkPoints(entry.self?.points, p('self', 'points'));
    checkPoints(entry.imported?.points, p('imported', 'points'));
    entry.appraisals.forEach((r, k) => checkPoints(r.points, p('appraisals', k, 'points')));
    if (entry.self?.input !== undefined && node.rule) {
      const problem = uncheckedInputProblem(node.rule, entry.self.input);
      if (problem) issues.add(p('self', 'input'), 'input_mismatch', problem);
    }
    entry.appraisals.forEach((r, k) => {
      const prev = entry.appraisals[k - 1];
      if ((k === 0 && r.round !== 1) || (prev && r.round <= prev.round)) {
        issues.add(p('appraisals', k, 'round'), 'appraisal_rounds', 'Appraisal rounds go 1, then 2, once each');
      }
    });
    if (early && (entry.appraisals.length > 0 || entry.explanation)) {
      issues.add(p(entry.appraisals.length > 0 ? 'appraisals' : 'explanation'), 'status_mismatch', `An assessment in status "${a.status}" has no appraisal or explanation yet`);
    }
    if (a.status === 'underAppraisal' && entry.appraisals.some((r) => r.round === 2)) {
      issues.add(p('appraisals'), 'status_mismatch', 'Round 2 comes after the explanation; the assessment is still under appraisal (round 1)');
    }
    for (const [path, refs] of [[p('self', 'evidence'), entry.self?.evidence ?? []], [p('explanation', 'evidence'), entry.explanation?.evidence ?? []]] as const) {
      refs.forEach((id, k) => {
        if (!evidence.has(id)) issues.add([...path, k], 'unknown_evidence', `Evidence "${id}" is not listed in the assessment's evidence`);
      });
    }
  });
  // Every status after the draft scores every applicable leaf (imported points too: they are entered with the self
  // scores, while a draft). Leaves that apply to some unit kinds or tags only, and leaves scored from a metric, are
  // checked by the engine, which knows the unit and the metrics.
  if (a.status === 'draft' || otherFramework) return;
  const unitDependent = (n: IndexedNode | undefined): boolean =>
    !!n && (!!n.node.applicability?.unitKinds || !!n.node.applicability?.tags || unitDependent(n.parentCode === undefined ? undefined : index.get(n.parentCode)));
  const missing = [...index.values()].filter((n) => n.isLeaf && !scored.has(n.node.code) && !n.node.metric && !unitDependent(n)).map((n) => n.node.code);
  if (missing.length > 0) {
    issues.add(at('entries'), 'leaves_not_scored', `An assessment in status "${a.status}" scores every applicable leaf; not scored: ${missing.join(', ')}`);
  }
}
