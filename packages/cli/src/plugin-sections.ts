import { labelText, type ComputedReportSection, type ReportChart, type SectionFailure } from '@par/core';
import { periodEnd, today, unitName, type CommandContext } from './context.js';
import { esc } from './html.js';

/** Renders a chart option to an SVG string (the report's ECharts server-side renderer). */
export type SvgChart = (option: Record<string, unknown>, width: number, height: number) => string;


/** The ECharts option of a plugin's chart: a line or bar per series over the categories; dashed series for targets. */
function chartOption(chart: ReportChart, lang: 'vi' | 'en', unitName: (id: string) => string): Record<string, unknown> {
  return {
    legend: { top: 0, type: 'plain' },
    grid: { left: 50, right: 20, top: 30 + 18 * Math.ceil(chart.series.length / 5), bottom: 50 },
    xAxis: { type: 'category', data: [...chart.categories], axisLabel: { rotate: chart.categories.length > 8 ? 45 : 0, fontSize: 9 } },
    yAxis: { type: 'value', name: chart.unit ?? '' },
    series: chart.series.map((s) => ({ name: s.unitId ? unitName(s.unitId) : labelText(s.name, lang), type: chart.kind, data: [...s.values], connectNulls: true, ...(s.dashed ? { lineStyle: { type: 'dashed' } } : {}) })),
  };
}

/**
 * The plugins' report sections as HTML: each section's notes, charts (inline SVG) and tables, every text the
 * plugin gave escaped, unit ids shown as `unitName` gives them; a section that failed is named with its problem.
 * Plugins give data, never markup.
 */
export function sectionsHtml(sections: readonly ComputedReportSection[], errors: readonly SectionFailure[], lang: 'vi' | 'en', chart: SvgChart, unitName: (id: string) => string = (id) => id): string {
  const t = (vi: string, en: string) => esc(lang === 'vi' ? vi : en);
  const out = sections.map((s) => {
    const c = s.content;
    const notes = (c.notes ?? []).map((n) => `<p class="note">${esc(labelText(n, lang))}</p>`);
    const charts = (c.charts ?? []).map((ch) => `<figure>${chart(chartOption(ch, lang, unitName), 720, 340)}<figcaption class="note">${esc(labelText(ch.title, lang))}</figcaption></figure>`);
    const tables = (c.tables ?? []).map((tb) => {
      const head = tb.columns.map((col) => `<th>${esc(labelText(col.label, lang))}</th>`).join('');
      const body = tb.rows.map((r) => `<tr>${r.map((cell, i) => `<td${tb.columns[i]!.numeric ? ' class="n"' : ''}>${esc(cell !== null && tb.columns[i]!.unit ? unitName(cell) : (cell ?? ''))}</td>`).join('')}</tr>`).join('\n');
      return `<table class="plugin"><caption>${esc(labelText(tb.title, lang))}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    });
    return `<section id="plugin-${esc(s.plugin)}-${esc(s.id)}">\n<h2>${esc(labelText(s.title, lang))}</h2>\n${[...notes, ...charts, ...tables].join('\n')}\n</section>`;
  });
  const failed = errors.map((e) => `<p class="note plugin-error">${t('Plugin', 'Plugin')} ${esc(e.plugin)}: ${t('không hiển thị được mục', 'could not show section')} ${esc(e.id)} (${esc(e.problem)})</p>`);
  return [...out, ...failed].join('\n');
}

/** The plugins' report sections for a period at `now`, on every unit existing then (the workspace's plugins loaded). */
export async function pluginSectionsHtml(ctx: CommandContext, period: string, now: Date, chart: SvgChart): Promise<string> {
  if (!ctx.ws.par) throw new Error('The workspace was loaded without its plugins');
  const on = today(now) < periodEnd(period) ? today(now) : periodEnd(period);
  const unitIds = ctx.ws.registry.at(on).units.map((u) => u.id);
  const { sections, errors } = await ctx.ws.par.reportSections({ unitIds, period, now });
  return sectionsHtml(sections, errors, ctx.lang, chart, (id) => unitName(ctx, id, on));
}
