import { maxDate, minDate, periodRange, IssueList, type CivilDate } from '@par/calendar';
import { isParsed } from '../shared/parsed.js';
import { ArgumentCheck, show } from '../units/arguments.js';
import { isUnitRegistry, type LineageStep, type UnitRegistry } from '../units/unit-registry.js';
import type { DirectiveDocument, DirectiveItem } from './directive-schema.js';
import { datesOf, endOf, type DueOccurrence } from './due-rule.js';
import type { RankedUnit, UnitSelector } from './unit-selector.js';

/**
 * Every dated occurrence of an item whose nominal due date is between `from` and `to` inclusive, in date order:
 * its deadline(s) and the reports of each of its report schedules. Reports of an item with a deadline stop at
 * it; those of a standing (`recurring`) duty run from its `from` to its `until`. `item` must come from a
 * document returned by {@link parseDirectiveDocument} (or from {@link findingToDirectiveItem}); a plain object,
 * a date that is not a real `YYYY-MM-DD` or `from` after `to` throws {@link ParValidationError} naming the argument.
 */
export function expandOccurrences(item: DirectiveItem, from: CivilDate, to: CivilDate): DueOccurrence[] {
  const check = new ArgumentCheck('expandOccurrences');
  if (!isParsed(item)) check.fail(['item'], 'not_parsed', 'Expected an item of a document returned by parseDirectiveDocument (or by findingToDirectiveItem), not a plain object');
  check.date(['from'], from).date(['to'], to);
  if (check.ok && from > to) check.fail(['to'], 'invalid_interval', `to ${to} is before from ${from}`);
  check.done();
  return occurrencesOf(item, from, to);
}

function occurrencesOf(item: DirectiveItem, from: CivilDate, to: CivilDate): DueOccurrence[] {
  const due = item.due;
  const out: DueOccurrence[] = [];
  const inRange = (d: CivilDate) => d >= from && d <= to;
  switch (due.kind) {
    case 'date': {
      const dueDate = endOf(due)!;
      if (inRange(dueDate)) out.push({ kind: 'deadline', dueDate, statedDate: due.date, bound: due.bound, period: dueDate.slice(0, 4) });
      break;
    }
    case 'periodEnd': {
      const end = periodRange(due.period).end;
      if (inRange(end)) out.push({ kind: 'deadline', dueDate: end, statedDate: end, bound: 'noLaterThan', period: due.period });
      break;
    }
    case 'periodic':
      for (const d of datesOf(due.schedule, maxDate(from, due.from), minDate(to, due.until))) {
        out.push({ kind: 'deadline', dueDate: d.date, statedDate: d.statedDate, bound: due.schedule.bound, period: d.period });
      }
      break;
    case 'recurring':
      break;
  }
  const end = endOf(due);
  const start = due.kind === 'recurring' ? maxDate(from, due.from) : from;
  item.reports.forEach((r, report) => {
    const last = [to, r.until, end].filter((d): d is string => d !== undefined).reduce(minDate);
    for (const d of datesOf(r, r.from ? maxDate(start, r.from) : start, last)) {
      out.push({ kind: 'report', dueDate: d.date, statedDate: d.statedDate, bound: r.bound, period: d.period, cutOff: d.cutOff!, report, ...(r.name ? { reportName: r.name } : {}) });
    }
  });
  const rank = (o: DueOccurrence) => (o.kind === 'deadline' ? -1 : o.report!);
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : rank(a) - rank(b)));
}

/** Role of a unit on an item: lead (chủ trì) or coordinating (phối hợp). */
export type AssignmentRole = 'lead' | 'coordinating';

/** One occurrence of an assignment, with the unit(s) that answer for it on its due date. */
export interface AssignmentOccurrence extends DueOccurrence {
  /**
   * Who answers on the due date: the assigned unit itself (`via` empty) or, when it no longer exists, its
   * successors through lineage (`via` lists the changes). Empty when the unit ended with no successor.
   */
  readonly answeredBy: readonly LineageStep[];
}

/**
 * One directive item for one unit in one role (nhiệm vụ được giao), with its dated occurrences. Reports are
 * the lead unit's duty: a coordinating unit's occurrences are the deadlines only.
 */
export interface Assignment {
  /** `documentId/itemLabel/unitId/role`: stable across runs. */
  readonly id: string;
  readonly documentId: string;
  readonly itemLabel: string;
  readonly unitId: string;
  readonly role: AssignmentRole;
  readonly occurrences: readonly AssignmentOccurrence[];
}

