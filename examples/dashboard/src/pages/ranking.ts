import { explain, figureFormat, indexFramework, labelText, type Assessment } from '@par/core';
import { barChart, seriesChart } from '../charts.js';
import { csrfField, html, layout, messagePage, pager, raw, scrollTable, type Html } from '../html.js';
import { ASSESSMENT_STATUS } from '../i18n.js';
import type { RequestView } from '../request-view.js';
import { importedLeaves, periodEnd } from '../read-model.js';

/** Rows per page of the ranking and the board. */
export const PAGE_SIZE = 50;

/** A page number from a query parameter, within 1..pages. */
export const pageOf = (value: string | undefined, pages: number) => Math.min(Math.max(1, Number.parseInt(value ?? '1', 10) || 1), Math.max(1, pages));

/** A published result is public; any other result shows only to those the policy lets read the unit. */
const visible = (v: RequestView, row: { unitId: string; status: string }) => row.status === 'published' || v.readable.has(row.unitId);

/** The ranking: rank, points, index, band, change since last year, and the index chart of the page's units. */
export function rankingPage(v: RequestView, query: URLSearchParams): Html {
  const { p, model } = v;
  const { t } = p;
  const periods = model.periods();
  const period = periods.includes(query.get('period') ?? '') ? query.get('period')! : periods.find((x) => model.score(x)?.rows.some((r) => visible(v, r))) ?? periods[0];
  const scored = period === undefined ? undefined : model.score(period);
  if (!scored) return messagePage(p, t('Xếp hạng', 'Ranking'), t('Chưa có kết quả nào.', 'No results yet.'));
  const rows = model.memo(v.readable, JSON.stringify(['ranking', period]), () => scored.rows.filter((r) => visible(v, r)));
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  const page = pageOf(query.get('page') ?? undefined, pages);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const f = figureFormat(scored.framework.rounding);
  const bands = new Map(scored.framework.bands.map((b) => [b.id, labelText(b.label, p.lang)]));
  const changes = model.memo(v.readable, JSON.stringify(['changes', period]), () => new Map(scored.yoy?.rows.map((r) => [r.unitId, r]) ?? []));
  const end = periodEnd(period!);
  const highlight = query.get('unit');
  const saved = query.get('saved') === '1' && highlight ? scored.results.results.find((r) => r.unitId === highlight) : undefined;
  const change = (unitId: string): Html => {
    const c = changes.get(unitId);
    if (!scored.yoy) return html`<span aria-label="${t('không có năm trước', 'no previous year')}">—</span>`;
    if (!c || c.rank.change === null) return html`${c ? labelText(c.summary, p.lang) : ''}`;
    const n = c.rank.change;
    return n > 0 ? html`<span class="up">▲ ${n}</span>` : n < 0 ? html`<span class="down">▼ ${-n}</span>` : html`=`;
  };
  const table = html`<table>
    <caption>${t(`Chỉ số CCHC ${period}`, `PAR index ${period}`)} (${rows.length} ${t('đơn vị', 'units')})</caption>
    <thead><tr><th scope="col">${t('Hạng', 'Rank')}</th><th scope="col">${t('Đơn vị', 'Unit')}</th><th scope="col" class="n">${t('Điểm', 'Points')}</th><th scope="col" class="n">${t('Tối đa', 'Max')}</th><th scope="col" class="n">${t('Chỉ số (%)', 'Index (%)')}</th><th scope="col">${t('Xếp loại', 'Band')}</th><th scope="col">${t('So với năm trước', 'Since last year')}</th></tr></thead>
    <tbody>${shown.map((row) => {
      const r = scored.results.get(row.unitId)!;
      const name = p.unitName(row.unitId, end);
      return html`<tr${row.unitId === highlight ? raw(' class="mark"') : ''}><td>${r.rank ?? '-'}</td>
        <td>${v.readable.has(row.unitId) ? html`<a href="/units/${encodeURIComponent(row.unitId)}?period=${period}">${name}</a>` : name}${row.status === 'published' ? '' : html` <span class="badge">${ASSESSMENT_STATUS[p.lang][row.status]}</span>`}</td>
        <td class="n">${f.points(r.points.final)}</td><td class="n">${f.points(r.points.applicableMax)}</td><td class="n">${f.index(r.points.final, r.points.applicableMax) ?? '-'}</td>
        <td>${bands.get(r.band ?? '') ?? '-'}</td><td>${change(row.unitId)}</td></tr>`;
    })}</tbody></table>`;
  const chart = barChart(
    t(`Chỉ số CCHC ${period} (%)`, `PAR index ${period} (%)`),
    shown.map((row) => {
      const r = scored.results.get(row.unitId)!;
      return { label: p.unitName(row.unitId, end), value: r.indexPercent, text: f.index(r.points.final, r.points.applicableMax) ?? '-' };
    }),
  );
  return layout(
    p,
    t('Xếp hạng Chỉ số CCHC', 'PAR index ranking'),
    html`${saved ? html`<p class="notice ok" role="status">${t(`Đã lưu bản tự đánh giá của ${p.unitName(saved.unitId, end)}: hạng ${saved.rank ?? '-'}/${scored.rows.length}, chỉ số ${f.index(saved.points.final, saved.points.applicableMax) ?? '-'}%.`, `Saved the self-assessment of ${p.unitName(saved.unitId, end)}: rank ${saved.rank ?? '-'} of ${scored.rows.length}, index ${f.index(saved.points.final, saved.points.applicableMax) ?? '-'}%.`)}</p>` : ''}
    <form method="get" action="/ranking" class="filters"><label for="period">${t('Năm', 'Year')}</label>
      <select id="period" name="period" data-autosubmit>${periods.map((x) => html`<option${x === period ? raw(' selected') : ''}>${x}</option>`)}</select>
      <button type="submit">${t('Xem', 'Show')}</button></form>
    ${scrollTable(t('Bảng xếp hạng', 'Ranking table'), table)}
    ${pager(p, '/ranking', new URLSearchParams({ period: period! }), page, pages)}
    ${chart}`,
  );
}

