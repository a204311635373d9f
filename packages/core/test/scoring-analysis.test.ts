import { describe, expect, it } from 'vitest';
import {
  compareResults,
  computeIndex,
  createUnitRegistry,
  deriveFramework,
  explain,
  gapAnalysis,
  parseCrosswalk,
  reconcile,
  resultsToCsv,
  resultsToJson,
  sensitivity,
  updateAssessment,
} from '../src/index.js';
import { miniChanges, miniUnits, problems } from './fixtures.js';
import { again, assess, full, mini, selfScored, u1 } from './scoring-fixtures.js';


describe('assessment status and lock', () => {
  const draft = () => assess('U1', [{ code: '1.2', self: { points: 0.2 } }], { status: 'draft' });

  it('lets a draft change its self scores and move on to submitted, then freezes them', () => {
    const submitted = updateAssessment(draft(), { ...draft(), status: 'submitted', entries: selfScored(0) }, mini);
    expect(submitted.status).toBe('submitted');
    expect(problems(() => updateAssessment(submitted, { ...submitted, entries: selfScored(0.2) }, mini))).toEqual([['entries.1', 'self_frozen']]);
    // submitting with leaves left unscored is refused, naming them: the draft scores 1.2 only
    expect(() => updateAssessment(draft(), { ...draft(), status: 'submitted' }, mini)).toThrow('not scored: 1.1, 1.3, 2.1, 2.2, S, T');
  });

  it('takes round 1 under appraisal, the explanation after it, round 2 once explained', () => {
    const others = selfScored(0.2).filter((e) => e.code !== '1.2');
    const under = assess('U1', [{ code: '1.2', self: { points: 0.2 } }, ...others], { status: 'underAppraisal' });
    const r1 = updateAssessment(under, { ...under, entries: [{ code: '1.2', self: { points: 0.2 }, appraisals: [{ round: 1, points: 0, appraiser: 'Tổ công tác' }] }, ...others] }, mini);
    const explained = updateAssessment(r1, { ...r1, status: 'explained', entries: [{ ...r1.entries[0], explanation: { text: 'Đã có báo cáo số 5/BC' } }, ...r1.entries.slice(1)] }, mini);
    const round2 = [{ ...explained.entries[0], appraisals: [...explained.entries[0]!.appraisals, { round: 2, points: 0.2, appraiser: 'Hội đồng' }] }, ...explained.entries.slice(1)];
    const r2 = updateAssessment(explained, { ...explained, status: 'appraised', entries: round2 }, mini);
    expect(r2.entries[0]!.appraisals.map((a) => a.points)).toEqual([0, 0.2]);
    // round 1 cannot be rewritten once explained
    expect(problems(() => updateAssessment(explained, { ...explained, entries: [{ ...explained.entries[0], appraisals: [{ round: 1, points: 0.1, appraiser: 'x' }] }, ...explained.entries.slice(1)] }, mini))).toEqual([
      ['entries.0', 'round_closed'],
    ]);
    // a status cannot jump
    const complete = assess('U1', selfScored(0.2), { status: 'draft' });
    expect(problems(() => updateAssessment(complete, { ...complete, status: 'published' }, mini))).toEqual([['status', 'transition_refused']]);
  });

  it('locks a published assessment', () => {
    const published = again(u1(), { status: 'published' });
    expect(problems(() => updateAssessment(published, { ...published, entries: published.entries.slice(1) }, mini))).toEqual([['', 'assessment_locked']]);
    expect(updateAssessment(published, structuredClone(published), mini).status).toBe('published');
  });
});

