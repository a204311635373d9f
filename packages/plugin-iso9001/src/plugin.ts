import { CivilDateSchema, defaultCalendar, IssueList, parseWithSchema, type Calendar, type CivilDate } from '@par/calendar';
import type { FindingInput, MetricProvider, ParPluginV1, PluginCheck, PluginRunContext } from '@par/core';
import { checkPluginRunContext } from '@par/core';
import { CHECKS, counts, doneInPeriod, isRequired, present, processOn, proceduresOf, type CheckEnv, type RawFinding } from './checks.js';
import { Iso9001OptionsSchema, isParsedQms, type Iso9001Config, type Iso9001Options, type Qms, type QmsRecord } from './records.js';

/** What the plugin counts deadlines with; the default is `defaultCalendar()` of `@par/calendar`. */
export interface Iso9001Dependencies {
  readonly calendar?: Calendar;
}

const isCalendar = (c: unknown) => typeof c === 'object' && c !== null && ['addWorkingDays', 'nextWorkingDay', 'workingDayOnOrAfter', 'isWorkingDay'].every((m) => typeof (c as Record<string, unknown>)[m] === 'function');

/**
 * The process of a procedure in effect on a date: its latest version from on or before that date. `qms` must come
 * from `parseQms`; a bad argument throws `ParValidationError` naming it (`qms`, `code`, `date`).
 */
export function currentProcess(qms: Qms, code: string, date: CivilDate): QmsRecord['processes'][number] | undefined {
  const issues = new IssueList();
  if (!isParsedQms(qms)) issues.add(['qms'], 'not_parsed', 'Expected a QMS returned by parseQms');
  if (typeof code !== 'string' || code.trim() === '') issues.add(['code'], 'invalid_code', 'Expected a procedure code');
  if (!CivilDateSchema.safeParse(date).success) issues.add(['date'], 'invalid_date', `Expected a date YYYY-MM-DD, got ${JSON.stringify(date) ?? typeof date}`);
  issues.throwIfAny('arguments of currentProcess');
  return processOn(qms, code, date);
}

/**
 * The ISO 9001 plugin: checks each unit's QMS records against the rules of ISO 9001 in state agencies (`ISO-01` to
 * `ISO-14` of the domain notes, clauses 7.5 and 10.2 of the standard), each in the version in force on the
 * reference date, and computes `iso9001.required`, `iso9001.scopeCoverage` (%), `iso9001.auditDone` and
 * `iso9001.reviewDone` (held in the period), `iso9001.openOverdueNonconformities` and `iso9001.overallConformity`
 * (no major or critical finding of a rule that counts). Throws `ParValidationError` naming every problem of the
 * options and dependencies by path; every check and metric refuses a context that is not a valid one.
 */
export function createIso9001Plugin(options: Iso9001Options, dependencies: Iso9001Dependencies = {}): ParPluginV1<Iso9001Config> {
  const o = parseWithSchema('ISO 9001 plugin options', Iso9001OptionsSchema, options);
  const deps = dependencies as unknown;
  const issues = new IssueList();
  if (typeof deps !== 'object' || deps === null) issues.add(['dependencies'], 'invalid_type', 'Expected an object { calendar? }');
  else if ((deps as Iso9001Dependencies).calendar !== undefined && !isCalendar((deps as Iso9001Dependencies).calendar)) issues.add(['dependencies', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  issues.throwIfAny('ISO 9001 plugin dependencies');
  const env: CheckEnv = { config: o, clock: { calendar: dependencies.calendar ?? defaultCalendar(), officeHours: o.officeHours, sameDayCutoff: o.sameDayCutoff } };
  const systems = new Map(o.systems.map((s) => [s.unitId, s]));

  /** The raw findings of one check on a unit's QMS; none before the QMS was built, except ISO-01's. */
  const raw = (id: string, qms: QmsRecord, ctx: PluginRunContext): RawFinding[] => (id !== 'applicability' && ctx.referenceDate < qms.builtOn ? [] : CHECKS[id]!.find(qms, ctx, env));

  const checks: (PluginCheck & { run(context: PluginRunContext): FindingInput[] })[] = Object.entries(CHECKS).map(([id, c]) => ({
    id,
    title: c.title,
    run: (context) => {
      const ctx = checkPluginRunContext(`iso9001/${id}`, context);
      const qms = systems.get(ctx.unitId);
      if (!qms) return [];
      const required = isRequired(qms, ctx.referenceDate);
      return raw(id, qms, ctx).map((f) => present(f, qms.unitId, required, o));
    },
  }));

  const metric = (metricId: string, vi: string, en: string, compute: (qms: QmsRecord, ctx: PluginRunContext) => number | boolean | undefined): MetricProvider => ({
    metricId,
    description: { vi, en },
    compute: (context) => {
      const ctx = checkPluginRunContext(metricId, context);
      const qms = systems.get(ctx.unitId);
      return qms && compute(qms, ctx);
    },
  });
  const metricProviders: MetricProvider[] = [
    metric('iso9001.required', 'Thuộc diện bắt buộc áp dụng HTQLCL (ISO-01)', 'Required to apply a QMS (ISO-01)', (q, ctx) => isRequired(q, ctx.referenceDate)),
    metric('iso9001.scopeCoverage', 'Tỷ lệ TTHC đã công bố thuộc phạm vi HTQLCL (%)', 'Share of published procedures in the QMS scope (%)', (q, ctx) => {
      const procedures = proceduresOf(q, ctx.referenceDate, env);
      if (procedures.length === 0) return undefined;
      const covered = procedures.filter((p) => q.scope.procedures.includes(p.code)).length;
      return Math.floor((covered * 20_000 + procedures.length) / (2 * procedures.length)) / 100; // half-up to 0.01, in integers
    }),
    metric('iso9001.auditDone', 'Có đánh giá nội bộ trong kỳ', 'Internal audit held in the period', (q, ctx) => doneInPeriod(q.audits, ctx.period, ctx.referenceDate).length > 0),
    metric('iso9001.reviewDone', 'Có xem xét của lãnh đạo trong kỳ', 'Management review held in the period', (q, ctx) => doneInPeriod(q.reviews, ctx.period, ctx.referenceDate).length > 0),
    metric('iso9001.openOverdueNonconformities', 'Số điểm không phù hợp có hành động quá hạn', 'Open nonconformities with overdue actions', (q, { referenceDate: ref }) =>
      q.nonconformities.filter((nc) => !(nc.closedOn && nc.closedOn <= ref) && nc.actions.some((a) => !(a.doneOn && a.doneOn <= ref) && a.dueDate < ref)).length,
    ),
    metric('iso9001.overallConformity', 'HTQLCL phù hợp (không có phát hiện nghiêm trọng theo quy định đã xác nhận hoặc xác nhận một phần)', 'QMS conforms (no major or critical finding of a confirmed or partly confirmed rule)', (q, ctx) =>
      Object.keys(CHECKS).every((id) => raw(id, q, ctx).every((f) => !counts(f, o) || (f.severity !== 'major' && f.severity !== 'critical'))),
    ),
  ];
  return { specificationVersion: 'v1', name: 'iso9001', version: '0.0.0', configSchema: Iso9001OptionsSchema, config: options, checks, metricProviders };
}
