import { fromMicro, toMicro } from '../shared/points.js';
import type { IssueList } from '@par/calendar';
import { ADJUSTMENT_CHANNELS, type Band, type ChannelId, type Framework, type FrameworkNode } from './framework-schema.js';
import type { AnyScoringRule, Tier } from './scoring-rule.js';

type Path = (string | number)[];

/**
 * Checks the rules a framework must keep beyond its shape: unique codes that extend their parent's, parents
 * worth exactly the sum of their children, a rule on every leaf and none on parents, channels declared and
 * summing to the scale, bands covering 0-100% with no gap or overlap, tiered rules monotone.
 */
export function checkFramework(framework: Framework, issues: IssueList): void {
  const channels = new Map<ChannelId, number>();
  framework.channels.forEach((c, i) => {
    if (channels.has(c.id)) issues.add(['channels', i, 'id'], 'duplicate_channel', `Channel "${c.id}" is declared twice`);
    else channels.set(c.id, toMicro(c.maxPoints));
  });
  const scored = [...channels].filter(([id]) => !ADJUSTMENT_CHANNELS.includes(id)).reduce((s, [, m]) => s + m, 0);
  if (scored !== toMicro(framework.scale)) {
    issues.add(['channels'], 'scale_mismatch', `The scored channels sum to ${fromMicro(scored)}, not the scale ${framework.scale}`);
  }
  if (framework.years.to !== undefined && framework.years.to < framework.years.from) {
    issues.add(['years', 'to'], 'invalid_interval', `years.to ${framework.years.to} is before years.from ${framework.years.from}`);
  }

  const perChannel = new Map<ChannelId, number>();
  const codes = new Set<string>();
  const walk = (node: FrameworkNode, path: Path, parent: FrameworkNode | undefined, inherited: ChannelId | undefined) => {
    if (codes.has(node.code)) issues.add([...path, 'code'], 'duplicate_code', `Code "${node.code}" is used twice`);
    codes.add(node.code);
    if (parent && !node.code.startsWith(`${parent.code}.`)) {
      issues.add([...path, 'code'], 'code_mismatch', `Code "${node.code}" does not extend its parent's code "${parent.code}"`);
    }
    let channel = inherited;
    if (node.channel !== undefined) {
      if (inherited !== undefined && node.channel !== inherited) {
        issues.add([...path, 'channel'], 'channel_mismatch', `Node "${node.code}" is on channel "${node.channel}" but its parent is on "${inherited}"`);
      }
      channel = node.channel;
    }
    if (!parent) {
      if (channel === undefined) issues.add([...path, 'channel'], 'missing_channel', `Top-level node "${node.code}" needs a channel`);
      else if (!channels.has(channel)) issues.add([...path, 'channel'], 'unknown_channel', `Channel "${channel}" is not declared in channels`);
      else perChannel.set(channel, (perChannel.get(channel) ?? 0) + toMicro(node.maxPoints));
    }
    const children = node.children ?? [];
    if (children.length > 0) {
      const sum = children.reduce((s, c) => s + toMicro(c.maxPoints), 0);
      if (sum !== toMicro(node.maxPoints)) {
        issues.add([...path, 'maxPoints'], 'sum_mismatch', `Node "${node.code}" is worth ${node.maxPoints} but its children sum to ${fromMicro(sum)}`);
      }
      if (node.rule) issues.add([...path, 'rule'], 'rule_on_parent', `Node "${node.code}" has children, so its points are their sum and it takes no rule`);
      children.forEach((c, i) => walk(c, [...path, 'children', i], node, channel));
    } else if (!node.rule) {
      issues.add([...path, 'rule'], 'missing_rule', `Leaf "${node.code}" needs a scoring rule`);
    } else {
      checkRule(node.rule, node.maxPoints, [...path, 'rule'], issues);
    }
  };
  framework.nodes.forEach((n, i) => walk(n, ['nodes', i], undefined, undefined));
  for (const [id, max] of channels) {
    const sum = perChannel.get(id) ?? 0;
    if (sum !== max) {
      issues.add(['channels', framework.channels.findIndex((c) => c.id === id), 'maxPoints'], 'channel_sum_mismatch',
        `Channel "${id}" carries ${fromMicro(max)} points but its top-level nodes sum to ${fromMicro(sum)}`);
    }
  }
  checkBands(framework.bands, issues);
}

