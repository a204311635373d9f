import { defaultCalendar, IssueList, ParValidationError, parseWithSchema, type Calendar } from '@par/calendar';
import type { FindingInput, MetricProvider, ParPluginV1, PluginCheck, PluginRunContext } from '@par/core';
import { checkPluginRunContext } from '@par/core';
import { CHECKS, present, type CheckEnv } from './checks.js';
import { compileGraph, type DocumentGraph } from './graph.js';
import { legalReviewImporters } from './importers.js';
import { LEGAL_REVIEW_FRAMEWORK_FRAGMENTS, METRICS, metricEnv } from './metrics.js';
import { LegalReviewOptionsSchema, type LegalRegisterRecord, type LegalReviewConfig, type LegalReviewOptions } from './records.js';
import { rememberRegister } from './register.js';
import { legalReviewReportSections } from './report-sections.js';

/** What the plugin counts working days with; the default is `defaultCalendar()` of `@par/calendar`. */
export interface LegalReviewDependencies {
  readonly calendar?: Calendar;
}

const isCalendar = (c: unknown) => typeof c === 'object' && c !== null && ['addWorkingDays', 'isWorkingDay'].every((m) => typeof (c as Record<string, unknown>)[m] === 'function');

/**
 * Builds every register's document graph, checking the cross-references of all of them before throwing one
 * `ParValidationError` with every problem under `registers.<i>`; two registers for one unit are refused too.
 */
function compileRegisters(config: LegalReviewConfig): { register: LegalRegisterRecord; graph: DocumentGraph }[] {
  const issues = new IssueList();
  const seen = new Map<string, number>();
  const out: { register: LegalRegisterRecord; graph: DocumentGraph }[] = [];
  config.registers.forEach((register, i) => {
    if (seen.has(register.unitId)) issues.add(['registers', i, 'unitId'], 'duplicate_register', `Two registers for unit ${register.unitId} (first at registers[${seen.get(register.unitId)}])`);
    seen.set(register.unitId, i);
    try {
      const graph = compileGraph(register, ['registers', i]);
      rememberRegister(register, graph);
      out.push({ register, graph });
    } catch (error) {
      if (!ParValidationError.isInstance(error)) throw error;
      for (const issue of error.issues) issues.add(issue.path, issue.code, issue.message);
    }
  });
  issues.throwIfAny('legal review plugin options');
  return out;
}

/**
 * The legal-document review plugin: checks each register against LEG-01..LEG-19 of the domain notes, each in the
 * version in force on its own reference date (a document's signing date picks the regime), and computes the
 * field-2 metrics (`legal.issuingCompliance`, `legal.selfInspectedShare`, `legal.communeInspectedShare`,
 * `legal.unlawfulHandledShare`, `legal.reviewPlanDone`, `legal.reviewQueueCleared`, `legal.systematisationDone`,
 * `legal.monitoringPlanIssued`, `legal.monitoringPlanCompletion`), with framework fragments binding them to criteria
 * 2.1-2.4. Checks answer for a register's keeper (`keeperUnitId`, default `unitId`); metrics for its `unitId`. Its
 * importers read each register as the office keeps it ({@link legalReviewImporters}); its report section lists the
 * review obligations and the systematisation lists (section `review`).
 * Throws `ParValidationError` naming every problem of the options (registers included, with their cross-references)
 * and dependencies by path; every check and metric refuses a context that is not a valid one.
 */
export function createLegalReviewPlugin(options: LegalReviewOptions, dependencies: LegalReviewDependencies = {}): ParPluginV1<LegalReviewConfig> {
  const config = parseWithSchema('legal review plugin options', LegalReviewOptionsSchema, options);
  const deps = dependencies as unknown;
  const issues = new IssueList();
  if (typeof deps !== 'object' || deps === null) issues.add(['dependencies'], 'invalid_type', 'Expected an object { calendar? }');
  else if ((deps as LegalReviewDependencies).calendar !== undefined && !isCalendar((deps as LegalReviewDependencies).calendar)) issues.add(['dependencies', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  issues.throwIfAny('legal review plugin dependencies');
  const calendar = dependencies.calendar ?? defaultCalendar();
  const registers = compileRegisters(config);
  const env = (r: (typeof registers)[number], ctx: Pick<PluginRunContext, 'referenceDate'>): CheckEnv => ({ ...r, config, calendar, referenceDate: ctx.referenceDate });

  const checks: (PluginCheck & { run(context: PluginRunContext): FindingInput[] })[] = Object.entries(CHECKS).map(([id, c]) => ({
    id,
    title: c.title,
    run: (context) => {
      const ctx = checkPluginRunContext(`legal-review/${id}`, context);
      return registers
        .filter((r) => (r.register.keeperUnitId ?? r.register.unitId) === ctx.unitId)
        .flatMap((r) => c.find(env(r, ctx)).map((f) => present(f, ctx.unitId, config)));
    },
  }));
  const metricProviders: MetricProvider[] = METRICS.map((m) => ({
    metricId: m.metricId,
    description: { vi: m.vi, en: m.en },
    compute: (context) => {
      const ctx = checkPluginRunContext(m.metricId, context);
      const r = registers.find((x) => x.register.unitId === ctx.unitId);
      return r && m.compute(metricEnv(env(r, ctx), ctx.period));
    },
  }));
  const reportSections = legalReviewReportSections((referenceDate) => registers.map((r) => env(r, { referenceDate })));
  return { specificationVersion: 'v1', name: 'legal-review', version: '0.0.0', configSchema: LegalReviewOptionsSchema, config: options, checks, metricProviders, frameworkFragments: LEGAL_REVIEW_FRAMEWORK_FRAGMENTS, importers: legalReviewImporters(config), reportSections };
}
