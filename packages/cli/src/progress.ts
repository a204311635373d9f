import { SingleBar } from 'cli-progress';

/** A progress bar on stderr for long work, shown only on a terminal (never in pipes, tests or `--json`). */
export function progress(label: string, total: number, enabled: boolean): { tick(): void; stop(): void } {
  if (!enabled || !process.stderr.isTTY || total < 2) return { tick() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
