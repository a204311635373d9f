import { addDays } from '@par/calendar';
import type { BenchTask } from '../../../bench.shared.js';
import { compileGraph } from '../src/graph.js';
import { buildDocumentGraph, parseLegalRegister, type LegalReviewOptions } from '@par/plugin-legal-review';

type RegisterInput = LegalReviewOptions['registers'][number];

/**
 * A synthetic register of 200,000 documents and 1,000,000 relations, shaped like local registers: 2,000 issuers of
 * 100 documents each, signed over 2019-2025. Documents 0-9 of an issuer are its framework resolutions; each later
 * document rests on two of them and details, guides or rests on a third (so a review reaches an issuer's documents,
 * not the whole province), amends an earlier one, and replaces, repeals, suspends or corrects another; documents 50-99
 * also correct one. Every relation points to an earlier document, as in life.
 */
function syntheticRegister(): RegisterInput {
  const ISSUERS = 2_000;
  const PER = 100;
  const documents: RegisterInput['documents'] = [];
  const relations: NonNullable<RegisterInput['relations']> = [];
  for (let u = 0; u < ISSUERS; u++) {
    const numbers: string[] = [];
    for (let k = 0; k < PER; k++) {
      const signedOn = addDays('2019-01-01', Math.floor((k * 2_370) / PER) + (u % 20));
      const number = `${k + 1}/${signedOn.slice(0, 4)}/${k < 10 ? 'NQ-HĐND' : 'QĐ-UBND'}-X${u}`;
      numbers.push(number);
      documents.push({ number, issuer: { unitId: `u${u}`, level: 'commune', body: k < 10 ? 'peoplesCouncil' : 'peoplesCommittee' }, signedOn, effectiveFrom: addDays(signedOn, 10), title: `Văn bản ${number}`, articles: ['1', '2', '3'] });
      if (k < 10) continue;
      const source = number;
      const earlier = (salt: number) => numbers[10 + ((k * salt) % (k - 10 || 1))]!;
      relations.push({ kind: 'basedOn', source, target: numbers[k % 5]! });
      relations.push({ kind: 'basedOn', source, target: numbers[5 + (k % 5)]! });
      relations.push({ kind: (['details', 'guides', 'basedOn'] as const)[k % 3]!, source, target: numbers[(k * 7) % 10]! });
      relations.push({ kind: 'amends', source, target: k > 10 ? earlier(13) : numbers[0]!, articles: ['1'] });
      const kind = (['replaces', 'repeals', 'suspends'] as const)[k % 10] ?? 'corrects';
      relations.push({ kind, source, target: k > 10 ? earlier(31) : numbers[1]!, ...(kind === 'suspends' && { until: addDays(signedOn, 210) }) });
      if (k >= 50) relations.push({ kind: 'corrects', source, target: earlier(17) });
    }
  }
  return { unitId: 'province', documents, relations };
}

const input = syntheticRegister();
let t = performance.now();
const register = parseLegalRegister(input);
const parseMs = performance.now() - t;
const graph = buildDocumentGraph(register);
console.log(`${register.documents.length.toLocaleString('en')} documents, ${register.relations.length.toLocaleString('en')} relations; parseLegalRegister (schema + graph, once): ${parseMs.toFixed(0)} ms`);

const CALLS = 1_000;
const probes = Array.from({ length: CALLS }, (_, i) => {
  const d = register.documents[(i * 7_919) % register.documents.length]!;
  return [d.number, addDays(d.signedOn, (i * 37) % 2_000)] as const;
});
const framework = register.documents[3]!.number; // a framework resolution of issuer 0: the widest review of an issuer
const change = { kind: 'document' as const, document: framework, event: 'amended' as const, date: '2024-06-01' };
t = performance.now();
const queueSize = graph.reviewQueue(change).length;
console.log(`reviewQueue of ${framework} amended: ${queueSize} documents to review (first call ${(performance.now() - t).toFixed(2)} ms)`);

/** The floor of any graph build: a Map of the numbers, and the relations' endpoints in typed arrays. */
const referenceIndex = () => {
  const index = new Map<string, number>();
  register.documents.forEach((d, i) => index.set(d.number, i));
  const from = new Int32Array(register.relations.length);
  const to = new Int32Array(register.relations.length);
  register.relations.forEach((r, i) => {
    from[i] = index.get(r.source)!;
    to[i] = index.get(r.target)!;
  });
  return to;
};
const states = new Uint8Array(register.documents.length).map((_, i) => i % 7);
const perCall = (calls: number, targetUs: number) => (ms: number) => `${((ms * 1_000) / calls).toFixed(2)} µs per call (target <= ${targetUs} µs: ${(ms * 1_000) / calls <= targetUs ? 'met' : 'NOT met'})`;

export const tasks: BenchTask[] = [
  { name: 'reference: index numbers and relation endpoints', fn: referenceIndex, iterations: 5 },
  { name: 'build the graph (200,000 documents, 1,000,000 relations)', fn: () => compileGraph(register), iterations: 5, targetMs: 1_000, reference: 'reference: index numbers and relation endpoints' },
  { name: `validityOn x ${CALLS}`, fn: () => probes.forEach(([n, d]) => graph.validityOn(n, d)), iterations: 30, figure: perCall(CALLS, 5) },
  { name: 'reference: scan 200,000 state codes', fn: () => states.filter((s) => s < 3).length, iterations: 30 },
  { name: 'inForceOn over the whole register', fn: () => graph.inForceOn('2023-06-30'), iterations: 30, targetMs: 50, reference: 'reference: scan 200,000 state codes' },
  { name: `reviewQueue from one change (${queueSize} documents) x 100`, fn: () => { for (let i = 0; i < 100; i++) graph.reviewQueue(change); }, iterations: 30, figure: perCall(100, 1_000) },
];
