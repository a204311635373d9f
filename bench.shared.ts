import { Bench } from 'tinybench';

/** One benchmark: what it measures, the work, how many samples, and its target median where an issue sets one. */
export interface BenchTask {
  readonly name: string;
  readonly fn: () => unknown;
  readonly iterations?: number;
  readonly targetMs?: number;
  /** A figure to print instead of the target check, from the median in ms. */
  readonly figure?: (medianMs: number) => string;
}

/** Runs tasks one by one (tinybench) and prints a table of medians against their targets; returns the medians. */
export async function runBenchmarks(tasks: readonly BenchTask[]): Promise<number[]> {
  const rows: Record<string, string | number>[] = [];
  const medians: number[] = [];
  for (const task of tasks) {
    const bench = new Bench({ time: 0, iterations: task.iterations ?? 30, warmupIterations: 2, warmupTime: 0 });
    bench.add(task.name, task.fn);
    await bench.run();
    const result = bench.tasks[0]!.result;
    if (!result || !('latency' in result)) throw new Error(`${task.name} did not complete`);
    const { p50, p75, min, samplesCount } = result.latency;
    medians.push(p50);
    rows.push({
      benchmark: task.name,
      'median ms': +p50.toFixed(3),
      'p75 ms': +p75.toFixed(3),
      'min ms': +min.toFixed(3),
      samples: samplesCount,
      figure: task.figure?.(p50) ?? (task.targetMs === undefined ? '' : `target <= ${task.targetMs} ms: ${p50 <= task.targetMs ? 'met' : 'NOT met'}`),
    });
  }
  console.table(rows);
  return medians;
}
