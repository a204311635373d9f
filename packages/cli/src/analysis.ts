import { assignmentsOf, computeIndex, createIndexEngine, type Framework, type IndexResultSet } from '@par/core';
import { createLifecycle, lifecycleInputs, type AssignmentState } from '@par/lifecycle';
import { defaultCalendar } from '@par/calendar';
import { periodEnd, UsageError, type CommandContext } from './context.js';
import { progress } from './progress.js';
import { WorkspaceError } from './workspace.js';

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
  // unit by unit through the engine, so that a long run shows its progress
  const engine = createIndexEngine(framework, { units, peerGroup: 'all' });
  const bar = progress('score', assessments.length, !ctx.json);
  for (const a of assessments) {
    engine.set(a);
    bar.tick();
  }
  bar.stop();
  const results = engine.results();
  const before = String(Number(period.slice(0, 4)) - 1);
  const prev = ctx.ws.assessments.get(before);
  const previousFramework = prev?.[0] && ctx.ws.frameworks.get(prev[0].framework.id);
  return { framework, results, ...(prev && previousFramework ? { previous: computeIndex(previousFramework, prev, { units, peerGroup: 'all' }) } : {}) };
}

/** Every lifecycle of the workspace's directives at `now`: replayed from the logs, or freshly issued. */
export function lifecycles(ctx: CommandContext, now: Date, resultsFor?: (documentYear: string) => IndexResultSet | undefined): AssignmentState[] {
  const calendar = defaultCalendar();
  const lifecycle = createLifecycle({ calendar });
  const logged = new Map(ctx.ws.logs.map((l) => [l.input.id, l]));
  const states: AssignmentState[] = [];
  for (const doc of ctx.ws.directives) {
    const results = resultsFor?.(String(Number(doc.signedOn.slice(0, 4)) - 1));
    const set = assignmentsOf(doc, { registry: ctx.ws.registry, ...(results ? { results: results.results } : {}) });
    const inputs = lifecycleInputs(doc, set, calendar);
    const bar = progress('sweep', inputs.length, !ctx.json);
    for (const input of inputs) {
      const log = logged.get(input.id);
      let state;
      try {
        state = log ? lifecycle.replay(log.input, log.entries) : lifecycle.start(input);
      } catch (e) {
        // a log that no longer applies (the directive or the data changed since it was written) is bad input
        throw new WorkspaceError([{ file: 'lifecycleLogs', issue: { path: [input.id], code: 'log_does_not_apply', message: e instanceof Error ? e.message : String(e) } }]);
      }
      for (const { event } of lifecycle.sweep([state], now)) {
        const r = lifecycle.send(state, event);
        if (r.accepted) state = r.state;
      }
      states.push(state);
      bar.tick();
    }
    bar.stop();
  }
  return states;
}
