import { addDays, dayOfWeek, fromDayNumber, periodRange, toDayNumber, type CivilDate, type Period } from './civil-date.js';
import { HolidayLayersSchema, type HolidayLayers, type HolidayRule, type HolidaySchedule } from './holiday-schema.js';
import { ANNOUNCED_SCHEDULES, STATUTORY_HOLIDAY_RULES } from './holidays-vn.js';
import { lunarToSolar } from './lunar.js';
import { parseWithSchema } from './validate.js';

/** Why a day is not a working day. */
export type DayOffReason = 'weekend' | 'holiday' | 'compensatory' | 'swapped';

/** Everything the calendar knows about one day. */
export interface DayInfo {
  readonly date: CivilDate;
  readonly working: boolean;
  /** Why it is not a working day; `null` on a working day. */
  readonly reason: DayOffReason | null;
  /** A Saturday worked in exchange for a swapped day (làm bù). */
  readonly makeUp: boolean;
  /** The holiday it belongs to, for holidays, compensatory and swapped days and make-up Saturdays. */
  readonly occasion?: { readonly id: string; readonly name: { readonly vi: string; readonly en?: string | undefined } };
  /** Whether that came from an `announced` schedule or only `byRule` (not announced). */
  readonly basis?: 'announced' | 'derivedFromRule' | 'byRule';
}

/** How a year's holidays are known. */
export interface YearStatus {
  readonly year: number;
  /** `announced` when every occasion was announced, `byRule` when none was, `partlyAnnounced` otherwise. */
  readonly status: 'announced' | 'partlyAnnounced' | 'byRule';
  readonly occasions: readonly { readonly id: string; readonly basis: 'announced' | 'derivedFromRule' | 'byRule' }[];
}

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /** The holiday layers: statutory rules and announced schedules. Default: none (weekends only). */
  readonly layers?: unknown;
  /** Weekly rest days, 0 = Sunday ... 6 = Saturday. Default Saturday and Sunday (civil servants' week). */
  readonly weekend?: readonly number[];
  /** First year covered. Default 1900. */
  readonly fromYear?: number;
  /** Last year covered. Default 2100. */
  readonly toYear?: number;
}

const WORKING = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const COMPENSATORY = 3;
const SWAPPED = 4;
const MAKE_UP = 5;
const REASONS: readonly (DayOffReason | null)[] = [null, 'weekend', 'holiday', 'compensatory', 'swapped', null];
const BASES = [undefined, 'byRule', 'announced', 'derivedFromRule'] as const;

/**
 * Vietnamese working days for civil servants, from holiday layers: the statutory rules (lunar ones computed,
 * with the compensatory day of Labour Code Art. 111(3) when a holiday falls on the weekly rest day), the schedules
 * announced each year (which replace the rule for their occasion and year, with swapped days and make-up
 * Saturdays), and rules that take effect from a date. Day tables are built once for the covered years, so
 * queries are constant-time. Dates outside the covered years throw a `RangeError`.
 */
export class Calendar {
  /** The layers this calendar was built from. */
  readonly layers: HolidayLayers;
  /** The weekly rest days. */
  readonly weekend: readonly number[];
  /** First and last covered year. */
  readonly range: { readonly fromYear: number; readonly toYear: number };
  private readonly base: number;
  private readonly codes: Uint8Array;
  private readonly occasion: Int16Array;
  private readonly basis: Uint8Array;
  private readonly occasions: { id: string; name: HolidayRule['name'] }[] = [];
  /** rank[i]: working days before day i. */
  private readonly rank: Int32Array;
  /** The day index of every working day, in order. */
  private readonly working: Int32Array;
  private readonly years = new Map<number, Map<string, 'announced' | 'derivedFromRule' | 'byRule'>>();