/** What a unit's page offers to do with its assessment, by status and by what the policy allows. */
function assessmentActions(v: RequestView, a: Assessment): Html {
  const { p } = v;
  const { t } = p;
  const may = (action: 'assessment.self' | 'assessment.appraise') => v.allowed(action, a.unitId);
  const button = (action: string, label: string) => html`<form method="post" action="/units/${encodeURIComponent(a.unitId)}/assessment" class="inline">${csrfField(p)}<input type="hidden" name="period" value="${a.period}"><button type="submit" name="action" value="${action}">${label}</button></form>`;
  const out: Html[] = [];
  if (a.status === 'draft' && may('assessment.self')) out.push(button('submit', t('Nộp để thẩm định', 'Submit for appraisal')));
  if (a.status === 'draft' && may('assessment.appraise')) {
    const leaves = importedLeaves(v.model, a);
    if (leaves.length > 0)
      out.push(html`<form method="post" action="/units/${encodeURIComponent(a.unitId)}/assessment" class="stack">${csrfField(p)}<input type="hidden" name="period" value="${a.period}">
      <fieldset><legend>${t('Điểm khảo sát và đánh giá của lãnh đạo', 'Survey and leadership points')}</legend>
      <label for="import-code">${t('Tiêu chí', 'Criterion')}</label><select id="import-code" name="code">${leaves.map((l) => html`<option value="${l.code}">${l.code} ${labelText(l.name, p.lang)} (${t('tối đa', 'max')} ${l.maxPoints})</option>`)}</select>
      <label for="import-points">${t('Điểm', 'Points')}</label><input id="import-points" name="points" inputmode="decimal" required>
      <label for="import-source">${t('Nguồn', 'Source')}</label><input id="import-source" name="source" required>
      <button type="submit" name="action" value="import">${t('Ghi điểm', 'Record the points')}</button></fieldset></form>`);
  }
  if (a.status === 'submitted' && may('assessment.appraise')) out.push(button('startAppraisal', t('Bắt đầu thẩm định', 'Start the appraisal')));
  if ((a.status === 'underAppraisal' || a.status === 'explained') && may('assessment.appraise')) {
    const index = indexFramework(v.model.frameworks.get(a.framework.id)!);
    const codes = a.entries.filter((e) => !e.notApplicable && !e.imported).map((e) => e.code);
    out.push(html`<form method="post" action="/units/${encodeURIComponent(a.unitId)}/assessment" class="stack">${csrfField(p)}<input type="hidden" name="period" value="${a.period}">
      <fieldset><legend>${t('Thẩm định một tiêu chí', 'Appraise a criterion')}</legend>
      <label for="code">${t('Tiêu chí', 'Criterion')}</label><select id="code" name="code">${codes.map((c) => html`<option value="${c}">${c} ${labelText(index.get(c)?.node.name ?? { vi: c }, p.lang)}</option>`)}</select>
      <label for="points">${t('Điểm thẩm định', 'Appraised points')}</label><input id="points" name="points" inputmode="decimal" required>
      <label for="reason">${t('Lý do', 'Reason')}</label><input id="reason" name="reason" required>
      <button type="submit" name="action" value="appraise">${t('Ghi điểm thẩm định', 'Record the points')}</button></fieldset></form>`);
    out.push(button('finishAppraisal', t('Kết thúc thẩm định', 'Finish the appraisal')));
  }
  if (a.status === 'appraised' && may('assessment.appraise')) out.push(button('publish', t('Công bố', 'Publish')));
  return out.length ? html`<section><h2>${t('Thao tác', 'Actions')}</h2>${out}</section>` : html``;
}

