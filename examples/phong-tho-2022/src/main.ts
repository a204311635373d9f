// The main job on the seed district: the 2021 commune ranking (illustrative assessments) with the lowest
// unit explained, the chairman's notice of 7 September 2022 fanned out into assignments (item (1) resolved
// from that ranking), and which unit of the two-tier model answers for each 2022 commune from 1 July 2025.
import { assignmentsOf, computeIndex, createPar, explain, figureFormat, findingToDirectiveItem, labelText, type Finding } from '@par/core';
import { readFileSync } from 'node:fs';
import { createEDocumentsPlugin, type EDocumentsOptions } from '@par/plugin-e-documents';
import { createIso9001Plugin, type Iso9001Options } from '@par/plugin-iso9001';
import { buildDocumentGraph, createLegalReviewPlugin, parseLegalRegister, type LegalReviewOptions } from '@par/plugin-legal-review';
import { createOneStopPlugin, dossierFigures, parseCatalogue, parseDossierExport, type OneStopOptions } from '@par/plugin-one-stop';
import { assignmentStats } from '@par/lifecycle';
import { followUp2022 } from './follow-up.js';
import { loadPhongTho } from './load.js';

const { registry, notice, framework, communeFramework, assessments2021, qms } = loadPhongTho();
const lang = process.argv.includes('--lang=en') ? 'en' : 'vi';
const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
const name = (id: string, date: string) => {
  const v = registry.versionOn(id, date);
  return v ? labelText(v.name, lang) : id;
};
/** A column of width `n`, with at least one space after a longer text. */
const pad = (s: string | number, n: number) => `${String(s).padEnd(n - 1)} `;
const bands = new Map(communeFramework.bands.map((b) => [b.id, labelText(b.label, lang)]));
// as the province publishes them: points and index percentages with the framework's decimals (three), half up
// from the exact values
const fig = figureFormat(communeFramework.rounding);

// 1. The 2021 ranking
const units = registry.at('2021-12-31').units.map((u) => ({ id: u.id, kind: u.kind, tags: u.tags }));
const results = computeIndex(communeFramework, assessments2021, { units, peerGroup: 'all' });
console.log(t('XẾP HẠNG CHỈ SỐ CCHC NĂM 2021 CỦA UBND CÁC XÃ, THỊ TRẤN (số liệu minh họa)', 'PAR INDEX 2021 OF THE COMMUNES AND TOWN (illustrative data)'));
console.log(`${pad(t('Hạng', 'Rank'), 5)}${pad(t('Đơn vị', 'Unit'), 28)}${pad(t('Điểm', 'Points'), 9)}${pad(t('Tối đa', 'Max'), 8)}${pad(t('Chỉ số', 'Index'), 8)}${t('Xếp loại', 'Band')}`);
for (const r of results.results) {
  console.log(`${pad(r.rank ?? '-', 5)}${pad(name(r.unitId, '2021-12-31'), 28)}${pad(fig.points(r.points.final), 9)}${pad(r.points.applicableMax, 8)}${pad(r.indexPercent === null ? '-' : fig.percent(r.indexPercent), 8)}${bands.get(r.band ?? '') ?? '-'}`);
}

// 2. The lowest unit, explained
const lowest = results.results[results.results.length - 1]!;
const why = explain(communeFramework, results, lowest.unitId, { lang })!;
console.log(`\n${t('Đơn vị thấp nhất', 'Lowest unit')}: ${name(lowest.unitId, '2021-12-31')} (${lowest.indexPercent === null ? '-' : fig.percent(lowest.indexPercent)}%)`);
console.log(t('Mất điểm nhiều nhất:', 'Where it lost most:'));
for (const l of why.lostPoints.slice(0, 5)) {
  const appraisal = l.appraisals.at(-1);
  console.log(`  ${pad(l.code, 7)}${pad(`-${l.lost}`, 7)}${labelText(l.name, lang)}${appraisal?.reason ? ` (${appraisal.reason})` : ''}`);
}
console.log(t('Yếu hơn trung vị các xã:', 'Below the communes\' median:'));
for (const w of why.weaknesses) {
  console.log(`  ${pad(w.code, 4)}${pad(`${fig.percent(w.componentIndex)}%`, 9)}${t('trung vị', 'median')} ${fig.percent(w.peerMedian)}%  ${labelText(w.name, lang)}`);
}

