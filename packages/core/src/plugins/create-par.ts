import { z } from 'zod';
import { IssueList, ParValidationError, PeriodSchema, parseWithSchema, toVietnamTime, type ParIssue, type Period } from '@par/calendar';
import { BUILT_IN_RULE_SCHEMAS, type RuleKindSchema } from '../frameworks/scoring-rule.js';
import { MetricSchema, type Metric } from '../scoring/metric.js';
import { LabelSchema, type Label } from '../shared/label.js';
import { FindingInputSchema, type Finding } from './finding.js';
import type { MetricProvider, ParPluginV1, PluginCheck, PluginImporter, PluginReportContext, PluginReportSection, PluginRunContext, PluginTableSource } from './plugin.js';
import { ReportSectionContentSchema, type ComputedReportSection } from './report-section.js';
import { systemTimer, type PluginTimer } from './plugin-timer.js';
import { watchPrototypes, type PrototypeWatch } from './prototype-watch.js';

/** What to run plugins on. */
export interface PluginRun {
  readonly unitIds: readonly string[];
  readonly period: Period;
  readonly now: Date | number;
}

/** Options of {@link createPar}. */
export interface CreateParOptions {
  readonly plugins: readonly ParPluginV1[];
  /** How long one check or metric provider may take on one unit, in milliseconds. Default 5,000. */
  readonly budgetMs?: number;
  /** How many findings one check may report on one unit; it is not read beyond. Default 1,000. */
  readonly maxFindings?: number;
  /** The clock behind the time budget. Default: `performance.now()` and `setTimeout`. */
  readonly timer?: PluginTimer;
  /** How many records one importer may return. Default 1,000,000. */
  readonly maxRecords?: number;
}

/** An importer a composed plugin offers, as the host read it at composition. */
export interface ImporterInfo {
  readonly plugin: string;
  readonly id: string;
  readonly label: Label;
  readonly formats: readonly ('csv' | 'xlsx')[];
}

/** What running an importer gave: the records, the problems of the table (each by path), or the plugin's failure. */
export type ImportOutcome =
  | { readonly status: 'read'; readonly records: readonly unknown[] }
  | { readonly status: 'invalid'; readonly problems: readonly ParIssue[] }
  | { readonly status: 'failed'; readonly problem: string };

/** A report section that could not be shown, and why. */
export interface SectionFailure {
  readonly plugin: string;
  readonly id: string;
  readonly problem: string;
}

/** Plugins composed by a host. */
export interface Par {
  readonly plugins: readonly ParPluginV1[];
  /** Every plugin's extra rule kinds, for `parseFramework`. */
  readonly ruleSchemas: readonly RuleKindSchema[];
  /** Every plugin's lifecycle guards and actions, merged, for `assignmentMachine.provide()`. */
  readonly lifecycle: { readonly guards: Readonly<Record<string, unknown>>; readonly actions: Readonly<Record<string, unknown>> };
  /**
   * Runs every check on every unit, one call at a time. Whatever a call throws or returns that does not fit (a
   * finding about another unit, more than the cap, over its time budget, a change to a built-in prototype) becomes
   * one `pluginError` finding for that plugin, check and unit; the other calls' findings stand.
   */
  runChecks(run: PluginRun): Promise<Finding[]>;
  /** Computes every metric on every unit. A failing provider yields a `pluginError` finding instead, as above. */
  computeMetrics(run: PluginRun): Promise<{ readonly metrics: Metric[]; readonly errors: Finding[] }>;
  /** Every plugin's importers. */
  readonly importers: readonly ImporterInfo[];
  /**
   * Runs one importer on a frozen copy of `source`, within the time budget. A `ParValidationError` it throws is the
   * table's problems (`invalid`); anything else it throws or returns (records that are not JSON-ready, more than
   * `maxRecords`, a change to a built-in prototype, over its budget) is `failed`. Throws `ParValidationError` only
   * for arguments that name no importer or are not a table source.
   */
  runImporter(plugin: string, importerId: string, source: PluginTableSource): Promise<ImportOutcome>;
  /**
   * Computes every plugin's report sections for the units together, one call at a time, each with a fresh frozen
   * context; a section that throws or returns what does not fit the content schema (or its limits) becomes a
   * {@link SectionFailure}, and the others stand.
   */
  reportSections(run: PluginRun): Promise<{ readonly sections: ComputedReportSection[]; readonly errors: SectionFailure[] }>;
}

