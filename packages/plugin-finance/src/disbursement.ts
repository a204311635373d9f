import { IssueList, lastDayOfMonth, type CivilDate } from '@par/calendar';
import { isParsedFinanceConfig, type FinanceConfig } from './records.js';
import type { Ratio } from './money.js';

/**
 * The cut-offs of a plan year (FIN-04): the last day of each month of the year (which include 31/03, 30/06, 30/09
 * and 31/12), then 31/01 of the next year, the end of the year-end adjustment period (FIN-11) and of the window
 * (FIN-01): thirteen dates.
 */
export function cutOffsOf(planYear: number): CivilDate[] {
  return [...Array.from({ length: 12 }, (_, m) => lastDayOfMonth(planYear, m + 1)), `${planYear + 1}-01-31`];
}

/** One unit's plan and cumulative disbursement at each cut-off of a year, in exact đồng. */
export interface UnitLedger {
  readonly unitId: string;
  /** The plan capital: allocations and supplements of the chosen denominator. */
  readonly plan: bigint;
  /** Cumulative net disbursement (payments and advances, less advance recoveries) at each of the 13 cut-offs. */
  readonly cumulative: readonly bigint[];
}

const LIMB = 67_108_864; // 2^26: an amount below 2^53 splits into two limbs below 2^27 and 2^26
const LIMB_BIG = 67_108_864n;
const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Every unit's plan and cumulative disbursement at the 13 cut-offs of `planYear`, with the plan of `denominator`
 * (FIN-04). Disbursements count from 01/01 of the plan year to 31/01 of the next; advances count as disbursed and
 * their recoveries are subtracted (a recovered advance is counted once, in the payment that settles it).
 *
 * Every sum is exact. Amounts below 2^53 are added as two integer limbs of 26 bits in typed arrays (each limb sum
 * stays below 2^53 for up to 2^26 transactions, so no floating-point rounding can occur) and joined as `bigint` at
 * the end; larger amounts, or more transactions, are added as `bigint` directly.
 */
