import type { FrameworkNode } from '@par/core';

const oneStop = [{ document: 'NĐ 61/2018/NĐ-CP; NĐ 118/2025/NĐ-CP', verification: 'confirmed' as const, source: 'domain notes rules.md §5.1' }];
const onTime = { kind: 'ratioTiers', better: 'higher', tiers: [{ threshold: 100, share: 1 }, { threshold: 95, share: 0.5 }], otherwise: 0 } as const;
const linear = (fullPercent: number) => ({ kind: 'linear', floorPercent: 0, fullPercent }) as const;

/** A sub-criterion bound to a metric; its points and rule are the typical ones of `par-index.md` §8.3 (unconfirmed). */
const leaf = (code: string, vi: string, en: string, maxPoints: number, rule: FrameworkNode['rule'], metricId: string, dataSource: string, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  code,
  kind: 'subCriterion',
  name: { vi, en },
  maxPoints,
  rule,
  metric: { metricId },
  dataSource,
  verification: 'unconfirmed',
  ...extra,
});

/**
 * Sub-criteria of PAR INDEX fields 3 and 7 bound to this plugin's metrics, for a framework to include. Codes follow
 * the district framework of the Phong Thổ example (3.3.2-3.3.4, 3.4.1-3.4.2, 7.2.1-7.2.2); points and thresholds are
 * the typical rules of `par-index.md` §8.3 and are unconfirmed: a province sets its own.
 */
export const ONE_STOP_FRAGMENTS: readonly FrameworkNode[] = [
  leaf('3.3.2', 'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết trước và đúng hạn', 'On-time rate of district-level dossiers', 0.75, onTime, 'dossierOnTimeRate.district', 'one-stop dossier export (OSS-16)', { legalBasis: oneStop }),
  leaf('3.3.3', 'Tỷ lệ hồ sơ TTHC cấp xã giải quyết trước và đúng hạn', 'On-time rate of commune-level dossiers', 0.5, onTime, 'dossierOnTimeRate.commune', 'one-stop dossier export (OSS-16)', { legalBasis: oneStop }),
  leaf('3.3.4', 'Thực hiện xin lỗi tổ chức, cá nhân đối với hồ sơ trễ hạn', 'Apology letters for late dossiers', 0.5, { kind: 'ratioTiers', better: 'higher', tiers: [{ threshold: 100, share: 1 }], otherwise: 0 }, 'oneStop.lateApologyRate', 'one-stop dossier export (OSS-08)', {
    legalBasis: oneStop,
    applicability: { notApplicableAllowed: true },
  }),
  leaf('3.4.1', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', 'Dossiers and results digitised', 1.25, linear(80), 'oneStop.digitisationRate', 'one-stop dossier export'),
  leaf('3.4.2', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', 'Digitised data reused', 1, linear(50), 'oneStop.reuseRate', 'one-stop dossier export'),
  leaf('7.2.1', 'Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến (toàn trình, một phần)', 'Dossiers submitted and processed online', 1.5, linear(70), 'oneStop.onlineShare', 'one-stop dossier export'),
  leaf('7.2.2', 'Tỷ lệ hồ sơ thanh toán trực tuyến', 'Fees paid online', 1.25, linear(60), 'oneStop.onlinePaymentShare', 'one-stop dossier export'),
];
