// npm run bench: prints the median time of every benchmark next to its target (issue 15). Figures, not a test.
import { runBenchmarks } from '../../../bench.shared.js';
import { tasks } from './graph.js';

await runBenchmarks(tasks);
console.log(`node ${process.version}, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
