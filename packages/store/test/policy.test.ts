// Every role of the default policy against every action: the expectations come from the rules as the issue states
// them (a commune writes its own self-assessment; the Home Affairs office appraises; the issuer reviews, extends and
// cancels; a province reads everything below it), on the small tree of fixtures.ts.
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { createUnitRegistry } from '@par/core';
import { DEFAULT_POLICY, STORE_ACTIONS, isAllowed, parsePolicy, type StoreAction, type StoreActor } from '../src/index.js';
import { UNITS, leader, officer } from './fixtures.js';

// c9 is established on 1 January 2026: on 3 March 2025 it is not in the tree, so its officer matches no rule
const registry = createUnitRegistry({ units: [...UNITS.units, { id: 'c9', name: { vi: 'Xã Chín' }, kind: 'commune', parentId: 'd1', validFrom: '2026-01-01' }] }, { changes: [] });
const DAY = '2025-03-03';
const system: StoreActor = { unitId: 'system', role: 'system' };
const admin: StoreActor = { unitId: 'p1', role: 'admin' };

// [actor, action, target, allowed]
const CASES: [string, StoreActor, StoreAction, string | undefined, boolean][] = [
  ['commune officer', officer('c1'), 'read', 'c1', true],
  ['commune officer', officer('c1'), 'read', 'c2', false],
  ['commune officer', officer('c1'), 'read', 'd1', false],
  ['commune officer', officer('c1'), 'assessment.self', 'c1', true],
  ['commune officer', officer('c1'), 'assessment.self', 'c2', false],
  ['commune officer', officer('c1'), 'assessment.appraise', 'c1', false],
  ['commune officer', officer('c1'), 'assignment.report', 'c1', true],
  ['commune officer', officer('c1'), 'assignment.report', 'c2', false],
  ['commune officer', officer('c1'), 'assignment.review', 'c1', false],
  ['commune officer', officer('c1'), 'assignment.extend', 'c1', false],
  ['commune officer', officer('c1'), 'assignment.cancel', 'c1', false],
  ['commune officer', officer('c1'), 'directive.issue', 'c1', false],
  ['commune officer', officer('c1'), 'assignment.sweep', 'c1', false],
  ['commune officer', officer('c1'), 'run.record', undefined, false],
  ['commune officer', officer('c1'), 'workspace.import', undefined, false],
  ['commune officer', officer('c1'), 'policy.write', undefined, false],
  ['commune leader (not a district)', leader('c1'), 'directive.issue', 'c1', false],
  ['Home Affairs officer', officer('nv1'), 'assessment.appraise', 'c1', true],
  ['Home Affairs officer', officer('nv1'), 'assessment.appraise', 'c2', true],
  ['Home Affairs officer', officer('nv1'), 'assessment.appraise', 'c3', false], // c3 is in district d2
  ['Home Affairs officer', officer('nv1'), 'assessment.self', 'c1', false],
  ['Home Affairs officer', officer('nv1'), 'read', 'c2', true],
  ['Home Affairs officer', officer('nv1'), 'read', 'c3', false],
  ['Home Affairs officer', officer('nv1'), 'assignment.report', 'nv1', false],
  ['district leader', leader('d1'), 'directive.issue', 'd1', true],
  ['district leader', leader('d1'), 'directive.issue', 'd2', false],
  ['district leader', leader('d1'), 'assignment.review', 'd1', true],
  ['district leader', leader('d1'), 'assignment.extend', 'd1', true],
  ['district leader', leader('d1'), 'assignment.cancel', 'd1', true],
  ['district leader', leader('d1'), 'assignment.cancel', 'p1', false],
  ['district leader', leader('d1'), 'assignment.report', 'c1', false],
  ['district leader', leader('d1'), 'assessment.self', 'c1', false],
  ['district leader', leader('d1'), 'assessment.appraise', 'c1', false],
  ['district leader', leader('d1'), 'read', 'c2', true],
  ['district leader', leader('d1'), 'read', 'c3', false],
  ['district leader', leader('d1'), 'read', 'p1', false],
  ['district leader', leader('d1'), 'run.record', undefined, false],
  ['province leader', leader('p1'), 'read', 'c3', true],
  ['province leader', leader('p1'), 'read', 'nv1', true],
  ['province leader', leader('p1'), 'directive.issue', 'p1', true],
  ['province leader', leader('p1'), 'policy.write', undefined, false],
  ['the sweep', system, 'assignment.sweep', 'd1', true],
  ['the sweep', system, 'assignment.report', 'c1', false],
  ['the sweep', system, 'read', 'c1', false],
  ['admin', admin, 'workspace.import', undefined, true],
  ['admin', admin, 'policy.write', undefined, true],
  ['admin', admin, 'run.record', undefined, true],
  ['admin', admin, 'read', 'c3', true],
  ['admin', admin, 'assessment.self', 'c1', false],
  ['admin', admin, 'assignment.cancel', 'd1', false],
  ['officer of a commune not yet established', officer('c9'), 'assessment.self', 'c9', false],
  ['officer of an unknown unit', officer('x'), 'read', 'x', false],
];

describe('the default policy', () => {
  it.each(CASES)('%s: %s may %s on %s → %s', (_who, actor, action, target, allowed) => {
    expect(isAllowed(DEFAULT_POLICY, registry, actor, action, target, DAY)).toBe(allowed);
  });

  it('tests every action at least once allowed and once refused', () => {
    for (const a of STORE_ACTIONS) {
      expect(CASES.some((c) => c[2] === a && c[4]), `${a} allowed`).toBe(true);
      expect(CASES.some((c) => c[2] === a && !c[4]), `${a} refused`).toBe(true);
    }
  });

  it('judges the tree on the date: c9 is in d1 once it exists', () => {
    expect(isAllowed(DEFAULT_POLICY, registry, officer('c9'), 'assessment.self', 'c9', '2026-01-01')).toBe(true);
    expect(isAllowed(DEFAULT_POLICY, registry, leader('d1'), 'read', 'c9', '2025-12-31')).toBe(false);
    expect(isAllowed(DEFAULT_POLICY, registry, leader('d1'), 'read', 'c9', '2026-01-01')).toBe(true);
  });
});

describe('a policy as data', () => {
  it('grants by unit id, kind and tag together', () => {
    const policy = parsePolicy({ rules: [{ role: 'officer', unitIds: ['nv1'], unitTags: ['home-affairs'], actions: ['assessment.appraise'], scope: { under: 'province' } }] });
    expect(isAllowed(policy, registry, officer('nv1'), 'assessment.appraise', 'c3', DAY)).toBe(true);
    expect(isAllowed(policy, registry, officer('c1'), 'assessment.appraise', 'c3', DAY)).toBe(false);
  });

  it('refuses a malformed policy naming every problem', () => {
    try {
      parsePolicy({ rules: [{ role: '', actions: ['fly'], scope: 'everywhere' }] });
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).issues.map((i) => i.path.join('.')).sort()).toEqual(['rules.0.actions.0', 'rules.0.role', 'rules.0.scope']);
    }
  });
});