/**
 * One thing a unit must deliver: one occurrence of one item in one role, for the unit answering on its due date.
 * When several assigned units merged into one, their successor has ONE obligation per occurrence, listing
 * every predecessor it answers for.
 */
export interface Obligation {
  /** `documentId/itemLabel/unitId/role#dueDate` (`#report<i>-dueDate` for the i-th report schedule): stable across runs. */
  readonly id: string;
  readonly documentId: string;
  readonly itemLabel: string;
  /** The unit that answers on the due date. */
  readonly unitId: string;
  readonly role: AssignmentRole;
  readonly occurrence: DueOccurrence;
  /** The assigned units it answers for, each with the changes leading from it to `unitId` (none for itself). */
  readonly answersFor: readonly LineageStep[];
}

/**
 * Why a selector named no unit on the signing date: `resultsRequired` (a result selector with no results given),
 * `unitNotValidOnDate` (the unit, or the selector's `within`, does not exist on the date), `tierEnded` (it ended
 * and no unit of its kind exists on the date any more, e.g. "the communes of district X" after the district tier
 * ended), `emptyResult` (the selector is valid but selects nobody).
 */
export type UnresolvedReason = 'resultsRequired' | 'unitNotValidOnDate' | 'tierEnded' | 'emptyResult';

/** A selector that named no unit, and why. */
export interface UnresolvedSelector {
  readonly itemLabel: string;
  readonly role: AssignmentRole;
  readonly selector: UnitSelector;
  readonly reason: UnresolvedReason;
  /** The unit the reason is about (the selected unit or the selector's `within`), where there is one. */
  readonly unitId?: string;
  /** The date the selector was resolved on: the document's signing date. */
  readonly date: CivilDate;
}

/** Options of {@link assignmentsOf} and {@link whoAnswers}. */
export interface AssignmentOptions {
  /** The units, to resolve selectors and lineage: a registry built by {@link createUnitRegistry}. */
  readonly registry: UnitRegistry;
  /** Ranked results, for `result` selectors (e.g. last year's index). */
  readonly results?: readonly RankedUnit[];
  /**
   * Last date to expand occurrences to. Default: each item's own end, and for an open standing duty the
   * end of the year the document was signed (the "by the end of the year" reading of a yearly notice).
   */
  readonly until?: CivilDate;
}

/** What {@link assignmentsOf} returns. */
export interface AssignmentSet {
  /** One per item, unit and role, as assigned on the signing date. */
  readonly assignments: readonly Assignment[];
  /** One per (answering unit, item, role, occurrence): what each unit must deliver, after lineage. */
  readonly obligations: readonly Obligation[];
  readonly unresolved: readonly UnresolvedSelector[];
}

interface Selected {
  readonly unitId: string;
  readonly role: AssignmentRole;
}

/** Checks the arguments every function of this file shares; returns the checker to add to. */
function checkCommon(fn: string, document: unknown, options: unknown): ArgumentCheck {
  const check = new ArgumentCheck(fn);
  if (!isParsed(document)) check.fail(['document'], 'not_parsed', 'Expected a document returned by parseDirectiveDocument, not a plain object');
  if (typeof options !== 'object' || options === null) return check.fail(['options'], 'invalid_argument', `Expected an options object, got ${show(options)}`);
  const o = options as Record<string, unknown>;
  if (!isUnitRegistry(o.registry)) check.fail(['options', 'registry'], 'invalid_argument', 'Expected a registry built by createUnitRegistry');
  if (o.until !== undefined) check.date(['options', 'until'], o.until);
  if (o.results !== undefined) {
    if (!Array.isArray(o.results)) check.fail(['options', 'results'], 'invalid_argument', `Expected an array of ranked units, got ${show(o.results)}`);
    else {
      o.results.forEach((r: unknown, k) => {
        const path = ['options', 'results', k];
        const row = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
        check.id([...path, 'unitId'], row.unitId);
        if (typeof row.unitId === 'string' && isUnitRegistry(o.registry) && row.unitId !== '' && !o.registry.get(row.unitId)) {
          check.fail([...path, 'unitId'], 'unknown_unit', `Unit "${row.unitId}" is not in the unit registry`);
        }
        if (row.rank !== null && !(Number.isSafeInteger(row.rank) && (row.rank as number) >= 1)) check.fail([...path, 'rank'], 'invalid_rank', `Expected a rank (a whole number from 1) or null, got ${show(row.rank)}`);
        if (row.band != null && typeof row.band !== 'string') check.fail([...path, 'band'], 'invalid_band', `Expected a band id, got ${show(row.band)}`);
      });
    }
  }
  return check;
}

