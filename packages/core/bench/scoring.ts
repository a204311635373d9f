// npm run bench: the scoring engine at province scale (10,000 units x 150 leaves).
import type { BenchTask } from '../../../bench.shared.js';
import { benchFramework } from './bench-framework.js';
import { computeIndex, createIndexEngine, parseAssessment, parseFramework, sensitivity, type Assessment } from '../src/index.js';

const UNITS = 10_000;

const fw = parseFramework(benchFramework());
const codes = Array.from({ length: 10 }, (_, f) => Array.from({ length: 5 }, (_, c) => [1, 2, 3].map((l) => `${f + 1}.${c + 1}.${l}`))).flat(2);
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
// Assessments arrive as JSON and pass the boundary (parseAssessment) once, as in real use; not timed.
const assessments: Assessment[] = Array.from({ length: UNITS }, (_, u) => parseAssessment(JSON.parse(JSON.stringify({
  unitId: `u${u}`,
  framework: { id: 'bench', version: '1' },
  period: '2024',
  status: 'appraised',
  evidence: [],
  entries: codes.map((code, i) => {
    const kind = i % 3;
    if (kind === 2) return { code, self: { points: Math.floor(random() * 3) * 0.25, evidence: [] }, appraisals: [] };
    return { code, self: { input: Math.round(80 + random() * 20), evidence: [] }, appraisals: random() < 0.1 ? [{ round: 1, points: 0, appraiser: 'SNV' }] : [] };
  }),
})), fw));
const engine = createIndexEngine(fw);
for (const a of assessments) engine.set(a);
engine.results();
let flip = 0;
const raw = JSON.stringify(assessments.slice(0, 1000));
const plain = JSON.parse(JSON.stringify(assessments)) as Assessment[];

export const tasks: BenchTask[] = [
  {
    name: 'parseAssessment: 1,000 assessments x 150 leaves from JSON (the boundary, once per file)',
    fn: () => (JSON.parse(raw) as unknown[]).map((a) => parseAssessment(a, fw)),
    iterations: 5,
  },
  { name: `computeIndex: ${UNITS} units x ${codes.length} leaves, rank and band`, fn: () => computeIndex(fw, assessments), iterations: 15, targetMs: 100 },
  {
    name: 'recompute after one unit changed (set, then its result and rank)',
    fn: () => {
      const a = assessments[flip++ % UNITS]!;
      // an edited assessment is a new object, its entries compiled on the way in
      engine.set({ ...a, entries: [{ code: '1.1.3', self: { points: flip % 2 ? 1 : 0, evidence: [] }, appraisals: [] }, ...a.entries.slice(1)] });
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
  {
    name: 'computeIndex on plain objects that skipped parseAssessment (entries compiled on every call)',
    fn: () => computeIndex(fw, plain),
    iterations: 10,
  },
];
