import { writeFileSync } from 'node:fs';
import { periodRange } from '@par/calendar';
import { explain, figureFormat, gapAnalysis, labelText, resultsToCsv, resultsToJson, type Finding } from '@par/core';
import { score } from './analysis.js';
import { pad, periodEnd, today, tr, UsageError, unitName, type CommandContext } from './context.js';

/** `par score`: the ranking table. */
export function scoreCommand(ctx: CommandContext, period: string): void {
  const { framework, results, previous } = score(ctx, period);
  if (ctx.json) return ctx.out(JSON.stringify(resultsToJson(results), null, 2));
  const bands = new Map(framework.bands.map((b) => [b.id, labelText(b.label, ctx.lang)]));
  const f = figureFormat(framework.rounding);
  ctx.out(tr(ctx, `XẾP HẠNG CHỈ SỐ CCHC ${period}`, `PAR INDEX ${period} RANKING`) + ` (${labelText(framework.title, ctx.lang)})`);
  ctx.out(`${pad(tr(ctx, 'Hạng', 'Rank'), 6)}${pad(tr(ctx, 'Đơn vị', 'Unit'), 40)}${pad(tr(ctx, 'Điểm', 'Points'), 10)}${pad(tr(ctx, 'Tối đa', 'Max'), 8)}${pad(tr(ctx, 'Chỉ số', 'Index'), 9)}${pad(tr(ctx, 'Xếp loại', 'Band'), 12)}${previous ? tr(ctx, 'So với năm trước', 'Change') : ''}`);
  const end = periodEnd(period);
  for (const r of results.results) {
    const before = previous?.get(r.unitId)?.rank;
    const change = before && r.rank ? (before - r.rank > 0 ? `+${before - r.rank}` : String(before - r.rank)) : '';
    ctx.out(`${pad(r.rank ?? '-', 6)}${pad(unitName(ctx, r.unitId, end), 40)}${pad(f.points(r.points.final), 10)}${pad(f.points(r.points.applicableMax), 8)}${pad(f.index(r.points.final, r.points.applicableMax) ?? '-', 9)}${pad(bands.get(r.band ?? '') ?? '-', 12)}${change}`);
  }
}

/** Finds a unit by id, official code or name (case and accents as written). */
export function findUnit(ctx: CommandContext, query: string): string {
  const q = query.normalize('NFC').toLocaleLowerCase('vi');
  const hit = ctx.ws.registry.units.find((u) => u.id === query || u.code === query || u.name.vi.toLocaleLowerCase('vi') === q || u.name.en?.toLocaleLowerCase('vi') === q);
  if (!hit) throw new UsageError(`No unit "${query}" (try its id, official code or name)`);
  return hit.id;
}

/** `par explain`: where one unit lost points. */
export function explainCommand(ctx: CommandContext, period: string, query: string): void {
  const { framework, results } = score(ctx, period);
  const unitId = findUnit(ctx, query);
  const e = explain(framework, results, unitId, { lang: ctx.lang });
  if (!e) throw new UsageError(`${query} has no result for ${period}`);
  if (ctx.json) return ctx.out(JSON.stringify(e, null, 2));
  const f = figureFormat(framework.rounding);
  const r = results.get(unitId)!;
  ctx.out(`${unitName(ctx, unitId, periodEnd(period))}: ${tr(ctx, 'hạng', 'rank')} ${e.rank ?? '-'}, ${f.index(r.points.final, r.points.applicableMax) ?? '-'}%`);
  ctx.out(tr(ctx, 'Mất điểm, nhiều nhất trước:', 'Points lost, largest first:'));
  for (const l of e.lostPoints) {
    const why = l.appraisals.at(-1)?.reason;
    ctx.out(`  ${pad(l.code, 8)}${pad(`-${f.points(l.lost)}`, 8)}${labelText(l.name, ctx.lang)}${why ? ` (${why})` : ''}`);
    ctx.out(`  ${pad('', 16)}${l.rule}${l.input ? `; ${tr(ctx, 'đầu vào', 'input')} ${String(l.input.value)}` : ''}`);
  }
  ctx.out(tr(ctx, 'Điểm yếu so với trung vị:', 'Weaker than the median:'));
  for (const w of e.weaknesses) ctx.out(`  ${pad(w.code, 5)}${pad(`${f.percent(w.componentIndex)}%`, 10)}${tr(ctx, 'trung vị', 'median')} ${f.percent(w.peerMedian)}%  ${labelText(w.name, ctx.lang)}`);
}

