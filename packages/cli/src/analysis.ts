import { assignmentsOf, computeIndex, createIndexEngine, type Framework, type IndexResultSet } from '@par/core';
import { createLifecycle, lifecycleInputs, type AssignmentInput, type AssignmentState } from '@par/lifecycle';
import { defaultCalendar, ParValidationError, toVietnamTime, type ParIssue } from '@par/calendar';
import { periodEnd, UsageError, type CommandContext } from './context.js';
import { progress } from './progress.js';
import { WorkspaceError, type FileProblem } from './workspace.js';

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

/**
 * Every lifecycle of the workspace's directives at `now`: replayed from the logs, or freshly issued. Each input
 * comes from the directive and the unit registry, never from the log: a log whose recorded input differs, a log
 * for no assignment of the directives, a second log for one, or an entry that does not apply is a workspace problem.
 */
export function lifecycles(ctx: CommandContext, now: Date, resultsFor?: (documentYear: string) => IndexResultSet | undefined): AssignmentState[] {
  const calendar = defaultCalendar();
  const lifecycle = createLifecycle({ calendar });
  const problems: FileProblem[] = [];
  const logged = new Map<string, (typeof ctx.ws.logs)[number]>();
  for (const l of ctx.ws.logs) {
    if (logged.has(l.input.id)) problems.push({ file: 'lifecycleLogs', issue: { path: [l.input.id], code: 'duplicate_log', message: 'A second log for the same assignment' } });
    logged.set(l.input.id, l);
  }
  const states: AssignmentState[] = [];
  for (const doc of ctx.ws.directives) {
    const results = resultsFor?.(String(Number(doc.signedOn.slice(0, 4)) - 1));
    const set = assignmentsOf(doc, { registry: ctx.ws.registry, ...(results ? { results: results.results } : {}) });
    const inputs = lifecycleInputs(doc, set, calendar);
    const bar = progress('sweep', inputs.length, !ctx.json);
    for (const input of inputs) {
      const log = logged.get(input.id);
      logged.delete(input.id);
      const changed = log ? differingFields(log.input, input) : [];
      if (changed.length > 0) {
        problems.push({ file: 'lifecycleLogs', issue: { path: [input.id, 'input'], code: 'log_input_mismatch', message: `The log records ${changed.join(', ')} unlike the directive and the unit registry` } });
      }
      const misdated = log ? misdatedEntries(log.entries, doc.signedOn).map((issue) => ({ ...issue, path: [input.id, 'entries', ...issue.path] })) : [];
      if (misdated.length > 0) {
        for (const issue of misdated) problems.push({ file: 'lifecycleLogs', issue });
        bar.tick();
        continue;
      }
      let state;
      try {
        state = log ? lifecycle.replay(input, asAt(log.entries, now)) : lifecycle.start(input);
      } catch (e) {
        if (!ParValidationError.isInstance(e)) throw e;
        // an entry that does not apply (edited, forged, or written before the directive or the data changed) is bad input
        for (const issue of e.issues) problems.push({ file: 'lifecycleLogs', issue: { ...issue, path: [input.id, 'entries', ...issue.path] } });
        bar.tick();
        continue;
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
  for (const id of logged.keys()) problems.push({ file: 'lifecycleLogs', issue: { path: [id], code: 'unknown_assignment', message: 'No assignment of the directives has this id' } });
  if (problems.length > 0) throw new WorkspaceError(problems);
  return states;
}

/**
 * Entries dated before the directive was signed: a log cannot answer a directive not yet issued. Malformed instants
 * are left to `replay`'s schema check.
 */
function misdatedEntries(entries: readonly { event: { at: string } }[], signedOn: string): ParIssue[] {
  return entries.flatMap((e, i) => {
    const t = Date.parse(e.event.at);
    return Number.isFinite(t) && toVietnamTime(t).date < signedOn
      ? [{ path: [i, 'event', 'at'], code: 'entry_before_directive', message: `Dated ${e.event.at}, before the directive was signed on ${signedOn}` }]
      : [];
  });
}

/** The log as it stood at `now`: its entries up to the first one dated later (the board "as at" a date). */
function asAt<T extends { event: { at: string } }>(entries: readonly T[], now: Date): readonly T[] {
  const later = entries.findIndex((e) => Date.parse(e.event.at) > now.getTime());
  return later === -1 ? entries : entries.slice(0, later);
}

/** The fields of a log's recorded input that differ from the trusted one. */
function differingFields(recorded: AssignmentInput, trusted: AssignmentInput): string[] {
  const keys = new Set([...Object.keys(recorded), ...Object.keys(trusted)] as (keyof AssignmentInput)[]);
  return [...keys].filter((k) => JSON.stringify(recorded[k]) !== JSON.stringify(trusted[k]));
}
