import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

/** One benchmark: what it measures, the work, how many samples, and its target median where an issue sets one. */
export interface BenchTask {
  readonly name: string;
  readonly fn: () => unknown;
  readonly iterations?: number;
  /** Unmeasured runs before the samples (default 2; a cold-process benchmark of a minute needs fewer). */
  readonly warmupIterations?: number;
  readonly targetMs?: number;
  /**
   * The name of another task of the same run (usually a reference implementation: xstate's own actor, DuckDB, a
   * plain typed-array loop) whose median this task is divided by; the ratio is printed as `0.42x <name>`.
   */
  readonly reference?: string;
  /** The largest ratio to the reference the issue allows (for example 0.5); printed as met or NOT met. */
  readonly maxRatio?: number;
  /** A figure to print instead of the target check, from the median in ms. */
  readonly figure?: (medianMs: number) => string;
}

/** The committed figures `npm run bench:compare` compares against: suite name, then task name, then median ms. */
const FIGURES_FILE = fileURLToPath(new URL('./bench-figures.json', import.meta.url));
type Figures = Record<string, Record<string, number>>;

/**
 * The suite a run records under: the name in the package.json of the folder it runs in (the package whose bench
 * runs), so that `npx tsx bench/run.ts` in a package files its figures where `npm run bench` does.
 */
const packageSuite = (): string => {
  const file = `${process.cwd()}/package.json`;
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name ?? 'bench') : 'bench';
};

const readFigures = (): Figures => (existsSync(FIGURES_FILE) ? (JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Figures) : {});

/**
 * Runs tasks one by one (tinybench) and prints a table of min, median and max against their targets and
 * references; returns the medians. With `BENCH_COMPARE=1` each row also shows the change against the committed
 * figures in `bench-figures.json`; with `BENCH_RECORD=1` the run's medians replace that suite's committed figures.
 */
export async function runBenchmarks(tasks: readonly BenchTask[], suite = packageSuite()): Promise<number[]> {
  const medians = new Map<string, number>();
  const rows: Record<string, string | number>[] = [];
  const committed = readFigures()[suite] ?? {};
  const compare = process.env['BENCH_COMPARE'] === '1';
  for (const task of tasks) {
    const bench = new Bench({ time: 0, iterations: task.iterations ?? 30, warmupIterations: task.warmupIterations ?? 2, warmupTime: 0 });
    bench.add(task.name, task.fn);
    await bench.run();
    const result = bench.tasks[0]!.result;
    if (!result || !('latency' in result)) throw new Error(`${task.name} did not complete`);
    const { p50, min, max, samplesCount } = result.latency;
    medians.set(task.name, p50);
    const notes: string[] = [];
    if (task.figure) notes.push(task.figure(p50));
    else if (task.targetMs !== undefined) notes.push(`target <= ${task.targetMs} ms: ${p50 <= task.targetMs ? 'met' : 'NOT met'}`);
    if (task.reference !== undefined) {
      const base = medians.get(task.reference);
      if (base === undefined) throw new Error(`${task.name}: its reference "${task.reference}" must run earlier in the same suite`);
      const ratio = p50 / base;
      notes.push(`${ratio.toFixed(2)}x ${task.reference}` + (task.maxRatio === undefined ? '' : ` (target <= ${task.maxRatio}x: ${ratio <= task.maxRatio ? 'met' : 'NOT met'})`));
    }
    const before = committed[task.name];
    rows.push({
      benchmark: task.name,
      'min ms': +min.toFixed(3),
      'median ms': +p50.toFixed(3),
      'max ms': +max.toFixed(3),
      samples: samplesCount,
      ...(compare ? { 'vs committed': before === undefined ? 'new' : `${(((p50 - before) / before) * 100).toFixed(1)}%` } : {}),
      figure: notes.join('; '),
    });
  }
  console.table(rows);
  if (process.env['BENCH_RECORD'] === '1') {
    const all = readFigures();
    all[suite] = { ...all[suite], ...Object.fromEntries([...medians].map(([k, v]) => [k, +v.toFixed(3)])) };
    writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
  }
  return [...medians.values()];
}