/** Resolves every selector of every item on the signing date (unknown units are added to `issues`). */
function resolve(document: DirectiveDocument, options: AssignmentOptions, issues: IssueList) {
  const { registry } = options;
  const date = document.signedOn;
  const known = (id: string, path: (string | number)[]) => {
    if (registry.get(id)) return true;
    issues.add(path, 'unknown_unit', `Unit "${id}" is not in the unit registry`);
    return false;
  };
  known(document.issuerId, ['issuerId']);
  if (document.signer.unitId !== undefined) known(document.signer.unitId, ['signer', 'unitId']);
  const tree = registry.at(date);
  const absent = (id: string): UnresolvedReason => {
    const unit = registry.get(id)!;
    const ended = unit.validTo !== undefined && unit.validTo < date;
    return ended && !tree.units.some((u) => u.kind === unit.kind) ? 'tierEnded' : 'unitNotValidOnDate';
  };
  return document.items.map((item, i) => {
    item.reports.forEach((r, k) => r.recipientIds.forEach((id, n) => known(id, ['items', i, 'reports', k, 'recipientIds', n])));
    const picks: Selected[] = [];
    const unresolved: UnresolvedSelector[] = [];
    const seen = new Set<string>();
    for (const role of ['lead', 'coordinating'] as const) {
      item[role].forEach((selector, s) => {
        const path = ['items', i, role, s];
        const miss = (reason: UnresolvedReason, unitId?: string) =>
          unresolved.push({ itemLabel: item.label, role, selector, reason, ...(unitId !== undefined ? { unitId } : {}), date });
        const within = selector.by === 'unit' ? selector.unitId : selector.within;
        if (within !== undefined && !known(within, [...path, selector.by === 'unit' ? 'unitId' : 'within'])) return;
        if (within !== undefined && !tree.get(within)) return miss(absent(within), within);
        let unitIds: readonly string[];
        if (selector.by === 'unit') unitIds = [selector.unitId];
        else if (selector.by === 'kind') {
          const kinds = new Set(selector.kinds);
          unitIds = tree.descendantsOf(selector.within).filter((u) => kinds.has(u.kind)).map((u) => u.id);
        } else {
          if (!options.results) return miss('resultsRequired');
          const scope = selector.within === undefined ? undefined : new Set(tree.descendantsOf(selector.within).map((u) => u.id));
          unitIds = pickFromResults(options.results.filter((r) => !scope || scope.has(r.unitId)), selector.bands, selector.bottom);
        }
        if (unitIds.length === 0) return miss('emptyResult', within);
        for (const unitId of unitIds) {
          // A unit both leading and coordinating the same item keeps its first (lead) role.
          if (seen.has(unitId)) continue;
          seen.add(unitId);
          picks.push({ unitId, role });
        }
      });
    }
    return { item, picks, unresolved };
  });
}

/**
 * Fans a document's items out into one assignment per unit and role, and the obligations that follow from them.
 * Selectors are resolved on the document's signing date; a selector that names nobody then is reported in
 * `unresolved` with its reason. Each occurrence's unit is resolved on its due date through lineage, so a commune
 * merged away before a deadline hands it to its successor, which has one obligation per occurrence for all of
 * its predecessors. Throws {@link ParValidationError} when an argument is not what it should be (a document not
 * returned by {@link parseDirectiveDocument}, a registry not built by {@link createUnitRegistry}, results naming
 * unknown units or with bad ranks, an `until` that is not a real date) or the document names units the
 * registry does not know.
 */
