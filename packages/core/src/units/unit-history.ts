import { addDays, type CivilDate, type IssueList } from '@par/calendar';
import type { Label } from '../shared/label.js';
import type { UnitChange } from './unit-change-schema.js';
import type { Unit } from './unit-schema.js';

/** One stretch of a unit's life with the same name, code and parent. */
export interface UnitSegment {
  readonly from: CivilDate;
  /** Inclusive; `undefined` while open. */
  readonly to: CivilDate | undefined;
  readonly name: Label;
  readonly code: string | undefined;
  readonly parentId: string | undefined;
}

/** A directed lineage edge: `from` ended and `to` answers for it from `change.date`. */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  readonly change: UnitChange;
}

/** The history derived from units and changes, or the problems that make it invalid. */
export interface UnitHistory {
  readonly segments: ReadonlyMap<string, readonly UnitSegment[]>;
  readonly edges: readonly LineageEdge[];
}

const within = (u: Unit, date: CivilDate) => u.validFrom <= date && (u.validTo === undefined || date <= u.validTo);

interface Step {
  date: CivilDate;
  name?: Label;
  code?: string;
  parentId?: string;
}

/**
 * Checks a unit history for consistency and derives each unit's segments and the lineage edges.
 * Every problem is added to `issues` with the path of the unit or change at fault.
 */
