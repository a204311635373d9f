// npm run bench (in @par/plugin-one-stop): issue 17's targets for a province's year, 1,000,000 dossiers, each
// beside a reference from the same run. Figures, not a test. Run `npm run build -w @par/plugin-one-stop` first:
// the benchmarks import the package by its name, which tsx resolves to the built dist.
import { runBenchmarks } from '../../../bench.shared.js';
import { defaultCalendar, fromDayNumber, toDayNumber } from '@par/calendar';
import { dossierFigures, dossierOutcomes, parseCatalogue, parseDossierExport } from '@par/plugin-one-stop';
import { benchCatalogue, benchDossiers } from './generate.js';

const N = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const catalogue = parseCatalogue(benchCatalogue);
const dossiers = parseDossierExport({ source: 'benchmark', dossiers: benchDossiers(N) });
const parseMs = performance.now() - started;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
const now = new Date('2023-01-31T12:00:00+07:00');
const calendar = defaultCalendar();
const times = new Map(catalogue.procedures.map((p) => [p.code, p.processingTime]));

console.log(`generated and parsed ${N.toLocaleString('en')} dossiers in ${(parseMs / 1000).toFixed(1)} s (through the zod schema)`);
console.log(`heap for the parsed year: ${heapMb.toFixed(0)} MB; target <= 500 MB: ${heapMb <= 500 ? 'met' : 'NOT met'}${gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for a settled figure)'}`);

await runBenchmarks([
  {
    // the reference: the same appointments with one calendar call per dossier (working days only; other units by day)
    name: 'reference: 1,000,000 appointments, one calendar call each',
    iterations: 3,
    fn: () => {
      let late = 0;
      for (const d of dossiers.dossiers) {
        const t = times.get(d.procedureCode)!;
        const day = fromDayNumber(Math.floor((d.receivedAt! + 25_200_000) / 86_400_000));
        const due = calendar.addWorkingDays(calendar.workingDayOnOrAfter(day), t.unit === 'workingDays' ? t.amount : 1);
        if (d.returnedAt !== undefined && Math.floor((d.returnedAt + 25_200_000) / 86_400_000) > toDayNumber(due)) late++;
      }
      return late;
    },
  },
  { name: '1,000,000 appointments computed and outcomes classified', iterations: 3, targetMs: 1000, reference: 'reference: 1,000,000 appointments, one calendar call each', fn: () => dossierOutcomes(catalogue, dossiers, { now }) },
  {
    name: 'all figures per unit, procedure and month, 1,000,000 dossiers',
    iterations: 3,
    targetMs: 1000,
    reference: 'reference: 1,000,000 appointments, one calendar call each',
    fn: () => dossierFigures(catalogue, dossiers, { period: '2022', now, groupBy: ['unit', 'procedure', 'month'] }),
  },
]);
