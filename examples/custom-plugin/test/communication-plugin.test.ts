import { describe, expect, it } from 'vitest';
import { createPar, ParValidationError } from '@par/core';
import { createCommunicationPlugin } from '../src/communication-plugin.js';

const news = [
  { unitId: 'ttvh', date: '2022-07-05', title: 'Cải cách hành chính tại xã Dào San' },
  { unitId: 'ttvh', date: '2022-08-12', title: 'Dịch vụ công trực tuyến mức độ 4' },
  { unitId: 'ttvh', date: '2022-09-30', title: 'Bưu chính công ích' },
  { unitId: 'ttvh', date: '2022-10-03', title: 'Một cửa liên thông' },
  { unitId: 'portal', date: '2022-11-20', title: 'Chỉ số CCHC 2021' },
];

describe('the PAR communication plugin', () => {
  const par = createPar({ plugins: [createCommunicationPlugin({ news, minPerQuarter: 3 })] });
  const now = Date.parse('2023-01-05T09:00:00+07:00');

  it('counts news items per period as a metric', async () => {
    const { metrics } = await par.computeMetrics({ unitIds: ['ttvh', 'portal'], period: '2022-Q3', now });
    expect(metrics.map((m) => [m.unitId, m.value])).toEqual([['ttvh', 3], ['portal', 0]]);
  });

  it('flags each finished quarter below the threshold, Q3 at 3 items passing at the edge', async () => {
    const findings = await par.runChecks({ unitIds: ['ttvh', 'portal'], period: '2022-H2', now });
    expect(findings.map((f) => `${f.unitId} ${f.message.en}`)).toEqual([
      "ttvh 2022-Q4: 1 PAR news items, below the host's own quota of 3 (minPerQuarter)",
      "portal 2022-Q3: 0 PAR news items, below the host's own quota of 3 (minPerQuarter)",
      "portal 2022-Q4: 1 PAR news items, below the host's own quota of 3 (minPerQuarter)",
    ]);
    // the quota is the plugin's option: the notice's item (6) sets no number, so no finding cites a confirmed rule
    expect(findings.flatMap((f) => f.legalBasis.map((b) => b.verification))).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
    // before Q4 is over, Q4 is not judged
    expect(await par.runChecks({ unitIds: ['ttvh'], period: '2022-H2', now: Date.parse('2022-12-20T09:00:00+07:00') })).toEqual([]);
  });

  it('takes its quota from the host: 1 item a quarter passes Q4 at the edge', async () => {
    const lenient = createPar({ plugins: [createCommunicationPlugin({ news, minPerQuarter: 1 })] });
    // ttvh: Q3 3 items, Q4 1; portal: Q3 0, Q4 1 -> only portal's Q3 is below 1
    const findings = await lenient.runChecks({ unitIds: ['ttvh', 'portal'], period: '2022-H2', now });
    expect(findings.map((f) => `${f.unitId} ${f.subject.id}`)).toEqual(['portal 2022-Q3']);
  });

  it('validates its options', () => {
    expect(() => createCommunicationPlugin({ news: [{ unitId: 'x', date: '2022-13-01', title: '' }] })).toThrow(ParValidationError);
  });
});
