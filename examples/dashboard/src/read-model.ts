import { defaultCalendar, periodRange, toVietnamTime, type CivilDate } from '@par/calendar';
import { compareResults, computeIndex, createPar, indexFramework, parseAssessment, type Assessment, type FrameworkNode, type DirectiveDocument, type Framework, type IndexResultSet, type Par, type ParPluginV1, type UnitRegistry, type YearOverYear } from '@par/core';
import { createLifecycle, type AssignmentInput, type AssignmentState, type Lifecycle, type LogEntry } from '@par/lifecycle';
import { isAllowed, parseWorkspaceDocuments, type Policy, type StoreActor, type WorkspaceDocuments } from '@par/store';
import { createEDocumentsPlugin } from '@par/plugin-e-documents';
import { createFinancePlugin } from '@par/plugin-finance';
import { createIso9001Plugin } from '@par/plugin-iso9001';
import { createLegalReviewPlugin } from '@par/plugin-legal-review';
import { createOneStopPlugin } from '@par/plugin-one-stop';

/** The plugins this app can run, by package name (a workspace's configuration names them; options come from the store). */
const PLUGIN_FACTORIES: Record<string, (options: never) => ParPluginV1> = {
  '@par/plugin-iso9001': createIso9001Plugin,
  '@par/plugin-finance': createFinancePlugin,
  '@par/plugin-legal-review': createLegalReviewPlugin,
  '@par/plugin-one-stop': createOneStopPlugin,
  '@par/plugin-e-documents': createEDocumentsPlugin,
};

/** A period's results: its framework, the ranking, and the comparison with the year before when there is one. */
export interface PeriodScore {
  readonly period: string;
  readonly framework: Framework;
  readonly results: IndexResultSet;
  readonly yoy?: YearOverYear;
  /** Ranking rows in rank order, with the status of the assessment behind each. */
  readonly rows: readonly { readonly unitId: string; readonly status: string }[];
}

/** One assignment: its trusted input, its stored log, the state the log leads to, and that state after today's sweep (for display). */
export interface AssignmentView {
  readonly input: AssignmentInput;
  readonly entries: readonly LogEntry[];
  /** The replayed state: what the next event is sent to. */
  readonly state: AssignmentState;
  /** The state with the sweep of the display day applied (overdue, escalated), not stored. */
  readonly shown: AssignmentState;
}

/**
 * The workspace as the pages read it, in memory: loaded once from the store (as a session that may read
 * everything), updated by each accepted write, and filtered per request by the policy. Scores are cached per period;
 * the board's order per day.
 */
export interface ReadModel {
  readonly registry: UnitRegistry;
  readonly frameworks: ReadonlyMap<string, Framework>;
  readonly directives: readonly DirectiveDocument[];
  readonly par: Par;
  readonly lifecycle: Lifecycle;
  /** The periods with assessments, newest first. */
  periods(): string[];
  assessment(unitId: string, period: string): Assessment | undefined;
  score(period: string): PeriodScore | undefined;
  assignment(id: string): AssignmentView | undefined;
  /** Every assignment's input and stored log. */
  logs(): { readonly input: AssignmentInput; readonly entries: readonly LogEntry[] }[];
  /** Every assignment, overdue first, then the other open ones, then the closed ones, each by deadline; at `now`. */
  board(now: Date): readonly AssignmentView[];
  /** The units `actor` may read under `policy` on the day of `now` (cached per actor, policy version and day). */
  readable(policy: Policy, policyVersion: number, actor: StoreActor, now: Date): ReadonlySet<string>;
  /**
   * `compute()` for `key` and this reader's readable set, kept until the next write or the next day: the filtered
   * lists of the ranking and the board, which every page of a list reads again.
   */
  memo<T>(readable: ReadonlySet<string>, key: string, compute: () => T): T;
  /** After a save: the assessment document as saved (parsed again here). */
  putAssessment(doc: Assessment): void;
  /** After an append at `now`: the assignment's new log and state. */
  putLog(id: string, entries: readonly LogEntry[], state: AssignmentState, now: Date): void;
}

const isOpen = (s: AssignmentState) => s.state !== 'done' && s.state !== 'cancelled';
const isOverdue = (s: AssignmentState) => isOpen(s) && s.context.overdue;

/** The last day of a period. */
export const periodEnd = (period: string): CivilDate => periodRange(period).end;