describe('explanations', () => {
  const set = computeIndex(mini, [u1(), full('U2'), full('U3')]);

  it('shows every leaf with its rule, input, tier, rounds and reasons, and where points were lost, largest first', () => {
    const e = explain(mini, set, 'U1')!;
    expect(e.lostPoints.map((l) => [l.code, l.lost])).toEqual([
      ['1.3', 1.85],
      ['T', 1.5],
      ['S', 0.75],
      ['2.2', 0.5],
      ['1.1', 0.05],
    ]);
    const l13 = e.leaves.find((l) => l.code === '1.3')!;
    expect(l13).toMatchObject({ rule: '> 90% → 100%; ≥ 70% → 50%; còn lại → 0%', input: { value: 90, from: 'self' }, tier: 1, self: 1.85, final: 1.85, source: 'self' });
    expect(e.leaves.find((l) => l.code === '1.1')).toMatchObject({ self: 0.1, final: 0.05, appraisals: [{ round: 1, points: 0.05, reason: 'Ban hành trễ 3 ngày' }] });
    expect(e.leaves.find((l) => l.code === '2.1')).toMatchObject({ notApplicableReason: 'Không phát sinh hồ sơ', source: 'notApplicable', lost: 0 });
  });

  it('names strengths and weaknesses against the peer group median', () => {
    // component indices: U1 field 1 = 2.1/4 = 52.5%, field 2 = 0.5/1 = 50%, S = 75%; U2 and U3: 100%, 66.67%... 
    const e = explain(mini, set, 'U1', { lang: 'en' })!;
    expect(e.weaknesses.map((w) => [w.code, w.componentIndex, w.peerMedian, w.difference, w.rankInGroup])).toEqual([
      ['2', 50, 66.67, -16.67, 3],
      ['1', 52.5, 100, -47.5, 3],
      ['S', 75, 100, -25, 3],
    ].sort((a, b) => (a[3] as number) - (b[3] as number)));
    expect(e.strengths).toEqual([]);
    expect(explain(mini, set, 'nobody')).toBeUndefined();
  });
});

describe('year over year', () => {
  it('reports the change in points, index and rank ("dropped 2 places")', () => {
    const before = computeIndex(mini, [full('U1'), u1Named('U2'), u1Named('U3')]);
    const now = computeIndex(mini, [u1(), full('U2'), full('U3')]);
    const yoy = compareResults(now, before);
    const row = yoy.rows.find((r) => r.unitId === 'U1')!;
    expect(row.index).toEqual({ now: 41.88, before: 90, change: -48.12 });
    expect(row.points).toEqual({ now: 3.35, before: 9, change: -5.65 });
    expect(row.rank).toEqual({ now: 3, before: 1, change: -2 });
    expect(row.summary.en).toBe('Dropped 2 places');
    expect(row.summary.vi).toBe('Tụt 2 bậc');
    expect(yoy.rows.find((r) => r.unitId === 'U2')!.summary.en).toBe('Rose 1 place');
  });

  it('follows a merger through lineage and pools the predecessors (declared policy)', () => {
    const registry = createUnitRegistry(miniUnits(), miniChanges());
    // 2024: A (U1's scores, 3.35 of 8) and B (full, 9 of 10); 2025: AB, merged on 1 July 2025
    const before = computeIndex(mini, [again(u1(), { unitId: 'A' }), full('B'), full('C')].map((a) => again(a, { period: '2024' })));
    const now = computeIndex(mini, [again(full('AB'), { period: '2025' }), again(u1(), { unitId: 'C', period: '2025' })]);
    const pooled = compareResults(now, before, { registry });
    const ab = pooled.rows.find((r) => r.unitId === 'AB')!;
    // pooled: (3.35 + 9) / (8 + 10) = 68.6111% -> 68.61
    expect([ab.previousUnitIds, ab.index.before, ab.points.before, ab.rank.before, ab.summary.en]).toEqual([
      ['B', 'A'],
      68.61,
      12.35,
      null,
      'New unit after the merger: compared with its predecessors combined',
    ]);
    expect(compareResults(now, before, { registry, mergePolicy: 'mean' }).rows.find((r) => r.unitId === 'AB')!.index.before).toBe(65.94); // (41.88 + 90) / 2
    expect(compareResults(now, before, { registry, mergePolicy: 'worst' }).rows.find((r) => r.unitId === 'AB')!.index.before).toBe(41.88);
    expect(pooled.mergePolicy).toBe('pooled');
    // node 1 pooled: A 2.1 of 4, B 4 of 4 -> 6.1 / 8 = 76.25%
    expect(ab.nodes.find((n) => n.code === '1')).toEqual({ code: '1', now: 100, before: 76.25, change: 23.75 });
  });

  it('matches nodes across a framework version change through a crosswalk', () => {
    const v2 = deriveFramework(mini, {
      id: 'mini',
      version: '2',
      base: { id: 'mini', version: '1' },
      operations: [
        { op: 'exclude', code: '1.1' },
        { op: 'exclude', code: '1.2' },
        { op: 'add', parentCode: '1', after: '1.3', node: { code: '1.4', name: { vi: 'Kế hoạch và báo cáo' }, maxPoints: 0.3, rule: { kind: 'manual' } } },
      ],
    });
    const crosswalk = parseCrosswalk({ from: { id: 'mini', version: '1' }, to: { id: 'mini', version: '2' }, codes: { '1.4': ['1.1', '1.2'] } });
    const before = computeIndex(mini, [u1()]);
    const now = computeIndex(v2, [
      again(u1(), { framework: { id: 'mini', version: '2' }, entries: [...u1().entries.filter((e) => !['1.1', '1.2'].includes(e.code)), { code: '1.4', self: { points: 0.3, evidence: [] }, appraisals: [] }] }, v2),
    ]);
    const nodes = compareResults(now, before, { crosswalk }).rows[0]!.nodes;
    // before: 1.1 0.05 + 1.2 0.2 = 0.25 of 0.3 = 83.33%; now 1.4: 0.3 of 0.3
    expect(nodes.find((n) => n.code === '1.4')).toEqual({ code: '1.4', now: 100, before: 83.33, change: 16.67 });
    expect(nodes.find((n) => n.code === '1.3')).toEqual({ code: '1.3', now: 50, before: 50, change: 0 });
  });
});

