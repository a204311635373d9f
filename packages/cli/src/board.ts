// The directive board: every assignment's lifecycle replayed from its log at a moment, as rows.
import { assignmentsOf, type IndexResultSet } from '@par/core';
import { createLifecycle, lifecycleInputs, type AssignmentInput, type AssignmentState } from '@par/lifecycle';
import { defaultCalendar, ParValidationError, toVietnamTime, type ParIssue } from '@par/calendar';
import { score } from './analysis.js';
import { today, unitName, type CommandContext } from './context.js';
import { progress } from './progress.js';
import { WorkspaceError, type FileProblem } from './workspace.js';

const STATES = {
  vi: { issued: 'mới giao', acknowledged: 'đã tiếp nhận', inProgress: 'đang thực hiện', returned: 'trả lại', extensionRequested: 'xin gia hạn', reported: 'đã báo cáo', underReview: 'đang xem xét', done: 'hoàn thành', cancelled: 'đã hủy' },
  en: { issued: 'issued', acknowledged: 'acknowledged', inProgress: 'in progress', returned: 'returned', extensionRequested: 'extension requested', reported: 'reported', underReview: 'under review', done: 'done', cancelled: 'cancelled' },
} as const;

const isOpen = (s: { state: string }) => s.state !== 'done' && s.state !== 'cancelled';
const isOverdue = (s: { state: string; overdue: boolean }) => isOpen(s) && s.overdue;

/** The directive board rows: overdue first, then the other open ones, then the closed ones, each by deadline. */
export function directiveBoard(ctx: CommandContext, now: Date) {
  const states = lifecycles(ctx, now, (year) => (ctx.ws.assessments.has(year) ? score(ctx, year).results : undefined));
  return states
    .map((s) => ({ ...s.context, state: s.state, stateName: STATES[ctx.lang][s.state], unitName: unitName(ctx, s.context.unitId, today(now)) }))
    .sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)) || Number(isOpen(b)) - Number(isOpen(a)) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
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
