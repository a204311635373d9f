import { ADJUSTMENT_CHANNELS, type ChannelId, type Framework, type FrameworkNode } from '../frameworks/framework-schema.js';
import { toMicro } from '../shared/points.js';
import { compileRule, type CompiledRule } from './compiled-rule.js';

/** Channel order used in every result. */
export const CHANNELS: readonly ChannelId[] = ['appraised', 'survey', 'leadership', 'deduction', 'bonus'];

/** A framework flattened into arrays for fast scoring (depth-first order; parents before children). */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly nodes: readonly FrameworkNode[];
  readonly codes: readonly string[];
  readonly parent: Int32Array;
  readonly channel: Uint8Array;
  readonly maxMicro: Float64Array;
  /** Node index of each leaf, in document order. */
  readonly leaves: Int32Array;
  /** Leaf position of each node (-1 for a parent). */
  readonly leafPos: Int32Array;
  readonly byCode: ReadonlyMap<string, number>;
  /** Channel maxima in micro-points, by channel index (0 for undeclared channels). */
  readonly channelMaxMicro: Float64Array;
  /** Whether each channel index is an adjustment (deduction, bonus). */
  readonly adjustment: readonly boolean[];
  /** By leaf position: the compiled rule (`undefined` for manual and plugin rules). */
  readonly rules: readonly (CompiledRule | undefined)[];
  /** By leaf position: whether the leaf or an ancestor restricts the unit kinds or tags it applies to. */
  readonly restricted: readonly boolean[];
  /** Whether any node expects evidence. */
  readonly expectsEvidence: boolean;
  /** By leaf position: the leaf's channel index. */
  readonly leafChannel: Uint8Array;
  /** By leaf position: the leaf's maximum in micro-points. */
  readonly leafMaxMicro: Float64Array;
  /** Leaf positions bound to a metric. */
  readonly metricLeaves: Int32Array;
  /** Whether any leaf is restricted (see `restricted`). */
  readonly anyRestricted: boolean;
}

const compiled = new WeakMap<Framework, CompiledFramework>();
/**
 * The compiled frameworks by their framework's JSON, while something holds them: a framework parsed again from the same
 * document (a store's, a worker's, another module's) shares the compiled one, and the assessments parsed against either
 * are scored from their columns as they are.
 */
const byContent = new Map<string, WeakRef<CompiledFramework>>();
const forget = new FinalizationRegistry<string>((key) => {
  if (byContent.get(key)?.deref() === undefined) byContent.delete(key);
});

/** Flattens a validated framework (once per framework object, and once per content while held: frameworks are frozen when parsed). */
export function compileFramework(framework: Framework): CompiledFramework {
  const hit = compiled.get(framework);
  if (hit) return hit;
  if (!Object.isFrozen(framework)) return compile(framework);
  const key = JSON.stringify(framework);
  let result = byContent.get(key)?.deref();
  if (!result) {
    result = compile(framework);
    byContent.set(key, new WeakRef(result));
    forget.register(result, key);
  }
  compiled.set(framework, result);
  return result;
}

function compile(framework: Framework): CompiledFramework {
  const nodes: FrameworkNode[] = [];
  const parents: number[] = [];
  const channels: number[] = [];
  const walk = (node: FrameworkNode, parent: number, channel: number) => {
    const index = nodes.length;
    const own = node.channel === undefined ? channel : CHANNELS.indexOf(node.channel);
    nodes.push(node);
    parents.push(parent);
    channels.push(own);
    for (const child of node.children ?? []) walk(child, index, own);
  };
  for (const n of framework.nodes) walk(n, -1, 0);
  const leafList: number[] = [];
  const leafPos = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    if (!n.children?.length) {
      leafPos[i] = leafList.length;
      leafList.push(i);
    }
  });
  const channelMaxMicro = new Float64Array(CHANNELS.length);
  for (const c of framework.channels) channelMaxMicro[CHANNELS.indexOf(c.id)] = toMicro(c.maxPoints);
  const maxMicro = Float64Array.from(nodes.map((n) => toMicro(n.maxPoints)));
  const restricted = leafList.map((leaf) => {
    for (let n = leaf; n !== -1; n = parents[n]!) if (nodes[n]!.applicability?.unitKinds || nodes[n]!.applicability?.tags) return true;
    return false;
  });
  return {
    framework,
    nodes,
    codes: nodes.map((n) => n.code),
    parent: Int32Array.from(parents),
    channel: Uint8Array.from(channels),
    maxMicro,
    leaves: Int32Array.from(leafList),
    leafPos,
    byCode: new Map(nodes.map((n, i) => [n.code, i])),
    channelMaxMicro,
    adjustment: CHANNELS.map((c) => ADJUSTMENT_CHANNELS.includes(c)),
    rules: leafList.map((leaf) => {
      const rule = nodes[leaf]!.rule;
      return rule && compileRule(rule, maxMicro[leaf]!, CHANNELS[channels[leaf]!]!);
    }),
    restricted,
    anyRestricted: restricted.includes(true),
    leafChannel: Uint8Array.from(leafList.map((leaf) => channels[leaf]!)),
    leafMaxMicro: Float64Array.from(leafList.map((leaf) => maxMicro[leaf]!)),
    metricLeaves: Int32Array.from(leafList.flatMap((leaf, pos) => (nodes[leaf]!.metric ? [pos] : []))),
    expectsEvidence: nodes.some((n) => (n.evidence?.length ?? 0) > 0),
  };
}