// 3. The notice's assignments, item (1) resolved from the 2021 ranking
const assignmentSet = assignmentsOf(notice, { registry, results: results.results });
const { assignments, unresolved } = assignmentSet;
console.log(`\n${labelText(notice.title, lang)}\n(${notice.signedOn}, ${notice.items.length} ${t('nội dung', 'items')}, ${assignments.length} ${t('nhiệm vụ', 'assignments')})`);
const byUnit = new Map<string, typeof assignments>();
for (const a of assignments) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
const collator = new Intl.Collator('vi');
for (const unitId of [...byUnit.keys()].sort((a, b) => collator.compare(name(a, notice.signedOn), name(b, notice.signedOn)))) {
  console.log(name(unitId, notice.signedOn));
  for (const a of byUnit.get(unitId)!) {
    const dates = a.occurrences.map((o) => (o.kind === 'report' ? `${o.dueDate} (${t('báo cáo', 'report')})` : o.dueDate));
    // a coordinating unit of a standing duty owes no dated report of its own
    const when = dates.length > 0 ? dates.join(', ') : t('thường xuyên, không có hạn riêng', 'standing duty, no date of its own');
    console.log(`  ${a.itemLabel} ${a.role === 'lead' ? t('chủ trì', 'lead') : t('phối hợp', 'coordinating')}: ${when}`);
  }
}
for (const u of unresolved) console.log(`${u.itemLabel}: ${u.reason === 'resultsRequired' ? t('chờ kết quả để xác định đơn vị', 'waits for results to name its units') : `${t('không xác định được đơn vị', 'names no unit')} (${u.reason}${u.unitId ? `: ${u.unitId}` : ''})`}`);

// 4. Follow-up to early February 2023 (illustrative): the status board, overdue first, and the metrics
const now = '2023-02-06T17:00:00+07:00';
const { states, calendar } = followUp2022(notice, assignmentSet, now);
console.log(`\n${t('THEO DÕI THỰC HIỆN (minh họa) đến', 'FOLLOW-UP (illustrative) as of')} ${now.slice(0, 10)}`);
const STATE_NAMES = {
  vi: { issued: 'mới giao', acknowledged: 'đã tiếp nhận', inProgress: 'đang thực hiện', returned: 'trả lại', extensionRequested: 'xin gia hạn', reported: 'đã báo cáo', underReview: 'đang xem xét', done: 'hoàn thành', cancelled: 'đã hủy' },
  en: { issued: 'issued', acknowledged: 'acknowledged', inProgress: 'in progress', returned: 'returned', extensionRequested: 'extension requested', reported: 'reported', underReview: 'under review', done: 'done', cancelled: 'cancelled' },
} as const;
const open = [...states.values()].filter((s) => s.state !== 'done' && s.state !== 'cancelled');
const board = [...open].sort((a, b) => Number(b.context.overdue) - Number(a.context.overdue) || (a.context.dueDate < b.context.dueDate ? -1 : 1));
for (const s of board) {
  const flag = s.context.escalated ? t('QUÁ HẠN, đã báo cáo cấp giao', 'OVERDUE, escalated') : s.context.overdue ? t('QUÁ HẠN', 'OVERDUE') : '';
  console.log(`  ${pad(name(s.context.unitId, notice.signedOn), 28)}${pad(s.context.itemLabel, 5)}${pad(s.context.dueDate, 12)}${pad(STATE_NAMES[lang][s.state], 18)}${flag}`);
}
const done = [...states.values()].filter((s) => s.state === 'done');
console.log(`  ${t('Hoàn thành', 'Done')}: ${done.length} ${t('trên', 'of')} ${states.size} ${t('lượt hạn và báo cáo', 'deadlines and reports')} (${t('đúng hạn', 'on time')} ${done.filter((s) => s.context.outcome?.result === 'onTime').length}, ${t('trễ hạn', 'late')} ${done.filter((s) => s.context.outcome?.result === 'late').length}); ${t('gia hạn', 'extended')}: ${[...states.values()].filter((s) => s.context.extensions.length > 0).length}; ${t('trả lại', 'returned')}: ${[...states.values()].filter((s) => s.context.returns.length > 0).length}`);
// the year-end tasks count in 2022, where their nominal due date falls, though their deadline moved to 3/1/2023;
// each rate against the deadline in force and against the original one (before any extension)
console.log(t('Tỷ lệ nhiệm vụ chủ trì hoàn thành đúng hạn (hạn năm 2022):', 'On-time rate of lead assignments (due in 2022):'));
for (const st of assignmentStats(states.values(), '2022', Date.parse(now), calendar).filter((x) => x.onTimeRate !== 100 || x.onTimeRateOriginal !== 100)) {
  const original = `${st.doneOnTimeOriginal}/${st.assigned} ${t('theo hạn ban đầu', 'by the original deadline')}`;
  console.log(
    `  ${pad(name(st.unitId, notice.signedOn), 28)}${st.doneOnTime}/${st.assigned} ${t('đúng hạn', 'on time')} (${original}), ${st.doneLate} ${t('trễ', 'late')}, ${st.openOverdue} ${t('quá hạn', 'overdue')}: ${st.onTimeRate}% (${t('hạn ban đầu', 'original deadline')} ${st.onTimeRateOriginal}%)`,
  );
}