function checkRule(rule: AnyScoringRule, maxPoints: number, path: Path, issues: IssueList): void {
  switch (rule.kind) {
    case 'manual': {
      const step = (rule as { step?: number }).step;
      if (step !== undefined && toMicro(maxPoints) % toMicro(step) !== 0) {
        issues.add([...path, 'step'], 'step_mismatch', `The maximum ${maxPoints} is not a whole number of steps of ${step}`);
      }
      break;
    }
    case 'ratioTiers':
    case 'countTiers': {
      const r = rule as { better: 'higher' | 'lower'; tiers: Tier[]; otherwise: number };
      if (rule.kind === 'ratioTiers') {
        r.tiers.forEach((t, i) => {
          if (t.threshold > 100) issues.add([...path, 'tiers', i, 'threshold'], 'threshold_out_of_range', `A ratio threshold is a percent, 0 to 100; got ${t.threshold}`);
        });
      } else {
        r.tiers.forEach((t, i) => {
          if (!Number.isInteger(t.threshold)) issues.add([...path, 'tiers', i, 'threshold'], 'threshold_not_integer', `A count threshold is a whole number; got ${t.threshold}`);
        });
      }
      checkTiers(r.tiers, r.better, r.otherwise, path, issues);
      break;
    }
    case 'linear': {
      const r = rule as { floorPercent: number; fullPercent: number };
      if (r.floorPercent >= r.fullPercent) {
        issues.add([...path, 'fullPercent'], 'invalid_interval', `fullPercent ${r.fullPercent} must be above floorPercent ${r.floorPercent}`);
      }
      break;
    }
    case 'timeliness': {
      const r = rule as { onTime: number; late: number; missing: number };
      if (!(r.onTime >= r.late && r.late >= r.missing)) {
        issues.add(path, 'tiers_not_monotone', 'Timeliness shares must not rise from on time to late to missing');
      }
      break;
    }
    default:
      break;
  }
}

/** Tiers are checked in order: each must be harder to reach than the next and earn at least as much. */
function checkTiers(tiers: readonly Tier[], better: 'higher' | 'lower', otherwise: number, path: Path, issues: IssueList): void {
  for (let i = 1; i < tiers.length; i++) {
    const prev = tiers[i - 1]!;
    const cur = tiers[i]!;
    const stricter = better === 'higher'
      ? prev.threshold > cur.threshold || (prev.threshold === cur.threshold && !prev.inclusive && cur.inclusive)
      : prev.threshold < cur.threshold || (prev.threshold === cur.threshold && !prev.inclusive && cur.inclusive);
    if (!stricter) {
      issues.add([...path, 'tiers', i, 'threshold'], 'tiers_not_monotone',
        `Tier ${i} must have a ${better === 'higher' ? 'lower' : 'higher'} threshold than tier ${i - 1} (listed from the best tier down)`);
    }
    if (cur.share > prev.share) {
      issues.add([...path, 'tiers', i, 'share'], 'tiers_not_monotone', `Tier ${i} earns more (${cur.share}) than the better tier ${i - 1} (${prev.share})`);
    }
  }
  const last = tiers[tiers.length - 1]!;
  if (otherwise > last.share) issues.add([...path, 'otherwise'], 'tiers_not_monotone', `otherwise (${otherwise}) earns more than the last tier (${last.share})`);
}

function checkBands(bands: readonly Band[], issues: IssueList): void {
  const ids = new Set<string>();
  bands.forEach((b, i) => {
    if (ids.has(b.id)) issues.add(['bands', i, 'id'], 'duplicate_band', `Band "${b.id}" is declared twice`);
    ids.add(b.id);
    if (b.maxPercentExclusive !== undefined && b.maxPercentExclusive <= b.minPercent) {
      issues.add(['bands', i, 'maxPercentExclusive'], 'invalid_interval', `Band "${b.id}" ends at or before it starts`);
    }
  });
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.minPercent - y.b.minPercent);
  const first = order[0]!;
  if (first.b.minPercent !== 0) issues.add(['bands', first.i, 'minPercent'], 'bands_gap', `No band covers 0% to ${first.b.minPercent}%`);
  for (let k = 0; k < order.length; k++) {
    const { b, i } = order[k]!;
    const next = order[k + 1];
    if (!next) {
      if (b.maxPercentExclusive !== undefined) issues.add(['bands', i, 'maxPercentExclusive'], 'bands_gap', `No band covers ${b.maxPercentExclusive}% to 100%`);
      break;
    }
    const end = b.maxPercentExclusive ?? 100;
    if (end < next.b.minPercent) issues.add(['bands', next.i, 'minPercent'], 'bands_gap', `No band covers ${end}% to ${next.b.minPercent}%`);
    if (end > next.b.minPercent || b.maxPercentExclusive === undefined) {
      issues.add(['bands', next.i, 'minPercent'], 'bands_overlap', `Bands "${b.id}" and "${next.b.id}" overlap at ${next.b.minPercent}%`);
    }
  }
}