export function unitLedgers(config: FinanceConfig, planYear: number, denominator: FinanceConfig['denominator'] = config.denominator): Map<string, UnitLedger> {
  const issues = new IssueList();
  if (!isParsedFinanceConfig(config)) issues.add(['config'], 'not_parsed', 'Expected options returned by parseFinanceOptions');
  if (!Number.isSafeInteger(planYear) || planYear < 1990 || planYear > 2100) issues.add(['planYear'], 'invalid_year', `Expected a plan year from 1990 to 2100, got ${String(planYear)}`);
  if (denominator !== 'locality' && denominator !== 'primeMinister') issues.add(['denominator'], 'invalid_denominator', "Expected 'locality' or 'primeMinister'");
  issues.throwIfAny('arguments of unitLedgers');
  const plans = new Map<string, bigint>();
  const projects = new Set<string>();
  for (const a of config.allocations) {
    if (a.planYear !== planYear || a.denominator !== denominator) continue;
    plans.set(a.unitId, (plans.get(a.unitId) ?? 0n) + a.amount);
    projects.add(a.projectId);
  }
  for (const s of config.supplements) {
    if (s.planYear === planYear && s.denominator === denominator) plans.set(s.unitId, (plans.get(s.unitId) ?? 0n) + s.amount);
  }
  const first = `${planYear}-01-01`;
  const yearEnd = `${planYear}-12-31`;
  const last = `${planYear + 1}-01-31`;
  const limbs = config.disbursements.length <= LIMB;
  // parsing refuses a disbursement of a project the plan year does not allocate, so the project test is only
  // needed when some of the year's projects belong to the other denominator's plan
  const mixed = config.allocations.some((a) => a.planYear === planYear && a.denominator !== denominator);
  const unitIndex = new Map<string, number>();
  let hi = new Float64Array(13 * 256);
  let lo = new Float64Array(13 * 256);
  const big = new Map<number, bigint>(); // bucket -> bigint part
  for (const d of config.disbursements) {
    const date = d.date;
    if (d.planYear !== planYear || date < first || date > last || (mixed && !projects.has(d.projectId))) continue;
    let u = unitIndex.get(d.unitId);
    if (u === undefined) {
      unitIndex.set(d.unitId, (u = unitIndex.size));
      if ((u + 1) * 13 > hi.length) {
        const [h, l] = [new Float64Array(hi.length * 2), new Float64Array(lo.length * 2)];
        h.set(hi);
        l.set(lo);
        [hi, lo] = [h, l];
      }
    }
    const b = u * 13 + (date <= yearEnd ? (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 49 : 12);
    const recovery = d.kind === 'advanceRecovery';
    if (limbs && d.amount <= SAFE_BIG) {
      const n = recovery ? -Number(d.amount) : Number(d.amount); // amounts are non-negative: the schema says so
      const h = Math.trunc(n / LIMB);
      hi[b]! += h;
      lo[b]! += n - h * LIMB;
    } else big.set(b, (big.get(b) ?? 0n) + (recovery ? -d.amount : d.amount));
  }
  const out = new Map<string, UnitLedger>();
  for (const unitId of new Set([...plans.keys(), ...unitIndex.keys()])) {
    const u = unitIndex.get(unitId);
    const cumulative: bigint[] = [];
    let run = 0n;
    for (let i = 0; i < 13; i++) {
      if (u !== undefined) {
        const b = u * 13 + i;
        run += BigInt(hi[b]!) * LIMB_BIG + BigInt(lo[b]!) + (big.get(b) ?? 0n);
      }
      cumulative.push(run);
    }
    out.set(unitId, { unitId, plan: plans.get(unitId) ?? 0n, cumulative });
  }
  return out;
}

/** The rate of a ledger at cut-off `i`, or `undefined` when the plan is zero. */
export const rateAt = (l: UnitLedger, i: number): Ratio | undefined => (l.plan > 0n ? { numerator: l.cumulative[i]!, denominator: l.plan } : undefined);

/** The index of the last cut-off of `planYear` that is over on `date`, i.e. before it (-1 when none is). */
export function lastCutOffIndex(planYear: number, date: CivilDate): number {
  const cuts = cutOffsOf(planYear);
  let i = -1;
  while (i + 1 < cuts.length && cuts[i + 1]! < date) i++;
  return i;
}

/** Net disbursed amount per project of a plan year up to a date (inclusive), from 01/01 of the plan year. */
export function disbursedByProject(config: FinanceConfig, unitId: string, planYear: number, upTo: CivilDate): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const d of config.disbursements) {
    if (d.unitId !== unitId || d.planYear !== planYear || d.date > upTo || d.date < `${planYear}-01-01`) continue;
    out.set(d.projectId, (out.get(d.projectId) ?? 0n) + (d.kind === 'advanceRecovery' ? -d.amount : d.amount));
  }
  return out;
}

/** Plan capital per project of a plan year on a date: allocations and supplements decided by then, with adjustments in and out. */
export function planByProject(config: FinanceConfig, unitId: string, planYear: number, on: CivilDate, denominator: FinanceConfig['denominator'] = config.denominator): Map<string, bigint> {
  const out = new Map<string, bigint>();
  const add = (p: string, x: bigint) => out.set(p, (out.get(p) ?? 0n) + x);
  for (const a of config.allocations) if (a.unitId === unitId && a.planYear === planYear && a.denominator === denominator && a.decision.date <= on) add(a.projectId, a.amount);
  for (const s of config.supplements) if (s.unitId === unitId && s.planYear === planYear && s.denominator === denominator && s.decision.date <= on) add(s.projectId, s.amount);
  for (const a of config.adjustments) {
    if (a.unitId !== unitId || a.planYear !== planYear || a.decision.date > on) continue;
    add(a.fromProjectId, -a.amount);
    add(a.toProjectId, a.amount);
  }
  return out;
}