function u1Named(unitId: string) {
  return again(u1(), { unitId });
}

describe('gap analysis', () => {
  it('finds where the most points are lost and what each unit could gain', () => {
    const set = computeIndex(mini, [u1(), full('U2'), full('U3')]);
    const gaps = gapAnalysis(mini, set, { weakest: 2 });
    // leaves: 2.1 loses 1 (U2) + 1 (U3) = 2; 1.3 loses 1.85 (U1); S 0.75 (U1); 2.2 0.5; 1.1 0.05
    expect(gaps.nodes.map((n) => [n.code, n.lostTotal, n.unitsLosing])).toEqual([
      ['2.1', 2, 2],
      ['1.3', 1.85, 1],
      ['S', 0.75, 1],
      ['2.2', 0.5, 1],
      ['1.1', 0.05, 1],
      ['1.2', 0, 0],
    ]);
    // U1 lifting 1.3 and S: 3.35 + 2.6 = 5.95 of 8 = 74.375% -> 74.38, still third
    expect(gaps.units.find((u) => u.unitId === 'U1')).toEqual({
      unitId: 'U1',
      weakest: [{ code: '1.3', lost: 1.85 }, { code: 'S', lost: 0.75 }],
      gain: 2.6,
      indexNow: 41.88,
      indexPotential: 74.38,
      rankNow: 3,
      rankPotential: 3,
    });
    expect(gaps.units.find((u) => u.unitId === 'U2')).toMatchObject({ gain: 1, indexPotential: 100, rankPotential: 1 });
    expect(gapAnalysis(mini, set, { depth: 1 }).nodes.map((n) => [n.code, n.lostTotal])).toEqual([
      ['2', 2.5],
      ['1', 1.9],
      ['S', 0.75],
    ]);
  });
});

