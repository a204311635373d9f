// ILLUSTRATIVE 2021 assessments of Phong Thổ's 17 communes against the commune framework, drawn from a fixed seed.
// They are not the real 2021 results (which are not in the sources); they exist so that the example can show
// scoring, ranking and explanation end to end. `scripts/make-illustrative-assessments.ts` writes them to
// data/assessments-2021.json, and a test checks that the committed file is what this makes.
import { indexFramework, type AnyScoringRule, type Framework, type UnitRegistry } from '@par/core';

/** The illustrative 2021 assessments (raw documents, one per commune), the same on every run. */
export function illustrativeAssessments2021(registry: UnitRegistry, communeFramework: Framework): unknown[] {
  let seed = 2021;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const quarter = (max: number, low: number) => Math.round((low + random() * (1 - low)) * max * 4) / 4;

  function selfFor(rule: AnyScoringRule, max: number, strength: number): Record<string, unknown> {
    const good = random() < strength;
    switch (rule.kind) {
      case 'timeliness':
        return { input: good ? 'onTime' : pick(['late', 'late', 'missing']) };
      case 'yesNo':
        return { input: good };
      case 'ratioTiers':
        return { input: good ? 100 : Math.round(70 + random() * 29) };
      case 'linear':
        return { input: good ? Math.round(90 + random() * 10) : Math.round(55 + random() * 35) };
      case 'countTiers': // e.g. recognised initiatives (more is better) or violations (fewer is better)
        return { input: good === (rule.better === 'lower') ? 0 : 1 + Math.floor(random() * 2) };
      default:
        return { points: good ? max : quarter(max, 0.4) };
    }
  }

  const communes = registry.at('2021-12-31').descendantsOf('d109').filter((u) => u.kind === 'commune' || u.kind === 'township');
  const leaves = [...indexFramework(communeFramework).values()].filter((n) => n.isLeaf);
  return communes.map((unit) => {
    const strength = 0.45 + random() * 0.5;
    const entries = leaves.map(({ node, channel }) => {
      const max = node.maxPoints;
      if (channel === 'survey') return { code: node.code, imported: { points: quarter(max, 0.55), source: 'Điều tra xã hội học 2021 (minh họa)' } };
      if (channel === 'leadership') return { code: node.code, self: undefined, imported: { points: quarter(max, 0.6), source: 'Lãnh đạo huyện (minh họa)' } };
      if (node.applicability?.notApplicableAllowed && random() < 0.3) return { code: node.code, notApplicable: { reason: 'Không phát sinh trong năm 2021' } };
      const self = selfFor(node.rule!, max, strength);
      const entry: Record<string, unknown> = { code: node.code, self };
      if (random() < 0.15) {
        const cut = Math.floor(max * 2) / 4;
        entry.appraisals = [{ round: 1, points: cut, reason: 'Tài liệu kiểm chứng chưa đầy đủ', appraiser: 'Tổ công tác liên ngành huyện' }];
        if (random() < 0.4) {
          entry.explanation = { text: 'Bổ sung văn bản kiểm chứng' };
          entry.appraisals = [...(entry.appraisals as unknown[]), { round: 2, points: Math.min(max, cut + 0.25), reason: 'Chấp nhận một phần giải trình', appraiser: 'Hội đồng thẩm định huyện' }];
        }
      }
      return entry;
    });
    return { unitId: unit.id, framework: { id: communeFramework.id, version: communeFramework.version }, period: '2021', status: 'published', entries };
  });
}
