import { z } from 'zod';
import { CivilDateSchema } from './civil-date.js';

/** Zod schema for the legal basis of a holiday rule or schedule. */
export const HolidayBasisSchema = z.strictObject({
  /** The act as cited, e.g. `Bộ luật Lao động 45/2019/QH14` or `245/VPCP-KGVX`. */
  document: z.string().trim().min(1),
  article: z.string().trim().min(1).optional(),
  verification: z.enum(['confirmed', 'partlyConfirmed', 'unconfirmed']).optional(),
  /** Where the citation was read. */
  source: z.string().trim().min(1).optional(),
});

/** The act a holiday rule or schedule rests on. */
export interface HolidayBasis extends z.output<typeof HolidayBasisSchema> {}

const occasionId = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, { message: 'Expected a camelCase occasion id' });
const name = z.strictObject({ vi: z.string().trim().min(1), en: z.string().trim().min(1).optional() });

/** Zod schema for a {@link HolidayRule}. */
export const HolidayRuleSchema = z.strictObject({
  /** The occasion: `newYear`, `tet`, `hungKings`, `victoryDay`, `labourDay`, `nationalDay`, or a host's own. */
  id: occasionId,
  name,
  /** The anchor date, in the solar or the lunar calendar. */
  date: z.strictObject({ calendar: z.enum(['solar', 'lunar']), month: z.int().min(1).max(12), day: z.int().min(1).max(31) }),
  /** Consecutive days off. */
  days: z.int().min(1).max(15),
  /** First day off relative to the anchor (-1: the day before, as Tết's eve). */
  startOffset: z.int().min(-15).max(15).default(0),
  /** Whether a day off falling on the weekly rest day moves to the next working day (nghỉ bù). */
  compensatory: z.boolean().default(true),
  effectiveFrom: CivilDateSchema,
  effectiveTo: CivilDateSchema.optional(),
  legalBasis: HolidayBasisSchema,
  note: z.string().optional(),
});

/** A statutory holiday: when it falls, how many days, from when it applies, and its legal basis. */
export interface HolidayRule extends z.output<typeof HolidayRuleSchema> {}

/** Zod schema for a {@link HolidaySchedule}. */
export const HolidayScheduleSchema = z.strictObject({
  year: z.int().min(1900).max(2200),
  /** The rule's occasion this schedule settles for the year. */
  occasion: occasionId,
  /** Days off on weekdays and holidays on weekends: `holiday`, `compensatory` (nghỉ bù) or `swapped` (hoán đổi). */
  daysOff: z.array(z.strictObject({ date: CivilDateSchema, kind: z.enum(['holiday', 'compensatory', 'swapped']) })),
  /** Saturdays worked in exchange for a swapped day (làm bù). */
  makeUpDays: z.array(CivilDateSchema).default([]),
  /** `announced` by the Government Office or the Ministry of Home Affairs, or `derivedFromRule` where none was found. */
  status: z.enum(['announced', 'derivedFromRule']),
  legalBasis: HolidayBasisSchema.optional(),
  note: z.string().optional(),
});

/** How one occasion of one year was actually taken by civil servants: days off and make-up Saturdays. */
export interface HolidaySchedule extends z.output<typeof HolidayScheduleSchema> {}

/** Zod schema for a {@link HolidayRuleSet}. */
export const HolidayRuleSetSchema = z
  .strictObject({
    /** e.g. `labourCode2012`. */
    id: occasionId,
    name,
    effectiveFrom: CivilDateSchema,
    /** Last day in force; open when absent. */
    effectiveTo: CivilDateSchema.optional(),
    /** The act whose list of holidays applies in this period. */
    legalBasis: HolidayBasisSchema,
    /** The provision giving the compensatory day (nghỉ bù) when a holiday falls on the weekly rest day. */
    compensatoryBasis: HolidayBasisSchema.optional(),
    note: z.string().optional(),
  })
  .refine((s) => s.effectiveTo === undefined || s.effectiveTo >= s.effectiveFrom, { message: 'effectiveTo is before effectiveFrom', path: ['effectiveTo'] });

/**
 * A period in which a legal act sets the list of public holidays. The calendar counts working days only on dates
 * some rule set covers: elsewhere it does not know the holidays, and says so instead of counting them as working days.
 */
export interface HolidayRuleSet extends z.output<typeof HolidayRuleSetSchema> {}

/** Zod schema for a {@link WeeklyRest}. */
export const WeeklyRestSchema = z.strictObject({
  effectiveFrom: CivilDateSchema,
  /** The weekly rest days from that date, 0 = Sunday ... 6 = Saturday. */
  days: z.array(z.int().min(0).max(6)).max(7).refine((d) => new Set(d).size === d.length, { message: 'Expected distinct days' }),
  legalBasis: HolidayBasisSchema.optional(),
  note: z.string().optional(),
});

/** The weekly rest days of state offices from a date (until the next entry). */
export interface WeeklyRest extends z.output<typeof WeeklyRestSchema> {}

/** Zod schema for a {@link HolidayLayers} document. */
export const HolidayLayersSchema = z.strictObject({
  /** The periods the rules cover (see {@link HolidayRuleSet}); a calendar with none counts no working days. */
  ruleSets: z.array(HolidayRuleSetSchema).default([]),
  rules: z.array(HolidayRuleSchema).default([]),
  schedules: z.array(HolidayScheduleSchema).default([]),
  /** The weekly rest days by date; Saturday and Sunday where none applies. */
  weeklyRest: z.array(WeeklyRestSchema).default([]),
});

/** Holiday rule sets, rules, schedules and weekly rest, as a host adds them (a province's announcement, a future year, a new holiday). */
export interface HolidayLayers extends z.output<typeof HolidayLayersSchema> {}
