import { z } from 'zod';
import { CivilDateSchema, IssueList, parseWithSchema, PeriodSchema, toVietnamTime } from '@par/calendar';
import type { PluginRunContext } from './plugin.js';

const ContextSchema = z.looseObject({ unitId: z.string().min(1), period: PeriodSchema, now: z.date(), referenceDate: CivilDateSchema });

/**
 * The context a plugin's check or metric provider was called with, once checked to be one the host builds: a unit
 * id, a period in its documented forms, a valid `now` and the reference date that is `now`'s date in Vietnam.
 * Otherwise `ParValidationError` (document `arguments of <fn>`) naming each bad field by path. Plugins call it first
 * in every `run` and `compute`, so that a hand-made context never yields a confident answer.
 */
export function checkPluginRunContext(fn: string, context: unknown): PluginRunContext {
  const c = parseWithSchema(`arguments of ${fn}`, z.strictObject({ context: ContextSchema }), { context });
  const today = toVietnamTime(c.context.now).date;
  if (today !== c.context.referenceDate) {
    const issues = new IssueList();
    issues.add(['context', 'referenceDate'], 'reference_date_mismatch', `The reference date ${c.context.referenceDate} is not the date of now in Vietnam (${today})`);
    issues.throwIfAny(`arguments of ${fn}`);
  }
  return context as PluginRunContext;
}
