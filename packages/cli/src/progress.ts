import { createRequire } from 'node:module';
import type { SingleBar as Bar } from 'cli-progress';

// loaded when a bar is shown, on a terminal only: the package and its dependencies are some thirty modules that every
// other run of `par` would load for nothing
const require = createRequire(import.meta.url);

/** A progress bar on stderr for long work, shown only on a terminal (never in pipes, tests or `--json`). */
export function progress(label: string, total: number, enabled: boolean): { readonly shown: boolean; tick(): void; stop(): void } {
  if (!enabled || !process.stderr.isTTY || total < 2) return { shown: false, tick() {}, stop() {} };
  const { SingleBar } = require('cli-progress') as { SingleBar: typeof Bar };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true });
  bar.start(total, 0);
  return { shown: true, tick: () => bar.increment(), stop: () => bar.stop() };
}
