// The plugin host under attack (issue 12): every hostile thing a check or metric provider can throw or return
// becomes a `pluginError` finding for that plugin only; nothing it does reaches another plugin or the host.
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createPar, ParValidationError, type Finding, type FindingInput, type ParPluginV1, type PluginCheck, type PluginRunContext, type PluginTimer } from '../src/index.js';

const now = Date.parse('2024-06-30T10:00:00+07:00');
const run = { unitIds: ['u1'], period: '2024', now };
const finding = (unitId: string, id = '1'): FindingInput => ({ severity: 'minor', unitId, subject: { kind: 'thing', id }, message: { vi: 'Thiếu', en: 'Missing' } });
const check = (id: string, fn: PluginCheck['run']): PluginCheck => ({ id, title: { vi: id, en: id }, run: fn });
const plugin = (name: string, checks: PluginCheck[], over: Partial<ParPluginV1> = {}): ParPluginV1 => ({
  specificationVersion: 'v1',
  name,
  version: '1.0.0',
  configSchema: z.strictObject({}),
  config: {},
  checks,
  ...over,
});
/** A well-behaved plugin run after the hostile one: its finding must stand. */
const good = plugin('good', [check('ok', (ctx) => [finding(ctx.unitId)])]);
const summary = (findings: Finding[]) => findings.map((f) => `${f.plugin}/${f.checkId} ${f.kind}: ${f.message.en}`);
/** Time that passes only when told, and a budget timer that fires as soon as the event loop turns. */
function fakeTimer() {
  const clock = { t: 0 };
  const timer: PluginTimer = {
    now: () => clock.t,
    after: (_ms, callback) => {
      const h = setImmediate(callback);
      return () => clearImmediate(h);
    },
  };
  return { clock, timer };
}

describe('whatever a check throws becomes a pluginError for that plugin only', () => {
  const revoked = () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  };
  const cases: [string, () => unknown, string][] = [
    ['an Error', () => new Error('database down'), 'database down'],
    ['a string', () => 'no records', 'no records'],
    ['a null-prototype object', () => Object.create(null), 'an undescribable object'],
    ['an object whose toString throws', () => ({ toString: () => { throw new Error('gotcha'); } }), 'an undescribable object'],
    ['an Error whose message getter throws', () => Object.defineProperty(new Error(), 'message', { get: () => { throw new Error('gotcha'); } }), 'an undescribable object'],
    ['a revoked Proxy', revoked, 'an undescribable object'],
    ['undefined', () => undefined, 'undefined'],
    ['a symbol', () => Symbol('s'), 'Symbol(s)'],
  ];
  for (const [what, value, detail] of cases) {
    it(`${what}`, async () => {
      const hostile = plugin('bad', [check('c', () => { throw value(); })]);
      const findings = await createPar({ plugins: [hostile, good] }).runChecks(run);
      expect(summary(findings)).toEqual([`bad/c pluginError: Plugin bad failed on check c: ${detail}`, 'good/ok finding: Missing']);
    });
  }

  it('a rejected promise, and a thenable whose then throws', async () => {
    const hostile = plugin('bad', [
      check('rejects', () => Promise.reject(new Error('timeout from the database'))),
      check('then', () => ({ then: () => { throw new Error('bad then'); } }) as never),
    ]);
    expect(summary(await createPar({ plugins: [hostile, good] }).runChecks(run))).toEqual([
      'bad/rejects pluginError: Plugin bad failed on check rejects: timeout from the database',
      'bad/then pluginError: Plugin bad failed on check then: bad then',
      'good/ok finding: Missing',
    ]);
  });
});

