import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError, type PluginRunContext } from '@par/core';
import { createIso9001Plugin, currentProcess, parseQms } from '../src/index.js';
import { good } from './fixture.js';

/** The issues' `path code` of what `fn` throws; fails when it throws anything but ParValidationError, or nothing. */
function refusal(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (!ParValidationError.isInstance(e)) throw e;
    return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
  }
  throw new Error('accepted');
}
const paths = (fn: () => unknown) => [...new Set(refusal(fn).map((x) => x.split(' ')[0]))];

const plugin = createIso9001Plugin({ systems: [good()] });
const context = (over: Partial<Record<keyof PluginRunContext, unknown>> = {}) =>
  ({ unitId: 'vp', period: '2024', now: new Date('2024-12-31T03:00:00Z'), referenceDate: '2024-12-31', ...over }) as PluginRunContext;
/** Every function the plugin hands out that takes a context: each check's `run` and each metric's `compute`. */
const entries = [...plugin.checks!.map((c) => (ctx: PluginRunContext) => c.run(ctx)), ...plugin.metricProviders!.map((m) => (ctx: PluginRunContext) => m.compute(ctx))];

const notADate = fc.oneof(
  fc.constantFrom('2023-02-30', '2023-02-29', '2023/01/10', '2023-1-10', '2023-13-01', '2023-00-10', '', 'not a date', '1899-12-31', '2101-01-01'),
  fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc.integer(),
);
const notAPeriod = fc.oneof(fc.constantFrom('2023-13', '2023-Q5', '2023-H3', '2023-Q0', '23', '2023-', '2023-1'), fc.string().filter((s) => !/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(s)));
const notACount = fc.oneof(fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, -1, 0, '3'), fc.double().filter((x) => !(Number.isSafeInteger(x) && x > 0)));

describe('every function of the plugin refuses bad arguments with ParValidationError, by path', () => {
  it('options: dates, counts, times, office hours, duplicates, the calendar', () => {
    const q = good();
    expect(
      refusal(() =>
        createIso9001Plugin({
          systems: [
            { ...q, standardVersion: '2000' as never, audits: [{ date: '2024-02-30', auditors: [], scopeCovered: [] }], processes: [{ ...q.processes[0]!, processingTime: { unit: 'workingDays', amount: 1.5 } }] },
            { ...q, unitKind: 'commune' as never },
          ],
          sameDayCutoff: '25:61',
          officeHours: [
            ['13:30', '17:00'],
            ['07:30', '11:30'],
          ],
          annualReportDue: '02-29',
        }),
      ),
    ).toEqual([
      'systems.0.standardVersion schema.invalid_value',
      'systems.0.processes.0.processingTime.amount schema.invalid_type',
      'systems.0.audits.0.date schema.invalid_format',
      'systems.0.audits.0.auditors schema.too_small',
      'systems.1.unitKind schema.invalid_value',
      'annualReportDue schema.custom',
      'sameDayCutoff schema.invalid_format',
      'officeHours.1 schema.custom',
    ]);
    expect(paths(() => createIso9001Plugin({ systems: [good(), good()] }))).toEqual(['systems.1.unitId']);
    expect(paths(() => createIso9001Plugin({ systems: [] }, { calendar: {} as never }))).toEqual(['dependencies.calendar']);
    expect(paths(() => createIso9001Plugin({ systems: [] }, 'x' as never))).toEqual(['dependencies']);
    const nc = { ...good().nonconformities[0]!, closedOn: '2024-03-01' }; // raised 15/3
    expect(paths(() => createIso9001Plugin({ systems: [{ ...good(), nonconformities: [nc] }] }))).toEqual(['systems.0.nonconformities.0.closedOn']);
  });

  it('options: any malformed date or count where one is expected', () => {
    fc.assert(
      fc.property(notADate, (d) => {
        expect(paths(() => createIso9001Plugin({ systems: [{ ...good(), builtOn: d as string }] }))).toEqual(['systems.0.builtOn']);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(notACount, (n) => {
        const q = good();
        expect(paths(() => createIso9001Plugin({ systems: [{ ...q, processes: [{ ...q.processes[0]!, processingTime: { unit: 'calendarDays', amount: n as number } }] }] }))).toEqual(['systems.0.processes.0.processingTime.amount']);
        expect(paths(() => createIso9001Plugin({ systems: [], processUpdateDays: n as number }))).toEqual(['processUpdateDays']);
      }),
      { numRuns: 150 },
    );
  });

  it('checks and metrics: a context with a bad period, date, instant or unit, or one that does not hang together', () => {
    for (const call of entries) {
      expect(paths(() => call(context({ period: '2023-Q5' })))).toEqual(['context.period']);
      expect(paths(() => call(context({ referenceDate: '2023-02-30' })))).toEqual(['context.referenceDate']);
      expect(paths(() => call(context({ now: new Date(Number.NaN) })))).toEqual(['context.now']);
      expect(paths(() => call(context({ unitId: '' })))).toEqual(['context.unitId']);
      expect(refusal(() => call(context({ referenceDate: '2024-12-30' })))).toEqual(['context.referenceDate reference_date_mismatch']);
      expect(paths(() => call('2024' as never))).toEqual(['context']);
    }
    expect(entries.length).toBe(16 + 6);
  });

  it('checks and metrics: any malformed date or period in the context', () => {
    const [check, metric] = [entries[0]!, entries.at(-1)!];
    fc.assert(
      fc.property(notADate, notAPeriod, (d, p) => {
        for (const call of [check, metric]) {
          expect(paths(() => call(context({ referenceDate: d })))).toEqual(['context.referenceDate']);
          expect(paths(() => call(context({ period: p })))).toEqual(['context.period']);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('checks and metrics on any valid context from 1900 to 2100: a result or ParValidationError, never NaN or another error', () => {
    const q = good();
    q.processes[0]!.processingTime = { unit: 'workingHours', amount: 20 }; // compared with the calendar against 3 working days
    const calendarPlugin = createIso9001Plugin({ systems: [q], documentReviewIntervalDays: 365 });
    const calls = [...calendarPlugin.checks!.map((c) => (ctx: PluginRunContext) => c.run(ctx)), ...calendarPlugin.metricProviders!.map((m) => (ctx: PluginRunContext) => m.compute(ctx))];
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 30) });
    const period = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom('', '-H1', '-H2', '-Q3', '-02', '-12')).map(([y, p]) => `${y}${p}`);
    fc.assert(
      fc.property(instant, period, (ms, p) => {
        const now = new Date(ms);
        const ctx = context({ now, period: p, referenceDate: new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) });
        for (const call of calls) {
          try {
            expect(JSON.stringify(call(ctx)) ?? '').not.toMatch(/NaN/);
          } catch (e) {
            if (!ParValidationError.isInstance(e)) throw e;
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('currentProcess: parsed records only, a code, a real date', () => {
    const q = parseQms(good());
    expect(currentProcess(q, '1.002', '2024-06-30')?.version).toBe('v1');
    expect(currentProcess(q, '1.002', '2024-07-01')?.version).toBe('v2');
    expect(currentProcess(q, '1.009', '2024-07-01')).toBeUndefined();
    expect(refusal(() => currentProcess(good() as never, '', '2024-02-30'))).toEqual(['qms not_parsed', 'code invalid_code', 'date invalid_date']);
    fc.assert(
      fc.property(notADate, (d) => {
        expect(paths(() => currentProcess(q, '1.001', d as string))).toEqual(['date']);
      }),
      { numRuns: 100 },
    );
    expect(paths(() => parseQms({ ...good(), builtOn: '2023-02-29' }))).toEqual(['builtOn']);
  });
});