// 5. ISO 9001 checks on two offices (illustrative records with planted defects), and a corrective task
const par = createPar({ plugins: [createIso9001Plugin({ systems: qms.systems } as Iso9001Options)] });
const findings = await par.runChecks({ unitIds: ['d109-vp', 'd109-tp'], period: '2022', now: Date.parse('2022-12-31T09:00:00+07:00') });
console.log(`\n${t('KIỂM TRA HTQLCL TCVN ISO 9001:2015 (minh họa) ngày 31/12/2022', 'ISO 9001:2015 QMS CHECKS (illustrative) on 31/12/2022')}`);
const severityOrder = ['critical', 'major', 'minor', 'info'];
/** Findings, most severe first, each with its unit (named as on `date`) and its legal basis. */
const printFindings = (list: readonly Finding[], date = notice.signedOn) => {
  for (const f of [...list].sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))) {
    console.log(`  ${pad(f.severity, 9)}${name(f.unitId, date)}: ${f.message[lang]} [${f.legalBasis.map((b) => b.document).join('; ')}]`);
  }
};
printFindings(findings);
const first = findings.find((f: Finding) => f.severity === 'major')!;
const task = findingToDirectiveItem(first, { label: '(1)', foundOn: '2022-12-31', criteria: [{ frameworkId: framework.id, code: '7.3' }] });
console.log(`${t('Nhiệm vụ khắc phục', 'Corrective task')} ${task.label}: ${labelText(task.summary, lang)} (${t('chủ trì', 'lead')}: ${name(first.unitId, notice.signedOn)}; ${t('hạn', 'due')}: ${task.due.kind === 'date' ? task.due.date : task.due.kind === 'periodEnd' ? task.due.period : ''})`);

// The other plugins' illustrative records (made up, with planted defects; see each file's `source`)
const data = <T>(file: string) => JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')) as T;

// 6. Legal documents of the district (LEG rules): the review the district tier's end requires, the 2019-2023
// systematisation lists, and the Justice office's findings on 30/09/2025
const legal = data<LegalReviewOptions>('legal/legal-review-illustrative.json');
const graph = buildDocumentGraph(parseLegalRegister(legal.registers[0]));
console.log(`\n${t('VĂN BẢN QUY PHẠM PHÁP LUẬT CỦA HUYỆN (minh họa)', 'THE DISTRICT\'S LEGAL DOCUMENTS (illustrative)')}`);
const tierEnd = graph.reviewQueue({ kind: 'restructuring', level: 'district', date: '2025-07-01' });
console.log(`${t('Phải rà soát khi kết thúc cấp huyện (01/07/2025)', 'To review as the district tier ends (01/07/2025)')}: ${tierEnd.map((x) => x.document).join(', ')}`);
const lists = graph.systematisation('2023-12-31');
console.log(`${t('Hệ thống hóa kỳ', 'Systematisation cycle')} ${lists.cycle.from} - ${lists.cycle.cutOff}:`);
console.log(`  ${t('hết hiệu lực, ngưng hiệu lực toàn bộ', 'wholly expired or suspended')}: ${lists.expiredOrSuspended.join(', ') || '-'}`);
console.log(`  ${t('hết hiệu lực, ngưng hiệu lực một phần', 'partly expired or suspended')}: ${lists.partly.join(', ') || '-'}`);
console.log(`  ${t('còn hiệu lực', 'in force')}: ${lists.inForce.join(', ') || '-'}`);
console.log(`  ${t('cần đình chỉ, sửa đổi, thay thế, bãi bỏ', 'needing action')}: ${lists.needingAction.join(', ') || '-'}`);
const legalNow = Date.parse('2025-09-30T10:00:00+07:00');
printFindings(await createPar({ plugins: [createLegalReviewPlugin(legal)] }).runChecks({ unitIds: ['d109-tp'], period: '2025', now: legalNow }), '2025-06-30');

