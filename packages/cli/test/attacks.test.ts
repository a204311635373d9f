// The par command under attack (issue 12): a table of hostile or careless inputs, each with its file, its
// arguments, the documented exit code and the first line of the message, run in process through runCli.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
const made: string[] = [];
// each test's workspaces go when it ends (removing all of them at once can outlast a hook's time on a busy machine)
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A package in the workspace's node_modules: a plugin made for these tests (plain ESM, no dependencies). */
function installPackage(dir: string, name: string, files: Record<string, string>) {
  const root = join(dir, 'node_modules', name);
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
}
const manifest = (name: string, extra: object = { par: { optionsSchema: './options.schema.json' } }) => JSON.stringify({ name, version: '1.0.0', type: 'module', exports: './index.js', ...extra });
const OPTIONS_SCHEMA = JSON.stringify({ type: 'object', properties: { flag: { type: 'array', items: { type: 'string' } } }, required: ['flag'], additionalProperties: false });
/** A good plugin that leaves a mark when its code runs; its check flags the units listed in its options. */
const FIXTURE = `import { writeFileSync } from 'node:fs';
writeFileSync(new URL('./ran', import.meta.url), 'loaded');
export function createFixturePlugin(options) {
  return {
    specificationVersion: 'v1', name: 'fixture', version: '1.0.0', config: options,
    configSchema: { safeParse: (v) => ({ success: true, data: v }) },
    checks: [{ id: 'flagged', title: { vi: 'Đánh dấu', en: 'Flagged' }, run: (ctx) => options.flag.includes(ctx.unitId)
      ? [{ severity: 'major', unitId: ctx.unitId, subject: { kind: 'unit', id: ctx.unitId }, message: { vi: 'Bị đánh dấu', en: 'Flagged' } }] : [] }],
  };
}
`;

/**
 * A workspace made from the example's data (without its lifecycle logs and QMS records), with a package.json that
 * depends on the test plugins, and those plugins installed.
 */
