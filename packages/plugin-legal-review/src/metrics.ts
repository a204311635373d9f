import { periodRange, type CivilDate } from '@par/calendar';
import type { FrameworkNode, RuleInput } from '@par/core';
import { CHECKS, ownDocuments, type CheckEnv } from './checks.js';

/** Half-up percentage to 0.01, in integers (no floating-point drift at the 0.005 boundary). */
const percent = (part: number, whole: number) => Math.floor((part * 20_000 + whole) / (2 * whole)) / 100;

/** What a metric reads: the check environment and the period's first and last day (capped at the reference date). */
export interface MetricEnv extends CheckEnv {
  readonly start: CivilDate;
  readonly end: CivilDate;
}

/** The metric environment of a period. */
export const metricEnv = (env: CheckEnv, period: string): MetricEnv => {
  const { start, end } = periodRange(period);
  return { ...env, start, end: end < env.referenceDate ? end : env.referenceDate };
};

const within = (env: MetricEnv, date: CivilDate) => date >= env.start && date <= env.end;
const issuedIn = (env: MetricEnv) => ownDocuments(env).filter((d) => within(env, d.signedOn));

/** The field-2 metrics: id, description, and the value for a register and period (`undefined`: nothing to measure). */
export const METRICS: readonly { readonly metricId: string; readonly vi: string; readonly en: string; readonly compute: (env: MetricEnv) => RuleInput | undefined }[] = [
  {
    metricId: 'legal.issuingCompliance',
    vi: 'Tỷ lệ VBQPPL ban hành trong kỳ đúng quy định về hiệu lực và thủ tục (LEG-01 đến LEG-04) (%)',
    en: 'Share of documents issued in the period that meet the effective-date and procedure rules (LEG-01 to LEG-04) (%)',
    compute: (env) => {
      const docs = issuedIn(env);
      if (docs.length === 0) return undefined;
      const flagged = new Set(['effectiveDate', 'shortenedPosting', 'concreteEffectiveDate'].flatMap((id) => CHECKS[id]!.find(env).map((f) => f.subject[1].split(' ')[0])));
      return percent(docs.filter((d) => !flagged.has(d.number)).length, docs.length);
    },
  },
  {
    metricId: 'legal.selfInspectedShare',
    vi: 'Tỷ lệ VBQPPL ban hành trong kỳ đã tự kiểm tra (%)',
    en: 'Share of documents issued in the period that were self-inspected (%)',
    compute: (env) => {
      const docs = issuedIn(env);
      const done = new Set(env.register.selfInspections.filter((s) => s.date <= env.referenceDate).map((s) => s.document));
      return docs.length === 0 ? undefined : percent(docs.filter((d) => done.has(d.number)).length, docs.length);
    },
  },
  {
    metricId: 'legal.communeInspectedShare',
    vi: 'Tỷ lệ VBQPPL cấp xã ban hành trong kỳ đã được kiểm tra theo thẩm quyền (%)',
    en: 'Share of commune documents issued in the period that were inspected (%)',
    compute: (env) => {
      const docs = env.register.documents.filter((d) => d.issuer.level === 'commune' && within(env, d.signedOn));
      const done = new Set(env.register.inspectionConclusions.filter((c) => c.date <= env.referenceDate).map((c) => c.document));
      return docs.length === 0 ? undefined : percent(docs.filter((d) => done.has(d.number)).length, docs.length);
    },
  },
  {
    metricId: 'legal.unlawfulHandledShare',
    vi: 'Tỷ lệ văn bản trái pháp luật (kết luận trong kỳ) đã được xử lý (%); không phát sinh khi không có',
    en: 'Share of documents concluded unlawful in the period that were handled (%); not applicable when there are none',
    compute: (env) => {
      const unlawful = env.register.inspectionConclusions.filter((c) => c.result === 'unlawful' && within(env, c.date) && env.graph.document(c.document)!.issuer.unitId === env.register.unitId);
      const handled = unlawful.filter((c) => env.register.handlingDecisions.some((h) => h.document === c.document && h.signedOn >= c.date && h.signedOn <= env.referenceDate));
      return unlawful.length === 0 ? undefined : percent(handled.length, unlawful.length);
    },
  },
  {
    metricId: 'legal.reviewPlanDone',
    vi: 'Kế hoạch rà soát, hệ thống hóa VBQPPL của năm được ban hành và hoàn thành',
    en: "The year's review and systematisation plan issued and completed",
    compute: (env) => {
      const plan = env.register.reviewPlans.find((p) => p.year === Number(env.start.slice(0, 4)));
      return plan !== undefined && plan.issuedOn <= env.referenceDate && plan.completedOn !== undefined && plan.completedOn <= env.referenceDate;
    },
  },
  {
    metricId: 'legal.reviewQueueCleared',
    vi: 'Mọi văn bản phải rà soát phát sinh trong kỳ đã được rà soát và kiến nghị rà soát đã được xử lý',
    en: 'Every review obligation that arose in the period was reviewed, and every review proposal carried out',
    compute: (env) => {
      const reviewed = (n: string, from: CivilDate) => env.register.reviews.some((r) => r.document === n && r.reviewedOn >= from && r.reviewedOn <= env.referenceDate);
      const transferred = (n: string) => env.register.transfers.some((t) => t.document === n && t.date <= env.referenceDate);
      const open = env.graph
        .reviewObligations(env.end)
        .filter((o) => within(env, o.obligationArose) && env.graph.document(o.document)!.issuer.unitId === env.register.unitId)
        .some((o) => !reviewed(o.document, o.obligationArose) && !(o.reason === 'restructuring' && transferred(o.document)));
      const unacted = env.register.reviews.some((r) => within(env, r.reviewedOn) && r.outcome !== 'noAction' && !(r.actedBy !== undefined && (r.actedOn ?? env.graph.document(r.actedBy)!.signedOn) <= env.referenceDate));
      return !open && !unacted;
    },
  },
  {
    metricId: 'legal.systematisationDone',
    vi: 'Kết quả hệ thống hóa kỳ có thời điểm trong kỳ đánh giá đã được công bố',
    en: 'The systematisation whose cut-off falls in the period was published',
    compute: (env) => {
      const { cutOff } = env.graph.systematisation(env.start).cycle;
      if (cutOff > env.end) return undefined;
      const record = env.register.systematisations.find((s) => s.cutOff === cutOff);
      return record?.publishedOn !== undefined && record.publishedOn <= env.referenceDate;
    },
  },
  {
    metricId: 'legal.monitoringPlanIssued',
    vi: 'Ban hành kế hoạch theo dõi thi hành pháp luật của năm',
    en: "The year's law-enforcement monitoring plan issued",
    compute: (env) => env.register.monitoringPlans.some((p) => p.year === Number(env.start.slice(0, 4)) && p.issuedOn <= env.referenceDate),
  },
  {
    metricId: 'legal.monitoringPlanCompletion',
    vi: 'Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật (%)',
    en: 'Completion of the monitoring plan (%)',
    compute: (env) => {
      const plan = env.register.monitoringPlans.find((p) => p.year === Number(env.start.slice(0, 4)) && p.issuedOn <= env.referenceDate);
      return plan && percent(plan.completed, plan.items);
    },
  },
];

