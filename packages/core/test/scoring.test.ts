import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeIndex,
  createIndexEngine,
  deriveFramework,
  evaluateRule,
  parseAssessment,
  parseFramework,
  toMicro,
  type Assessment,
  type ScoringRule,
} from '../src/index.js';
import { miniFramework, problems } from './fixtures.js';
import { again, assess, full, mini, selfScored, u1 } from './scoring-fixtures.js';

const rule = (code: string) => mini.nodes.flatMap((n) => [n, ...(n.children ?? [])]).find((n) => n.code === code)!.rule as ScoringRule;

describe('rules at their tier edges', () => {
  it('ratio tiers: > 90% full, >= 70% half, else 0 (1.3, max 3.7)', () => {
    const r = rule('1.3');
    const max = toMicro(3.7);
    expect(evaluateRule(r, max, 90.000001)).toEqual({ micro: 3_700_000, tier: 0 });
    expect(evaluateRule(r, max, 90)).toEqual({ micro: 1_850_000, tier: 1 });
    expect(evaluateRule(r, max, 70)).toEqual({ micro: 1_850_000, tier: 1 });
    expect(evaluateRule(r, max, 69.999999)).toEqual({ micro: 0, tier: -1 });
  });

  it('count tiers, fewer is better: 0 full, <= 2 half, else 0 (2.2, max 1)', () => {
    const r = rule('2.2');
    expect([0, 1, 2, 3].map((n) => evaluateRule(r, 1_000_000, n))).toEqual([
      { micro: 1_000_000, tier: 0 },
      { micro: 500_000, tier: 1 },
      { micro: 500_000, tier: 1 },
      { micro: 0, tier: -1 },
    ]);
  });

  it('linear from 80% to 100% (2.1, max 2), rounded once at the millionth', () => {
    const r = rule('2.1');
    expect(evaluateRule(r, 2_000_000, 80).micro).toBe(0);
    expect(evaluateRule(r, 2_000_000, 79).micro).toBe(0);
    expect(evaluateRule(r, 2_000_000, 87.3).micro).toBe(730_000); // 2 x 7.3 / 20
    expect(evaluateRule(r, 2_000_000, 86.666666).micro).toBe(666_667); // 0.6666666 rounds up
    expect(evaluateRule(r, 2_000_000, 100).micro).toBe(2_000_000);
  });

  it('timeliness, yes/no and deduction per occurrence with its floor', () => {
    expect(['onTime', 'late', 'missing'].map((v) => evaluateRule(rule('1.1'), 100_000, v as 'onTime').micro)).toEqual([100_000, 50_000, 0]);
    expect([true, false].map((v) => evaluateRule(rule('1.2'), 200_000, v).micro)).toEqual([200_000, 0]);
    // full 2 less 0.5 per occurrence, never below 0
    expect([0, 3, 4, 9].map((n) => evaluateRule(rule('T'), 2_000_000, n).micro)).toEqual([2_000_000, 500_000, 0, 0]);
    // with a floor of a quarter of the maximum: never below 0.5
    const floored = { kind: 'deductionPerOccurrence', shareEach: 0.25, floorShare: 0.25 } as ScoringRule;
    expect([2, 3, 9].map((n) => evaluateRule(floored, 2_000_000, n).micro)).toEqual([1_000_000, 500_000, 500_000]);
  });
});