const DEFAULT_BUDGET_MS = 5_000;
const DEFAULT_MAX_FINDINGS = 1_000;
const DEFAULT_MAX_RECORDS = 1_000_000;

const isFunction = (v: unknown) => typeof v === 'function';
const fn = z.custom<(...args: never[]) => unknown>(isFunction, { message: 'Expected a function' });
const OptionsSchema = z.strictObject({
  plugins: z.array(z.unknown()),
  budgetMs: z.int().positive().optional(),
  maxFindings: z.int().positive().optional(),
  timer: z.looseObject({ now: fn, after: fn }).optional(),
  maxRecords: z.int().positive().optional(),
});
const PluginSchema = z.looseObject({
  specificationVersion: z.unknown(),
  name: z.string().min(1),
  version: z.string().min(1),
  configSchema: z.looseObject({ safeParse: fn }),
  config: z.unknown(),
  metricProviders: z.array(z.looseObject({ metricId: z.string().min(1), compute: fn })).optional(),
  checks: z.array(z.looseObject({ id: z.string().min(1), run: fn })).optional(),
  ruleKinds: z.array(z.looseObject({ safeParse: fn, shape: z.looseObject({ kind: z.looseObject({ value: z.string().min(1) }) }) })).optional(),
  lifecycle: z.looseObject({ guards: z.record(z.string(), z.unknown()).optional(), actions: z.record(z.string(), z.unknown()).optional() }).optional(),
  frameworkFragments: z.array(z.unknown()).optional(),
  importers: z.array(z.looseObject({ id: z.string().min(1), label: LabelSchema, formats: z.array(z.enum(['csv', 'xlsx'])).min(1), read: fn })).optional(),
  reportSections: z.array(z.looseObject({ id: z.string().min(1), title: LabelSchema, compute: fn })).optional(),
});

const TableSourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('csv'), name: z.string().min(1), text: z.string() }),
  z.strictObject({ format: z.literal('rows'), name: z.string().min(1), rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined(), z.date()]))) }),
]);
const ImporterArgsSchema = z.strictObject({ plugin: z.string().min(1), importerId: z.string().min(1), source: TableSourceSchema });
const IssueSchema = z.strictObject({ path: z.array(z.union([z.string(), z.int().min(0)])), code: z.string(), message: z.string() });

const RunSchema = z.strictObject({
  unitIds: z.array(z.string().min(1)).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `Unit "${id}" is listed twice: each unit is checked once` });
      seen.add(id);
    });
  }),
  period: PeriodSchema,
  now: z.custom<Date | number>((t) => (typeof t === 'number' && Number.isFinite(t)) || (t instanceof Date && Number.isFinite(t.getTime())), { message: 'Expected an instant: a valid Date or milliseconds' }),
});

const issuesOf = (error: z.ZodError, prefix: readonly (string | number)[]): ParIssue[] =>
  error.issues.map((e) => ({ path: [...prefix, ...e.path.map((x) => (typeof x === 'symbol' ? String(x) : x))], code: `schema.${e.code}`, message: e.message }));

/** Describes anything a plugin threw, without trusting it (a throwing getter or `toString`, a revoked Proxy). */
function describeThrown(error: unknown): string {
  const attempts = [
    () => (typeof error === 'string' ? error : undefined),
    () => (error instanceof Error && typeof error.message === 'string' ? error.message : undefined),
    () => (typeof error !== 'object' && typeof error !== 'function' ? String(error) : undefined),
    () => {
      const s = String(error);
      return typeof s === 'string' ? s : undefined;
    },
  ];
  for (const attempt of attempts) {
    try {
      const s = attempt();
      if (s !== undefined) return s.length > 300 ? `${s.slice(0, 300)}…` : s;
    } catch {
      // try the next way
    }
  }
  return `an undescribable ${typeof error}`;
}

