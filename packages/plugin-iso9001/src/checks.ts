import { addDays, periodRange } from '@par/calendar';
import { ruleInForce, type FindingInput, type LegalBasis, type PluginCheck, type PluginRunContext, type RuleVersion } from '@par/core';
import { REVIEW_INPUTS, type Qms } from './records.js';
import { ISO_RULES } from './rules.js';

type Thresholds = { auditIntervalDays: number; reviewIntervalDays: number; processUpdateDays: number };
type Finder = (qms: Qms, ctx: PluginRunContext, t: Thresholds, basis: LegalBasis[]) => FindingInput[];

const finding = (qms: Qms, severity: FindingInput['severity'], subject: [string, string], vi: string, en: string, basis: LegalBasis[], extra: Partial<FindingInput> = {}): FindingInput => ({
  severity,
  unitId: qms.unitId,
  subject: { kind: subject[0], id: subject[1] },
  message: { vi, en },
  legalBasis: basis,
  ...extra,
});

/** The current process of a procedure on a date: the latest version in effect. */
export function currentProcess(qms: Qms, code: string, date: string) {
  return qms.processes.filter((p) => p.procedureCode === code && p.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

/** The latest record on or before a date, among those dated within `days` before it. */
const within = <T extends { date: string }>(items: readonly T[], date: string, days: number) =>
  items.filter((x) => x.date <= date && x.date >= addDays(date, -days)).sort((a, b) => (a.date < b.date ? 1 : -1));

const checks: Record<string, { title: { vi: string; en: string }; rule: readonly RuleVersion<Record<string, unknown>>[]; find: Finder }> = {
  scopeCoverage: {
    title: { vi: 'Phạm vi áp dụng bao trùm mọi TTHC', en: 'The scope covers every procedure' },
    rule: ISO_RULES.scope,
    find: (qms, _ctx, _t, basis) =>
      qms.handledProcedures
        .filter((p) => !qms.scope.procedures.includes(p.code))
        .map((p) => finding(qms, 'major', ['procedure', p.code], `TTHC ${p.code} (${p.name}) chưa thuộc phạm vi HTQLCL`, `Procedure ${p.code} (${p.name}) is outside the QMS scope`, basis)),
  },
  processTime: {
    title: { vi: 'Mỗi TTHC có quy trình hiện hành, không dài hơn thời hạn luật định', en: 'Each procedure has a current process within its legal time' },
    rule: ISO_RULES.processes,
    find: (qms, ctx, _t, basis) =>
      qms.handledProcedures.flatMap((p) => {
        const process = currentProcess(qms, p.code, ctx.referenceDate);
        if (!process) return [finding(qms, 'major', ['procedure', p.code], `TTHC ${p.code} chưa có quy trình giải quyết`, `Procedure ${p.code} has no process`, basis)];
        if (process.processingDays > p.legalProcessingDays) {
          return [finding(qms, 'major', ['process', `${p.code}@${process.version}`], `Quy trình ${p.code} (${process.version}) ${process.processingDays} ngày, dài hơn thời hạn luật định ${p.legalProcessingDays} ngày`, `Process ${p.code} (${process.version}) takes ${process.processingDays} days, more than the legal ${p.legalProcessingDays}`, basis)];
        }
        return [];
      }),
  },
  standardVersion: {
    title: { vi: 'Áp dụng TCVN ISO 9001:2015', en: 'TCVN ISO 9001:2015 in use' },
    rule: ISO_RULES.standardVersion,
    find: (qms, ctx, _t, basis) => {
      const version = ruleInForce(ISO_RULES.standardVersion, ctx.referenceDate);
      if (!version || version.params.accepted.includes(qms.standardVersion)) return [];
      return [finding(qms, 'critical', ['qms', qms.unitId], `HTQLCL vẫn theo TCVN ISO 9001:${qms.standardVersion}; hạn chuyển đổi là 30/06/2021`, `The QMS still follows TCVN ISO 9001:${qms.standardVersion}; the transition deadline was 30 June 2021`, basis)];
    },
  },
  policyAndObjectives: {
    title: { vi: 'Chính sách và mục tiêu chất lượng của năm, có đo lường', en: "The year's quality policy and objectives, measured" },
    rule: ISO_RULES.policy,
    find: (qms, ctx, _t, basis) => {
      const out: FindingInput[] = [];
      const year = Number(ctx.period.slice(0, 4));
      if (!qms.policy) out.push(finding(qms, 'major', ['policy', qms.unitId], 'Chưa có chính sách chất lượng', 'No quality policy', basis));
      const objectives = qms.objectives.find((o) => o.year === year);
      if (!objectives) out.push(finding(qms, 'major', ['objectives', String(year)], `Chưa có mục tiêu chất lượng năm ${year}`, `No quality objectives for ${year}`, basis));
      else if (ctx.referenceDate > periodRange(ctx.period).end) {
        objectives.items.forEach((item, i) => {
          if (item.measured === null) out.push(finding(qms, 'minor', ['objective', `${year}#${i + 1}`], `Mục tiêu "${item.text}" năm ${year} chưa được đo lường`, `Objective "${item.text}" of ${year} was not measured`, basis));
        });
      }
      return out;
    },
  },
  internalAudit: {
    title: { vi: 'Đánh giá nội bộ toàn bộ phạm vi trong chu kỳ', en: 'Internal audit of the whole scope within the interval' },
    rule: ISO_RULES.audit,
    find: (qms, ctx, t, basis) => {
      const audits = within(qms.audits, ctx.referenceDate, t.auditIntervalDays);
      if (audits.length === 0) return [finding(qms, 'major', ['audit', qms.unitId], `Không có đánh giá nội bộ trong ${t.auditIntervalDays} ngày qua`, `No internal audit in the last ${t.auditIntervalDays} days`, basis)];
      const covered = new Set(audits.flatMap((a) => a.scopeCovered));
      const missing = qms.scope.procedures.filter((p) => !covered.has(p));
      return missing.length === 0 ? [] : [finding(qms, 'minor', ['audit', qms.unitId], `Đánh giá nội bộ chưa bao trùm: ${missing.join(', ')}`, `Internal audits did not cover: ${missing.join(', ')}`, basis)];
    },
  },
  managementReview: {
    title: { vi: 'Xem xét của lãnh đạo trong chu kỳ, đủ đầu vào điều 9.3', en: 'Management review within the interval, with every clause 9.3 input' },
    rule: ISO_RULES.review,
    find: (qms, ctx, t, basis) => {
      const [latest] = within(qms.reviews, ctx.referenceDate, t.reviewIntervalDays);
      if (!latest) return [finding(qms, 'major', ['review', qms.unitId], `Không có cuộc xem xét của lãnh đạo trong ${t.reviewIntervalDays} ngày qua`, `No management review in the last ${t.reviewIntervalDays} days`, basis)];
      const missing = REVIEW_INPUTS.filter((i) => !latest.inputs.includes(i));
      return missing.length === 0 ? [] : [finding(qms, 'minor', ['review', latest.date], `Xem xét của lãnh đạo ngày ${latest.date} thiếu đầu vào: ${missing.join(', ')}`, `Management review of ${latest.date} lacks inputs: ${missing.join(', ')}`, basis)];
    },
  },
  announcement: {
    title: { vi: 'Công bố HTQLCL phù hợp, sau đánh giá nội bộ và xem xét của lãnh đạo; công bố lại khi phạm vi thay đổi', en: 'Conformity announced after an audit and a review; re-announced after a scope change' },
    rule: ISO_RULES.announcement,
    find: (qms, ctx, _t, basis) => {
      const announcements = qms.announcements.filter((a) => a.date <= ctx.referenceDate).sort((a, b) => (a.date < b.date ? 1 : -1));
      const latest = announcements[0];
      if (!latest) return [finding(qms, 'major', ['announcement', qms.unitId], 'Chưa công bố HTQLCL phù hợp TCVN ISO 9001', 'No conformity announcement', basis)];
      const out: FindingInput[] = [];
      const first = announcements[announcements.length - 1]!;
      if (!qms.audits.some((a) => a.date <= first.date) || !qms.reviews.some((r) => r.date <= first.date)) {
        out.push(finding(qms, 'major', ['announcement', first.decision], `Công bố ${first.decision} trước khi có đánh giá nội bộ và xem xét của lãnh đạo`, `Announcement ${first.decision} came before an internal audit and a management review`, basis));
      }
      if (qms.scope.changedOn && qms.scope.changedOn > latest.date && qms.scope.changedOn <= ctx.referenceDate) {
        out.push(finding(qms, 'major', ['announcement', latest.decision], `Phạm vi thay đổi ngày ${qms.scope.changedOn} nhưng chưa công bố lại`, `The scope changed on ${qms.scope.changedOn} and was not re-announced`, basis));
      }
      if (!latest.postedOn || !latest.notifiedDepartmentOn) {
        out.push(finding(qms, 'minor', ['announcement', latest.decision], `Công bố ${latest.decision} chưa niêm yết hoặc chưa gửi Sở KH&CN`, `Announcement ${latest.decision} was not posted or not sent to the Department of Science and Technology`, basis));
      }
      return out;
    },
  },
  processUpdates: {
    title: { vi: 'Cập nhật quy trình khi căn cứ pháp lý thay đổi', en: 'Processes updated after their legal basis changed' },
    rule: ISO_RULES.processUpdates,
    find: (qms, ctx, t, basis) =>
      qms.handledProcedures.flatMap((p) => {
        if (!p.legalBasisChangedOn || p.legalBasisChangedOn > ctx.referenceDate) return [];
        const dueDate = addDays(p.legalBasisChangedOn, t.processUpdateDays);
        const updated = qms.processes.some((x) => x.procedureCode === p.code && x.effectiveFrom >= p.legalBasisChangedOn! && x.effectiveFrom <= dueDate);
        if (updated || ctx.referenceDate <= dueDate) return [];
        return [finding(qms, 'major', ['procedure', p.code], `Quy trình ${p.code} chưa cập nhật trong ${t.processUpdateDays} ngày kể từ khi căn cứ pháp lý thay đổi (${p.legalBasisChangedOn})`, `Process ${p.code} not updated within ${t.processUpdateDays} days of its legal basis changing (${p.legalBasisChangedOn})`, basis, { dueDate })];
      }),
  },
  nonconformities: {
    title: { vi: 'Hành động khắc phục đúng hạn; kiểm tra hiệu lực trước khi đóng', en: 'Corrective actions on time; effectiveness checked before closing' },
    rule: ISO_RULES.nonconformities,
    find: (qms, ctx, _t, basis) =>
      qms.nonconformities.flatMap((nc) => {
        if (nc.closedOn && nc.closedOn <= ctx.referenceDate) {
          return nc.effectivenessCheckedOn && nc.effectivenessCheckedOn <= nc.closedOn ? [] : [finding(qms, 'major', ['nonconformity', nc.id], `Điểm không phù hợp ${nc.id} đã đóng mà chưa kiểm tra hiệu lực`, `Nonconformity ${nc.id} was closed without an effectiveness check`, basis)];
        }
        return nc.actions
          .filter((a) => !a.doneOn && a.dueDate < ctx.referenceDate)
          .map((a) => finding(qms, 'major', ['nonconformity', nc.id], `Hành động khắc phục "${a.description}" của ${nc.id} quá hạn (${a.dueDate})`, `Corrective action "${a.description}" of ${nc.id} is overdue (${a.dueDate})`, basis, { dueDate: a.dueDate }));
      }),
  },
  controlledDocuments: {
    title: { vi: 'Tài liệu được kiểm soát còn trong hạn xem xét', en: 'Controlled documents within their review date' },
    rule: ISO_RULES.documents,
    find: (qms, ctx, _t, basis) =>
      qms.documents
        .filter((d) => d.reviewDue < ctx.referenceDate)
        .map((d) => finding(qms, 'minor', ['document', d.id], `Tài liệu ${d.id} (${d.title}) quá hạn xem xét (${d.reviewDue})`, `Document ${d.id} (${d.title}) is past its review date (${d.reviewDue})`, basis, { dueDate: d.reviewDue })),
  },
};

/** The plugin's checks, each evaluated in the rule version in force on the reference date. */
export function isoChecks(systems: ReadonlyMap<string, Qms>, t: Thresholds): PluginCheck[] {
  return Object.entries(checks).map(([id, c]) => ({
    id,
    title: c.title,
    run: (ctx) => {
      const qms = systems.get(ctx.unitId);
      const version = ruleInForce(c.rule, ctx.referenceDate);
      return qms && version ? c.find(qms, ctx, t, [{ ...version.legalBasis, effectiveFrom: version.effectiveFrom, ...(version.effectiveTo && { effectiveTo: version.effectiveTo }) }]) : [];
    },
  }));
}
