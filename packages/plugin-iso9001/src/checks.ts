import { addDays, periodRange, type CivilDate, type Period } from '@par/calendar';
import { advisorySeverity, ruleInForce, ruleVersionBasis, type FindingInput, type LegalBasis, type PluginRunContext } from '@par/core';
import { describeTime, exceedsLegalTime, type DeadlineClock } from './processing-time.js';
import type { Iso9001Config, QmsRecord } from './records.js';
import { ISO_RULES, type IsoRuleName, type IsoRuleVersion } from './rules.js';

/** What the checks read besides one QMS: the options and the clock deadlines are counted with. */
export interface CheckEnv {
  readonly config: Iso9001Config;
  readonly clock: DeadlineClock;
}

type Severity = FindingInput['severity'];
type Text = { readonly vi: string; readonly en: string };

/** A finding before the plugin applies applicability (ISO-01) and the unconfirmed-rule policy to its severity. */
export interface RawFinding {
  readonly rule: IsoRuleVersion<unknown>;
  readonly severity: Severity;
  readonly subject: readonly [kind: string, id: string];
  readonly message: Text;
  readonly dueDate?: CivilDate;
  /** The article cited when it is narrower than the rule's (e.g. `cl. 10.2.1(d)`). */
  readonly article?: string;
  /** Further documents cited (the province's inspection plan). */
  readonly basis?: readonly LegalBasis[];
}

type Finder = (qms: QmsRecord, ctx: PluginRunContext, env: CheckEnv) => RawFinding[];

const inForce = (name: IsoRuleName, date: CivilDate): IsoRuleVersion<any> | undefined => ruleInForce<unknown>(ISO_RULES[name], date) as IsoRuleVersion<any> | undefined;

/** Findings of one rule, or none when no version of it was in force on the reference date. */
const under = (name: IsoRuleName, ctx: PluginRunContext, make: (rule: IsoRuleVersion<any>) => (Omit<RawFinding, 'rule'> | undefined | false)[]): RawFinding[] => {
  const rule = inForce(name, ctx.referenceDate);
  return rule ? make(rule).flatMap((f) => (f ? [{ ...f, rule }] : [])) : [];
};

const sortedDesc = <T extends { date: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

/**
 * The records held in a period as the metrics and the checks both count them: dated within the period and not
 * after the reference date (a record dated later has not happened yet).
 */
export function doneInPeriod<T extends { date: CivilDate }>(records: readonly T[], period: Period, referenceDate: CivilDate): T[] {
  const { start, end } = periodRange(period);
  return records.filter((r) => r.date >= start && r.date <= end && r.date <= referenceDate);
}

/** Whether ISO-01 (or a provincial plan) requires the unit to apply a QMS on a date. */
export function isRequired(qms: QmsRecord, date: CivilDate): boolean {
  if (qms.requiredBy && qms.requiredBy.effectiveFrom <= date) return true;
  return inForce('applicability', date)?.params.required.includes(qms.unitKind) ?? false;
}

/** The unit's procedures on a date: its latest published list, and any other the QMS file says it handles. */
export function proceduresOf(qms: QmsRecord, date: CivilDate, env: CheckEnv): QmsRecord['handledProcedures'] {
  const list = env.config.publishedProcedureLists.filter((l) => l.unitId === qms.unitId && l.asOf <= date).sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0];
  const published = list?.procedures ?? [];
  return [...published, ...qms.handledProcedures.filter((h) => !published.some((p) => p.code === h.code))];
}

/** The process of a procedure in effect on a date: its latest version from on or before that date. */
export const processOn = (qms: QmsRecord, code: string, date: CivilDate) =>
  qms.processes.filter((p) => p.procedureCode === code && p.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];

