// Issue 10: parsed input is a distinct type, every status after the draft scores every applicable leaf, and every
// exported scoring function refuses malformed arguments with ParValidationError at the argument's path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareResults,
  computeIndex,
  createIndexEngine,
  describeRule,
  evaluateRule,
  explain,
  figureFormat,
  formatPoints,
  formatRatioPercent,
  fromMicro,
  gapAnalysis,
  inputProblem,
  isParsed,
  metricsByUnit,
  ParValidationError,
  parseAssessment,
  parseFramework,
  reconcile,
  resultsToCsv,
  resultsToJson,
  sensitivity,
  sumPoints,
  toMicro,
  updateAssessment,
} from '../src/index.js';
import { miniFramework, problems } from './fixtures.js';
import { again, full, mini, u1 } from './scoring-fixtures.js';

/** U1's document as JSON, with one leaf's self points replaced (what a form or a spreadsheet might send). */
const plainWith = (points: unknown) => {
  const doc = JSON.parse(JSON.stringify(u1()));
  doc.entries.find((e: { code: string }) => e.code === '1.2').self.points = points;
  return doc;
};

describe('parsed input is a distinct type', () => {
  // Before: "30" scored as 30, -5 scored, 99 (above 1.2's maximum 0.2) scored, Infinity gave index 100, NaN threw
  // RangeError. Now each is refused before anything is computed, at the assessment's path.
  it.each([['30'], [-5], [99], [Number.POSITIVE_INFINITY], [Number.NaN]])('refuses a plain object with points %s', (points) => {
    expect(problems(() => computeIndex(mini, [plainWith(points)]))).toEqual([['assessments.0', 'not_parsed']]);
    expect(problems(() => createIndexEngine(mini).set(plainWith(points)))).toEqual([['assessment', 'not_parsed']]);
    expect(problems(() => sensitivity(mini, [plainWith(points)], { samples: 1 }))).toEqual([['assessments.0', 'not_parsed']]);
    // and the boundary names what is wrong with each
    expect(problems(() => parseAssessment(plainWith(points), mini)).map(([path]) => path)).toEqual(['entries.1.self.points']);
  });

  it('refuses a copy of a parsed assessment (spread, JSON round trip) but scores the parsed one', () => {
    const parsed = u1();
    expect(isParsed(parsed)).toBe(true);
    expect(isParsed({ ...parsed })).toBe(false);
    expect(problems(() => computeIndex(mini, [parsed, { ...full('U2') }, JSON.parse(JSON.stringify(full('U3')))]))).toEqual([
      ['assessments.1', 'not_parsed'],
      ['assessments.2', 'not_parsed'],
    ]);
    // U1 (2.1 declared not applicable, so 8 points apply): 0.05 + 0.2 + 1.85 + 0.5 + 2.25 (survey) - 1.5 (T) = 3.35;
    // 3.35 / 8 = 41.875% -> 41.88 at the framework's two decimals, half up
    expect(computeIndex(mini, [parsed]).get('U1')!.indexPercent).toBe(41.88);
  });

  it('refuses a framework that did not come from parseFramework, everywhere it is taken', () => {
    const plain = JSON.parse(JSON.stringify(mini));
    expect(problems(() => computeIndex(plain, [u1()]))).toEqual([['framework', 'not_parsed']]);
    expect(problems(() => createIndexEngine(plain))).toEqual([['framework', 'not_parsed']]);
    expect(problems(() => parseAssessment(JSON.parse(JSON.stringify(u1())), plain))).toEqual([['framework', 'not_parsed']]);
    expect(problems(() => updateAssessment(u1(), JSON.parse(JSON.stringify(u1())), plain))).toEqual([['framework', 'not_parsed']]);
    expect(problems(() => reconcile(plain, { rows: [{ unit: 'U', items: {} }] }))).toEqual([['framework', 'not_parsed']]);
  });

  it('refuses a result set that did not come from computeIndex', () => {
    const set = computeIndex(mini, [u1()]);
    const copy = { ...set, results: set.results };
    expect(problems(() => explain(mini, copy, 'U1'))).toEqual([['results', 'not_parsed']]);
    expect(problems(() => gapAnalysis(mini, copy))).toEqual([['results', 'not_parsed']]);
    expect(problems(() => resultsToCsv(mini, copy))).toEqual([['results', 'not_parsed']]);
    expect(problems(() => resultsToJson(copy))).toEqual([['results', 'not_parsed']]);
    expect(problems(() => compareResults(set, copy))).toEqual([['previous', 'not_parsed']]);
  });
});