/** Builds the read model from a workspace's documents (validated again through the store's schemas). */
export function createReadModel(docs: WorkspaceDocuments, now: Date): ReadModel {
  const ws = parseWorkspaceDocuments(docs);
  const registry = ws.registry;
  const frameworks = new Map(ws.frameworks.map((f) => [f.framework.id, f.framework]));
  const assessments = new Map<string, Map<string, Assessment>>();
  const put = (a: Assessment) => {
    if (!assessments.has(a.period)) assessments.set(a.period, new Map());
    assessments.get(a.period)!.set(a.unitId, a);
  };
  for (const { assessment } of ws.assessments) put(assessment);
  const plugins = docs.plugins.map((p) => {
    const factory = PLUGIN_FACTORIES[p.package];
    if (!factory) throw new Error(`The dashboard has no plugin "${p.package}" (it runs ${Object.keys(PLUGIN_FACTORIES).join(', ')})`);
    return factory(p.options as never);
  });
  const par = createPar({ plugins });
  const calendar = defaultCalendar();
  const lifecycle = createLifecycle({ calendar });

  const views = new Map<string, AssignmentView>();
  let shownDay: CivilDate | undefined;
  const sweepOne = (state: AssignmentState, at: Date): AssignmentState => {
    let s = state;
    for (const { event } of lifecycle.sweep([s], at)) {
      const r = lifecycle.send(s, event);
      if (r.accepted) s = r.state;
    }
    return s;
  };
  for (const log of ws.logs) {
    const state = lifecycle.replay(log.input, log.entries);
    views.set(log.input.id, { input: log.input, entries: log.entries, state, shown: sweepOne(state, now) });
  }
  shownDay = toVietnamTime(now).date;
  let ordered: AssignmentView[] | undefined;

  const scores = new Map<string, PeriodScore | undefined>();
  const score = (period: string): PeriodScore | undefined => {
    if (scores.has(period)) return scores.get(period);
    const list = [...(assessments.get(period)?.values() ?? [])];
    let out: PeriodScore | undefined;
    if (list.length > 0) {
      const framework = frameworks.get(list[0]!.framework.id)!;
      const sameFramework = list.filter((a) => a.framework.id === framework.id);
      const units = registry.at(periodEnd(period)).units.map((u) => ({ id: u.id, kind: u.kind, tags: u.tags }));
      const results = computeIndex(framework, sameFramework, { units, peerGroup: 'all' });
      const before = /^\d{4}$/.test(period) ? score(String(Number(period) - 1)) : undefined;
      const yoy = before ? compareResults(results, before.results, { registry }) : undefined;
      const status = new Map(sameFramework.map((a) => [a.unitId, a.status]));
      out = { period, framework, results, ...(yoy ? { yoy } : {}), rows: results.results.map((r) => ({ unitId: r.unitId, status: status.get(r.unitId) ?? 'draft' })) };
    }
    scores.set(period, out);
    return out;
  };

  const readableCache = new Map<string, ReadonlySet<string>>();
  let memos = new WeakMap<ReadonlySet<string>, Map<string, unknown>>();
  return {
    registry,
    frameworks,
    directives: ws.directives.map((d) => d.document),
    par,
    lifecycle,
    periods: () => [...assessments.keys()].sort().reverse(),
    assessment: (unitId, period) => assessments.get(period)?.get(unitId),
    score,
    assignment: (id) => views.get(id),
    logs: () => [...views.values()].map((v) => ({ input: v.input, entries: v.entries })),
    board(at) {
      const day = toVietnamTime(at).date;
      if (day !== shownDay) {
        for (const [id, v] of views) views.set(id, { ...v, shown: sweepOne(v.state, at) });
        shownDay = day;
        ordered = undefined;
        memos = new WeakMap();
      }
      ordered ??= [...views.values()].sort(
        (a, b) => Number(isOverdue(b.shown)) - Number(isOverdue(a.shown)) || Number(isOpen(b.shown)) - Number(isOpen(a.shown)) || (a.shown.context.dueDate < b.shown.context.dueDate ? -1 : a.shown.context.dueDate > b.shown.context.dueDate ? 1 : 0),
      );
      return ordered;
    },
    readable(policy, policyVersion, actor, at) {
      const day = toVietnamTime(at).date;
      const key = JSON.stringify([policyVersion, actor.unitId, actor.role, day]);
      let set = readableCache.get(key);
      if (!set) {
        set = new Set(registry.units.filter((u) => isAllowed(policy, registry, actor, 'read', u.id, day)).map((u) => u.id));
        if (readableCache.size > 1_000) readableCache.clear();
        readableCache.set(key, set);
      }
      return set;
    },
    memo(readable, key, compute) {
      let m = memos.get(readable);
      if (!m) memos.set(readable, (m = new Map()));
      if (!m.has(key)) {
        if (m.size > 1_000) m.clear();
        m.set(key, compute());
      }
      return m.get(key) as ReturnType<typeof compute>;
    },
    putAssessment(doc) {
      put(parseAssessment(doc, frameworks.get(doc.framework.id)!));
      memos = new WeakMap();
      // this period's ranking and the next year's comparison change
      scores.clear();
    },
    putLog(id, entries, state, at) {
      const v = views.get(id)!;
      views.set(id, { ...v, entries, state, shown: sweepOne(state, at) });
      ordered = undefined;
      memos = new WeakMap();
    },
  };
}

/** The leaves of an assessment's framework whose points are imported (the survey and leadership channels). */
export function importedLeaves(model: ReadModel, a: Assessment): { readonly code: string; readonly maxPoints: number; readonly name: FrameworkNode['name'] }[] {
  const framework = model.frameworks.get(a.framework.id);
  if (!framework) return [];
  return [...indexFramework(framework).values()].filter((n) => n.isLeaf && (n.channel === 'survey' || n.channel === 'leadership')).map((n) => ({ code: n.node.code, maxPoints: n.node.maxPoints, name: n.node.name }));
}
