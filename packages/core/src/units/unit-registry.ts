import { type CivilDate, IssueList } from '@par/calendar';
import { ArgumentCheck } from './arguments.js';
import type { Label } from '../shared/label.js';
import { parseUnitChanges, parseUnits } from './parse-units.js';
import type { UnitChange } from './unit-change-schema.js';
import { buildUnitHistory, type LineageEdge, type UnitSegment } from './unit-history.js';
import { BUILT_IN_UNIT_KINDS, type Unit } from './unit-schema.js';

/** A unit as it stood on one date: its name, code and parent of that day. */
export interface UnitVersion {
  readonly id: string;
  readonly kind: string;
  readonly name: Label;
  readonly code: string | undefined;
  readonly parentId: string | undefined;
  readonly validFrom: CivilDate;
  readonly validTo: CivilDate | undefined;
  readonly tags: readonly string[];
}

/** A unit reached through lineage, and the changes that lead to it (empty when it is the unit itself). */
export interface LineageStep {
  readonly unitId: string;
  readonly via: readonly UnitChange[];
}

/** The tree of units as it stood on one date. */
export interface UnitTree {
  /** The date of this snapshot. */
  readonly date: CivilDate;
  /** Every unit existing on the date, in document order. */
  readonly units: readonly UnitVersion[];
  /** Units without a parent on the date. */
  readonly roots: readonly UnitVersion[];
  /** The unit with this id, if it exists on the date. */
  get(id: string): UnitVersion | undefined;
  /** The unit holding this official code on the date (codes are unique at any date). */
  byCode(code: string): UnitVersion | undefined;
  /** Direct children on the date. Throws {@link ParValidationError} when `id` does not exist on the date. */
  childrenOf(id: string): readonly UnitVersion[];
  /** Parent, grandparent... up to the root. Throws {@link ParValidationError} when `id` does not exist on the date. */
  ancestorsOf(id: string): readonly UnitVersion[];
  /** Every unit below, depth first. Throws {@link ParValidationError} when `id` does not exist on the date. */
  descendantsOf(id: string): readonly UnitVersion[];
}

/**
 * Units with their history: queries by date and by lineage. Built by {@link createUnitRegistry}. Every method
 * checks its arguments: a date that is not a real `YYYY-MM-DD`, or an id the registry does not know where a
 * unit is required (`predecessorsOf`, `successorsOf`), throws {@link ParValidationError} naming the argument
 * (`get`, `kindName` and `versionOn` are look-ups and return `undefined` for an id they do not hold).
 */
export interface UnitRegistry {
  /** Every unit, as declared. */
  readonly units: readonly Unit[];
  /** Every change, as declared. */
  readonly changes: readonly UnitChange[];
  /** The unit as declared, whatever the date. */
  get(id: string): Unit | undefined;
  /** The display name of a unit kind (built-in or declared). */
  kindName(kind: string): Label | undefined;
  /** The unit as it stood on `date`, or `undefined` if it did not exist then. */
  versionOn(id: string, date: CivilDate): UnitVersion | undefined;
  /** The whole tree as it stood on `date`. */
  at(date: CivilDate): UnitTree;
  /** The units that ended into `id` (merge, absorb, split or dissolve with successor), with the change. */
  predecessorsOf(id: string): readonly LineageStep[];
  /**
   * Without a date: the units that directly continue `id`. With a date: the units existing on that date that
   * answer for `id`, following successors as far as needed (`[id]` itself with no `via` when it still exists;
   * empty when it had ended with no successor, or did not exist yet).
   */
  successorsOf(id: string, date?: CivilDate): readonly LineageStep[];
}

/**
 * Builds a {@link UnitRegistry} from a units document and (optionally) a unit-changes document. Both are
 * validated, then the history as a whole: a unit valid after the change that ends it, a unit ended by two
 * changes (overlapping successors), lineage or parent cycles, a child outliving its parent without a
 * re-parenting change, two units holding one code at the same time. Throws {@link ParValidationError}
 * naming every problem; nothing is built from a bad history.
 */
export function createUnitRegistry(units: unknown, changes: unknown = { changes: [] }): UnitRegistry {
  const unitsDoc = parseUnits(units);
  const changesDoc = parseUnitChanges(changes);
  const issues = new IssueList();
  const history = buildUnitHistory(unitsDoc.units, changesDoc.changes, issues);
  issues.throwIfAny('unit history');
  const kindNames = new Map<string, Label>([
    ...Object.entries(BUILT_IN_UNIT_KINDS).map(([k, v]) => [k, v] as [string, Label]),
    ...unitsDoc.kinds.map((k) => [k.id, k.name] as [string, Label]),
  ]);
  return new Registry(unitsDoc.units, changesDoc.changes, history.segments, history.edges, kindNames);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const covers = (from: CivilDate, to: CivilDate | undefined, date: CivilDate) => from <= date && (to === undefined || date <= to);

const REGISTRY = Symbol.for('par.core.UnitRegistry');

/** Whether `value` is a registry built by {@link createUnitRegistry} (a plain object is not). */
export function isUnitRegistry(value: unknown): value is UnitRegistry {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REGISTRY] === true;
}

class Registry implements UnitRegistry {
  /** On the prototype, so a spread or a JSON copy (which has no methods) is not a registry. */
  get [REGISTRY](): true {
    return true;
  }
  private readonly byId: Map<string, Unit>;
  private readonly forward = new Map<string, LineageEdge[]>();
  private readonly backward = new Map<string, LineageEdge[]>();
  private readonly trees = new Map<CivilDate, UnitTree>();

