import { z } from 'zod';
import { CivilDateSchema, IssueList, type CivilDate } from '@par/calendar';
import { configureRules } from './configured-rules.js';
import { cutOffsOf, lastCutOffIndex, rateAt, unitLedgers } from './disbursement.js';
import { formatDong, formatRatePercent, type Ratio } from './money.js';
import { isParsedFinanceConfig, type FinanceConfig } from './records.js';

/** One point of a unit's disbursement curve: the cumulative amount and rate at a cut-off. */
export interface CurvePoint {
  readonly cutOff: CivilDate;
  readonly disbursed: bigint;
  readonly rate: Ratio;
  /** The rate printed once, half up to two decimals. */
  readonly ratePercent: string;
}

/** A unit's disbursement curve for a plan year up to a reference date, with the target path and a projection. */
export interface DisbursementCurve {
  readonly unitId: string;
  readonly planYear: number;
  readonly denominator: FinanceConfig['denominator'];
  readonly plan: bigint;
  readonly planText: string;
  /** The cut-offs passed by the reference date. */
  readonly points: readonly CurvePoint[];
  /** The targets of the year (FIN-05) as the path to compare the curve with. */
  readonly targetPath: readonly { readonly cutOff: CivilDate; readonly percent: string }[];
  /**
   * The rate at 31/01 of the next year projected from the months so far: the rate now plus the remaining months
   * times the mean monthly gain, with the slowest and fastest monthly gains so far as its range. Absent before the
   * first month-end and once the year is over.
   */
  readonly projection?: { readonly percent: string; readonly low: string; readonly high: string; readonly monthsObserved: number };
}

/** The units of a plan year ranked by their rate at the last cut-off passed (highest first; ties share a rank). */
export interface RankedRate {
  readonly rank: number;
  readonly unitId: string;
  readonly cutOff: CivilDate;
  readonly rate: Ratio;
  readonly ratePercent: string;
}

const ArgsSchema = z.strictObject({ planYear: z.int().min(1990).max(2100), referenceDate: CivilDateSchema, unitIds: z.array(z.string().min(1)).optional(), denominator: z.enum(['primeMinister', 'locality']).optional() });

/** The arguments of {@link disbursementCurves} and {@link rankUnitsByRate}; `denominator` defaults to the options' one. */
export interface CurveArgs {
  readonly planYear: number;
  readonly referenceDate: CivilDate;
  readonly unitIds?: readonly string[];
  readonly denominator?: FinanceConfig['denominator'];
}

function check(fn: string, config: unknown, args: unknown): z.output<typeof ArgsSchema> {
  const issues = new IssueList();
  if (!isParsedFinanceConfig(config)) issues.add(['config'], 'not_parsed', 'Expected options returned by parseFinanceOptions');
  const r = ArgsSchema.safeParse(args);
  if (!r.success) for (const i of r.error.issues) issues.add(['args', ...(i.path as (string | number)[])], i.code, i.message);
  issues.throwIfAny(`arguments of ${fn}`);
  return r.data!;
}

const cmp = (a: Ratio, b: Ratio) => {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
};

/**
 * Each unit's cumulative disbursement rate by month against the target path, with a projection of the year-end
 * rate. `config` must come from `parseFinanceOptions`; `args` is `{ planYear, referenceDate, unitIds?, denominator? }` (FIN-04:
 * reports state which plan they divide by; the default is the options' `denominator`). Throws
 * `ParValidationError` naming every bad argument by path.
 */
export function disbursementCurves(config: FinanceConfig, args: CurveArgs): DisbursementCurve[] {
  const a = check('disbursementCurves', config, args);
  const cuts = cutOffsOf(a.planYear);
  const last = lastCutOffIndex(a.planYear, a.referenceDate);
  const targets = configureRules(config).targets(a.planYear);
  const ledgers = [...unitLedgers(config, a.planYear, a.denominator).values()].filter((l) => l.plan > 0n && (!a.unitIds || a.unitIds.includes(l.unitId)));
  return ledgers
    .sort((x, y) => (x.unitId < y.unitId ? -1 : 1))
    .map((l) => {
      const points = cuts.slice(0, last + 1).map((cutOff, i) => {
        const rate = rateAt(l, i)!;
        return { cutOff, disbursed: l.cumulative[i]!, rate, ratePercent: formatRatePercent(rate) };
      });
      let projection: DisbursementCurve['projection'];
      if (last >= 0 && last < 12) {
        const gains = points.map((p, i) => p.disbursed - (i === 0 ? 0n : points[i - 1]!.disbursed));
        const remaining = BigInt(12 - last);
        const n = BigInt(gains.length);
        const now = l.cumulative[last]!;
        const sum = gains.reduce((s, g) => s + g, 0n);
        const [min, max] = gains.reduce(([lo, hi], g) => [g < lo ? g : lo, g > hi ? g : hi], [gains[0]!, gains[0]!]);
        const at = (extra: Ratio) => formatRatePercent({ numerator: now * extra.denominator + extra.numerator, denominator: l.plan * extra.denominator });
        projection = {
          percent: at({ numerator: sum * remaining, denominator: n }),
          low: at({ numerator: (min < 0n ? 0n : min) * remaining, denominator: 1n }),
          high: at({ numerator: (max < 0n ? 0n : max) * remaining, denominator: 1n }),
          monthsObserved: gains.length,
        };
      }
      return {
        unitId: l.unitId,
        planYear: a.planYear,
        denominator: a.denominator ?? config.denominator,
        plan: l.plan,
        planText: formatDong(l.plan),
        points,
        targetPath: targets.map((t) => ({ cutOff: t.cutOff, percent: formatRatePercent({ numerator: t.percent.numerator, denominator: t.percent.denominator * 100n }) })),
        ...(projection && { projection }),
      };
    });
}

/** The units ranked by their rate at the last cut-off passed by the reference date; same arguments as {@link disbursementCurves}. */
export function rankUnitsByRate(config: FinanceConfig, args: CurveArgs): RankedRate[] {
  const a = check('rankUnitsByRate', config, args);
  const last = lastCutOffIndex(a.planYear, a.referenceDate);
  if (last < 0) return [];
  const cutOff = cutOffsOf(a.planYear)[last]!;
  const rows = [...unitLedgers(config, a.planYear, a.denominator).values()]
    .filter((l) => l.plan > 0n && (!a.unitIds || a.unitIds.includes(l.unitId)))
    .map((l) => ({ unitId: l.unitId, rate: rateAt(l, last)! }))
    .sort((x, y) => cmp(y.rate, x.rate) || (x.unitId < y.unitId ? -1 : 1));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || cmp(rows[i - 1]!.rate, r.rate) !== 0) rank = i + 1;
    return { rank, unitId: r.unitId, cutOff, rate: r.rate, ratePercent: formatRatePercent(r.rate) };
  });
}
