// npm run bench: prints the median time of every benchmark next to its target. Figures, not a test.
// Each suite runs in a process of its own, so that one suite's data does not load another's heap.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

const SUITES = ['model', 'scoring'];

/** One benchmark: what it measures, the work, how many samples, and the target median where the issue sets one. */
export interface BenchTask {
  readonly name: string;
  readonly fn: () => unknown;
  readonly iterations?: number;
  readonly targetMs?: number;
}

const suite = process.argv[2];
if (suite === undefined) {
  for (const name of SUITES) {
    console.log(`\n${name}`);
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
  }
  process.exit(0);
}
const { tasks } = (await import(`./${suite}.js`)) as { tasks: BenchTask[] };
const rows: Record<string, string | number>[] = [];
for (const task of tasks) {
  const bench = new Bench({ time: 0, iterations: task.iterations ?? 30, warmupIterations: 3, warmupTime: 0 });
  bench.add(task.name, task.fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (!result || !('latency' in result)) throw new Error(`${task.name} did not complete`);
  const latency = result.latency;
  rows.push({
    benchmark: task.name,
    'median ms': +latency.p50.toFixed(3),
    'p75 ms': +latency.p75.toFixed(3),
    'min ms': +latency.min.toFixed(3),
    samples: latency.samplesCount,
    target: task.targetMs === undefined ? '' : `<= ${task.targetMs} ms`,
    met: task.targetMs === undefined ? '' : latency.p50 <= task.targetMs ? 'yes' : 'NO',
  });
}
console.table(rows);
console.log(`node ${process.version}, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
