// The example read against its sources (issue 11): the criterion wording of the illustrative catalogue
// (source/illustrative-district-framework.json, the project's par-index.md), the notice
// (source/notice-2022-09-07.vi.txt) and the 2025 legal bases (source/data-README.md). Every expected number is
// worked out by hand from those texts, in the comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  computeIndex,
  evaluateRule,
  fromMicro,
  indexFramework,
  inputProblem,
  leavesOf,
  parseAssessment,
  parseUnitChanges,
  ParValidationError,
  toMicro,
  type Framework,
  type RuleInput,
  type ScoringRule,
} from '@par/core';
import { illustrativeAssessments2021 } from '../src/illustrative-assessments.js';
import { loadPhongTho } from '../src/load.js';

const { registry, notice, framework, communeFramework } = loadPhongTho();
const text = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** Nậm Xe's draft commune assessment with these entries, scored alone: its final points and applicable maximum. */
function scoreDraft(entries: unknown[]) {
  const draft = parseAssessment({ unitId: 'c03586', framework: { id: communeFramework.id, version: communeFramework.version }, period: '2021', entries }, communeFramework);
  return computeIndex(communeFramework, [draft], { units: [{ id: 'c03586', kind: 'commune' }], peerGroup: 'all' }).results[0]!;
}

/** The points a leaf of `f` earns for `input`, by the engine's own rule evaluation. */
function points(f: Framework, code: string, input: RuleInput): number {
  const node = indexFramework(f).get(code)!.node;
  return fromMicro(evaluateRule(node.rule as ScoringRule, toMicro(node.maxPoints), input).micro);
}

describe('criterion 1.5: at least one recognised initiative earns full points', () => {
  it('scores 1.5.1 on the count of recognised initiatives, more being better, and 1.5.2 on dialogue held', () => {
    // 1.5 (1.25 points) = 1.5.1 initiatives (0.75) + 1.5.2 dialogue held as planned (0.5)
    expect(indexFramework(framework).get('1.5')!.node.children!.map((c) => [c.code, c.maxPoints])).toEqual([['1.5.1', 0.75], ['1.5.2', 0.5]]);
    expect([0, 1, 3].map((n) => points(framework, '1.5.1', n))).toEqual([0, 0.75, 0.75]);
    expect([true, false].map((held) => points(framework, '1.5.2', held))).toEqual([0.5, 0]);
    expect(inputProblem(indexFramework(framework).get('1.5.1')!.node.rule!, 0.5)).toBe('A count rule takes a whole number');
  });

  it('counts in the index: a commune with one initiative gets its 0.75 points', () => {
    // a draft of Nậm Xe with 1.5.1 = 1 initiative, SIPAS 8.8 and the district leadership's 7.25 points:
    // 0.75 + 8.8 + 7.25 = 16.8 of the commune scale 72 (nothing declared not applicable)
    const r = scoreDraft([
      { code: '1.5.1', self: { input: 1 } },
      { code: 'S.2', imported: { points: 8.8, source: 'SIPAS' } },
      { code: 'L.1', imported: { points: 7.25, source: 'Lãnh đạo UBND huyện' } },
    ]);
    expect([r.points.final, r.points.applicableMax]).toEqual([16.8, 72]);
    // 16.8 / 72 x 100 = 23.3333...: printed with three decimals, as the province publishes
    expect(r.indexPercent).toBe(23.333);
  });

  it('is what the committed assessments were generated with (fixed seed)', () => {
    expect(text('data/assessments-2021.json')).toBe(`${JSON.stringify(illustrativeAssessments2021(registry, communeFramework), null, 1)}\n`);
  });
});

