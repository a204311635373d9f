import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assignmentsOf, computeIndex, explain, indexFramework, leavesOf, parseDirectiveDocument, sumPoints } from '@par/core';
import { assignmentStats, auditTrail } from '@par/lifecycle';
import { createPar, findingToDirectiveItem } from '@par/core';
import { createIso9001Plugin, type Iso9001Options } from '@par/plugin-iso9001';
import { followUp2022 } from '../src/follow-up.js';
import { loadPhongTho } from '../src/load.js';

const { registry, notice, framework, communeFramework, assessments2021, qms } = loadPhongTho();

describe('Phong Thổ units and the 2025 reform', () => {
  it('has 17 commune-level units in 2022: 16 communes and one town', () => {
    const local = registry.at('2022-09-07').descendantsOf('d109').filter((u) => ['commune', 'township'].includes(u.kind));
    expect(local).toHaveLength(17);
    expect(local.filter((u) => u.kind === 'township').map((u) => u.name.vi)).toEqual(['Thị trấn Phong Thổ']);
    expect(registry.at('2022-09-07').byCode('109')?.name.vi).toBe('Huyện Phong Thổ');
  });

  it('has no district on 1 July 2025, and six new units under the province', () => {
    const t = registry.at('2025-07-01');
    expect(t.units.filter((u) => u.kind === 'district')).toEqual([]);
    expect(t.childrenOf('p12').map((u) => u.code).sort()).toEqual(['03388', '03394', '03549', '03562', '03571', '03583']);
    expect(registry.successorsOf('d109', '2025-07-01').map((s) => s.unitId)).toEqual(['p12']);
  });

  it('lets a code pass to a larger unit named after another member', () => {
    expect(registry.at('2025-06-30').byCode('03562')?.name.vi).toBe('Xã Vàng Ma Chải');
    expect(registry.at('2025-07-01').byCode('03562')?.name.vi).toBe('Xã Sì Lở Lầu');
    expect(registry.successorsOf('c03550', '2025-07-01').map((s) => s.unitId)).toEqual(['c03562-2025']);
  });

  it('merges across old district lines', () => {
    expect(registry.predecessorsOf('c03394-2025').map((p) => registry.get(p.unitId)?.name.vi).sort()).toEqual(['Xã Nậm Xe', 'Xã Sin Suối Hồ', 'Xã Thèn Sin']);
    const doanKet = registry.predecessorsOf('c03388-2025').map((p) => registry.versionOn(p.unitId, '2025-06-30')?.parentId);
    expect(doanKet.sort()).toEqual(['d105', 'd105', 'd105', 'd105', 'd109']);
    const via = registry.successorsOf('c03391', '2026-01-01')[0]!;
    expect([via.unitId, via.via[0]!.legalBasis[0]!.document, via.via[0]!.legalBasis[0]!.article]).toEqual(['c03388-2025', '1670/NQ-UBTVQH15', 'Art.1 cl.36']);
  });
});

describe('the 7 September 2022 notice', () => {
  it('fans out into 60 assignments, item (1) waiting for the 2021 results', () => {
    const { assignments, unresolved } = assignmentsOf(notice, { registry });
    const per = (label: string) => assignments.filter((a) => a.itemLabel === label).length;
    // (2): Home Affairs leads; 5 other offices + the media centre + 17 communes coordinate
    // (5): Justice leads; the 5 other offices coordinate ("các cơ quan, đơn vị liên quan")
    // (9): 6 offices + 17 communes lead
    expect(['(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'].map(per)).toEqual([24, 1, 1, 6, 2, 2, 1, 23]);
    expect(assignments).toHaveLength(60);
    expect(unresolved.map((u) => u.itemLabel)).toEqual(['(1)']);
    const home = assignments.find((a) => a.id === 'phong-tho-tb-2022-09-07/(2)/d109-nv/lead')!;
    expect(home.occurrences.map((o) => `${o.kind} ${o.dueDate}`)).toEqual(['report 2022-09-15', 'report 2022-12-15', 'deadline 2022-12-31']);
  });

  it('names the bottom 3 units of item (1) once 2021 results are given', () => {
    const results = registry
      .at('2021-12-31')
      .descendantsOf('d109')
      .filter((u) => u.code !== undefined && u.code.length === 5)
      .map((u, i) => ({ unitId: u.id, rank: i + 1, band: 'good' }));
    const { assignments, unresolved } = assignmentsOf(notice, { registry, results });
    expect(unresolved).toEqual([]);
    // ranks 15, 16 and 17 of the 17, in the registry's order
    expect(assignments.filter((a) => a.itemLabel === '(1)').map((a) => a.unitId)).toEqual(['c03586', 'c03589', 'c03592']);
  });

  it('hands a task due after the merger to the new commune', () => {
    const later = parseDirectiveDocument({
      ...notice,
      id: 'later',
      signedOn: '2025-05-10',
      items: [{ label: '1', summary: { vi: 'Báo cáo' }, lead: [{ by: 'unit', unitId: 'c03565' }], due: { kind: 'date', date: '2025-09-30' } }],
    });
    const [a] = assignmentsOf(later, { registry }).assignments;
    expect(a!.occurrences[0]!.answeredBy.map((s) => registry.versionOn(s.unitId, '2025-09-30')?.name.vi)).toEqual(['Xã Dào San']);
  });
});

