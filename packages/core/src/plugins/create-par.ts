import { IssueList, toVietnamTime, type Period } from '@par/calendar';
import type { RuleKindSchema } from '../frameworks/scoring-rule.js';
import { MetricSchema, type Metric } from '../scoring/metric.js';
import { FindingInputSchema, type Finding } from './finding.js';
import type { ParPluginV1, PluginRunContext } from './plugin.js';

/** What to run plugins on. */
export interface PluginRun {
  readonly unitIds: readonly string[];
  readonly period: Period;
  readonly now: Date | number;
}

/** Plugins composed by a host. */
export interface Par {
  readonly plugins: readonly ParPluginV1[];
  /** Every plugin's extra rule kinds, for `parseFramework`. */
  readonly ruleSchemas: readonly RuleKindSchema[];
  /** Every plugin's lifecycle guards and actions, merged, for `assignmentMachine.provide()`. */
  readonly lifecycle: { readonly guards: Readonly<Record<string, unknown>>; readonly actions: Readonly<Record<string, unknown>> };
  /** Runs every check on every unit. A plugin that throws or returns invalid data yields a `pluginError` finding. */
  runChecks(run: PluginRun): Finding[];
  /** Computes every metric on every unit. A failing provider yields a `pluginError` finding instead. */
  computeMetrics(run: PluginRun): { readonly metrics: Metric[]; readonly errors: Finding[] };
}

function pluginError(plugin: string, checkId: string, unitId: string, what: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
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

/**
 * Composes plugins: validates each plugin's config with its own schema, and refuses two plugins (or two checks of
 * one) claiming the same metric id, rule kind or check id. Throws {@link ParValidationError} naming every problem.
 */
export function createPar(options: { readonly plugins: readonly ParPluginV1[] }): Par {
  const issues = new IssueList();
  const claims = new Map<string, string>();
  const claim = (what: string, id: string, plugin: string, path: (string | number)[]) => {
    const key = `${what}:${id}`;
    const owner = claims.get(key);
    if (owner !== undefined) issues.add(path, 'plugin_conflict', `${what} "${id}" is claimed by both "${owner}" and "${plugin}"`);
    else claims.set(key, plugin);
  };
  options.plugins.forEach((p, i) => {
    if (p.specificationVersion !== 'v1') issues.add(['plugins', i, 'specificationVersion'], 'unsupported_specification', `Plugin "${p.name}" implements ${String(p.specificationVersion)}, not v1`);
    claim('Plugin', p.name, p.name, ['plugins', i, 'name']);
    const parsed = p.configSchema.safeParse(p.config);
    if (!parsed.success) for (const e of parsed.error.issues) issues.add(['plugins', i, 'config', ...e.path.map((x) => (typeof x === 'symbol' ? String(x) : x))], `schema.${e.code}`, e.message);
    p.metricProviders?.forEach((m, k) => claim('Metric', m.metricId, p.name, ['plugins', i, 'metricProviders', k]));
    p.ruleKinds?.forEach((r, k) => claim('Rule kind', String(r.shape.kind.value), p.name, ['plugins', i, 'ruleKinds', k]));
    p.checks?.forEach((c, k) => claim('Check', `${p.name}/${c.id}`, p.name, ['plugins', i, 'checks', k]));
  });
  issues.throwIfAny('plugins');
  const plugins = [...options.plugins];
  const contexts = (run: PluginRun): PluginRunContext[] => {
    const now = new Date(typeof run.now === 'number' ? run.now : run.now.getTime());
    const referenceDate = toVietnamTime(now).date;
    return run.unitIds.map((unitId) => ({ unitId, period: run.period, now, referenceDate }));
  };
  return {
    plugins,
    ruleSchemas: plugins.flatMap((p) => p.ruleKinds ?? []),
    lifecycle: {
      guards: Object.assign({}, ...plugins.map((p) => p.lifecycle?.guards ?? {})),
      actions: Object.assign({}, ...plugins.map((p) => p.lifecycle?.actions ?? {})),
    },
    runChecks(run) {
      const out: Finding[] = [];
      for (const ctx of contexts(run)) {
        for (const p of plugins) {
          for (const check of p.checks ?? []) {
            let raw: unknown;
            try {
              raw = check.run(ctx);
            } catch (e) {
              out.push(pluginError(p.name, check.id, ctx.unitId, `check ${check.id}`, e));
              continue;
            }
            if (!Array.isArray(raw)) {
              out.push(pluginError(p.name, check.id, ctx.unitId, `check ${check.id}`, 'it did not return a list of findings'));
              continue;
            }
            for (const item of raw) {
              const parsed = FindingInputSchema.safeParse(item);
              if (!parsed.success) {
                out.push(pluginError(p.name, check.id, ctx.unitId, `check ${check.id}`, `invalid finding: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`));
                continue;
              }
              const f = parsed.data;
              out.push({ ...f, id: `${p.name}/${check.id}/${f.unitId}/${f.subject.kind}:${f.subject.id}`, plugin: p.name, checkId: check.id, kind: 'finding' });
            }
          }
        }
      }
      return out;
    },
    computeMetrics(run) {
      const metrics: Metric[] = [];
      const errors: Finding[] = [];
      for (const ctx of contexts(run)) {
        for (const p of plugins) {
          for (const provider of p.metricProviders ?? []) {
            try {
              const value = provider.compute(ctx);
              if (value === undefined) continue;
              const m = MetricSchema.safeParse({ metricId: provider.metricId, unitId: ctx.unitId, period: ctx.period, value, source: `${p.name}@${p.version}` });
              if (m.success) metrics.push(m.data);
              else errors.push(pluginError(p.name, provider.metricId, ctx.unitId, `metric ${provider.metricId}`, `invalid value ${JSON.stringify(value)}`));
            } catch (e) {
              errors.push(pluginError(p.name, provider.metricId, ctx.unitId, `metric ${provider.metricId}`, e));
            }
          }
        }
      }
      return { metrics, errors };
    },
  };
}
