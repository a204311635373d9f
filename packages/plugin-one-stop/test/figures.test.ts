import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { ScoringRuleSchema } from '@par/core';
import { createOneStopPlugin, dossierFigures, dossierOutcomes } from '../src/index.js';
import { catalogue, catalogueInput, contextOn, dossier, exportOf, optionsWith } from './fixture.js';

// WD3 received Thu 10/03/2022 09:00: appointment Tue 15/03
const R = '2022-03-10T09:00';
const march = [
  dossier({ code: 'A', receivedAt: R, returnedAt: '2022-03-14T10:00', resultDigitised: true, rating: 'satisfied' }), // early
  dossier({ code: 'B', receivedAt: R, channel: 'online', scannedAt: undefined, returnedAt: '2022-03-15T10:00', onlinePayment: true, rating: 'unsatisfied' }), // on time
  dossier({ code: 'C', receivedAt: R, channel: 'postal', submittedAt: '2022-03-10T08:00', postal: { trackingId: 'EMS1', handoverSignedAt: '2022-03-10T08:00' }, returnedAt: '2022-03-17T10:00', resultDigitised: true, reusedDocuments: 2, forms: [{ kind: 'receiptSlip', on: '2022-03-10' }, { kind: 'apologySlip', on: '2022-03-14' }] }), // late, apology
  dossier({ code: 'D', receivedAt: R, scannedAt: undefined }), // open: late as of 31/03
  { code: 'E', procedureCode: 'WD3', unitId: 'c1', receivingPoint: 'desk', channel: 'counter', submittedAt: R, refused: true, forms: [{ kind: 'refusalSlip', on: '2022-03-10', reasons: 'x' }] },
  dossier({ code: 'F', procedureCode: 'WD1', channel: 'online', receivedAt: '2022-03-30T09:00', scannedAt: undefined }), // due 31/03, open at noon: not yet due
  dossier({ code: 'G', receivedAt: '2022-02-25T09:00', returnedAt: '2022-03-02T10:00' }), // Fri 25/02 + 3: Wed 02/03, on time
  dossier({ code: 'H', receivedAt: '2022-03-28T09:00', returnedAt: '2022-03-30T10:00', resultDigitised: true }), // Mon 28/03 + 3: Thu 31/03, early
];
const now = new Date('2022-03-31T12:00:00+07:00');

