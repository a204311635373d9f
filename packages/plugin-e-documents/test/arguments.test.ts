import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError, type PluginRunContext } from '@par/core';
import { createEDocumentsPlugin, parseClericalRecords, summariseRegisters } from '../src/index.js';
import { good, incoming, outgoing } from './fixture.js';

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

const plugin = createEDocumentsPlugin({ units: [good()] });
const context = (over: Partial<Record<keyof PluginRunContext, unknown>> = {}) =>
  ({ unitId: 'vp', period: '2022-09', now: new Date('2022-09-30T03:00:00Z'), referenceDate: '2022-09-30', ...over }) as PluginRunContext;
const entries = [...plugin.checks!.map((c) => (ctx: PluginRunContext) => c.run(ctx)), ...plugin.metricProviders!.map((m) => (ctx: PluginRunContext) => m.compute(ctx))];

const notADate = fc.oneof(
  fc.constantFrom('2023-02-30', '2023-02-29', '2023/01/10', '2023-1-10', '2023-13-01', '', 'not a date', '1899-12-31', '2101-01-01'),
  fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc.integer(),
);
const notAnInstant = fc.oneof(
  fc.constantFrom('2022-09-07', '2022-09-07T10:00', '2022-09-07T24:00:00+07:00', '2022-02-29T10:00:00+07:00', '2100-02-29T10:00:00Z', '2022-09-07T10:00:60Z', '2022-02-30T10:00:00+07:00', '2022-09-07T10:60:00+07:00', '2022-09-07T10:00:00+15:00', '1899-12-31T10:00:00Z', '07/09/2022 10:00', ''),
  fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}T/.test(s)),
  fc.integer(),
  fc.constant(null),
);
const notANumber = fc.oneof(fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, -1, 0, '3'), fc.double().filter((x) => !(Number.isSafeInteger(x) && x > 0)));