describe('every rule of the illustrative district set, as its source words it', () => {
  const at = (code: string, inputs: RuleInput[]) => inputs.map((i) => points(framework, code, i));

  it('3.3.2 and 3.3.3: 100% full, half only from 95% (the source: 95-98%), below nothing', () => {
    // 3.3.2 is worth 0.75: 100% -> 0.75; 96% and 95% -> 0.375; 94.9% and 90% -> 0
    expect(at('3.3.2', [100, 96, 95, 94.9, 90])).toEqual([0.75, 0.375, 0.375, 0, 0]);
    // 3.3.3 is worth 0.5: 97% -> 0.25; 92% -> 0
    expect(at('3.3.3', [100, 97, 92])).toEqual([0.5, 0.25, 0]);
  });

  it('6.2 takes the count of overdue settlements: none earns the full 1.5', () => {
    expect(at('6.2', [0, 1, 4])).toEqual([1.5, 0, 0]);
    expect(inputProblem(indexFramework(framework).get('6.2')!.node.rule!, 1.5)).toBe('A count rule takes a whole number');
  });

  it('1.2, 3.1 and 6.4 are yes/no, and refuse a percentage', () => {
    expect([at('1.2', [true, false]), at('3.1', [true, false]), at('6.4', [true, false])]).toEqual([[1.25, 0], [2.5, 0], [1.5, 0]]);
    for (const code of ['1.2', '3.1', '6.4']) expect(inputProblem(indexFramework(framework).get(code)!.node.rule!, 99)).toBe('A yes/no rule takes true or false');
  });

  it('7.1: full at 100%, half from 90%, nothing below', () => {
    // worth 2.75: 100% -> 2.75; 95% and 90% -> 1.375; 89% -> 0
    expect(at('7.1', [100, 95, 90, 89])).toEqual([2.75, 1.375, 1.375, 0]);
  });

  it('2.4: a plan issued (yes/no) plus its completion rate', () => {
    // 1.5 = 2.4.1 plan issued (0.75) + 2.4.2 completion, proportional (0.75): 80% -> 0.6
    expect(indexFramework(framework).get('2.4')!.node.children!.map((c) => [c.code, c.rule!.kind, c.maxPoints])).toEqual([['2.4.1', 'yesNo', 0.75], ['2.4.2', 'linear', 0.75]]);
    expect([...at('2.4.1', [true, false]), ...at('2.4.2', [100, 80, 0])]).toEqual([0.75, 0, 0.75, 0.6, 0]);
  });

  it('7.2.x and 3.4.x in proportion to the year\'s national targets', () => {
    // 7.2.1 (1.5) against 70% online: 35% -> 0.75, 70% and 84% -> 1.5; 7.2.2 (1.25) against 60%: 30% -> 0.625, 48% -> 1
    expect([...at('7.2.1', [35, 70, 84]), ...at('7.2.2', [30, 48, 60])]).toEqual([0.75, 1.5, 1.5, 0.625, 1, 1.25]);
    // 3.4.1 (1.25) against 80% digitised: 40% -> 0.625; 3.4.2 (1) against 50% reused: 25% -> 0.5
    expect([...at('3.4.1', [40, 80]), ...at('3.4.2', [25, 50])]).toEqual([0.625, 1.25, 0.5, 1]);
  });

  it('the other rules: 1.1.2 half from 80%, 1.3.2 graded, 1.4 and 7.4 in parts, 2.3 two yes/no parts, 4.2 and 3.2 yes/no', () => {
    // 1.1.2 (0.75): 100% -> 0.75, 85% -> 0.375, 79% -> 0; 1.3.2 (0.5), proportional: 50% -> 0.25
    expect([...at('1.1.2', [100, 85, 79]), ...at('1.3.2', [50])]).toEqual([0.75, 0.375, 0, 0.25]);
    const parts = (code: string) => indexFramework(framework).get(code)!.node.children!.map((c) => `${c.code} ${c.rule!.kind} ${c.maxPoints}`);
    // 1.4: plan issued (binary) + completion rate + diversity of channels (no thresholds given: manual)
    expect(parts('1.4')).toEqual(['1.4.1 yesNo 0.5', '1.4.2 linear 0.5', '1.4.3 manual 0.25']);
    // 7.4: each requirement met earns its part
    expect(parts('7.4')).toEqual(['7.4.1 yesNo 0.75', '7.4.2 yesNo 0.75', '7.4.3 yesNo 0.75', '7.4.4 yesNo 0.5']);
    expect(parts('2.3')).toEqual(['2.3.1 yesNo 0.75', '2.3.2 yesNo 0.75']);
    expect(['3.2', '4.2'].map((c) => indexFramework(framework).get(c)!.node.rule!.kind)).toEqual(['yesNo', 'yesNo']);
    // 46 leaves before, + 2 (1.4) + 1 (1.5) + 1 (2.3) + 1 (2.4) + 1 (3.4) + 3 (7.4) = 55
    expect(leavesOf(framework)).toHaveLength(55);
  });

  it('prints percentages with three decimals, as the province publishes them', () => {
    expect([framework.rounding, communeFramework.rounding]).toEqual([{ pointsDecimals: 3, percentDecimals: 3 }, { pointsDecimals: 3, percentDecimals: 3 }]);
  });

  it('tags the bands as par-index.md does: Trung bình partly confirmed, Yếu unconfirmed', () => {
    expect(framework.bands.map((b) => [b.label.vi, b.verification])).toEqual([
      ['Xuất sắc', 'confirmed'],
      ['Tốt', 'confirmed'],
      ['Khá', 'confirmed'],
      ['Trung bình', 'partlyConfirmed'],
      ['Yếu', 'unconfirmed'],
    ]);
    expect(framework.notes).toContain('its label Trung bình is not (partly confirmed), and the band below 55% (Yếu) is unconfirmed');
    const readme = text('README.md');
    expect(readme).not.toContain('five bands on applicable points');
    expect(readme).toContain('Trung bình (Average) is not, so it is partly confirmed; Yếu (Weak, below 55%) is');
  });
});

