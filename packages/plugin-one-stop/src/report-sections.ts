import type { PluginReportSection, ReportSectionContent } from '@par/core';
import type { Appointment } from './appointment.js';
import { ratesOf, sumCounts, tallyDossiers, type DossierCounts, type Rate } from './figures.js';
import type { DossierRecord, OneStopConfig, Procedure, ProcessingTime } from './records.js';

/** What the section reads: the dossiers by unit, the catalogue and the appointment clock of the plugin. */
export interface OneStopReportEnv {
  readonly dossiersOf: (unitId: string) => readonly DossierRecord[];
  readonly procedures: ReadonlyMap<string, Procedure>;
  readonly appoint: (time: ProcessingTime, receivedMs: number) => Appointment;
  readonly config: OneStopConfig;
}

const pct = (r: Rate) => r.percent?.toFixed(2) ?? null;
/** `31/12/2022` from `2022-12-31`. */
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** One row of the table: the counts and rates of a unit, or of all of them. */
const row = (label: string, c: DossierCounts) => {
  const r = ratesOf(c);
  return [label, String(c.received), String(c.due), String(c.early + c.onTime), String(c.late), String(c.late - c.lateWithApology), pct(r.onTimeRate), pct(r.onlineShare)];
};

/**
 * The plugin's report section `on-time`: for the units of the report with dossiers in the period, as of `now`, each
 * unit's dossiers received, results due, early or on time, late, late without an apology, the on-time rate (OSS-16)
 * and the online share, and the same for all of them; percentages rounded half up to 0.01. Nothing when no unit of
 * the report has a dossier in the period.
 */
export function oneStopReportSections(env: OneStopReportEnv): readonly PluginReportSection[] {
  return [
    {
      id: 'on-time',
      title: { vi: 'Giải quyết hồ sơ thủ tục hành chính', en: 'Administrative-procedure dossiers' },
      compute: (context): ReportSectionContent | undefined => {
        const dossiers = context.unitIds.flatMap((u) => env.dossiersOf(u));
        const rows = tallyDossiers(dossiers, env.procedures, env.appoint, { period: context.period, nowMs: context.now.getTime(), groupBy: ['unit'], config: env.config });
        if (rows.length === 0) return undefined;
        return {
          notes: [{ vi: `Kỳ ${context.period}, số liệu đến ${dmy(context.referenceDate)}; đúng hạn so với ngày hẹn ban đầu (OSS-10, OSS-16).`, en: `Period ${context.period}, figures up to ${dmy(context.referenceDate)}; on time against the original appointment (OSS-10, OSS-16).` }],
          tables: [
            {
              title: { vi: 'Hồ sơ giải quyết trước và đúng hạn theo đơn vị', en: 'Dossiers resolved on time by unit' },
              columns: [
                { label: { vi: 'Đơn vị', en: 'Unit' } },
                { label: { vi: 'Tiếp nhận', en: 'Received' }, numeric: true },
                { label: { vi: 'Đến hạn', en: 'Due' }, numeric: true },
                { label: { vi: 'Trước và đúng hạn', en: 'Early or on time' }, numeric: true },
                { label: { vi: 'Quá hạn', en: 'Late' }, numeric: true },
                { label: { vi: 'Quá hạn chưa xin lỗi', en: 'Late, no apology' }, numeric: true },
                { label: { vi: 'Tỷ lệ đúng hạn (%)', en: 'On time (%)' }, numeric: true },
                { label: { vi: 'Trực tuyến (%)', en: 'Online (%)' }, numeric: true },
              ],
              rows: [...rows.map((r) => row(r.key.unit!, r.counts)), row(`Tổng cộng / Total (${rows.length})`, sumCounts(rows))],
            },
          ],
        };
      },
    },
  ];
}