describe('the illustrative district framework', () => {
  it('keeps the confirmed split of 65 appraised, 25 survey and 10 leadership points', () => {
    expect(framework.channels.map((c) => [c.id, c.maxPoints])).toEqual([['appraised', 65], ['survey', 25], ['leadership', 10]]);
    expect(sumPoints(framework.nodes.filter((n) => n.channel === 'appraised').map((n) => n.maxPoints))).toBe(65);
    expect(framework.nodes.map((n) => n.maxPoints)).toEqual([9, 6, 12, 5, 8, 6, 11, 8, 25, 10]);
    expect(leavesOf(framework)).toHaveLength(55);
    expect(indexFramework(framework).get('3.3.4')!.node.applicability?.notApplicableAllowed).toBe(true);
    expect(framework.bands.map((b) => [b.id, b.minPercent, b.maxPercentExclusive])).toEqual([
      ['excellent', 90, undefined],
      ['good', 80, 90],
      ['fair', 70, 80],
      ['average', 55, 70],
      ['weak', 0, 55],
    ]);
  });
});

describe('the commune framework and the illustrative 2021 results', () => {
  it('derives the commune variant of the same year: no district duties, 49.5 appraised points, 43 leaves', () => {
    expect([communeFramework.id, communeFramework.derivedFrom, communeFramework.scale]).toEqual(['hue-commune-illustrative', { id: 'hue-district-illustrative', version: '2021.1' }, 72]);
    // the details are in sources.test.ts
    expect(leavesOf(communeFramework)).toHaveLength(43);
  });

  it('ranks the 17 communes by exact index, bands them, and explains the lowest', () => {
    const units = registry.at('2021-12-31').units.map((u) => ({ id: u.id, kind: u.kind }));
    const results = computeIndex(communeFramework, assessments2021, { units, peerGroup: 'all' });
    expect(results.results).toHaveLength(17);
    expect(results.results.map((r) => r.rank)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const r of results.results) {
      // the published index is final / applicable x 100, rounded once to 3 decimals
      expect(r.indexPercent).toBeCloseTo((r.points.final / r.points.applicableMax) * 100, 3);
      const band = r.indexPercent! >= 90 ? 'excellent' : r.indexPercent! >= 80 ? 'good' : r.indexPercent! >= 70 ? 'fair' : r.indexPercent! >= 55 ? 'average' : 'weak';
      expect(r.band).toBe(band);
    }
    // survey and leadership points are imported, never self-scored
    for (const r of results.results) {
      const channels = new Map(r.channels.map((c) => [c.channel, c]));
      expect([channels.get('survey')!.self, channels.get('leadership')!.self, channels.get('leadership')!.max]).toEqual([0, 0, 10]);
      expect(channels.get('leadership')!.final).toBeGreaterThan(0);
    }
    const lowest = results.results[16]!;
    const why = explain(communeFramework, results, lowest.unitId)!;
    const lost = why.lostPoints.map((l) => l.lost);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(sumPoints(why.leaves.map((l) => l.final))).toBe(lowest.points.final);
  });
});

