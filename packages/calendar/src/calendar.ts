import { z } from 'zod';
import { argumentError, booleanProblem, dateProblem, fail, integerProblem, objectProblem, periodProblem, yearProblem, type Problem } from './arguments.js';
import { rangeOf, type CivilDate, type Period } from './civil-date.js';
import { civilFromDays, dayNumberOrNaN, daysFromCivil, FIRST_YEAR, formatDate, LAST_YEAR, monthLength } from './day-number.js';
import {
  HolidayLayersSchema,
  type HolidayBasis,
  type HolidayLayers,
  type HolidayRule,
  type HolidayRuleSet,
  type HolidaySchedule,
} from './holiday-schema.js';
import { ANNOUNCED_SCHEDULES, HOLIDAY_RULE_SETS, STATUTORY_HOLIDAY_RULES, WEEKLY_REST } from './holidays-vn.js';
import { lunarToSolarOrUndefined } from './lunar.js';
import { parseWithSchema } from './validate.js';

/** Why a day is not a working day. */
export type DayOffReason = 'weekend' | 'holiday' | 'compensatory' | 'swapped';

/** A holiday occasion: its id and names. */
export interface Occasion {
  readonly id: string;
  readonly name: { readonly vi: string; readonly en?: string | undefined };
}

/** Where a day off comes from: an `announced` schedule, a schedule `derivedFromRule`, or the rule alone (`byRule`). */
export type HolidaySource = 'announced' | 'derivedFromRule' | 'byRule';

/** Everything the calendar knows about one day. */
export interface DayInfo {
  readonly date: CivilDate;
  readonly working: boolean;
  /** Why it is not a working day; `null` on a working day. */
  readonly reason: DayOffReason | null;
  /** A Saturday worked in exchange for a swapped day (làm bù). */
  readonly makeUp: boolean;
  /** The holiday it belongs to, for holidays, compensatory and swapped days and make-up Saturdays. */
  readonly occasion?: Occasion;
  /** Whether that came from an `announced` schedule or only `byRule` (not announced). */
  readonly basis?: HolidaySource;
  /** The act that set this day off (or make-up day), where known. */
  readonly legalBasis?: HolidayBasis;
}

/** One day off of a year (see {@link Calendar.holidaysOf}). */
export interface HolidayDay {
  readonly date: CivilDate;
  /** `holiday`, `compensatory` (nghỉ bù) or `swapped` (hoán đổi, worked back on a make-up Saturday). */
  readonly kind: Exclude<DayOffReason, 'weekend'>;
  readonly occasion: Occasion;
  readonly basis: HolidaySource;
  /** The act that set it: the announcement, or the statutory provision (for a compensatory day by rule, the provision that gives it). */
  readonly legalBasis?: HolidayBasis;
}

/** How a year's holidays are known. */
export interface YearStatus {
  readonly year: number;
  /**
   * `announced` when every occasion was announced, `byRule` when none was, `partlyAnnounced` otherwise;
   * `noRules` when no rule set covers the whole year (the calendar refuses working-day arithmetic on its
   * uncovered days rather than count holidays as working days).
   */
  readonly status: 'announced' | 'partlyAnnounced' | 'byRule' | 'noRules';
  readonly occasions: readonly { readonly id: string; readonly basis: HolidaySource }[];
  /** The ids of the rule sets in force during the year. */
  readonly ruleSets: readonly string[];
}

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /**
   * The holiday layers: rule sets, statutory rules, announced schedules, weekly rest. Default: none, and then no
   * day is covered by rules: pass `DEFAULT_HOLIDAY_LAYERS` (with your own) or at least one rule set.
   */
  readonly layers?: unknown;
  /** Weekly rest days on every date, 0 = Sunday ... 6 = Saturday. Default: the layers' `weeklyRest` by date (Saturday and Sunday where none). */
  readonly weekend?: readonly number[];
  /** First year covered (1900-2100). Default 1900. */
  readonly fromYear?: number;
  /** Last year covered (1900-2100). Default 2100. */
  readonly toYear?: number;
}

