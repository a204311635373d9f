import { indexFramework, type IndexedNode } from '../frameworks/framework-index.js';
import type { Framework, FrameworkNode } from '../frameworks/framework-schema.js';
import { toMicro } from '../shared/points.js';

/** The channels whose points are imported (never self-scored). */
export const IMPORTED_CHANNELS: ReadonlySet<string> = new Set(['survey', 'leadership']);

/** What the checks need of a framework: its index and the leaves every assessment past `draft` scores. */
export interface FrameworkFacts {
  readonly index: ReadonlyMap<string, IndexedNode>;
  readonly required: readonly string[];
}

const facts = new WeakMap<Framework, FrameworkFacts>();

/** The {@link FrameworkFacts} of a framework, worked out once per parsed (frozen) framework. */
export function factsOf(framework: Framework): FrameworkFacts {
  const hit = facts.get(framework);
  if (hit) return hit;
  const index = indexFramework(framework);
  // Leaves that apply to some unit kinds or tags only, and leaves scored from a metric, are checked by the engine,
  // which knows the unit and the metrics.
  const unitDependent = (n: IndexedNode | undefined): boolean =>
    !!n && (!!n.node.applicability?.unitKinds || !!n.node.applicability?.tags || unitDependent(n.parentCode === undefined ? undefined : index.get(n.parentCode)));
  const required = [...index.values()].filter((n) => n.isLeaf && !n.node.metric && !unitDependent(n)).map((n) => n.node.code);
  const result = { index, required };
  if (Object.isFrozen(framework)) facts.set(framework, result);
  return result;
}

/** Why `points` cannot be given on `node` (above its maximum, or off its manual `step`), or `undefined`. */
export function pointsProblem(points: number, node: FrameworkNode, step: number | undefined): { code: string; message: string } | undefined {
  if (toMicro(points) > toMicro(node.maxPoints)) return { code: 'points_above_max', message: `${points} is above the maximum ${node.maxPoints} of "${node.code}"` };
  if (step !== undefined && toMicro(points) % toMicro(step) !== 0) return { code: 'step_mismatch', message: `${points} is not a multiple of the step ${step}` };
  return undefined;
}

