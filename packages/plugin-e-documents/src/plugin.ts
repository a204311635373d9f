import { defaultCalendar, IssueList, parseWithSchema, type Calendar } from '@par/calendar';
import type { FindingInput, MetricProvider, ParPluginV1, PluginCheck, PluginRunContext } from '@par/core';
import { checkPluginRunContext } from '@par/core';
import { CHECKS, present, scopeOf, type CheckEnv } from './checks.js';
import { E_DOCUMENTS_IMPORTERS } from './importers.js';
import { eDocumentsReportSections } from './report-sections.js';
import { criterionFragment, METRICS, metricValue, type EDocumentsMetricId } from './metrics.js';
import { EDocumentsOptionsSchema, type EDocumentsConfig, type EDocumentsOptions } from './records.js';

/** What the plugin counts working days with; the default is `defaultCalendar()` of `@par/calendar`. */
export interface EDocumentsDependencies {
  readonly calendar?: Calendar;
}

const isCalendar = (c: unknown) => typeof c === 'object' && c !== null && ['addWorkingDays', 'workingDayOnOrAfter', 'isWorkingDay'].every((m) => typeof (c as Record<string, unknown>)[m] === 'function');

/**
 * The e-documents plugin: checks each unit's registers of outgoing and incoming documents and its work files
 * against the rules of clerical work (`DOC-01` to `DOC-08` of the domain notes: NĐ 30/2020/NĐ-CP, the archives laws
 * of 2011 and 2024, the Ministry of Home Affairs' construction-file example), each in the version in force on the
 * document's date, and computes the metrics of criterion 7.1 (`eDocuments.electronicExchangeRate`,
 * `eDocuments.digitalSignatureRate`, `eDocuments.onlineWorkFileRate`) and
 * `eDocuments.assignmentsReceivedElectronically`, with a framework fragment binding them; its importers read a
 * document-management system's register exports ({@link E_DOCUMENTS_IMPORTERS}) and its report section tabulates
 * the 7.1 shares and the registers' completeness (section `registers`). Throws
 * `ParValidationError` naming every problem of the options and dependencies by path; every check and metric refuses
 * a context that is not a valid one.
 */
export function createEDocumentsPlugin(options: EDocumentsOptions, dependencies: EDocumentsDependencies = {}): ParPluginV1<EDocumentsConfig> {
  const o = parseWithSchema('e-documents plugin options', EDocumentsOptionsSchema, options);
  const deps = dependencies as unknown;
  const issues = new IssueList();
  if (typeof deps !== 'object' || deps === null) issues.add(['dependencies'], 'invalid_type', 'Expected an object { calendar? }');
  else if ((deps as EDocumentsDependencies).calendar !== undefined && !isCalendar((deps as EDocumentsDependencies).calendar)) issues.add(['dependencies', 'calendar'], 'invalid_calendar', 'Expected a calendar from createCalendar');
  issues.throwIfAny('e-documents plugin dependencies');
  const env: CheckEnv = { config: o, calendar: dependencies.calendar ?? defaultCalendar(), memo: new Map() };
  const units = new Map(o.units.map((u) => [u.unitId, u]));

  const checks: (PluginCheck & { run(context: PluginRunContext): FindingInput[] })[] = Object.entries(CHECKS).map(([id, c]) => ({
    id,
    title: c.title,
    run: (context) => {
      const ctx = checkPluginRunContext(`eDocuments/${id}`, context);
      const records = units.get(ctx.unitId);
      return records ? c.find(records, scopeOf(ctx), env).map((f) => present(f, records.unitId, o)) : [];
    },
  }));

  const metricProviders: MetricProvider[] = (Object.keys(METRICS) as EDocumentsMetricId[]).map((metricId) => ({
    metricId,
    description: METRICS[metricId],
    compute: (context) => {
      const ctx = checkPluginRunContext(metricId, context);
      const records = units.get(ctx.unitId);
      return records && metricValue(metricId, records, scopeOf(ctx), o);
    },
  }));
  return {
    specificationVersion: 'v1',
    name: 'e-documents',
    version: '0.0.0',
    configSchema: EDocumentsOptionsSchema,
    config: options,
    checks,
    metricProviders,
    frameworkFragments: [criterionFragment(o)],
    importers: E_DOCUMENTS_IMPORTERS,
    reportSections: eDocumentsReportSections(o, env.calendar),
  };
}