export function buildUnitHistory(units: readonly Unit[], changes: readonly UnitChange[], issues: IssueList): UnitHistory {
  const byId = new Map<string, { unit: Unit; index: number }>();
  for (let i = 0; i < units.length; i++) byId.set(units[i]!.id, { unit: units[i]!, index: i });
  // the changes of name, code or parent of the units that have any
  const steps = new Map<string, Step[]>();
  const stepsOf = (id: string) => steps.get(id) ?? steps.set(id, []).get(id)!;
  const endedBy = new Map<string, number>();
  const edges: LineageEdge[] = [];

  const ref = (id: string, path: (string | number)[]) => {
    const hit = byId.get(id);
    if (!hit) issues.add(path, 'unknown_unit', `Unit "${id}" is not in the units document`);
    return hit?.unit;
  };
  const mustEnd = (id: string, change: UnitChange, ci: number, path: (string | number)[]) => {
    const u = ref(id, path);
    if (!u) return;
    const lastDay = addDays(change.date, -1);
    const earlier = endedBy.get(id);
    if (earlier !== undefined) {
      issues.add(path, 'overlapping_successors', `Unit "${id}" already ends with change #${earlier}; a unit ends only once`);
    }
    endedBy.set(id, ci);
    if (u.validTo === undefined || u.validTo > lastDay) {
      issues.add(['units', byId.get(id)!.index, 'validTo'], 'valid_after_dissolution',
        `Unit "${id}" ends with change "${change.id}" on ${change.date}, so its validTo must be ${lastDay}, not ${u.validTo ?? '(open)'}`);
    } else if (u.validTo < lastDay) {
      issues.add(['units', byId.get(id)!.index, 'validTo'], 'ended_before_change',
        `Unit "${id}" ends on ${u.validTo}, before change "${change.id}" (${change.date}) that ends it`);
    }
  };
  const mustExistOn = (id: string, date: CivilDate, path: (string | number)[], role: string) => {
    const u = ref(id, path);
    if (!u || within(u, date)) return u;
    issues.add(path, 'not_valid_on_date', `${role} "${id}" does not exist on ${date}`);
    return undefined;
  };
  const mustStart = (id: string, change: UnitChange, path: (string | number)[]) => {
    const u = ref(id, path);
    if (u && u.validFrom !== change.date) {
      issues.add(path, 'start_mismatch', `Unit "${id}" starts on ${u.validFrom}, not on ${change.date} when change "${change.id}" creates it`);
    }
  };

  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i));
  const dissolutions: { c: UnitChange & { kind: 'dissolve' }; i: number }[] = [];
  for (const { c, i } of sorted) {
    const p = (...rest: (string | number)[]) => ['changes', i, ...rest];
    switch (c.kind) {
      case 'establish':
        c.unitIds.forEach((id, k) => mustStart(id, c, p('unitIds', k)));
        break;
      case 'rename': {
        const u = mustExistOn(c.unitId, c.date, p('unitId'), 'Renamed unit');
        if (u && u.validFrom === c.date) issues.add(p('date'), 'not_valid_on_date', `Unit "${c.unitId}" cannot be renamed on its first day`);
        if (u) stepsOf(u.id).push({ date: c.date, name: c.name, ...(c.code ? { code: c.code } : {}) });
        break;
      }
      case 'merge':
      case 'absorb': {
        c.from.forEach((id, k) => {
          if (id === c.into) return issues.add(p('from', k), 'lineage_cycle', `Unit "${id}" cannot merge into itself`);
          mustEnd(id, c, i, p('from', k));
          edges.push({ from: id, to: c.into, change: c });
        });
        const into = mustExistOn(c.into, c.date, p('into'), c.kind === 'merge' ? 'Merged-into unit' : 'Absorbing unit');
        if (into && c.kind === 'merge' && into.validFrom !== c.date) {
          issues.add(p('into'), 'start_mismatch',
            `A merge creates a new unit: "${c.into}" must start on ${c.date}, the day after its predecessors end, not on ${into.validFrom}; an existing unit taking them in is an "absorb" change`);
        }
        if (into && c.kind === 'absorb' && into.validFrom === c.date) {
          issues.add(p('into'), 'start_mismatch', `An absorbing unit exists before the change, but "${c.into}" starts on ${c.date}; a new unit formed from others is a "merge" change`);
        }
        break;
      }
      case 'split':
        mustEnd(c.from, c, i, p('from'));
        c.into.forEach((id, k) => {
          mustStart(id, c, p('into', k));
          edges.push({ from: c.from, to: id, change: c });
        });
        break;
      case 'dissolve':
        c.unitIds.forEach((id, k) => {
          mustEnd(id, c, i, p('unitIds', k));
          if (c.successorId !== undefined) edges.push({ from: id, to: c.successorId, change: c });
        });
        if (c.successorId !== undefined) mustExistOn(c.successorId, c.date, p('successorId'), 'Successor');
        if (c.childrenTo !== undefined) mustExistOn(c.childrenTo, c.date, p('childrenTo'), 'New parent');
        if (c.childrenTo !== undefined) dissolutions.push({ c, i });
        break;
      case 'reparent':
        mustExistOn(c.parentId, c.date, p('parentId'), 'New parent');
        c.unitIds.forEach((id, k) => {
          const u = mustExistOn(id, c.date, p('unitIds', k), 'Re-parented unit');
          if (u && u.validFrom === c.date) issues.add(p('unitIds', k), 'not_valid_on_date', `Unit "${id}" cannot be re-parented on its first day`);
          if (u) stepsOf(id).push({ date: c.date, parentId: c.parentId });
        });
        break;
    }
  }

  // A dissolution with `childrenTo` re-parents every child of a dissolved unit that is alive on its date.
  for (const { c } of dissolutions) {
    const ended = new Set(c.unitIds);
    for (const u of units) {
      if (!within(u, c.date) || ended.has(u.id)) continue;
      if (ended.has(parentOn(u, steps.get(u.id) ?? [], addDays(c.date, -1)) ?? '')) stepsOf(u.id).push({ date: c.date, parentId: c.childrenTo! });
    }
  }

  const segments = new Map<string, UnitSegment[]>();
  for (const u of units) segments.set(u.id, toSegments(u, steps.get(u.id)));
  checkParents(units, segments, byId, issues);
  checkParentCycles(units, segments, issues);
  checkCodes(units, segments, issues);
  checkLineageCycles(edges, changes, issues);
  return { segments, edges };
}

function parentOn(u: Unit, steps: readonly Step[], date: CivilDate): string | undefined {
  let parent = u.parentId;
  for (const s of steps) if (s.date <= date && s.parentId !== undefined) parent = s.parentId;
  return parent;
}

function toSegments(u: Unit, steps: Step[] | undefined): UnitSegment[] {
  // most units keep their name, code and parent all their life: one segment
  if (steps === undefined) return [{ from: u.validFrom, to: u.validTo, name: u.name, code: u.code, parentId: u.parentId }];
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: UnitSegment[] = [];
  let current = { from: u.validFrom, name: u.name, code: u.code, parentId: u.parentId };
  for (const s of steps) {
    if (s.date !== current.from) {
      out.push({ ...current, to: addDays(s.date, -1) });
      current = { ...current, from: s.date };
    }
    current = {
      ...current,
      ...(s.name ? { name: s.name } : {}),
      ...(s.code ? { code: s.code } : {}),
      ...(s.parentId ? { parentId: s.parentId } : {}),
    };
  }
  out.push({ ...current, to: u.validTo });
  return out;
}