const safeLink = (link: string | undefined) => (link && /^https?:\/\//i.test(link) ? link : undefined);

/** A unit's page: where it lost points, with appraisal reasons and evidence; its trend across years and mergers. */
export function unitPage(v: RequestView, unitId: string, query: URLSearchParams): Html {
  const { p, model } = v;
  const { t } = p;
  const unit = model.registry.get(unitId);
  if (!unit) return messagePage(p, t('Không tìm thấy', 'Not found'), t('Không có đơn vị này.', 'No such unit.'));
  if (!v.readable.has(unitId)) return messagePage(p, t('Không được phép', 'Not allowed'), t('Chính sách phân quyền không cho bạn xem dữ liệu của đơn vị này.', 'The policy does not let you read this unit\'s data.'));
  const periods = model.periods().filter((x) => model.assessment(unitId, x));
  const period = periods.includes(query.get('period') ?? '') ? query.get('period')! : periods[0];
  const name = p.unitName(unitId, period ? periodEnd(period) : undefined);
  const lineage = html`${model.registry.predecessorsOf(unitId).map((s) => html`<li>${t('Hình thành từ', 'Formed from')} ${p.unitName(s.unitId)} (${s.via.map((c) => c.date).join(', ')})</li>`)}
    ${model.registry.successorsOf(unitId).map((s) => html`<li>${t('Sáp nhập vào', 'Merged into')} ${p.unitName(s.unitId)} (${s.via.map((c) => c.date).join(', ')})</li>`)}`;
  const trend = trendOf(v, unitId);
  if (!period) return layout(p, name, html`<p>${t('Chưa có bản đánh giá nào.', 'No assessment yet.')}</p><ul>${lineage}</ul>${trend}`);
  const a = model.assessment(unitId, period)!;
  const scored = model.score(period)!;
  const f = figureFormat(scored.framework.rounding);
  const e = explain(scored.framework, scored.results, unitId, { lang: p.lang });
  const r = scored.results.get(unitId);
  const evidence = new Map(a.evidence.map((x) => [x.id, x]));
  const evidenceLinks = (ids: readonly string[]) =>
    ids.map((id) => {
      const doc = evidence.get(id);
      const link = safeLink(doc?.link);
      return html`<li>${link ? html`<a href="${link}" rel="noopener noreferrer">${doc?.title ?? id}</a>` : doc?.title ?? id}${doc?.kind ? html` (${doc.kind})` : ''}</li>`;
    });
  const lost = e?.lostPoints ?? [];
  const table = html`<table><caption>${t('Nơi bị mất điểm, nhiều nhất trước', 'Where points were lost, largest first')}</caption>
    <thead><tr><th scope="col">${t('Mã', 'Code')}</th><th scope="col">${t('Tiêu chí', 'Criterion')}</th><th scope="col" class="n">${t('Mất', 'Lost')}</th><th scope="col" class="n">${t('Tự chấm', 'Self')}</th><th scope="col" class="n">${t('Đạt', 'Final')}</th><th scope="col">${t('Thẩm định, lý do', 'Appraisal and reasons')}</th><th scope="col">${t('Tài liệu kiểm chứng', 'Evidence')}</th></tr></thead>
    <tbody>${lost.map((l) => {
      const entry = a.entries.find((x) => x.code === l.code);
      return html`<tr><td>${l.code}</td><td>${labelText(l.name, p.lang)}</td><td class="n">−${f.points(l.lost)}</td><td class="n">${l.self === undefined ? '-' : f.points(l.self)}</td><td class="n">${f.points(l.final)}</td>
        <td>${l.appraisals.length ? html`<ul>${l.appraisals.map((x) => html`<li>${t('Lần', 'Round')} ${x.round}: ${f.points(x.points)}${x.reason ? html` — ${x.reason}` : ''} (${x.appraiser})</li>`)}</ul>` : ''}${l.explanation ? html`<p>${t('Giải trình', 'Explanation')}: ${l.explanation}</p>` : ''}${l.notApplicableReason ? html`<p>${l.notApplicableReason}</p>` : ''}</td>
        <td>${entry?.self?.evidence.length ? html`<ul>${evidenceLinks(entry.self.evidence)}</ul>` : ''}</td></tr>`;
    })}</tbody></table>`;
  return layout(
    p,
    name,
    html`<form method="get" class="filters"><label for="period">${t('Năm', 'Year')}</label><select id="period" name="period" data-autosubmit>${periods.map((x) => html`<option${x === period ? raw(' selected') : ''}>${x}</option>`)}</select><button type="submit">${t('Xem', 'Show')}</button></form>
    <dl class="facts"><dt>${t('Trạng thái', 'Status')}</dt><dd>${ASSESSMENT_STATUS[p.lang][a.status]}</dd>
      <dt>${t('Hạng', 'Rank')}</dt><dd>${r?.rank ?? '-'}/${scored.rows.length}</dd>
      <dt>${t('Chỉ số', 'Index')}</dt><dd>${r ? `${f.index(r.points.final, r.points.applicableMax) ?? '-'}%` : '-'}</dd>
      <dt>${t('Xếp loại', 'Band')}</dt><dd>${labelText(scored.framework.bands.find((b) => b.id === r?.band)?.label ?? { vi: '-' }, p.lang)}</dd></dl>
    ${assessmentActions(v, a)}
    <h2>${t('Mất điểm theo tiêu chí', 'Lost points by criterion')}</h2>
    ${lost.length ? scrollTable(t('Mất điểm', 'Lost points'), table) : html`<p>${t('Không mất điểm nào.', 'No points lost.')}</p>`}
    ${a.evidence.length ? html`<h2>${t('Tài liệu kiểm chứng', 'Evidence')}</h2><ul>${evidenceLinks(a.evidence.map((x) => x.id))}</ul>` : ''}
    <h2>${t('Qua các năm và các lần sắp xếp', 'Across years and mergers')}</h2><ul>${lineage}</ul>${trend}`,
  );
}

/** The unit's index in each period it (or, before a merger, the units it was formed from) was scored. */
function trendOf(v: RequestView, unitId: string): Html {
  const { p, model } = v;
  const { t } = p;
  const sources = [unitId, ...model.registry.predecessorsOf(unitId).map((s) => s.unitId)];
  const periods = model.periods().filter((x) => /^\d{4}$/.test(x)).sort();
  const series = sources
    .filter((id) => v.readable.has(id) || periods.some((x) => model.assessment(id, x)?.status === 'published'))
    .map((id) => ({ name: p.unitName(id), values: periods.map((x) => model.score(x)?.results.get(id)?.indexPercent ?? null) }))
    .filter((s) => s.values.some((x) => x !== null));
  if (series.length === 0) return html``;
  return seriesChart(t('Chỉ số CCHC qua các năm (%)', 'PAR index by year (%)'), 'line', periods, series, '%');
}
