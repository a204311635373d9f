// npm run bench (in @par/calendar): median times against the targets. Figures, not a test.
import { runBenchmarks } from '../../../bench.shared.js';
import { createCalendar, DEFAULT_HOLIDAY_LAYERS, defaultCalendar, fromDayNumber, toDayNumber } from '../src/index.js';

const calendar = defaultCalendar();
const start = toDayNumber('2022-01-01');
const dates = Array.from({ length: 1024 }, (_, i) => calendar.workingDayOnOrAfter(fromDayNumber(start + ((i * 37) % 1800))));
const CALLS = 100_000;

await runBenchmarks([
  { name: 'build the default calendar, 1900-2100', fn: () => createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS }), iterations: 20, targetMs: 200 },
  {
    name: `${CALLS.toLocaleString('en')} addWorkingDays calls`,
    fn: () => {
      let out = '';
      for (let i = 0; i < CALLS; i++) out = calendar.addWorkingDays(dates[i & 1023]!, (i % 41) - 20);
      return out;
    },
    figure: (ms) => {
      const perSecond = (CALLS / ms) * 1000;
      return `${Math.round(perSecond).toLocaleString('en')} calls/s; target >= 1,000,000: ${perSecond >= 1_000_000 ? 'met' : 'NOT met'}`;
    },
  },
]);
