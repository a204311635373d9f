import { computeIndex, createIndexEngine, ParValidationError, type Framework, type IndexResultSet } from '@par/core';
import { periodEnd, UsageError, type CommandContext } from './context.js';
import { progress } from './progress.js';

/** The results of a period and their framework. */
export interface PeriodResults {
  readonly framework: Framework;
  readonly results: IndexResultSet;
  /** The previous year's results, when the workspace has them. */
  readonly previous?: IndexResultSet;
}

/** Scores a period's assessments against their framework, ranking within all units of the period. */
export function score(ctx: CommandContext, period: string): PeriodResults {
  const assessments = ctx.ws.assessments.get(period);
  if (!assessments?.length) throw new UsageError(`No assessments for ${period} in the workspace (have: ${[...ctx.ws.assessments.keys()].join(', ') || 'none'})`);
  const framework = ctx.ws.frameworks.get(assessments[0]!.framework.id)!;
  const units = ctx.ws.registry.at(periodEnd(period)).units.map((u) => ({ id: u.id, kind: u.kind, tags: u.tags }));
  // on a terminal unit by unit through the engine, so that a long run shows its progress; otherwise in one batch,
  // unless it finds a problem: the engine then names it, as on a terminal (by the assessment, not its place in a list)
  const bar = progress('score', assessments.length, !ctx.json);
  const byEngine = () => {
    const engine = createIndexEngine(framework, { units, peerGroup: 'all' });
    try {
      for (const a of assessments) {
        engine.set(a);
        bar.tick();
      }
    } finally {
      bar.stop();
    }
    return engine.results();
  };
  let results: IndexResultSet;
  if (bar.shown) results = byEngine();
  else {
    try {
      results = computeIndex(framework, assessments, { units, peerGroup: 'all' });
    } catch (e) {
      if (!ParValidationError.isInstance(e)) throw e;
      results = byEngine();
    }
  }
  const before = String(Number(period.slice(0, 4)) - 1);
  const prev = ctx.ws.assessments.get(before);
  const previousFramework = prev?.[0] && ctx.ws.frameworks.get(prev[0].framework.id);
  return { framework, results, ...(prev && previousFramework ? { previous: computeIndex(previousFramework, prev, { units, peerGroup: 'all' }) } : {}) };
}
