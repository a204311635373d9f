// Random assessment documents for property tests: valid documents of the common shape for random frameworks, and
// mutations that may or may not break them (the quick paths must agree with the schema and the checks on both).
import fc from 'fast-check';
import { IssueList } from '@par/calendar';
import { AssessmentSchema, type Assessment, type Framework } from '../src/index.js';
import { checkAssessment } from '../src/scoring/parse-assessment.js';
import { frameworkArb, leavesOf, type Leaf } from './random-frameworks.js';

/** Values a careless or hostile file may put anywhere. */
const oddValue = fc.constantFrom<unknown>(undefined, null, '1', -0.125, Number.NaN, Number.POSITIVE_INFINITY, 1e-7, 2e9, true, [], {}, '  ', 'x', 0.0625, 1e6, 3);

/** An input that fits the leaf's rule (manual leaves take none). */
function inputFor(rule: Record<string, unknown>): fc.Arbitrary<unknown> {
  if (rule.kind === 'yesNo') return fc.boolean();
  if (rule.kind === 'timeliness') return fc.constantFrom('onTime', 'late', 'missing');
  if (rule.kind === 'countTiers') return fc.integer({ min: 0, max: 10 });
  if (rule.kind === 'manual') return fc.constant(undefined);
  return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
}

const eighthsUpTo = (max: number) => fc.integer({ min: 0, max: max * 8 }).map((n) => n / 8);

/** A valid entry of the common shape; appraisal rounds only where the status allows them. */
const commonEntryArb = (leaf: Leaf, rounds: 0 | 1 | 2) =>
  fc.record({
    points: fc.option(eighthsUpTo(leaf.maxPoints), { freq: 2 }),
    input: inputFor(leaf.rule),
    rounds: fc.array(fc.record({ points: eighthsUpTo(leaf.maxPoints), appraiser: fc.constantFrom('Tổ thẩm định', ' Sở Nội vụ '), reason: fc.option(fc.constantFrom('Thiếu tài liệu', ''), { nil: undefined }) }), { maxLength: rounds }),
    withEvidence: fc.boolean(),
    notApplicable: fc.boolean(),
  }).map(({ points, input, rounds: list, withEvidence, notApplicable }) => {
    if (notApplicable && (leaf.applicability as { notApplicableAllowed?: boolean } | undefined)?.notApplicableAllowed) return { code: leaf.code, notApplicable: { reason: ' Không phát sinh ' } };
    const self: Record<string, unknown> = points === null || input === undefined ? { points: points ?? 0 } : { points, input };
    if (points === null && input !== undefined) delete self.points, (self.input = input);
    if (withEvidence) self.evidence = [];
    const appraisals = list.map((r, i) => ({ round: i + 1, points: r.points, appraiser: r.appraiser, ...(r.reason === undefined ? {} : { reason: r.reason }) }));
    const scored = leaf.code === 'S' ? { imported: { points: points ?? 0, source: ' Khảo sát SIPAS ' } } : { self };
    return { code: leaf.code, ...scored, ...(appraisals.length > 0 || withEvidence ? { appraisals } : {}) };
  });

/** One change that may or may not break a document: the quick path must then agree with the schema and checks. */
const mutationArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('points', 'input', 'selfKey', 'entryKey', 'roundValue', 'roundPoints', 'appraiser', 'reason', 'code', 'duplicate', 'remove', 'selfOdd', 'appraisalsOdd', 'evidenceRef', 'roundOn', 'headerKey', 'secondRound', 'notApplicable', 'imported', 'selfOnSurvey', 'source', 'offStep', 'bare', 'header'),
  value: oddValue,
});

