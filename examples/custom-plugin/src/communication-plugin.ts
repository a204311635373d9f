// A "PAR communication" plugin for seed item (6): the Culture, Sports and Media centre and the district portal
// produce news and reports on PAR. It counts their news items per period and flags a quarter with too few.
// Written only against the public faces of `@par/core` and `@par/calendar`, as an integrator would.
import { z } from 'zod';
import { CivilDateSchema, parseWithSchema, periodRange } from '@par/calendar';
import type { ParPluginV1 } from '@par/core';

/** The plugin's options: its records and its one threshold. */
export const CommunicationOptionsSchema = z.strictObject({
  news: z.array(z.strictObject({ unitId: z.string().min(1), date: CivilDateSchema, title: z.string().min(1), link: z.string().optional() })),
  /**
   * News items expected per quarter: this plugin's own option, set by the host. The notice asks for news and reports
   * on PAR (item (6)) but sets no number, so no legal rule stands behind the quota.
   */
  minPerQuarter: z.int().min(0).default(3),
});

/** Creates the PAR communication plugin. */
export function createCommunicationPlugin(options: z.input<typeof CommunicationOptionsSchema>): ParPluginV1<z.output<typeof CommunicationOptionsSchema>> {
  const o = parseWithSchema('communication plugin options', CommunicationOptionsSchema, options);
  const count = (unitId: string, period: string) => {
    const { start, end } = periodRange(period);
    return o.news.filter((n) => n.unitId === unitId && n.date >= start && n.date <= end).length;
  };
  return {
    specificationVersion: 'v1',
    name: 'par-communication',
    version: '0.1.0',
    configSchema: CommunicationOptionsSchema,
    config: options,
    metricProviders: [
      { metricId: 'communication.newsCount', description: { vi: 'Số tin, bài tuyên truyền CCHC', en: 'PAR news items' }, compute: ({ unitId, period }) => count(unitId, period) },
    ],
    checks: [
      {
        id: 'newsPerQuarter',
        title: { vi: 'Đủ tin, bài tuyên truyền CCHC mỗi quý', en: 'Enough PAR news items each quarter' },
        run: ({ unitId, period, referenceDate }) => {
          // only quarters that are over, within the period asked for
          const year = Number(period.slice(0, 4));
          const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`).filter((q) => periodRange(q).end < referenceDate && periodRange(q).start >= periodRange(period).start && periodRange(q).end <= periodRange(period).end);
          return quarters.flatMap((q) => {
            const n = count(unitId, q);
            return n >= o.minPerQuarter
              ? []
              : [{
                  severity: 'minor' as const,
                  unitId,
                  subject: { kind: 'quarter', id: q },
                  message: {
                    vi: `Quý ${q}: ${n} tin, bài tuyên truyền CCHC, dưới mức ${o.minPerQuarter} do đơn vị tự đặt (minPerQuarter)`,
                    en: `${q}: ${n} PAR news items, below the host's own quota of ${o.minPerQuarter} (minPerQuarter)`,
                  },
                  // the duty to publish is the notice's; the quota is not, so the basis is not a confirmed rule
                  legalBasis: [{
                    document: 'Thông báo kết luận ngày 07/9/2022, mục (6)',
                    title: 'Tin, bài tuyên truyền CCHC; thông báo không quy định số tin mỗi quý',
                    verification: 'unconfirmed' as const,
                  }],
                }];
          });
        },
      },
    ],
  };
}