const list = (xs: readonly string[]) => xs.join(', ');
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** The checks, in the order they run; each finding cites its own rule. */
export const CHECKS: Record<string, { readonly title: Text; readonly find: Finder }> = {
  applicability: {
    title: { vi: 'Đơn vị thuộc diện áp dụng HTQLCL và đã xây dựng HTQLCL', en: 'The unit is required to apply a QMS, and has one' },
    find: (qms, ctx) =>
      under('applicability', ctx, () => {
        const ref = ctx.referenceDate;
        if (!isRequired(qms, ref)) {
          return [{ severity: 'info', subject: ['qms', qms.unitId], message: { vi: `Đơn vị (${qms.unitKind}) không thuộc diện bắt buộc áp dụng HTQLCL ngày ${ref}: các phát hiện chỉ để tham khảo`, en: `The unit (${qms.unitKind}) is not required to apply a QMS on ${ref}: findings are for information` } }];
        }
        return [ref < qms.builtOn && { severity: 'major', subject: ['qms', qms.unitId], message: { vi: `Đơn vị thuộc diện áp dụng nhưng ngày ${ref} chưa có HTQLCL (xây dựng ngày ${qms.builtOn})`, en: `The unit must apply a QMS but had none on ${ref} (built on ${qms.builtOn})` } }];
      }),
  },
  standardVersion: {
    title: { vi: 'Phiên bản tiêu chuẩn áp dụng', en: 'The version of the standard in use' },
    find: (qms, ctx) =>
      under('standardVersion', ctx, (rule) => {
        const p = rule.params as (typeof ISO_RULES.standardVersion)[number]['params'];
        const v = qms.standardVersion;
        if (v === p.required || (p.alsoAccepted && v === p.alsoAccepted.version && ctx.referenceDate >= p.alsoAccepted.from)) return [];
        if (p.transitionBefore && ctx.referenceDate >= p.transitionBefore) {
          return [{ severity: 'critical', subject: ['qms', qms.unitId], message: { vi: `HTQLCL vẫn theo TCVN ISO 9001:${v}; phải chuyển đổi trước ngày ${p.transitionBefore}`, en: `The QMS still follows TCVN ISO 9001:${v}; the transition had to be done before ${p.transitionBefore}` } }];
        }
        if (p.newSystemsFrom && qms.builtOn >= p.newSystemsFrom) {
          return [{ severity: 'major', subject: ['qms', qms.unitId], message: { vi: `HTQLCL xây dựng ngày ${qms.builtOn} phải theo TCVN ISO 9001:${p.required}, không theo ${v}`, en: `A QMS first built on ${qms.builtOn} must follow TCVN ISO 9001:${p.required}, not ${v}` } }];
        }
        if (p.newSystemsFrom) return []; // built before the letter: still within the transition
        return [{ severity: 'major', subject: ['qms', qms.unitId], message: { vi: `Ngày ${ctx.referenceDate} HTQLCL phải theo TCVN ISO 9001:${p.required}, không theo ${v}`, en: `On ${ctx.referenceDate} the QMS had to follow TCVN ISO 9001:${p.required}, not ${v}` } }];
      }),
  },
  frameworkModel: {
    title: { vi: 'Xây dựng theo mô hình khung cho loại cơ quan', en: "Built from the framework model for the agency's type" },
    find: (qms, ctx) =>
      under('frameworkModel', ctx, (rule) => {
        const expected = ((rule.params as (typeof ISO_RULES.frameworkModel)[number]['params']).agencyTypes as Partial<Record<string, string>>)[qms.unitKind];
        if (!expected || qms.builtOn < rule.effectiveFrom) return []; // not a local agency, or built before the model
        const m = qms.frameworkModel;
        if (!m) return [{ severity: 'minor', subject: ['frameworkModel', qms.unitId], message: { vi: `HTQLCL xây dựng ngày ${qms.builtOn} không ghi mô hình khung áp dụng (loại ${expected})`, en: `The QMS built on ${qms.builtOn} records no framework model (type ${expected})` } }];
        return [m.agencyType !== expected && { severity: 'minor', subject: ['frameworkModel', m.code], message: { vi: `Mô hình ${m.code} dành cho loại ${m.agencyType}, đơn vị thuộc loại ${expected}`, en: `Model ${m.code} is for type ${m.agencyType}; the unit is of type ${expected}` } }];
      }),
  },
  scopeCoverage: {
    title: { vi: 'Phạm vi áp dụng bao trùm mọi TTHC đã công bố', en: 'The scope covers every published procedure' },
    find: (qms, ctx, env) =>
      under('scope', ctx, () =>
        proceduresOf(qms, ctx.referenceDate, env)
          .filter((p) => !qms.scope.procedures.includes(p.code))
          .map((p) => ({ severity: 'major', subject: ['procedure', p.code], message: { vi: `TTHC ${p.code} (${p.name}) chưa thuộc phạm vi HTQLCL`, en: `Procedure ${p.code} (${p.name}) is outside the QMS scope` } })),
      ),
  },
  processTime: {
    title: { vi: 'Mỗi TTHC có quy trình hiện hành, không dài hơn thời hạn luật định', en: 'Each procedure has a current process within its legal time' },
    find: (qms, ctx, env) =>
      under('processes', ctx, () =>
        proceduresOf(qms, ctx.referenceDate, env).map((p) => {
          const process = processOn(qms, p.code, ctx.referenceDate);
          if (!process) return { severity: 'major', subject: ['procedure', p.code], message: { vi: `TTHC ${p.code} chưa có quy trình giải quyết`, en: `Procedure ${p.code} has no process` } };
          const late = exceedsLegalTime(process.processingTime, p.processingTime, ctx.period, env.clock);
          if (late === undefined) return undefined;
          const [mine, legal] = [describeTime(process.processingTime, env.config), describeTime(p.processingTime, env.config)];
          const when = late ? { vi: ` (hồ sơ nhận ngày ${late.received} lúc ${late.time} trễ hơn hạn luật định)`, en: ` (a dossier received on ${late.received} at ${late.time} is due after the legal time)` } : { vi: '', en: '' };
          return {
            severity: 'major',
            subject: ['process', `${p.code}@${process.version}`],
            message: { vi: `Quy trình ${p.code} (${process.version}) ${mine.vi}, dài hơn thời hạn luật định ${legal.vi}${when.vi}`, en: `Process ${p.code} (${process.version}) takes ${mine.en}, more than the legal ${legal.en}${when.en}` },
          };
        }),
      ),
  },
  policyAndObjectives: {
    title: { vi: 'Chính sách và mục tiêu chất lượng của năm, có đo lường', en: "The quality policy and the year's objectives, measured" },
    find: (qms, ctx) => {
      const year = Number(ctx.period.slice(0, 4));
      const ref = ctx.referenceDate;
      const yearly = qms.objectives.find((o) => o.year === year);
      const yearOver = ref > `${year}-12-31`;
      return [
        ...under('policy', ctx, () => [
          !(qms.policy && qms.policy.approvedOn <= ref) && { severity: 'major', subject: ['policy', qms.unitId], message: { vi: 'Chưa có chính sách chất lượng được phê duyệt', en: 'No approved quality policy' } },
          qms.objectives.length === 0 && { severity: 'major', subject: ['objectives', qms.unitId], message: { vi: 'Chưa có mục tiêu chất lượng', en: 'No quality objectives' } },
        ]),
        ...under('yearlyObjectives', ctx, () => [
          qms.objectives.length > 0 && !yearly && ref >= `${year}-01-01` && { severity: 'major', subject: ['objectives', String(year)], message: { vi: `Chưa có mục tiêu chất lượng năm ${year}`, en: `No quality objectives for ${year}` } },
          ...(yearly && yearOver ? yearly.items : []).map(
            (item, i) => item.measured === null && { severity: 'minor' as const, subject: ['objective', `${year}#${i + 1}`] as const, message: { vi: `Mục tiêu "${item.text}" năm ${year} chưa được đo lường`, en: `Objective "${item.text}" of ${year} was not measured` } },
          ),
        ]),
      ];
    },
  },
  internalAudit: {
    title: { vi: 'Đánh giá nội bộ toàn bộ phạm vi trong kỳ', en: 'An internal audit of the whole scope in the period' },
    find: (qms, ctx) =>
      under('audit', ctx, () => {
        if (ctx.referenceDate <= periodRange(ctx.period).end) return []; // the period is not over
        const held = doneInPeriod(qms.audits, ctx.period, ctx.referenceDate);
        if (held.length === 0) return [{ severity: 'major', subject: ['audit', qms.unitId], message: { vi: `Không có đánh giá nội bộ trong kỳ ${ctx.period}`, en: `No internal audit in ${ctx.period}` } }];
        const covered = new Set(held.flatMap((a) => a.scopeCovered));
        const missing = qms.scope.procedures.filter((p) => !covered.has(p));
        return [missing.length > 0 && { severity: 'minor', subject: ['audit', qms.unitId], message: { vi: `Đánh giá nội bộ kỳ ${ctx.period} chưa bao trùm: ${list(missing)}`, en: `The internal audits of ${ctx.period} did not cover: ${list(missing)}` } }];
      }),
  },
  managementReview: {
    title: { vi: 'Xem xét của lãnh đạo trong kỳ, đủ đầu vào theo phiên bản tiêu chuẩn', en: "A management review in the period, with every input of the QMS's standard" },
    find: (qms, ctx) => {
      const held = doneInPeriod(qms.reviews, ctx.period, ctx.referenceDate);
      const [latest] = sortedDesc(held);
      const [inputsRule, clause] = qms.standardVersion === '2015' ? (['reviewInputs2015', '9.3.2'] as const) : (['reviewInputs2008', '5.6.2 (2008)'] as const);
      return [
        ...under('reviewHeld', ctx, () => [
          held.length === 0 && ctx.referenceDate > periodRange(ctx.period).end && { severity: 'major', subject: ['review', qms.unitId], message: { vi: `Không có cuộc xem xét của lãnh đạo trong kỳ ${ctx.period}`, en: `No management review in ${ctx.period}` } },
        ]),
        ...under(inputsRule, ctx, (rule) => {
          if (!latest) return [];
          const missing = (rule.params as { inputs: readonly string[] }).inputs.filter((i) => !(latest.inputs as readonly string[]).includes(i));
          return [
            missing.length > 0 && {
              severity: 'minor',
              subject: ['review', latest.date],
              message: { vi: `Xem xét của lãnh đạo ngày ${latest.date} thiếu đầu vào (điều ${clause}): ${list(missing)}`, en: `Management review of ${latest.date} lacks inputs (clause ${clause}): ${list(missing)}` },
            },
          ];
        }),
      ];
    },
  },
  announcementOrder: {
    title: { vi: 'Công bố sau đánh giá nội bộ và xem xét của lãnh đạo', en: 'Announced after an internal audit and a management review' },
    find: (qms, ctx) =>
      under('announcementOrder', ctx, () => {
        const first = sortedDesc(qms.announcements.filter((a) => a.date <= ctx.referenceDate)).at(-1);
        if (!first) return [];
        const lacking = [
          !qms.audits.some((a) => a.date <= first.date) && { vi: 'đánh giá nội bộ', en: 'an internal audit' },
          !qms.reviews.some((r) => r.date <= first.date) && { vi: 'xem xét của lãnh đạo', en: 'a management review' },
        ].filter((x) => x !== false);
        if (lacking.length === 0) return [];
        return [{ severity: 'major', subject: ['announcement', first.decision], message: { vi: `Công bố ${first.decision} trước khi có ${lacking.map((x) => x.vi).join(' và ')}`, en: `Announcement ${first.decision} came before ${lacking.map((x) => x.en).join(' and ')}` } }];
      }),
  },
  announcement: {
    title: { vi: 'Công bố HTQLCL phù hợp, gửi Sở KH&CN, niêm yết và đăng trang thông tin', en: 'Conformity announced, sent to the Department, posted and put on the website' },
    find: (qms, ctx) =>
      under('announcement', ctx, () => {
        const [latest] = sortedDesc(qms.announcements.filter((a) => a.date <= ctx.referenceDate));
        if (!latest) return [{ severity: 'major', subject: ['announcement', qms.unitId], message: { vi: 'Chưa công bố HTQLCL phù hợp TCVN ISO 9001', en: 'No conformity announcement' } }];
        const done = (d: CivilDate | undefined) => d !== undefined && d <= ctx.referenceDate;
        const missing = [
          !done(latest.notifiedDepartmentOn) && { vi: 'chưa gửi Sở KH&CN', en: 'not sent to the Department of Science and Technology' },
          !done(latest.postedOn) && { vi: 'chưa niêm yết tại trụ sở', en: 'not posted at the office' },
          !done(latest.publishedOnWebsiteOn) && { vi: 'chưa đăng trên trang thông tin điện tử', en: 'not on the website' },
        ].filter((m) => m !== false);
        return [
          missing.length > 0 && {
            severity: 'minor',
            subject: ['announcement', latest.decision],
            message: { vi: `Công bố ${latest.decision}: ${missing.map((m) => m.vi).join('; ')}`, en: `Announcement ${latest.decision}: ${missing.map((m) => m.en).join('; ')}` },
          },
        ];
      }),
  },
  reAnnouncement: {
    title: { vi: 'Công bố lại khi phạm vi thay đổi; phạm vi công bố khớp phạm vi HTQLCL', en: 'Re-announced after a scope change; the announced scope matches the QMS scope' },
    find: (qms, ctx, env) =>
      under('reAnnouncement', ctx, () => {
        const ref = ctx.referenceDate;
        const [latest] = sortedDesc(qms.announcements.filter((a) => a.date <= ref));
        const changed = qms.scope.changedOn;
        if (!latest || (changed && changed > ref)) return []; // nothing announced yet, or the scope recorded is a later one
        const grace = env.config.reAnnouncementGraceDays;
        if (changed && changed > latest.date) {
          const dueDate = addDays(changed, grace);
          return [
            ref > dueDate && {
              severity: 'major',
              subject: ['announcement', latest.decision],
              dueDate,
              message: { vi: `Phạm vi thay đổi ngày ${changed} nhưng chưa công bố lại trong ${grace} ngày (hạn ${dueDate})`, en: `The scope changed on ${changed} and was not re-announced within ${grace} days (by ${dueDate})` },
            },
          ];
        }
        if (sameSet(latest.scope, qms.scope.procedures)) return [];
        const missing = qms.scope.procedures.filter((p) => !latest.scope.includes(p));
        const extra = latest.scope.filter((p) => !qms.scope.procedures.includes(p));
        return [
          {
            severity: 'major',
            subject: ['announcement', latest.decision],
            message: {
              vi: `Phạm vi công bố tại ${latest.decision} khác phạm vi HTQLCL: chưa công bố ${list(missing) || '(không)'}; không còn trong phạm vi ${list(extra) || '(không)'}`,
              en: `The scope announced by ${latest.decision} differs from the QMS scope: not announced ${list(missing) || '(none)'}; announced but out of scope ${list(extra) || '(none)'}`,
            },
          },
        ];
      }),
  },
  processUpdates: {
    title: { vi: 'Cập nhật quy trình khi căn cứ pháp lý thay đổi', en: 'Processes updated after their legal basis changed' },
    find: (qms, ctx, env) =>
      under('processUpdates', ctx, () =>
        proceduresOf(qms, ctx.referenceDate, env).map((p) => {
          const changed = p.legalBasisChangedOn;
          if (!changed || changed > ctx.referenceDate) return undefined;
          const days = env.config.processUpdateDays;
          const dueDate = addDays(changed, days);
          const updated = qms.processes.some((x) => x.procedureCode === p.code && x.effectiveFrom >= changed && x.effectiveFrom <= dueDate);
          if (updated || ctx.referenceDate <= dueDate) return undefined;
          return {
            severity: 'major',
            subject: ['procedure', p.code],
            dueDate,
            message: { vi: `Quy trình ${p.code} chưa cập nhật trong ${days} ngày kể từ khi căn cứ pháp lý thay đổi (${changed})`, en: `Process ${p.code} not updated within ${days} days of its legal basis changing (${changed})` },
          };
        }),
      ),
  },
  inspection: {
    title: { vi: 'Kiểm tra hằng năm của Sở KH&CN: tự báo cáo, thực hiện kiến nghị', en: "The Department's yearly inspection: self-report, recommendations carried out" },
    find: (qms, ctx) =>
      under('inspection', ctx, () => {
        const year = Number(ctx.period.slice(0, 4));
        const ref = ctx.referenceDate;
        const x = qms.inspections.find((i) => i.year === year);
        if (!x) return [ref > `${year}-12-31` && { severity: 'info', subject: ['inspection', String(year)], message: { vi: `Không có hồ sơ kiểm tra HTQLCL của Sở KH&CN năm ${year}`, en: `No record of the Department's QMS inspection in ${year}` } }];
        const plan: LegalBasis = { document: x.plan.document, ...(x.plan.signedOn && { signedOn: x.plan.signedOn }), effectiveFrom: x.plan.windowFrom, effectiveTo: x.plan.windowTo };
        const inspected = x.inspectedOn !== undefined && x.inspectedOn <= ref;
        return [
          !inspected && ref > x.plan.windowTo && { severity: 'info', subject: ['inspection', String(year)], basis: [plan], message: { vi: `Sở KH&CN chưa kiểm tra trong thời gian kế hoạch (${x.plan.windowFrom}–${x.plan.windowTo})`, en: `The Department did not inspect within the plan's window (${x.plan.windowFrom} to ${x.plan.windowTo})` } },
          inspected &&
            !(x.selfReportSentOn && x.selfReportSentOn <= x.inspectedOn!) && { severity: 'minor', subject: ['inspection', String(year)], basis: [plan], message: { vi: `Không có báo cáo tự kiểm tra gửi trước ngày kiểm tra ${x.inspectedOn}`, en: `No self-report sent before the inspection of ${x.inspectedOn}` } },
          ...x.recommendations.map(
            (r, i) =>
              !(r.doneOn && r.doneOn <= ref) &&
              r.dueDate < ref && { severity: 'major' as const, subject: ['inspectionRecommendation', `${year}#${i + 1}`] as const, dueDate: r.dueDate, basis: [plan], message: { vi: `Kiến nghị kiểm tra "${r.description}" quá hạn (${r.dueDate})`, en: `Inspection recommendation "${r.description}" is overdue (${r.dueDate})` } },
          ),
        ];
      }),
  },
  annualReport: {
    title: { vi: 'Báo cáo hằng năm về HTQLCL gửi Sở KH&CN', en: 'The yearly QMS report to the Department' },
    find: (qms, ctx, env) =>
      under('annualReport', ctx, () => {
        const year = Number(ctx.period.slice(0, 4));
        const dueDate = `${year}-${env.config.annualReportDue}`;
        const report = qms.annualReports.find((r) => r.year === year && r.sentOn <= ctx.referenceDate);
        if (report) return [report.sentOn > dueDate && { severity: 'minor', subject: ['annualReport', String(year)], dueDate, message: { vi: `Báo cáo HTQLCL năm ${year} gửi muộn (${report.sentOn}, hạn ${dueDate})`, en: `The QMS report for ${year} was late (${report.sentOn}; due ${dueDate})` } }];
        return [ctx.referenceDate > dueDate && { severity: 'major', subject: ['annualReport', String(year)], dueDate, message: { vi: `Chưa gửi báo cáo HTQLCL năm ${year} (hạn ${dueDate})`, en: `No QMS report for ${year} sent (due ${dueDate})` } }];
      }),
  },
  nonconformities: {
    title: { vi: 'Hành động khắc phục thực hiện đúng hạn; xem xét hiệu lực trước khi đóng', en: 'Corrective actions done on time; their effectiveness reviewed before closing' },
    find: (qms, ctx) =>
      under('nonconformities', ctx, () =>
        qms.nonconformities.flatMap((nc) => {
          const ref = ctx.referenceDate;
          const closed = nc.closedOn !== undefined && nc.closedOn <= ref ? nc.closedOn : undefined;
          const actions = nc.actions.map((a, i) => {
            const subject = ['correctiveAction', `${nc.id}#${i + 1}`] as const;
            if (closed) {
              return !(a.doneOn && a.doneOn <= closed) && { severity: 'major' as const, subject, article: 'cl. 10.2.1(c)', message: { vi: `Điểm không phù hợp ${nc.id} đã đóng ngày ${closed} khi hành động "${a.description}" chưa hoàn thành`, en: `Nonconformity ${nc.id} was closed on ${closed} while action "${a.description}" was not done` } };
            }
            return !(a.doneOn && a.doneOn <= ref) && a.dueDate < ref && { severity: 'major' as const, subject, article: 'cl. 10.2.1(c)', dueDate: a.dueDate, message: { vi: `Hành động khắc phục "${a.description}" của ${nc.id} quá hạn (${a.dueDate})`, en: `Corrective action "${a.description}" of ${nc.id} is overdue (${a.dueDate})` } };
          });
          const unchecked = closed !== undefined && !(nc.effectivenessCheckedOn && nc.effectivenessCheckedOn <= closed);
          return [
            ...actions,
            unchecked && { severity: 'major' as const, subject: ['nonconformity', nc.id] as const, article: 'cl. 10.2.1(d)', message: { vi: `Điểm không phù hợp ${nc.id} đã đóng mà chưa xem xét hiệu lực của hành động khắc phục`, en: `Nonconformity ${nc.id} was closed without reviewing the effectiveness of its corrective actions` } },
          ];
        }),
      ),
  },
  controlledDocuments: {
    title: { vi: 'Tài liệu được phê duyệt khi ban hành hoặc sửa đổi', en: 'Documents approved when created or changed' },
    find: (qms, ctx, env) => {
      const ref = ctx.referenceDate;
      const inUse = qms.documents.filter((d) => d.effectiveFrom <= ref);
      const interval = env.config.documentReviewIntervalDays;
      const current = [...new Set(inUse.map((d) => d.id))].map((id) => inUse.filter((d) => d.id === id).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]!);
      return [
        ...under('documents', ctx, () =>
          inUse.map(
            (d) =>
              !(d.approvedOn && d.approvedOn <= d.effectiveFrom) && {
                severity: 'minor',
                subject: ['document', `${d.id}@${d.version}`],
                message: { vi: `Tài liệu ${d.id} (${d.title}) phiên bản ${d.version} áp dụng từ ${d.effectiveFrom} mà chưa được phê duyệt trước đó`, en: `Document ${d.id} (${d.title}) version ${d.version} in use from ${d.effectiveFrom} without approval before it` },
              },
          ),
        ),
        ...(interval === undefined
          ? []
          : under('documentReviewPolicy', ctx, () =>
              current.map((d) => {
                const last = [d.approvedOn, d.reviewedOn, d.effectiveFrom].filter((x): x is string => x !== undefined && x <= ref).sort().at(-1)!;
                const dueDate = addDays(last, interval);
                return ref > dueDate && { severity: 'minor', subject: ['documentReview', d.id], dueDate, message: { vi: `Tài liệu ${d.id} quá hạn xem xét định kỳ theo quy định của đơn vị (${dueDate})`, en: `Document ${d.id} is past the unit's own periodic review (${dueDate})` } };
              }),
            )),
      ];
    },
  },
};

/** Whether a raw finding's rule counts fully: confirmed or partly confirmed, or unconfirmed and enforced. */
export const counts = (f: RawFinding, config: Iso9001Config) => f.rule.legalBasis.verification !== 'unconfirmed' || config.unconfirmedRules === 'enforced';

/** A raw finding as the plugin reports it, its severity set by applicability and the unconfirmed-rule policy. */
export function present(f: RawFinding, unitId: string, required: boolean, config: Iso9001Config): FindingInput {
  const capped = advisorySeverity(f.severity, counts(f, config));
  const { rule } = f;
  return {
    severity: required ? capped : 'info',
    unitId,
    subject: { kind: f.subject[0], id: f.subject[1] },
    message: f.message,
    ruleId: rule.ruleId,
    legalBasis: [
      { ...ruleVersionBasis(rule), ...(f.article && { article: f.article }) },
      ...(f.basis ?? []),
    ],
    ...(f.dueDate && { dueDate: f.dueDate }),
  };
}