describe('whatever a check returns is read without trusting it', () => {
  it('a finding with a throwing getter, a revoked Proxy as the list, a non-list', async () => {
    const getter = Object.defineProperty({ ...finding('u1') }, 'severity', { get: () => { throw new Error('getter'); }, enumerable: true });
    const r = Proxy.revocable([] as FindingInput[], {});
    r.revoke();
    const hostile = plugin('bad', [check('getter', () => [getter]), check('proxy', () => r.proxy), check('number', () => 42 as never), check('string', () => 'abc' as never)]);
    expect(summary(await createPar({ plugins: [hostile, good] }).runChecks(run))).toEqual([
      'bad/getter pluginError: Plugin bad failed on check getter: invalid finding: getter',
      "bad/proxy pluginError: Plugin bad failed on check proxy: Cannot perform 'get' on a proxy that has been revoked",
      'bad/number pluginError: Plugin bad failed on check number: it did not return a list of findings',
      'bad/string pluginError: Plugin bad failed on check string: it did not return a list of findings',
      'good/ok finding: Missing',
    ]);
  });

  it('refuses findings about units it was not asked about, keeping the one about the unit asked', async () => {
    const forger = plugin('forger', [check('c', () => [finding('u1'), finding('u2', '2'), finding('u3', '3')])]);
    const findings = await createPar({ plugins: [forger] }).runChecks(run);
    expect(summary(findings)).toEqual([
      'forger/c finding: Missing',
      'forger/c pluginError: Plugin forger failed on check c: a finding about unit "u2", which it was not asked about (refused); 2 findings about other units in all',
    ]);
    expect(findings[0]!.unitId).toBe('u1');
  });

  it('stops reading at 1,000 findings per check and unit: an endless stream of invalid findings is not materialised', async () => {
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled++;
        yield { severity: 'fatal' } as never;
      }
    }
    const flood = plugin('flood', [check('c', () => endless())]);
    const findings = await createPar({ plugins: [flood, good] }).runChecks(run);
    expect(pulled).toBe(1001); // 1,000 read, the 1,001st shows there are more; then the host stops
    expect(findings).toHaveLength(2);
    expect(findings[0]!.message.en).toMatch(/^Plugin flood failed on check c: invalid finding: severity .*; it reported more than 1000 findings; the rest were not read; 1000 invalid findings in all$/);
  });

  it('a list of 1,000,000 invalid findings gives one pluginError, not a million', async () => {
    const flood = plugin('flood', [check('c', () => new Array<FindingInput>(1_000_000).fill({ severity: 'fatal' } as never))]);
    const findings = await createPar({ plugins: [flood] }).runChecks(run);
    expect(findings.map((f) => f.kind)).toEqual(['pluginError']);
    expect(findings[0]!.message.en).toMatch(/; it reported more than 1000 findings; the rest were not read; 1000 invalid findings in all$/);
  });

  it('keeps the first findings up to a configured cap and says the rest were not read', async () => {
    const many = plugin('many', [check('c', (ctx) => [1, 2, 3, 4, 5].map((i) => finding(ctx.unitId, String(i))))]);
    const findings = await createPar({ plugins: [many], maxFindings: 3 }).runChecks(run);
    expect(findings.map((f) => f.id)).toEqual(['many/c/u1/thing:1', 'many/c/u1/thing:2', 'many/c/u1/thing:3', 'many/c/u1/error']);
    expect(findings[3]!.message.en).toBe('Plugin many failed on check c: it reported more than 3 findings; the rest were not read');
  });
});

describe('a frozen copy of the context for every call', () => {
  it('ctx.now is each call’s own Date; ctx.unitId cannot be written', async () => {
    const seen: string[] = [];
    const tamper = plugin('tamper', [
      check('date', (ctx) => {
        ctx.now.setUTCFullYear(1999); // changes its own copy only
        return [];
      }),
      check('unit', (ctx) => {
        (ctx as { unitId: string }).unitId = 'u2'; // frozen: throws in strict mode
        return [];
      }),
    ]);
    const witness = plugin('witness', [check('w', (ctx: PluginRunContext) => (seen.push(`${ctx.unitId} ${ctx.now.toISOString()} ${ctx.referenceDate} ${Object.isFrozen(ctx)}`), []))]);
    const findings = await createPar({ plugins: [tamper, witness] }).runChecks({ unitIds: ['u1', 'u9'], period: '2024', now });
    // 2024-06-30T10:00+07:00 is 03:00 UTC on the same day
    expect(seen).toEqual(['u1 2024-06-30T03:00:00.000Z 2024-06-30 true', 'u9 2024-06-30T03:00:00.000Z 2024-06-30 true']);
    expect(findings.map((f) => `${f.checkId} ${f.unitId} ${f.kind}`)).toEqual(['unit u1 pluginError', 'unit u9 pluginError']);
    expect(findings[0]!.message.en).toMatch(/^Plugin tamper failed on check unit: Cannot assign to read only property 'unitId'/);
  });
});