describe('the follow-up of the notice (illustrative)', () => {
  const units = registry.at('2021-12-31').units.map((u) => ({ id: u.id, kind: u.kind }));
  const results = computeIndex(communeFramework, assessments2021, { units, peerGroup: 'all' });
  const set = assignmentsOf(notice, { registry, results: results.results });
  const now = '2023-02-06T17:00:00+07:00';
  const { states, logs, lifecycle, calendar, inputs } = followUp2022(notice, set, now);
  const all = [...states.values()];

  it('gives every occurrence its own lifecycle: 65 of them', () => {
    // (1): the 3 lowest-ranked communes of 2021; (2): Home Affairs' 2 reports and deadline + 23 coordinating;
    // (3): 4 monthly reports; (4), (5), (8): 1 each; (6): 2 units x 2 quarterly reports; (7): 2; (9): 23
    // 3 + 26 + 4 + 3 + 4 + 2 + 23 = 65
    expect(all).toHaveLength(65);
    // the year-end deadline, Saturday 31/12/2022, moves past New Year (1/1 Sunday, 2/1 compensatory) to Tuesday
    // 3/1/2023; the nominal date and its period stay, for attribution to 2022
    const c = states.get('phong-tho-tb-2022-09-07/(9)/c03565/lead#2022-12-31')!.context;
    expect([c.nominalDueDate, c.period, c.dueDate]).toEqual(['2022-12-31', '2022', '2023-01-03']);
  });

  it('ends with 63 done (2 late), one extension, one return, and 4 overdue and escalated', () => {
    expect(all.filter((s) => s.state === 'done')).toHaveLength(63);
    expect(all.filter((s) => s.context.outcome?.result === 'late').map((s) => `${s.context.itemLabel} ${s.context.unitId}`).sort()).toEqual(['(4) d109-tckh', '(5) d109-tp']);
    const extended = all.filter((s) => s.context.extensions.length > 0);
    // asked for on 20/12/2022, before Friday 30/12, the last working day before the deadline; reported 30/1/2023:
    // on time against the extension, late against the original deadline
    expect(extended.map((s) => [s.context.unitId, s.context.originalDueDate, s.context.dueDate, s.context.outcome?.onTimeExtended, s.context.outcome?.onTimeOriginal])).toEqual([
      ['d109-kthf', '2023-01-03', '2023-01-31', true, false],
    ]);
    expect(all.filter((s) => s.context.returns.length > 0).map((s) => s.context.unitId)).toEqual(['d109-tp']);
    // the two silent communes are still open, overdue and escalated; the two late reports were overdue (and escalated) first
    const overdue = all.filter((s) => s.context.overdue);
    expect(overdue.map((s) => `${s.context.itemLabel} ${s.context.unitId} ${s.state} ${s.context.escalated}`).sort()).toEqual([
      '(4) d109-tckh done true',
      '(5) d109-tp done true',
      '(9) c03586 acknowledged true',
      '(9) c03589 acknowledged true',
    ]);
    // the sweep has nothing more to send
    expect(lifecycle.sweep(all, Date.parse(now))).toEqual([]);
  });

  it('replays every log from the trusted input to the same state, and measures the on-time rate', () => {
    for (const input of inputs) expect(lifecycle.replay(input, logs.get(input.id)!)).toEqual(states.get(input.id));
    // the year-end tasks count in 2022, where their nominal date falls, not in 2023 where their deadline moved
    expect(assignmentStats(all, '2023', Date.parse(now), calendar)).toEqual([]);
    const stats = assignmentStats(all, '2022', Date.parse(now), calendar);
    // Nậm Xe leads (9) only, still open: 0 of 1; its (2) as a coordinating unit counts only when asked
    expect(stats.find((x) => x.unitId === 'c03586')).toMatchObject({ assigned: 1, doneOnTime: 0, openOverdue: 1, onTimeRate: 0 });
    const both = assignmentStats(all, '2022', Date.parse(now), calendar, { roles: ['lead', 'coordinating'] });
    expect(both.find((x) => x.unitId === 'c03586')).toMatchObject({ assigned: 2, doneOnTime: 1, onTimeRate: 50 });
    // Finance-Planning: (4) reported 10/1/2023, 5 working days after 3/1 (4, 5, 6, 9, 10); (9) on time
    expect(stats.find((x) => x.unitId === 'd109-tckh')).toMatchObject({ assigned: 2, doneOnTime: 1, doneLate: 1, averageDelayWorkingDays: 5, onTimeRate: 50 });
    // Economy-Infrastructure: (8) on time only thanks to its extension, (9) on time
    expect(stats.find((x) => x.unitId === 'd109-kthf')).toMatchObject({ assigned: 2, doneOnTime: 2, doneOnTimeOriginal: 1, onTimeRate: 100, onTimeRateOriginal: 50 });
    const id = 'phong-tho-tb-2022-09-07/(8)/d109-kthf/lead#2022-12-31';
    const trail = auditTrail(inputs.find((i) => i.id === id)!, logs.get(id)!, '2022-09-07T09:00:00+07:00', Date.parse(now), calendar, 'en');
    expect(trail.lines.map((l) => [l.what, l.nominalDueDate, l.dueDate])).toEqual([
      ['acknowledged the assignment', '2022-12-31', '2023-01-03'],
      ['started work', '2022-12-31', '2023-01-03'],
      ['requested an extension → 2023-01-31: Chờ đơn vị tư vấn hoàn thành đánh giá nội bộ HTQLCL', '2022-12-31', '2023-01-03'],
      ['granted the extension', '2022-12-31', '2023-01-31'],
      // Thursday 19/1/2023: Tết 2023 is 20-26/1, so 27, 30 and 31/1 are the 3 working days left
      ['reminder (3 working days left)', '2022-12-31', '2023-01-31'],
      ['reported the result', '2022-12-31', '2023-01-31'],
      ['approved it as done', '2022-12-31', '2023-01-31'],
    ]);
  });
});

