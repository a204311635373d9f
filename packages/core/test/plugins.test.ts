import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createPar, ruleInForce, type ParPluginV1 } from '../src/index.js';
import { problems } from './fixtures.js';

const now = Date.parse('2024-06-30T10:00:00+07:00');
const plugin = (name: string, over: Partial<ParPluginV1> = {}): ParPluginV1 => ({
  specificationVersion: 'v1',
  name,
  version: '1.0.0',
  configSchema: z.strictObject({ threshold: z.number().default(3) }),
  config: {},
  ...over,
});

describe('composing plugins', () => {
  it('validates each config with its plugin schema, by path', () => {
    expect(problems(() => createPar({ plugins: [plugin('a', { config: { threshold: 'x' } }), plugin('b', { config: { other: 1 } })] }))).toEqual([
      ['plugins.0.config.threshold', 'schema.invalid_type'],
      ['plugins.1.config', 'schema.unrecognized_keys'],
    ]);
  });

  it('refuses two plugins claiming one metric id, rule kind, or name', () => {
    const metric = { metricId: 'news.count', description: { vi: 'x', en: 'x' }, compute: () => 1 };
    const rule = z.strictObject({ kind: z.literal('sipas') });
    expect(
      problems(() =>
        createPar({
          plugins: [
            plugin('a', { metricProviders: [metric], ruleKinds: [rule] }),
            plugin('b', { metricProviders: [metric], ruleKinds: [rule] }),
            plugin('a'),
          ],
        }),
      ),
    ).toEqual([
      ['plugins.1.metricProviders.0', 'plugin_conflict'],
      ['plugins.1.ruleKinds.0', 'plugin_conflict'],
      ['plugins.2.name', 'plugin_conflict'],
    ]);
  });

  it('isolates a plugin that throws or returns invalid data; the others stand', async () => {
    const good = plugin('good', {
      checks: [{ id: 'ok', title: { vi: 'x', en: 'x' }, run: (ctx) => [{ severity: 'minor', unitId: ctx.unitId, subject: { kind: 'thing', id: '1' }, message: { vi: 'Thiếu', en: 'Missing' } }] }],
      metricProviders: [{ metricId: 'good.m', description: { vi: 'x', en: 'x' }, compute: () => 5 }],
    });
    const bad = plugin('bad', {
      checks: [
        { id: 'throws', title: { vi: 'x', en: 'x' }, run: () => { throw new Error('database down'); } },
        { id: 'invalid', title: { vi: 'x', en: 'x' }, run: () => [{ severity: 'fatal' }] as never },
        { id: 'notAList', title: { vi: 'x', en: 'x' }, run: () => 42 as never },
      ],
      metricProviders: [
        { metricId: 'bad.throws', description: { vi: 'x', en: 'x' }, compute: () => { throw new Error('boom'); } },
        { metricId: 'bad.nan', description: { vi: 'x', en: 'x' }, compute: () => Number.NaN },
      ],
    });
    const par = createPar({ plugins: [bad, good] });
    const findings = await par.runChecks({ unitIds: ['u1'], period: '2024', now });
    expect(findings.map((f) => [f.plugin, f.checkId, f.kind])).toEqual([
      ['bad', 'throws', 'pluginError'],
      ['bad', 'invalid', 'pluginError'],
      ['bad', 'notAList', 'pluginError'],
      ['good', 'ok', 'finding'],
    ]);
    expect(findings[0]!.message.en).toBe('Plugin bad failed on check throws: database down');
    expect(findings[3]!.id).toBe('good/ok/u1/thing:1');
    const { metrics, errors } = await par.computeMetrics({ unitIds: ['u1'], period: '2024', now });
    expect(metrics).toEqual([{ metricId: 'good.m', unitId: 'u1', period: '2024', value: 5, source: 'good@1.0.0' }]);
    expect(errors.map((e) => e.checkId)).toEqual(['bad.throws', 'bad.nan']);
  });

  it('gathers rule kinds and lifecycle implementations', () => {
    const rule = z.strictObject({ kind: z.literal('sipas') });
    const guard = () => true;
    const par = createPar({ plugins: [plugin('a', { ruleKinds: [rule], lifecycle: { guards: { isIssuerOrDelegate: guard } } })] });
    expect(par.ruleSchemas).toEqual([rule]);
    expect(par.lifecycle.guards.isIssuerOrDelegate).toBe(guard);
  });
});

describe('rule versions', () => {
  const versions = [
    { effectiveFrom: '2018-02-21', effectiveTo: '2021-06-30', legalBasis: { document: 'A' }, params: { days: 10 } },
    { effectiveFrom: '2021-07-01', legalBasis: { document: 'B' }, params: { days: 5 } },
  ];
  it('evaluates a case in the version in force on its reference date', () => {
    expect(ruleInForce(versions, '2021-06-30')?.params.days).toBe(10);
    expect(ruleInForce(versions, '2021-07-01')?.params.days).toBe(5);
    expect(ruleInForce(versions, '2018-02-20')).toBeUndefined();
  });
});