describe('dossier figures (OSS-15, OSS-16, OSS-17)', () => {
  it('counts a month by hand', () => {
    const f = dossierFigures(catalogue, exportOf(march), { period: '2022-03', now });
    // received in March: A B C D E F H = 7; fully online B, partly online F (legacy level 3), postal C
    // digitised: A, C, H (scanned, result digitised), F (online, open) = 4; B's result was not digitised
    // fees: WD3 ones received in March, A B C D E H = 6, B paid online; rated A, B, A satisfied
    // due in March: A B C D (15/03), G (02/03), H (31/03, returned); F not due at noon on 31/03; E refused
    expect(f.total.counts).toEqual({ received: 7, fullyOnline: 1, partlyOnline: 1, postal: 1, digitised: 4, reused: 1, withFees: 6, paidOnline: 1, due: 6, early: 2, onTime: 2, late: 2, lateWithApology: 1, lateAfterExtension: 0, rated: 2, satisfied: 1 });
    const pct = Object.fromEntries(Object.entries(f.total.rates).map(([k, r]) => [k, r.percent]));
    // 4/6 = 66.67; 1/2 = 50; 2/7 = 28.57; 1/7 = 14.29; 4/7 = 57.14; 1/6 = 16.67
    expect(pct).toEqual({ onTimeRate: 66.67, lateApologyRate: 50, onlineShare: 28.57, fullyOnlineShare: 14.29, postalShare: 14.29, digitisationRate: 57.14, reuseRate: 14.29, onlinePaymentShare: 16.67, satisfactionRate: 50 });
    // QĐ 766 operated from 01/08/2022: no groups in March 2022
    expect(f.total.serviceIndex).toBeUndefined();
  });

  it('scores the QĐ 766 groups on the same month seen from September 2022', () => {
    // by 01/09 F (due 31/03) is late too: due 7 = early 2 + on time 2 + late 3
    const f = dossierFigures(catalogue, exportOf(march), { period: '2022-03', now: new Date('2022-09-01T12:00:00+07:00') });
    expect([f.total.counts.due, f.total.counts.late]).toEqual([7, 3]);
    // 20 × 4/7 = 11.43; 22 × 4/7 = 12.57; 22 × 2/7 = 6.29; 18 × 1/2 = 9
    expect(f.total.serviceIndex!.map((g) => [g.group, g.maxPoints, g.points, g.verification])).toEqual([
      ['transparency', 18, undefined, 'confirmed'],
      ['progress', 20, 11.43, 'partlyConfirmed'],
      ['digitisation', 22, 12.57, 'unconfirmed'],
      ['onlineProvision', 22, 6.29, 'unconfirmed'],
      ['satisfaction', 18, 9, 'unconfirmed'],
    ]);
  });

  it('groups by unit and month', () => {
    const c2 = dossier({ code: 'I', unitId: 'c2', receivedAt: R, returnedAt: '2022-03-15T10:00' });
    const f = dossierFigures(catalogue, exportOf([...march, c2]), { period: '2022', now, groupBy: ['unit', 'month'] });
    const rows = f.rows.map((r) => [r.key.unit, r.key.month, r.counts.received, r.counts.due, r.rates.onTimeRate.percent]);
    // c1 in February: G received (due in March); c1 in March: 7 received, 6 due (4 early or on time); c2: I on time
    expect(rows).toEqual([
      ['c1', '2022-03', 7, 6, 66.67],
      ['c1', '2022-02', 1, 0, undefined],
      ['c2', '2022-03', 1, 1, 100],
    ]);
    // the total: 8 + 1 received in 2022 up to now, 5 of 7 due on time = 71.43
    expect([f.total.counts.received, f.total.rates.onTimeRate.percent]).toEqual([9, 71.43]);
  });

  it('keeps the original and the extended appointment apart (OSS-10)', () => {
    const ext = dossier({ code: 'X', receivedAt: R, returnedAt: '2022-03-17T10:00', extensions: [{ agreedOn: '2022-03-14', newAppointment: '2022-03-18' }] });
    const ext2 = dossier({ code: 'Y', receivedAt: R, returnedAt: '2022-03-21T10:00', extensions: [{ agreedOn: '2022-03-14', newAppointment: '2022-03-18' }] });
    expect(dossierOutcomes(catalogue, exportOf([ext, ext2]), { now }).map((o) => [o.code, o.appointment?.date, o.outcome, o.extendedOutcome])).toEqual([
      ['X', '2022-03-15', 'late', 'early'], // returned 17/03, before the extended date 18/03
      ['Y', '2022-03-15', 'late', 'late'],
    ]);
    expect(dossierFigures(catalogue, exportOf([ext, ext2]), { period: '2022-03', now }).total.counts).toMatchObject({ late: 2, lateAfterExtension: 1 });
  });

  it('gives the QĐ 766 groups from 01/08/2022, not the day before', () => {
    expect(dossierFigures(catalogue, exportOf(march), { period: '2022-03', now: new Date('2022-07-31T23:59:00+07:00') }).total.serviceIndex).toBeUndefined();
    expect(dossierFigures(catalogue, exportOf(march), { period: '2022-03', now: new Date('2022-08-01T00:00:00+07:00') }).total.serviceIndex).toHaveLength(5);
  });

  it('holds the invariants: outcomes sum to the results due, shares stay within 0-100', () => {
    const arb = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 7, max: 16 }),
        proc: fc.constantFrom('WD3', 'WD1', 'CD15', 'SD', 'KB8'),
        channel: fc.constantFrom('counter', 'online'),
        after: fc.option(fc.integer({ min: 0, max: 40 })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const ds = xs.map((x, i) => {
          const receivedAt = `2022-03-${String(x.day).padStart(2, '0')}T${String(x.hour).padStart(2, '0')}:00`;
          const ret = x.after === null ? undefined : new Date(new Date(`${receivedAt}:00+07:00`).getTime() + x.after * 86_400_000).toISOString();
          return dossier({ code: `P${i}`, procedureCode: x.proc, channel: x.channel, receivedAt, ...(ret && { returnedAt: ret }) });
        });
        const f = dossierFigures(catalogue, exportOf(ds), { period: '2022-03', now: new Date('2022-06-01T00:00:00Z'), groupBy: ['procedure'] });
        const c = f.total.counts;
        const ok = c.early + c.onTime + c.late === c.due && Object.values(f.total.rates).every((r) => r.percent === undefined || (r.percent >= 0 && r.percent <= 100));
        return ok && f.rows.reduce((s, r) => s + r.counts.received, 0) === c.received;
      }),
    );
  });
});

