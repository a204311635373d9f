import { type Calendar, type CivilDate } from '@par/calendar';
import { advisorySeverity, ruleInForce, ruleVersionBasis, type FindingInput, type PluginRunContext } from '@par/core';
import type { ConfiguredRules } from './configured-rules.js';
import { isOverdue, settlementDeadlines, wasLate } from './deadlines.js';
import { disbursedByProject, planByProject } from './disbursement.js';
import { compareRateToPercent, formatDong, formatRatePercent, type Ratio } from './money.js';
import type { Allocation, FinanceConfig } from './records.js';
import { FIN_RULES, GROUP3_SUB_BANDS, type FinRuleVersion } from './rules.js';

/** What the checks read: the validated options, the rule versions built from them, and the working-day calendar. */
export interface CheckEnv {
  readonly config: FinanceConfig;
  readonly rules: ConfiguredRules;
  readonly calendar: Calendar;
}

type Severity = FindingInput['severity'];
type Text = { readonly vi: string; readonly en: string };

/** A finding before the unconfirmed-rule policy sets its severity. */
export interface RawFinding {
  readonly rule: FinRuleVersion<unknown>;
  readonly severity: Severity;
  readonly subject: readonly [kind: string, id: string];
  readonly message: Text;
  readonly dueDate?: CivilDate;
  /** Further rule versions cited (the denominator rule, the year-end rule). */
  readonly also?: readonly FinRuleVersion<unknown>[];
}

type Finder = (unitId: string, ctx: PluginRunContext, env: CheckEnv) => RawFinding[];

const inForce = <P>(versions: readonly FinRuleVersion<P>[], date: CivilDate) => ruleInForce(versions, date) as FinRuleVersion<P> | undefined;
const yearStart = (y: number) => `${y}-01-01`;
const pct = (r: Ratio) => `${formatRatePercent(r)}%`;
const d = (x: bigint) => `${formatDong(x)} đồng`;
const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];

/** The plan years of a unit's allocations, in order. */
const planYears = (c: FinanceConfig, unitId: string) => uniq(c.allocations.filter((a) => a.unitId === unitId).map((a) => a.planYear)).sort();

/** Net disbursed by a unit on projects of one denominator's plan from 01/01 of the plan year to `upTo`. */
function disbursedTo(c: FinanceConfig, unitId: string, planYear: number, upTo: CivilDate, projects: ReadonlySet<string>): bigint {
  let sum = 0n;
  for (const [p, x] of disbursedByProject(c, unitId, planYear, upTo)) if (projects.has(p)) sum += x;
  return sum;
}

function planOf(c: FinanceConfig, unitId: string, planYear: number, denominator: Allocation['denominator']) {
  const allocations = c.allocations.filter((a) => a.unitId === unitId && a.planYear === planYear && a.denominator === denominator);
  const supplements = c.supplements.filter((s) => s.unitId === unitId && s.planYear === planYear && s.denominator === denominator);
  const amount = [...allocations, ...supplements].reduce((s, a) => s + a.amount, 0n);
  return { amount, projects: new Set(allocations.map((a) => a.projectId)) };
}

/** Audit and inspection recommendations: no FIN row of the domain notes; each carries its own deadline. */
export const AUDIT_RULE: FinRuleVersion = {
  ruleId: 'audit-follow-up',
  effectiveFrom: '1900-01-01',
  legalBasis: { document: "The audit or inspection conclusion's own deadline", article: 'not a FIN row of the domain notes (par-index.md §8.3, U)', verification: 'unconfirmed', source: 'domain notes par-index.md §8.3' },
  params: {},
};

