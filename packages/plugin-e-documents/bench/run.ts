// npm run bench (in @par/plugin-e-documents): 1,000,000 register entries checked and summed per unit and month
// (issue 18: <= 1 s), beside a reference from the same run: the same entries only counted per unit and month.
import { runBenchmarks } from '../../../bench.shared.js';
import { addDays } from '@par/calendar';
import { parseClericalRecords, summariseRegisters, type ClericalRecords } from '@par/plugin-e-documents';

const UNITS = 20;
const PER_UNIT = 50_000; // half outgoing, half incoming: 1,000,000 entries in all
const pad = (n: number) => String(n).padStart(2, '0');

function unitRecords(u: number): ClericalRecords {
  const outgoing = [];
  const incoming = [];
  for (let i = 0; i < PER_UNIT / 2; i++) {
    const day = addDays('2022-01-01', Math.floor((i * 365) / (PER_UNIT / 2)));
    const t = (h: number) => `${day}T${pad(h)}:${pad(i % 60)}:00+07:00`;
    outgoing.push({
      registerId: 'DI',
      number: i + 1 + (i % 997 === 0 ? 1 : 0), // a few gaps and duplicates
      date: day,
      summary: 'Văn bản',
      form: i % 10 === 0 ? 'paper' : 'electronic',
      classified: i % 50 === 0,
      ...(i % 10 === 0 ? {} : { signerSignature: { signedAt: t(8) }, organisationSignature: { signedAt: t(8) } }),
      registeredAt: t(9),
      dispatchedAt: i % 101 === 0 ? `${addDays(day, 3)}T09:00:00+07:00` : t(10),
      recipients: [{ name: 'Nơi nhận' }],
      filedCopy: true,
    } as const);
    incoming.push({
      registerId: 'DEN',
      number: i + 1,
      receivedAt: t(8),
      from: 'UBND tỉnh',
      form: i % 7 === 0 ? 'paper' : 'electronic',
      urgency: i % 13 === 0 ? 'urgent' : 'normal',
      registeredAt: t(9),
      handedOverAt: i % 89 === 0 ? `${addDays(day, 4)}T09:00:00+07:00` : t(10),
    } as const);
  }
  return parseClericalRecords({ unitId: `u${u}`, outgoing, incoming });
}

const started = performance.now();
const records = Array.from({ length: UNITS }, (_, u) => unitRecords(u));
console.log(`built and parsed ${(UNITS * PER_UNIT).toLocaleString('en')} entries in ${Math.round(performance.now() - started)} ms (not timed below)`);

await runBenchmarks([
  {
    name: 'reference: 1,000,000 entries counted per unit and month, no checks',
    iterations: 10,
    fn: () => {
      const out = new Map<string, number>();
      for (const r of records) {
        for (const d of r.outgoing) out.set(`${r.unitId}|${d.date.slice(0, 7)}`, (out.get(`${r.unitId}|${d.date.slice(0, 7)}`) ?? 0) + 1);
        for (const d of r.incoming) out.set(`${r.unitId}|${d.receivedAt.slice(0, 7)}`, (out.get(`${r.unitId}|${d.receivedAt.slice(0, 7)}`) ?? 0) + 1);
      }
      return out;
    },
  },
  {
    name: '1,000,000 entries checked (DOC-05 deadlines, DOC-01/03 sequences) and summed per unit and month',
    iterations: 10,
    fn: () => summariseRegisters(records, { asOf: '2023-01-31' }),
    targetMs: 1000,
    reference: 'reference: 1,000,000 entries counted per unit and month, no checks',
  },
]);