// 7. One-stop dossiers of the communes in 2022 (OSS rules): on-time figures per commune, late dossiers without an
// apology, and the findings
const oneStop = data<OneStopOptions>('one-stop/plugin-options.json');
const oneStopNow = new Date('2022-12-30T12:00:00+07:00');
const figures = dossierFigures(parseCatalogue(oneStop.catalogue), parseDossierExport({ source: 'example', dossiers: oneStop.dossiers }), { period: '2022', now: oneStopNow, groupBy: ['unit'] });
console.log(`\n${t('HỒ SƠ THỦ TỤC HÀNH CHÍNH NĂM 2022 (minh họa)', 'ADMINISTRATIVE-PROCEDURE DOSSIERS IN 2022 (illustrative)')}`);
console.log(`${pad(t('Đơn vị', 'Unit'), 28)}${pad(t('Đến hạn', 'Due'), 9)}${pad(t('Đúng hạn %', 'On time %'), 12)}${pad(t('Trễ', 'Late'), 6)}${t('Trễ chưa xin lỗi', 'Late, no apology')}`);
const row = (label: string, c: (typeof figures.total)['counts'], onTime: number | undefined) => console.log(`${pad(label, 28)}${pad(c.due, 9)}${pad(onTime ?? '-', 12)}${pad(c.late, 6)}${c.late - c.lateWithApology}`);
for (const r of figures.rows.filter((x) => x.counts.late > 0)) row(name(r.key.unit!, '2022-12-31'), r.counts, r.rates.onTimeRate.percent);
row(t(`Cả ${figures.rows.length} xã, thị trấn`, `All ${figures.rows.length} communes`), figures.total.counts, figures.total.rates.onTimeRate.percent);
const communes = [...new Set(figures.rows.map((r) => r.key.unit!))];
printFindings(await createPar({ plugins: [createOneStopPlugin(oneStop)] }).runChecks({ unitIds: communes, period: '2022', now: oneStopNow }), '2022-12-31');

// 8. Document registers of the Office and two communes in 2022 (DOC rules): the 7.1 metrics and the findings
const eDocs = createPar({ plugins: [createEDocumentsPlugin(data<EDocumentsOptions>('e-documents/registers-2022-illustrative.json'))] });
const registerUnits = ['d109-vp', 'c03589', 'c03583'];
const eDocsNow = Date.parse('2023-01-10T09:00:00+07:00');
console.log(`\n${t('SỔ VĂN BẢN ĐI, ĐẾN NĂM 2022 (minh họa): tiêu chí 7.1', 'DOCUMENT REGISTERS IN 2022 (illustrative): criterion 7.1')}`);
const { metrics } = await eDocs.computeMetrics({ unitIds: registerUnits, period: '2022', now: eDocsNow });
for (const unitId of registerUnits) {
  console.log(`  ${name(unitId, '2022-12-31')}: ${metrics.filter((m) => m.unitId === unitId).map((m) => `${m.metricId.replace('eDocuments.', '')} ${m.value}%`).join(', ')}`);
}
printFindings(await eDocs.runChecks({ unitIds: registerUnits, period: '2022', now: eDocsNow }), '2022-12-31');

// 9. Successors in the two-tier model
const after = '2025-07-01';
console.log(`\n${t('Đơn vị kế thừa từ', 'Successors from')} ${after}:`);
for (const commune of registry.at(notice.signedOn).descendantsOf('d109').filter((u) => ['commune', 'township'].includes(u.kind))) {
  const text = registry
    .successorsOf(commune.id, after)
    .map((s) => `${name(s.unitId, after)} (${registry.versionOn(s.unitId, after)?.code}; ${s.via.map((c) => c.legalBasis.map((l) => `${l.document} ${l.article ?? ''}`.trim()).join(', ')).join('; ')})`)
    .join(', ');
  console.log(`  ${commune.code} ${labelText(commune.name, lang)} -> ${text}`);
}