  /**
   * Prefer {@link createCalendar} or {@link defaultCalendar}, which validate the layers.
   * @internal
   */
  constructor(layers: HolidayLayers, weekend: readonly number[], fromYear: number, toYear: number) {
    this.layers = layers;
    this.weekend = weekend;
    this.range = { fromYear, toYear };
    this.base = toDayNumber(`${String(fromYear).padStart(4, '0')}-01-01`);
    const size = toDayNumber(`${String(toYear).padStart(4, '0')}-12-31`) - this.base + 1;
    this.codes = new Uint8Array(size);
    this.occasion = new Int16Array(size).fill(-1);
    this.basis = new Uint8Array(size);
    const firstDow = dayOfWeek(fromDayNumber(this.base));
    const rest = new Set(weekend);
    for (let i = 0; i < size; i++) if (rest.has((firstDow + i) % 7)) this.codes[i] = WEEKEND;
    this.applyLayers();
    this.rank = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      this.rank[i] = count;
      const c = this.codes[i]!;
      if (c === WORKING || c === MAKE_UP) count++;
    }
    this.rank[size] = count;
    this.working = new Int32Array(count);
    for (let i = 0, k = 0; i < size; i++) if (this.isWorkingIndex(i)) this.working[k++] = i;
  }

  private isWorkingIndex(i: number): boolean {
    const c = this.codes[i]!;
    return c === WORKING || c === MAKE_UP;
  }

  private index(date: CivilDate): number {
    const i = toDayNumber(date) - this.base;
    if (i < 0 || i >= this.codes.length) {
      throw new RangeError(`${date} is outside the calendar (${this.range.fromYear}-${this.range.toYear})`);
    }
    return i;
  }

  private occasionIndex(rule: { id: string; name: HolidayRule['name'] }): number {
    let i = this.occasions.findIndex((o) => o.id === rule.id);
    if (i === -1) i = this.occasions.push({ id: rule.id, name: rule.name }) - 1;
    return i;
  }

  private mark(date: CivilDate, code: number, occasion: number, basis: number): void {
    const i = toDayNumber(date) - this.base;
    if (i < 0 || i >= this.codes.length) return;
    this.codes[i] = code;
    this.occasion[i] = occasion;
    this.basis[i] = basis;
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
      const status = new Map<string, 'announced' | 'derivedFromRule' | 'byRule'>();
      // schedules for occasions that have no rule in force still apply (a province's own day off, say)
      for (const s of this.layers.schedules) {
        if (s.year === year && !events.some((e) => e.rule.id === s.occasion)) {
          this.applySchedule(s, this.occasionIndex({ id: s.occasion, name: { vi: s.occasion } }));
          status.set(s.occasion, s.status);
        }
      }
      events.sort((a, b) => (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0));
      for (const { anchor, rule, schedule } of events) {
        const occasion = this.occasionIndex(rule);
        if (schedule) {
          this.applySchedule(schedule, occasion);
          status.set(rule.id, schedule.status);
          continue;
        }
        status.set(rule.id, 'byRule');
        const start = addDays(anchor, rule.startOffset);
        let owed = 0;
        for (let d = 0; d < rule.days; d++) {
          const date = addDays(start, d);
          const i = toDayNumber(date) - this.base;
          if (i >= 0 && i < this.codes.length && this.codes[i] === WEEKEND) owed++;
          this.mark(date, HOLIDAY, occasion, 1);
        }
        if (!rule.compensatory) continue;
        // Labour Code Art. 111(3): a holiday on the weekly rest day is made up on the next working day(s)
        for (let date = addDays(start, rule.days - 1); owed > 0; ) {
          date = addDays(date, 1);
          const i = toDayNumber(date) - this.base;
          if (i >= this.codes.length) break;
          if (this.codes[i] !== WORKING) continue;
          this.mark(date, COMPENSATORY, occasion, 1);
          owed--;
        }
      }
      this.years.set(year, status);
    }
  }

  private applySchedule(s: HolidaySchedule, occasion: number): void {
    const basis = s.status === 'announced' ? 2 : 3;
    for (const d of s.daysOff) this.mark(d.date, d.kind === 'holiday' ? HOLIDAY : d.kind === 'compensatory' ? COMPENSATORY : SWAPPED, occasion, basis);
    for (const d of s.makeUpDays) this.mark(d, MAKE_UP, occasion, basis);
  }

  /** Everything known about a day: working or not, and why. */
  dayInfo(date: CivilDate): DayInfo {
    const i = this.index(date);
    const code = this.codes[i]!;
    const o = this.occasion[i]!;
    const b = BASES[this.basis[i]!];
    return {
      date,
      working: code === WORKING || code === MAKE_UP,
      reason: REASONS[code]!,
      makeUp: code === MAKE_UP,
      ...(o >= 0 ? { occasion: this.occasions[o]! } : {}),
      ...(b ? { basis: b } : {}),
    };
  }

  /** Whether civil servants work on this day. */
  isWorkingDay(date: CivilDate): boolean {
    return this.isWorkingIndex(this.index(date));
  }

  /**
   * The n-th working day after `date` (n > 0), or before it (n < 0); `date` itself when n is 0. Counting starts
   * the day after: a dossier received on Friday and due in 1 working day is due on Monday.
   */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    const i = this.index(date);
    if (n === 0) return date;
    const k = n > 0 ? this.rank[i + 1]! + n - 1 : this.rank[i]! + n;
    if (k < 0 || k >= this.working.length) throw new RangeError(`${n} working days from ${date} fall outside the calendar`);
    return fromDayNumber(this.working[k]! + this.base);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: CivilDate, to: CivilDate): number {
    return this.rank[this.index(to) + 1]! - this.rank[this.index(from) + 1]!;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: CivilDate): CivilDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: CivilDate): CivilDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  /**
   * When a time limit ending with a period ends: its last day, or, when that is a day off, the next working day
   * (Civil Code 91/2015/QH13 Art. 148(5) as this package reads it; unconfirmed in the project sources, so
   * `moveOffDays: false` gives the plain last day).
   */
  periodDeadline(period: Period, options: { readonly moveOffDays?: boolean } = {}): CivilDate {
    const end = periodRange(period).end;
    return options.moveOffDays === false ? end : this.workingDayOnOrAfter(end);
  }

  /** The n-th working day of a period (1 = first; -1 = last). Throws a `RangeError` when the period has fewer. */
  nthWorkingDay(period: Period, n: number): CivilDate {
    const { start, end } = periodRange(period);
    const first = this.rank[this.index(start)]!;
    const afterLast = this.rank[this.index(end) + 1]!;
    const k = n > 0 ? first + n - 1 : afterLast + n;
    if (n === 0 || k < first || k >= afterLast) throw new RangeError(`${period} has ${afterLast - first} working days; no working day ${n}`);
    return fromDayNumber(this.working[k]! + this.base);
  }

  /** Whether a year's holidays come from announced schedules or only from the rules. */
  yearStatus(year: number): YearStatus {
    const status = this.years.get(year);
    if (!status) throw new RangeError(`${year} is outside the calendar (${this.range.fromYear}-${this.range.toYear})`);
    const occasions = [...status].map(([id, basis]) => ({ id, basis }));
    const announced = occasions.filter((o) => o.basis === 'announced').length;
    return { year, status: announced === 0 ? 'byRule' : announced === occasions.length ? 'announced' : 'partlyAnnounced', occasions };
  }

  /** A calendar with more layers: rules are added, and a schedule replaces any earlier one for its year and occasion. */
  extend(layers: unknown): Calendar {
    const more = parseWithSchema('holiday layers', HolidayLayersSchema, layers);
    return new Calendar(
      { rules: [...this.layers.rules, ...more.rules], schedules: [...this.layers.schedules, ...more.schedules] },
      this.weekend,
      this.range.fromYear,
      this.range.toYear,
    );
  }
}