const distinct = (days: readonly number[]) => new Set(days).size === days.length;
const YearSchema = z.int().min(FIRST_YEAR).max(LAST_YEAR);
const CalendarOptionsSchema = z
  .strictObject({
    layers: HolidayLayersSchema.optional(),
    weekend: z.array(z.int().min(0).max(6)).max(7).refine(distinct, { message: 'Expected distinct days' }).optional(),
    fromYear: YearSchema.optional(),
    toYear: YearSchema.optional(),
  })
  .refine((o) => (o.fromYear ?? FIRST_YEAR) <= (o.toYear ?? LAST_YEAR), { message: 'toYear is before fromYear', path: ['toYear'], when: (p) => p.issues.length === 0 });

const WORKING = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const COMPENSATORY = 3;
const SWAPPED = 4;
const MAKE_UP = 5;
const REASONS: readonly (DayOffReason | null)[] = [null, 'weekend', 'holiday', 'compensatory', 'swapped', null];
const BASES = [undefined, 'byRule', 'announced', 'derivedFromRule'] as const;

/**
 * Vietnamese working days for civil servants, from holiday layers: rule sets (which periods have known holidays,
 * and the act for each), the statutory rules (lunar ones computed, with the compensatory day when a holiday falls
 * on the weekly rest day), the schedules announced each year (which replace the rule for their occasion and year,
 * with swapped days and make-up Saturdays), and the weekly rest by date. Day tables are built once for the
 * covered years, so queries are constant-time.
 *
 * Every method checks its arguments and throws `ParValidationError` naming the argument: a date that is not a real
 * `YYYY-MM-DD` in the calendar's years (`not_a_date`, `impossible_date`, `out_of_range`, `outside_calendar`), a
 * date no rule set covers (`no_holiday_rules`), a count that is not a safe integer (`not_an_integer`), a period
 * not of its documented forms (`not_a_period`).
 */
export class Calendar {
  /** The layers this calendar was built from. */
  readonly layers: HolidayLayers;
  /** The weekly rest days given to {@link createCalendar} for every date, if any (else the layers' `weeklyRest` applies). */
  readonly weekend: readonly number[] | undefined;
  /** First and last covered year. */
  readonly range: { readonly fromYear: number; readonly toYear: number };
  private readonly base: number;
  private readonly size: number;
  private readonly codes: Uint8Array;
  private readonly occasion: Int16Array;
  private readonly basis: Uint8Array;
  private readonly act: Int16Array;
  private readonly occasions: Occasion[] = [];
  private readonly acts: HolidayBasis[] = [];
  /** uncovered[i]: days no rule set covers before day i (a day i is covered when uncovered[i] === uncovered[i + 1]). */
  private readonly uncovered: Int32Array;
  /** rank[i]: covered working days before day i. */
  private readonly rank: Int32Array;
  /** The day index of every covered working day, in order. */
  private readonly working: Int32Array;
  private readonly years = new Map<number, Map<string, HolidaySource>>();