const unconfirmed = 'unconfirmed' as const;
const basis = [{ document: 'illustrative district framework, field 2', verification: unconfirmed, source: 'domain notes par-index.md §8.3; illustrative-district-framework.json' }];

/**
 * Framework fragments binding the metrics to criteria 2.1-2.4 of field 2 (drafting and enforcing legal documents),
 * shaped like the illustrative district framework (points and rules unconfirmed: par-index.md §8.3 tags them U).
 */
export const LEGAL_REVIEW_FRAMEWORK_FRAGMENTS: readonly FrameworkNode[] = [
  {
    code: '2.1',
    kind: 'criterion',
    name: { vi: 'Ban hành VBQPPL đúng kế hoạch, trình tự, thủ tục', en: 'Legal documents issued per plan and due process' },
    maxPoints: 1.5,
    verification: unconfirmed,
    legalBasis: basis,
    rule: { kind: 'linear', floorPercent: 0, fullPercent: 100 },
    metric: { metricId: 'legal.issuingCompliance' },
  },
  {
    code: '2.2',
    kind: 'criterion',
    name: { vi: 'Kiểm tra, tự kiểm tra và xử lý VBQPPL', en: 'Self-inspection and handling of legal documents' },
    maxPoints: 1.5,
    verification: unconfirmed,
    children: [
      { code: '2.2.1', kind: 'subCriterion', name: { vi: 'Tự kiểm tra 100% VBQPPL do HĐND, UBND ban hành', en: 'Self-check of every document issued' }, maxPoints: 0.5, verification: unconfirmed, rule: { kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }], otherwise: 0 }, metric: { metricId: 'legal.selfInspectedShare' } },
      { code: '2.2.2', kind: 'subCriterion', name: { vi: 'Kiểm tra VBQPPL do HĐND, UBND cấp xã ban hành theo thẩm quyền', en: 'Checking commune-issued legal documents' }, maxPoints: 0.5, verification: unconfirmed, rule: { kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }], otherwise: 0 }, metric: { metricId: 'legal.communeInspectedShare' } },
      {
        code: '2.2.3',
        kind: 'subCriterion',
        name: { vi: 'Xử lý văn bản trái pháp luật phát hiện qua kiểm tra', en: 'Handling of unlawful documents found' },
        maxPoints: 0.5,
        verification: unconfirmed,
        applicability: { notApplicableAllowed: true },
        rule: { kind: 'ratioTiers', tiers: [{ threshold: 100, share: 1 }], otherwise: 0 },
        metric: { metricId: 'legal.unlawfulHandledShare' },
      },
    ],
  },
  {
    code: '2.3',
    kind: 'criterion',
    name: { vi: 'Rà soát, hệ thống hóa VBQPPL', en: 'Review and systematisation of legal documents' },
    maxPoints: 1.5,
    verification: unconfirmed,
    children: [
      { code: '2.3.1', kind: 'subCriterion', name: { vi: 'Ban hành và hoàn thành kế hoạch rà soát, hệ thống hóa VBQPPL', en: 'Review plan issued and completed' }, maxPoints: 0.75, verification: unconfirmed, rule: { kind: 'yesNo' }, metric: { metricId: 'legal.reviewPlanDone' } },
      { code: '2.3.2', kind: 'subCriterion', name: { vi: 'Xử lý kết quả rà soát (kiến nghị sửa đổi, bổ sung, thay thế, bãi bỏ)', en: 'Review results processed (proposals to amend, replace or repeal)' }, maxPoints: 0.75, verification: unconfirmed, rule: { kind: 'yesNo' }, metric: { metricId: 'legal.reviewQueueCleared' } },
    ],
  },
  {
    code: '2.4',
    kind: 'criterion',
    name: { vi: 'Theo dõi thi hành pháp luật', en: 'Monitoring of law enforcement' },
    maxPoints: 1.5,
    verification: unconfirmed,
    children: [
      { code: '2.4.1', kind: 'subCriterion', name: { vi: 'Ban hành kế hoạch theo dõi thi hành pháp luật', en: 'Law-enforcement monitoring plan issued' }, maxPoints: 0.75, verification: unconfirmed, rule: { kind: 'yesNo' }, metric: { metricId: 'legal.monitoringPlanIssued' } },
      { code: '2.4.2', kind: 'subCriterion', name: { vi: 'Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật', en: 'Completion rate of the monitoring plan' }, maxPoints: 0.75, verification: unconfirmed, rule: { kind: 'linear', floorPercent: 0, fullPercent: 100 }, metric: { metricId: 'legal.monitoringPlanCompletion' } },
    ],
  },
];
