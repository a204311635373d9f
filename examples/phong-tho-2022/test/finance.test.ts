// The finance plugin on the ILLUSTRATIVE 2022 plan of Phong Thổ (data/finance): its planted defects found end to
// end, the field 6 metrics and curves computed by hand, one finding turned into a directive item.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem, leavesOf, parseFramework } from '@par/core';
import { FINANCE_FRAMEWORK_FRAGMENTS, createFinancePlugin, disbursementCurves, parseFinanceOptions, rankUnitsByRate, readTreasuryDisbursements, type FinanceOptions } from '@par/plugin-finance';

const file = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
const options = JSON.parse(file('finance/finance-illustrative.json')) as FinanceOptions;
const units = ['d109-kthf', 'd109-vhtt', 'c03549', 'c03580'];
const now = Date.parse('2023-02-06T09:00:00+07:00'); // the demo's --now
const par = createPar({ plugins: [createFinancePlugin(options)] });

describe('Phong Thổ finance (illustrative 2022 plan)', () => {
  it('finds the planted defects and nothing else', async () => {
    const findings = await par.runChecks({ unitIds: units, period: '2022', now });
    expect(findings.map((f) => [f.unitId, f.ruleId, f.severity, f.subject.id, f.dueDate ?? null]).sort()).toEqual(
      [
        ['c03580', 'FIN-07', 'minor', '2022/DA-20@2022-06-30', null], // 0 of 800.000.000 by 30/06 (site clearance; later extended)
        ['d109-kthf', 'FIN-01', 'major', '2022/DA-07', '2023-01-31'], // 2.000 - (200 + 1.000 + 500) = 300 million lapse
        ['d109-kthf', 'FIN-07', 'minor', '2022/DA-07@2022-06-30', null], // 200 / 2.000 = 10 % < 30 %
        ['d109-kthf', 'FIN-08', 'major', 'QT-01/preparation', '2022-06-15'], // C: 15/02/2022 + 4 months
        ['d109-vhtt', 'FIN-06', 'major', 'KH2022-DA-10', '2022-03-31'], // detailed on 12/04/2022
      ].sort(),
    );
    const lapse = findings.find((f) => f.ruleId === 'FIN-01')!;
    expect(lapse.message.vi).toBe('Dự án DA-07: 300.000.000 đồng vốn kế hoạch 2022 chưa giải ngân khi hết thời hạn 2023-01-31');
    expect(lapse.legalBasis[0]).toMatchObject({ document: 'Luật Đầu tư công 2019 (39/2019/QH14)', verification: 'confirmed' });
  });

  it('turns the overdue settlement into a corrective item for its unit', async () => {
    const f = (await par.runChecks({ unitIds: ['d109-kthf'], period: '2022', now })).find((x) => x.ruleId === 'FIN-08')!;
    const item = findingToDirectiveItem(f, { label: '(1)', foundOn: '2023-02-06' });
    // Monday 06/02/2023 + 10 working days (no holiday in February 2023) = Monday 20/02/2023
    expect([item.lead, item.due, item.priority, item.body]).toEqual([[{ by: 'unit', unitId: 'd109-kthf' }], { kind: 'date', date: '2023-02-20', bound: 'noLaterThan' }, 'high', 'NĐ 99/2021/NĐ-CP Art. 47 (in force 01/01/2022: date U)']);
  });

  it('computes the field 6 metrics by hand', async () => {
    const { metrics } = await par.computeMetrics({ unitIds: units, period: '2022', now });
    const by = (id: string) => Object.fromEntries(metrics.filter((m) => m.metricId === id).map((m) => [m.unitId, m.value]));
    // at 31/01/2023: kthf 12.200 of 12.500 million; vhtt 2.000 of 2.000; township 3.000 of 3.000; Hoang Thèn 3.500 of 4.000
    expect(by('finance.disbursementRate')).toEqual({ 'd109-kthf': 97.6, 'd109-vhtt': 100, c03549: 100, c03580: 87.5 });
    expect(by('finance.overdueSettlements')).toEqual({ 'd109-kthf': 1, 'd109-vhtt': 0, c03549: 0, c03580: 0 });
    expect(by('finance.autonomyPlansApprovedRate')).toEqual({ 'd109-vhtt': 100 });
    expect(by('finance.auditRecommendationsDone')).toEqual({ 'd109-kthf': true });
  });

  it('draws each unit\'s curve and ranks the units', () => {
    const config = parseFinanceOptions(options);
    const [kthf] = disbursementCurves(config, { planYear: 2022, referenceDate: '2023-02-06', unitIds: ['d109-kthf'] });
    // 7 projects x 125 million a month, plus DA-07: 200 (March), 1.000 (October), 500 (December), of 12.500 million
    const at = (cut: string) => kthf!.points.find((p) => p.cutOff === cut)!.ratePercent;
    expect([at('2022-01-31'), at('2022-03-31'), at('2022-06-30'), at('2022-09-30'), at('2022-12-31'), at('2023-01-31')]).toEqual(['7.00', '22.60', '43.60', '64.60', '97.60', '97.60']);
    expect(rankUnitsByRate(config, { planYear: 2022, referenceDate: '2023-02-06' }).map((r) => [r.rank, r.unitId, r.ratePercent])).toEqual([
      [1, 'c03549', '100.00'],
      [1, 'd109-vhtt', '100.00'],
      [3, 'd109-kthf', '97.60'],
      [4, 'c03580', '87.50'],
    ]);
  });

  it('reads the office\'s Treasury report (CSV, Vietnamese style) into the same records', () => {
    const read = readTreasuryDisbursements({ format: 'csv', name: 'kbnn-d109-vhtt-2022.csv', text: file('finance/kbnn-d109-vhtt-2022.csv') });
    const json = parseFinanceOptions(options).disbursements.filter((d) => d.unitId === 'd109-vhtt');
    expect(read).toEqual(json);
    expect(read.reduce((s, d) => s + d.amount, 0n)).toBe(2_000_000_000n); // 8 x 250.000.000
  });

  it('offers field 6 criteria a framework can include, bound to the plugin\'s metrics', () => {
    const json = JSON.parse(file('framework-district-illustrative.json'));
    const field6 = json.nodes.find((n: { code: string }) => n.code === '6');
    field6.children = FINANCE_FRAMEWORK_FRAGMENTS;
    const framework = parseFramework(json);
    expect(leavesOf(framework).filter((l) => l.code.startsWith('6.')).map((l) => [l.code, l.metric?.metricId])).toEqual([
      ['6.1', 'finance.disbursementRate'],
      ['6.2', 'finance.overdueSettlements'],
      ['6.3', 'finance.autonomyPlansApprovedRate'],
      ['6.4', 'finance.auditRecommendationsDone'],
    ]);
  });

  it('passes the options JSON Schema `par validate` checks it against', () => {
    const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@par/plugin-finance/schemas/options.schema.json'), 'utf8'));
    expect(z.fromJSONSchema(schema).safeParse(options).success).toBe(true);
  });
});
