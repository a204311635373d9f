// The framework the benchmarks score and parse: 150 leaves worth 100 points.

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

