import { addDays, clampedCivilDate, type CivilDate } from '@par/calendar';
import { ruleInForce } from '@par/core';
import type { Settlement } from './records.js';
import type { FinRuleVersion, ProjectGroup, SettlementLimits, TimeLimit } from './rules.js';

/**
 * `n` months after `date` by the one month rule of this package: the same day of the month, or the month's last
 * day when it has none (31/08 + 6 months = 28/02 or 29/02; 31/01 + 1 month = 28/02). Built on `@par/calendar`'s
 * `clampedCivilDate`, which owns the "or the month's end" part.
 */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const [year, month, day] = [Math.floor(total / 12), (total % 12) + 1, Number(date.slice(8, 10))];
  if (day <= 28 && year >= 1900 && year <= 2100) return `${year}-${month < 10 ? '0' : ''}${month}-${date.slice(8, 10)}`; // every month has days 1-28
  return clampedCivilDate(year, month, day);
}

/** The last day of a time limit that starts on `start`: months by {@link addMonths}, calendar days by `addDays`. */
export const limitEnd = (start: CivilDate, limit: TimeLimit): CivilDate => ('months' in limit ? addMonths(start, limit.months) : addDays(start, limit.days));

/** The steps of a completed project's settlement and their time limits. */
export type SettlementStep = 'preparation' | 'verification' | 'approval' | 'verificationAndApproval';

/** One step's deadline: when it started, when it is due (inclusive), when it was done, and the rule that sets it. */
export interface StepDeadline {
  readonly step: SettlementStep;
  readonly start: CivilDate;
  readonly due: CivilDate;
  readonly doneOn: CivilDate | undefined;
  readonly limit: TimeLimit;
  readonly rule: FinRuleVersion<unknown>;
}

/** The rule tables settlement deadlines are read from: NĐ 99/2021, its successor from 01/07/2026, and the legacy table. */
export interface SettlementRules {
  readonly current: readonly FinRuleVersion<{ limits: SettlementLimits }>[];
  readonly legacy: FinRuleVersion<{
    projectsBefore: string;
    preparation: Readonly<Record<ProjectGroup | 'economicTechnicalReport', number>>;
    verificationAndApproval: Readonly<Record<ProjectGroup | 'economicTechnicalReport', number>>;
  }>;
}

/**
 * The deadlines of a completed project's settlement steps that have started. Preparation runs from the hand-over
 * minutes until the verifying body receives a complete file; verification from that receipt until submission for
 * approval; approval from submission until the decision (FIN-08: NĐ 99/2021 Art. 47 by the step's start date, the
 * successor's limits from 01/07/2026). Projects decided before 2016 follow the legacy table (FIN-09): preparation,
 * then verification and approval together. A step whose start no version covers has no deadline.
 */
export function settlementDeadlines(s: Settlement, rules: SettlementRules): StepDeadline[] {
  const out: StepDeadline[] = [];
  const decidedOn = s.approvalDecision?.date;
  if (s.investmentDecidedOn < rules.legacy.params.projectsBefore) {
    const p = rules.legacy.params;
    const key = s.economicTechnicalReport ? 'economicTechnicalReport' : s.group;
    const push = (step: SettlementStep, start: CivilDate | undefined, monthsAllowed: number, doneOn: CivilDate | undefined) => {
      if (start) out.push({ step, start, due: addMonths(start, monthsAllowed), doneOn, limit: { months: monthsAllowed }, rule: rules.legacy });
    };
    push('preparation', s.handedOverOn, p.preparation[key], s.completeFileReceivedOn);
    push('verificationAndApproval', s.completeFileReceivedOn, p.verificationAndApproval[key], decidedOn);
    return out;
  }
  const steps: [SettlementStep, CivilDate | undefined, CivilDate | undefined][] = [
    ['preparation', s.handedOverOn, s.completeFileReceivedOn],
    ['verification', s.completeFileReceivedOn, s.approvalSubmittedOn],
    ['approval', s.approvalSubmittedOn, decidedOn],
  ];
  for (const [step, start, doneOn] of steps) {
    if (!start) continue;
    const rule = ruleInForce(rules.current, start) as FinRuleVersion<{ limits: SettlementLimits }> | undefined;
    if (!rule) continue;
    const limit = rule.params.limits[step as 'preparation'][s.group];
    out.push({ step, start, due: limitEnd(start, limit), doneOn, limit, rule });
  }
  return out;
}

/** Whether a step is overdue on `referenceDate`: not done by then and past its due date. */
export const isOverdue = (d: StepDeadline, referenceDate: CivilDate) => !(d.doneOn !== undefined && d.doneOn <= referenceDate) && referenceDate > d.due;

/** Whether a step was done, after its due date. */
export const wasLate = (d: StepDeadline, referenceDate: CivilDate) => d.doneOn !== undefined && d.doneOn <= referenceDate && d.doneOn > d.due;