describe('every status after the draft scores every applicable leaf', () => {
  const doc = (status: string, entries: unknown[]) => ({ unitId: 'P', framework: { id: 'mini', version: '1' }, period: '2021', status, entries });

  it('lists the missing codes when an assessment is parsed', () => {
    // Before: accepted; 1.3, 2.1, 2.2 and T counted 0 with a warning. The mini framework's leaves: 1.1, 1.2, 1.3,
    // 2.1, 2.2, S, T; this one scores 1.1, 1.2 and S.
    const some = [{ code: '1.1', self: { input: 'onTime' } }, { code: '1.2', self: { points: 0.2 } }, { code: 'S', imported: { points: 3, source: 'SIPAS' } }];
    for (const status of ['submitted', 'underAppraisal', 'explained', 'appraised', 'published']) {
      expect(() => parseAssessment(doc(status, some), mini)).toThrow('not scored: 1.3, 2.1, 2.2, T');
    }
    expect(parseAssessment(doc('draft', some), mini).status).toBe('draft');
  });

  it('lists a leaf that applies to the unit kind only, and a metric-bound leaf with no metric, when scored', () => {
    const f = miniFramework() as { nodes: { code: string; children?: { code: string; applicability?: unknown; metric?: unknown }[] }[] };
    f.nodes[0]!.children![2]!.applicability = { unitKinds: ['commune'] }; // 1.3: communes only
    f.nodes[1]!.children![0]!.metric = { metricId: 'dossierOnTimeRate' }; // 2.1: from the one-stop shop's metric
    const fw = parseFramework(f);
    const rest = [{ code: '1.1', self: { input: 'onTime' } }, { code: '1.2', self: { points: 0.2 } }, { code: '2.2', self: { input: 0 } }, { code: 'S', imported: { points: 3, source: 'SIPAS' } }, { code: 'T', self: { input: 0 } }];
    // parsing cannot know the unit's kind or the metrics: it leaves 1.3 and 2.1 to the engine
    const a = parseAssessment({ ...doc('published', rest), framework: { id: 'mini', version: '1' } }, fw);
    const units = [{ id: 'P', kind: 'commune' }];
    expect(() => computeIndex(fw, [a], { units })).toThrow('not scored: 1.3, 2.1');
    expect(problems(() => computeIndex(fw, [a], { units }))).toEqual([['assessments.0.entries', 'leaves_not_scored']]);
    expect(problems(() => createIndexEngine(fw, { units }).set(a))).toEqual([['assessment.entries', 'leaves_not_scored']]);
    // a ward (1.3 does not apply) with its metric: complete
    const metrics = [{ metricId: 'dossierOnTimeRate', unitId: 'P', period: '2021', value: 100, source: 'Hệ thống một cửa' }];
    expect(computeIndex(fw, [a], { units: [{ id: 'P', kind: 'ward' }], metrics }).get('P')!.warnings.filter((w) => w.kind === 'notScored')).toEqual([]);
  });
});

/** The paths of the ParValidationError `fn` throws; fails on anything else (a value, another error). */
function refusedAt(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return e.issues.map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('accepted');
}

const notAPeriod = fc.oneof(
  fc.string().filter((s) => !/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(s)),
  fc.constantFrom('2021-Q5', '2021-13', '2021-H3', '21', '2021-1', ' 2021'),
  fc.double(),
  fc.constantFrom(null, undefined, true, {}, []),
);
const notACount = fc.oneof(
  fc.double().filter((x) => !Number.isSafeInteger(x)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 2 ** 53, '3', null, true, {}),
);
const notAnInteger = fc.oneof(fc.double().filter((x) => !Number.isSafeInteger(x)), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 53, '3', null, true, {}));
const notAnId = fc.oneof(fc.constantFrom('', ' ', '-a', 'a b', 'x'.repeat(121)), fc.double(), fc.constantFrom(null, undefined, {}, []));
const notAnOption = fc.oneof(fc.string(), fc.double(), fc.constantFrom(null, true, {}, []));
const notDecimals = fc.oneof(notACount, fc.integer({ min: 7, max: 1000 }), fc.integer({ min: -1000, max: -1 }));
const notPoints = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1 / 3, 0.1234567, 2e6, '30', null, undefined, {}),
  fc.double({ noNaN: true }).filter((x) => !(Math.abs(x) <= 1e6 && Math.round(x * 1e6) / 1e6 === x)),
);

