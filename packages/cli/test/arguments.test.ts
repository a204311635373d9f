// The programmatic entry points refuse arguments they cannot honour (issue 10): ParValidationError naming each one,
// never a command line read character by character or a TypeError.
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { loadWorkspace, readTemplate, renderReport, runCli, writeTemplate } from '../src/index.js';

async function pathsOf(call: () => Promise<unknown>): Promise<string[] | string> {
  try {
    await call();
    return 'no error';
  } catch (e) {
    return ParValidationError.isInstance(e) ? [...new Set(e.issues.map((i) => i.path.join('.')))] : `not a ParValidationError: ${String(e)}`;
  }
}

const io = { out: () => undefined, err: () => undefined };

describe('runCli and loadWorkspace check their own arguments', () => {
  it.each<[string, () => Promise<unknown>, string[]]>([
    ['runCli with a string for the argument list', () => runCli('validate' as never, io), ['args']],
    ['runCli with a number among the arguments', () => runCli([5] as never, io), ['args.0']],
    ['runCli with null writers', () => runCli([], null as never), ['io']],
    ['runCli with a writer that is not a function', () => runCli([], { out: 'stdout', err: () => undefined } as never), ['io.out']],
    ['loadWorkspace with a number for the path', () => loadWorkspace(5 as never), ['configPath']],
    ['loadWorkspace with an empty path and a negative timeout', () => loadWorkspace('', { pluginTimeoutMs: -1 }), ['configPath', 'options.pluginTimeoutMs']],
    ['readTemplate with a plain context and no file', () => readTemplate({} as never, '' as never), ['ctx.ws', 'ctx.lang', 'ctx.json', 'ctx.out', 'file']],
    ['writeTemplate with an impossible period', () => writeTemplate({ lang: 'vi' } as never, {} as never, 'c1', '2023-Q5', 'sheet.xlsx'), ['ctx.ws', 'ctx.json', 'ctx.out', 'period']],
    ['renderReport with an Invalid Date', () => renderReport({} as never, '2021', new Date(Number.NaN)), ['ctx.ws', 'ctx.lang', 'ctx.json', 'ctx.out', 'now']],
  ])('%s', async (_name, call, expected) => {
    expect(await pathsOf(call)).toEqual(expected);
  });
});
