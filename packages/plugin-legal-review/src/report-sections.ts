import { periodRange, type CivilDate } from '@par/calendar';
import type { PluginReportSection, ReportSectionContent } from '@par/core';
import { reviewStatus, triggerText, type CheckEnv } from './checks.js';

/** `31/12/2022` from `2022-12-31`. */
const dmy = (date: CivilDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The plugin's report section `review`: for each register kept or owned by a unit of the report, as of the end of
 * the report's period (or its reference date, if earlier): the review obligations of its own documents (LEG-10 to
 * LEG-12) that arose in the period or were still open at its start, with why, when, the due date and the day met;
 * and the four systematisation lists of LEG-17 on that date, with the cycle it falls in (LEG-16). Cells are in
 * Vietnamese, as the register. Nothing when no register belongs to a unit of the report.
 */
export function legalReviewReportSections(envsOn: (referenceDate: CivilDate) => readonly CheckEnv[]): readonly PluginReportSection[] {
  return [
    {
      id: 'review',
      title: { vi: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật', en: 'Review and systematisation of legal documents' },
      compute: (context): ReportSectionContent | undefined => {
        const { start, end: periodEnd } = periodRange(context.period);
        const end = periodEnd < context.referenceDate ? periodEnd : context.referenceDate;
        const mine = envsOn(end).filter(({ register: r }) => context.unitIds.includes(r.unitId) || (r.keeperUnitId !== undefined && context.unitIds.includes(r.keeperUnitId)));
        if (mine.length === 0) return undefined;
        return {
          notes: [{ vi: `Số liệu đến ngày ${dmy(end)}.`, en: `As of ${dmy(end)}.` }],
          tables: mine.flatMap((env) => {
            const { register } = env;
            const queue = env.graph.reviewObligations(end).flatMap((item) => {
              const status = reviewStatus(env, item);
              if (!status || (item.obligationArose < start && status.doneOn !== undefined && status.doneOn < start)) return [];
              const trigger = triggerText(item).vi;
              return [[item.document, item.dependsOn ? `căn cứ ${item.dependsOn}, do ${trigger}` : trigger, dmy(item.obligationArose), dmy(status.due), status.doneOn ? dmy(status.doneOn) : null]];
            });
            const s = env.graph.systematisation(end);
            const list = (name: string, documents: readonly string[]) => [name, String(documents.length), documents.join(', ')];
            return [
              {
                title: { vi: `${register.unitId}: văn bản phải rà soát (LEG-10 đến LEG-12)`, en: `${register.unitId}: documents to review (LEG-10 to LEG-12)` },
                columns: [
                  { label: { vi: 'Văn bản', en: 'Document' } },
                  { label: { vi: 'Căn cứ rà soát', en: 'Trigger' } },
                  { label: { vi: 'Phát sinh', en: 'Arose' } },
                  { label: { vi: 'Hạn', en: 'Due' } },
                  { label: { vi: 'Đã rà soát', en: 'Reviewed' } },
                ],
                rows: queue,
              },
              {
                title: { vi: `${register.unitId}: hệ thống hóa tại ${dmy(end)} (kỳ ${dmy(s.cycle.from)} - ${dmy(s.cycle.cutOff)})`, en: `${register.unitId}: systematisation at ${dmy(end)} (cycle ${dmy(s.cycle.from)} - ${dmy(s.cycle.cutOff)})` },
                columns: [{ label: { vi: 'Danh mục', en: 'List' } }, { label: { vi: 'Số văn bản', en: 'Documents' }, numeric: true }, { label: { vi: 'Văn bản', en: 'Numbers' } }],
                rows: [
                  list('Hết hiệu lực, ngưng hiệu lực toàn bộ', s.expiredOrSuspended),
                  list('Hết hiệu lực, ngưng hiệu lực một phần', s.partly),
                  list('Còn hiệu lực', s.inForce),
                  list('Cần đình chỉ, sửa đổi, thay thế, bãi bỏ, ban hành mới', s.needingAction),
                ],
              },
            ];
          }),
        };
      },
    },
  ];
}
