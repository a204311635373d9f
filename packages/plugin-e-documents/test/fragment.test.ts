import { describe, expect, it } from 'vitest';
import { computeIndex, createPar, parseAssessment, parseFramework } from '@par/core';
import { createEDocumentsPlugin } from '../src/index.js';
import { at, good, outgoing, type RecordsInput } from './fixture.js';

/** A one-criterion framework around the plugin's fragment, as a province would include it. */
const frameworkWith = (fragment: unknown) =>
  parseFramework({
    id: 'edoc-test',
    version: '1',
    title: { vi: 'Thử', en: 'Test' },
    years: { from: 2022 },
    unitKinds: ['districtDepartment'],
    scale: 2.75,
    channels: [{ id: 'appraised', name: { vi: 'Thẩm định' }, maxPoints: 2.75 }],
    bands: [{ id: 'all', label: { vi: 'Tất cả' }, minPercent: 0 }],
    nodes: [{ code: '7', kind: 'field', name: { vi: 'Chính quyền số' }, maxPoints: 2.75, channel: 'appraised', children: [fragment] }],
  });

describe('the framework fragment for criterion 7.1', () => {
  it('parses into a framework (the parent the exact sum of its children) and scores from the metrics', async () => {
        const records: RecordsInput = { ...good(), outgoing: [outgoing(1, '2022-09-05'), outgoing(2, '2022-09-05'), outgoing(3, '2022-09-05', { signerSignature: undefined })], incoming: [] };
    const plugin = createEDocumentsPlugin({ units: [records] });
    const framework = frameworkWith(plugin.frameworkFragments![0]);
    const { metrics } = await createPar({ plugins: [plugin] }).computeMetrics({ unitIds: ['vp'], period: '2022', now: at('2023-01-05') });
    const assessment = parseAssessment({ unitId: 'vp', framework: { id: 'edoc-test', version: '1' }, period: '2022', entries: [] }, framework);
    const [result] = computeIndex(framework, [assessment], { metrics }).results;
    // exchange 3/3 = 100% -> 1 point; signed 66.67% -> 0; online 50% -> 0: 1 of 2.75, 36.36%
    expect([result!.points.final, result!.points.max, result!.indexPercent]).toEqual([1, 2.75, 36.36]);
  });

  it('takes its code and points from the options, exactly', () => {
    const [f] = createEDocumentsPlugin({ units: [], fragment: { code: '6.2', exchange: 0.3, signed: 0.2, onlineWorkFiles: 0.1 } }).frameworkFragments!;
    expect([f!.code, f!.maxPoints, f!.children!.map((c) => c.code)]).toEqual(['6.2', 0.6, ['6.2.1', '6.2.2', '6.2.3']]); // 0.3 + 0.2 + 0.1 exactly 0.6
  });
});