export function assignmentsOf(document: DirectiveDocument, options: AssignmentOptions): AssignmentSet {
  checkCommon('assignmentsOf', document, options).done();
  const registry = options.registry;
  const issues = new IssueList();
  const resolved = resolve(document, options, issues);
  issues.throwIfAny('directive assignments');
  const assignments: Assignment[] = [];
  const obligations = new Map<string, Obligation & { answersFor: LineageStep[] }>();
  const yearEnd = `${document.signedOn.slice(0, 4)}-12-31`;
  for (const { item, picks } of resolved) {
    const occurrences = occurrencesOf(item, document.signedOn, options.until ?? endOf(item.due) ?? yearEnd);
    const owes = (role: AssignmentRole, o: DueOccurrence) => role === 'lead' || o.kind === 'deadline';
    const answered = picks.map((p) => occurrences.map((o) => (owes(p.role, o) ? registry.successorsOf(p.unitId, o.dueDate) : [])));
    picks.forEach(({ unitId, role }, p) => {
      const own = occurrences.flatMap((o, k) => (owes(role, o) ? [{ ...o, answeredBy: answered[p]![k]! }] : []));
      assignments.push({ id: `${document.id}/${item.label}/${unitId}/${role}`, documentId: document.id, itemLabel: item.label, unitId, role, occurrences: own });
    });
    // Obligations: role by role, occurrence by occurrence, answering units in order of appearance.
    for (const role of ['lead', 'coordinating'] as const) {
      occurrences.forEach((occurrence, k) => {
        const key = `${occurrence.kind === 'report' ? `report${occurrence.report}-` : ''}${occurrence.dueDate}`;
        picks.forEach((pick, p) => {
          if (pick.role !== role) return;
          for (const step of answered[p]![k]!) {
            const id = `${document.id}/${item.label}/${step.unitId}/${role}#${key}`;
            const answersFor = { unitId: pick.unitId, via: step.via };
            const existing = obligations.get(id);
            if (existing) existing.answersFor.push(answersFor);
            else obligations.set(id, { id, documentId: document.id, itemLabel: item.label, unitId: step.unitId, role, occurrence, answersFor: [answersFor] });
          }
        });
      });
    }
  }
  return { assignments, obligations: [...obligations.values()], unresolved: resolved.flatMap((r) => r.unresolved) };
}

/** One unit answering for a directive item on a date, and the assigned units it answers for. */
export interface Answer {
  /** The unit that answers on the date. */
  readonly unitId: string;
  readonly role: AssignmentRole;
  /** The units assigned on the signing date that it answers for, each with the lineage path (changes) to it. */
  readonly answersFor: readonly LineageStep[];
}

/**
 * Who answers for item `itemId` (its label, e.g. `(2)`) of a document on `date`: the units assigned on the
 * signing date, or, where they have ended, their successors through lineage, each with the units it answers for
 * and the changes in between. Throws {@link ParValidationError} naming the argument for an unknown item, a date
 * that is not real or falls before the signing date, or a result selector without `options.results`.
 */
export function whoAnswers(document: DirectiveDocument, itemId: string, date: CivilDate, options: AssignmentOptions): readonly Answer[] {
  const check = checkCommon('whoAnswers', document, options).id(['itemId'], itemId).date(['date'], date);
  if (check.ok && !document.items.some((i) => i.label === itemId)) check.fail(['itemId'], 'unknown_item', `The document has no item "${itemId}"`);
  if (check.ok && date < document.signedOn) check.fail(['date'], 'before_signing', `${date} is before the document was signed (${document.signedOn})`);
  check.done();
  const issues = new IssueList();
  const resolved = resolve(document, options, issues).find((r) => r.item.label === itemId)!;
  issues.throwIfAny('directive assignments');
  if (resolved.unresolved.some((u) => u.reason === 'resultsRequired')) {
    new ArgumentCheck('whoAnswers').fail(['options', 'results'], 'results_required', `Item "${itemId}" picks units from results: pass options.results`).done();
  }
  const answers = new Map<string, Answer & { answersFor: LineageStep[] }>();
  for (const { unitId, role } of resolved.picks) {
    for (const step of options.registry.successorsOf(unitId, date)) {
      const key = `${step.unitId}/${role}`;
      const answersFor = { unitId, via: step.via };
      const existing = answers.get(key);
      if (existing) existing.answersFor.push(answersFor);
      else answers.set(key, { unitId: step.unitId, role, answersFor: [answersFor] });
    }
  }
  return [...answers.values()];
}

function pickFromResults(results: readonly RankedUnit[], bands?: readonly string[], bottom?: number): string[] {
  const picked = new Set<string>();
  if (bands) for (const r of results) if (r.band != null && bands.includes(r.band)) picked.add(r.unitId);
  const ranks = results.flatMap((r) => (r.rank === null ? [] : [r.rank])).sort((a, b) => b - a);
  if (bottom !== undefined && ranks.length > 0) {
    const cut = ranks[Math.min(bottom, ranks.length) - 1]!;
    for (const r of results) if (r.rank !== null && r.rank >= cut) picked.add(r.unitId);
  }
  return results.filter((r) => picked.has(r.unitId)).map((r) => r.unitId);
}