describe('computing the index', () => {
  it('removes N/A nodes from the maximum, imports the survey, subtracts deductions (U1 by hand)', () => {
    // appraised: 1.1 0.05 (round 1) + 1.2 0.2 + 1.3 1.85 (90% is not > 90) + 2.2 0.5 (1 case) = 2.6 of 5 (2.1 is N/A)
    // survey 2.25 of 3; deduction: 3 occurrences x 0.5 = 1.5
    // final 2.6 + 2.25 - 1.5 = 3.35 of 8 applicable = 41.875% -> 41.88
    const r = computeIndex(mini, [u1()]).get('U1')!;
    expect(r.points).toEqual({ self: 2.65, appraised: 4.85, final: 3.35, max: 10, applicableMax: 8 });
    expect(r.channels).toEqual([
      { channel: 'appraised', self: 2.65, appraised: 2.6, final: 2.6, max: 7, applicableMax: 5 },
      { channel: 'survey', self: 0, appraised: 2.25, final: 2.25, max: 3, applicableMax: 3 },
      { channel: 'deduction', self: 1.5, appraised: 1.5, final: 1.5, max: 2, applicableMax: 2 },
    ]);
    expect([r.indexPercent, r.band, r.rank]).toEqual([41.88, 'weak', 1]);
  });

  it('keeps the self score, the appraisal rounds and the explanation side by side; round 2 decides', () => {
    const a = assess('U4', [
      { code: '1.1', self: { points: 0.1 } },
      { code: '1.2', self: { points: 0.2 }, appraisals: [{ round: 1, points: 0, reason: 'Không có báo cáo', appraiser: 'Tổ công tác' }] },
      {
        code: '1.3',
        self: { points: 3.7 },
        appraisals: [
          { round: 1, points: 1.85, reason: 'Thiếu tài liệu kiểm chứng', appraiser: 'Tổ công tác' },
          { round: 2, points: 3.7, reason: 'Đã bổ sung', appraiser: 'Hội đồng thẩm định' },
        ],
        explanation: { text: 'Bổ sung kế hoạch số 12/KH-UBND' },
      },
      { code: '2.1', self: { input: 100 } },
      { code: '2.2', self: { input: 0 } },
      { code: 'S', imported: { points: 3, source: 'SIPAS' } },
      { code: 'T', self: { input: 0 } },
    ]);
    const set = computeIndex(mini, [a]);
    // self 0.1 + 0.2 + 3.7 + 2 + 1 = 7; after appraisal 0.1 + 0 + 3.7 + 2 + 1 = 6.8; + survey 3 = 9.8 of 10
    expect(set.get('U4')!.points).toEqual({ self: 7, appraised: 9.8, final: 9.8, max: 10, applicableMax: 10 });
    expect(set.get('U4')!.indexPercent).toBe(98);
    const nodes = new Map(set.breakdown('U4').map((n) => [n.code, n]));
    expect([nodes.get('1.3')!.self, nodes.get('1.3')!.final, nodes.get('1.3')!.source]).toEqual([3.7, 3.7, 'appraisal']);
    expect([nodes.get('1.2')!.self, nodes.get('1.2')!.final, nodes.get('1.2')!.lost]).toEqual([0.2, 0, 0.2]);
    expect(nodes.get('1')).toMatchObject({ self: 4, final: 3.8, applicableMaxPoints: 4, componentIndex: 95 });
  });

  it('places bands at their exact edges: 80% is Good, 79.99999% is Fair though it prints as 80.00', () => {
    const edge = (unitId: string, deducted: number) =>
      assess(unitId, [
        { code: '1.1', self: { points: 0.1 } },
        { code: '1.2', self: { points: 0.2 } },
        { code: '1.3', self: { input: 70 } },
        { code: '2.1', self: { input: 100 } },
        { code: '2.2', self: { input: 0 } },
        { code: 'S', imported: { points: 3, source: 'SIPAS' } },
        { code: 'T', self: { points: deducted } },
      ]);
    // 0.1 + 0.2 + 1.85 + 2 + 1 + 3 = 8.15; less 0.15 = 8 of 10
    const set = computeIndex(mini, [edge('A', 0.15), edge('B', 0.150001)]);
    expect([set.get('A')!.indexPercent, set.get('A')!.band, set.get('A')!.rank]).toEqual([80, 'good', 1]);
    expect([set.get('B')!.indexPercent, set.get('B')!.band, set.get('B')!.rank]).toEqual([80, 'fair', 2]);
    expect(set.get('B')!.points.final).toBe(7.999999);
  });

  it('gives competition ranks (1, 1, 1, 4), and names the tie-break it used', () => {
    // U7: 0.1 + 0.2 + 3.7 + 1.5 (95%) + 1 = 6.5 appraised, survey 2.5: also 9 of 10 like U2 and U3 (6 + 3)
    const u7 = assess('U7', [
      { code: '1.1', self: { points: 0.1 } },
      { code: '1.2', self: { points: 0.2 } },
      { code: '1.3', self: { points: 3.7 } },
      { code: '2.1', self: { input: 95 } },
      { code: '2.2', self: { input: 0 } },
      { code: 'S', imported: { points: 2.5, source: 'SIPAS' } },
      { code: 'T', self: { input: 0 } },
    ]);
    const all = [u1(), full('U2'), full('U3'), u7];
    const shared = computeIndex(mini, all);
    expect(shared.tieBreak).toBe('shared');
    expect(shared.results.map((r) => [r.unitId, r.rank])).toEqual([['U2', 1], ['U3', 1], ['U7', 1], ['U1', 4]]);
    const byAppraised = computeIndex(mini, all, { tieBreak: 'appraisedPoints' });
    expect(byAppraised.tieBreak).toBe('appraisedPoints');
    expect(byAppraised.results.map((r) => [r.unitId, r.rank])).toEqual([['U7', 1], ['U2', 2], ['U3', 2], ['U1', 4]]);
  });

  it('ranks within peer groups by unit kind, and drops nodes that do not apply to a kind', () => {
    const f = miniFramework() as { nodes: { children?: Record<string, unknown>[] }[] };
    f.nodes[1]!.children![0]!.applicability = { unitKinds: ['ward'], notApplicableAllowed: true };
    const fw = parseFramework(f);
    const units = [
      { id: 'U2', kind: 'commune' },
      { id: 'U3', kind: 'ward' },
      { id: 'U1', kind: 'ward' },
    ];
    const set = computeIndex(fw, [full('U2'), full('U3'), u1()], { units });
    expect(set.peerGroups).toBe('unitKind');
    // U2 (commune): 2.1 does not apply, so 8 of 8 points: 100%
    expect(set.get('U2')).toMatchObject({ peerGroup: 'commune', rank: 1, indexPercent: 100, points: { applicableMax: 8 } });
    expect(set.get('U3')).toMatchObject({ peerGroup: 'ward', rank: 1, indexPercent: 90 });
    expect(set.get('U1')).toMatchObject({ peerGroup: 'ward', rank: 2 });
  });

  it('scores metric-bound leaves from metrics, keeping and flagging a different self score', () => {
    const f = miniFramework() as { nodes: { children?: Record<string, unknown>[] }[] };
    f.nodes[1]!.children![0]!.metric = { metricId: 'dossierOnTimeRate' };
    const fw = parseFramework(f);
    const entries = (self?: number) => [
      ...(self === undefined ? [] : [{ code: '2.1', self: { points: self } }]),
      { code: '1.1', self: { points: 0.1 } },
    ];
    const a = (id: string, self?: number) => parseAssessment({ unitId: id, framework: { id: 'mini', version: '1' }, period: '2021', entries: entries(self) }, fw);
    const metrics = [
      { metricId: 'dossierOnTimeRate', unitId: 'M1', period: '2021', value: 87.3, source: 'Hệ thống một cửa điện tử' },
      { metricId: 'dossierOnTimeRate', unitId: 'M2', period: '2021', value: 87.3, source: 'Hệ thống một cửa điện tử' },
      { metricId: 'dossierOnTimeRate', unitId: 'M2', period: '2020', value: 100, source: 'old' },
    ];
    const set = computeIndex(fw, [a('M1'), a('M2', 1)], { metrics });
    const leaf = (id: string) => set.breakdown(id).find((n) => n.code === '2.1')!;
    expect([leaf('M1').final, leaf('M1').source]).toEqual([0.73, 'computed']);
    expect([leaf('M2').final, leaf('M2').source]).toEqual([1, 'self']);
    expect(set.get('M2')!.warnings.filter((w) => w.kind === 'selfDiffersFromComputed').map((w) => w.code)).toEqual(['2.1']);
    expect(set.get('M1')!.warnings.filter((w) => w.kind === 'notScored').map((w) => w.code)).toEqual(['1.2', '1.3', '2.2', 'S', 'T']);
  });

  it('warns about missing evidence and evidence outside the period', () => {
    const f = miniFramework() as { nodes: { children?: Record<string, unknown>[] }[] };
    f.nodes[0]!.children![0]!.evidence = [{ vi: 'Kế hoạch CCHC năm' }];
    const fw = parseFramework(f);
    const make = (evidence: unknown[], refs: string[]) =>
      parseAssessment(
        { unitId: 'E', framework: { id: 'mini', version: '1' }, period: '2021', evidence, entries: [{ code: '1.1', self: { points: 0.1, evidence: refs } }, { code: '1.2', self: { points: 0.2, evidence: refs } }] },
        fw,
      );
    const warnings = (a: ReturnType<typeof make>) =>
      computeIndex(fw, [a]).get('E')!.warnings.filter((w) => w.kind.startsWith('evidence')).map((w) => [w.kind, w.code]);
    expect(warnings(make([], []))).toEqual([['evidenceMissing', '1.1']]);
    expect(warnings(make([{ id: 'kh', title: 'KH 12', kind: 'plan', documentDate: '2020-12-01' }], ['kh']))).toEqual([
      ['evidenceOutsidePeriod', '1.1'],
      ['evidenceOutsidePeriod', '1.2'],
    ]);
    expect(warnings(make([{ id: 'kh', title: 'KH 12', kind: 'plan', documentDate: '2020-12-01', effectiveFrom: '2020-12-01', effectiveTo: '2021-03-01' }], ['kh']))).toEqual([]);
  });

  it('recomputes one unit at a time, with the same result as a full computation', () => {
    const engine = createIndexEngine(mini);
    engine.set(u1());
    engine.set(full('U2'));
    expect(engine.result('U1')!.rank).toBe(2);
    const better = assess('U1', [...u1().entries.filter((e) => e.code !== 'S'), { code: 'S', imported: { points: 3, source: 'SIPAS' } }]);
    engine.set(better);
    expect(engine.result('U1')!.points.final).toBe(4.1);
    expect(engine.results().results).toEqual(computeIndex(mini, [better, full('U2')]).results);
    engine.remove('U2');
    expect(engine.results().results.map((r) => r.unitId)).toEqual(['U1']);
  });

  it('gives no index, band or rank to a unit where nothing applies', () => {
    const f = miniFramework() as { nodes: Record<string, unknown>[] };
    for (const n of f.nodes) n.applicability = { unitKinds: ['ward'] };
    const set = computeIndex(parseFramework(f), [full('U2')], { units: [{ id: 'U2', kind: 'commune' }] });
    expect(set.get('U2')).toMatchObject({ indexPercent: null, band: null, rank: null });
    expect(set.get('U2')!.warnings.map((w) => w.kind)).toContain('nothingApplicable');
  });

  it('refuses assessments of another framework version or period, and a unit assessed twice', () => {
    const other = again(u1(), { period: '2022' });
    const v2 = deriveFramework(mini, { id: 'mini', version: '2', base: { id: 'mini', version: '1' } });
    const wrong = again(full('U9'), { framework: { id: 'mini', version: '2' } }, v2);
    expect(problems(() => computeIndex(mini, [u1(), other, wrong]))).toEqual([
      ['assessments.1.period', 'period_mismatch'],
      ['assessments.1.unitId', 'duplicate_unit'],
      ['assessments.2.framework', 'framework_mismatch'],
    ]);
  });
});