describe('one criteria set per year', () => {
  it('is the 2021 set, signed in September and measuring the whole year', () => {
    expect([framework.version, framework.years, communeFramework.version, communeFramework.years]).toEqual(['2021.1', { from: 2021, to: 2021 }, '2021.1', { from: 2021, to: 2021 }]);
    // the regulation (10/08/2021) and the 2021 set (24/09/2021); their in-force dates are not in the sources
    expect(framework.legalBasis.map((b) => [b.document, b.signedOn, b.effectiveFrom])).toEqual([
      ['1963/QĐ-UBND', '2021-08-10', undefined],
      ['2400/QĐ-UBND', '2021-09-24', undefined],
    ]);
    // the 2023 set cannot be the basis of the 2021 assessments
    expect(JSON.stringify(framework.legalBasis)).not.toContain('1666/QĐ-UBND');
  });
});

describe('the commune variant', () => {
  const nodes = indexFramework(communeFramework);

  it('drops what only a district has: DDCI, tasks from the province, district documents, specialised offices, public service units', () => {
    for (const code of ['S.1', '1.6', '2.2.1', '2.2.2', '3.3.2', '4.1', '4.3', '1.3', '8']) expect(nodes.has(code), code).toBe(false);
    // 6.3 keeps only the administrative agency's autonomy
    expect(nodes.get('6.3')!.node.name.vi).toBe('Thực hiện cơ chế tự chủ tài chính của cơ quan hành chính');
    // 9 - 1.25 (1.3) - 1.25 (1.6) = 6.5; 6 - 0.5 - 0.5 = 5; 12 - 0.75 = 11.25; 5 - 1.75 - 1.5 = 1.75; 25 - 12.5 = 12.5
    expect(communeFramework.nodes.map((n) => [n.code, n.maxPoints])).toEqual([
      ['1', 6.5], ['2', 5], ['3', 11.25], ['4', 1.75], ['5', 8], ['6', 6], ['7', 11], ['S', 12.5], ['L', 10],
    ]);
    // 6.5 + 5 + 11.25 + 1.75 + 8 + 6 + 11 = 49.5 appraised, + 12.5 survey + 10 leadership = 72
    expect([communeFramework.channels.map((c) => c.maxPoints), communeFramework.scale]).toEqual([[49.5, 12.5, 10], 72]);
    // 55 leaves less 3 (field 8), 2 (1.3) and one each for 1.6, 2.2.1, 2.2.2, 3.3.2, 4.1, 4.3 and S.1
    expect(leavesOf(communeFramework)).toHaveLength(43);
  });

  it('names the district leadership in its channel, its field and its criterion alike', () => {
    const names = [communeFramework.channels.find((c) => c.id === 'leadership')!.name, nodes.get('L')!.node.name, nodes.get('L.1')!.node.name];
    expect(names.map((n) => n.vi)).toEqual([
      'Đánh giá của lãnh đạo UBND huyện',
      'Đánh giá của lãnh đạo UBND huyện về tình hình thực hiện công tác CCHC',
      'Lãnh đạo UBND huyện chấm điểm',
    ]);
    expect(names.map((n) => n.en)).toEqual(["District leadership's assessment", "District leadership's assessment of PAR performance", 'Score given by the district leadership']);
  });

  it('lets a commune declare the ISO 9001 criterion not applicable, out of its maximum', () => {
    expect(nodes.get('7.3')!.node.applicability?.notApplicableAllowed).toBe(true);
    // 72 - 2.75 = 69.25
    expect(scoreDraft([{ code: '7.3', notApplicable: { reason: 'Chưa thuộc diện áp dụng' } }]).points.applicableMax).toBe(69.25);
    // the district set does not allow it
    const districtDraft = { unitId: 'd109', framework: { id: framework.id, version: framework.version }, period: '2021', entries: [{ code: '7.3', notApplicable: { reason: 'x' } }] };
    expect(() => parseAssessment(districtDraft, framework)).toThrow(ParValidationError);
  });
});

