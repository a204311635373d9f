// npm run bench (in @par/cli): issue 14's command-line targets, each beside its reference from the same run. Figures,
// not a test. Every command runs in a cold process against the built CLI (dist/bin.js), as a clerk runs it; turbo
// builds it first. `tsx bench/run.ts 1000 10000` measures only the workspace sizes given.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchmarks, type BenchTask } from '../../../bench.shared.js';
import { generateWorkspace } from './generate.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const BIN = here('../dist/bin.js');
const EXAMPLE = here('../../../examples/phong-tho-2022/par.config.json');
const USAGE_FILE = join(tmpdir(), `par-bench-usage-${process.pid}.json`);

/** Each task's samples: peak resident memory (MiB) and CPU time (ms) of the process. */
const usage = new Map<string, { rssMib: number[]; cpuMs: number[] }>();

/** A task that runs `node <args>` in a fresh process and records its peak memory and CPU time. */
function cold(name: string, args: readonly string[]): () => Promise<void> {
  // asynchronous, so that tinybench does not call it once more to find out
  return async () => {
    const r = spawnSync(process.execPath, ['--import', here('./process-usage.mjs'), ...args], { env: { ...process.env, PAR_BENCH_USAGE_FILE: USAGE_FILE }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${name} exited with ${r.status ?? r.signal}: ${r.stderr.toString().slice(0, 2000)}`);
    const { maxRssKib, cpuMs } = JSON.parse(readFileSync(USAGE_FILE, 'utf8')) as { maxRssKib: number; cpuMs: number };
    const u = usage.get(name) ?? { rssMib: [], cpuMs: [] };
    u.rssMib.push(maxRssKib / 1024);
    u.cpuMs.push(cpuMs);
    usage.set(name, u);
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpu = (name: string) => `CPU ${median(usage.get(name)!.cpuMs).toFixed(0)} ms`;
const peak = (name: string) => Math.max(...usage.get(name)!.rssMib);

/** A cold-process task with its name, arguments and printed figure. */
function task(name: string, args: readonly string[], options: Omit<BenchTask, 'name' | 'fn'> & { describe?: (medianMs: number) => string[] } = {}): BenchTask {
  const { describe, ...rest } = options;
  return { name, fn: cold(name, args), ...rest, figure: (ms) => [...(describe?.(ms) ?? []), cpu(name), `peak RSS ${peak(name).toFixed(0)} MiB`].join('; ') };
}

const startTarget = (ms: number) => [`target <= 250 ms: ${ms <= 250 ? 'met' : 'NOT met'}`];
const FLOOR = 'node -e 0 (a bare cold process)';
console.log('\nstart-up (the Phong Thổ example)');
await runBenchmarks([
  task(FLOOR, ['-e', '0'], { iterations: 10 }),
  task('par --help', [BIN, '--help'], { iterations: 10, reference: FLOOR, describe: startTarget }),
  task('par score --year 2021 (Phong Thổ)', [BIN, '-w', EXAMPLE, 'score', '--year', '2021'], { iterations: 10, reference: FLOOR, describe: startTarget }),
]);

const sizes = process.argv.slice(2).map(Number);
const SCALE = sizes.length > 0 ? sizes : [1_000, 10_000, 30_000, 100_000];
console.log(`\npar score end to end on generated workspaces (150 leaves a unit, files of 1,000 assessments, under ${tmpdir()})`);
const perUnit = new Map<number, number>();
const scale: BenchTask[] = SCALE.flatMap((units) => {
  const config = generateWorkspace(units);
  const plain = `plain JSON.parse + sums + sort: ${units} units`;
  const runs = units <= 10_000 ? { iterations: 3, warmupIterations: 1 } : { iterations: 1, warmupIterations: 0 };
  return [
    task(plain, [here('./plain-score.mjs'), config], runs),
    task(`par score: ${units} units`, [BIN, '-w', config, 'score', '--year', '2024'], {
      ...runs,
      reference: plain,
      ...(units === 10_000 ? { maxRatio: 1.5 } : {}),
      describe: (ms) => {
        perUnit.set(units, ms / units);
        return [`${((ms / units) * 1000).toFixed(0)} µs a unit`, ...(units === 10_000 ? [`RSS target <= 400 MiB: ${peak(`par score: ${units} units`) <= 400 ? 'met' : 'NOT met'}`] : [])];
      },
    }),
  ];
});
await runBenchmarks(scale);
rmSync(USAGE_FILE, { force: true });
const smallest = perUnit.get(SCALE[0]!)!;
console.log(`per-unit cost against ${SCALE[0]} units (1.00 everywhere is linear): ${SCALE.map((n) => `${n}: ${(perUnit.get(n)! / smallest).toFixed(2)}`).join(', ')}`);
console.log(`node ${process.version}`);