describe('parsing assessments against their framework', () => {
  it('names every problem by path', () => {
    const bad = {
      unitId: 'X',
      framework: { id: 'mini', version: '1' },
      period: '2021',
      status: 'submitted',
      evidence: [{ id: 'e1', title: 'x', kind: 'plan' }],
      entries: [
        { code: '9.9', self: { points: 1 } },
        { code: '1', self: { points: 1 } },
        { code: '1.1', self: { points: 0.2 } },
        { code: '1.2', notApplicable: { reason: 'không' } },
        { code: 'S', self: { points: 1 } },
        { code: '1.3', imported: { points: 1, source: 'x' } },
        { code: '2.1', self: { input: 'onTime', evidence: ['e2'] }, appraisals: [{ round: 2, points: 1, appraiser: 'a' }] },
        { code: '2.2', self: { input: 1.5 } },
        { code: 'T', self: { points: 0.3 } },
        { code: '2.2' },
      ],
    };
    expect(problems(() => parseAssessment(bad, mini))).toEqual([
      ['entries.0.code', 'unknown_code'],
      ['entries.1.code', 'not_a_leaf'],
      ['entries.2.self.points', 'points_above_max'],
      ['entries.3.notApplicable', 'not_applicable_refused'],
      ['entries.4.self', 'self_on_imported_channel'],
      ['entries.5.imported', 'imported_on_scored_channel'],
      ['entries.6.self.input', 'input_mismatch'],
      ['entries.6.appraisals.0.round', 'appraisal_rounds'],
      ['entries.6.appraisals', 'status_mismatch'],
      ['entries.6.self.evidence.0', 'unknown_evidence'],
      ['entries.7.self.input', 'input_mismatch'],
      ['entries.9.code', 'duplicate_entry'],
    ]);
    expect(problems(() => parseAssessment({ ...bad, status: 'draft', entries: [{ code: 'S', imported: { points: 0.3, source: 'x' } }] }, mini))).toEqual([
      ['entries.0.imported.points', 'step_mismatch'],
    ]);
    expect(problems(() => parseAssessment({ ...bad, framework: { id: 'mini', version: '0' }, entries: [] }, mini))).toEqual([['framework', 'framework_mismatch']]);
  });
});