  /**
   * Prefer {@link createCalendar} or {@link defaultCalendar}, which validate the layers.
   * @internal
   */
  constructor(layers: HolidayLayers, weekend: readonly number[] | undefined, fromYear: number, toYear: number) {
    this.layers = layers;
    this.weekend = weekend;
    this.range = { fromYear, toYear };
    this.base = daysFromCivil(fromYear, 1, 1);
    const size = (this.size = daysFromCivil(toYear, 12, 31) - this.base + 1);
    this.codes = new Uint8Array(size);
    this.occasion = new Int16Array(size).fill(-1);
    this.basis = new Uint8Array(size);
    this.act = new Int16Array(size).fill(-1);
    this.markWeeklyRest();
    this.applyLayers();
    this.uncovered = new Int32Array(size + 1);
    const covered = new Uint8Array(size);
    for (const set of layers.ruleSets) {
      const from = Math.max(0, dayOf(set.effectiveFrom) - this.base);
      const to = Math.min(size - 1, set.effectiveTo === undefined ? size - 1 : dayOf(set.effectiveTo) - this.base);
      covered.fill(1, from, to + 1);
    }
    this.rank = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      this.rank[i] = count;
      this.uncovered[i + 1] = this.uncovered[i]! + 1 - covered[i]!;
      if (covered[i] && this.isWorkingIndex(i)) count++;
    }
    this.rank[size] = count;
    this.working = new Int32Array(count);
    for (let i = 0, k = 0; i < size; i++) if (covered[i] && this.isWorkingIndex(i)) this.working[k++] = i;
  }

  private isWorkingIndex(i: number): boolean {
    const c = this.codes[i]!;
    return c === WORKING || c === MAKE_UP;
  }

  private isCovered(i: number): boolean {
    return this.uncovered[i] === this.uncovered[i + 1];
  }

  private markWeeklyRest(): void {
    // Saturday and Sunday before the first entry; entries in date order, a later layer winning on the same date
    const byDate = [...this.layers.weeklyRest].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    const entries = this.weekend
      ? [{ from: 0, days: this.weekend }]
      : [{ from: 0, days: [0, 6] }, ...byDate.map((w) => ({ from: dayOf(w.effectiveFrom) - this.base, days: w.days }))];
    const firstDow = (this.base + 25_575) % 7;
    for (let e = 0; e < entries.length; e++) {
      const rest = new Set(entries[e]!.days);
      const end = Math.min(this.size, e + 1 < entries.length ? entries[e + 1]!.from : this.size);
      for (let i = Math.max(0, entries[e]!.from); i < end; i++) this.codes[i] = rest.has((firstDow + i) % 7) ? WEEKEND : WORKING;
    }
  }

  /** Why a date argument cannot be used here, or `undefined`. */
  private problemWith(date: unknown): Problem | undefined {
    const problem = dateProblem(date);
    if (problem) return problem;
    const i = dayNumberOrNaN(date) - this.base;
    if (i < 0 || i >= this.size) return { code: 'outside_calendar', message: `${String(date)} is outside the calendar (${this.range.fromYear}-${this.range.toYear})` };
    if (!this.isCovered(i)) {
      return { code: 'no_holiday_rules', message: `No holiday rule set covers ${String(date)}: its working days are unknown (see yearStatus; add a rule set to the layers)` };
    }
    return undefined;
  }

  /** The day index of a date argument, covered by rules; throws naming `name` otherwise. */
  private at(fn: string, name: string, date: unknown): number {
    const i = dayNumberOrNaN(date) - this.base;
    if (i >= 0 && i < this.size && this.uncovered[i] === this.uncovered[i + 1]) return i;
    throw argumentError(fn, [[name, this.problemWith(date)]]);
  }

  private occasionIndex(occasion: Occasion): number {
    let i = this.occasions.findIndex((o) => o.id === occasion.id);
    if (i === -1) i = this.occasions.push({ id: occasion.id, name: occasion.name }) - 1;
    return i;
  }

  private actIndex(basis: HolidayBasis | undefined): number {
    if (!basis) return -1;
    const i = this.acts.indexOf(basis);
    return i === -1 ? this.acts.push(basis) - 1 : i;
  }

  private mark(day: number, code: number, occasion: number, basis: number, act: number): void {
    const i = day - this.base;
    if (i < 0 || i >= this.size) return;
    this.codes[i] = code;
    this.occasion[i] = occasion;
    this.basis[i] = basis;
    this.act[i] = act;
  }

  private ruleSetOn(date: CivilDate): HolidayRuleSet | undefined {
    return this.layers.ruleSets.findLast((s) => s.effectiveFrom <= date && (s.effectiveTo === undefined || date <= s.effectiveTo));
  }

  private applyLayers(): void {
    const schedules = new Map<string, HolidaySchedule>();
    for (const s of this.layers.schedules) schedules.set(`${s.year}:${s.occasion}`, s); // a later layer wins
    for (let year = this.range.fromYear; year <= this.range.toYear; year++) {
      const events: { anchor: CivilDate; rule: HolidayRule; schedule: HolidaySchedule | undefined }[] = [];
      for (const rule of this.layers.rules) {
        const anchor = anchorOf(rule, year);
        if (anchor === undefined || anchor < rule.effectiveFrom || (rule.effectiveTo !== undefined && anchor > rule.effectiveTo)) continue;
        events.push({ anchor, rule, schedule: schedules.get(`${year}:${rule.id}`) });
      }
      const status = new Map<string, HolidaySource>();
      // schedules for occasions that have no rule in force still apply (a province's own day off, say)
      for (const s of this.layers.schedules) {
        if (s.year === year && !events.some((e) => e.rule.id === s.occasion)) {
          this.applySchedule(s, this.occasionIndex({ id: s.occasion, name: { vi: s.occasion } }), s.legalBasis);
          status.set(s.occasion, s.status);
        }
      }
      events.sort((a, b) => (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0));
      for (const { anchor, rule, schedule } of events) {
        const occasion = this.occasionIndex(rule);
        if (schedule) {
          this.applySchedule(schedule, occasion, schedule.legalBasis ?? rule.legalBasis);
          status.set(rule.id, schedule.status);
          continue;
        }
        status.set(rule.id, 'byRule');
        const start = dayOf(anchor) + rule.startOffset;
        const act = this.actIndex(rule.legalBasis);
        let owed = 0;
        for (let day = start; day < start + rule.days; day++) {
          if (this.codes[day - this.base] === WEEKEND) owed++;
          this.mark(day, HOLIDAY, occasion, 1, act);
        }
        if (!rule.compensatory) continue;
        // a holiday on the weekly rest day is made up on the next working day(s): the rule set's provision
        const compensatoryAct = this.actIndex(this.ruleSetOn(anchor)?.compensatoryBasis ?? rule.legalBasis);
        for (let day = start + rule.days - 1; owed > 0; ) {
          day++;
          const i = day - this.base;
          if (i >= this.size) break;
          if (this.codes[i] !== WORKING) continue;
          this.mark(day, COMPENSATORY, occasion, 1, compensatoryAct);
          owed--;
        }
      }
      this.years.set(year, status);
    }
  }

  private applySchedule(s: HolidaySchedule, occasion: number, legalBasis: HolidayBasis | undefined): void {
    const basis = s.status === 'announced' ? 2 : 3;
    const act = this.actIndex(legalBasis);
    for (const d of s.daysOff) {
      this.mark(dayOf(d.date), d.kind === 'holiday' ? HOLIDAY : d.kind === 'compensatory' ? COMPENSATORY : SWAPPED, occasion, basis, act);
    }
    for (const d of s.makeUpDays) this.mark(dayOf(d), MAKE_UP, occasion, basis, act);
  }

  /** Everything known about a day: working or not, and why. */
  dayInfo(date: CivilDate): DayInfo {
    const i = this.at('dayInfo', 'date', date);
    const code = this.codes[i]!;
    const o = this.occasion[i]!;
    const b = BASES[this.basis[i]!];
    const a = this.act[i]!;
    return {
      date,
      working: code === WORKING || code === MAKE_UP,
      reason: REASONS[code]!,
      makeUp: code === MAKE_UP,
      ...(o >= 0 ? { occasion: this.occasions[o]! } : {}),
      ...(b ? { basis: b } : {}),
      ...(a >= 0 ? { legalBasis: this.acts[a]! } : {}),
    };
  }

  /** Whether civil servants work on this day. */
  isWorkingDay(date: CivilDate): boolean {
    return this.isWorkingIndex(this.at('isWorkingDay', 'date', date));
  }

  /**
   * The n-th working day after `date` (n > 0), or before it (n < 0); `date` itself when n is 0. Counting starts
   * the day after: a dossier received on Friday and due in 1 working day is due on Monday. `n` is a safe integer;
   * the count may not leave the calendar or cross days no rule set covers.
   */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    return this.add('addWorkingDays', date, n, 'n');
  }

  /** `addWorkingDays` for `fn`, whose argument `countArg` is blamed when the count leaves the calendar or its rules. */
  private add(fn: string, date: CivilDate, n: number, countArg: string): CivilDate {
    const i = dayNumberOrNaN(date) - this.base;
    if (!(i >= 0 && i < this.size && this.uncovered[i] === this.uncovered[i + 1]) || !Number.isSafeInteger(n)) {
      throw argumentError(fn, [['date', this.problemWith(date)], ['n', integerProblem(n)]]);
    }
    if (n === 0) return date;
    const k = n > 0 ? this.rank[i + 1]! + n - 1 : this.rank[i]! + n;
    const j = this.working[k]!; // undefined when k falls off either end
    if (!(this.uncovered[j] === this.uncovered[i])) {
      const gap = n < 0 ? this.uncovered[i]! > 0 : this.uncovered[this.size]! > this.uncovered[i + 1]!;
      if (gap) fail(fn, countArg, 'no_holiday_rules', `${n} working days from ${date} reach days no holiday rule set covers`);
      fail(fn, countArg, 'out_of_range', `${n} working days from ${date} fall outside the calendar`);
    }
    return civilFromDays(j + this.base);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: CivilDate, to: CivilDate): number {
    const i = dayNumberOrNaN(from) - this.base;
    const j = dayNumberOrNaN(to) - this.base;
    const ok = (x: number) => x >= 0 && x < this.size && this.uncovered[x] === this.uncovered[x + 1];
    if (!ok(i) || !ok(j)) throw argumentError('workingDaysBetween', [['from', this.problemWith(from)], ['to', this.problemWith(to)]]);
    if (this.uncovered[i] !== this.uncovered[j]) fail('workingDaysBetween', 'to', 'no_holiday_rules', `Between ${from} and ${to} lie days no holiday rule set covers`);
    return this.rank[j + 1]! - this.rank[i + 1]!;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: CivilDate): CivilDate {
    return this.add('nextWorkingDay', date, 1, 'date');
  }

  /** `date` itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: CivilDate): CivilDate {
    return this.isWorkingIndex(this.at('workingDayOnOrAfter', 'date', date)) ? date : this.add('workingDayOnOrAfter', date, 1, 'date');
  }

  /**
   * When a time limit ending with a period ends: its last day, or, when that is a day off, the next working day
   * (Civil Code 91/2015/QH13 Art. 148(5) as this package reads it; unconfirmed in the project sources, so
   * `moveOffDays: false` gives the plain last day).
   */
  periodDeadline(period: Period, options: { readonly moveOffDays?: boolean } = {}): CivilDate {
    const optionsBad = objectProblem(options);
    const moveBad = optionsBad || options.moveOffDays === undefined ? undefined : booleanProblem(options.moveOffDays);
    if (periodProblem(period) || optionsBad || moveBad) {
      throw argumentError('periodDeadline', [['period', periodProblem(period)], ['options', optionsBad], [['options', 'moveOffDays'], moveBad]]);
    }
    const end = rangeOf(period).end;
    if (options.moveOffDays === false) return end;
    return this.isWorkingIndex(this.at('periodDeadline', 'period', end)) ? end : this.add('periodDeadline', end, 1, 'period');
  }

  /** The n-th working day of a period (1 = first; -1 = last); `n` is a non-zero safe integer within the period's working days. */
  nthWorkingDay(period: Period, n: number): CivilDate {
    const nBad = integerProblem(n) ?? (n === 0 ? { code: 'out_of_range', message: 'Expected 1 or more (from the start) or -1 or less (from the end), not 0' } : undefined);
    if (periodProblem(period) || nBad) throw argumentError('nthWorkingDay', [['period', periodProblem(period)], ['n', nBad]]);
    const { start, end } = rangeOf(period);
    const s = this.at('nthWorkingDay', 'period', start);
    const e = this.at('nthWorkingDay', 'period', end);
    if (this.uncovered[s] !== this.uncovered[e]) fail('nthWorkingDay', 'period', 'no_holiday_rules', `No holiday rule set covers all of ${period}`);
    const first = this.rank[s]!;
    const afterLast = this.rank[e + 1]!;
    const k = n > 0 ? first + n - 1 : afterLast + n;
    if (k < first || k >= afterLast) fail('nthWorkingDay', 'n', 'out_of_range', `${period} has ${afterLast - first} working days; no working day ${n}`);
    return civilFromDays(this.working[k]! + this.base);
  }

  private yearIndex(fn: string, year: number): { first: number; last: number } {
    const bad = yearProblem(year, this.range.fromYear, this.range.toYear);
    if (bad) throw argumentError(fn, [['year', bad.code === 'out_of_range' ? { code: 'outside_calendar', message: `${year} is outside the calendar (${this.range.fromYear}-${this.range.toYear})` } : bad]]);
    return { first: daysFromCivil(year, 1, 1) - this.base, last: daysFromCivil(year, 12, 31) - this.base };
  }

  /** Whether a year's holidays come from announced schedules or only from the rules, or are unknown (`noRules`). */
  yearStatus(year: number): YearStatus {
    const { first, last } = this.yearIndex('yearStatus', year);
    const ruleSets = this.layers.ruleSets.filter((s) => s.effectiveFrom <= `${year}-12-31` && (s.effectiveTo === undefined || s.effectiveTo >= `${year}-01-01`)).map((s) => s.id);
    if (this.uncovered[first] !== this.uncovered[last + 1]) return { year, status: 'noRules', occasions: [], ruleSets };
    const occasions = [...this.years.get(year)!].map(([id, basis]) => ({ id, basis }));
    const announced = occasions.filter((o) => o.basis === 'announced').length;
    return { year, status: announced === 0 ? 'byRule' : announced === occasions.length ? 'announced' : 'partlyAnnounced', occasions, ruleSets };
  }

  /**
   * Every day off of a year other than the weekly rest (holidays, compensatory and swapped days, weekend days a
   * holiday falls on included), in date order, with its occasion, where it comes from and the act that set it.
   * Refuses a year no rule set fully covers.
   */
  holidaysOf(year: number): HolidayDay[] {
    const { first, last } = this.yearIndex('holidaysOf', year);
    if (this.uncovered[first] !== this.uncovered[last + 1]) fail('holidaysOf', 'year', 'no_holiday_rules', `No holiday rule set covers all of ${year}: its days off are unknown`);
    const out: HolidayDay[] = [];
    for (let i = first; i <= last; i++) {
      const code = this.codes[i]!;
      if (code !== HOLIDAY && code !== COMPENSATORY && code !== SWAPPED) continue;
      const a = this.act[i]!;
      out.push({
        date: civilFromDays(i + this.base),
        kind: REASONS[code] as HolidayDay['kind'],
        occasion: this.occasions[this.occasion[i]!]!,
        basis: BASES[this.basis[i]!]!,
        ...(a >= 0 ? { legalBasis: this.acts[a]! } : {}),
      });
    }
    return out;
  }

  /** A calendar with more layers: rule sets, rules and weekly rest are added, and a schedule replaces any earlier one for its year and occasion. */
  extend(layers: unknown): Calendar {
    const more = parseWithSchema('holiday layers', HolidayLayersSchema, layers);
    const l = this.layers;
    return new Calendar(
      {
        ruleSets: [...l.ruleSets, ...more.ruleSets],
        rules: [...l.rules, ...more.rules],
        schedules: [...l.schedules, ...more.schedules],
        weeklyRest: [...l.weeklyRest, ...more.weeklyRest],
      },
      this.weekend,
      this.range.fromYear,
      this.range.toYear,
    );
  }
}