describe('a time budget per check and unit, on the host’s timer', () => {
  it('an asynchronous check that never settles loses the race against the budget; the next plugin runs', async () => {
    const { timer } = fakeTimer();
    const slow = plugin('slow', [check('never', () => new Promise<never>(() => {})), check('soon', async (ctx) => [finding(ctx.unitId)])]);
    expect(summary(await createPar({ plugins: [slow, good], timer }).runChecks(run))).toEqual([
      'slow/never pluginError: Plugin slow failed on check never: it did not finish within its budget of 5000 ms',
      'slow/soon finding: Missing',
      'good/ok finding: Missing',
    ]);
  });

  it('a synchronous check that took longer than its budget is refused, and the budget is configurable', async () => {
    const { clock, timer } = fakeTimer();
    const busy = plugin('busy', [
      check('c', (ctx) => {
        clock.t += 6_000; // 6 s of work on the host's clock
        return [finding(ctx.unitId)];
      }),
    ]);
    expect(summary(await createPar({ plugins: [busy], timer }).runChecks(run))).toEqual(['busy/c pluginError: Plugin busy failed on check c: it took 6000 ms, over its budget of 5000 ms']);
    expect(summary(await createPar({ plugins: [busy], timer, budgetMs: 10_000 }).runChecks(run))).toEqual(['busy/c finding: Missing']);
  });

  it('metric providers: the same budget and isolation', async () => {
    const { timer } = fakeTimer();
    const metrics = plugin('m', [], {
      metricProviders: [
        { metricId: 'm.never', description: { vi: 'x' }, compute: () => new Promise<never>(() => {}) },
        { metricId: 'm.async', description: { vi: 'x' }, compute: async () => 87.5 },
        { metricId: 'm.proxy', description: { vi: 'x' }, compute: () => { throw Object.create(null); } },
        { metricId: 'm.nan', description: { vi: 'x' }, compute: () => Number.NaN },
      ],
    });
    const { metrics: values, errors } = await createPar({ plugins: [metrics], timer }).computeMetrics(run);
    expect(values).toEqual([{ metricId: 'm.async', unitId: 'u1', period: '2024', value: 87.5, source: 'm@1.0.0' }]);
    expect(errors.map((e) => e.message.en)).toEqual([
      'Plugin m failed on metric m.never: it did not finish within its budget of 5000 ms',
      'Plugin m failed on metric m.proxy: an undescribable object',
      'Plugin m failed on metric m.nan: invalid value null',
    ]);
  });
});

describe('prototype pollution is blamed on the plugin that made it, and undone', () => {
  it('Object.prototype and Array.prototype changed by one check', async () => {
    const map = Array.prototype.map; // eslint-disable-line @typescript-eslint/unbound-method
    const polluter = plugin('polluter', [
      check('c', () => {
        (Object.prototype as Record<string, unknown>).polluted = 'yes';
        Array.prototype.map = () => []; // eslint-disable-line no-extend-native
        return [];
      }),
    ]);
    const findings = await createPar({ plugins: [polluter, good] }).runChecks(run);
    expect(summary(findings)).toEqual([
      'polluter/c pluginError: Plugin polluter failed on check c: it changed built-in objects (Object.prototype.polluted added; Array.prototype.map changed); they were put back',
      'good/ok finding: Missing',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Array.prototype.map).toBe(map);
  });
});

describe('createPar throws only ParValidationError, whatever it is given', () => {
  const revoked = () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  };
  const cases: [string, () => unknown, [string, string][]][] = [
    ['no options', () => undefined, [['', 'schema.invalid_type']]],
    ['plugins not a list', () => ({ plugins: 'iso9001' }), [['plugins', 'schema.invalid_type']]],
    ['a null plugin', () => ({ plugins: [null] }), [['plugins.0', 'schema.invalid_type']]],
    ['no configSchema', () => ({ plugins: [{ ...plugin('a', []), configSchema: undefined }] }), [['plugins.0.configSchema', 'schema.invalid_type']]],
    ['a rule kind that is not a schema', () => ({ plugins: [plugin('a', [], { ruleKinds: [{} as never] })] }), [['plugins.0.ruleKinds.0.safeParse', 'schema.custom'], ['plugins.0.ruleKinds.0.shape', 'schema.invalid_type']]],
    ['a check without run', () => ({ plugins: [plugin('a', [{ id: 'c' } as never])] }), [['plugins.0.checks.0.run', 'schema.custom']]],
    ['a revoked Proxy as a plugin', () => ({ plugins: [revoked()] }), [['plugins.0', 'unreadable_plugin']]],
    ['a name getter that throws', () => ({ plugins: [Object.defineProperty({ ...plugin('a', []) }, 'name', { get: () => { throw new Error('x'); }, enumerable: true })] }), [['plugins.0', 'unreadable_plugin']]],
    ['a configSchema whose safeParse throws', () => ({ plugins: [plugin('a', [], { configSchema: { safeParse: () => { throw new Error('x'); } } as never })] }), [['plugins.0', 'unreadable_plugin']]],
    ['a budget of 0 and a cap of 1.5', () => ({ plugins: [], budgetMs: 0, maxFindings: 1.5 }), [['budgetMs', 'schema.too_small'], ['maxFindings', 'schema.invalid_type']]],
  ];
  for (const [what, options, expected] of cases) {
    it(what, () => {
      let thrown: unknown;
      try {
        createPar(options() as never);
      } catch (e) {
        thrown = e;
      }
      expect(ParValidationError.isInstance(thrown)).toBe(true);
      expect((thrown as ParValidationError).issues.map((i) => [i.path.join('.'), i.code])).toEqual(expected);
    });
  }

  it('a run with a bad period or instant is refused the same way', async () => {
    const par = createPar({ plugins: [good] });
    await expect(par.runChecks({ unitIds: ['u1'], period: 'abc', now: Number.NaN })).rejects.toSatisfy((e: unknown) => ParValidationError.isInstance(e) && [...new Set(e.issues.map((i) => i.path.join('.')))].join() === 'period,now');
  });
});