describe('the index engine, one change at a time or many', () => {
  it('ranks as a full computation after any sequence of sets, removals and reads (property)', () => {
    // 60 units, each with 5 versions scoring 0 to 0.2 on 1.2: many ties; more than 32 changes between two reads
    // rank the group by one sort, fewer move units one by one, and both must give computeIndex's ranking
    const POINTS = [0, 0.05, 0.1, 0.15, 0.2];
    const versions = Array.from({ length: 60 }, (_, u) => POINTS.map((p) => assess(`U${u}`, selfScored(p))));
    const unit = fc.integer({ min: 0, max: 59 });
    const op = fc.oneof(
      { arbitrary: fc.record({ set: unit, version: fc.integer({ min: 0, max: 4 }) }), weight: 10 },
      { arbitrary: fc.record({ remove: unit }), weight: 3 },
      { arbitrary: fc.record({ read: unit }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300, size: 'max' }), (ops) => {
        const engine = createIndexEngine(mini);
        const current = new Map<string, Assessment>();
        for (const o of ops) {
          if ('set' in o) {
            engine.set(versions[o.set]![o.version]!);
            current.set(`U${o.set}`, versions[o.set]![o.version]!);
          } else if ('remove' in o) {
            engine.remove(`U${o.remove}`);
            current.delete(`U${o.remove}`);
          } else {
            const expected = current.size === 0 ? undefined : computeIndex(mini, [...current.values()]).get(`U${o.read}`);
            expect(engine.result(`U${o.read}`)?.rank).toBe(expected?.rank);
          }
        }
        expect(engine.results().results).toEqual(current.size === 0 ? [] : computeIndex(mini, [...current.values()]).results);
      }),
      { numRuns: 60 },
    );
  });
});