/** The checks, in the order they run; each finding cites its own rule. */
export const CHECKS: Record<string, { readonly title: Text; readonly find: Finder }> = {
  disbursementWindow: {
    title: { vi: 'Thời hạn thực hiện và giải ngân vốn kế hoạch hằng năm; kéo dài', en: "Each year's plan capital disbursed within its window; extensions" },
    find: (unitId, ctx, { config: c, rules }) => {
      const out: RawFinding[] = [];
      const ref = ctx.referenceDate;
      for (const y of planYears(c, unitId)) {
        const base = inForce(FIN_RULES.disbursementWindow, yearStart(y));
        if (!base) continue;
        const late = inForce(FIN_RULES.lateSupplementWindow, yearStart(y));
        const normalEnd = `${y + 1}-${base.params.windowEnd}`;
        const lateEnd = late && `${y + 1}-${late.params.windowEnd}`;
        const projects = uniq(c.allocations.filter((a) => a.unitId === unitId && a.planYear === y).map((a) => a.projectId));
        for (const p of projects) {
          const sup = c.supplements.filter((s) => s.unitId === unitId && s.planYear === y && s.projectId === p && s.denominator === c.denominator);
          const isLate = (decidedOn: CivilDate) => late !== undefined && decidedOn > `${y}-${late.params.addedAfter}`;
          const lateAmount = sup.filter((s) => s.decision.date <= ref && isLate(s.decision.date)).reduce((s, x) => s + x.amount, 0n);
          const normal = (planByProject(c, unitId, y, ref).get(p) ?? 0n) - lateAmount;
          // extensions of this project's capital, and whether each was validly decided (FIN-03)
          let extendedTo: CivilDate | undefined;
          for (const e of c.extensions.filter((x) => x.unitId === unitId && x.planYear === y && x.projectId === p)) {
            const problems: { rule: FinRuleVersion<unknown>; severity: Severity; message: Text }[] = [];
            const authority = inForce<{ central: readonly string[]; local: readonly string[]; sameLevel: boolean; latestEnd: string | null }>(FIN_RULES.extensionAuthority, yearStart(y));
            const allocation = c.allocations.find((a) => a.unitId === unitId && a.planYear === y && a.projectId === p)!;
            if (authority) {
              const allowed: readonly string[] = authority.params[allocation.capitalSource];
              if (!allowed.includes(e.decidedBy)) {
                problems.push({ rule: authority, severity: 'major', message: { vi: `Quyết định kéo dài ${e.decision.number} do ${e.decidedBy} ban hành; vốn ${allocation.capitalSource} do ${allowed.join(', ')} quyết định`, en: `Extension ${e.decision.number} was decided by ${e.decidedBy}; for ${allocation.capitalSource} capital ${allowed.join(', ')} decides` } });
              } else if (authority.params.sameLevel && allocation.capitalSource === 'local' && e.level !== allocation.budgetLevel) {
                problems.push({ rule: authority, severity: 'major', message: { vi: `Quyết định kéo dài ${e.decision.number} của Chủ tịch UBND cấp ${e.level ?? '?'}, vốn thuộc ngân sách cấp ${allocation.budgetLevel}`, en: `Extension ${e.decision.number} is by the People's Committee chair of level ${e.level ?? '?'}; the capital is of the ${allocation.budgetLevel} budget` } });
              }
              if (authority.params.latestEnd && e.newEnd > `${y + 1}-${authority.params.latestEnd}`) {
                problems.push({ rule: authority, severity: 'major', message: { vi: `Kéo dài đến ${e.newEnd}, quá 31/12/${y + 1}`, en: `Extended to ${e.newEnd}, beyond 31/12/${y + 1}` } });
              }
            }
            const category = inForce(rules.extensionCategory, yearStart(y));
            if (category && !category.params.categories.includes(e.category)) {
              problems.push({ rule: category, severity: 'major', message: { vi: `Trường hợp "${e.category}" không thuộc danh mục được kéo dài`, en: `Category "${e.category}" is not eligible for an extension` } });
            }
            if (e.decision.date > ref) continue;
            for (const pr of problems) out.push({ ...pr, subject: ['extension', e.id] });
            if (problems.length === 0 && (!extendedTo || e.newEnd > extendedTo)) extendedTo = e.newEnd;
          }
          const until = (end: CivilDate) => (extendedTo && extendedTo > end ? extendedTo : end);
          const windows: [FinRuleVersion<unknown>, bigint, CivilDate, string][] = [[base, normal, until(normalEnd), `${y}/${p}`]];
          if (late && lateEnd && lateAmount > 0n) windows.push([late, lateAmount, until(lateEnd), `${y}/${p}/addedAfter30-09`]);
          const all = disbursedByProject(c, unitId, y, ref);
          let used = 0n; // disbursement already set against an earlier window
          for (const [rule, amount, end, subject] of windows) {
            const by = (disbursedByProject(c, unitId, y, end).get(p) ?? 0n) - used;
            const covered = by < amount ? (by < 0n ? 0n : by) : amount;
            used += covered;
            if (ref > end && covered < amount) {
              out.push({
                rule,
                severity: 'major',
                subject: ['project', subject],
                dueDate: end,
                message: { vi: `Dự án ${p}: ${d(amount - covered)} vốn kế hoạch ${y} chưa giải ngân khi hết thời hạn ${end}`, en: `Project ${p}: ${d(amount - covered)} of the ${y} plan capital was not disbursed by the end of its window, ${end}` },
              });
            }
          }
          const lastEnd = windows.map((w) => w[2]).sort().at(-1)!;
          const after = (all.get(p) ?? 0n) - (disbursedByProject(c, unitId, y, lastEnd).get(p) ?? 0n);
          if (after > 0n && ref > lastEnd) {
            out.push({ rule: base, severity: 'major', subject: ['project', `${y}/${p}/afterWindow`], dueDate: lastEnd, message: { vi: `Dự án ${p}: giải ngân ${d(after)} vốn kế hoạch ${y} sau thời hạn ${lastEnd}`, en: `Project ${p}: ${d(after)} of ${y} plan capital disbursed after its window ended on ${lastEnd}` } });
          }
        }
      }
      return out;
    },
  },
  disbursementTarget: {
    title: { vi: 'Tỷ lệ giải ngân tại các mốc so với mục tiêu của năm (nêu rõ mẫu số)', en: "Disbursement rate at each cut-off against the year's targets (both denominators)" },
    find: (unitId, ctx, { config: c, rules }) => {
      const out: RawFinding[] = [];
      const rateRule = FIN_RULES.disbursementRate[0]!;
      for (const y of planYears(c, unitId)) {
        for (const t of rules.targets(y)) {
          if (t.cutOff >= ctx.referenceDate) continue; // judged once the cut-off day is over
          const plan = planOf(c, unitId, y, c.denominator);
          if (plan.amount === 0n) continue;
          const rate = { numerator: disbursedTo(c, unitId, y, t.cutOff, plan.projects), denominator: plan.amount };
          if (compareRateToPercent(rate, t.percent) >= 0) continue;
          const other = c.denominator === 'locality' ? 'primeMinister' : 'locality';
          const otherPlan = planOf(c, unitId, y, other);
          const otherRate = otherPlan.amount > 0n ? { numerator: disbursedTo(c, unitId, y, t.cutOff, otherPlan.projects), denominator: otherPlan.amount } : undefined;
          const names = { locality: { vi: 'kế hoạch địa phương giao', en: "the locality's plan" }, primeMinister: { vi: 'kế hoạch Thủ tướng giao', en: "the Prime Minister's plan" } };
          const target = formatRatePercent({ numerator: t.percent.numerator, denominator: t.percent.denominator * 100n });
          const yearEnd = t.cutOff === `${y + 1}-01-31` ? inForce(FIN_RULES.yearEnd, yearStart(y)) : undefined;
          out.push({
            rule: t.rule,
            also: [rateRule, ...(yearEnd ? [yearEnd] : [])],
            severity: 'major',
            subject: ['plan', `${y}@${t.cutOff}`],
            dueDate: t.cutOff,
            message: {
              vi: `Đến ${t.cutOff} giải ngân ${pct(rate)} ${names[c.denominator].vi} (${d(rate.numerator)}/${d(plan.amount)})${otherRate ? `; ${pct(otherRate)} ${names[other].vi}` : ''}; mục tiêu ${target}%`,
              en: `By ${t.cutOff} ${pct(rate)} of ${names[c.denominator].en} was disbursed (${d(rate.numerator)} of ${d(plan.amount)})${otherRate ? `; ${pct(otherRate)} of ${names[other].en}` : ''}; the target is ${target}%`,
            },
          });
        }
      }
      return out;
    },
  },
  treasuryReconciliation: {
    title: { vi: 'Số liệu giải ngân khớp với báo cáo của Kho bạc tại mốc', en: "Disbursement records agree with the Treasury's report at its cut-off" },
    find: (unitId, ctx, { config: c }) =>
      c.snapshots
        .filter((x) => x.unitId === unitId && x.cutOff < ctx.referenceDate)
        .flatMap((x) => {
          const plan = planOf(c, unitId, x.planYear, x.denominator);
          const own = disbursedTo(c, unitId, x.planYear, x.cutOff, plan.projects);
          if (own === x.disbursed && plan.amount === x.planAmount) return [];
          return [
            {
              rule: FIN_RULES.disbursementRate[0]!,
              severity: 'minor' as const,
              subject: ['snapshot', `${x.planYear}@${x.cutOff}/${x.denominator}`] as const,
              message: {
                vi: `Đến ${x.cutOff} KBNN báo giải ngân ${d(x.disbursed)} / kế hoạch ${d(x.planAmount)} (${x.source}); hồ sơ ghi ${d(own)} / ${d(plan.amount)}`,
                en: `By ${x.cutOff} the Treasury reports ${d(x.disbursed)} of a ${d(x.planAmount)} plan (${x.source}); the records hold ${d(own)} of ${d(plan.amount)}`,
              },
            },
          ];
        }),
  },
  allocationCutOff: {
    title: { vi: 'Vốn được phân bổ chi tiết trước thời hạn của năm', en: "Capital allocated in detail by the year's cut-off" },
    find: (unitId, ctx, { config: c, rules }) =>
      planYears(c, unitId).flatMap((y) => {
        const cut = rules.allocationCutOff(y);
        if (!cut || ctx.referenceDate <= cut.cutOff) return [];
        return c.allocations
          .filter((a) => a.unitId === unitId && a.planYear === y && !(a.detailedOn && a.detailedOn <= cut.cutOff))
          .map((a) => ({
            rule: cut.rule,
            severity: 'major' as const,
            subject: ['allocation', a.id] as const,
            dueDate: cut.cutOff,
            message: { vi: `${d(a.amount)} của dự án ${a.projectId} chưa được phân bổ chi tiết đến ${cut.cutOff}${a.detailedOn ? ` (phân bổ ngày ${a.detailedOn})` : ''}: có thể bị thu hồi`, en: `${d(a.amount)} for project ${a.projectId} was not allocated in detail by ${cut.cutOff}${a.detailedOn ? ` (allocated on ${a.detailedOn})` : ''}: it may be withdrawn` },
          }));
      }),
  },
  slowProjects: {
    title: { vi: 'Dự án giải ngân chậm được điều chỉnh kế hoạch', en: 'Slow projects flagged for a plan adjustment' },
    find: (unitId, ctx, { config: c, rules }) => {
      const slow = c.slowProjects;
      if (!slow) return [];
      return planYears(c, unitId).flatMap((y) =>
        slow.reviewOn
          .map((md) => `${y}-${md}`)
          .filter((review) => review <= ctx.referenceDate)
          .flatMap((review) => {
            const disbursed = disbursedByProject(c, unitId, y, review);
            return [...planByProject(c, unitId, y, review).entries()]
              .filter(([p, plan]) => plan > 0n && compareRateToPercent({ numerator: disbursed.get(p) ?? 0n, denominator: plan }, slow.belowPercent) < 0)
              .filter(([p]) => !c.adjustments.some((a) => a.unitId === unitId && a.planYear === y && a.fromProjectId === p && a.decision.date > review && a.decision.date <= ctx.referenceDate))
              .map(([p, plan]) => {
                const rate = { numerator: disbursed.get(p) ?? 0n, denominator: plan };
                return {
                  rule: rules.slowProjects,
                  severity: 'major' as const,
                  subject: ['project', `${y}/${p}@${review}`] as const,
                  message: { vi: `Dự án ${p} giải ngân ${pct(rate)} đến ${review}, dưới ngưỡng: xem xét điều chuyển vốn`, en: `Project ${p} had disbursed ${pct(rate)} by ${review}, below the threshold: consider moving its capital` },
                };
              });
          }),
      );
    },
  },
  settlementDeadlines: {
    title: { vi: 'Thời hạn lập, thẩm tra, phê duyệt quyết toán dự án hoàn thành', en: 'Time limits to prepare, verify and approve the settlement of completed projects' },
    find: (unitId, ctx, { config: c, rules }) =>
      c.settlements
        .filter((s) => s.unitId === unitId && s.handedOverOn <= ctx.referenceDate)
        .flatMap((s) =>
          settlementDeadlines(s, rules.settlement).flatMap((dl): RawFinding[] => {
            const names = { preparation: ['lập hồ sơ', 'preparation'], verification: ['thẩm tra', 'verification'], approval: ['phê duyệt', 'approval'], verificationAndApproval: ['thẩm tra và phê duyệt', 'verification and approval'] }[dl.step];
            const subject = ['settlement', `${s.projectId}/${dl.step}`] as const;
            if (isOverdue(dl, ctx.referenceDate)) {
              return [{ rule: dl.rule, severity: 'major' as const, subject, dueDate: dl.due, message: { vi: `Dự án ${s.projectId} (nhóm ${s.group}): quá hạn ${names[0]} quyết toán (hạn ${dl.due}, từ ${dl.start})`, en: `Project ${s.projectId} (group ${s.group}): settlement ${names[1]} overdue (due ${dl.due}, from ${dl.start})` } }];
            }
            if (wasLate(dl, ctx.referenceDate)) {
              return [{ rule: dl.rule, severity: 'minor' as const, subject, dueDate: dl.due, message: { vi: `Dự án ${s.projectId}: ${names[0]} quyết toán xong ngày ${dl.doneOn}, sau hạn ${dl.due}`, en: `Project ${s.projectId}: settlement ${names[1]} done on ${dl.doneOn}, after its due date ${dl.due}` } }];
            }
            return [];
          }),
        ),
  },
  paymentControl: {
    title: { vi: 'Thời hạn kiểm soát thanh toán của Kho bạc Nhà nước', en: 'State Treasury control time for payment requests' },
    find: (unitId, ctx, { config: c, rules, calendar }) =>
      c.paymentRequests
        .filter((r) => r.unitId === unitId && r.submittedOn <= ctx.referenceDate)
        .flatMap((r) => {
          const rule = inForce(rules.paymentControl, r.submittedOn);
          if (!rule) return [];
          const due = calendar.addWorkingDays(r.submittedOn, r.kind === 'advance' ? rule.params.advanceWorkingDays : rule.params.paymentWorkingDays);
          const accepted = r.acceptedOn !== undefined && r.acceptedOn <= ctx.referenceDate ? r.acceptedOn : undefined;
          if (accepted ? accepted <= due : ctx.referenceDate <= due) return [];
          return [{ rule, severity: 'major' as const, subject: ['paymentRequest', r.id] as const, dueDate: due, message: { vi: `Hồ sơ ${r.kind === 'advance' ? 'tạm ứng' : 'thanh toán'} ${r.id} nộp ${r.submittedOn}, ${accepted ? `KBNN chấp nhận ngày ${accepted}` : 'KBNN chưa chấp nhận'}; hạn ${due}`, en: `${r.kind === 'advance' ? 'Advance' : 'Payment'} request ${r.id} submitted ${r.submittedOn}, ${accepted ? `accepted by the Treasury on ${accepted}` : 'not yet accepted'}; due ${due}` } }];
        }),
  },
  budgetSettlementChain: {
    title: { vi: 'Thời hạn gửi quyết toán ngân sách và gửi báo cáo đến đại biểu HĐND', en: 'Deadlines to send budget settlements up and reports to HĐND delegates' },
    find: (unitId, ctx, { config: c, rules, calendar }) => {
      const ref = ctx.referenceDate;
      const late = (done: CivilDate | undefined, due: CivilDate) => (done !== undefined && done <= ref ? done > due : ref > due);
      return c.budgetSettlements
        .filter((b) => b.unitId === unitId)
        .flatMap((b) => {
          const out: RawFinding[] = [];
          const subject = ['budgetSettlement', `${b.budgetYear}/${b.level}`] as const;
          const sent = b.sentOn && b.sentOn <= ref ? b.sentOn : undefined;
          if (b.approvedOn && b.approvedOn <= ref) {
            const rule = FIN_RULES.settlementChain.find((v) => v.params.from === b.level && v.effectiveFrom <= b.approvedOn! && b.approvedOn! <= (v.effectiveTo ?? '9999'));
            if (rule) {
              const due = calendar.addWorkingDays(b.approvedOn, rule.params.workingDays);
              if (late(b.sentOn, due)) out.push({ rule, severity: 'major', subject, dueDate: due, message: { vi: `Quyết toán ngân sách ${b.budgetYear} cấp ${b.level} phê chuẩn ${b.approvedOn}, ${sent ? `gửi ngày ${sent}` : 'chưa gửi'} (hạn gửi ${rule.params.to}: ${due})`, en: `The ${b.budgetYear} ${b.level} budget settlement approved ${b.approvedOn} was ${sent ? `sent on ${sent}` : 'not sent'} (due to ${rule.params.to} by ${due})` } });
            }
          }
          if (b.sessionOn) {
            const rule = inForce(FIN_RULES.delegatesBeforeSession, b.sessionOn);
            if (rule) {
              const due = calendar.addWorkingDays(b.sessionOn, -rule.params.workingDaysBefore);
              if (late(b.delegatesSentOn, due)) out.push({ rule, severity: 'major', subject: ['delegateReports', `${b.budgetYear}/${b.level}`], dueDate: due, message: { vi: `Báo cáo quyết toán ${b.budgetYear} phải đến đại biểu HĐND chậm nhất ${due} (kỳ họp ${b.sessionOn})`, en: `The ${b.budgetYear} settlement reports had to reach HĐND delegates by ${due} (session ${b.sessionOn})` } });
            }
          }
          for (const p of c.provincialDeadlines.filter((x) => x.budgetYear === b.budgetYear && x.level === b.level)) {
            if (late(b.sentOn, p.submitBy)) {
              out.push({ rule: { ...rules.provincialDeadline, legalBasis: { ...rules.provincialDeadline.legalBasis, document: p.document } }, severity: 'major', subject: ['budgetSettlement', `${b.budgetYear}/${b.level}/province`], dueDate: p.submitBy, message: { vi: `Quyết toán ${b.budgetYear} cấp ${b.level} phải nộp trước ${p.submitBy} (${p.document})`, en: `The ${b.budgetYear} ${b.level} settlement was due by ${p.submitBy} (${p.document})` } });
            }
          }
          return out;
        });
    },
  },
  autonomyGroup: {
    title: { vi: 'Mức tự chủ tài chính của đơn vị sự nghiệp công lập', en: 'Financial autonomy group of public service units' },
    find: (unitId, ctx, { config: c, rules }) =>
      c.autonomyPlans
        .filter((p) => p.unitId === unitId && yearStart(p.planYear) <= ctx.referenceDate)
        .flatMap((p) => {
          const computed = autonomyGroupOf(p, rules, yearStart(p.planYear));
          if (!computed) return [];
          const rate = { numerator: p.revenue, denominator: p.spending };
          const subject = ['autonomyPlan', `${p.serviceUnitId}/${p.planYear}`] as const;
          const out: RawFinding[] = [];
          if (computed.group !== p.group) {
            const band = computed.group === 3 ? subBandOf(rate) : undefined;
            const [vi, en] = band ? [` (khoảng từ ${band[0]}% đến dưới ${band[1]}%)`, ` (sub-band ${band[0]} to < ${band[1]} %)`] : ['', ''];
            out.push({ rule: computed.rule, severity: 'major', subject, message: { vi: `Đơn vị ${p.serviceUnitId}: mức tự bảo đảm chi thường xuyên ${pct(rate)} (A ${d(p.revenue)}, B ${d(p.spending)}) ứng với nhóm ${computed.group}${vi}, phương án ghi nhóm ${p.group}`, en: `Unit ${p.serviceUnitId}: self-financing rate ${pct(rate)} (A ${d(p.revenue)}, B ${d(p.spending)}) gives group ${computed.group}${en}; the plan states group ${p.group}` } });
          }
          if (!(p.approvalDecision && p.approvalDecision.date <= ctx.referenceDate)) {
            out.push({ rule: computed.rule, severity: 'minor', subject: ['autonomyApproval', `${p.serviceUnitId}/${p.planYear}`], message: { vi: `Phương án tự chủ ${p.planYear} của ${p.serviceUnitId} chưa được phê duyệt`, en: `The ${p.planYear} autonomy plan of ${p.serviceUnitId} is not approved` } });
          }
          return out;
        }),
  },
  auditRecommendations: {
    title: { vi: 'Thực hiện kiến nghị kiểm toán, thanh tra', en: 'Audit and inspection recommendations carried out' },
    find: (unitId, ctx, { config: c }) =>
      c.auditRecommendations
        .filter((r) => r.unitId === unitId && r.issuedOn <= ctx.referenceDate)
        .flatMap((r) => {
          const done = r.implementedOn !== undefined && r.implementedOn <= ctx.referenceDate ? r.implementedOn : undefined;
          if (done ? done <= r.dueDate : ctx.referenceDate <= r.dueDate) return [];
          return [{ rule: AUDIT_RULE, severity: 'major' as const, subject: ['auditRecommendation', r.id] as const, dueDate: r.dueDate, message: { vi: `Kiến nghị ${r.id} của ${r.issuedBy} (${r.description}) ${done ? `thực hiện ngày ${done}` : 'chưa thực hiện'}, hạn ${r.dueDate}`, en: `Recommendation ${r.id} of ${r.issuedBy} (${r.description}) ${done ? `carried out on ${done}` : 'not carried out'}; due ${r.dueDate}` } }];
        }),
  },
};


