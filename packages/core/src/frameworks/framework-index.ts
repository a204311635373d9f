import { ParValidationError } from '@par/calendar';
import { isParsed } from '../shared/parsed.js';
import type { ChannelId, Framework, FrameworkNode } from './framework-schema.js';

/** A node with where it sits in its framework. */
export interface IndexedNode {
  readonly node: FrameworkNode;
  /** Code of the parent, `undefined` at the top. */
  readonly parentCode: string | undefined;
  /** 1 for a top-level node (a field), 2 for a criterion, and so on. */
  readonly depth: number;
  /** The node's channel, inherited from its top-level ancestor. */
  readonly channel: ChannelId;
  readonly isLeaf: boolean;
}

/** Throws unless `framework` is the object `parseFramework` or `deriveFramework` returned. */
function checkFramework(fn: string, framework: unknown): void {
  if (!isParsed(framework)) {
    const message = 'Expected a framework returned by parseFramework (or deriveFramework), not a plain object: pass the document through parseFramework first';
    throw new ParValidationError(`arguments of ${fn}`, [{ path: ['framework'], code: 'not_parsed', message }]);
  }
}

/**
 * Every node of a framework by code, in document order (depth first). Throws `ParValidationError` (`not_parsed`)
 * for a framework that did not come from `parseFramework` or `deriveFramework`.
 */
export function indexFramework(framework: Framework): ReadonlyMap<string, IndexedNode> {
  checkFramework('indexFramework', framework);
  const out = new Map<string, IndexedNode>();
  const walk = (node: FrameworkNode, parentCode: string | undefined, depth: number, inherited: ChannelId | undefined) => {
    const channel = node.channel ?? inherited ?? 'appraised';
    const children = node.children ?? [];
    out.set(node.code, { node, parentCode, depth, channel, isLeaf: children.length === 0 });
    for (const c of children) walk(c, node.code, depth + 1, channel);
  };
  for (const n of framework.nodes) walk(n, undefined, 1, undefined);
  return out;
}

/** The leaves of a framework (the nodes that are actually scored), in document order. Refuses a framework as {@link indexFramework} does. */
export function leavesOf(framework: Framework): FrameworkNode[] {
  checkFramework('leavesOf', framework);
  return [...indexFramework(framework).values()].filter((n) => n.isLeaf).map((n) => n.node);
}
