import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem, type Finding, type FindingInput } from '@par/core';
import { createOneStopPlugin, type OneStopOptions } from '../src/index.js';
import { contextOn, dossier, optionsWith } from './fixture.js';

/** The findings of one check for unit c1 on a date. */
function run(check: string, dossiers: Record<string, unknown>[], on: string, more: Partial<OneStopOptions> = {}): FindingInput[] {
  const plugin = createOneStopPlugin(optionsWith(dossiers, more));
  return [...(plugin.checks!.find((c) => c.id === check)!.run(contextOn(on)) as FindingInput[])];
}
const brief = (fs: FindingInput[]) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.subject.id}${f.dueDate ? ` due ${f.dueDate}` : ''}`);

describe('OSS-01 receiving point (from 01/07/2025)', () => {
  it('asks for the receiving point from the first day of NĐ 118/2025, not the day before', () => {
    const before = dossier({ code: 'A', receivingPoint: undefined, receivedAt: '2025-06-30T16:00' });
    const on = dossier({ code: 'B', receivingPoint: undefined, receivedAt: '2025-07-01T08:00' });
    const fs = run('receivingPoint', [before, on], '2025-12-01');
    expect(brief(fs)).toEqual(['OSS-01 minor B']);
    expect(fs[0]!.legalBasis).toEqual([{ document: 'NĐ 118/2025/NĐ-CP', signedOn: '2025-06-09', article: 'Art. 1–2', effectiveFrom: '2025-07-01', verification: 'confirmed', source: 'domain notes rules.md §5.4, OSS-01' }]);
  });
});

describe('OSS-02 scanning and dossiers outside the system', () => {
  it('reports a counter dossier not scanned, not an online one', () => {
    const fs = run('reception', [dossier({ code: 'C', scannedAt: undefined }), dossier({ code: 'O', channel: 'online', scannedAt: undefined })], '2022-12-31');
    expect(brief(fs)).toEqual(['OSS-02 major C']);
    expect(fs[0]!.legalBasis![0]).toMatchObject({ document: 'NĐ 61/2018/NĐ-CP', effectiveTo: '2025-06-30', supersededBy: 'NĐ 118/2025/NĐ-CP (01/07/2025)' });
  });

  it('reports register entries missing from the export (handled outside the system)', () => {
    const registers = [{ kind: 'counterRegister' as const, unitId: 'c1', source: 'sổ theo dõi 2022', entries: [{ dossierCode: 'IN' }, { dossierCode: 'OUT', receivedOn: '2022-05-02' }, { dossierCode: 'LATER', receivedOn: '2023-01-02' }] }];
    const fs = run('outsideSystem', [dossier({ code: 'IN' })], '2022-12-31', { registers });
    expect(brief(fs)).toEqual(['OSS-02 major OUT']);
    expect(fs[0]!.subject.kind).toBe('registerEntry');
  });
});

describe('OSS-03, OSS-04, OSS-05 at reception', () => {
  it('allows one reception supplement request, not two', () => {
    const one = dossier({ code: 'S1', forms: [{ kind: 'supplementRequest', stage: 'reception', on: '2022-03-14' }, { kind: 'receiptSlip', on: '2022-03-15' }] });
    const two = dossier({ code: 'S2', forms: [{ kind: 'supplementRequest', stage: 'reception', on: '2022-03-10' }, { kind: 'supplementRequest', stage: 'reception', on: '2022-03-14' }, { kind: 'receiptSlip', on: '2022-03-15' }] });
    expect(brief(run('receptionSupplement', [one, two], '2022-12-31'))).toEqual(['OSS-03 major S2']);
  });

  it('asks a refusal slip with reasons; the 2025 interim window is unconfirmed (minor)', () => {
    const refused = (code: string, on: string, forms: unknown[]) => ({ code, procedureCode: 'WD3', unitId: 'c1', receivingPoint: 'desk', channel: 'counter', submittedAt: `${on}T09:00`, refused: true, forms });
    const fs = run(
      'refusal',
      [
        refused('R1', '2022-03-15', []),
        refused('R2', '2022-03-15', [{ kind: 'refusalSlip', on: '2022-03-15', reasons: ' ' }]),
        refused('R3', '2022-03-15', [{ kind: 'refusalSlip', on: '2022-03-15', reasons: 'Không thuộc thẩm quyền' }]),
        refused('R4', '2025-08-01', []),
        refused('R5', '2025-09-15', []),
      ],
      '2025-12-31',
    );
    expect(brief(fs)).toEqual(['OSS-04 major R1', 'OSS-04 major R2', 'OSS-04 minor R4', 'OSS-04 major R5']);
  });

  it('asks a receipt slip with the legal appointment: later is major, earlier minor', () => {
    // WD3 received Tue 15/03/2022: Fri 18/03
    const fs = run(
      'receiptSlip',
      [
        dossier({ code: 'OK', appointmentOnReceipt: '2022-03-18' }),
        dossier({ code: 'NOSLIP', forms: [] }),
        dossier({ code: 'LATER', appointmentOnReceipt: '2022-03-21' }),
        dossier({ code: 'EARLIER', appointmentOnReceipt: '2022-03-17' }),
        dossier({ code: 'SPOT', forms: [], resolvedOnTheSpot: true, returnedAt: '2022-03-15T09:30' }),
      ],
      '2022-12-31',
    );
    expect(brief(fs)).toEqual(['OSS-05 major NOSLIP', 'OSS-05 major LATER', 'OSS-05 minor EARLIER']);
  });
});

describe('OSS-06 supplement requests during processing', () => {
  const twice = (code: string, received: string) =>
    dossier({ code, receivedAt: received, forms: [{ kind: 'receiptSlip', on: received.slice(0, 10) }, ...[1, 2].map(() => ({ kind: 'supplementRequest', stage: 'processing', on: received.slice(0, 10) }))] });
  it('allows one: two are major in 2018 (partly confirmed), minor from 01/07/2025 (unconfirmed), allowed by the option', () => {
    expect(brief(run('processingSupplement', [twice('A', '2025-06-30T09:00'), twice('B', '2025-07-01T09:00')], '2025-12-31'))).toEqual(['OSS-06 major A', 'OSS-06 minor B']);
    expect(brief(run('processingSupplement', [twice('B', '2025-07-01T09:00')], '2025-12-31', { unconfirmedRules: 'enforced' }))).toEqual(['OSS-06 major B']);
    expect(run('processingSupplement', [twice('B', '2025-07-01T09:00')], '2025-12-31', { maxProcessingSupplements2025: 2 })).toEqual([]);
  });

  it("keeps the procedure's window: 3 working days after receipt", () => {
    // CD15 received Tue 15/03/2022: the window ends Fri 18/03
    const onLast = dossier({ code: 'LAST', procedureCode: 'CD15', forms: [{ kind: 'receiptSlip', on: '2022-03-15' }, { kind: 'supplementRequest', stage: 'processing', on: '2022-03-18' }] });
    const after = dossier({ code: 'AFTER', procedureCode: 'CD15', forms: [{ kind: 'receiptSlip', on: '2022-03-15' }, { kind: 'supplementRequest', stage: 'processing', on: '2022-03-19' }] });
    expect(brief(run('processingSupplement', [onLast, after], '2022-12-31'))).toEqual(['OSS-06 minor AFTER due 2022-03-18']);
  });
});

describe('OSS-07 hand-over with the 15:00 cut-off (unconfirmed: minor)', () => {
  const handed = (code: string, received: string, at: string) => dossier({ code, receivedAt: received, transfers: [{ at, from: 'desk', to: 'processing' }] });
  it('is due the same day up to 15:00, the next working day after', () => {
    const fs = run(
      'handOver',
      [
        handed('T1459', '2022-03-15T14:59', '2022-03-15T16:00'),
        handed('T1459late', '2022-03-15T14:59', '2022-03-16T07:30'),
        handed('T1500late', '2022-03-15T15:00', '2022-03-16T07:30'),
        handed('T1501', '2022-03-15T15:01', '2022-03-16T07:30'),
        handed('FRI1501', '2022-03-18T15:01', '2022-03-21T08:00'),
        handed('FRI1501late', '2022-03-18T15:01', '2022-03-22T08:00'),
      ],
      '2022-12-31',
    );
    expect(brief(fs)).toEqual(['OSS-07 minor T1459late due 2022-03-15', 'OSS-07 minor T1500late due 2022-03-15', 'OSS-07 minor FRI1501late due 2022-03-21']);
  });
});

describe('OSS-08 apology before the appointment, OSS-09 late results', () => {
  // WD3 received Thu 10/03/2022 09:00: appointment Tue 15/03; the apology is due by Mon 14/03 (1 working day before)
  const late = (code: string, apologyOn?: string, received = '2022-03-10T09:00', returnedAt = '2022-03-17T10:00') =>
    dossier({ code, receivedAt: received, returnedAt, forms: [{ kind: 'receiptSlip', on: received.slice(0, 10) }, ...(apologyOn ? [{ kind: 'apologySlip', on: apologyOn }] : [])] });

  it('accepts an apology on the last allowed day and reports one the day after, or none', () => {
    const fs = run('apology', [late('ON', '2022-03-14'), late('AFTER', '2022-03-15'), late('NONE')], '2022-12-31');
    expect(brief(fs)).toEqual(['OSS-08 major AFTER due 2022-03-14', 'OSS-08 major NONE due 2022-03-14']);
    expect(fs[0]!.legalBasis![0]).toMatchObject({ document: 'NĐ 61/2018/NĐ-CP', verification: 'partlyConfirmed', effectiveTo: '2025-06-30' });
  });

  it('counts the lead in working days across a weekend and across Tết', () => {
    // received Wed 16/03/2022: WD3 appointment Mon 21/03, apology due Fri 18/03; Sat 19/03 is too late
    const weekend = late('SAT', '2022-03-19', '2022-03-16T09:00', '2022-03-22T10:00');
    // received Tue 25/01/2022: 26/01 = 1, 27/01 = 2, 28/01 = 3 → appointment Fri 28/01; due Thu 27/01
    // received Wed 26/01/2022: 27/01, 28/01, then Tết → Mon 07/02; the apology is due Fri 28/01
    const tet = dossier({ code: 'TET', receivedAt: '2022-01-26T09:00', returnedAt: '2022-02-08T09:00', forms: [{ kind: 'receiptSlip', on: '2022-01-26' }, { kind: 'apologySlip', on: '2022-01-28' }] });
    const tetLate = dossier({ code: 'TETLATE', receivedAt: '2022-01-26T09:00', returnedAt: '2022-02-08T09:00', forms: [{ kind: 'receiptSlip', on: '2022-01-26' }, { kind: 'apologySlip', on: '2022-02-04' }] });
    expect(brief(run('apology', [weekend, tet, tetLate], '2022-12-31'))).toEqual(['OSS-08 major SAT due 2022-03-18', 'OSS-08 major TETLATE due 2022-01-28']);
  });

  it('uses the option from 01/07/2025 (unconfirmed: minor unless enforced)', () => {
    // received Fri 10/10/2025: WD3 → Wed 15/10; 2 calendar days before: Mon 13/10
    const d = (code: string, on: string) =>
      dossier({ code, receivedAt: '2025-10-10T09:00', returnedAt: '2025-10-20T09:00', forms: [{ kind: 'receiptSlip', on: '2025-10-10' }, { kind: 'apologySlip', on }] });
    const lead = { apologyLead2025: { days: 2, unit: 'calendarDays' as const } };
    expect(brief(run('apology', [d('ON', '2025-10-13'), d('AFTER', '2025-10-14')], '2025-12-31', lead))).toEqual(['OSS-08 minor AFTER due 2025-10-13']);
    expect(brief(run('apology', [d('AFTER', '2025-10-14')], '2025-12-31', { ...lead, unconfirmedRules: 'enforced' }))).toEqual(['OSS-08 major AFTER due 2025-10-13']);
  });

  it('reports a late result against the original appointment with the extension beside it, and an open dossier past due as of now', () => {
    const extended = dossier({ code: 'EXT', receivedAt: '2022-03-10T09:00', returnedAt: '2022-03-17T10:00', extensions: [{ agreedOn: '2022-03-14', newAppointment: '2022-03-18' }] });
    const open = dossier({ code: 'OPEN', receivedAt: '2022-03-10T09:00' });
    const onTime = dossier({ code: 'OK', receivedAt: '2022-03-10T09:00', returnedAt: '2022-03-15T16:00' });
    const fs = run('returnOnTime', [extended, open, onTime], '2022-03-18');
    expect(brief(fs)).toEqual(['OSS-09 major EXT due 2022-03-15', 'OSS-09 major OPEN due 2022-03-15']);
    expect(fs[0]!.message.en).toBe('Dossier EXT is late: appointment 2022-03-15, returned on 2022-03-17; against the extension to 2022-03-18: within it');
    expect(fs[1]!.message.en).toBe('Dossier OPEN is late: appointment 2022-03-15, not yet returned');
    // on the appointment day itself nothing is late yet; the next day it is, returned or not
    expect(run('returnOnTime', [open], '2022-03-15')).toEqual([]);
    expect(brief(run('returnOnTime', [open, extended], '2022-03-16'))).toEqual(['OSS-09 major OPEN due 2022-03-15', 'OSS-09 major EXT due 2022-03-15']);
  });
});

describe('OSS-11 stop notice (from 15/09/2025)', () => {
  it('asks Form 05 for a dossier received from 15/09/2025, not the day before', () => {
    const stopped = (code: string, received: string) => dossier({ code, receivedAt: received, stoppedAt: `${received.slice(0, 10)}T16:00` });
    expect(brief(run('stopNotice', [stopped('A', '2025-09-12T09:00'), stopped('B', '2025-09-15T09:00')], '2025-12-31'))).toEqual(['OSS-11 major B']);
  });
});

describe('OSS-12 online response time by sector', () => {
  // submitted Fri 18/03/2022 16:00: 8 working hours end Mon 21/03 16:30
  const online = (code: string, answered: string) => dossier({ code, procedureCode: 'KB8', channel: 'online', submittedAt: '2022-03-18T16:00', receivedAt: answered, onlineResponseAt: answered, scannedAt: undefined });
  it("reports an answer after the Treasury's 8 working hours, to the minute", () => {
    expect(brief(run('onlineResponse', [online('ON', '2022-03-21T16:30'), online('LATE', '2022-03-21T16:31')], '2022-12-31'))).toEqual(['OSS-12 major LATE']);
  });
  it('caps a finding when the sector time is an unconfirmed option', () => {
    const onlineResponseTimes = [{ sector: 'Kho bạc Nhà nước', time: { unit: 'workingHours' as const, amount: 8 }, source: 'a provincial decision', verification: 'unconfirmed' as const }];
    expect(brief(run('onlineResponse', [online('LATE', '2022-03-21T16:31')], '2022-12-31', { onlineResponseTimes }))).toEqual(['OSS-12 minor LATE']);
  });
});

describe('OSS-13 online level and OSS-14 postal exclusions', () => {
  it('reports online dossiers of a procedure not offered online (legacy level 2 maps to none)', () => {
    // NĐ 42/2022 stands in from its issue date, 24/06/2022: a dossier of 23/06 is not judged by it
    const d = (code: string, procedureCode: string, receivedAt: string) => dossier({ code, procedureCode, channel: 'online', receivedAt });
    const fs = run('onlineLevel', [d('L2', 'CD15', '2022-09-15T09:00'), d('L3', 'WD1', '2022-09-15T09:00'), d('L2early', 'CD15', '2022-06-23T09:00')], '2022-12-31');
    expect(brief(fs)).toEqual(['OSS-13 minor L2']);
  });
  it('reports postal dossiers of procedures that require presence or are not postal', () => {
    const post = (code: string, procedureCode: string) => dossier({ code, procedureCode, channel: 'postal', submittedAt: '2022-03-15T09:00', postal: { trackingId: `EMS-${code}`, handoverSignedAt: '2022-03-15T09:00' } });
    expect(brief(run('postal', [post('OK', 'WD3'), post('PRES', 'WD1'), post('NOPOST', 'SD')], '2022-12-31'))).toEqual(['OSS-14 major PRES', 'OSS-14 major NOPOST']);
  });
});

describe('findings feed directives', () => {
  it('turns a late-without-apology finding into a corrective item for the unit', async () => {
    const par = createPar({ plugins: [createOneStopPlugin(optionsWith([dossier({ code: 'NONE', receivedAt: '2022-03-10T09:00', returnedAt: '2022-03-17T10:00' })]))] });
    const findings = await par.runChecks({ unitIds: ['c1'], period: '2022', now: new Date('2022-12-30T12:00:00+07:00') });
    const f = findings.find((x: Finding) => x.ruleId === 'OSS-08')!;
    const item = findingToDirectiveItem(f, { label: '(1)', foundOn: '2022-12-30' });
    // 10 working days from Fri 30/12/2022: 03/01 (02/01 is the New Year compensatory day) ... 16/01
    expect([item.lead, item.priority, item.due]).toEqual([[{ by: 'unit', unitId: 'c1' }], 'high', { kind: 'date', date: '2023-01-16', bound: 'noLaterThan' }]);
  });
});