export type Doc = { entries: Record<string, any>[]; [key: string]: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Changes to an assessment's header at the edges of what the schema takes (ids, periods, defaults). */
const HEADER_EDITS: ((doc: Doc) => void)[] = [
  ...['', ' c1', 'c 1', 'x'.repeat(121), 'x'.repeat(120), 'đ1', 'c1.a:b-c_d'].map((v) => (doc: Doc) => void (doc.unitId = v)),
  ...['2024-13', '1899', '2101', '2024-Q5', '2024-H2', '2024-09', '2024 ', '2024-Q4'].map((v) => (doc: Doc) => void (doc.period = v)),
  ...[{ id: 'random', version: '' }, { id: 'random', version: '1', extra: 1 }, { id: 'random' }, { id: 'random', version: 1 }, { id: ' random', version: '1' }, { version: '1', id: 'random' }].map((v) => (doc: Doc) => void (doc.framework = v)),
  (doc) => delete doc.status,
  (doc) => delete doc.evidence,
  (doc) => void (doc.evidence = [{}]),
  (doc) => void (doc.status = 'closed'),
];

/** Applies a mutation to a document (in place). */
export function mutate(doc: Doc, m: { at: number; kind: string; value: unknown }, codes: readonly string[]): void {
  if (doc.entries.length === 0) return;
  const e = doc.entries[m.at % doc.entries.length]!;
  const round = Array.isArray(e.appraisals) && typeof e.appraisals[0] === 'object' ? e.appraisals[0] : undefined;
  if (['points', 'input', 'selfKey', 'evidenceRef'].includes(m.kind) && (typeof e.self !== 'object' || e.self === null)) e.self = {};
  switch (m.kind) {
    case 'points': e.self.points = m.value; break;
    case 'input': e.self.input = m.value; break;
    case 'selfKey': e.self.note = 'ghi chú'; break;
    case 'entryKey': e[['explanation', 'extra'][m.at % 2]!] = { text: 'x' }; break;
    case 'secondRound': e.appraisals = [{ round: 1, points: 0, appraiser: 'a' }, { round: 2, points: 0, appraiser: 'b' }]; break;
    case 'notApplicable': doc.entries[m.at % doc.entries.length] = { code: e.code, notApplicable: { reason: m.value === ' ' ? m.value : 'Không phát sinh' }, ...(m.at % 3 === 0 ? { self: { points: 0 } } : {}) }; break;
    case 'imported': e.imported = { points: 0, source: 'Khảo sát' }; break;
    case 'selfOnSurvey': { const s = doc.entries.find((x) => x.code === 'S'); if (s) s.self = { points: 0 }; break; }
    case 'source': if (e.imported) e.imported.source = m.value; break;
    case 'offStep': if (typeof e.self === 'object' && e.self !== null) e.self.points = [0.0625, 0.1, 0.3][m.at % 3]; break;
    case 'bare': doc.entries[m.at % doc.entries.length] = { code: e.code, ...(m.at % 2 === 0 ? { appraisals: [] } : {}) }; break;
    case 'roundValue': if (round) round.round = m.value; else e.appraisals = [{ round: 2, points: 0, appraiser: 'a' }]; break;
    case 'roundPoints': if (round) round.points = m.value; break;
    case 'appraiser': if (round) round.appraiser = m.value; break;
    case 'reason': if (round) round.reason = m.value; break;
    case 'roundOn': if (round) round.on = '2024-12-01'; break;
    case 'code': e.code = typeof m.value === 'string' ? m.value : codes[m.at % codes.length]; break;
    case 'duplicate': doc.entries.push(structuredClone(e)); break;
    case 'remove': doc.entries.splice(m.at % doc.entries.length, 1); break;
    case 'selfOdd': e.self = m.value; break;
    case 'appraisalsOdd': e.appraisals = m.value; break;
    case 'evidenceRef': e.self.evidence = ['e1']; break;
    case 'headerKey': doc[['unitId', 'period', 'reviewer', 'status'][m.at % 4]!] = m.value; break;
    case 'header': HEADER_EDITS[m.at % HEADER_EDITS.length]!(doc); break;
  }
}

const STATUSES = ['draft', 'submitted', 'underAppraisal', 'explained', 'appraised', 'published'] as const;
const ROUNDS = { draft: 0, submitted: 0, underAppraisal: 1, explained: 1, appraised: 2, published: 2 } as const;

export const scenario = frameworkArb.chain((fw) => {
  const leaves = leavesOf(fw.nodes as never);
  return fc.constantFrom(...STATUSES).chain((status) =>
    fc.record({
      fw: fc.constant(fw),
      status: fc.constant(status),
      entries: fc.tuple(...leaves.map((l) => commonEntryArb(l, ROUNDS[status]))),
      evidence: fc.constantFrom([], [{ id: 'e1', title: 'Kế hoạch', kind: 'plan' }], [{ id: 'e1', title: 'a', kind: 'plan' }, { id: 'e1', title: 'b', kind: 'plan' }]),
      mutations: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) }),
    }),
  );
});

/** What the schema and the checks say of a document: the parsed value, or `undefined` when anything is refused. */
export function slowPath(doc: unknown, fw: Framework): Assessment | undefined {
  const parsed = AssessmentSchema.safeParse(doc);
  if (!parsed.success) return undefined;
  const issues = new IssueList();
  checkAssessment(parsed.data as Assessment, fw, issues);
  try {
    issues.throwIfAny('assessment');
  } catch {
    return undefined;
  }
  return parsed.data as Assessment;
}

