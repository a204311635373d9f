import { maxDate, minDate, periodRange, type CivilDate, IssueList } from '@par/calendar';
import type { LineageStep, UnitRegistry } from '../units/unit-registry.js';
import type { DirectiveDocument, DirectiveItem } from './directive-schema.js';
import { dueRuleEnd, scheduleDates, type DueOccurrence } from './due-rule.js';
import type { RankedUnit, UnitSelector } from './unit-selector.js';

/**
 * Every dated occurrence of an item between `from` and `to` inclusive, in date order: its deadline(s) and the
 * reports its reporting duty or continuous duty asks for. Reports of an item with a deadline stop at it.
 */
export function expandOccurrences(item: DirectiveItem, from: CivilDate, to: CivilDate): DueOccurrence[] {
  const due = item.due;
  const out: DueOccurrence[] = [];
  const inRange = (d: CivilDate) => d >= from && d <= to;
  switch (due.kind) {
    case 'date':
      if (inRange(due.date)) out.push({ dueDate: due.date, kind: 'deadline' });
      break;
    case 'periodEnd': {
      const end = periodRange(due.period).end;
      if (inRange(end)) out.push({ dueDate: end, kind: 'deadline', period: due.period });
      break;
    }
    case 'recurring':
      for (const d of scheduleDates(due.schedule, maxDate(from, due.from), minDate(to, due.until))) {
        out.push({ dueDate: d.date, kind: 'deadline', period: d.period });
      }
      break;
    case 'continuous':
      for (const d of scheduleDates(due.reports, maxDate(from, due.from), due.until ? minDate(to, due.until) : to)) {
        out.push({ dueDate: d.date, kind: 'report', period: d.period });
      }
      break;
  }
  if (item.reporting) {
    const r = item.reporting;
    const end = [to, r.until, due.kind === 'continuous' ? undefined : dueRuleEnd(due)].filter((d): d is string => d !== undefined);
    for (const d of scheduleDates(r.schedule, r.from ? maxDate(from, r.from) : from, end.reduce(minDate))) {
      out.push({ dueDate: d.date, kind: 'report', period: d.period });
    }
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.kind < b.kind ? -1 : 1));
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

/** A selector that could not be resolved yet (a result selector with no results given). */
export interface UnresolvedSelector {
  readonly itemLabel: string;
  readonly role: AssignmentRole;
  readonly selector: UnitSelector;
  readonly reason: 'resultsRequired';
}

/** Options of {@link assignmentsOf}. */
export interface AssignmentOptions {
  /** The units, to resolve selectors and lineage. */
  readonly registry: UnitRegistry;
  /** Ranked results, for `result` selectors (e.g. last year's index). */
  readonly results?: readonly RankedUnit[];
  /**
   * Last date to expand occurrences to. Default: each item's own end, and for an open continuous duty the
   * end of the year the document was signed (the "by the end of the year" reading of a yearly notice).
   */
  readonly until?: CivilDate;
}

/** What {@link assignmentsOf} returns. */
export interface AssignmentSet {
  readonly assignments: readonly Assignment[];
  readonly unresolved: readonly UnresolvedSelector[];
}

/**
 * Fans a document's items out into one assignment per unit and role. Selectors are resolved on the
 * document's signing date; each occurrence's unit is resolved on its due date through lineage, so a commune
 * merged away before a deadline hands it to its successor. Throws {@link ParValidationError} when the document
 * names units the registry does not know.
 */
export function assignmentsOf(document: DirectiveDocument, options: AssignmentOptions): AssignmentSet {
  const { registry } = options;
  const issues = new IssueList();
  const known = (id: string, path: (string | number)[]) => {
    if (registry.get(id)) return true;
    issues.add(path, 'unknown_unit', `Unit "${id}" is not in the unit registry`);
    return false;
  };
  known(document.issuerId, ['issuerId']);
  const tree = registry.at(document.signedOn);
  const assignments: Assignment[] = [];
  const unresolved: UnresolvedSelector[] = [];
  const yearEnd = `${document.signedOn.slice(0, 4)}-12-31`;

  document.items.forEach((item, i) => {
    const to = options.until ?? dueRuleEnd(item.due) ?? yearEnd;
    const occurrences = expandOccurrences(item, document.signedOn, to);
    item.reporting?.recipientIds.forEach((id, k) => known(id, ['items', i, 'reporting', 'recipientIds', k]));
    const seen = new Set<string>();
    for (const role of ['lead', 'coordinating'] as const) {
      item[role].forEach((selector, s) => {
        const path = ['items', i, role, s];
        let unitIds: readonly string[];
        if (selector.by === 'unit') {
          unitIds = known(selector.unitId, [...path, 'unitId']) ? [selector.unitId] : [];
        } else if (selector.by === 'kind') {
          if (!known(selector.within, [...path, 'within'])) return;
          const kinds = new Set(selector.kinds);
          unitIds = tree.descendantsOf(selector.within).filter((u) => kinds.has(u.kind)).map((u) => u.id);
        } else {
          if (selector.within !== undefined && !known(selector.within, [...path, 'within'])) return;
          if (!options.results) {
            unresolved.push({ itemLabel: item.label, role, selector, reason: 'resultsRequired' });
            return;
          }
          const scope = selector.within === undefined ? undefined : new Set(tree.descendantsOf(selector.within).map((u) => u.id));
          unitIds = pickFromResults(options.results.filter((r) => !scope || scope.has(r.unitId)), selector.bands, selector.bottom);
        }
        for (const unitId of unitIds) {
          // A unit both leading and coordinating the same item keeps its first (lead) role.
          if (seen.has(unitId)) continue;
          seen.add(unitId);
          assignments.push({
            id: `${document.id}/${item.label}/${unitId}/${role}`,
            documentId: document.id,
            itemLabel: item.label,
            unitId,
            role,
            occurrences: occurrences
              .filter((o) => role === 'lead' || o.kind === 'deadline')
              .map((o) => ({ ...o, answeredBy: registry.successorsOf(unitId, o.dueDate) })),
          });
        }
      });
    }
  });
  issues.throwIfAny('directive assignments');
  return { assignments, unresolved };
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
