import { defaultCalendar, IssueList, parseWithSchema, type Calendar } from '@par/calendar';
import type { FindingInput, FrameworkNode, MetricProvider, ParPluginV1, PluginCheck, PluginRunContext } from '@par/core';
import { advisorySeverity, checkPluginRunContext, ruleInForce, ruleVersionBasis } from '@par/core';
import { appointmentBook } from './appointment.js';
import { CHECKS, findingsOf, type CheckEnv, type RawFinding } from './checks.js';
import { viewOf, type DossierView } from './evaluate.js';
import { ratesOf, sumCounts, tallyDossiers, type Rate } from './figures.js';
import { ONE_STOP_FRAGMENTS } from './framework-fragments.js';
import { ONE_STOP_IMPORTERS } from './importers.js';
import { reconcile } from './reconcile.js';
import { OneStopOptionsSchema, type OneStopConfig, type OneStopOptions } from './records.js';
import { oneStopReportSections } from './report-sections.js';
import { OSS_RULES, type OssRuleVersion } from './rules.js';

/** What the plugin counts deadlines with; the default is `defaultCalendar()` of `@par/calendar`. */
export interface OneStopDependencies {
  readonly calendar?: Calendar;
}

/** `Map.groupBy`, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const isCalendar = (c: unknown) => typeof c === 'object' && c !== null && ['addWorkingDays', 'nextWorkingDay', 'workingDayOnOrAfter', 'isWorkingDay'].every((m) => typeof (c as Record<string, unknown>)[m] === 'function');

/** The severity a finding is reported with: a rule (or a figure) that is unconfirmed gives `minor` at most unless enforced. */
function severityOf(f: RawFinding, o: OneStopConfig): FindingInput['severity'] {
  const unconfirmed = f.rule.legalBasis.verification === 'unconfirmed' || f.verification === 'unconfirmed';
  return advisorySeverity(f.severity, !unconfirmed || o.unconfirmedRules === 'enforced');
}

/** A raw finding as the host receives it: rule id, legal basis with the version's validity, the dossier, a due date. */
function present(f: RawFinding, unitId: string, subject: { kind: string; id: string }, o: OneStopConfig): FindingInput {
  const { rule } = f;
  return {
    severity: severityOf(f, o),
    unitId,
    subject,
    message: f.message,
    ruleId: rule.ruleId,
    legalBasis: [ruleVersionBasis(rule)],
    ...(f.dueDate && { dueDate: f.dueDate }),
    evidence: [`${subject.kind}:${subject.id}`],
  };
}

/**
 * The one-stop plugin: checks each unit's dossiers against the one-stop rules (`OSS-01` to `OSS-14` of the domain
 * notes), each in the version in force on the dossier's receipt date, reports dossiers in a counter register or
 * portal list and missing from the export (handled outside the system, OSS-02), and computes the figures the index
 * and the portal use as metrics: `dossierOnTimeRate.district` and `dossierOnTimeRate.commune` (OSS-16 for the
 * procedures of that level, dossiers of the unit and the units under it), `oneStop.onTimeRate`,
 * `oneStop.lateApologyRate`, `oneStop.digitisationRate`, `oneStop.reuseRate`, `oneStop.onlineShare`,
 * `oneStop.postalShare`, `oneStop.onlinePaymentShare` and `oneStop.satisfactionRate` (percentages; `undefined` when
 * nothing is counted), with framework fragments binding them (3.3.2-3.3.4, 3.4.1-3.4.2, 7.2.1-7.2.2); its importer
 * reads a one-stop system's dossier export ({@link ONE_STOP_IMPORTERS}) and its report section gives the on-time
 * figures per unit (section `on-time`). Throws
 * `ParValidationError` naming every problem of the options and dependencies by path; every check and metric refuses
 * a context that is not a valid one.
 */