/** The autonomy group a plan's A and B give (FIN-20..FIN-23, or FIN-24's version when configured), or `undefined` before any version. */
export function autonomyGroupOf(p: { revenue: bigint; spending: bigint; investmentSelfFinanced: boolean }, rules: ConfiguredRules, on: CivilDate): { group: 1 | 2 | 3 | 4; rule: FinRuleVersion<unknown> } | undefined {
  const versions = rules.autonomyGroups.filter((v) => v.effectiveFrom <= on && (v.effectiveTo === undefined || on <= v.effectiveTo));
  if (versions.length === 0) return undefined;
  const rate = { numerator: p.revenue, denominator: p.spending };
  const at = (g: number) => versions.find((v) => v.params.group === g)!;
  const reaches = (g: number) => compareRateToPercent(rate, { numerator: BigInt(at(g).params.minPercent), denominator: 1n }) >= 0;
  const group = reaches(1) ? (p.investmentSelfFinanced ? 1 : 2) : reaches(3) ? 3 : 4;
  return { group, rule: at(group) };
}

/** Group 3's sub-band of a rate (FIN-22) as [from, below] percent: 70 to < 100, 30 to < 70 or 10 to < 30. */
function subBandOf(rate: Ratio): [string, string] | undefined {
  const i = GROUP3_SUB_BANDS.findIndex((b) => compareRateToPercent(rate, { numerator: BigInt(b), denominator: 1n }) >= 0);
  return i < 0 ? undefined : [GROUP3_SUB_BANDS[i]!, i === 0 ? '100' : GROUP3_SUB_BANDS[i - 1]!];
}

/** Whether a raw finding's rule counts fully: confirmed or partly confirmed, or unconfirmed and enforced. */
export const counts = (f: RawFinding, config: FinanceConfig) => f.rule.legalBasis.verification !== 'unconfirmed' || config.unconfirmedRules === 'enforced';


/** A raw finding as the plugin reports it: unconfirmed rules' findings are `minor` at most unless enforced. */
export function present(f: RawFinding, unitId: string, config: FinanceConfig): FindingInput {
  return {
    severity: advisorySeverity(f.severity, counts(f, config)),
    unitId,
    subject: { kind: f.subject[0], id: f.subject[1] },
    message: f.message,
    ruleId: f.rule.ruleId,
    legalBasis: [f.rule, ...(f.also ?? [])].map(ruleVersionBasis),
    ...(f.dueDate && { dueDate: f.dueDate }),
  };
}