describe('every function refuses bad arguments with ParValidationError, by path', () => {
  it('options: dates, instants, numbers, words, duplicates, inconsistent timestamps, the calendar', () => {
    const g = good();
    expect(
      refusal(() =>
        createEDocumentsPlugin({
          units: [
            {
              ...g,
              outgoing: [{ ...g.outgoing[0]!, number: 1.5, date: '2022-02-30', urgency: 'soon' as never, dispatchedAt: '2022-09-05T08:00:00+07:00' }],
              incoming: [{ ...g.incoming[0]!, receivedAt: '2022-09-07T10:00:00+07:00', handedOverAt: '2022-09-07T09:00:00+07:00' }],
              workFiles: [{ ...g.workFiles[0]!, historicalArchiveYears: 31, historicalArchiveOn: '2022-01-01' }],
            },
          ],
          constructionFileMonths: 0,
          legacyArchiveYears: { current: 1, historical: 1.5 },
        }),
      ),
    ).toEqual([
      'units.0.outgoing.0.number schema.invalid_type',
      'units.0.outgoing.0.date schema.invalid_format',
      'units.0.outgoing.0.urgency schema.invalid_value',
      'units.0.incoming.0.handedOverAt schema.custom',
      'units.0.workFiles.0.historicalArchiveYears schema.too_big',
      'units.0.workFiles.0.historicalArchiveOn schema.custom',
      'legacyArchiveYears.historical schema.invalid_type',
      'constructionFileMonths schema.too_small',
    ]);
    expect(paths(() => createEDocumentsPlugin({ units: [good(), good()] }))).toEqual(['units.1.unitId']);
    expect(paths(() => createEDocumentsPlugin({ units: [], fragment: { code: '7.1.', exchange: 0.1234567, signed: 0, onlineWorkFiles: 1 } }))).toEqual(['fragment.code', 'fragment.exchange', 'fragment.signed']);
    expect(paths(() => createEDocumentsPlugin({ units: [] }, { calendar: {} as never }))).toEqual(['dependencies.calendar']);
    expect(paths(() => createEDocumentsPlugin({ units: [] }, 'x' as never))).toEqual(['dependencies']);
    // registered after dispatch; archived before the work ended
    expect(paths(() => parseClericalRecords({ unitId: 'vp', outgoing: [outgoing(1, '2022-09-05', { registeredAt: '2022-09-05T10:00:00+07:00', dispatchedAt: '2022-09-05T09:59:00+07:00' })] }))).toEqual(['outgoing.0.dispatchedAt']);
    expect(paths(() => parseClericalRecords({ unitId: 'vp', workFiles: [{ id: 'a', title: 'a', workEndedYear: 2022, handledOnline: true, currentArchiveOn: '2021-12-31' }] }))).toEqual(['workFiles.0.currentArchiveOn']);
  });

  it('records: any malformed date, instant or number where one is expected, at its path', () => {
    fc.assert(
      fc.property(notADate, notAnInstant, notANumber, (d, t, n) => {
        expect(paths(() => parseClericalRecords({ unitId: 'vp', outgoing: [outgoing(1, '2022-09-05', { date: d as string })] }))).toEqual(['outgoing.0.date']);
        expect(paths(() => parseClericalRecords({ unitId: 'vp', incoming: [{ number: 1, receivedAt: t as string, from: 'Sở Nội vụ', form: 'paper' }] }))).toEqual(['incoming.0.receivedAt']);
        expect(paths(() => parseClericalRecords({ unitId: 'vp', incoming: [incoming(1, '2022-09-07T10:00:00+07:00', { handedOverAt: t as string })] }))).toEqual(['incoming.0.handedOverAt']);
        expect(paths(() => parseClericalRecords({ unitId: 'vp', outgoing: [outgoing(n as number, '2022-09-05')] }))).toEqual(['outgoing.0.number']);
      }),
      { numRuns: 150 },
    );
  });

  it('records: real instants with their offset are accepted, 29/02 of a leap year and seconds with milliseconds among them', () => {
    for (const t of ['2024-02-29T23:59:59+07:00', '2000-02-29T00:00Z', '2022-09-07T10:00:00.123Z', '2022-09-07T10:00:00-14:00']) {
      expect(parseClericalRecords({ unitId: 'vp', incoming: [{ number: 1, receivedAt: t, from: 'Sở Nội vụ', form: 'paper' }] }).incoming[0]!.receivedAt).toBe(t);
    }
  });

  it('checks and metrics: a context with a bad period, date, instant or unit, or one that does not hang together', () => {
    for (const call of entries) {
      expect(paths(() => call(context({ period: '2023-Q5' })))).toEqual(['context.period']);
      expect(paths(() => call(context({ referenceDate: '2023-02-30' })))).toEqual(['context.referenceDate']);
      expect(paths(() => call(context({ now: new Date(Number.NaN) })))).toEqual(['context.now']);
      expect(paths(() => call(context({ unitId: '' })))).toEqual(['context.unitId']);
      expect(refusal(() => call(context({ referenceDate: '2022-09-29' })))).toEqual(['context.referenceDate reference_date_mismatch']);
      expect(paths(() => call('2022' as never))).toEqual(['context']);
    }
    expect(entries.length).toBe(8 + 4);
  });

  it('checks and metrics on any valid context from 1995 to 2100: a result, never NaN or another error', () => {
    const instant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2100, 11, 30) });
    const period = fc.tuple(fc.integer({ min: 1995, max: 2100 }), fc.constantFrom('', '-H1', '-H2', '-Q3', '-02', '-12')).map(([y, p]) => `${y}${p}`);
    fc.assert(
      fc.property(instant, period, (ms, p) => {
        const ctx = context({ now: new Date(ms), period: p, referenceDate: new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) });
        for (const call of entries) expect(JSON.stringify(call(ctx)) ?? '').not.toMatch(/NaN/);
      }),
      { numRuns: 60 },
    );
  });

  it('summariseRegisters: parsed records only, a real date, a calendar', () => {
    expect(refusal(() => summariseRegisters([good() as never], { asOf: '2022-02-30', calendar: {} as never }))).toEqual(['records.0 not_parsed', 'options.asOf invalid_date', 'options.calendar invalid_calendar']);
    expect(paths(() => summariseRegisters('x' as never, null as never))).toEqual(['records', 'options']);
  });
});
