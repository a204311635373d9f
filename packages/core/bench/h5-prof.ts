import { benchFramework } from './bench-framework.js';
import { computeIndex, parseAssessment, parseFramework } from '@par/core';
const fw = parseFramework(benchFramework());
const codes = Array.from({ length: 10 }, (_, f) => Array.from({ length: 5 }, (_, c) => [1, 2, 3].map((l) => `${f + 1}.${c + 1}.${l}`))).flat(2);
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const docs = Array.from({ length: 10000 }, (_, u) => JSON.parse(JSON.stringify({ unitId: `u${u}`, framework: { id: 'bench', version: '1' }, period: '2024', status: 'appraised', evidence: [],
  entries: codes.map((code, i) => { const kind = i % 3; if (kind === 2) return { code, self: { points: Math.floor(random() * 3) * 0.25, evidence: [] }, appraisals: [] };
    return { code, self: { input: Math.round(80 + random() * 20), evidence: [] }, appraisals: random() < 0.1 ? [{ round: 1, points: 0, appraiser: 'SNV' }] : [] }; }) })));
const mode = process.argv[2];
let t = performance.now();
const assessments = docs.map((d) => parseAssessment(d, fw));
console.log('parse', (performance.now() - t).toFixed(0));
for (let i = 0; i < 12; i++) { t = performance.now(); computeIndex(fw, assessments); console.log('compute', (performance.now() - t).toFixed(0)); }