describe('the notice, word by word', () => {
  const item = (label: string) => notice.items.find((i) => i.label === label)!;

  it('item (3) keeps the three demands: nothing outside the software, nothing late, nothing late without an apology', () => {
    // source: "không để tình trạng hồ sơ giải quyết TTHC không thực hiện trên hệ thống phần mềm, TTHC trả trễ hẹn,
    // hoặc trễ hẹn nhưng không có văn bản xin lỗi"
    const { vi, en } = item('(3)').summary;
    for (const words of ['ngoài hệ thống phần mềm', 'trả trễ hẹn', 'trễ hẹn mà không có văn bản xin lỗi']) expect(vi).toContain(words);
    for (const words of ['no dossier handled outside the software', 'none returned late', 'none late without an apology letter']) expect(en).toContain(words);
  });

  it('item (5) has the relevant agencies coordinate', () => {
    // source: "Chủ trì phối hợp với các cơ quan, đơn vị liên quan"
    expect(item('(5)').coordinating.map((s) => (s.by === 'kind' ? s.description?.vi : s.by))).toEqual(['Các cơ quan, đơn vị liên quan']);
    const { assignments } = assignmentsOf(notice, { registry });
    // the district's six specialised offices less the Justice office, which leads
    expect(assignments.filter((a) => a.itemLabel === '(5)' && a.role === 'coordinating').map((a) => a.unitId).sort()).toEqual(['d109-kthf', 'd109-nv', 'd109-tckh', 'd109-vhtt', 'd109-vp']);
  });

  it('item (1) takes the lowest-ranked units by rank, whatever their band, and keeps "review at once"', () => {
    expect(item('(1)').lead).toMatchObject([{ by: 'result', bottom: 3, within: 'd109' }]);
    // 17 communes ranked 1..17, all banded Good, two tied at rank 15: the bottom 3 are ranks 15, 15 and 17, and the
    // unit tied with the third from the bottom comes too
    const communes = registry.at('2021-12-31').descendantsOf('d109').filter((u) => ['commune', 'township'].includes(u.kind));
    const ranks = communes.map((u, i) => ({ unitId: u.id, rank: i === 15 ? 15 : i + 1, band: 'good' }));
    const { assignments } = assignmentsOf(notice, { registry, results: ranks });
    expect(assignments.filter((a) => a.itemLabel === '(1)').map((a) => a.unitId).sort()).toEqual([communes[14]!.id, communes[15]!.id, communes[16]!.id].sort());
    expect(item('(1)').summary.vi).toContain('rà soát ngay các hạn chế, thiếu sót');
    expect(item('(1)').summary.en).toContain('review at once');
  });

  it('item (8) includes advising on directive documents', () => {
    // source: "tham mưu ban hành các văn bản chỉ đạo, triển khai thực hiện và tổng hợp báo cáo theo quy định"
    expect(item('(8)').summary.vi).toContain('tham mưu ban hành các văn bản chỉ đạo, triển khai thực hiện');
    expect(item('(8)').summary.en).toContain('advise on issuing the directive documents');
  });

  it('keeps what the other items ask for: the plan to improve the index, autonomy of public service units, tasks in the document system', () => {
    // (2) and (9): "Kế hoạch cải thiện nâng cao chỉ số CCHC của huyện"; (2): "văn hóa công vụ ... thi đua, khen thưởng";
    // (4): "nghiên cứu tăng mức độ tự chủ ... đơn vị sự nghiệp công lập", "thông tin báo cáo kịp thời";
    // (9): "tiếp nhận và giao nhiệm vụ trên hệ thống quản lý văn bản và điều hành", "chế độ thông tin báo cáo"
    for (const label of ['(2)', '(9)']) expect(item(label).summary.vi).toContain('Kế hoạch cải thiện nâng cao chỉ số CCHC của huyện');
    expect(item('(2)').summary.vi).toContain('văn hóa công vụ');
    expect(item('(2)').summary.vi).toContain('thi đua, khen thưởng');
    expect(item('(4)').summary.vi).toContain('tăng mức tự chủ của các đơn vị sự nghiệp công lập');
    expect(item('(4)').summary.en).toContain('report on time');
    expect(item('(9)').summary.vi).toContain('hệ thống quản lý văn bản và điều hành');
    expect(item('(9)').summary.en).toContain('report as required');
  });

  it('points the communes\' items at the commune framework, at codes that exist there', () => {
    const ids = (label: string) => [...new Set(item(label).criteria.map((c) => c.frameworkId))];
    expect([ids('(1)'), ids('(2)'), ids('(9)')]).toEqual([
      ['hue-commune-illustrative'],
      ['hue-district-illustrative', 'hue-commune-illustrative'],
      ['hue-district-illustrative', 'hue-commune-illustrative'],
    ]);
    const sets = new Map([framework, communeFramework].map((f) => [f.id, indexFramework(f)]));
    for (const i of notice.items) for (const c of i.criteria) expect(sets.get(c.frameworkId!)!.has(c.code), `${i.label} ${c.code}`).toBe(true);
  });
});

