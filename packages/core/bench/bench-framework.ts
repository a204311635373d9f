// The framework the benchmarks score and parse (150 leaves worth 100 points) and the assessments they score; also
// used by the command-line benchmark of `@par/cli`.

/** 10 fields x 5 criteria x 3 leaves = 150 leaves worth 100 points, with ratio-tier, linear and manual rules (raw JSON). */
export function benchFramework() {
  const rules = [
    { kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }, { threshold: 90, share: 0.5 }] },
    { kind: 'linear', floorPercent: 50 },
    { kind: 'manual', step: 0.25 },
  ];
  return {
    id: 'bench',
    version: '1',
    title: { vi: 'Bộ tiêu chí' },
    years: { from: 2024 },
    unitKinds: ['commune'],
    scale: 100,
    channels: [{ id: 'appraised', name: { vi: 'Thẩm định' }, maxPoints: 100 }],
    bands: [
      { id: 'excellent', label: { vi: 'Xuất sắc' }, minPercent: 90 },
      { id: 'good', label: { vi: 'Tốt' }, minPercent: 80, maxPercentExclusive: 90 },
      { id: 'weak', label: { vi: 'Yếu' }, maxPercentExclusive: 80 },
    ],
    nodes: Array.from({ length: 10 }, (_, f) => ({
      code: String(f + 1),
      name: { vi: `Lĩnh vực ${f + 1}` },
      maxPoints: 10,
      channel: 'appraised',
      children: Array.from({ length: 5 }, (_, c) => ({
        code: `${f + 1}.${c + 1}`,
        name: { vi: 'Tiêu chí' },
        maxPoints: 2,
        children: Array.from({ length: 3 }, (_, l) => ({
          code: `${f + 1}.${c + 1}.${l + 1}`,
          name: { vi: 'Tiêu chí thành phần' },
          maxPoints: l === 0 ? 1 : 0.5,
          rule: rules[l],
        })),
      })),
    })),
  };
}


/** The leaf codes of {@link benchFramework}, in document order: field.criterion.leaf. */
export const BENCH_LEAVES = Array.from({ length: 10 }, (_, f) => Array.from({ length: 5 }, (_, c) => [1, 2, 3].map((l) => `${f + 1}.${c + 1}.${l}`))).flat(2);

/** A fixed pseudo-random sequence in [0, 1), the same on every run. */
export function benchRandom(seed = 42): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/**
 * Unit `u<unit>`'s appraised 2024 assessment document against {@link benchFramework}: a measured input on the ratio
 * and linear leaves (one in ten cut to 0 by the appraisers), points on the manual leaves.
 */
export function benchAssessment(unit: number, random: () => number) {
  return {
    unitId: `u${unit}`,
    framework: { id: 'bench', version: '1' },
    period: '2024',
    status: 'appraised',
    entries: BENCH_LEAVES.map((code, i) => {
      if (i % 3 === 2) return { code, self: { points: Math.floor(random() * 3) * 0.25 } };
      const appraisals = random() < 0.1 ? [{ round: 1, points: 0, appraiser: 'Tổ thẩm định', reason: 'Tài liệu kiểm chứng chưa đầy đủ' }] : [];
      return { code, self: { input: Math.round(80 + random() * 20) }, appraisals };
    }),
  };
}