describe('ISO 9001 on two offices (illustrative records, planted defects)', () => {
  it('finds every planted defect, with its legal basis, and turns one into a corrective task', async () => {
    const par = createPar({ plugins: [createIso9001Plugin({ systems: qms.systems } as Iso9001Options)] });
    const findings = await par.runChecks({ unitIds: ['d109-vp', 'd109-tp'], period: '2022', now: Date.parse('2022-12-31T09:00:00+07:00') });
    expect(findings.map((f) => `${f.unitId} ${f.checkId} ${f.severity}`)).toEqual([
      'd109-vp processTime major', // P-02 takes 2 working days against 1
      'd109-vp reAnnouncement minor', // scope changed 1/3/2022, not re-announced by 31/3 (ISO-11, unconfirmed)
      'd109-vp processUpdates minor', // P-03's legal basis changed 1/7/2022, process not updated by 31/7 (ISO-12, unconfirmed)
      'd109-vp controlledDocuments minor', // QT-KSTL version 2 in use from 31/10/2022 without approval (cl. 7.5)
      'd109-tp announcementOrder minor', // announced 1/4/2021 before any internal audit (ISO-05, unconfirmed)
      'd109-tp nonconformities major', // action due 31/10/2022 not done
    ]);
    // due 10 working days after the check on Saturday 31/12/2022 (2/1/2023 is a day off): 3, 4, 5, 6, 9, 10, 11, 12,
    // 13 and 16 January, not the missed deadline of 31/7/2022
    const item = findingToDirectiveItem(findings[2]!, { label: '(1)', foundOn: '2022-12-31' });
    expect(item).toMatchObject({ lead: [{ by: 'unit', unitId: 'd109-vp' }], due: { kind: 'date', date: '2023-01-16' }, priority: 'normal' });
    const { metrics } = await par.computeMetrics({ unitIds: ['d109-vp', 'd109-tp'], period: '2022', now: Date.parse('2022-12-31T09:00:00+07:00') });
    expect(metrics.filter((m) => m.metricId === 'iso9001.overallConformity').map((m) => m.value)).toEqual([false, false]);
  });
});

describe('the example script', () => {
  it('prints the ranking, the lowest unit, the assignments and the successor of each 2022 commune', { timeout: 60_000 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@par/source', 'src/main.ts', '--lang=en'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
    });
    expect(out).toContain('PAR INDEX 2021 OF THE COMMUNES AND TOWN (illustrative data)');
    // points and indexes with three decimals, as the province publishes them: 58.995 / 69.25 x 100 = 85.1913...
    expect(out).toMatch(/^1 +Sin Suối Hồ commune +58\.995 +69\.25 +85\.191 +Good$/m);
    expect(out).toMatch(/Lowest unit: .+ \(\d+\.\d{3}%\)/);
    // item (1) names the bottom 3 of the ranking (ranks 15, 16 and 17 above)
    expect(out).not.toContain('waits for results');
    expect(out).toMatch(/^Bản Lang commune\n {2}\(1\) lead: 2022-12-31$/m);
    expect(out).toContain('(5) coordinating: standing duty, no date of its own');
    expect(out).toContain('(8) lead: 2022-12-31');
    expect(out).toContain('FOLLOW-UP (illustrative) as of 2023-02-06');
    // one lifecycle per obligation: 65 deadlines and reports, 63 of them done by 06/02/2023
    expect(out).toContain('Done: 63 of 65 deadlines and reports (on time 61, late 2); extended: 1; returned: 1');
    // both rates are printed: Economy-Infrastructure is on time only by its extension, so 2/2 against the deadline
    // in force (100%) but 1/2 against the original deadline of 3/1/2023 (its (8) reported on 30/1/2023): 50%
    expect(out).toMatch(/^ {2}Economy-Infrastructure office +2\/2 on time \(1\/2 by the original deadline\), 0 late, 0 overdue: 100% \(original deadline 50%\)$/m);
    expect(out).toMatch(/^ {2}Finance-Planning office +1\/2 on time \(1\/2 by the original deadline\), 1 late, 0 overdue: 50% \(original deadline 50%\)$/m);
    expect(out).toContain('ISO 9001:2015 QMS CHECKS (illustrative) on 31/12/2022');
    expect(out).toContain('Corrective task (1): Put right: Process P-02 (v2) takes 2 working days, more than the legal 1 working day');
    expect(out).toContain('03391 Lả Nhì Thàng commune -> Đoàn Kết ward (03388; 1670/NQ-UBTVQH15 Art.1 cl.36)');
    expect(out).toContain('03592 Sin Suối Hồ commune -> Sin Suối Hồ commune (03394; 1670/NQ-UBTVQH15 Art.1 cl.13)');
  });
});