/** The day number of a date the layers' schema has already checked. */
const dayOf = (date: CivilDate): number => dayNumberOrNaN(date);

function anchorOf(rule: HolidayRule, year: number): CivilDate | undefined {
  const { calendar, month, day } = rule.date;
  if (calendar === 'lunar') return lunarToSolarOrUndefined(year, month, day); // a lunar day 30 in a 29-day month: none that year
  return day <= monthLength(year, month) ? formatDate(year, month, day) : undefined;
}

/**
 * Builds a calendar from options (validated: bad options or layers throw `ParValidationError` naming every
 * problem by path, e.g. `layers.rules[0].id`). Pass `layers: DEFAULT_HOLIDAY_LAYERS` plus a host's own to extend
 * the default.
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const o = parseWithSchema('calendar options', CalendarOptionsSchema, options);
  const layers = o.layers ?? { ruleSets: [], rules: [], schedules: [], weeklyRest: [] };
  return new Calendar(layers, o.weekend, o.fromYear ?? FIRST_YEAR, o.toYear ?? LAST_YEAR);
}

/** The default layers: the rule sets from 1995, the statutory rules, the schedules announced for 2022-2026 and the weekly rest. */
export const DEFAULT_HOLIDAY_LAYERS: HolidayLayers = {
  ruleSets: [...HOLIDAY_RULE_SETS],
  rules: [...STATUTORY_HOLIDAY_RULES],
  schedules: [...ANNOUNCED_SCHEDULES],
  weeklyRest: [...WEEKLY_REST],
};

let defaultOne: Calendar | undefined;

/** The default Vietnamese civil-service calendar, 1900-2100 (built once, on first use); days before 1995 have no rules. */
export function defaultCalendar(): Calendar {
  return (defaultOne ??= createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS }));
}
