import { periodRange } from '@par/calendar';
import { parseWithSchema } from '@par/calendar';
import type { MetricProvider, ParPluginV1 } from '@par/core';
import { isoChecks } from './checks.js';
import { Iso9001OptionsSchema, type Iso9001Options } from './records.js';

/**
 * The ISO 9001 plugin: checks a unit's QMS records against the rules of TCVN ISO 9001:2015 in state agencies, and
 * computes `iso9001.scopeCoverage` (%), `iso9001.auditDone` and `iso9001.reviewDone` (in the period),
 * `iso9001.openOverdueNonconformities` and `iso9001.overallConformity` (no major or critical finding). The options
 * are validated here and again by `createPar`.
 */
export function createIso9001Plugin(options: Iso9001Options): ParPluginV1<ReturnType<typeof Iso9001OptionsSchema.parse>> {
  const o = parseWithSchema('ISO 9001 plugin options', Iso9001OptionsSchema, options);
  const systems = new Map(o.systems.map((s) => [s.unitId, s]));
  const checks = isoChecks(systems, o);
  const inPeriod = (date: string, period: string) => {
    const { start, end } = periodRange(period);
    return date >= start && date <= end;
  };
  const metric = (metricId: string, vi: string, en: string, compute: MetricProvider['compute']): MetricProvider => ({ metricId, description: { vi, en }, compute });
  const metricProviders: MetricProvider[] = [
    metric('iso9001.scopeCoverage', 'Tỷ lệ TTHC thuộc phạm vi HTQLCL (%)', 'Share of procedures in the QMS scope (%)', ({ unitId }) => {
      const q = systems.get(unitId);
      if (!q || q.handledProcedures.length === 0) return undefined;
      const covered = q.handledProcedures.filter((p) => q.scope.procedures.includes(p.code)).length;
      return Math.round((covered / q.handledProcedures.length) * 10_000) / 100;
    }),
    metric('iso9001.auditDone', 'Có đánh giá nội bộ trong kỳ', 'Internal audit held in the period', ({ unitId, period }) => {
      const q = systems.get(unitId);
      return q && q.audits.some((a) => inPeriod(a.date, period));
    }),
    metric('iso9001.reviewDone', 'Có xem xét của lãnh đạo trong kỳ', 'Management review held in the period', ({ unitId, period }) => {
      const q = systems.get(unitId);
      return q && q.reviews.some((r) => inPeriod(r.date, period));
    }),
    metric('iso9001.openOverdueNonconformities', 'Số điểm không phù hợp có hành động quá hạn', 'Open nonconformities with overdue actions', ({ unitId, referenceDate }) => {
      const q = systems.get(unitId);
      return q && q.nonconformities.filter((nc) => !nc.closedOn && nc.actions.some((a) => !a.doneOn && a.dueDate < referenceDate)).length;
    }),
    metric('iso9001.overallConformity', 'HTQLCL phù hợp (không có phát hiện nghiêm trọng)', 'QMS conforms (no major or critical finding)', (ctx) => {
      if (!systems.has(ctx.unitId)) return undefined;
      return checks.every((c) => c.run(ctx).every((f) => f.severity !== 'major' && f.severity !== 'critical'));
    }),
  ];
  return { specificationVersion: 'v1', name: 'iso9001', version: '0.0.0', configSchema: Iso9001OptionsSchema, config: options, checks, metricProviders };
}
