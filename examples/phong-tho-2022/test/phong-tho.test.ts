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
  it('fans out into 55 assignments, item (1) waiting for the 2021 results', () => {
    const { assignments, unresolved } = assignmentsOf(notice, { registry });
    const per = (label: string) => assignments.filter((a) => a.itemLabel === label).length;
    // (2): Home Affairs leads; 5 other offices + the media centre + 17 communes coordinate
    // (9): 6 offices + 17 communes lead
    expect(['(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'].map(per)).toEqual([24, 1, 1, 1, 2, 2, 1, 23]);
    expect(assignments).toHaveLength(55);
    expect(unresolved.map((u) => u.itemLabel)).toEqual(['(1)']);
    const home = assignments.find((a) => a.id === 'phong-tho-tb-2022-09-07/(2)/d109-nv/lead')!;
    expect(home.occurrences.map((o) => `${o.kind} ${o.dueDate}`)).toEqual(['report 2022-09-15', 'report 2022-12-15', 'deadline 2022-12-31']);
  });

  it('names the low-ranked units of item (1) once 2021 results are given', () => {
    const results = registry
      .at('2021-12-31')
      .descendantsOf('d109')
      .filter((u) => u.code !== undefined && u.code.length === 5)
      .map((u, i) => ({ unitId: u.id, rank: i + 1, band: i >= 15 ? 'average' : 'good' }));
    const { assignments, unresolved } = assignmentsOf(notice, { registry, results });
    expect(unresolved).toEqual([]);
    expect(assignments.filter((a) => a.itemLabel === '(1)').map((a) => a.unitId)).toEqual(['c03589', 'c03592']);
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
    expect(leavesOf(framework)).toHaveLength(46);
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
  it('derives the commune variant: no district duties, 54.5 appraised points, 39 leaves', () => {
    expect([communeFramework.id, communeFramework.derivedFrom, communeFramework.scale]).toEqual(['hue-commune-illustrative', { id: 'hue-district-illustrative', version: '2023.1' }, 89.5]);
    // 46 leaves less field 8 (3), 1.3 (2), 2.2.2 and 3.3.2
    expect(leavesOf(communeFramework)).toHaveLength(39);
    expect(communeFramework.nodes.map((n) => n.maxPoints)).toEqual([7.75, 5.5, 11.25, 5, 8, 6, 11, 25, 10]);
  });

  it('ranks the 17 communes by exact index, bands them, and explains the lowest', () => {
    const units = registry.at('2021-12-31').units.map((u) => ({ id: u.id, kind: u.kind }));
    const results = computeIndex(communeFramework, assessments2021, { units, peerGroup: 'all' });
    expect(results.results).toHaveLength(17);
    expect(results.results.map((r) => r.rank)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const r of results.results) {
      // the published index is final / applicable x 100, rounded once to 2 decimals
      expect(r.indexPercent).toBeCloseTo((r.points.final / r.points.applicableMax) * 100, 2);
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
  const { states, logs, lifecycle, calendar } = followUp2022(notice, set, now);
  const all = [...states.values()];

  it('gives every occurrence its own lifecycle: 64 of them', () => {
    // (2): Home Affairs' 2 reports and deadline + 23 coordinating; (3): 4 monthly reports; (6): 2 units x 2 quarterly
    // reports; (9): 23; (1): the 2 communes banded Average in 2021; (4), (5), (8): 1 each; (7): 2
    expect(all).toHaveLength(64);
    // the year-end deadline, Saturday 31/12/2022, moves past New Year to Tuesday 3/1/2023
    expect(states.get('phong-tho-tb-2022-09-07/(9)/c03565/lead#2022-12-31')!.context.dueDate).toBe('2023-01-03');
  });

  it('ends with 60 done (2 late), one extension, one return, and 4 overdue and escalated', () => {
    expect(all.filter((s) => s.state === 'done')).toHaveLength(60);
    expect(all.filter((s) => s.context.outcome?.result === 'late').map((s) => `${s.context.itemLabel} ${s.context.unitId}`).sort()).toEqual(['(4) d109-tckh', '(5) d109-tp']);
    const extended = all.filter((s) => s.context.extensions.length > 0);
    expect(extended.map((s) => [s.context.unitId, s.context.originalDueDate, s.context.dueDate, s.context.outcome?.result])).toEqual([['d109-kthf', '2023-01-03', '2023-01-31', 'onTime']]);
    expect(all.filter((s) => s.context.returns.length > 0).map((s) => s.context.unitId)).toEqual(['d109-tp']);
    // the two silent communes are still open, overdue and escalated; the two late reports were overdue (and escalated) first
    const overdue = all.filter((s) => s.context.overdue);
    expect(overdue.map((s) => `${s.context.itemLabel} ${s.context.unitId} ${s.state} ${s.context.escalated}`).sort()).toEqual([
      '(1) c03586 acknowledged true',
      '(1) c03589 acknowledged true',
      '(4) d109-tckh done true',
      '(5) d109-tp done true',
      '(9) c03586 acknowledged true',
      '(9) c03589 acknowledged true',
    ]);
    // the sweep has nothing more to send
    expect(lifecycle.sweep(all, Date.parse(now))).toEqual([]);
  });

  it('replays every log to the same state, and measures the on-time rate', () => {
    for (const [id, log] of logs) {
      const s = states.get(id)!;
      const { id: _id, documentId, itemLabel, unitId, role, issuerId, delegates, originalDueDate } = s.context;
      expect(lifecycle.replay({ id, documentId, itemLabel, unitId, role, issuerId, delegates, dueDate: originalDueDate }, log)).toEqual(s);
    }
    const stats = assignmentStats(all, '2023-Q1', Date.parse(now), calendar);
    // Nậm Xe: (1), (2) and (9) due 3/1/2023; only (2), as a coordinating unit, done
    expect(stats.find((x) => x.unitId === 'c03586')).toMatchObject({ assigned: 3, doneOnTime: 1, openOverdue: 2, onTimeRate: 33.33 });
    expect(stats.find((x) => x.unitId === 'd109-tckh')).toMatchObject({ assigned: 3, doneOnTime: 2, doneLate: 1, averageDelayWorkingDays: 5, onTimeRate: 66.67 });
    const trail = auditTrail(logs.get('phong-tho-tb-2022-09-07/(8)/d109-kthf/lead#2022-12-31')!, '2022-09-07T09:00:00+07:00', Date.parse(now), calendar, 'en');
    expect(trail.lines.map((l) => l.what)).toEqual([
      'acknowledged the assignment',
      'started work',
      'requested an extension → 2023-01-31: Chờ đơn vị tư vấn hoàn thành đánh giá nội bộ HTQLCL',
      'granted the extension',
      // Thursday 19/1/2023: Tết 2023 is 20-26/1, so 27, 30 and 31/1 are the 3 working days left
      'reminder (3 working days left)',
      'reported the result',
      'approved it as done',
    ]);
  });
});

describe('ISO 9001 on two offices (illustrative records, planted defects)', () => {
  it('finds every planted defect, with its legal basis, and turns one into a corrective task', () => {
    const par = createPar({ plugins: [createIso9001Plugin({ systems: qms.systems } as Iso9001Options)] });
    const findings = par.runChecks({ unitIds: ['d109-vp', 'd109-tp'], period: '2022', now: Date.parse('2022-12-31T09:00:00+07:00') });
    expect(findings.map((f) => `${f.unitId} ${f.checkId} ${f.severity}`)).toEqual([
      'd109-vp processTime major', // P-02 takes 2 days against 1
      'd109-vp announcement major', // scope changed 1/3/2022, not re-announced
      'd109-vp processUpdates major', // P-03's legal basis changed 1/7/2022, process not updated by 31/7
      'd109-vp controlledDocuments minor', // QT-KSTL due for review 31/10/2022
      'd109-tp managementReview major', // last review 15/3/2021
      'd109-tp announcement major', // announced 1/4/2021 before any internal audit
      'd109-tp nonconformities major', // action due 31/10/2022 not done
    ]);
    const item = findingToDirectiveItem(findings[2]!, { label: '(1)' });
    expect(item).toMatchObject({ lead: [{ by: 'unit', unitId: 'd109-vp' }], due: { kind: 'date', date: '2022-07-31' }, priority: 'high' });
    const { metrics } = par.computeMetrics({ unitIds: ['d109-vp', 'd109-tp'], period: '2022', now: Date.parse('2022-12-31T09:00:00+07:00') });
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
    expect(out).toMatch(/Lowest unit: .+ \(\d+\.?\d*%\)/);
    // item (1) now names the communes ranked Average or Weak
    expect(out).not.toContain('waits for results');
    expect(out).toContain('(8) lead: 2022-12-31');
    expect(out).toContain('FOLLOW-UP (illustrative) as of 2023-02-06');
    expect(out).toContain('Done: 60 (on time 58, late 2); extended: 1; returned: 1');
    expect(out).toContain('ISO 9001:2015 QMS CHECKS (illustrative) on 31/12/2022');
    expect(out).toContain('Corrective task (1): Put right: Process P-02 (v2) takes 2 days, more than the legal 1');
    expect(out).toContain('03391 Lả Nhì Thàng commune -> Đoàn Kết ward (03388; 1670/NQ-UBTVQH15 Art.1 cl.36)');
    expect(out).toContain('03592 Sin Suối Hồ commune -> Sin Suối Hồ commune (03394; 1670/NQ-UBTVQH15 Art.1 cl.13)');
  });
});
