import { labelText, figureFormat, resultsToCsv } from '@par/core';
import type { CommandContext, Workspace } from '@par/cli';
import ExcelJS from 'exceljs';
import { csrfField, html, layout, type Html } from '../html.js';
import type { RequestView } from '../request-view.js';
import { periodEnd, type ReadModel } from '../read-model.js';

/** Upload limits: a filled sheet is some tens of kilobytes; 5 MB leaves room for notes and evidence titles. */
export const UPLOAD_LIMITS = { maxBytes: 5 * 1024 * 1024, extensions: ['.xlsx', '.ods'] } as const;

/** A problem of an uploaded sheet, at its cell. */
export interface UploadProblem {
  readonly cell: string;
  readonly message: string;
}

/** The upload form, and the problems of the last attempt, each at its cell. */
export function uploadPage(v: RequestView, problems: readonly UploadProblem[] = [], fileName?: string): Html {
  const { p } = v;
  const { t } = p;
  return layout(
    p,
    t('Nộp bảng tự đánh giá', 'Upload a self-assessment sheet'),
    html`${problems.length
      ? html`<section class="problems" role="alert"><h2>${t(`${fileName ?? 'Tệp'} có ${problems.length} lỗi, chưa lưu gì`, `${fileName ?? 'The file'} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved`)}</h2>
        <ul>${problems.map((x) => html`<li><strong class="cell">${x.cell}</strong>: ${x.message}</li>`)}</ul></section>`
      : ''}
    <p>${t('Tải mẫu về (trang Tải về), điền các cột màu vàng, lưu dạng .xlsx hoặc .ods rồi nộp tại đây. Mỗi lỗi được chỉ ra tại ô của nó; bản đạt yêu cầu được lưu làm bản nháp và xếp hạng ngay.', 'Download the template (Downloads page), fill the yellow columns, save as .xlsx or .ods and upload it here. Every problem is shown at its cell; a good sheet is saved as a draft and ranked at once.')}</p>
    <form method="post" action="/upload" enctype="multipart/form-data" class="stack">${csrfField(p)}
      <label for="sheet">${t('Tệp bảng tính (.xlsx, .ods, tối đa 5 MB)', 'Spreadsheet (.xlsx, .ods, at most 5 MB)')}</label>
      <input id="sheet" name="sheet" type="file" accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" required>
      <button type="submit">${t('Nộp', 'Upload')}</button></form>`,
  );
}

/** The downloads the actor may take: a template for a unit it may self-assess, the report, CSV and XLSX of a period. */
export function downloadsPage(v: RequestView): Html {
  const { p, model } = v;
  const { t } = p;
  const periods = model.periods();
  const own = v.allowed('assessment.self', v.actor.unitId);
  const next = periods[0] && /^\d{4}$/.test(periods[0]) ? String(Number(periods[0]) + 1) : undefined;
  return layout(
    p,
    t('Tải về', 'Downloads'),
    html`${own && next ? html`<h2>${t('Mẫu tự đánh giá', 'Self-assessment template')}</h2><p><a href="/downloads/template?period=${next}">${t(`Mẫu năm ${next} của ${p.unitName(v.actor.unitId)} (.xlsx)`, `${next} template of ${p.unitName(v.actor.unitId)} (.xlsx)`)}</a></p>` : ''}
    <h2>${t('Kết quả', 'Results')}</h2>
    <ul>${periods.map(
      (x) => html`<li>${x}: <a href="/downloads/results.csv?period=${x}">CSV</a> · <a href="/downloads/results.xlsx?period=${x}">XLSX</a> · <a href="/downloads/report?period=${x}">${t('Báo cáo HTML', 'HTML report')}</a></li>`,
    )}</ul>`,
  );
}

/** Whether every result of the period shows to the actor (published, or a unit it may read): the condition of the file downloads. */
export function wholePeriodVisible(v: RequestView, period: string): boolean {
  const scored = v.model.score(period);
  return scored !== undefined && scored.rows.every((r) => r.status === 'published' || v.readable.has(r.unitId));
}

/** The period's results as CSV (`resultsToCsv` of `@par/core`, fields included, units by name). */
export function resultsCsv(v: RequestView, period: string): string {
  const scored = v.model.score(period)!;
  return resultsToCsv(scored.framework, scored.results, { lang: v.p.lang, fields: true, unitName: (id) => v.p.unitName(id, periodEnd(period)) });
}

/** The period's results as an XLSX workbook: rank, unit, points, applicable maximum, index, band. */
export async function resultsXlsx(v: RequestView, period: string): Promise<Buffer> {
  const { t } = v.p;
  const scored = v.model.score(period)!;
  const f = figureFormat(scored.framework.rounding);
  const bands = new Map(scored.framework.bands.map((b) => [b.id, labelText(b.label, v.p.lang)]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('Kết quả', 'Results'));
  ws.addRow([t('Hạng', 'Rank'), t('Đơn vị', 'Unit'), t('Điểm đạt', 'Final points'), t('Điểm tối đa phát sinh', 'Applicable maximum'), t('Chỉ số (%)', 'Index (%)'), t('Xếp loại', 'Band')]).font = { bold: true };
  for (const r of scored.results.results) {
    const index = f.index(r.points.final, r.points.applicableMax);
    const row = ws.addRow([r.rank, v.p.unitName(r.unitId, periodEnd(period)), Number(f.points(r.points.final)), Number(f.points(r.points.applicableMax)), index === null ? null : Number(index), bands.get(r.band ?? '') ?? '']);
    row.getCell(3).numFmt = f.pointsNumFmt;
    row.getCell(4).numFmt = f.pointsNumFmt;
    row.getCell(5).numFmt = f.percentNumFmt;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The read model as the `par` command's workspace, for `@par/cli`'s template writer, sheet reader and HTML report
 * (they read the registry, frameworks, assessments by period, directives, logs and the plugin host).
 */
export function cliContext(model: ReadModel, lang: 'vi' | 'en', dir: string): CommandContext {
  const assessments = new Map(model.periods().map((x) => [x, model.score(x)?.results.results.map((r) => model.assessment(r.unitId, x)!) ?? []]));
  const ws: Workspace = {
    dir,
    registry: model.registry,
    frameworks: model.frameworks,
    assessments,
    directives: model.directives,
    logs: model.logs(),
    pluginNames: model.par.plugins.map((x) => x.name),
    par: model.par,
  };
  return { ws, lang, json: false, out: () => undefined };
}
