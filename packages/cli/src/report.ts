import * as echarts from 'echarts';
import { explain, figureFormat, labelText, indexFramework, type Finding, type LegalBasis } from '@par/core';
import { score } from './analysis.js';
import { directiveBoard } from './board.js';
import { deadlineText, findings } from './commands.js';
import { periodEnd, today, tr, unitName, type CommandContext } from './context.js';
import { pluginSectionsHtml } from './plugin-sections.js';
import { checkCommandArguments } from './arguments.js';
import { esc } from './html.js';


/** A chart rendered to an SVG string on the server (ECharts server-side rendering, no browser). */
function svgChart(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'Arial, sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * The report a chairman reads: one self-contained HTML file (no network, prints on A4): the ranking with bands and
 * the change since last year, per-field charts as inline SVG, each unit's weakest criteria, the directive board with
 * overdue items highlighted, the plugins' findings by severity and their report sections (for `pluginPeriod`, by
 * default the index period), and the legal basis of every rule cited.
 */
export async function renderReport(ctx: CommandContext, period: string, now: Date, pluginPeriod = period): Promise<string> {
  checkCommandArguments('renderReport', ctx, { period: { value: period, is: 'period' }, now: { value: now, is: 'instant' }, pluginPeriod: { value: pluginPeriod, is: 'period' } });
  const { framework, results, previous } = score(ctx, period);
  const end = periodEnd(period);
  const name = (id: string) => unitName(ctx, id, end);
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, ctx.lang)]));
  const f = figureFormat(framework.rounding);
  const index = indexFramework(framework);
  const fields = framework.nodes.filter((n) => index.get(n.code)!.channel === 'appraised');
  const rows = results.results;

  const ranking = rows
    .map((r) => {
      const before = previous?.get(r.unitId)?.rank;
      const change = before && r.rank ? before - r.rank : undefined;
      return `<tr class="band-${esc(r.band)}"><td>${r.rank ?? '-'}</td><td>${esc(name(r.unitId))}</td><td class="n">${f.points(r.points.final)}</td><td class="n">${f.points(r.points.applicableMax)}</td><td class="n">${f.index(r.points.final, r.points.applicableMax) ?? '-'}</td><td>${esc(bands.get(r.band ?? ''))}</td><td>${change === undefined ? (previous ? '' : '—') : change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '='}</td></tr>`;
    })
    .join('\n');

  const indexChart = svgChart(
    {
      grid: { left: 150, right: 30, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => name(r.unitId)) },
      series: [{ type: 'bar', data: rows.map((r) => r.indexPercent), label: { show: true, position: 'right', fontSize: 10, formatter: (p: { dataIndex: number }) => f.index(rows[p.dataIndex]!.points.final, rows[p.dataIndex]!.points.applicableMax) ?? '' } }],
    },
    720,
    Math.max(240, rows.length * 22 + 60),
  );
  const breakdowns = new Map(rows.map((r) => [r.unitId, new Map(results.breakdown(r.unitId).map((n) => [n.code, n]))]));
  const mean = (code: string) => {
    const values = rows.map((r) => breakdowns.get(r.unitId)!.get(code)?.componentIndex).filter((v): v is number => v !== null && v !== undefined);
    return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
  };
  const lowest = rows[rows.length - 1];
  const fieldChart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: fields.map((f) => f.code), name: tr(ctx, 'Lĩnh vực', 'Field') },
      yAxis: { type: 'value', min: 0, max: 100, name: '%' },
      series: [
        { name: tr(ctx, 'Trung bình các đơn vị', 'Mean of the units'), type: 'bar', data: fields.map((f) => mean(f.code)) },
        ...(lowest ? [{ name: `${name(lowest.unitId)} (${tr(ctx, 'thấp nhất', 'lowest')})`, type: 'bar', data: fields.map((f) => breakdowns.get(lowest.unitId)!.get(f.code)?.componentIndex ?? null) }] : []),
      ],
    },
    720,
    320,
  );
  const fieldLegend = fields.map((f) => `<li><b>${esc(f.code)}</b> ${esc(labelText(f.name, ctx.lang))}</li>`).join('');

  const weakest = rows
    .map((r) => {
      const e = explain(framework, results, r.unitId, { lang: ctx.lang })!;
      const items = e.lostPoints.filter((l) => l.channel === 'appraised').slice(0, 3).map((l) => `${esc(l.code)} ${esc(labelText(l.name, ctx.lang))} (−${f.points(l.lost)})`);
      return `<tr><td>${esc(name(r.unitId))}</td><td>${items.join('<br>')}</td></tr>`;
    })
    .join('\n');

  const board = directiveBoard(ctx, now)
    // open, late, and on time only by an extension (late against the original deadline): the chairman sees all three
    .filter((b) => b.state !== 'done' || b.outcome?.result === 'late' || b.outcome?.onTimeOriginal === false)
    .map((b) => {
      const flag =
        b.state !== 'done' && b.overdue
          ? tr(ctx, 'Quá hạn', 'Overdue') + (b.escalated ? tr(ctx, ', đã báo cáo cấp giao', ', escalated') : '')
          : b.outcome?.result === 'late'
            ? tr(ctx, 'Hoàn thành trễ hạn', 'Done late')
            : b.outcome?.onTimeOriginal === false
              ? tr(ctx, 'Đúng hạn nhờ gia hạn (trễ so với hạn ban đầu)', 'On time by an extension (late against the original deadline)')
              : '';
      return `<tr class="${b.state !== 'done' && b.overdue ? 'overdue' : ''}"><td>${esc(b.unitName)}</td><td>${esc(b.itemLabel)}</td><td>${esc(deadlineText(b))}</td><td>${esc(b.stateName)}</td><td>${flag}</td></tr>`;
    })
    .join('\n');

  const found: Finding[] = await findings(ctx, pluginPeriod, now);
  const sections = await pluginSectionsHtml(ctx, pluginPeriod, now, svgChart);
  const order = ['critical', 'major', 'minor', 'info'] as const;
  const findingRows = order
    .flatMap((sev) => found.filter((f) => f.severity === sev))
    .map((f) => `<tr class="sev-${f.severity}"><td>${f.severity}</td><td>${esc(unitName(ctx, f.unitId, today(now)))}</td><td>${esc(f.message[ctx.lang])}</td><td>${esc(f.legalBasis.map((b) => b.document).join('; '))}</td></tr>`)
    .join('\n');

  const cited = new Map<string, LegalBasis>();
  const cite = (b: LegalBasis) => cited.set(`${b.document}|${b.article ?? ''}`, b);
  framework.legalBasis.forEach(cite);
  for (const [, n] of index) n.node.legalBasis?.forEach(cite);
  found.forEach((f) => f.legalBasis.forEach(cite));
  for (const c of ctx.ws.registry.changes) c.legalBasis.forEach(cite);
  const basis = [...cited.values()]
    .sort((a, b) => a.document.localeCompare(b.document, 'vi'))
    .map((b) => `<li>${esc(b.document)}${b.article ? `, ${esc(b.article)}` : ''}${b.title ? `: ${esc(b.title)}` : ''}${b.effectiveFrom ? ` (${tr(ctx, 'hiệu lực từ', 'in force from')} ${esc(b.effectiveFrom)}${b.effectiveTo ? ` ${tr(ctx, 'đến', 'to')} ${esc(b.effectiveTo)}` : ''})` : ''}${b.verification && b.verification !== 'confirmed' ? ` <i>[${esc(b.verification)}]</i>` : ''}</li>`)
    .join('\n');

  const t = (vi: string, en: string) => esc(tr(ctx, vi, en));
  return `<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<title>${t('Báo cáo chỉ số CCHC', 'PAR INDEX report')} ${esc(period)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: Arial, "Times New Roman", sans-serif; font-size: 11pt; color: #111; max-width: 190mm; margin: auto; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.5em; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
  th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; } th { background: #eee; } td.n { text-align: right; }
  tr.overdue td, tr.sev-critical td, tr.sev-major td { background: #fde2e2; } tr.sev-minor td { background: #fff6d6; }
  figure { margin: 0; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
  .note { color: #555; font-size: 9pt; }
</style>
</head>
<body>
<h1>${t('Báo cáo chỉ số cải cách hành chính', 'Public administration reform index report')} ${esc(period)}</h1>
<p class="note">${esc(labelText(framework.title, ctx.lang))} (${esc(framework.id)}@${esc(framework.version)}). ${t('Lập ngày', 'Made on')} ${esc(today(now))}.</p>
<h2>${t('Xếp hạng và xếp loại', 'Ranking and bands')}</h2>
<table id="ranking"><thead><tr><th>${t('Hạng', 'Rank')}</th><th>${t('Đơn vị', 'Unit')}</th><th>${t('Điểm đạt', 'Points')}</th><th>${t('Điểm tối đa phát sinh', 'Applicable max')}</th><th>${t('Chỉ số (%)', 'Index (%)')}</th><th>${t('Xếp loại', 'Band')}</th><th>${t('So với năm trước', 'Since last year')}</th></tr></thead>
<tbody>
${ranking}
</tbody></table>
${previous ? '' : `<p class="note">${t('Không có kết quả năm trước trong dữ liệu.', 'No earlier results in the workspace.')}</p>`}
<h2>${t('So sánh', 'Comparison')}</h2>
<figure>${indexChart}<figcaption class="note">${t('Chỉ số của từng đơn vị (%)', 'Index of each unit (%)')}</figcaption></figure>
<figure>${fieldChart}<figcaption class="note">${t('Chỉ số thành phần theo lĩnh vực (%)', 'Component index by field (%)')}</figcaption></figure>
<ul class="note">${fieldLegend}</ul>
<h2>${t('Tiêu chí yếu nhất của từng đơn vị', "Each unit's weakest criteria")}</h2>
<table><thead><tr><th>${t('Đơn vị', 'Unit')}</th><th>${t('Mất nhiều điểm nhất', 'Most points lost')}</th></tr></thead><tbody>
${weakest}
</tbody></table>
<h2>${t('Theo dõi thực hiện chỉ đạo', 'Directive board')}</h2>
<p class="note">${t('Các nhiệm vụ chưa hoàn thành, hoàn thành trễ hoặc chỉ đúng hạn nhờ gia hạn; quá hạn được tô đỏ.', 'Open and late assignments, and those on time only by an extension; overdue ones in red.')}</p>
<table id="board"><thead><tr><th>${t('Đơn vị', 'Unit')}</th><th>${t('Nội dung', 'Item')}</th><th>${t('Hạn', 'Due')}</th><th>${t('Trạng thái', 'State')}</th><th></th></tr></thead><tbody>
${board}
</tbody></table>
<h2>${t('Phát hiện kiểm tra', 'Findings')}</h2>
<table id="findings"><thead><tr><th>${t('Mức độ', 'Severity')}</th><th>${t('Đơn vị', 'Unit')}</th><th>${t('Nội dung', 'Finding')}</th><th>${t('Căn cứ', 'Legal basis')}</th></tr></thead><tbody>
${findingRows}
</tbody></table>
${sections}
<h2>${t('Căn cứ pháp lý được viện dẫn', 'Legal basis cited')}</h2>
<ul>
${basis}
</ul>
</body>
</html>
`;
}
