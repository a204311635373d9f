// The illustrative 2022 registers of the Office and two communes (data/e-documents/, written by
// packages/plugin-e-documents/scripts/make-phong-tho-registers.ts) through `@par/plugin-e-documents`, end to end:
// the September 2022 notice registered as outgoing at the Office and as incoming at each unit, linked to the
// assignments it created, and the three planted defects found. Expected counts follow from the construction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignmentsOf, createPar, evaluateRule, findingToDirectiveItem, toMicro, type ScoringRule } from '@par/core';
import { createEDocumentsPlugin, EDocumentsOptionsSchema, type EDocumentsOptions } from '@par/plugin-e-documents';
import { loadPhongTho } from '../src/load.js';

const options = JSON.parse(readFileSync(new URL('../data/e-documents/registers-2022-illustrative.json', import.meta.url), 'utf8')) as EDocumentsOptions;
const UNITS = ['d109-vp', 'c03589', 'c03583'];
const NOTICE = 'phong-tho-tb-2022-09-07';
const now = Date.parse('2023-01-10T09:00:00+07:00');
const par = createPar({ plugins: [createEDocumentsPlugin(options)] });

describe('the illustrative Phong Thổ registers of 2022', () => {
  it('are valid plugin options, every unit marked illustrative', () => {
    const parsed = EDocumentsOptionsSchema.parse(options);
    expect(parsed.units.map((u) => [u.unitId, u.illustrative])).toEqual(UNITS.map((u) => [u, true]));
  });

  it('register the notice as outgoing at the Office and as incoming at each unit, with the items the notice assigned to it', () => {
    const { notice, registry } = loadPhongTho();
    const { assignments } = assignmentsOf(notice, { registry });
    const expected = (unitId: string) => [...new Set(assignments.filter((a) => a.unitId === unitId).map((a) => a.itemLabel))].sort();
    const parsed = EDocumentsOptionsSchema.parse(options);
    expect(parsed.units[0]!.outgoing.filter((d) => d.directiveDocumentId === NOTICE).map((d) => [d.date, d.symbol])).toEqual([['2022-09-07', 'TB-UBND']]);
    for (const u of parsed.units) {
      const links = u.incoming.filter((d) => d.directive?.documentId === NOTICE);
      expect(links.length, u.unitId).toBe(1);
      expect([...links[0]!.directive!.itemLabels].sort(), u.unitId).toEqual(expected(u.unitId));
      expect(parsed.assignments.filter((a) => a.unitId === u.unitId).map((a) => a.itemLabel).sort(), u.unitId).toEqual(expected(u.unitId));
    }
  });

  it('show the three planted defects and nothing else', async () => {
    const findings = await par.runChecks({ unitIds: UNITS, period: '2022', now });
    const late = EDocumentsOptionsSchema.parse(options).units[1]!.incoming.find((d) => d.directive)!;
    expect(findings.map((f) => `${f.unitId} ${f.ruleId} ${f.severity} ${f.subject.kind}:${f.subject.id}${f.dueDate ? ` ${f.dueDate}` : ''}`)).toEqual([
      // the Office's outgoing register skips number 97
      'd109-vp DOC-01 major registerGap:outgoing:UBND-DI/2022',
      // Mường So received the notice on Wednesday 07/09 at 16:30 and handed it over on Friday 09/09: due Thursday 08/09
      `c03589 DOC-05 major handOver:DEN/2022/${late.number} 2022-09-08`,
      // Khổng Lào's number 17 has no signer's signature: DOC-08 is unconfirmed, so minor
      'c03583 DOC-08 minor signatures:DI/2022/17',
    ]);
    expect(findings[0]!.message.vi).toBe('Sổ văn bản đi UBND-DI năm 2022 thiếu số: 97');
    // the late hand-over becomes Mường So's corrective task: 10 working days from Tuesday 10/01/2023 are
    // 11, 12, 13, 16, 17, 18, 19/01, then Tết (20-26/01), then 27, 30, 31/01
    const item = findingToDirectiveItem(findings[1]!, { label: '(1)', foundOn: '2023-01-10' });
    expect([item.lead, item.due]).toEqual([[{ by: 'unit', unitId: 'c03589' }], expect.objectContaining({ kind: 'date', date: '2023-01-31' })]);
  });

  it('give the metrics of criterion 7.1, computed by hand from the construction', async () => {
    const { metrics, errors } = await par.computeMetrics({ unitIds: UNITS, period: '2022', now });
    expect(errors).toEqual([]);
    const of = (unitId: string) => Object.fromEntries(metrics.filter((m) => m.unitId === unitId).map((m) => [m.metricId, m.value]));
    // Office: outgoing 150 (1-151 without 97), paper the 12 multiples of 12 (60 and 120 classified): 148 not
    // classified, 138 electronic; incoming 200, paper the 25 multiples of 8: 175 electronic.
    // exchange (138 + 175) / (148 + 200) = 313 / 348 = 89.942...%; signed 138 / 148 = 93.243...%;
    // 2022 work files: 9 of 12 online (not 4, 8, 12); the 5 assignments all came electronically
    expect(of('d109-vp')).toEqual({ 'eDocuments.electronicExchangeRate': 89.94, 'eDocuments.digitalSignatureRate': 93.24, 'eDocuments.onlineWorkFileRate': 75, 'eDocuments.assignmentsReceivedElectronically': 100 });
    // Mường So: outgoing 40, 8 on paper; incoming 100, 10 on paper (the notice is no multiple of 10):
    // (32 + 90) / 140 = 87.142...%; signed 32 / 40 = 80%; 4 of 5 files online
    expect(of('c03589')).toEqual({ 'eDocuments.electronicExchangeRate': 87.14, 'eDocuments.digitalSignatureRate': 80, 'eDocuments.onlineWorkFileRate': 80, 'eDocuments.assignmentsReceivedElectronically': 100 });
    // Khổng Lào: outgoing 30, 5 on paper, number 17 unsigned; incoming 80, 8 on paper:
    // (25 + 72) / 110 = 88.181...%; signed 24 / 30 = 80%; 4 of 4 files online
    expect(of('c03583')).toEqual({ 'eDocuments.electronicExchangeRate': 88.18, 'eDocuments.digitalSignatureRate': 80, 'eDocuments.onlineWorkFileRate': 100, 'eDocuments.assignmentsReceivedElectronically': 100 });
  });

  it('score the Office on the 7.1 fragment: 100% full, from 90% half, below nothing', async () => {
    const [fragment] = createEDocumentsPlugin(options).frameworkFragments!;
    expect([fragment!.code, fragment!.maxPoints, fragment!.children!.map((c) => [c.code, c.maxPoints, c.metric!.metricId])]).toEqual([
      '7.1',
      2.75, // as the illustrative district framework's 7.1
      [
        ['7.1.1', 1, 'eDocuments.electronicExchangeRate'],
        ['7.1.2', 1, 'eDocuments.digitalSignatureRate'],
        ['7.1.3', 0.75, 'eDocuments.onlineWorkFileRate'],
      ],
    ]);
    // 89.94 -> 0; 93.24 -> half of 1 = 0.5; 75 -> 0: 0.5 of 2.75
    const values = [89.94, 93.24, 75];
    const points = fragment!.children!.map((c, i) => evaluateRule(c.rule as ScoringRule, toMicro(c.maxPoints), values[i]!).micro);
    expect(points).toEqual([0, 500_000, 0]);
  });
});
