import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem } from '@par/core';
import { createOneStopPlugin, dossierFigures, parseCatalogue, parseDossierExport } from '@par/plugin-one-stop';
import { COMMUNES, optionsFileText } from '../data/one-stop/generate.js';

const options = JSON.parse(readFileSync(new URL('../data/one-stop/plugin-options.json', import.meta.url), 'utf8'));
const plugin = createOneStopPlugin(options);
const par = createPar({ plugins: [plugin] });
const now = new Date('2022-12-30T12:00:00+07:00'); // Fri 30/12/2022

describe('Phong Thổ one-stop dossiers, 2022 (ILLUSTRATIVE data with planted defects)', () => {
  it('is the file the committed generator makes', () => {
    expect(readFileSync(new URL('../data/one-stop/plugin-options.json', import.meta.url), 'utf8')).toBe(optionsFileText());
    // 17 communes x 12 months x 5 dossiers, and 7 planted
    expect(options.dossiers).toHaveLength(17 * 60 + 7);
    expect(options.catalogue.illustrative).toBe(true);
  });

  it('finds exactly the planted defects, each with its rule', async () => {
    const findings = await par.runChecks({ unitIds: ['d109', ...COMMUNES], period: '2022', now });
    expect(findings.map((f) => `${f.unitId} ${f.ruleId} ${f.severity} ${f.subject.id}${f.dueDate ? ` due ${f.dueDate}` : ''}`).sort()).toEqual(
      [
        // apology due 1 working day before the appointment (2018 regime, partly confirmed)
        'c03549 OSS-08 major PT-LATE-2 due 2022-06-08', // appointment Thu 09/06, none sent
        'c03549 OSS-08 major PT-LATE-3 due 2022-08-26', // appointment Mon 29/08, sent on 29/08
        'c03553 OSS-08 major PT-LATE-4 due 2022-02-08', // appointment Wed 09/02 after Tết, none sent
        'c03549 OSS-09 major PT-LATE-1 due 2022-03-15',
        'c03549 OSS-09 major PT-LATE-2 due 2022-06-09',
        'c03549 OSS-09 major PT-LATE-3 due 2022-08-29',
        'c03553 OSS-09 major PT-LATE-4 due 2022-02-09',
        'c03577 OSS-05 major PT-NOSLIP',
        'c03586 OSS-14 major PT-POST-2', // marriage registration requires presence
        'c03549 OSS-02 major PT-SO-2022-0901', // in the counter register, not in the system
        'c03549 OSS-02 major PT-SO-2022-0902',
      ].sort(),
    );
  });

  it('gives the on-time figures per commune and for the district', async () => {
    const value = (id: string, unitId: string) => plugin.metricProviders!.find((m) => m.metricId === id)!.compute({ unitId, period: '2022', now, referenceDate: '2022-12-30' });
    // Thị trấn Phong Thổ: 60 good + 3 late = 63 due, 60/63 = 95.24; Mồ Sì San: 60/61 = 98.36; Nậm Xe: 62/62
    expect(await value('dossierOnTimeRate.commune', 'c03549')).toBe(95.24);
    expect(await value('dossierOnTimeRate.commune', 'c03553')).toBe(98.36);
    expect(await value('dossierOnTimeRate.commune', 'c03586')).toBe(100);
    // the district, rolled up from its 17 communes: 1,020 + 7 due, 4 late: 1,023/1,027 = 99.61
    expect(await value('dossierOnTimeRate.commune', 'd109')).toBe(99.61);
    // late with an apology: Thị trấn 2 of 3 (LATE-1 in time, LATE-3 late but sent); Mồ Sì San 0 of 1
    expect(await value('oneStop.lateApologyRate', 'c03549')).toBe(66.67);
    expect(await value('oneStop.lateApologyRate', 'c03553')).toBe(0);
    expect(await value('oneStop.lateApologyRate', 'c03391')).toBeUndefined(); // no late dossier: not applicable
  });

  it('lists the late dossiers without an apology per commune', () => {
    const f = dossierFigures(parseCatalogue(options.catalogue), parseDossierExport({ source: 'example', dossiers: options.dossiers }), { period: '2022', now, groupBy: ['unit'] });
    const late = f.rows.filter((r) => r.counts.late > 0).map((r) => [r.key.unit, r.counts.late, r.counts.late - r.counts.lateWithApology]);
    expect(late.sort()).toEqual([
      ['c03549', 3, 1],
      ['c03553', 1, 1],
    ]);
    // the postal share in Nậm Xe: 2 of 62 received = 3.23
    expect(f.rows.find((r) => r.key.unit === 'c03586')!.rates.postalShare.percent).toBe(3.23);
  });

  it('turns a finding into a directive item for the commune', async () => {
    const findings = await par.runChecks({ unitIds: ['c03549'], period: '2022', now });
    const f = findings.find((x) => x.ruleId === 'OSS-08' && x.subject.id === 'PT-LATE-2')!;
    const item = findingToDirectiveItem(f, { label: '(1)', foundOn: '2022-12-30' });
    // 10 working days from Fri 30/12/2022, Mon 02/01/2023 being the New Year compensatory day off: Mon 16/01/2023
    expect([item.lead, item.priority, item.due, item.body]).toEqual([
      [{ by: 'unit', unitId: 'c03549' }],
      'high',
      { kind: 'date', date: '2023-01-16', bound: 'noLaterThan' },
      'NĐ 61/2018/NĐ-CP processing article; at least 1 working day before the appointment (provincial implementing rules)',
    ]);
  });
});
