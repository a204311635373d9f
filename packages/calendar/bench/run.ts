// npm run bench (in @par/calendar): median times against the targets. Figures, not a test.
import { Bench } from 'tinybench';
import { createCalendar, DEFAULT_HOLIDAY_LAYERS, defaultCalendar, fromDayNumber, toDayNumber } from '../src/index.js';

const calendar = defaultCalendar();
const start = toDayNumber('2022-01-01');
const dates = Array.from({ length: 1024 }, (_, i) => calendar.workingDayOnOrAfter(fromDayNumber(start + ((i * 37) % 1800))));
const CALLS = 100_000;
const rows: Record<string, string | number>[] = [];

async function measure(name: string, fn: () => unknown, iterations: number, target?: (medianMs: number) => string) {
  const bench = new Bench({ time: 0, iterations, warmupIterations: 2, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (!result || !('latency' in result)) throw new Error(`${name} did not complete`);
  rows.push({ benchmark: name, 'median ms': +result.latency.p50.toFixed(3), 'min ms': +result.latency.min.toFixed(3), samples: result.latency.samplesCount, figure: target?.(result.latency.p50) ?? '' });
}

await measure('build the default calendar, 1900-2100', () => createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS }), 20, (ms) => `target <= 200 ms: ${ms <= 200 ? 'met' : 'NOT met'}`);
await measure(
  `${CALLS.toLocaleString('en')} addWorkingDays calls`,
  () => {
    let out = '';
    for (let i = 0; i < CALLS; i++) out = calendar.addWorkingDays(dates[i & 1023]!, (i % 41) - 20);
    return out;
  },
  30,
  (ms) => {
    const perSecond = (CALLS / ms) * 1000;
    return `${Math.round(perSecond).toLocaleString('en')} calls/s; target >= 1,000,000: ${perSecond >= 1_000_000 ? 'met' : 'NOT met'}`;
  },
);
console.table(rows);