describe('reconciling a published table', () => {
  const items = {
    items: [
      { code: '1', maxPoints: 10 },
      { code: '1.1', maxPoints: 4 },
      { code: '1.2', maxPoints: 6 },
      { code: '2', maxPoints: 10 },
    ],
    bands: [
      { id: 'good', label: { vi: 'Tốt' }, minPercent: 80 },
      { id: 'fair', label: { vi: 'Khá' }, maxPercentExclusive: 80 },
    ],
  };
  const table = {
    rows: [
      { unit: 'Xã Dào San', items: { '1.1': 4, '1.2': 5.5, '1': 9.5, '2': 8 }, total: 17.5, indexPercent: 87.5, rank: 1, band: 'Tốt' },
      // planted error: 3.25 + 6 is 9.25, not 9.5, so the total is 17.25, not 17.5
      { unit: 'xã  mù sang', items: { '1.1': 3.25, '1.2': 6, '1': 9.5, '2': 8 }, total: 17.5, indexPercent: 87.5, rank: 1, band: 'Tốt' },
      { unit: 'Xã Sì Lở Lầu', items: { '1.1': 4, '1.2': 6, '2': 7.9 }, total: 17.9, indexPercent: 89.5, rank: 3, band: 'Khá' },
      { unit: 'Xã Bản Lang', items: { '1.1': 4, '1.2': 6, '2': null }, total: 10, indexPercent: 100, rank: 1 },
    ],
  };

  it('lists every discrepancy, and the ranking the items imply', () => {
    const r = reconcile(items, table, { units: [{ id: 'c03568', name: { vi: 'Xã Mù Sang' } }] });
    expect(r.discrepancies.filter((d) => d.kind !== 'rankMismatch' && d.kind !== 'rankMoved').map((d) => [d.row, d.unitId ?? d.unit, d.kind, d.code ?? '', d.printed, d.expected])).toEqual([
      // only Mù Sang is among the units given
      [0, 'Xã Dào San', 'unknownUnit', '', undefined, undefined],
      [1, 'c03568', 'parentNotSum', '1', 9.5, 9.25],
      [1, 'c03568', 'totalNotSum', '', 17.5, 17.25],
      // Sì Lở Lầu: 17.9 of 20 = 89.5% is printed right, but that is Good, not Fair
      [2, 'Xã Sì Lở Lầu', 'unknownUnit', '', undefined, undefined],
      [2, 'Xã Sì Lở Lầu', 'bandMismatch', '', 'Khá', 'good'],
      [3, 'Xã Bản Lang', 'unknownUnit', '', undefined, undefined],
    ]);
    // Bản Lang: item 2 not applicable -> 10 of 10 = 100%, rank 1; Sì Lở Lầu 89.5%; Dào San and Mù Sang (as printed) 87.5%
    expect(r.corrected.map((c) => [c.unit, c.total, c.indexPercent, c.rank, c.band])).toEqual([
      ['Xã Bản Lang', 10, 100, 1, 'good'],
      ['Xã Sì Lở Lầu', 17.9, 89.5, 2, 'good'],
      ['Xã Dào San', 17.5, 87.5, 3, 'good'],
      ['xã  mù sang', 17.25, 86.25, 4, 'good'],
    ]);
  });

  it('checks ranks against the printed totals', () => {
    const r = reconcile(items, table);
    // by printed totals: Bản Lang 100%, Sì Lở Lầu 89.5%, Dào San and Mù Sang 87.5% (tied, 3rd)
    expect(r.discrepancies.filter((d) => d.kind === 'rankMismatch').map((d) => [d.unit, d.printed, d.expected])).toEqual([
      ['Xã Dào San', 1, 3],
      ['xã  mù sang', 1, 3],
      ['Xã Sì Lở Lầu', 3, 2],
    ]);
  });

  it('takes a full framework too, and refuses tables of the wrong shape', () => {
    const r = reconcile(mini, { rows: [{ unit: 'U', items: { '1.1': 0.1, '1.2': 0.2, '1.3': 3.7, '2.1': 2, '2.2': 1, S: 3 }, total: 10, indexPercent: 100 }] });
    expect(r.discrepancies).toEqual([]);
    expect(problems(() => reconcile(items, { rows: [{ unit: '', items: { '1': 'x' } }] }))).toEqual([
      ['rows.0.unit', 'schema.too_small'],
      ['rows.0.items.1', 'schema.invalid_type'],
    ]);
  });
});

