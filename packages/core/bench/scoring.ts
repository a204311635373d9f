// npm run bench: the scoring engine at province scale (10,000 units x 150 leaves).
import type { BenchTask } from '../../../bench.shared.js';
import { BENCH_LEAVES, benchAssessment, benchFramework, benchRandom } from './bench-framework.js';
import { computeIndex, createIndexEngine, parseAssessment, parseFramework, sensitivity, type Assessment } from '@par/core';
import { duckdbReferences, typedArrayRanking } from './references.js';

const UNITS = 10_000;

const fw = parseFramework(benchFramework());
const random = benchRandom();
// Assessments arrive as JSON and pass the boundary (parseAssessment) once, as in real use; not timed. The heap they
// hold is measured after a full collection (the suite runs with --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** The JavaScript heap and the typed arrays' buffers, after a full collection. */
const held = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const heldBefore = held();
const assessments: Assessment[] = Array.from({ length: UNITS }, (_, u) => parseAssessment(JSON.parse(JSON.stringify(benchAssessment(u, random))), fw));
const perUnitKib = (held() - heldBefore) / UNITS / 1024;
console.log(`parsed assessments hold ${perUnitKib.toFixed(1)} KiB a unit (${BENCH_LEAVES.length} leaves); target <= 6 KiB: ${perUnitKib <= 6 ? 'met' : 'NOT met'}`);
const engine = createIndexEngine(fw);
for (const a of assessments) engine.set(a);
engine.results();
let flip = 0;
const raw = JSON.stringify(assessments.slice(0, 1000));
// An edited assessment passes the boundary again (parseAssessment); the edits are parsed up front, not timed.
const EDITED = 200;
const edited = Array.from({ length: EDITED * 2 }, (_, k) => {
  const a = assessments[k % EDITED]!;
  const doc = JSON.parse(JSON.stringify(a));
  doc.entries[2] = { code: '1.1.3', self: { points: k < EDITED ? 0.5 : 0, evidence: [] }, appraisals: [] };
  return parseAssessment(doc, fw);
});

// The references of issue 14, on the same assessments in the same run; DuckDB must agree with computeIndex.
const duckdb = await duckdbReferences(fw, assessments);
const ours = computeIndex(fw, assessments);
const theirs = await duckdb.rules();
const agree = theirs.unit.every((u, i) => Math.abs(ours.get(`u${u}`)!.points.final - theirs.total[i]!) < 1e-9);
console.log(`DuckDB's totals ${agree ? 'agree' : 'DISAGREE'} with computeIndex on all ${UNITS} units`);
const medians: Record<string, number> = {};
const remember = (name: string) => (ms: number) => {
  medians[name] = ms;
  return '';
};
const LIMIT = 'reference: typed-array sum and sort of pre-scored points';
const DUCKDB_SUMS = 'reference: DuckDB summing pre-scored points, rank, band';
const DUCKDB_RULES = 'reference: DuckDB evaluating the rules in SQL, rank, band';

export const tasks: BenchTask[] = [
  { name: LIMIT, fn: typedArrayRanking(UNITS, duckdb.points), iterations: 30, figure: remember(LIMIT) },
  { name: DUCKDB_SUMS, fn: duckdb.preScored, iterations: 15, figure: remember(DUCKDB_SUMS) },
  { name: DUCKDB_RULES, fn: duckdb.rules, iterations: 15 },
  {
    name: `computeIndex: ${UNITS} units x ${BENCH_LEAVES.length} leaves, rank and band`,
    fn: () => computeIndex(fw, assessments),
    iterations: 15,
    reference: DUCKDB_RULES,
    maxRatio: 0.5,
    figure: (ms) => `target <= 100 ms: ${ms <= 100 ? 'met' : 'NOT met'}; ${(ms / medians[DUCKDB_SUMS]!).toFixed(2)}x DuckDB summing; ${(ms / medians[LIMIT]!).toFixed(1)}x the typed-array limit`,
  },
  {
    name: 'parseAssessment: 1,000 assessments x 150 leaves from JSON (the boundary, once per file)',
    fn: () => (JSON.parse(raw) as unknown[]).map((a) => parseAssessment(a, fw)),
    iterations: 5,
  },
  {
    name: 'recompute after one unit changed (set, then its result and rank)',
    fn: () => {
      const a = edited[flip++ % edited.length]!;
      engine.set(a);
      return engine.result(a.unitId)!.rank;
    },
    iterations: 2000,
    targetMs: 1,
  },
  {
    name: 'sensitivity: 1,000 samples over 1,000 units (±10% weights, two N/A policies)',
    fn: () => sensitivity(fw, assessments.slice(0, 1000), { samples: 1000, seed: 1 }),
    iterations: 5,
    targetMs: 2000,
  },
];
