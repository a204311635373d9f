import { deepFreeze } from '../shared/deep-freeze.js';
import { markParsed } from '../shared/parsed.js';
import { IssueList, parseWithSchema } from '@par/calendar';
import { checkFramework } from './framework-checks.js';
import { FrameworkSchema, makeFrameworkSchema, type Framework } from './framework-schema.js';
import type { RuleKindSchema } from './scoring-rule.js';

/** Options for parsing frameworks whose leaves use plugin rule kinds. */
export interface FrameworkParseOptions {
  /** Extra rule kinds (each a zod object with a literal `kind`), added to the built-in ones. */
  readonly ruleSchemas?: readonly RuleKindSchema[];
}

/**
 * Validates a framework: its shape, then the rules beyond it: unique codes that extend their parent's,
 * parents worth exactly the sum of their children, a rule on every leaf and none on parents, channels
 * declared and summing to the scale, bands covering 0-100% with no gap or overlap, tiered rules monotone.
 * Throws {@link ParValidationError} naming every problem with its path (e.g. `nodes[0].children[2].maxPoints`).
 * The framework returned is frozen: it is versioned data.
 */
export function parseFramework(input: unknown, options: FrameworkParseOptions = {}): Framework {
  const schema = options.ruleSchemas?.length ? makeFrameworkSchema(options.ruleSchemas) : FrameworkSchema;
  const framework = parseWithSchema('framework', schema, input) as unknown as Framework;
  const issues = new IssueList();
  checkFramework(framework, issues);
  issues.throwIfAny('framework');
  return markParsed(deepFreeze(framework));
}
