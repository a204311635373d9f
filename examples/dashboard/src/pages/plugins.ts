import { labelText, type ComputedReportSection, type Finding } from '@par/core';
import { periodRange, toVietnamTime } from '@par/calendar';
import { seriesChart } from '../charts.js';
import { html, layout, raw, scrollTable, type Html } from '../html.js';
import { SEVERITIES, SEVERITY_NAMES } from '../i18n.js';
import type { RequestView } from '../request-view.js';

/** The period the plugin pages show: the year asked for, else the last full year before today (the figures a year's index uses). */
function pluginPeriod(v: RequestView, query: URLSearchParams): string {
  const asked = query.get('period') ?? '';
  return /^\d{4}$/.test(asked) ? asked : String(Number(toVietnamTime(v.now).date.slice(0, 4)) - 1);
}

/** The units a plugin run covers for this actor: those it may read that existed on some day of the period up to now. */
function runUnits(v: RequestView, period: string): string[] {
  const { start, end } = periodRange(period);
  const today = toVietnamTime(v.now).date;
  const last = today < end ? today : end;
  return v.model.registry.units.filter((u) => v.readable.has(u.id) && u.validFrom <= last && (u.validTo === undefined || u.validTo >= start)).map((u) => u.id);
}

const caches = new WeakMap<object, Map<string, Promise<unknown>>>();
/** Runs plugins once per dashboard and (what, period, units, day): checks and sections are pure functions of those. */
function cached<T>(v: RequestView, key: unknown[], run: () => Promise<T>): Promise<T> {
  let cache = caches.get(v.model);
  if (!cache) caches.set(v.model, (cache = new Map()));
  const k = JSON.stringify(key);
  if (!cache.has(k)) {
    if (cache.size > 200) cache.clear();
    cache.set(k, run());
  }
  return cache.get(k) as Promise<T>;
}

const periodForm = (v: RequestView, action: string, period: string): Html =>
  html`<form method="get" action="${action}" class="filters"><label for="period">${v.p.t('Kỳ', 'Period')}</label><input id="period" name="period" value="${period}" size="6" inputmode="numeric"><button type="submit">${v.p.t('Xem', 'Show')}</button></form>`;

/** The plugins' findings on the units the actor may read, by severity, each with its legal bases and due date. */
export async function findingsPage(v: RequestView, query: URLSearchParams): Promise<Html> {
  const { p } = v;
  const { t } = p;
  const period = pluginPeriod(v, query);
  const unitIds = runUnits(v, period);
  const day = toVietnamTime(v.now).date;
  const findings = unitIds.length ? await cached(v, ['findings', period, unitIds, day], () => v.model.par.runChecks({ unitIds, period, now: v.now })) : ([] as Finding[]);
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as const).filter(([, list]) => list.length > 0);
  return layout(
    p,
    t('Phát hiện của các phân hệ', 'Plugin findings'),
    html`${periodForm(v, '/findings', period)}
    <p>${findings.length} ${t('phát hiện', 'findings')}: ${bySeverity.map(([s, list]) => html`<span class="sev sev-${s}">${SEVERITY_NAMES[p.lang][s]} ${list.length}</span> `)}</p>
    ${bySeverity.map(
      ([s, list]) => html`<h2 class="sev-${s}">${SEVERITY_NAMES[p.lang][s]} (${list.length})</h2>
      ${scrollTable(SEVERITY_NAMES[p.lang][s]!, html`<table><thead><tr><th scope="col">${t('Đơn vị', 'Unit')}</th><th scope="col">${t('Phát hiện', 'Finding')}</th><th scope="col">${t('Căn cứ pháp lý', 'Legal basis')}</th><th scope="col">${t('Hạn khắc phục', 'Due')}</th></tr></thead>
        <tbody>${list.map(
          (f) => html`<tr><td>${p.unitName(f.unitId, day)}</td><td>${f.message[p.lang] ?? f.message.vi}<br><small>${f.plugin} · ${f.checkId}</small></td>
          <td><ul>${f.legalBasis.map((b) => html`<li>${b.document}${b.article ? html`, ${b.article}` : ''} <small>(${b.verification})</small></li>`)}</ul></td><td>${f.dueDate ?? ''}</td></tr>`,
        )}</tbody></table>`)}`,
    )}`,
  );
}

/** A report section as HTML: notes, tables (unit columns as names) and charts. */
function sectionHtml(v: RequestView, s: ComputedReportSection): Html {
  const { p } = v;
  const text = (l: { vi: string; en?: string | undefined }) => labelText(l, p.lang);
  return html`<section><h2>${text(s.title)}</h2>
    ${(s.content.notes ?? []).map((n) => html`<p>${text(n)}</p>`)}
    ${(s.content.tables ?? []).map((tb) =>
      scrollTable(
        text(tb.title),
        html`<table><caption>${text(tb.title)}</caption><thead><tr>${tb.columns.map((c) => html`<th scope="col"${c.numeric ? raw(' class="n"') : ''}>${text(c.label)}</th>`)}</tr></thead>
        <tbody>${tb.rows.map((r) => html`<tr>${r.map((cell, i) => html`<td${tb.columns[i]?.numeric ? raw(' class="n"') : ''}>${cell === null ? '' : tb.columns[i]?.unit ? p.unitName(cell) : cell}</td>`)}</tr>`)}</tbody></table>`,
      ),
    )}
    ${(s.content.charts ?? []).map((c) => seriesChart(text(c.title), c.kind, c.categories, c.series.map((x) => ({ name: x.unitId ? p.unitName(x.unitId) : text(x.name), values: x.values })), c.unit ?? ''))}
  </section>`;
}

/** The plugins' report sections for the units the actor may read: finance disbursement curves, one-stop figures, and the others. */
export async function figuresPage(v: RequestView, query: URLSearchParams): Promise<Html> {
  const { p } = v;
  const { t } = p;
  const period = pluginPeriod(v, query);
  const unitIds = runUnits(v, period);
  const day = toVietnamTime(v.now).date;
  const { sections, errors } = unitIds.length ? await cached(v, ['sections', period, unitIds, day], () => v.model.par.reportSections({ unitIds, period, now: v.now })) : { sections: [], errors: [] };
  return layout(
    p,
    t('Tài chính, một cửa và các phân hệ', 'Finance, one-stop and the other plugins'),
    html`${periodForm(v, '/figures', period)}
    ${sections.length === 0 ? html`<p>${t('Không có số liệu nào cho các đơn vị bạn được xem.', 'No figures for the units you may read.')}</p>` : ''}
    ${sections.map((s) => sectionHtml(v, s))}
    ${errors.map((e) => html`<p class="notice">${e.plugin}/${e.id}: ${e.problem}</p>`)}`,
  );
}
