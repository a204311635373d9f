// npm run bench (in @par/calendar): median times against the issues' targets, each beside its reference from the
// same run. Figures, not a test.
import { runBenchmarks, type BenchTask } from '../../../bench.shared.js';
import { astronomicalLunarToSolar, astronomicalSolarToLunar } from '../src/lunar-astronomy.js';
import { createCalendar, DEFAULT_HOLIDAY_LAYERS, defaultCalendar, fromDayNumber, lunarToSolar, solarToLunar, toDayNumber, type LunarDate } from '@par/calendar';

const calendar = defaultCalendar();
const start = toDayNumber('2022-01-01');
const dates = Array.from({ length: 1024 }, (_, i) => calendar.workingDayOnOrAfter(fromDayNumber(start + ((i * 37) % 1800))));
const CALLS = 100_000;

// lunar conversions: dates spread over 1900-2100, and their lunar dates
const first = toDayNumber('1900-01-01');
const span = toDayNumber('2100-12-31') - first + 1;
const solarDates = Array.from({ length: 4096 }, (_, i) => fromDayNumber(first + ((i * 7919) % span)));
const lunarDates = solarDates.map((d) => solarToLunar(d));
const CONVERSIONS = 100_000;
const REFERENCE_CONVERSIONS = 5_000;

const perSecond = (calls: number, ms: number) => (calls / ms) * 1000;
const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;

/** A conversion benchmark and its reference (the astronomical path the table is built from), with the ratio. */
function versus(name: string, fast: (i: number) => unknown, reference: (i: number) => unknown): BenchTask[] {
  let referenceRate = 0;
  return [
    {
      name: `reference: ${REFERENCE_CONVERSIONS.toLocaleString('en')} ${name}, astronomical (before the table)`,
      iterations: 10,
      fn: () => {
        let out: unknown;
        for (let i = 0; i < REFERENCE_CONVERSIONS; i++) out = reference(i & 4095);
        return out;
      },
      figure: (ms) => rate((referenceRate = perSecond(REFERENCE_CONVERSIONS, ms))),
    },
    {
      name: `${CONVERSIONS.toLocaleString('en')} ${name}, from the table`,
      fn: () => {
        let out: unknown;
        for (let i = 0; i < CONVERSIONS; i++) out = fast(i & 4095);
        return out;
      },
      figure: (ms) => {
        const r = perSecond(CONVERSIONS, ms);
        return `${rate(r)}, ${(r / referenceRate).toFixed(1)}x the reference; target >= 2,000,000/s: ${r >= 2_000_000 ? 'met' : 'NOT met'}`;
      },
    },
  ];
}

await runBenchmarks([
  { name: 'build the default calendar, 1900-2100', fn: () => createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS }), iterations: 20, targetMs: 200 },
  {
    name: `${CALLS.toLocaleString('en')} addWorkingDays calls (arguments checked)`,
    fn: () => {
      let out = '';
      for (let i = 0; i < CALLS; i++) out = calendar.addWorkingDays(dates[i & 1023]!, (i % 41) - 20);
      return out;
    },
    figure: (ms) => `${rate(perSecond(CALLS, ms))}; target >= 1,000,000/s: ${perSecond(CALLS, ms) >= 1_000_000 ? 'met' : 'NOT met'}`,
  },
  ...versus(
    'solarToLunar',
    (i) => solarToLunar(solarDates[i]!),
    (i) => astronomicalSolarToLunar(toDayNumber(solarDates[i]!), Number(solarDates[i]!.slice(0, 4)), 7),
  ),
  ...versus(
    'lunarToSolar',
    (i) => lunarToSolar(lunarDates[i]!),
    (i) => astronomicalLunarToSolar(lunarDates[i]! as LunarDate, 7),
  ),
]);
