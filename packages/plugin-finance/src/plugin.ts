import { defaultCalendar, IssueList, type Calendar } from '@par/calendar';
import type { FindingInput, FrameworkNode, MetricProvider, ParPluginV1, PluginCheck, PluginRunContext } from '@par/core';
import { checkPluginRunContext } from '@par/core';
import { CHECKS, present, type CheckEnv } from './checks.js';
import { configureRules } from './configured-rules.js';
import { isOverdue, settlementDeadlines } from './deadlines.js';
import { lastCutOffIndex, rateAt, unitLedgers } from './disbursement.js';
import { ratePercentValue } from './money.js';
import { FINANCE_IMPORTERS } from './importers.js';
import { financeReportSections } from './report-sections.js';
import { FinanceOptionsSchema, parseFinanceOptions, type FinanceConfig, type FinanceOptions } from './records.js';

/** What the plugin counts working days with; the default is `defaultCalendar()` of `@par/calendar`. */
export interface FinanceDependencies {
  readonly calendar?: Calendar;
}

const isCalendar = (c: unknown) => typeof c === 'object' && c !== null && ['addWorkingDays', 'isWorkingDay'].every((m) => typeof (c as Record<string, unknown>)[m] === 'function');

/** The metric ids the plugin computes, bound by {@link FINANCE_FRAMEWORK_FRAGMENTS}. */
export const FINANCE_METRICS = {
  disbursementRate: 'finance.disbursementRate',
  overdueSettlements: 'finance.overdueSettlements',
  autonomyPlansApprovedRate: 'finance.autonomyPlansApprovedRate',
  auditRecommendationsImplementedRate: 'finance.auditRecommendationsImplementedRate',
  auditRecommendationsDone: 'finance.auditRecommendationsDone',
} as const;

const illustrative = { document: 'Illustrative district framework, field 6 (par-index.md §8.3: typical rules, U)', verification: 'unconfirmed' as const };

/**
 * The criteria of field 6 (public finance) of the illustrative district framework, bound to this plugin's metrics:
 * 6.1 disbursement rate (≥ 95 % full, ≥ 80 % half: a typical rule, U), 6.2 overdue settlements (none = full),
 * 6.3 autonomy plans approved (linear), 6.4 audit recommendations carried out (yes/no). Points and thresholds are
 * illustrative (`unconfirmed`); a framework includes them under its own field 6 and may change them.
 */
export const FINANCE_FRAMEWORK_FRAGMENTS: readonly FrameworkNode[] = [
  {
    code: '6.1',
    kind: 'criterion',
    name: { vi: 'Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao', en: 'Disbursement rate of the assigned public-investment plan' },
    maxPoints: 1.5,
    verification: 'unconfirmed',
    legalBasis: [illustrative],
    rule: { kind: 'ratioTiers', tiers: [{ threshold: 95, share: 1 }, { threshold: 80, share: 0.5 }], otherwise: 0 },
    metric: { metricId: FINANCE_METRICS.disbursementRate },
  },
  {
    code: '6.2',
    kind: 'criterion',
    name: { vi: 'Quyết toán dự án hoàn thành đúng thời hạn', en: 'Timely final settlement of completed projects' },
    maxPoints: 1.5,
    verification: 'unconfirmed',
    legalBasis: [illustrative],
    rule: { kind: 'countTiers', better: 'lower', tiers: [{ threshold: 0, share: 1 }], otherwise: 0 },
    metric: { metricId: FINANCE_METRICS.overdueSettlements },
  },
  {
    code: '6.3',
    kind: 'criterion',
    name: { vi: 'Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập', en: 'Financial autonomy of public service units' },
    maxPoints: 1.5,
    verification: 'unconfirmed',
    legalBasis: [illustrative],
    rule: { kind: 'linear', floorPercent: 0, fullPercent: 100 },
    metric: { metricId: FINANCE_METRICS.autonomyPlansApprovedRate },
  },
  {
    code: '6.4',
    kind: 'criterion',
    name: { vi: 'Thực hiện kiến nghị thanh tra, kiểm toán', en: 'Audit and inspection recommendations carried out' },
    maxPoints: 1.5,
    verification: 'unconfirmed',
    legalBasis: [illustrative],
    rule: { kind: 'yesNo' },
    metric: { metricId: FINANCE_METRICS.auditRecommendationsDone },
  },
] as unknown as readonly FrameworkNode[];

/** The overdue settlement steps of a unit on a date (the count behind `finance.overdueSettlements`). */
const overdueCount = (env: CheckEnv, unitId: string, ref: string) =>
  env.config.settlements.filter((s) => s.unitId === unitId && s.handedOverOn <= ref && settlementDeadlines(s, env.rules.settlement).some((d) => isOverdue(d, ref))).length;

/**
 * The public finance plugin: checks each unit's records against FIN-01..FIN-16 and FIN-20..FIN-24 of the domain
 * notes (each in the version in force for the case: the plan year, the step's start, the approval date) and audit
 * follow-up, and computes the field 6 metrics: `finance.disbursementRate` (% at the last cut-off passed, down to 31/01
 * of the next year), `finance.overdueSettlements` (projects with an overdue step), `finance.autonomyPlansApprovedRate`
 * (%), `finance.auditRecommendationsImplementedRate` (%) and `finance.auditRecommendationsDone`; its importers read
 * Treasury reports and plan-allocation tables ({@link FINANCE_IMPORTERS}), and its report section draws the
 * disbursement curves ({@link financeReportSections}). Throws
 * `ParValidationError` naming every problem of the options and dependencies by path; every check and metric refuses a
 * context that is not a valid one.
 */