function workspace(change: (config: Record<string, unknown>, dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'par-attacks-'));
  made.push(dir);
  cpSync(join(example, 'data'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data', 'fixture.json'), JSON.stringify({ flag: ['c03571'] }));
  const config: Record<string, unknown> = { ...JSON.parse(readFileSync(join(example, 'par.config.json'), 'utf8')), lifecycleLogs: [], plugins: [{ package: 'par-plugin-fixture', options: 'data/fixture.json' }] };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'district', private: true, dependencies: Object.fromEntries(['fixture', 'hang', 'plain', 'throws', 'unbuilt'].map((p) => [`par-plugin-${p}`, '1.0.0'])) }));
  installPackage(dir, 'par-plugin-fixture', { 'package.json': manifest('par-plugin-fixture'), 'index.js': FIXTURE, 'options.schema.json': OPTIONS_SCHEMA });
  // a top-level await that never settles
  installPackage(dir, 'par-plugin-hang', { 'package.json': manifest('par-plugin-hang'), 'index.js': 'await new Promise(() => {});\nexport function createHangPlugin() {}\n', 'options.schema.json': OPTIONS_SCHEMA });
  // a module that throws as it loads, and a package whose module was never built
  installPackage(dir, 'par-plugin-throws', { 'package.json': manifest('par-plugin-throws'), 'index.js': "throw new Error('cannot reach the QMS database');\n", 'options.schema.json': OPTIONS_SCHEMA });
  installPackage(dir, 'par-plugin-unbuilt', { 'package.json': JSON.stringify({ name: 'par-plugin-unbuilt', type: 'module', exports: { '.': { import: './dist/index.js' } }, par: { optionsSchema: './options.schema.json' } }), 'options.schema.json': OPTIONS_SCHEMA });
  // an installed package that does not declare itself a plugin
  installPackage(dir, 'par-plugin-plain', { 'package.json': manifest('par-plugin-plain', {}), 'index.js': 'export function createPlainPlugin() {}\n' });
  change(config, dir);
  writeFileSync(join(dir, 'par.config.json'), JSON.stringify(config));
  return dir;
}
const editJson = (dir: string, file: string, change: (json: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  change(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
};
const plugins = (...list: { package: string; options: string }[]) => (c: Record<string, unknown>) => (c.plugins = list);

async function par(dir: string, args: readonly string[], io?: { out?: (line: string) => void }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['-w', join(dir, 'par.config.json'), ...args], { out: io?.out ?? ((l) => out.push(...l.split('\n'))), err: (l) => err.push(...l.split('\n')) });
  return { code, out, err };
}

interface Case {
  readonly name: string;
  /** Prepares the workspace: edits its configuration or its files. */
  readonly setup?: (config: Record<string, unknown>, dir: string) => void;
  readonly args: readonly string[];
  readonly code: number;
  /** The first line of the message (stderr, or stdout when the command succeeds). */
  readonly first: string | RegExp;
  /** Another line the message must hold. */
  readonly line?: string | RegExp;
}

const bad = (file: string, path: string, message: string | RegExp) => (typeof message === 'string' ? `  ${file}: ${path}: ${message}` : new RegExp(`^  ${file.replace(/[.[\]]/g, '\\$&')}: ${path.replace(/[.[\]]/g, '\\$&')}: ${message.source}`));
const oneProblem = 'par: 1 problem in the workspace';
/** What `JSON.parse` says of a text that is not JSON (positions in characters, as the text has them). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('valid JSON');
}

const cases: Case[] = [
  // exit 0
  { name: 'a valid workspace', args: ['validate'], code: EXIT.ok, first: 'OK: 46 units, 2 frameworks, 17 assessments, 1 directives, 1 plugins' },
  { name: 'a UTF-8 byte-order mark is accepted', setup: (_, d) => writeFileSync(join(d, 'data/units.json'), `\uFEFF${readFileSync(join(d, 'data/units.json'), 'utf8')}`), args: ['validate'], code: EXIT.ok, first: /^OK: 46 units/ },
  { name: 'two UTF-8 byte-order marks are accepted, as before', setup: (_, d) => writeFileSync(join(d, 'data/units.json'), `\uFEFF\uFEFF${readFileSync(join(d, 'data/units.json'), 'utf8')}`), args: ['validate'], code: EXIT.ok, first: /^OK: 46 units/ },
  { name: "the plugins' findings", args: ['check', '--period', '2022', '--now', '2022-12-31', '--lang', 'en'], code: EXIT.ok, first: '1 findings', line: /^ {2}major\s+Dào San commune: Flagged/ },
  { name: 'par validate does not run a plugin whose top-level await never settles', setup: plugins({ package: 'par-plugin-hang', options: 'data/fixture.json' }), args: ['validate'], code: EXIT.ok, first: /^OK: .* 1 plugins$/ },

  // exit 1: plugins are named, not loaded from arbitrary places
  ...[
    ['an absolute path', '/tmp/evil.mjs'],
    ['a data: URL', 'data:text/javascript,process.exit(0)'],
    ['a relative path', './node_modules/par-plugin-fixture/index.js'],
    ['a file URL', 'file:///tmp/evil.mjs'],
  ].map(([what, name]): Case => ({
    name: `a plugin named by ${what}`,
    setup: plugins({ package: name!, options: 'data/fixture.json' }),
    args: ['validate'],
    code: EXIT.invalidInput,
    first: oneProblem,
    line: bad('par.config.json', 'plugins[0].package', 'Expected an npm package name such as @par/plugin-iso9001 (no path, URL or code) [schema.invalid_format]'),
  })),
  { name: 'a Node.js built-in as a plugin', setup: plugins({ package: 'child_process', options: 'data/fixture.json' }), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('par.config.json', 'plugins[0].package', 'A Node.js built-in module is not a plugin [schema.custom]') },
  { name: 'a misspelt plugin', setup: plugins({ package: 'par-plugin-fixtur', options: 'data/fixture.json' }), args: ['check', '--period', '2022'], code: EXIT.invalidInput, first: oneProblem, line: /^ {2}par\.config\.json: plugins\[0\]\.package: Plugin "par-plugin-fixtur" is not a dependency in .*package\.json \(is the name misspelt\?\) \[not_a_dependency\]$/ },
  { name: 'an installed package that is not a plugin', setup: plugins({ package: 'par-plugin-plain', options: 'data/fixture.json' }), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('par.config.json', 'plugins[0].package', '"par-plugin-plain" is not a par plugin: its package.json declares no "par": { "optionsSchema": ... } [not_a_plugin]') },
  { name: 'a plugin whose top-level await never settles', setup: plugins({ package: 'par-plugin-hang', options: 'data/fixture.json' }), args: ['--plugin-timeout', '200', 'check', '--period', '2022'], code: EXIT.invalidInput, first: oneProblem, line: bad('par.config.json', 'plugins[0].package', 'Plugin "par-plugin-hang" did not finish loading within 0.2 s [plugin_timeout]') },
  { name: 'a plugin that throws as it loads', setup: plugins({ package: 'par-plugin-throws', options: 'data/fixture.json' }), args: ['check', '--period', '2022'], code: EXIT.invalidInput, first: oneProblem, line: bad('par.config.json', 'plugins[0].package', 'Plugin "par-plugin-throws" failed to load: cannot reach the QMS database [plugin_failed]') },
  { name: 'a plugin whose module was never built', setup: plugins({ package: 'par-plugin-unbuilt', options: 'data/fixture.json' }), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('par.config.json', 'plugins[0].package', 'Plugin "par-plugin-unbuilt": its module ./dist/index.js cannot be read (No such file); is the package built? [not_installed]') },
  { name: "plugin options against the plugin's shipped schema", setup: (_, d) => writeFileSync(join(d, 'data/fixture.json'), '{"flag":"c03571"}'), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/fixture.json', 'flag', /Invalid input: expected array, received string \[schema\.invalid_type\]$/) },

  // exit 1: workspace rules
  { name: 'the same unit assessed twice', setup: (_, d) => editJson(d, 'data/assessments-2021.json', (a) => a.push(a[0])), args: ['score', '--year', '2021'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '[17].unitId', 'c03391 is assessed twice against hue-commune-illustrative for 2021: here and at data/assessments-2021.json[0] [duplicate_assessment]') },
  { name: 'an assessment of a unit not in the registry', setup: (_, d) => editJson(d, 'data/assessments-2021.json', (a) => (a[4].unitId = 'c99999')), args: ['score', '--year', '2021'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '[4].unitId', 'Unit "c99999" is not in the unit registry [unknown_unit]') },
  { name: 'an assessment of a unit that did not exist in the period', setup: (_, d) => editJson(d, 'data/assessments-2021.json', (a) => (a[4].unitId = 'c03388-2025')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '[4].unitId', 'Unit "c03388-2025" exists from 2025-07-01, not in 2021 [unit_not_in_period]') },
  { name: 'an error in the 10th of 17 assessments names its index', setup: (_, d) => editJson(d, 'data/assessments-2021.json', (a) => (a[9].entries[2].self = { points: 'x' })), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: /^ {2}data\/assessments-2021\.json: \[9\]\.entries\[2\]\.self\.points: / },
  { name: 'a path outside the workspace', setup: (c) => (c.units = '../../../../../../etc/passwd'), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('../../../../../../etc/passwd', '(root)', 'The file is outside the workspace folder; name files inside it [outside_workspace]') },
  { name: '/dev/zero', setup: (c) => (c.units = '/dev/zero'), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: '  /dev/zero: (root): The file is outside the workspace folder; name files inside it [outside_workspace]' },
  { name: 'a link inside the workspace to a device', setup: (c, d) => (symlinkSync('/dev/zero', join(d, 'data/zero.json')), (c.units = 'data/zero.json')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/zero.json', '(root)', 'The file is outside the workspace folder; name files inside it [outside_workspace]') },
  { name: 'a FIFO', setup: (c, d) => (spawnSync('mkfifo', [join(d, 'data/fifo.json')]), (c.units = 'data/fifo.json')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/fifo.json', '(root)', 'Not a regular file (a folder, device or pipe) [not_a_file]') },
  { name: 'a folder', setup: (c) => (c.units = 'data'), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data', '(root)', 'Not a regular file (a folder, device or pipe) [not_a_file]') },
  // 60 MiB = 62,914,560 bytes, over the 50 MiB = 52,428,800-byte limit (a sparse file: nothing is written)
  { name: 'a file over the size limit', setup: (_, d) => truncateSync(join(d, 'data/units.json'), 60 * 1024 * 1024), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/units.json', '(root)', 'The file is 62914560 bytes, more than the limit of 52428800 [too_large]') },
  { name: 'a missing file is one problem, without a second "(root): Invalid input"', setup: (c) => (c.directives = ['data/none.json']), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/none.json', '(root)', 'No such file [unreadable]') },
  { name: 'UTF-16 names the encoding', setup: (_, d) => writeFileSync(join(d, 'data/units.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(d, 'data/units.json'), 'utf8'), 'utf16le')])), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/units.json', '(root)', 'The file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8 [encoding]') },
  { name: 'Latin-1 bytes name the encoding', setup: (_, d) => writeFileSync(join(d, 'data/units.json'), Buffer.from('{"units": "Dào"}', 'latin1')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/units.json', '(root)', 'The file is not valid UTF-8: save it as UTF-8 [encoding]') },
  // what UTF-8 forbids though a lenient decoder would replace it: an overlong '/', an encoded surrogate, a sequence cut short
  ...[Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe1, 0xba])].map((b) => ({ name: `bytes ${b.toString('hex')} name the encoding`, setup: (_: unknown, d: string) => writeFileSync(join(d, 'data/units.json'), Buffer.concat([Buffer.from('{"units": "'), b, Buffer.from('"}')])), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/units.json', '(root)', 'The file is not valid UTF-8: save it as UTF-8 [encoding]') })),
  // the assessment files, read as bytes (parseAssessmentsJson's binary form): the same checks, the same messages
  { name: 'Latin-1 bytes in an assessment file name the encoding', setup: (_, d) => writeFileSync(join(d, 'data/assessments-2021.json'), Buffer.from('[{"unitId": "Dào"}]', 'latin1')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '(root)', 'The file is not valid UTF-8: save it as UTF-8 [encoding]') },
  { name: 'an assessment file that is not JSON is named with its position in characters', setup: (_, d) => writeFileSync(join(d, 'data/assessments-2021.json'), '[{"unitId": "Xã Dào San"} "x"]'), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '(root)', `Not valid JSON: ${jsonError('[{"unitId": "Xã Dào San"} "x"]')} [invalid_json]`) },
  { name: 'a framework id that is not ASCII is named as written', setup: (_, d) => editJson(d, 'data/assessments-2021.json', (a) => (a[2].framework.id = 'khung-đ')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/assessments-2021.json', '[2].framework.id', 'No framework "khung-đ" in the workspace [unknown_framework]') },
  { name: 'a unit name with terminal escape sequences', setup: (_, d) => editJson(d, 'data/units.json', (u) => (u.units[3].name.vi = 'Huyện\u001b[2J\u001b]0;pwned\u0007')), args: ['validate'], code: EXIT.invalidInput, first: oneProblem, line: bad('data/units.json', 'units[3].name', 'A unit name must not contain control characters [schema.custom]') },
  // 250 problems: 200 printed, then a count
  { name: 'problem output is capped', setup: (_, d) => writeFileSync(join(d, 'data/assessments-2021.json'), JSON.stringify(Array.from({ length: 250 }, () => ({ framework: { id: 'none' } })))), args: ['validate'], code: EXIT.invalidInput, first: 'par: 250 problems in the workspace', line: '  ... and 50 more (--json lists them all)' },

  // exit 2: arguments parsed by the same validators as the library
  { name: '--now 2023-02-30', args: ['directives', '--now', '2023-02-30'], code: EXIT.usage, first: "error: option '--now <instant>' argument '2023-02-30' is invalid. Expected a real date YYYY-MM-DD or an ISO instant with its offset, e.g. 2023-02-06T08:00:00+07:00" },
  { name: '--now without an offset', args: ['directives', '--now', '2023-02-06T08:00:00'], code: EXIT.usage, first: /^error: option '--now <instant>' argument '2023-02-06T08:00:00' is invalid\./ },
  { name: 'an instant outside the calendar', args: ['directives', '--now', '2150-01-01'], code: EXIT.usage, first: "error: option '--now <instant>' argument '2150-01-01' is invalid. Expected a moment from 1900 to 2100" },
  { name: 'an instant whose day in Vietnam is outside the calendar', args: ['directives', '--now', '2100-12-31T17:00:00Z'], code: EXIT.usage, first: "error: option '--now <instant>' argument '2100-12-31T17:00:00Z' is invalid. Expected a moment from 1900 to 2100" },
  { name: '--period abc', args: ['check', '--period', 'abc'], code: EXIT.usage, first: "error: option '--period <period>' argument 'abc' is invalid. Expected a period: 2022, 2022-H2, 2022-Q4 or 2022-09" },
  { name: 'a year outside the calendar', args: ['score', '--year', '2150'], code: EXIT.usage, first: "error: option '--year <period>' argument '2150' is invalid. Expected a period of the years 1900-2100" },
  { name: '--year 2021-13', args: ['score', '--year', '2021-13'], code: EXIT.usage, first: "error: option '--year <period>' argument '2021-13' is invalid. Expected a period: 2022, 2022-H2, 2022-Q4 or 2022-09" },
  { name: '--out into a missing folder', args: ['report', '--year', '2021', '--out', '/nonexistent-par/report.html'], code: EXIT.usage, first: "error: option '--out <file>' argument '/nonexistent-par/report.html' is invalid. The folder /nonexistent-par does not exist" },
  { name: '--out onto a folder', args: ['export', '--year', '2021', '--out', tmpdir()], code: EXIT.usage, first: `error: option '--out <file>' argument '${tmpdir()}' is invalid. ${tmpdir()} is a folder or a device, not a file` },
  { name: 'a --plugin-timeout that is not a number', args: ['--plugin-timeout', '1e9', 'check', '--period', '2022'], code: EXIT.usage, first: "error: option '--plugin-timeout <ms>' argument '1e9' is invalid. Expected a whole number of milliseconds, e.g. 10000" },
  { name: 'an unknown command', args: ['nonsense'], code: EXIT.usage, first: "error: unknown command 'nonsense'" },
  { name: 'a missing option', args: ['score'], code: EXIT.usage, first: "error: required option '--year <period>' not specified" },
  { name: 'no assessments for the year', args: ['score', '--year', '2019'], code: EXIT.usage, first: 'par: No assessments for 2019 in the workspace (have: 2021)' },
  { name: 'a unit argument with escape sequences is printed without them', args: ['explain', 'X\u001b[2J\u001b]0;pwned\u0007\u009b31m', '--year', '2021'], code: EXIT.usage, first: 'par: No unit "X[2J]0;pwned31m" (try its id, official code or name)' },
];

describe('every documented exit code, case by case (in process)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = workspace(c.setup);
      const r = await par(dir, c.args);
      const message = r.code === EXIT.ok ? r.out : r.err;
      expect(r.code).toBe(c.code);
      if (typeof c.first === 'string') expect(message[0]).toBe(c.first);
      else expect(message[0]).toMatch(c.first);
      if (c.line !== undefined) expect(message).toContainEqual(typeof c.line === 'string' ? c.line : expect.stringMatching(c.line));
    });
  }

  it('exit 3, an unexpected error: one line, no stack trace', async () => {
    const err: string[] = [];
    const code = await runCli(['-w', join(workspace(), 'par.config.json'), 'validate'], { out: () => { throw new RangeError('disk on fire'); }, err: (l) => err.push(l) });
    expect([code, err]).toEqual([EXIT.internal, ['par: unexpected error: disk on fire']]);
  });

  it('a workspace option naming a folder at the root of the file system names it whole', async () => {
    // the configuration's name was cut by the length of its folder plus one: "/tmp" (in "/") printed as "mp"
    const err: string[] = [];
    const code = await runCli(['-w', '/tmp', 'validate'], { out: () => undefined, err: (l) => err.push(...l.split('\n')) });
    expect([code, err[1]]).toEqual([EXIT.invalidInput, '  tmp: (root): Not a regular file (a folder, device or pipe) [not_a_file]']);
  });
});

describe('what the table cannot show in one line', () => {
  it('an assessment file with a byte-order mark and every letter escaped scores as the example does', async () => {
    const plain = await par(workspace(), ['score', '--year', '2021']);
    const dir = workspace((_, d) => {
      const text = readFileSync(join(d, 'data/assessments-2021.json'), 'utf8');
      // a writer that escapes what is not ASCII: "\u00e0" must not be read as the byte E0
      writeFileSync(join(d, 'data/assessments-2021.json'), `\ufeff${text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`);
    });
    const escaped = await par(dir, ['score', '--year', '2021']);
    expect([escaped.code, escaped.out]).toEqual([EXIT.ok, plain.out]);
    expect(plain.out.length).toBeGreaterThan(17);
  });

  it('par validate never runs plugin code; the commands that run checks do', async () => {
    const dir = workspace();
    const mark = join(dir, 'node_modules', 'par-plugin-fixture', 'ran');
    expect((await par(dir, ['validate'])).code).toBe(EXIT.ok);
    expect(existsSync(mark)).toBe(false);
    expect((await par(dir, ['check', '--period', '2022', '--now', '2022-12-31'])).code).toBe(EXIT.ok);
    expect(existsSync(mark)).toBe(true);
  });

  it('par score reads neither the directives nor the plugins\' options; par validate reads everything', async () => {
    const dir = workspace((_, d) => {
      writeFileSync(join(d, 'data', 'notice-2022-09-07.json'), '{}');
      writeFileSync(join(d, 'data', 'fixture.json'), '{"flag": 3}');
    });
    const score = await par(dir, ['score', '--year', '2021', '--lang', 'en']);
    expect([score.code, score.out[0]]).toEqual([EXIT.ok, expect.stringMatching(/^PAR INDEX 2021 RANKING/)]);
    const validate = await par(dir, ['validate']);
    expect(validate.code).toBe(EXIT.invalidInput);
    expect(validate.err.filter((l) => l.startsWith('  data/notice-2022-09-07.json: ')).length).toBeGreaterThan(0);
    expect(validate.err).toContainEqual(expect.stringMatching(/^ {2}data\/fixture\.json: flag: /));
  });

  it('--json gives every problem, beyond the 200 printed', async () => {
    const dir = workspace((_, d) => writeFileSync(join(d, 'data/assessments-2021.json'), JSON.stringify(Array.from({ length: 250 }, () => ({ framework: { id: 'none' } })))));
    const r = await par(dir, ['--json', 'validate']);
    expect(r.err).toHaveLength(1 + 200 + 1);
    const json = JSON.parse(r.out.join('\n'));
    expect(json.problems).toHaveLength(250);
    expect(json.problems[249]).toEqual({ file: 'data/assessments-2021.json', issue: { path: [249, 'framework', 'id'], code: 'unknown_framework', message: 'No framework "none" in the workspace' } });
  });

  it('JSON output keeps control characters, escaped as JSON requires', async () => {
    // U+009B (CSI) is one character JSON.stringify leaves raw; the terminal writer escapes it
    const dir = workspace((_, d) => writeFileSync(join(d, 'data/assessments-2021.json'), JSON.stringify([{ framework: { id: 'x\u009by\u001bz' } }])));
    const r = await par(dir, ['--json', 'validate']);
    expect(r.out.join('\n')).toContain('"message":"No framework \\"x\\u009by\\u001bz\\" in the workspace"');
    expect(JSON.parse(r.out.join('\n')).problems[0].issue.message).toBe('No framework "x\u009by\u001bz" in the workspace');
    expect(r.err[1]).toBe('  data/assessments-2021.json: [0].framework.id: No framework "xyz" in the workspace [unknown_framework]');
  });

  it('a reader that goes away (EPIPE) ends the output quietly', async () => {
    const dir = workspace();
    let written = 0;
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const r = await par(dir, ['score', '--year', '2021'], { out: () => { written++; throw epipe; } });
    expect([r.code, written, r.err]).toEqual([EXIT.ok, 1, []]);
  });

  it('par score | true, as a real process: the reader is gone before the first line, and no stack trace', { timeout: 60_000 }, () => {
    const dir = workspace();
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" --import ${tsx} --conditions=@par/source "${bin}" score --year 2021 | true`], { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});
