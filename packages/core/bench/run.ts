// npm run bench: prints the median time of every benchmark next to its target. Figures, not a test.
// Each suite runs in a process of its own (with --expose-gc, for settled memory figures), so that one suite's data
// does not load another's heap.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runBenchmarks, type BenchTask } from '../../../bench.shared.js';

const SUITES = ['model', 'scoring'];

const suite = process.argv[2];
if (suite === undefined) {
  for (const name of SUITES) {
    console.log(`\n${name}`);
    execFileSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
  }
  process.exit(0);
}
const { tasks } = (await import(`./${suite}.js`)) as { tasks: BenchTask[] };
await runBenchmarks(tasks);
console.log(`node ${process.version}, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