describe('metrics through the plugin', () => {
  const units = [
    { unitId: 'd1', level: 'district' as const },
    { unitId: 'c1', level: 'commune' as const, parentId: 'd1' },
    { unitId: 'c2', level: 'commune' as const, parentId: 'd1' },
  ];
  it('rolls commune-level dossiers up to the district, and district-level ones stay with the district', async () => {
    const ds = [
      ...march,
      dossier({ code: 'I', unitId: 'c2', receivedAt: R, returnedAt: '2022-03-15T10:00' }),
      // CD15 at the district: Thu 10/03 + 15 = Fri 25/03; returned 28/03: late
      dossier({ code: 'J', unitId: 'd1', procedureCode: 'CD15', receivedAt: R, returnedAt: '2022-03-28T10:00' }),
    ];
    const plugin = createOneStopPlugin(optionsWith(ds, { units }));
    const value = (id: string, unitId: string) => plugin.metricProviders!.find((m) => m.metricId === id)!.compute(contextOn('2022-03-31', unitId, '2022-03'));
    // commune level under d1: c1's 6 due (4 good) + c2's 1 (good) = 5/7 = 71.43
    expect(await value('dossierOnTimeRate.commune', 'd1')).toBe(71.43);
    expect(await value('dossierOnTimeRate.commune', 'c1')).toBe(66.67);
    expect(await value('dossierOnTimeRate.district', 'd1')).toBe(0);
    expect(await value('oneStop.lateApologyRate', 'c1')).toBe(50);
    expect(await value('oneStop.onlineShare', 'c1')).toBe(28.57);
    expect(await value('oneStop.onTimeRate', 'c9')).toBeUndefined();
  });

  it('ships framework fragments bound to metrics it provides', () => {
    const plugin = createOneStopPlugin(optionsWith([]));
    const ids = new Set(plugin.metricProviders!.map((m) => m.metricId));
    expect(plugin.frameworkFragments!.map((n) => [n.code, ids.has(n.metric!.metricId)])).toEqual([
      ['3.3.2', true], ['3.3.3', true], ['3.3.4', true], ['3.4.1', true], ['3.4.2', true], ['7.2.1', true], ['7.2.2', true],
    ]);
    // each rule is one core scores, and every fragment says its points are unconfirmed
    expect(plugin.frameworkFragments!.every((n) => ScoringRuleSchema.safeParse(n.rule).success && n.verification === 'unconfirmed')).toBe(true);
  });
});

describe('bad arguments', () => {
  it('refuses plain objects, an unknown procedure and bad options, by path', () => {
    const problems = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (ParValidationError.isInstance(e)) return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
        throw e;
      }
      return [];
    };
    expect(problems(() => dossierFigures(catalogueInput as never, { source: 's', dossiers: [] } as never, { period: '2022-13', now: new Date(NaN), groupBy: ['week'] } as never))).toEqual([
      'catalogue not_parsed',
      'dossiers not_parsed',
      'options.period schema.invalid_format',
      'options.period schema.custom',
      'options.now schema.invalid_type',
      'options.groupBy.0 schema.invalid_value',
    ]);
    expect(problems(() => dossierFigures(catalogue, exportOf([dossier({ procedureCode: 'NOPE' })]), { period: '2022', now }))).toEqual(['dossiers.dossiers.0.procedureCode unknown_procedure']);
    expect(problems(() => dossierOutcomes(catalogue, exportOf([]), { now: 'today' } as never))).toEqual(['options.now schema.invalid_type']);
  });
});