export function createOneStopPlugin(options: OneStopOptions, dependencies: OneStopDependencies = {}): ParPluginV1<OneStopConfig> {
  const o = parseWithSchema('one-stop plugin options', OneStopOptionsSchema, options);
  const deps = dependencies as unknown;
  const issues = new IssueList();
  if (typeof deps !== 'object' || deps === null) issues.add(['dependencies'], 'invalid_type', 'Expected an object { calendar? }');
  else if ((deps as OneStopDependencies).calendar !== undefined && !isCalendar((deps as OneStopDependencies).calendar)) issues.add(['dependencies', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  issues.throwIfAny('one-stop plugin dependencies');
  const clock = { calendar: dependencies.calendar ?? defaultCalendar(), officeHours: o.officeHours, sameDayCutoff: o.sameDayCutoff };
  const appoint = appointmentBook(clock);
  const procedures = new Map(o.catalogue.procedures.map((p) => [p.code, p]));
  const views: DossierView[] = o.dossiers.map((d) => viewOf(d, procedures.get(d.procedureCode)!, appoint));
  const byUnit = groupBy(views, (v) => v.dossier.unitId);
  const children = groupBy(o.units.filter((u) => u.parentId !== undefined), (u) => u.parentId!);
  /** The unit and every unit under it in the `units` option. */
  const subtree = (unitId: string): string[] => [unitId, ...(children.get(unitId) ?? []).flatMap((u) => subtree(u.unitId))];

  const checks: (PluginCheck & { run(context: PluginRunContext): FindingInput[] })[] = Object.keys(CHECKS).map((id) => ({
    id,
    title: CHECKS[id]!.title,
    run: (context) => {
      const ctx = checkPluginRunContext(`one-stop/${id}`, context);
      const env: CheckEnv = { config: o, clock, nowMs: ctx.now.getTime() };
      return (byUnit.get(ctx.unitId) ?? [])
        .filter((v) => (v.dossier.receivedAt ?? v.dossier.submittedAt) <= env.nowMs)
        .flatMap((v) => findingsOf(id, v, env).map((f) => present(f, ctx.unitId, { kind: 'dossier', id: v.dossier.code }, o)));
    },
  }));
  checks.push({
    id: 'outsideSystem',
    title: { vi: 'Mọi hồ sơ trong sổ theo dõi, Cổng dịch vụ công đều có trên hệ thống một cửa điện tử', en: 'Every dossier of the register or the portal is in the one-stop system' },
    run: (context) => {
      const ctx = checkPluginRunContext('one-stop/outsideSystem', context);
      return o.registers
        .filter((r) => r.unitId === ctx.unitId)
        .flatMap((r) =>
          reconcile(o, r).missingFromExport.flatMap((e) => {
            const rule = ruleInForce<unknown>(OSS_RULES.reception, e.receivedOn ?? ctx.referenceDate) as OssRuleVersion<unknown> | undefined;
            if (!rule || (e.receivedOn !== undefined && e.receivedOn > ctx.referenceDate)) return [];
            const where = r.kind === 'counterRegister' ? { vi: 'sổ theo dõi hồ sơ', en: 'the counter register' } : { vi: 'Cổng dịch vụ công', en: "the portal's list" };
            const message = { vi: `Hồ sơ ${e.dossierCode} có trong ${where.vi} nhưng không có trên hệ thống một cửa điện tử`, en: `Dossier ${e.dossierCode} is in ${where.en} but not in the one-stop system` };
            return [present({ rule, severity: 'major', message }, ctx.unitId, { kind: 'registerEntry', id: e.dossierCode }, o)];
          }),
        );
    },
  });

  /** A metric over the dossiers of the unit (and the units under it, for a level), in the period, as of now. */
  const metric = (metricId: string, vi: string, en: string, pick: (r: ReturnType<typeof ratesOf>) => Rate, level?: 'district' | 'commune'): MetricProvider => ({
    metricId,
    description: { vi, en },
    compute: (context) => {
      const ctx = checkPluginRunContext(metricId, context);
      const units = level ? subtree(ctx.unitId) : [ctx.unitId];
      const mine = units.flatMap((u) => byUnit.get(u) ?? []).flatMap((v) => (!level || v.procedure.level === level ? [v.dossier] : []));
      const counts = sumCounts(tallyDossiers(mine, procedures, appoint, { period: ctx.period, nowMs: ctx.now.getTime(), groupBy: [], config: o }));
      return pick(ratesOf(counts)).percent;
    },
  });
  const metricProviders: MetricProvider[] = [
    metric('dossierOnTimeRate.district', 'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết trước và đúng hạn (%)', 'On-time rate of district-level dossiers (%)', (r) => r.onTimeRate, 'district'),
    metric('dossierOnTimeRate.commune', 'Tỷ lệ hồ sơ TTHC cấp xã giải quyết trước và đúng hạn (%)', 'On-time rate of commune-level dossiers (%)', (r) => r.onTimeRate, 'commune'),
    metric('oneStop.onTimeRate', 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn (%)', 'On-time rate (%)', (r) => r.onTimeRate),
    metric('oneStop.lateApologyRate', 'Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi (%)', 'Late dossiers with an apology (%)', (r) => r.lateApologyRate),
    metric('oneStop.digitisationRate', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (%)', 'Dossiers and results digitised (%)', (r) => r.digitisationRate),
    metric('oneStop.reuseRate', 'Tỷ lệ hồ sơ sử dụng lại dữ liệu số hóa (%)', 'Dossiers reusing digitised data (%)', (r) => r.reuseRate),
    metric('oneStop.onlineShare', 'Tỷ lệ hồ sơ trực tuyến (toàn trình, một phần) (%)', 'Online dossiers (fully and partly online) (%)', (r) => r.onlineShare),
    metric('oneStop.postalShare', 'Tỷ lệ hồ sơ qua bưu chính công ích (%)', 'Postal dossiers (%)', (r) => r.postalShare),
    metric('oneStop.onlinePaymentShare', 'Tỷ lệ hồ sơ thanh toán trực tuyến (%)', 'Fees paid online (%)', (r) => r.onlinePaymentShare),
    metric('oneStop.satisfactionRate', 'Tỷ lệ đánh giá hài lòng (%)', 'Satisfied ratings (%)', (r) => r.satisfactionRate),
  ];
  const frameworkFragments: FrameworkNode[] = ONE_STOP_FRAGMENTS.map((n) => structuredClone(n) as FrameworkNode);
  const reportSections = oneStopReportSections({ dossiersOf: (unitId) => (byUnit.get(unitId) ?? []).map((v) => v.dossier), procedures, appoint, config: o });
  return { specificationVersion: 'v1', name: 'one-stop', version: '0.0.0', configSchema: OneStopOptionsSchema, config: options, checks, metricProviders, frameworkFragments, importers: ONE_STOP_IMPORTERS, reportSections };
}
