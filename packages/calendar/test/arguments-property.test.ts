import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as calendarPackage from '../src/index.js';
import {
  addDays,
  addWorkingHours,
  civilDate,
  clampedCivilDate,
  createCalendar,
  dayOfWeek,
  daysBetween,
  defaultCalendar,
  formatIssuePath,
  fromDayNumber,
  IssueList,
  lastDayOfMonth,
  lunarNewYear,
  lunarToSolar,
  maxDate,
  minDate,
  ParValidationError,
  parseWithSchema,
  periodRange,
  solarToLunar,
  toDayNumber,
  toVietnamTime,
  vietnamInstant,
} from '../src/index.js';

// Oracles independent of the code under test: the built-in UTC calendar for dates, and the enumerated sets of
// periods and clock times.
const isRealDate = (v: unknown): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '1900-01-01' && v <= '2100-12-31' && new Date(Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10))).toISOString().slice(0, 10) === v;
const PERIODS = new Set<string>();
for (let y = 1900; y <= 2100; y++) {
  PERIODS.add(`${y}`);
  for (const p of ['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4']) PERIODS.add(`${y}-${p}`);
  for (let m = 1; m <= 12; m++) PERIODS.add(`${y}-${String(m).padStart(2, '0')}`);
}
const TIMES = new Set(Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`));

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const junk = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0.5, 1.5, 2 ** 53, null, undefined, true, '', ' ', 'NaN', [], {}),
  fc.double(),
  fc.string(),
  fc.object({ maxDepth: 1 }),
);
const badDate = fc
  .oneof(
    junk,
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
    fc.constantFrom('2023-02-30', '2023/01/10', '2023-2-3', 'not a date', '2023-02-29', '1899-12-31', '2101-01-01', ' 2023-01-01', '2023-01-01T00:00', '２０２３-01-01', '+02023-01-01'),
  )
  .filter((v) => !isRealDate(v));
const badInteger = fc.oneof(junk, fc.double().filter((x) => !Number.isSafeInteger(x)), fc.string().map(Number).filter((x) => !Number.isSafeInteger(x))).filter((v) => !Number.isSafeInteger(v));
const badYear = fc.oneof(badInteger, fc.integer().filter((y) => y < 1900 || y > 2100));
const badMonth = fc.oneof(badInteger, fc.integer().filter((m) => m < 1 || m > 12));
const badPeriod = fc
  .oneof(
    junk,
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('', '-H', '-Q', '-'), fc.integer({ min: 0, max: 99 })).map(([y, k, n]) => `${pad(y, 4)}${k}${k === '' ? '' : k === '-' ? pad(n, 2) : n}`),
  )
  .filter((v) => typeof v !== 'string' || !PERIODS.has(v));
const badTime = fc
  .oneof(junk, fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([h, m]) => `${pad(h, 2)}:${pad(m, 2)}`), fc.constantFrom('7:30', '07:30:00', '24:00'))
  .filter((v) => typeof v !== 'string' || !TIMES.has(v));

const isTimeZone = (tz: unknown) => tz === undefined || (typeof tz === 'number' && tz >= -12 && tz <= 14 && Number.isInteger(tz * 4));
const badTimeZone = fc.oneof(junk, fc.double({ min: 14.01, max: 1e9 }), fc.constantFrom(7.1, -13, 15)).filter((tz) => !isTimeZone(tz));
const date = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2099, 11, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const count = fc.integer({ min: -200, max: 200 });
const year = fc.integer({ min: 1995, max: 2099 });
const cal = defaultCalendar();

/** Each exported function with arbitraries of valid arguments and, argument by argument, of malformed ones. */
type Case = readonly [name: string, fn: (...args: any[]) => unknown, args: readonly (readonly [path: string, valid: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>])[]];
const lunarOk = fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 29 }), leap: fc.constant(false) });
const badLunar = fc.oneof(
  junk.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length === 0),
  fc.tuple(lunarOk, fc.constantFrom('year', 'month', 'day', 'leap'), junk).map(([l, k, v]) => ({ ...l, [k]: v })),
  lunarOk.map((l) => ({ ...l, month: 13 })),
  lunarOk.map((l) => ({ ...l, leap: true, month: 1 })), // month 1 is never a leap month 1900-2100
);
const CASES: readonly Case[] = [
  ['toDayNumber', toDayNumber, [['date', date, badDate]]],
  ['fromDayNumber', fromDayNumber, [['day', fc.integer({ min: -25_567, max: 47_846 }), fc.oneof(badInteger, fc.integer().filter((n) => n < -25_567 || n > 47_846))]]],
  ['dayOfWeek', dayOfWeek, [['date', date, badDate]]],
  ['addDays', addDays, [['date', date, badDate], ['days', count, badInteger]]],
  ['daysBetween', daysBetween, [['from', date, badDate], ['to', date, badDate]]],
  ['lastDayOfMonth', lastDayOfMonth, [['year', year, badYear], ['month', fc.integer({ min: 1, max: 12 }), badMonth]]],
  ['civilDate', civilDate, [['year', year, badYear], ['month', fc.integer({ min: 1, max: 12 }), badMonth], ['day', fc.integer({ min: 1, max: 28 }), fc.oneof(badInteger, fc.integer().filter((d) => d < 1 || d > 31))]]],
  ['clampedCivilDate', clampedCivilDate, [['year', year, badYear], ['month', fc.integer({ min: 1, max: 12 }), badMonth], ['day', fc.integer({ min: 1, max: 31 }), fc.oneof(badInteger, fc.integer().filter((d) => d < 1 || d > 31))]]],
  ['maxDate', maxDate, [['a', date, badDate], ['b', date, badDate]]],
  ['minDate', minDate, [['a', date, badDate], ['b', date, badDate]]],
  ['periodRange', periodRange, [['period', fc.constantFrom(...PERIODS), badPeriod]]],
  ['solarToLunar', solarToLunar, [['date', date, badDate], ['tz', fc.constantFrom(7, 8), badTimeZone]]],
  ['lunarToSolar', lunarToSolar, [['lunar', lunarOk, badLunar], ['tz', fc.constantFrom(7, 8), badTimeZone]]],
  ['lunarNewYear', lunarNewYear, [['year', year, badYear], ['tz', fc.constantFrom(7, 8), badTimeZone]]],
  ['formatIssuePath', formatIssuePath, [['path', fc.array(fc.oneof(fc.string(), fc.nat())), fc.oneof(junk.filter((v) => !Array.isArray(v)), fc.array(fc.constantFrom(-1, 1.5, null, NaN), { minLength: 1 }))]]],
  ['parseWithSchema', (d: string, s: z.ZodType) => parseWithSchema(d, s, 1), [['document', fc.constant('doc'), junk.filter((v) => typeof v !== 'string' || v.trim() === '')], ['schema', fc.constant(z.number()), junk]]],
  ['IssueList.add', (p: string[], c: string, m: string) => new IssueList().add(p, c, m), [['path', fc.constant(['a', 0]), fc.oneof(junk.filter((v) => !Array.isArray(v)), fc.constant([-1]))], ['code', fc.constant('c'), junk.filter((v) => typeof v !== 'string' || v.trim() === '')], ['message', fc.constant('m'), junk.filter((v) => typeof v !== 'string' || v.trim() === '')]]],
  ['IssueList.throwIfAny', (d: string) => new IssueList().throwIfAny(d), [['document', fc.constant('doc'), junk.filter((v) => typeof v !== 'string' || v.trim() === '')]]],
  ['dayInfo', (d: string) => cal.dayInfo(d), [['date', date, badDate]]],
  ['isWorkingDay', (d: string) => cal.isWorkingDay(d), [['date', date, badDate]]],
  ['addWorkingDays', (d: string, n: number) => cal.addWorkingDays(d, n), [['date', date, badDate], ['n', count, badInteger]]],
  ['workingDaysBetween', (a: string, b: string) => cal.workingDaysBetween(a, b), [['from', date, badDate], ['to', date, badDate]]],
  ['nextWorkingDay', (d: string) => cal.nextWorkingDay(d), [['date', date, badDate]]],
  ['workingDayOnOrAfter', (d: string) => cal.workingDayOnOrAfter(d), [['date', date, badDate]]],
  ['periodDeadline', (p: string, o: object) => cal.periodDeadline(p, o), [['period', fc.constantFrom(...[...PERIODS].filter((p) => p >= '1995' && p < '2100')), badPeriod], ['options', fc.constantFrom({}, { moveOffDays: false }), fc.oneof(junk.filter((v) => v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))), junk.filter((v) => v !== undefined && typeof v !== 'boolean').map((moveOffDays) => ({ moveOffDays })))]]],
  ['nthWorkingDay', (p: string, n: number) => cal.nthWorkingDay(p, n), [['period', fc.constantFrom('2024', '2024-H1', '2024-Q3', '2024-05'), badPeriod], ['n', fc.constantFrom(1, -1, 5), fc.oneof(badInteger, fc.constant(0))]]],
  ['yearStatus', (y: number) => cal.yearStatus(y), [['year', fc.integer({ min: 1900, max: 2100 }), badYear]]],
  ['holidaysOf', (y: number) => cal.holidaysOf(y), [['year', year, fc.oneof(badYear, fc.integer({ min: 1900, max: 1994 }))]]],
  ['toVietnamTime', toVietnamTime, [['instant', fc.date({ min: new Date('1900-01-02'), max: new Date('2100-12-30'), noInvalidDate: true }), fc.oneof(junk.filter((v) => typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 5e12), fc.constant(new Date(NaN)), fc.constant(new Date('2101-01-02')))]]],
  ['vietnamInstant', vietnamInstant, [['date', date, badDate], ['time', fc.constantFrom(...TIMES), badTime.filter((t) => t !== undefined)]]],
  ['addWorkingHours', (c: never, s: Date, h: number, o: never) => addWorkingHours(c, s, h, o), [
    ['calendar', fc.constant(cal), junk],
    ['start', fc.date({ min: new Date('1996-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }), fc.oneof(junk.filter((v) => typeof v !== 'number' || !Number.isFinite(v)), fc.constant(new Date(NaN)))],
    ['hours', fc.integer({ min: 0, max: 100 }), fc.oneof(junk.filter((v) => typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)), fc.constant(-1))],
    ['officeHours', fc.constant([['08:00', '12:00']]), fc.oneof(junk.filter((v) => v !== undefined), fc.constant([]), badTime.map((t) => [['08:00', t]]), fc.constant([['12:00', '08:00']]))],
  ]],
];

describe('every exported function refuses malformed arguments by name', () => {
  it('covers every exported function', () => {
    const functions = Object.entries(calendarPackage).filter(([, v]) => typeof v === 'function' && !/Schema$/.test(String(v.name))).map(([k]) => k);
    const covered = new Set(CASES.map(([name]) => name));
    // classes: their methods are listed instead (Calendar through defaultCalendar, IssueList, ParValidationError.isInstance below);
    // isCivilDate and isPeriod are questions any value answers (held to the schemas' answers in civil-date.test.ts)
    expect(functions.filter((f) => !covered.has(f) && !['Calendar', 'IssueList', 'ParValidationError', 'createCalendar', 'defaultCalendar', 'isCivilDate', 'isPeriod'].includes(f))).toEqual([]);
  });

  for (const [name, fn, args] of CASES) {
    args.forEach(([path, , bad], index) => {
      it(`${name}: a malformed ${path} throws ParValidationError at ['${path}']`, () => {
        fc.assert(
          fc.property(fc.tuple(...args.map(([, valid]) => valid)), bad, (valid, value) => {
            const call = [...valid];
            call[index] = value;
            let result: unknown;
            try {
              result = fn(...call);
            } catch (e) {
              if (!ParValidationError.isInstance(e)) throw e;
              expect(e.issues.length).toBeGreaterThan(0);
              for (const issue of e.issues) expect(issue.path[0]).toBe(path);
              return;
            }
            expect.fail(`${name}(${call.map((c) => String(c)).join(', ')}) returned ${JSON.stringify(result)}`);
          }),
          { numRuns: 60 },
        );
      });
    });
  }

  it('ParValidationError.isInstance answers any value with a boolean', () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof ParValidationError.isInstance(v) === 'boolean'));
  });

  it('createCalendar refuses bad options by path', () => {
    const bad = fc.record({ key: fc.constantFrom('weekend', 'fromYear', 'toYear', 'layers', 'other'), value: junk.filter((v) => v !== undefined) });
    fc.assert(
      fc.property(bad, ({ key, value }) => {
        try {
          createCalendar({ fromYear: 2024, toYear: 2024, [key]: value });
        } catch (e) {
          if (!ParValidationError.isInstance(e)) throw e;
          for (const issue of e.issues) expect(issue.path[0] ?? key).toBe(key);
          return;
        }
        // some values are valid options: an empty weekend list, {} as layers
        expect(key === 'weekend' || key === 'layers').toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(() => createCalendar({ fromYear: 2030, toYear: 2020 })).toThrow(/toYear/);
  });
});

/** Whether a result holds no NaN, no infinity and no string with NaN inside, at any depth. */
function clean(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return !value.includes('NaN') && (!/^\d{4}-/.test(value) || isRealDate(value) || /^\d{4}(-H[12]|-Q[1-4]|-\d\d)?$/.test(value));
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'object' && value !== null) return Object.values(value).every(clean);
  return true;
}

describe('on any input, a clean result or ParValidationError: nothing else', () => {
  for (const [name, fn, args] of CASES) {
    it(name, () => {
      const anyArg = fc.oneof(junk, fc.anything({ maxDepth: 1 }), ...args.map(([, valid]) => valid), ...args.map(([, , bad]) => bad));
      fc.assert(
        fc.property(fc.array(anyArg, { minLength: args.length, maxLength: args.length }), (call) => {
          try {
            expect(clean(fn(...call))).toBe(true);
          } catch (e) {
            if (!ParValidationError.isInstance(e)) throw e;
          }
        }),
        { numRuns: 80 },
      );
    });
  }
});
