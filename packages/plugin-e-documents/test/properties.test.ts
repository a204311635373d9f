import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar, fromDayNumber, toDayNumber } from '@par/calendar';
import { parseClericalRecords, summariseRegisters } from '../src/index.js';
import { sequenceProblems } from '../src/sequence.js';
import { dayNumberOf, vietnamDay } from '../src/timing.js';
import { ids, incoming, metricsOf, outgoing, run } from './fixture.js';

const calendar = defaultCalendar();

describe('invariants', () => {
  it('the digit arithmetic on dates and instants agrees with the calendar and with Date, 1900-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const date = fromDayNumber(day);
        expect(dayNumberOf(date)).toBe(day);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        // the same instant in Vietnam time and in UTC falls on the same Vietnam day
        const utc = new Date(Date.parse(`${date}T${time}:00+07:00`)).toISOString();
        expect(vietnamDay(`${date}T${time}:00+07:00`)).toBe(day);
        expect(vietnamDay(utc)).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('gaps and duplicates are exactly the numbers from 1 to the highest used never or more than once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 80 }), (numbers) => {
        const max = Math.max(0, ...numbers);
        const count = (n: number) => numbers.filter((x) => x === n).length;
        const all = Array.from({ length: max }, (_, i) => i + 1);
        expect(sequenceProblems(numbers)).toEqual({ gaps: all.filter((n) => count(n) === 0), duplicates: all.filter((n) => count(n) > 1) });
      }),
    );
  });

  it('an ordinary incoming document is due the next working day after a working day, the first working day after a day off', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3650 }), async (offset) => {
        const day = addDays('2021-01-01', offset);
        const doc = incoming(1, `${day}T16:00:00+07:00`, { handedOverAt: undefined });
        const [f] = await run({ unitId: 'vp', incoming: [doc] }, addDays(day, 20), day.slice(0, 4)).then((x) => x.filter((y) => y.checkId === 'handlingTime'));
        const due = f!.dueDate!;
        expect(calendar.isWorkingDay(due)).toBe(true);
        if (calendar.isWorkingDay(day)) expect(calendar.workingDaysBetween(day, due)).toBe(1);
        else expect(due).toBe(calendar.workingDayOnOrAfter(day));
      }),
      { numRuns: 40 },
    );
  });

  /** A random register: documents numbered 1..n in order (some skipped or repeated), handled after random delays. */
  const register = fc.array(fc.record({ skip: fc.boolean(), delay: fc.integer({ min: 0, max: 4 }), electronic: fc.boolean(), classified: fc.boolean(), urgent: fc.boolean(), day: fc.integer({ min: 0, max: 360 }) }), { minLength: 1, maxLength: 25 }).map((rows) => {
    let n = 0;
    return {
      unitId: 'vp',
      incoming: rows.map((r) => {
        n += r.skip ? 2 : 1;
        const received = addDays('2022-01-01', r.day);
        return incoming(n, `${received}T15:00:00+07:00`, {
          form: r.electronic ? 'electronic' : 'paper',
          classified: r.classified,
          urgency: r.urgent ? 'urgent' : 'normal',
          handedOverAt: r.delay === 4 ? undefined : `${addDays(received, r.delay)}T16:30:00+07:00`,
        });
      }),
      outgoing: rows.map((r, i) => outgoing(i + 1, addDays('2022-01-01', r.day), { form: r.electronic ? 'electronic' : 'paper', classified: r.classified, dispatchedAt: `${addDays('2022-01-01', r.day + r.delay)}T16:30:00+07:00` })),
    };
  });

  it('the order of a register does not change the findings', async () => {
    await fc.assert(
      fc.asyncProperty(register, fc.integer(), async (r, seed) => {
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => [((i + 1) * (seed | 1)) % 1009, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const before = ids(await run(r, '2023-01-15', '2022')).sort();
        expect(ids(await run({ ...r, incoming: shuffle(r.incoming), outgoing: shuffle(r.outgoing) }, '2023-01-15', '2022')).sort()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('summariseRegisters agrees with the checks and the metrics', async () => {
    await fc.assert(
      fc.asyncProperty(register, async (r) => {
        const { months, registers } = summariseRegisters([parseClericalRecords(r)], { asOf: '2023-01-15' });
        const findings = await run(r, '2023-01-15', '2022');
        const sum = (k: keyof (typeof months)[number]) => months.reduce((a, m) => a + (m[k] as number), 0);
        expect(sum('handlingMissed')).toBe(findings.filter((f) => f.checkId === 'handlingTime').length);
        expect(registers.reduce((a, g) => a + g.gaps, 0)).toBe(new Set(r.incoming.map((d) => d.number)).size === r.incoming.at(-1)!.number ? 0 : r.incoming.at(-1)!.number - r.incoming.length);
        const metrics = await metricsOf(r, '2023-01-15', '2022');
        const share = (a: number, b: number) => (b === 0 ? undefined : Math.floor((a * 20_000 + b) / (2 * b)) / 100);
        expect(metrics['eDocuments.electronicExchangeRate']).toBe(share(sum('electronic'), sum('nonClassified')));
        expect(metrics['eDocuments.digitalSignatureRate']).toBe(share(sum('digitallySigned'), sum('nonClassifiedOutgoing')));
      }),
      { numRuns: 25 },
    );
  });
});
