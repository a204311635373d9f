import { z } from 'zod';
import { parseWithSchema, PeriodSchema } from '@par/calendar';

const lineWriter = z.custom<(line: string) => void>((f) => typeof f === 'function', 'Expected a function that takes one line');
const RunCliArguments = z.strictObject({ args: z.array(z.string()), io: z.looseObject({ out: lineWriter, err: lineWriter }) });
const LoadWorkspaceArguments = z.strictObject({
  configPath: z.string().min(1),
  options: z.strictObject({ plugins: z.boolean().optional(), pluginTimeoutMs: z.int().positive().optional(), parts: z.array(z.enum(['assessments', 'directives', 'plugins'])).optional() }),
});

/** `runCli`'s own arguments (a list of strings, and writers for lines), or `ParValidationError` naming each. */
export function checkRunCliArguments(args: unknown, io: unknown): void {
  parseWithSchema('arguments of runCli', RunCliArguments, { args, io });
}

/** `loadWorkspace`'s own arguments (a file path, and its options), or `ParValidationError` naming each. */
export function checkLoadWorkspaceArguments(configPath: unknown, options: unknown): void {
  parseWithSchema('arguments of loadWorkspace', LoadWorkspaceArguments, { configPath, options });
}

const ContextSchema = z.looseObject({
  ws: z.looseObject({ registry: z.looseObject({}), frameworks: z.instanceof(Map) }),
  lang: z.enum(['vi', 'en']),
  json: z.boolean(),
  out: lineWriter,
});
const InstantSchema = z.date().refine((d) => Number.isFinite(d.getTime()), 'Expected a valid Date');

/**
 * The arguments of a function that takes a command context (`readTemplate`, `writeTemplate`, `renderReport`): the
 * context as `loadWorkspace` and the command build it, and the named others, or `ParValidationError` naming each.
 */
export function checkCommandArguments(fn: string, ctx: unknown, others: Record<string, { value: unknown; is: 'text' | 'period' | 'instant' }>): void {
  const shape: Record<string, z.ZodType> = { ctx: ContextSchema };
  const values: Record<string, unknown> = { ctx };
  for (const [name, { value, is }] of Object.entries(others)) {
    shape[name] = is === 'period' ? PeriodSchema : is === 'instant' ? InstantSchema : z.string().min(1);
    values[name] = value;
  }
  parseWithSchema(`arguments of ${fn}`, z.strictObject(shape), values);
}
