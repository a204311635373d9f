// Loaded with `node --import` into a benchmarked process: on exit it writes the process's peak resident memory
// (KiB) and CPU time (ms) as JSON to the file named by PAR_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.PAR_BENCH_USAGE_FILE, JSON.stringify({ maxRssKib: process.resourceUsage().maxRSS, cpuMs: (user + system) / 1000 }));
});