describe('sensitivity', () => {
  // U8 against U2: +1 point on 2.1 (100% instead of 90%), -0.75 on the survey: 9.25 against 9
  const u8 = assess('U8', [
    ...full('U8').entries.filter((e) => e.code !== '2.1' && e.code !== 'S'),
    { code: '2.1', self: { input: 100 } },
    { code: 'S', imported: { points: 2.25, source: 'SIPAS' } },
  ]);
  const assessments = [u1(), full('U2'), u8];

  it('gives the base ranks back when nothing is perturbed', () => {
    const r = sensitivity(mini, assessments, { samples: 50, perturbation: 0, notApplicablePolicies: ['exclude'] });
    expect(r.units.map((u) => [u.unitId, u.baseRank, u.medianRank, u.p5Rank, u.p95Rank, u.robust])).toEqual([
      ['U1', 3, 3, 3, 3, true],
      ['U2', 2, 2, 2, 2, true],
      ['U8', 1, 1, 1, 1, true],
    ]);
  });

  it('is reproducible with a seed, and finds the close pair not robust under ±30% weights', () => {
    // U8 leads U2 by w(2.1) - 0.75 w(S): below zero when w(2.1) < 0.75 w(S), about 14% of draws at ±30%; U1 stays last
    const a = sensitivity(mini, assessments, { samples: 400, perturbation: 0.3, seed: 7, robustSpan: 0 });
    const b = sensitivity(mini, assessments, { samples: 400, perturbation: 0.3, seed: 7, robustSpan: 0 });
    expect(a).toEqual(b);
    const by = new Map(a.units.map((u) => [u.unitId, u]));
    expect([by.get('U1')!.p5Rank, by.get('U1')!.p95Rank, by.get('U1')!.robust]).toEqual([3, 3, true]);
    expect([by.get('U8')!.p5Rank, by.get('U8')!.p95Rank, by.get('U8')!.robust]).toEqual([1, 2, false]);
    expect(a.seed).toBe(7);
  });
});

describe('serialising results', () => {
  const set = computeIndex(mini, [u1(), full('U2')]);

  it('writes CSV with Vietnamese headers by default, English on request, rounded once', () => {
    expect(resultsToCsv(mini, set, { unitName: (id) => (id === 'U1' ? 'Xã Dào San' : 'Xã Mù Sang') })).toBe(
      [
        'Mã đơn vị,Tên đơn vị,Nhóm,Điểm tự đánh giá,Điểm thẩm định,Điểm đạt,Điểm tối đa phát sinh,Chỉ số (%),Xếp loại,Xếp hạng',
        'U2,Xã Mù Sang,all,6.000,9.000,9.000,10.000,90.00,Tốt,1',
        'U1,Xã Dào San,all,2.650,4.850,3.350,8.000,41.88,Yếu,2',
        '',
      ].join('\n'),
    );
    const en = resultsToCsv(mini, set, { lang: 'en', fields: true }).split('\n');
    expect(en[0]).toBe('Unit id,Unit,Peer group,Self-assessed points,Appraised points,Final points,Applicable maximum,Index (%),Band,Rank,Component index 1 (%),Component index 2 (%),Component index S (%),Component index T (%)');
    // the mini framework's bands have no English label, so the Vietnamese one stands
    expect(en[2]).toBe('U1,U1,all,2.650,4.850,3.350,8.000,41.88,Yếu,2,52.50,50.00,75.00,75.00');
  });

  it('round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(resultsToJson(set, { breakdown: true })));
    expect(json.results[1].unitId).toBe('U1');
    expect(json.results[1].nodes.find((n: { code: string }) => n.code === '1.3').final).toBe(1.85);
    expect(json.tieBreak).toBe('shared');
  });
});