  constructor(
    readonly units: readonly Unit[],
    readonly changes: readonly UnitChange[],
    private readonly segments: ReadonlyMap<string, readonly UnitSegment[]>,
    edges: readonly LineageEdge[],
    private readonly kindNames: ReadonlyMap<string, Label>,
  ) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const e of edges) {
      pushTo(this.forward, e.from, e);
      pushTo(this.backward, e.to, e);
    }
  }

  get(id: string): Unit | undefined {
    new ArgumentCheck('UnitRegistry.get').id(['id'], id).done();
    return this.byId.get(id);
  }

  kindName(kind: string): Label | undefined {
    new ArgumentCheck('UnitRegistry.kindName').id(['kind'], kind).done();
    return this.kindNames.get(kind);
  }

  /** Checks that `id` names a unit of this registry, and that `date`, when `withDate`, is a real date. */
  private check(fn: string, id: unknown, withDate: boolean, date?: unknown): void {
    const check = new ArgumentCheck(`UnitRegistry.${fn}`).id(['id'], id);
    if (typeof id === 'string' && id.length > 0 && !this.byId.has(id)) check.fail(['id'], 'unknown_unit', `Unit "${id}" is not in the registry`);
    if (withDate) check.date(['date'], date);
    check.done();
  }

  versionOn(id: string, date: CivilDate): UnitVersion | undefined {
    new ArgumentCheck('UnitRegistry.versionOn').id(['id'], id).date(['date'], date).done();
    return this.version(id, date);
  }

  private version(id: string, date: CivilDate): UnitVersion | undefined {
    const unit = this.byId.get(id);
    const seg = this.segments.get(id)?.find((s) => covers(s.from, s.to, date));
    if (!unit || !seg) return undefined;
    return { id, kind: unit.kind, name: seg.name, code: seg.code, parentId: seg.parentId, validFrom: unit.validFrom, validTo: unit.validTo, tags: unit.tags };
  }

  at(date: CivilDate): UnitTree {
    let tree = this.trees.get(date);
    if (!tree) {
      new ArgumentCheck('UnitRegistry.at').date(['date'], date).done();
      const versions: UnitVersion[] = [];
      for (const u of this.units) {
        const v = this.version(u.id, date);
        if (v) versions.push(v);
      }
      tree = makeTree(date, versions, this.byId);
      if (this.trees.size > 64) this.trees.clear();
      this.trees.set(date, tree);
    }
    return tree;
  }

  predecessorsOf(id: string): readonly LineageStep[] {
    this.check('predecessorsOf', id, false);
    return (this.backward.get(id) ?? []).map((e) => ({ unitId: e.from, via: [e.change] }));
  }

  successorsOf(id: string, date?: CivilDate): readonly LineageStep[] {
    this.check('successorsOf', id, date !== undefined, date);
    if (date === undefined) return (this.forward.get(id) ?? []).map((e) => ({ unitId: e.to, via: [e.change] }));
    const out: LineageStep[] = [];
    const seen = new Set<string>();
    const walk = (current: string, via: UnitChange[]) => {
      if (seen.has(current)) return;
      seen.add(current);
      const unit = this.byId.get(current);
      if (!unit) return;
      if (covers(unit.validFrom, unit.validTo, date)) {
        out.push({ unitId: current, via });
        return;
      }
      if (unit.validFrom > date) return;
      for (const e of this.forward.get(current) ?? []) if (e.change.date <= date) walk(e.to, [...via, e.change]);
    };
    walk(id, []);
    return out;
  }
}

function makeTree(date: CivilDate, units: readonly UnitVersion[], known: ReadonlyMap<string, Unit>): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.filter((u) => u.code !== undefined).map((u) => [u.code!, u]));
  const children = new Map<string, UnitVersion[]>();
  const roots: UnitVersion[] = [];
  for (const u of units) {
    if (u.parentId !== undefined && byId.has(u.parentId)) pushTo(children, u.parentId, u);
    else roots.push(u);
  }
  const descendants = (id: string): UnitVersion[] =>
    (children.get(id) ?? []).flatMap((c) => [c, ...descendants(c.id)]);
  const lookup = (fn: string, value: unknown, path = 'id') => new ArgumentCheck(`UnitTree.${fn}`).id([path], value).done();
  const onDate = (fn: string, id: unknown) => {
    const check = new ArgumentCheck(`UnitTree.${fn}`).id(['id'], id);
    if (typeof id === 'string' && id.length > 0 && !byId.has(id)) {
      if (known.has(id)) check.fail(['id'], 'not_valid_on_date', `Unit "${id}" does not exist on ${date}`);
      else check.fail(['id'], 'unknown_unit', `Unit "${id}" is not in the registry`);
    }
    check.done();
  };
  return {
    date,
    units,
    roots,
    get: (id) => (lookup('get', id), byId.get(id)),
    byCode: (code) => (lookup('byCode', code, 'code'), byCode.get(code)),
    childrenOf: (id) => (onDate('childrenOf', id), children.get(id) ?? []),
    descendantsOf: (id) => (onDate('descendantsOf', id), descendants(id)),
    ancestorsOf: (id) => {
      onDate('ancestorsOf', id);
      const out: UnitVersion[] = [];
      let cur = byId.get(id)?.parentId;
      while (cur !== undefined) {
        const parent = byId.get(cur);
        if (!parent) break;
        out.push(parent);
        cur = parent.parentId;
      }
      return out;
    },
  };
}