describe('property: nothing a plugin throws or returns escapes the host', () => {
  it('any value thrown, returned or resolved gives the good plugin its finding and the bad one only pluginErrors', async () => {
    const { timer } = fakeTimer();
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), fc.constantFrom('throw', 'return', 'resolve', 'reject', 'item'), async (value, how) => {
        const run1 = () => {
          if (how === 'throw') throw value;
          if (how === 'resolve') return Promise.resolve(value) as never;
          if (how === 'reject') return Promise.reject(value) as never;
          return (how === 'item' ? [value] : value) as never;
        };
        const findings = await createPar({ plugins: [plugin('bad', [check('c', run1)]), good], timer }).runChecks(run);
        expect(findings.at(-1)).toMatchObject({ plugin: 'good', kind: 'finding', unitId: 'u1' });
        expect(findings.slice(0, -1).every((f) => f.plugin === 'bad' && f.kind === 'pluginError' && f.unitId === 'u1')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('what the hostile review found after the first pass', () => {
  it("a plugin may not redefine one of the framework's built-in rule kinds", () => {
    const yesNo = z.strictObject({ kind: z.literal('yesNo'), threshold: z.number() });
    const issues = (() => {
      try {
        createPar({ plugins: [plugin('kinds', [], { ruleKinds: [yesNo as never] })] });
      } catch (e) {
        return ParValidationError.isInstance(e) ? e.issues.map((i) => [i.path.join('.'), i.code]) : [['not a ParValidationError']];
      }
      return [];
    })();
    expect(issues).toEqual([['plugins.0.ruleKinds.0', 'plugin_conflict']]);
  });

  it('a run lists each unit once', async () => {
    const error = await createPar({ plugins: [good] })
      .runChecks({ ...run, unitIds: ['u1', 'u2', 'u1'] })
      .catch((e: unknown) => e);
    expect(ParValidationError.isInstance(error) && error.issues.map((i) => i.path.join('.'))).toEqual(['unitIds.2']);
  });

  it('a finding whose message is longer than MAX_FINDING_TEXT (4,000) characters is refused as invalid output', async () => {
    const long = plugin('long', [check('c', (ctx) => [{ ...finding(ctx.unitId), message: { vi: 'x'.repeat(4001), en: 'x' } }])]);
    const exact = plugin('exact', [check('c', (ctx) => [{ ...finding(ctx.unitId), message: { vi: 'x'.repeat(4000), en: 'x' } }])]);
    const findings = await createPar({ plugins: [long, exact] }).runChecks(run);
    expect(findings.map((f) => `${f.plugin} ${f.kind}`)).toEqual(['long pluginError', 'exact finding']);
  });
});
