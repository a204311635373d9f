import { z } from 'zod';
import { parseWithSchema } from '@par/calendar';
import type { CivilDate, UnitRegistry } from '@par/core';
import type { StoreActor } from './audit.js';

/** What the store lets a role do. Each write names one; `read` governs what a session sees. */
export const STORE_ACTIONS = [
  'read',
  'assessment.self',
  'assessment.appraise',
  'directive.issue',
  'assignment.report',
  'assignment.review',
  'assignment.extend',
  'assignment.cancel',
  'assignment.sweep',
  'run.record',
  'workspace.import',
  'policy.write',
] as const;

/** One action of {@link STORE_ACTIONS}. */
export type StoreAction = (typeof STORE_ACTIONS)[number];

/**
 * Zod schema for a policy: rules, each granting a role (of the units it selects by id, kind or tag; all units when
 * it selects none) some actions on the data of the units in its scope, judged on the unit tree on the day of the
 * write: `own` the acting unit, `subtree` the acting unit and every unit below it, `{ under: kind }` everything under
 * the nearest unit of that kind at or above the acting unit (a district's Home Affairs office for the district's
 * units: `{ under: 'district' }`), `all` every unit and the workspace as a whole (imports, the policy itself).
 */
export const PolicySchema = z.strictObject({
  rules: z.array(
    z.strictObject({
      role: z.string().min(1),
      unitIds: z.array(z.string().min(1)).optional(),
      unitKinds: z.array(z.string().min(1)).optional(),
      unitTags: z.array(z.string().min(1)).optional(),
      actions: z.array(z.enum(STORE_ACTIONS)).min(1),
      scope: z.union([z.enum(['own', 'subtree', 'all']), z.strictObject({ under: z.string().min(1) })]),
      note: z.string().optional(),
    }),
  ),
});

/** A policy: who may do what on whose data. */
export interface Policy extends z.output<typeof PolicySchema> {}

/**
 * The policy a new store starts with: a choice of this package after the description of the reform loop,
 * not a legal rule; write the province's own with `setPolicy`. A commune, ward or township writes its own
 * self-assessment and reports on its own assignments; a district office tagged `home-affairs` (phòng Nội vụ)
 * appraises the units of its district, a provincial department so tagged (Sở Nội vụ) those of its province; a district or province `leader` issues directives, reviews, extends and cancels what it
 * issued, and reads everything below it; the `system` role runs the deadline sweep; an `admin` imports and writes
 * the policy.
 */
export const DEFAULT_POLICY: Policy = {
  rules: [
    { role: 'officer', unitKinds: ['commune', 'ward', 'township'], actions: ['read', 'assessment.self', 'assignment.report'], scope: 'own' },
    { role: 'officer', unitKinds: ['districtDepartment'], unitTags: ['home-affairs'], actions: ['read', 'assessment.appraise'], scope: { under: 'district' } },
    { role: 'officer', unitKinds: ['department'], unitTags: ['home-affairs'], actions: ['read', 'assessment.appraise'], scope: { under: 'province' } },
    { role: 'leader', unitKinds: ['district', 'province'], actions: ['directive.issue', 'assignment.review', 'assignment.extend', 'assignment.cancel'], scope: 'own' },
    { role: 'leader', unitKinds: ['district', 'province'], actions: ['read', 'run.record'], scope: 'subtree' },
    { role: 'system', actions: ['assignment.sweep'], scope: 'all' },
    { role: 'admin', actions: ['read', 'workspace.import', 'policy.write', 'run.record'], scope: 'all' },
  ],
};

/** Validates a policy; throws `ParValidationError` naming every problem. */
export function parsePolicy(input: unknown): Policy {
  return parseWithSchema('policy', PolicySchema, input);
}

/** The ids from `unitId` up to the root on `date` (the unit first). */
function lineage(registry: UnitRegistry, unitId: string, date: CivilDate): string[] {
  const out: string[] = [];
  for (let id: string | undefined = unitId; id !== undefined && !out.includes(id); id = registry.versionOn(id, date)?.parentId) out.push(id);
  return out;
}

/**
 * Whether the policy lets `actor` do `action` on the data of `target` (a unit id; `undefined` for the workspace as
 * a whole, which only an `all` scope covers), judged on the unit tree on `date`. An actor whose unit is not in the
 * registry on that date (the sweep's `system`) matches only rules that select no unit.
 */
export function isAllowed(policy: Policy, registry: UnitRegistry, actor: StoreActor, action: StoreAction, target: string | undefined, date: CivilDate): boolean {
  const unit = registry.versionOn(actor.unitId, date);
  return policy.rules.some((r) => {
    if (r.role !== actor.role || !r.actions.includes(action)) return false;
    const selects = r.unitIds !== undefined || r.unitKinds !== undefined || r.unitTags !== undefined;
    if (selects) {
      if (!unit) return false;
      if (r.unitIds && !r.unitIds.includes(unit.id)) return false;
      if (r.unitKinds && !r.unitKinds.includes(unit.kind)) return false;
      if (r.unitTags && !r.unitTags.some((t) => unit.tags.includes(t))) return false;
    }
    if (r.scope === 'all') return true;
    if (target === undefined) return false;
    if (r.scope === 'own') return target === actor.unitId;
    const kind = typeof r.scope === 'object' ? r.scope.under : undefined;
    const top = kind === undefined ? actor.unitId : lineage(registry, actor.unitId, date).find((id) => registry.versionOn(id, date)?.kind === kind);
    return top !== undefined && lineage(registry, target, date).includes(top);
  });
}