function anchorOf(rule: HolidayRule, year: number): CivilDate | undefined {
  const { calendar, month, day } = rule.date;
  try {
    if (calendar === 'lunar') return lunarToSolar({ year, month, day, leap: false });
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return fromDayNumber(toDayNumber(date)) === date ? date : undefined;
  } catch {
    return undefined; // a lunar day 30 in a 29-day month: no holiday that year
  }
}

/**
 * Builds a calendar from holiday layers (validated: a bad layer throws `ParValidationError` naming every problem).
 * Pass `layers: DEFAULT_HOLIDAY_LAYERS` plus a host's own to extend the default.
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const layers = parseWithSchema('holiday layers', HolidayLayersSchema, options.layers ?? {});
  const weekend = options.weekend ?? [0, 6];
  return new Calendar(layers, weekend, options.fromYear ?? 1900, options.toYear ?? 2100);
}

/** The default layers: the statutory rules and the schedules announced for 2022-2026. */
export const DEFAULT_HOLIDAY_LAYERS: HolidayLayers = { rules: [...STATUTORY_HOLIDAY_RULES], schedules: [...ANNOUNCED_SCHEDULES] };

let defaultOne: Calendar | undefined;

/** The default Vietnamese civil-service calendar, 1900-2100 (built once, on first use). */
export function defaultCalendar(): Calendar {
  return (defaultOne ??= createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS }));
}
