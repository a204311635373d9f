import { deepFreeze } from '../shared/deep-freeze.js';
import { markParsed } from '../shared/parsed.js';
import { IssueList, parseWithSchema } from '@par/calendar';
import { checkFramework } from './framework-checks.js';
import {
  FrameworkDerivationSchema,
  makeFrameworkDerivationSchema,
  type Framework,
  type FrameworkDerivation,
  type FrameworkNode,
} from './framework-schema.js';
import type { FrameworkParseOptions } from './parse-framework.js';

type MutableNode = Omit<FrameworkNode, 'children'> & { children?: MutableNode[] };

/** Validates a framework-derivation document on its own (shape only). */
export function parseFrameworkDerivation(input: unknown, options: FrameworkParseOptions = {}): FrameworkDerivation {
  const schema = options.ruleSchemas?.length ? makeFrameworkDerivationSchema(options.ruleSchemas) : FrameworkDerivationSchema;
  return parseWithSchema('framework derivation', schema, input) as FrameworkDerivation;
}

/**
 * Resolves a province variant: copies the base, replaces the top-level settings the derivation gives, applies
 * its node operations in order (`exclude`, `add`, `update`), and validates the result like any framework.
 * The result has the derivation's id and version and remembers its base in `derivedFrom`. The same inputs
 * always give the same framework. Throws {@link ParValidationError}: paths starting `operations` point into
 * the derivation, the others into the resolved framework.
 */
export function deriveFramework(base: Framework, derivation: unknown, options: FrameworkParseOptions = {}): Framework {
  const d = parseFrameworkDerivation(derivation, options);
  const issues = new IssueList();
  if (d.base.id !== base.id || d.base.version !== base.version) {
    issues.add(['base'], 'base_mismatch', `The derivation was written for ${d.base.id}@${d.base.version}, not ${base.id}@${base.version}`);
  }
  const nodes = structuredClone(base.nodes) as MutableNode[];
  const find = (code: string, list: MutableNode[] = nodes): { list: MutableNode[]; index: number } | undefined => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      if (n.code === code) return { list, index: i };
      const inner = n.children ? find(code, n.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  d.operations.forEach((op, i) => {
    if (op.op === 'exclude') {
      const hit = find(op.code);
      if (!hit) issues.add(['operations', i, 'code'], 'unknown_code', `No node "${op.code}" to exclude`);
      else hit.list.splice(hit.index, 1);
    } else if (op.op === 'add') {
      let siblings = nodes;
      if (op.parentCode !== undefined) {
        const parent = find(op.parentCode);
        if (!parent) return issues.add(['operations', i, 'parentCode'], 'unknown_code', `No node "${op.parentCode}" to add under`);
        const p = parent.list[parent.index]!;
        siblings = p.children ??= [];
      }
      let at = siblings.length;
      if (op.after !== undefined) {
        at = siblings.findIndex((s) => s.code === op.after) + 1;
        if (at === 0) return issues.add(['operations', i, 'after'], 'unknown_code', `No sibling "${op.after}" to add after`);
      }
      siblings.splice(at, 0, structuredClone(op.node) as MutableNode);
    } else {
      const hit = find(op.code);
      if (!hit) return issues.add(['operations', i, 'code'], 'unknown_code', `No node "${op.code}" to update`);
      const defined = Object.fromEntries(Object.entries(op.set).filter(([, v]) => v !== undefined));
      hit.list[hit.index] = { ...hit.list[hit.index]!, ...structuredClone(defined) };
    }
  });
  issues.throwIfAny('framework derivation');

  const { id, version, title, issuer, years, unitKinds, legalBasis, scale, channels, bands, rounding, notes } = d;
  const resolved: Framework = {
    ...structuredClone(base),
    id,
    version,
    ...(title && { title }),
    ...(issuer !== undefined && { issuer }),
    ...(years && { years }),
    ...(unitKinds && { unitKinds }),
    ...(legalBasis && { legalBasis }),
    ...(scale !== undefined && { scale }),
    ...(channels && { channels }),
    ...(bands && { bands }),
    ...(rounding && { rounding }),
    ...(notes !== undefined && { notes }),
    nodes,
    derivedFrom: { id: base.id, version: base.version },
  };
  checkFramework(resolved, issues);
  issues.throwIfAny('derived framework');
  return markParsed(deepFreeze(resolved));
}
