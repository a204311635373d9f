import type { PluginReportSection, ReportSectionContent } from '@par/core';
import { disbursementCurves, rankUnitsByRate } from './analysis.js';
import { cutOffsOf } from './disbursement.js';
import { formatDong } from './money.js';
import type { FinanceConfig } from './records.js';

/** `31/03/2022` from `2022-03-31`. */
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The plugin's report section `disbursement-curves`: for the plan year of the report's period (its first four
 * digits), each unit's cumulative disbursement rate at every month-end passed and 31/01 of the next year, against
 * the year's target path (FIN-04, FIN-05), as a line chart; and a table of each unit's plan, amount disbursed, rate,
 * rank and projected year-end rate with its range. Rates are divided by the options' `denominator`; amounts are
 * printed exactly. Nothing when no unit of the report has a plan that year.
 */
export function financeReportSections(config: FinanceConfig): readonly PluginReportSection[] {
  return [
    {
      id: 'disbursement-curves',
      title: { vi: 'Giải ngân vốn đầu tư công', en: 'Public-investment disbursement' },
      compute: (context): ReportSectionContent | undefined => {
        const args = { planYear: Number(context.period.slice(0, 4)), referenceDate: context.referenceDate, unitIds: [...context.unitIds] };
        const curves = disbursementCurves(config, args);
        if (curves.length === 0) return undefined;
        const ranks = new Map(rankUnitsByRate(config, args).map((r) => [r.unitId, r.rank]));
        const cuts = cutOffsOf(args.planYear);
        const plan = config.denominator === 'primeMinister' ? { vi: 'kế hoạch Thủ tướng Chính phủ giao', en: "the Prime Minister's plan" } : { vi: 'kế hoạch địa phương giao', en: "the locality's plan" };
        const targets = curves[0]!.targetPath;
        const last = (c: (typeof curves)[number]) => c.points.at(-1);
        return {
          notes: [{ vi: `Năm kế hoạch ${args.planYear}, số liệu đến ${dmy(context.referenceDate)}; tỷ lệ tính trên ${plan.vi} (FIN-04).`, en: `Plan year ${args.planYear}, figures up to ${dmy(context.referenceDate)}; rates over ${plan.en} (FIN-04).` }],
          charts: [
            {
              title: { vi: 'Tỷ lệ giải ngân lũy kế theo tháng (%)', en: 'Cumulative disbursement rate by month (%)' },
              kind: 'line',
              unit: '%',
              categories: cuts.map(dmy),
              series: [
                ...curves.map((c) => ({ name: { vi: c.unitId }, unitId: c.unitId, values: cuts.map((_, i) => (c.points[i] ? Number(c.points[i]!.ratePercent) : null)) })),
                ...(targets.length > 0 ? [{ name: { vi: 'Mục tiêu (FIN-05)', en: 'Target (FIN-05)' }, dashed: true, values: cuts.map((cut) => { const t = targets.find((x) => x.cutOff === cut); return t ? Number(t.percent) : null; }) }] : []),
              ],
            },
          ],
          tables: [
            {
              title: { vi: 'Tỷ lệ giải ngân theo đơn vị', en: 'Disbursement rate by unit' },
              columns: [
                { label: { vi: 'Hạng', en: 'Rank' }, numeric: true },
                { label: { vi: 'Đơn vị', en: 'Unit' }, unit: true },
                { label: { vi: 'Kế hoạch vốn (đồng)', en: 'Plan (đồng)' }, numeric: true },
                { label: { vi: 'Đã giải ngân (đồng)', en: 'Disbursed (đồng)' }, numeric: true },
                { label: { vi: 'Đến ngày', en: 'Up to' } },
                { label: { vi: 'Tỷ lệ (%)', en: 'Rate (%)' }, numeric: true },
                { label: { vi: 'Dự báo 31/01 (%)', en: 'Projected 31/01 (%)' }, numeric: true },
              ],
              rows: [...curves]
                .sort((a, b) => (ranks.get(a.unitId) ?? 0) - (ranks.get(b.unitId) ?? 0) || (a.unitId < b.unitId ? -1 : 1))
                .map((c) => [
                  ranks.has(c.unitId) ? String(ranks.get(c.unitId)) : null,
                  c.unitId,
                  c.planText,
                  last(c) ? formatDong(last(c)!.disbursed) : null,
                  last(c) ? dmy(last(c)!.cutOff) : null,
                  last(c)?.ratePercent ?? null,
                  c.projection ? `${c.projection.percent} (${c.projection.low}–${c.projection.high})` : null,
                ]),
            },
          ],
        };
      },
    },
  ];
}
