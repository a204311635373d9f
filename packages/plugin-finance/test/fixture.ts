import { createPar, type Finding } from '@par/core';
import { createFinancePlugin, type FinanceOptions } from '@par/plugin-finance';

type Allocation = NonNullable<FinanceOptions['allocations']>[number];
type Payment = NonNullable<FinanceOptions['disbursements']>[number];

/** `now` at 09:00 in Vietnam on a civil date. */
export const at = (date: string) => Date.parse(`${date}T09:00:00+07:00`);

/** A minimal allocation of a project (decided on 20/12 of the year before, detailed on 15/01), overridable. */
export const allocation = (over: Record<string, unknown> = {}) => {
  const planYear = (over['planYear'] as number | undefined) ?? 2024;
  return {
    id: 'A1',
    unitId: 'u1',
    planYear,
    capitalSource: 'local',
    budgetLevel: 'district',
    projectId: 'P1',
    group: 'C',
    amount: '1000000000',
    decision: { number: '01/QĐ-UBND', date: `${planYear - 1}-12-20` },
    denominator: 'locality',
    detailedOn: `${planYear}-01-15`,
    ...over,
  } as Allocation;
};

/** A payment of a project. */
export const pay = (date: string, amount: string, over: Record<string, unknown> = {}) => ({ unitId: 'u1', projectId: 'P1', planYear: 2024, date, amount, kind: 'payment', ...over }) as Payment;

/** Runs every check of a plugin built from `options` (JSON as a user writes it) for one unit on `date` (09:00 in Vietnam); returns the findings. */
export async function findings(options: object, date: string, unitId = 'u1', period = date.slice(0, 4)): Promise<Finding[]> {
  const par = createPar({ plugins: [createFinancePlugin(options as FinanceOptions)] });
  const all = await par.runChecks({ unitIds: [unitId], period, now: at(date) });
  const errors = all.filter((f) => f.kind === 'pluginError');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return all;
}

/** Runs the metrics for one unit on `date`; returns them by id. */
export async function metrics(options: object, date: string, unitId = 'u1', period = date.slice(0, 4)): Promise<Record<string, unknown>> {
  const par = createPar({ plugins: [createFinancePlugin(options as FinanceOptions)] });
  const run = await par.computeMetrics({ unitIds: [unitId], period, now: at(date) });
  if (run.errors.length > 0) throw new Error(JSON.stringify(run.errors));
  return Object.fromEntries(run.metrics.map((m) => [m.metricId, m.value]));
}

/** The findings of one rule, as [ruleId, severity, subject id, due date]. */
export const rows = (fs: readonly Finding[], ruleId?: string) => fs.filter((f) => !ruleId || f.ruleId === ruleId).map((f) => [f.ruleId, f.severity, f.subject.id, f.dueDate]);