function pluginError(plugin: string, checkId: string, unitId: string, what: string, detail: string): Finding {
  return {
    id: `${plugin}/${checkId}/${unitId}/error`,
    plugin,
    checkId,
    kind: 'pluginError',
    severity: 'major',
    unitId,
    subject: { kind: 'plugin', id: plugin },
    message: { vi: `Plugin ${plugin} lỗi khi ${what}: ${detail}`, en: `Plugin ${plugin} failed on ${what}: ${detail}` },
    legalBasis: [],
    evidence: [],
  };
}

/** A plugin as the host keeps it: what it read once, at composition, so later changes to the object do not count. */
interface Composed {
  readonly name: string;
  readonly version: string;
  readonly checks: readonly Pick<PluginCheck, 'id' | 'run'>[];
  readonly metricProviders: readonly Pick<MetricProvider, 'metricId' | 'compute'>[];
  readonly importers: readonly (ImporterInfo & Pick<PluginImporter, 'read'>)[];
  readonly sections: readonly (Pick<PluginReportSection, 'id' | 'compute'> & { readonly title: Label })[];
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };


const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';

/**
 * Composes plugins: checks each plugin's shape, validates its config with its own schema, and refuses two plugins
 * (or two checks of one) claiming the same name, metric id, rule kind or check id. Throws only
 * {@link ParValidationError}, naming every problem, whatever it is given.
 */