function checkParents(
  units: readonly Unit[],
  segments: ReadonlyMap<string, readonly UnitSegment[]>,
  byId: ReadonlyMap<string, { unit: Unit; index: number }>,
  issues: IssueList,
): void {
  units.forEach((u, i) => {
    let early: Set<string> | undefined;
    for (const s of segments.get(u.id)!) {
      if (s.parentId === undefined) continue;
      const parent = byId.get(s.parentId)?.unit;
      if (!parent) continue; // reported by parseUnits or the change that named it
      if (parent.validFrom > s.from && !early?.has(parent.id)) {
        (early ??= new Set()).add(parent.id);
        issues.add(['units', i, 'parentId'], 'parent_not_yet_valid', `Unit "${u.id}" has parent "${parent.id}" on ${s.from}, before the parent exists (${parent.validFrom})`);
      }
      if (parent.validTo !== undefined && (s.to === undefined || s.to > parent.validTo)) {
        issues.add(['units', i, 'validTo'], 'child_outlives_parent',
          `Unit "${u.id}" outlives its parent "${parent.id}" (ends ${parent.validTo}) with no re-parenting change`);
      }
    }
  });
}

function checkParentCycles(units: readonly Unit[], segments: ReadonlyMap<string, readonly UnitSegment[]>, issues: IssueList): void {
  const dates = new Set<CivilDate>();
  for (const segs of segments.values()) for (const s of segs) dates.add(s.from);
  const reported = new Set<string>();
  for (const date of [...dates].sort()) {
    const parentOf = new Map<string, string | undefined>();
    for (const u of units) {
      const seg = segments.get(u.id)!.find((s) => s.from <= date && (s.to === undefined || date <= s.to));
      if (seg) parentOf.set(u.id, seg.parentId);
    }
    // the units on a cycle of parents: each walk up stops at a unit already walked (of this walk: a cycle found)
    const walked = new Map<string, number>();
    const onCycle = new Set<string>();
    let walk = 0;
    for (const start of parentOf.keys()) {
      walk++;
      let cur: string | undefined = start;
      while (cur !== undefined && !walked.has(cur)) {
        walked.set(cur, walk);
        cur = parentOf.get(cur);
      }
      if (cur === undefined || walked.get(cur) !== walk) continue;
      for (let c: string | undefined = cur; !onCycle.has(c!); c = parentOf.get(c!)) onCycle.add(c!);
    }
    for (const start of parentOf.keys()) {
      if (onCycle.has(start) && !reported.has(start)) {
        reported.add(start);
        issues.add(['units', units.findIndex((u) => u.id === start), 'parentId'], 'parent_cycle', `Unit "${start}" is its own ancestor on ${date}`);
      }
    }
  }
}

function checkCodes(units: readonly Unit[], segments: ReadonlyMap<string, readonly UnitSegment[]>, issues: IssueList): void {
  const byCode = new Map<string, { index: number; from: CivilDate; to: CivilDate | undefined; id: string }[]>();
  units.forEach((u, index) => {
    for (const s of segments.get(u.id)!) {
      if (s.code === undefined) continue;
      const list = byCode.get(s.code) ?? [];
      for (const other of list) {
        if (other.id === u.id) continue;
        const overlap = (other.to === undefined || s.from <= other.to) && (s.to === undefined || other.from <= s.to);
        if (overlap) issues.add(['units', index, 'code'], 'duplicate_code', `Code ${s.code} is held by "${other.id}" and "${u.id}" at the same time`);
      }
      list.push({ index, from: s.from, to: s.to, id: u.id });
      byCode.set(s.code, list);
    }
  });
}

function checkLineageCycles(edges: readonly LineageEdge[], changes: readonly UnitChange[], issues: IssueList): void {
  const next = new Map<string, LineageEdge[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e);
    else next.set(e.from, [e]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): LineageEdge | undefined => {
    state.set(id, 'open');
    for (const e of next.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') return e;
      if (s === undefined) {
        const found = visit(e.to);
        if (found) return found;
      }
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of next.keys()) {
    if (state.has(id)) continue;
    const e = visit(id);
    if (e) {
      issues.add(['changes', changes.indexOf(e.change)], 'lineage_cycle', `Lineage runs in a circle through "${e.from}" and "${e.to}"`);
      return;
    }
  }
}
