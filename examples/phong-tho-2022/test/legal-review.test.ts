import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPar, findingToDirectiveItem } from '@par/core';
import { buildDocumentGraph, createLegalReviewPlugin, parseLegalRegister, type LegalReviewOptions } from '@par/plugin-legal-review';

// The ILLUSTRATIVE register of the district's legal documents 2019-2025 (made up; see its `source`).
const options = JSON.parse(readFileSync(new URL('../data/legal/legal-review-illustrative.json', import.meta.url), 'utf8')) as LegalReviewOptions;
const register = parseLegalRegister(options.registers[0]);
const graph = buildDocumentGraph(register);
const now = new Date('2025-09-30T03:00:00Z'); // 30/09/2025, 10:00 in Vietnam: after the district tier's end

describe('Phong Thổ: the illustrative legal-document register (issue 15)', () => {
  it('is marked illustrative', () => {
    expect(register.illustrative).toBe(true);
    expect(register.source).toMatch(/^ILLUSTRATIVE/);
  });

  it('finds the planted defects, and the district documents neither reviewed nor handed to the successor after 01/07/2025', async () => {
    const par = createPar({ plugins: [createLegalReviewPlugin(options)] });
    const findings = await par.runChecks({ unitIds: ['d109-tp'], period: '2025', now });
    expect(findings.map((f) => [f.ruleId, f.subject.id, f.severity, f.dueDate])).toEqual([
      // 05/04/2021 + 7 days = 12/04/2021; it took effect on 10/04 (5 days)
      ['LEG-02', '04/2021/QĐ-UBND', 'major', undefined],
      // never sent for inspection: due 3 working days after Wed 15/06/2022 = Mon 20/06/2022 (unconfirmed: minor)
      ['LEG-07', '06/2022/QĐ-UBND', 'minor', '2022-06-20'],
      // 05/2021/NQ-HĐND amends 01/2019/NQ-HĐND on 20/12/2021: its detailing decision was never reviewed, the
      // decision resting on it only when it was replaced (20/09/2023); due 20/12/2021 + 30 = 19/01/2022
      ['LEG-12', '02/2019/QĐ-UBND 2021-12-20', 'minor', '2022-01-19'],
      ['LEG-12', '03/2020/QĐ-UBND 2021-12-20', 'minor', '2022-01-19'],
      // the district tier ends: two documents in force on 30/06/2025 neither reviewed nor transferred by 31/07/2025
      ['LEG-12', '04/2021/QĐ-UBND 2025-07-01', 'minor', '2025-07-31'],
      ['LEG-12', '06/2022/QĐ-UBND 2025-07-01', 'minor', '2025-07-31'],
    ]);
    expect(findings[3]!.message.en).toBe('03/2020/QĐ-UBND: reviewed (it rests on 01/2019/NQ-HĐND: 01/2019/NQ-HĐND amended) late: on 20/09/2023, due 19/01/2022');

    // the LEG-02 finding becomes a corrective item for the Justice office: 10 working days from Tue 30/09/2025:
    // 01, 02, 03, 06, 07, 08, 09, 10, 13, 14/10 -> 14/10/2025
    const item = findingToDirectiveItem(findings[0]!, { label: '(5)', foundOn: '2025-09-30', criteria: [{ code: '2.1' }] });
    expect(item).toMatchObject({ lead: [{ by: 'unit', unitId: 'd109-tp' }], due: { kind: 'date', date: '2025-10-14' }, priority: 'high', body: 'Law 80/2015/QH13 Art. 151' });
  });

  it('the review queue of the 2021 amendment: the amended resolution, its detailing decision, the decision resting on it', () => {
    const queue = graph.reviewQueue({ kind: 'document', document: '01/2019/NQ-HĐND', event: 'amended', date: '2021-12-20', by: '05/2021/NQ-HĐND' });
    expect(queue.map((x) => [x.document, x.reason])).toEqual([
      ['01/2019/NQ-HĐND', 'changed'],
      ['02/2019/QĐ-UBND', 'details'],
      ['03/2020/QĐ-UBND', 'basedOn'],
    ]);
    // the tier's end: the 8 district documents in force on 30/06/2025 (03/2020 was replaced on 11/09/2023)
    expect(graph.reviewQueue({ kind: 'restructuring', level: 'district', date: '2025-07-01' })).toHaveLength(8);
  });

  it('the 2019-2023 systematisation lists, as the office published them', () => {
    const s = graph.systematisation('2023-12-31');
    expect(s.cycle).toMatchObject({ from: '2019-01-01', cutOff: '2023-12-31' });
    expect(s.expiredOrSuspended).toEqual(['03/2020/QĐ-UBND']);
    expect(s.partly).toEqual(['01/2019/NQ-HĐND']); // article 3 amended
    expect(s.inForce).toEqual(['01/2019/NQ-HĐND', '02/2019/QĐ-UBND', '04/2021/QĐ-UBND', '05/2021/NQ-HĐND', '06/2022/QĐ-UBND', '07/2023/QĐ-UBND']);
    expect(register.systematisations[0]!.lists!.inForce).toEqual(s.inForce);
    expect(graph.validityOn('01/2019/NQ-HĐND', '2023-12-31')).toMatchObject({ state: 'partlyExpired', expiredArticles: ['3'] });
  });

  it('field-2 metrics of the district', async () => {
    const par = createPar({ plugins: [createLegalReviewPlugin(options)] });
    const value = async (period: string) => Object.fromEntries((await par.computeMetrics({ unitIds: ['d109'], period, now })).metrics.map((m) => [m.metricId, m.value]));
    expect(await value('2022')).toEqual({
      'legal.issuingCompliance': 100,
      'legal.selfInspectedShare': 100,
      'legal.reviewPlanDone': true,
      'legal.reviewQueueCleared': true,
      'legal.monitoringPlanIssued': true,
      'legal.monitoringPlanCompletion': 90, // 9 of 10
    });
    // 2021: 04/2021 breaks LEG-02, 05/2021 does not (1/2 = 50%); the 2021 amendment's dependants still unreviewed
    expect(await value('2021')).toMatchObject({ 'legal.issuingCompliance': 50, 'legal.reviewQueueCleared': false, 'legal.reviewPlanDone': false });
  });
});
