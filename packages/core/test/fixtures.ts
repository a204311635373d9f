import { ParValidationError, type Finding } from '../src/index.js';

/** A small hand-made history: a province with two districts; the district tier ends on 2025-07-01. */
export function miniUnits() {
  const u = (id: string, code: string | undefined, kind: string, parentId: string | undefined, validFrom: string, validTo?: string) => ({
    id,
    ...(code ? { code } : {}),
    name: { vi: id },
    kind,
    ...(parentId ? { parentId } : {}),
    validFrom,
    ...(validTo ? { validTo } : {}),
  });
  return {
    units: [
      u('P', '01', 'province', undefined, '2000-01-01'),
      u('D1', '001', 'district', 'P', '2000-01-01', '2025-06-30'),
      u('D2', '002', 'district', 'P', '2000-01-01', '2025-06-30'),
      u('A', '00001', 'commune', 'D1', '2000-01-01', '2025-06-30'),
      u('B', '00002', 'commune', 'D1', '2000-01-01', '2025-06-30'),
      u('C', '00003', 'commune', 'D2', '2000-01-01'),
      u('AB', '00001', 'commune', 'P', '2025-07-01', '2026-12-31'),
      u('X', '00011', 'ward', 'P', '2027-01-01'),
      u('Y', '00012', 'commune', 'P', '2027-01-01'),
    ] as Record<string, unknown>[],
  };
}

const basis = [{ document: '1670/NQ-UBTVQH15', article: 'Art.1' }];

/** The changes that go with {@link miniUnits}. */
export function miniChanges() {
  return {
    changes: [
      { id: 'm1', kind: 'merge', date: '2025-07-01', from: ['A', 'B'], into: 'AB', legalBasis: basis },
      { id: 'd1', kind: 'dissolve', date: '2025-07-01', unitIds: ['D1', 'D2'], successorId: 'P', childrenTo: 'P', legalBasis: basis },
      { id: 'r1', kind: 'rename', date: '2023-01-01', unitId: 'C', name: { vi: 'C mới' }, legalBasis: basis },
      { id: 's1', kind: 'split', date: '2027-01-01', from: 'AB', into: ['X', 'Y'], legalBasis: basis },
    ] as Record<string, unknown>[],
  };
}

/** A small valid framework: 10 points appraised in two fields, survey 0... scale 10. */
export function miniFramework(): Record<string, unknown> {
  return {
    id: 'mini',
    version: '1',
    title: { vi: 'Bộ tiêu chí thử' },
    years: { from: 2022 },
    unitKinds: ['commune'],
    scale: 10,
    channels: [
      { id: 'appraised', name: { vi: 'Thẩm định' }, maxPoints: 7 },
      { id: 'survey', name: { vi: 'Điều tra xã hội học' }, maxPoints: 3 },
      { id: 'deduction', name: { vi: 'Điểm trừ' }, maxPoints: 2 },
    ],
    bands: [
      { id: 'good', label: { vi: 'Tốt' }, minPercent: 80 },
      { id: 'fair', label: { vi: 'Khá' }, minPercent: 60, maxPercentExclusive: 80 },
      { id: 'weak', label: { vi: 'Yếu' }, maxPercentExclusive: 60 },
    ],
    nodes: [
      {
        code: '1',
        name: { vi: 'Chỉ đạo, điều hành' },
        maxPoints: 4,
        channel: 'appraised',
        children: [
          { code: '1.1', name: { vi: 'Kế hoạch' }, maxPoints: 0.1, rule: { kind: 'timeliness', late: 0.5 } },
          { code: '1.2', name: { vi: 'Báo cáo' }, maxPoints: 0.2, rule: { kind: 'yesNo' } },
          {
            code: '1.3',
            name: { vi: 'Hoàn thành kế hoạch' },
            maxPoints: 3.7,
            rule: { kind: 'ratioTiers', tiers: [{ threshold: 90, inclusive: false, share: 1 }, { threshold: 70, share: 0.5 }] },
          },
        ],
      },
      {
        code: '2',
        name: { vi: 'Thủ tục hành chính' },
        maxPoints: 3,
        channel: 'appraised',
        children: [
          { code: '2.1', name: { vi: 'Đúng hạn' }, maxPoints: 2, rule: { kind: 'linear', floorPercent: 80 }, applicability: { notApplicableAllowed: true } },
          { code: '2.2', name: { vi: 'Kỷ luật' }, maxPoints: 1, rule: { kind: 'countTiers', better: 'lower', tiers: [{ threshold: 0, share: 1 }, { threshold: 2, share: 0.5 }] } },
        ],
      },
      { code: 'S', name: { vi: 'Khảo sát' }, maxPoints: 3, channel: 'survey', rule: { kind: 'manual', step: 0.25 } },
      { code: 'T', name: { vi: 'Trừ điểm' }, maxPoints: 2, channel: 'deduction', rule: { kind: 'deductionPerOccurrence', shareEach: 0.25 } },
    ],
  };
}

/** The `[path, code]` pairs of the ParValidationError that `fn` throws (empty when it throws none). */
export function problems(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return e.issues.map((i) => [i.path.join('.'), i.code]);
    throw e;
  }
  return [];
}

/** A major ISO 9001 finding on the Office's process P-03, whose rule deadline (31/7/2022) was missed. */
export function aFinding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'iso9001/processUpdates/d109-vp/procedure:P-03',
    plugin: 'iso9001',
    checkId: 'processUpdates',
    kind: 'finding',
    severity: 'major',
    unitId: 'd109-vp',
    subject: { kind: 'procedure', id: 'P-03' },
    message: { vi: 'Quy trình P-03 chưa cập nhật', en: 'Process P-03 not updated' },
    legalBasis: [{ document: 'QĐ 19/2014/QĐ-TTg', article: 'Art. 8' }],
    dueDate: '2022-07-31',
    evidence: [],
    ...over,
  };
}