describe('the legal bases of the 2025 reform', () => {
  const { changes } = parseUnitChanges(JSON.parse(text('data/unit-changes.json')));

  it('dates 1670/NQ-UBTVQH15 as adopted and in force on 16/06/2025, partly confirmed; the new communes start on 01/07/2025', () => {
    const merges = changes.filter((c) => c.legalBasis.some((b) => b.document === '1670/NQ-UBTVQH15'));
    expect(merges).toHaveLength(6);
    for (const m of merges) {
      expect(m.date).toBe('2025-07-01');
      expect(m.legalBasis.map((b) => [b.signedOn, b.effectiveFrom, b.verification])).toEqual([['2025-06-16', '2025-06-16', 'partlyConfirmed']]);
    }
  });

  it('records 60-NQ/TW as political context, not as a legal basis', () => {
    expect(changes.flatMap((c) => c.legalBasis.map((b) => b.document))).not.toContain('60-NQ/TW');
    const end = changes.find((c) => c.id === 'end-district-tier-lai-chau')!;
    expect(end.note).toContain('Political context, not a legal basis: Resolution 60-NQ/TW of the Party Central Committee (11th plenum, 12/04/2025)');
    expect(end.legalBasis.map((b) => b.document)).toEqual(['72/2025/QH15']);
  });
});