describe('every exported scoring function checks its arguments', () => {
  const set = computeIndex(mini, [u1(), full('U2')]);
  const cases: [string, fc.Arbitrary<unknown>, (bad: never) => unknown, string][] = [
    ['computeIndex options.tieBreak', notAnOption, (bad) => computeIndex(mini, [u1()], { tieBreak: bad }), 'options.tieBreak'],
    ['computeIndex options.units[0].id', notAnId, (bad) => computeIndex(mini, [u1()], { units: [{ id: bad, kind: 'commune' }] }), 'options.units.0.id'],
    ['computeIndex options.metrics[0].period', notAPeriod, (bad) => computeIndex(mini, [u1()], { metrics: [{ metricId: 'm', unitId: 'U1', period: bad, value: 1, source: 's' }] }), 'options.metrics.0.period'],
    ['createIndexEngine options.peerGroup', notAnOption, (bad) => createIndexEngine(mini, { peerGroup: bad }), 'options.peerGroup'],
    ['IndexEngine.result unitId', notAnId, (bad) => createIndexEngine(mini).result(bad), 'unitId'],
    ['IndexEngine.remove unitId', notAnId, (bad) => createIndexEngine(mini).remove(bad), 'unitId'],
    ['metricsByUnit period', notAPeriod, (bad) => metricsByUnit([], bad), 'period'],
    ['explain unitId', notAnId, (bad) => explain(mini, set, bad), 'unitId'],
    ['explain options.lang', notAnOption, (bad) => explain(mini, set, 'U1', { lang: bad }), 'options.lang'],
    ['gapAnalysis options.depth', notACount, (bad) => gapAnalysis(mini, set, { depth: bad }), 'options.depth'],
    ['gapAnalysis options.weakest', notACount, (bad) => gapAnalysis(mini, set, { weakest: bad }), 'options.weakest'],
    ['compareResults options.on', notAPeriod, (bad) => compareResults(set, set, { on: bad ?? 'x' }), 'options.on'],
    ['compareResults options.mergePolicy', notAnOption, (bad) => compareResults(set, set, { mergePolicy: bad }), 'options.mergePolicy'],
    ['sensitivity options.samples', notACount, (bad) => sensitivity(mini, [u1()], { samples: bad }), 'options.samples'],
    ['sensitivity options.seed', notAnInteger, (bad) => sensitivity(mini, [u1()], { seed: bad }), 'options.seed'],
    ['sensitivity options.perturbation', fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0.1, 1, 5, '0.1', null), (bad) => sensitivity(mini, [u1()], { perturbation: bad }), 'options.perturbation'],
    ['resultsToCsv options.figures.pointsDecimals', notDecimals, (bad) => resultsToCsv(mini, set, { figures: { pointsDecimals: bad } }), 'options.figures.pointsDecimals'],
    ['resultsToJson options.figures.percentDecimals', notDecimals, (bad) => resultsToJson(set, { figures: { percentDecimals: bad } }), 'options.figures.percentDecimals'],
    ['figureFormat options.pointsDecimals', notDecimals, (bad) => figureFormat({ pointsDecimals: bad }), 'options.pointsDecimals'],
    ['formatPoints value', notPoints, (bad) => formatPoints(bad, 3), 'value'],
    ['formatPoints decimals', notDecimals, (bad) => formatPoints(1.5, bad), 'decimals'],
    ['formatRatioPercent denominator', fc.oneof(notPoints, fc.constantFrom(0, -1)), (bad) => formatRatioPercent(1, bad), 'denominator'],
    ['toMicro value', notPoints, (bad) => toMicro(bad), 'value'],
    ['fromMicro micro', notAnInteger, (bad) => fromMicro(bad), 'micro'],
    ['sumPoints values[1]', notPoints, (bad) => sumPoints([0.5, bad]), 'values.1'],
    ['evaluateRule maxMicro', notACount, (bad) => evaluateRule({ kind: 'yesNo' }, bad, true), 'maxMicro'],
    ['evaluateRule input', fc.oneof(fc.string(), fc.constantFrom(Number.NaN, -1, 101, 'soon', null, {})), (bad) => evaluateRule({ kind: 'linear', floorPercent: 0, fullPercent: 100 } as never, 1_000_000, bad), 'input'],
    ['inputProblem input', fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 'soon', null, {}), (bad) => inputProblem({ kind: 'yesNo' }, bad), 'input'],
    ['describeRule lang', notAnOption, (bad) => describeRule({ kind: 'yesNo' }, bad), 'lang'],
  ];

  it.each(cases)('%s', (_name, bad, call, path) => {
    fc.assert(
      fc.property(bad, (value) => {
        expect(refusedAt(() => call(value as never))).toContain(path);
      }),
      { numRuns: 60 },
    );
  });

  it('names every bad argument at once, and computes nothing', () => {
    expect(refusedAt(() => sensitivity(mini, [u1()], { samples: 0, perturbation: 2, notApplicablePolicies: ['none' as never] }))).toEqual([
      'options.samples',
      'options.perturbation',
      'options.notApplicablePolicies.0',
    ]);
  });

  it('evaluateRule refuses a manual rule and an input that does not fit, as ParValidationError', () => {
    // Before: TypeError and RangeError.
    expect(problems(() => evaluateRule({ kind: 'manual' }, 1_000_000, 1))).toEqual([['rule.kind', 'manual_rule']]);
    expect(problems(() => evaluateRule({ kind: 'yesNo' }, 1_000_000, 50))).toEqual([['input', 'input_mismatch']]);
  });
});

describe('an edited assessment passes the boundary again', () => {
  it('is scored once re-parsed', () => {
    // U1 with 1.2 appraised down from 0.2 to 0: 3.35 - 0.2 = 3.15 of 8 -> 39.375% -> 39.38
    const edited = again(u1(), { entries: u1().entries.map((e) => (e.code === '1.2' ? { ...e, appraisals: [{ round: 1, points: 0, appraiser: 'x' }] } : e)) });
    expect(computeIndex(mini, [edited]).get('U1')!.indexPercent).toBe(39.38);
  });
});