/** `par gaps`: where the district loses most, and what each unit could gain. */
export function gapsCommand(ctx: CommandContext, period: string): void {
  const { framework, results } = score(ctx, period);
  const gaps = gapAnalysis(framework, results, { weakest: 3 });
  if (ctx.json) return ctx.out(JSON.stringify(gaps, null, 2));
  const f = figureFormat(framework.rounding);
  ctx.out(tr(ctx, 'Tiêu chí mất nhiều điểm nhất (toàn huyện):', 'Where the most points are lost:'));
  for (const n of gaps.nodes.slice(0, 10)) ctx.out(`  ${pad(n.code, 8)}${pad(`-${f.points(n.lostTotal)}`, 10)}${pad(`${n.unitsLosing} ${tr(ctx, 'đơn vị', 'units')}`, 12)}${labelText(n.name, ctx.lang)}`);
  ctx.out(tr(ctx, 'Nếu 3 tiêu chí yếu nhất đạt tối đa:', 'If the 3 weakest criteria reached full points:'));
  for (const u of gaps.units) ctx.out(`  ${pad(unitName(ctx, u.unitId, periodEnd(period)), 30)}${pad(`${u.indexNow === null ? '-' : f.percent(u.indexNow)}% -> ${u.indexPotential === null ? '-' : f.percent(u.indexPotential)}%`, 22)}${tr(ctx, 'hạng', 'rank')} ${u.rankNow} -> ${u.rankPotential}`);
}

/**
 * A deadline as the board prints it: the nominal due date, and after an arrow the working day it moved to when it
 * fell on a day off (the nominal date attributes the task to its year; the moved one judges lateness).
 */
export const deadlineText = (r: { nominalDueDate: string; dueDate: string }) => (r.nominalDueDate === r.dueDate ? r.dueDate : `${r.nominalDueDate} → ${r.dueDate}`);

/** `par directives`: the status board per unit, overdue first (`@par/lifecycle` is loaded only here and in the report). */
export async function directivesCommand(ctx: CommandContext, now: Date): Promise<void> {
  const rows = (await import('./board.js')).directiveBoard(ctx, now);
  if (ctx.json) return ctx.out(JSON.stringify(rows, null, 2));
  ctx.out(`${tr(ctx, 'BẢNG THEO DÕI NHIỆM VỤ', 'DIRECTIVE BOARD')} ${today(now)}`);
  for (const r of rows) {
    const flag = r.state !== 'done' && r.overdue ? (r.escalated ? tr(ctx, 'QUÁ HẠN, đã báo cáo cấp giao', 'OVERDUE, escalated') : tr(ctx, 'QUÁ HẠN', 'OVERDUE')) : r.outcome?.result === 'late' ? tr(ctx, 'trễ hạn', 'late') : '';
    ctx.out(`  ${pad(r.unitName, 40)}${pad(r.itemLabel, 5)}${pad(deadlineText(r), 26)}${pad(r.stateName, 20)}${flag}`);
  }
}

/**
 * The plugins' findings for a period at `now`, on every unit that existed on some day of the period up to `now`
 * (a district body dissolved on 1 July 2025 still answers for 2025's first half), the workspace's plugins loaded.
 */
export async function findings(ctx: CommandContext, period: string, now: Date): Promise<Finding[]> {
  if (!ctx.ws.par) throw new Error('The workspace was loaded without its plugins');
  return ctx.ws.par.runChecks(pluginRun(ctx, period, now));
}

/** What the plugins are run on for a period at `now` (see {@link findings}). */
export function pluginRun(ctx: CommandContext, period: string, now: Date): { readonly unitIds: string[]; readonly period: string; readonly now: Date } {
  const last = today(now) < periodEnd(period) ? today(now) : periodEnd(period);
  const first = periodRange(period).start;
  return { unitIds: ctx.ws.registry.units.filter((u) => u.validFrom <= last && (u.validTo === undefined || u.validTo >= first)).map((u) => u.id), period, now };
}

/** `par check`: plugin findings, most severe first; returns them. */
export async function checkCommand(ctx: CommandContext, period: string, now: Date): Promise<Finding[]> {
  const order = ['critical', 'major', 'minor', 'info'];
  const list = (await findings(ctx, period, now)).sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  if (ctx.json) ctx.out(JSON.stringify(list, null, 2));
  else ctx.out(`${list.length} ${tr(ctx, 'phát hiện', 'findings')}`);
  if (!ctx.json) for (const f of list) ctx.out(`  ${pad(f.severity, 9)}${unitName(ctx, f.unitId, today(now))}: ${f.message[ctx.lang]} [${f.legalBasis.map((b) => b.document).join('; ')}]`);
  return list;
}

/** `par export --format csv`: the results as CSV. */
export function exportCsv(ctx: CommandContext, period: string, out: string): void {
  const { framework, results } = score(ctx, period);
  writeFileSync(out, resultsToCsv(framework, results, { lang: ctx.lang, fields: true, unitName: (id) => unitName(ctx, id, periodEnd(period)) }));
  ctx.out(`${tr(ctx, 'Đã ghi', 'Wrote')} ${out}`);
}
