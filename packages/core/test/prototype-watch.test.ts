// The prototype watch of the plugin host (issue 12) reads the built-ins without using them: a check that replaces a
// symbol-keyed built-in the host itself relies on (array iteration) is blamed and undone like any other change.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createPar, type FindingInput, type ParPluginV1, type PluginCheck } from '../src/index.js';

const run = { unitIds: ['u1'], period: '2024', now: Date.parse('2024-06-30T10:00:00+07:00') };
const finding = (unitId: string): FindingInput => ({ severity: 'minor', unitId, subject: { kind: 'thing', id: '1' }, message: { vi: 'Thiếu', en: 'Missing' } });
const check = (id: string, fn: PluginCheck['run']): PluginCheck => ({ id, title: { vi: id, en: id }, run: fn });
const plugin = (name: string, checks: PluginCheck[]): ParPluginV1 => ({ specificationVersion: 'v1', name, version: '1.0.0', configSchema: z.strictObject({}), config: {}, checks });
const good = plugin('good', [check('ok', (ctx) => [finding(ctx.unitId)])]);

describe('symbol-keyed built-ins', () => {
  it('Array.prototype[Symbol.iterator] replaced by a check: blamed on it, put back, and the next run is unharmed', async () => {
    const iterator = Array.prototype[Symbol.iterator]; // eslint-disable-line @typescript-eslint/unbound-method
    const breaker = plugin('breaker', [
      check('c', () => {
        Array.prototype[Symbol.iterator] = function* () {} as never; // eslint-disable-line no-extend-native
        return [];
      }),
    ]);
    const par = createPar({ plugins: [breaker, good] });
    for (let round = 0; round < 2; round++) {
      const findings = await par.runChecks(run);
      expect(findings.map((f) => `${f.plugin}/${f.checkId} ${f.kind}: ${f.message.en}`)).toEqual([
        'breaker/c pluginError: Plugin breaker failed on check c: it changed built-in objects (Array.prototype.Symbol(Symbol.iterator) changed); they were put back',
        'good/ok finding: Missing',
      ]);
      expect(Array.prototype[Symbol.iterator]).toBe(iterator);
      expect([...[1, 2]]).toEqual([1, 2]);
    }
  });
});
