import { periodRange, type Calendar } from '@par/calendar';
import type { PluginReportSection, ReportSectionContent } from '@par/core';
import { percent } from './metrics.js';
import { parseClericalRecords, type EDocumentsConfig } from './records.js';
import { summariseRegisters } from './summary.js';

const KIND = { outgoing: { vi: 'đi', en: 'outgoing' }, incoming: { vi: 'đến', en: 'incoming' } } as const;
const rate = (part: number, whole: number) => percent(part, whole)?.toFixed(2) ?? null;
/** `31/12/2022` from `2022-12-31`. */
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The plugin's report section `registers`: for the units of the report with records and the report's period (up to
 * its reference date), a table of each unit's criterion 7.1 shares as counted (non-classified documents exchanged
 * electronically, non-classified outgoing documents signed digitally: numerator, denominator, percentage rounded
 * half up to 0.01) and a table of each register's year: entries, numbers missing and numbers used twice (DOC-01,
 * DOC-03), from {@link summariseRegisters}. Nothing when no unit of the report has records.
 */
export function eDocumentsReportSections(config: EDocumentsConfig, calendar: Calendar): readonly PluginReportSection[] {
  return [
    {
      id: 'registers',
      title: { vi: 'Văn bản điện tử, chữ ký số và sổ đăng ký văn bản', en: 'Electronic documents, digital signatures and document registers' },
      compute: (context): ReportSectionContent | undefined => {
        const units = config.units.filter((u) => context.unitIds.includes(u.unitId));
        if (units.length === 0) return undefined;
        const { start, end } = periodRange(context.period);
        const { months, registers } = summariseRegisters(units.map(parseClericalRecords), { asOf: context.referenceDate, calendar });
        const inPeriod = months.filter((m) => m.month >= start.slice(0, 7) && m.month <= end.slice(0, 7));
        const years = registers.filter((r) => r.year >= Number(start.slice(0, 4)) && r.year <= Number(end.slice(0, 4)));
        return {
          notes: [{ vi: `Kỳ ${context.period}, số liệu đến ${dmy(context.referenceDate)} (tiêu chí 7.1; DOC-01, DOC-03).`, en: `Period ${context.period}, figures up to ${dmy(context.referenceDate)} (criterion 7.1; DOC-01, DOC-03).` }],
          tables: [
            {
              title: { vi: 'Văn bản điện tử và chữ ký số (trừ văn bản mật)', en: 'Electronic exchange and digital signatures (non-classified documents)' },
              columns: [
                { label: { vi: 'Đơn vị', en: 'Unit' } },
                { label: { vi: 'Văn bản đi và đến', en: 'Outgoing and incoming' }, numeric: true },
                { label: { vi: 'Điện tử', en: 'Electronic' }, numeric: true },
                { label: { vi: 'Tỷ lệ điện tử (%)', en: 'Electronic (%)' }, numeric: true },
                { label: { vi: 'Văn bản đi', en: 'Outgoing' }, numeric: true },
                { label: { vi: 'Ký số', en: 'Digitally signed' }, numeric: true },
                { label: { vi: 'Tỷ lệ ký số (%)', en: 'Signed (%)' }, numeric: true },
              ],
              rows: units.map((u) => {
                const mine = inPeriod.filter((m) => m.unitId === u.unitId);
                const sum = (k: 'nonClassified' | 'electronic' | 'nonClassifiedOutgoing' | 'digitallySigned') => mine.reduce((n, m) => n + m[k], 0);
                const [docs, electronic, outgoing, signed] = [sum('nonClassified'), sum('electronic'), sum('nonClassifiedOutgoing'), sum('digitallySigned')];
                return [u.unitId, String(docs), String(electronic), rate(electronic, docs), String(outgoing), String(signed), rate(signed, outgoing)];
              }),
            },
            {
              title: { vi: 'Sổ đăng ký văn bản: số thiếu, số trùng', en: 'Document registers: numbers missing and used twice' },
              columns: [
                { label: { vi: 'Đơn vị', en: 'Unit' } },
                { label: { vi: 'Sổ', en: 'Register' } },
                { label: { vi: 'Năm', en: 'Year' }, numeric: true },
                { label: { vi: 'Số văn bản', en: 'Entries' }, numeric: true },
                { label: { vi: 'Số thiếu', en: 'Missing' }, numeric: true },
                { label: { vi: 'Số trùng', en: 'Duplicated' }, numeric: true },
              ],
              rows: years.map((r) => [r.unitId, `${r.registerId} (${KIND[r.kind].vi})`, String(r.year), String(r.entries), String(r.gaps), String(r.duplicates)]),
            },
          ],
        };
      },
    },
  ];
}