export function createFinancePlugin(options: FinanceOptions, dependencies: FinanceDependencies = {}): ParPluginV1<FinanceConfig> {
  const config = parseFinanceOptions(options);
  const deps = dependencies as unknown;
  const issues = new IssueList();
  if (typeof deps !== 'object' || deps === null) issues.add(['dependencies'], 'invalid_type', 'Expected an object { calendar? }');
  else if ((deps as FinanceDependencies).calendar !== undefined && !isCalendar((deps as FinanceDependencies).calendar)) issues.add(['dependencies', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  issues.throwIfAny('finance plugin dependencies');
  const env: CheckEnv = { config, rules: configureRules(config), calendar: dependencies.calendar ?? defaultCalendar() };

  const checks: (PluginCheck & { run(context: PluginRunContext): FindingInput[] })[] = Object.entries(CHECKS).map(([id, c]) => ({
    id,
    title: c.title,
    run: (context) => {
      const ctx = checkPluginRunContext(`finance/${id}`, context);
      return c.find(ctx.unitId, ctx, env).map((f) => present(f, ctx.unitId, config));
    },
  }));

  const metric = (metricId: string, vi: string, en: string, compute: (ctx: PluginRunContext, year: number) => number | boolean | undefined): MetricProvider => ({
    metricId,
    description: { vi, en },
    compute: (context) => {
      const ctx = checkPluginRunContext(metricId, context);
      return compute(ctx, Number(ctx.period.slice(0, 4)));
    },
  });
  const percentOf = (part: number, whole: number) => (whole === 0 ? undefined : ratePercentValue({ numerator: BigInt(part), denominator: BigInt(whole) }));
  const metricProviders: MetricProvider[] = [
    metric(FINANCE_METRICS.disbursementRate, 'Tỷ lệ giải ngân kế hoạch vốn đầu tư công (%) tại mốc gần nhất, đến 31/01 năm sau', 'Public-investment disbursement rate (%) at the last cut-off passed, up to 31/01 of the next year', (ctx, year) => {
      const ledger = unitLedgers(config, year).get(ctx.unitId);
      const i = lastCutOffIndex(year, ctx.referenceDate);
      const rate = ledger && i >= 0 ? rateAt(ledger, i) : undefined;
      return rate && ratePercentValue(rate);
    }),
    metric(FINANCE_METRICS.overdueSettlements, 'Số dự án hoàn thành quá hạn quyết toán', 'Completed projects with an overdue settlement step', (ctx) =>
      config.settlements.some((s) => s.unitId === ctx.unitId) || config.allocations.some((a) => a.unitId === ctx.unitId) ? overdueCount(env, ctx.unitId, ctx.referenceDate) : undefined,
    ),
    metric(FINANCE_METRICS.autonomyPlansApprovedRate, 'Tỷ lệ đơn vị sự nghiệp có phương án tự chủ được phê duyệt (%)', 'Share of public service units with an approved autonomy plan (%)', (ctx, year) => {
      const units = config.serviceUnits.filter((u) => u.unitId === ctx.unitId && !(u.from && u.from > `${year}-12-31`) && !(u.to && u.to < `${year}-01-01`));
      const approved = units.filter((u) =>
        config.autonomyPlans.some((p) => p.serviceUnitId === u.serviceUnitId && p.stablePeriod.from <= year && year <= p.stablePeriod.to && p.approvalDecision !== undefined && p.approvalDecision.date <= ctx.referenceDate),
      );
      return percentOf(approved.length, units.length);
    }),
    metric(FINANCE_METRICS.auditRecommendationsImplementedRate, 'Tỷ lệ kiến nghị kiểm toán, thanh tra đến hạn đã thực hiện (%)', 'Share of audit and inspection recommendations due that were carried out (%)', (ctx) => {
      const due = config.auditRecommendations.filter((r) => r.unitId === ctx.unitId && r.dueDate <= ctx.referenceDate);
      return percentOf(due.filter((r) => r.implementedOn !== undefined && r.implementedOn <= ctx.referenceDate).length, due.length);
    }),
    metric(FINANCE_METRICS.auditRecommendationsDone, 'Mọi kiến nghị kiểm toán, thanh tra đến hạn đã thực hiện', 'Every audit and inspection recommendation due was carried out', (ctx) => {
      const due = config.auditRecommendations.filter((r) => r.unitId === ctx.unitId && r.dueDate <= ctx.referenceDate);
      return due.length === 0 ? undefined : due.every((r) => r.implementedOn !== undefined && r.implementedOn <= ctx.referenceDate);
    }),
  ];
  return { specificationVersion: 'v1', name: 'finance', version: '0.0.0', configSchema: FinanceOptionsSchema, config: options, checks, metricProviders, frameworkFragments: FINANCE_FRAMEWORK_FRAGMENTS, importers: FINANCE_IMPORTERS, reportSections: financeReportSections(config) };
}