export function createPar(options: CreateParOptions): Par {
  const o = parseWithSchema('plugin host options', OptionsSchema, options);
  const issues = new IssueList();
  const claims = new Map<string, string>();
  const claim = (what: string, id: string, plugin: string, path: (string | number)[]) => {
    const key = `${what}:${id}`;
    const owner = claims.get(key);
    if (owner !== undefined) issues.add(path, 'plugin_conflict', `${what} "${id}" is claimed by both "${owner}" and "${plugin}"`);
    else claims.set(key, plugin);
  };
  // the framework's own rule kinds are taken: a plugin may add kinds, never redefine `yesNo` or `ratioTiers`
  for (const r of BUILT_IN_RULE_SCHEMAS) claims.set(`Rule kind:${r.shape.kind.value}`, "the framework's built-in rules");
  const composed: Composed[] = [];
  o.plugins.forEach((raw, i) => {
    try {
      const parsed = PluginSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of issuesOf(parsed.error, ['plugins', i])) issues.add(issue.path, issue.code, issue.message);
        return;
      }
      const p = raw as ParPluginV1;
      if (p.specificationVersion !== 'v1') issues.add(['plugins', i, 'specificationVersion'], 'unsupported_specification', `Plugin "${p.name}" implements ${describeThrown(p.specificationVersion)}, not v1`);
      claim('Plugin', p.name, p.name, ['plugins', i, 'name']);
      const config = p.configSchema.safeParse(p.config);
      if (!config.success) for (const issue of issuesOf(config.error, ['plugins', i, 'config'])) issues.add(issue.path, issue.code, issue.message);
      const checks = [...(p.checks ?? [])].map((c) => ({ id: c.id, call: c.run, of: c }));
      const providers = [...(p.metricProviders ?? [])].map((m) => ({ metricId: m.metricId, call: m.compute, of: m }));
      providers.forEach((m, k) => claim('Metric', m.metricId, p.name, ['plugins', i, 'metricProviders', k]));
      p.ruleKinds?.forEach((r, k) => claim('Rule kind', String(r.shape.kind.value), p.name, ['plugins', i, 'ruleKinds', k]));
      checks.forEach((c, k) => claim('Check', `${p.name}/${c.id}`, p.name, ['plugins', i, 'checks', k]));
      const importers = [...(p.importers ?? [])].map((m) => ({ plugin: p.name, id: m.id, label: copyLabel(m.label), formats: [...m.formats], call: m.read, of: m }));
      const sections = [...(p.reportSections ?? [])].map((r) => ({ id: r.id, title: copyLabel(r.title), call: r.compute, of: r }));
      importers.forEach((m, k) => claim('Importer', `${p.name}/${m.id}`, p.name, ['plugins', i, 'importers', k]));
      sections.forEach((r, k) => claim('Report section', `${p.name}/${r.id}`, p.name, ['plugins', i, 'reportSections', k]));
      composed.push({
        name: p.name,
        version: p.version,
        checks: checks.map((c) => ({ id: c.id, run: (ctx: PluginRunContext) => c.call.call(c.of, ctx) })),
        metricProviders: providers.map((m) => ({ metricId: m.metricId, compute: (ctx: PluginRunContext) => m.call.call(m.of, ctx) })),
        importers: importers.map(({ call, of, ...m }) => Object.freeze({ ...m, formats: Object.freeze(m.formats), read: (source: PluginTableSource) => call.call(of, source) })),
        sections: sections.map(({ call, of, ...r }) => ({ ...r, compute: (ctx: PluginReportContext) => call.call(of, ctx) })),
      });
    } catch (e) {
      issues.add(['plugins', i], 'unreadable_plugin', `The plugin could not be read: ${describeThrown(e)}`);
    }
  });
  issues.throwIfAny('plugins');
  const plugins = [...(o.plugins as ParPluginV1[])];
  const budgetMs = o.budgetMs ?? DEFAULT_BUDGET_MS;
  const maxFindings = o.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const timer = (o.timer as PluginTimer | undefined) ?? systemTimer;
  const maxRecords = o.maxRecords ?? DEFAULT_MAX_RECORDS;

  /** Each unit's run, with a fresh frozen context (and its own `Date`) for every call. */
  const parseRun = (run: PluginRun) => {
    const r = parseWithSchema('plugin run', RunSchema, run);
    const t = typeof r.now === 'number' ? r.now : r.now.getTime();
    return { r, t, referenceDate: toVietnamTime(t).date };
  };
  const units = (run: PluginRun) => {
    const { r, t, referenceDate } = parseRun(run);
    return r.unitIds.map((unitId) => ({ unitId, period: r.period, context: (): PluginRunContext => Object.freeze({ unitId, period: r.period, now: new Date(t), referenceDate }) }));
  };

  /**
   * Calls a plugin within its budget (an asynchronous result is raced against the timer), reads what it returned,
   * and blames it for any change to the built-ins, which are put back.
   */
  const guarded = async <T>(watch: PrototypeWatch, f: () => unknown, read: (value: unknown) => T): Promise<Outcome<T>> => {
    const started = timer.now();
    let outcome: Outcome<T>;
    try {
      const value = f();
      const settled = isThenable(value) ? await race(value) : { ok: true as const, value };
      outcome = settled.ok ? { ok: true, value: read(settled.value) } : settled;
    } catch (e) {
      outcome = { ok: false, problem: describeThrown(e) };
    }
    const took = timer.now() - started;
    const changes = watch.restore();
    if (changes.length > 0) return { ok: false, problem: `it changed built-in objects (${changes.slice(0, 5).join('; ')}${changes.length > 5 ? '; …' : ''}); they were put back` };
    if (outcome.ok && took > budgetMs) return { ok: false, problem: `it took ${Math.round(took)} ms, over its budget of ${budgetMs} ms` };
    return outcome;
  };
  const race = (value: PromiseLike<unknown>) =>
    new Promise<Outcome<unknown>>((resolve) => {
      const cancel = timer.after(budgetMs, () => resolve({ ok: false, problem: `it did not finish within its budget of ${budgetMs} ms` }));
      const settle = (outcome: Outcome<unknown>) => {
        cancel();
        resolve(outcome);
      };
      try {
        Promise.resolve(value).then((v) => settle({ ok: true, value: v }), (e: unknown) => settle({ ok: false, problem: describeThrown(e) }));
      } catch (e) {
        settle({ ok: false, problem: describeThrown(e) });
      }
    });

  /** The findings of one check on one unit, read up to the cap. */
  const readFindings = (value: unknown, unitId: string): { findings: z.output<typeof FindingInputSchema>[]; problems: string[] } => {
    const findings: z.output<typeof FindingInputSchema>[] = [];
    const problems: string[] = [];
    if (value === null || typeof value !== 'object' || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
      return { findings, problems: ['it did not return a list of findings'] };
    }
    let read = 0;
    let invalid = 0;
    let foreign = 0;
    for (const item of value as Iterable<unknown>) {
      if (++read > maxFindings) {
        problems.push(`it reported more than ${maxFindings} findings; the rest were not read`);
        break;
      }
      let parsed;
      try {
        parsed = FindingInputSchema.safeParse(item);
      } catch (e) {
        parsed = { success: false as const, problem: describeThrown(e) };
      }
      if (!parsed.success) {
        if (invalid++ === 0) problems.push(`invalid finding: ${'problem' in parsed ? parsed.problem : parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      } else if (parsed.data.unitId !== unitId) {
        if (foreign++ === 0) problems.push(`a finding about unit "${parsed.data.unitId}", which it was not asked about (refused)`);
      } else findings.push(parsed.data);
    }
    if (invalid > 1) problems.push(`${invalid} invalid findings in all`);
    if (foreign > 1) problems.push(`${foreign} findings about other units in all`);
    return { findings, problems };
  };

  /** The records an importer returned, copied as JSON values (anything else refused). */
  const readRecords = (value: unknown): unknown[] => {
    if (!Array.isArray(value)) throw new Error('it did not return a list of records');
    if (value.length > maxRecords) throw new Error(`it returned ${value.length} records, more than the limit of ${maxRecords}`);
    return value.map((r, k) => jsonCopy(r, [k]));
  };

  return {
    plugins,
    importers: composed.flatMap((p) => p.importers.map(({ read: _, ...m }) => m)),
    async runImporter(plugin, importerId, source) {
      const a = parseWithSchema('importer arguments', ImporterArgsSchema, { plugin, importerId, source });
      const importer = composed.find((p) => p.name === a.plugin)?.importers.find((m) => m.id === a.importerId);
      if (!importer) {
        const have = composed.flatMap((p) => p.importers.map((m) => `${p.name}/${m.id}`));
        throw new ParValidationError('importer arguments', [{ path: ['importerId'], code: 'unknown_importer', message: `No importer "${a.plugin}/${a.importerId}" (have: ${have.join(', ') || 'none'})` }]);
      }
      const frozen: PluginTableSource = Object.freeze(a.source.format === 'csv' ? { ...a.source } : { ...a.source, rows: Object.freeze(a.source.rows.map((r) => Object.freeze(r.map((c) => (c instanceof Date ? new Date(c.getTime()) : (c ?? null)))))) });
      const invalid = (e: unknown) => {
        if (!ParValidationError.isInstance(e)) throw e;
        const issues = z.array(IssueSchema).min(1).safeParse(e.issues);
        if (!issues.success) throw new Error('it threw a ParValidationError without well-formed issues');
        return { invalid: issues.data };
      };
      const call = () => {
        try {
          const v = importer.read(frozen);
          return isThenable(v) ? Promise.resolve(v).then((r) => ({ records: r }), invalid) : { records: v };
        } catch (e) {
          return invalid(e);
        }
      };
      const outcome = await guarded(watchPrototypes(), call, (v) => {
        const r = v as { records?: unknown; invalid?: ParIssue[] };
        return r.invalid ? ({ status: 'invalid', problems: r.invalid } as const) : ({ status: 'read', records: readRecords(r.records) } as const);
      });
      return outcome.ok ? outcome.value : { status: 'failed', problem: outcome.problem };
    },
    async reportSections(run) {
      const sections: ComputedReportSection[] = [];
      const errors: SectionFailure[] = [];
      const watch = watchPrototypes();
      const { r, t, referenceDate } = parseRun(run);
      const unitIds = Object.freeze([...r.unitIds]);
      const context = (): PluginReportContext => Object.freeze({ unitIds, period: r.period, now: new Date(t), referenceDate });
      for (const p of composed) {
        for (const section of p.sections) {
          const outcome = await guarded(watch, () => section.compute(context()), (value) => {
            if (value === undefined) return undefined;
            const r = ReportSectionContentSchema.safeParse(value);
            if (!r.success) throw new Error(`invalid content: ${r.error.issues.slice(0, 3).map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
            return r.data;
          });
          if (!outcome.ok) errors.push({ plugin: p.name, id: section.id, problem: outcome.problem });
          else if (outcome.value) sections.push({ plugin: p.name, id: section.id, title: section.title, content: outcome.value });
        }
      }
      return { sections, errors };
    },
    ruleSchemas: plugins.flatMap((p) => p.ruleKinds ?? []),
    lifecycle: {
      guards: Object.assign({}, ...plugins.map((p) => p.lifecycle?.guards ?? {})),
      actions: Object.assign({}, ...plugins.map((p) => p.lifecycle?.actions ?? {})),
    },
    async runChecks(run) {
      const out: Finding[] = [];
      const watch = watchPrototypes();
      for (const { unitId, context } of units(run)) {
        for (const p of composed) {
          for (const check of p.checks) {
            const outcome = await guarded(watch, () => check.run(context()), (value) => readFindings(value, unitId));
            const { findings, problems } = outcome.ok ? outcome.value : { findings: [], problems: [outcome.problem] };
            for (const f of findings) out.push({ ...f, id: `${p.name}/${check.id}/${f.unitId}/${f.subject.kind}:${f.subject.id}`, plugin: p.name, checkId: check.id, kind: 'finding' });
            if (problems.length > 0) out.push(pluginError(p.name, check.id, unitId, `check ${check.id}`, problems.join('; ')));
          }
        }
      }
      return out;
    },
    async computeMetrics(run) {
      const metrics: Metric[] = [];
      const errors: Finding[] = [];
      const watch = watchPrototypes();
      for (const { unitId, period, context } of units(run)) {
        for (const p of composed) {
          for (const provider of p.metricProviders) {
            const read = (value: unknown) => {
              if (value === undefined) return undefined;
              const m = MetricSchema.safeParse({ metricId: provider.metricId, unitId, period, value, source: `${p.name}@${p.version}` });
              if (!m.success) throw new Error(`invalid value ${describeValue(value)}`);
              return m.data;
            };
            const outcome = await guarded(watch, () => provider.compute(context()), read);
            if (!outcome.ok) errors.push(pluginError(p.name, provider.metricId, unitId, `metric ${provider.metricId}`, outcome.problem));
            else if (outcome.value) metrics.push(outcome.value);
          }
        }
      }
      return { metrics, errors };
    },
  };
}

/** A label copied out of a plugin (validated at composition). */
const copyLabel = (l: Label): Label => Object.freeze(l.en === undefined ? { vi: l.vi } : { vi: l.vi, en: l.en });

/** A JSON value copied from what a plugin returned: plain objects, arrays, strings, finite numbers, booleans, null. */
function jsonCopy(value: unknown, path: (string | number)[], depth = 0): unknown {
  const where = () => `record ${path.join('.')}`;
  if (depth > 32) throw new Error(`${where()} is nested too deeply`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where()} is ${value}, not a finite number`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, k) => jsonCopy(v, [...path, k], depth + 1));
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) Object.defineProperty(out, k, { value: jsonCopy(v, [...path, k], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  throw new Error(`${where()} is a ${typeof value === 'object' ? 'non-plain object' : typeof value}, not a JSON value (amounts go as integer strings)`);
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeThrown(value);
  } catch {
    return describeThrown(value);
  }
}

