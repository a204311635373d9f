/**
 * `@par/calendar`: Vietnamese civil dates, the lunar calendar computed for UTC+7, public holidays in layers
 * (statutory rules, announced schedules, changes from a date) and working-day deadline arithmetic.
 *
 * @packageDocumentation
 */
export {
  CivilDateSchema,
  PeriodSchema,
  addDays,
  civilDate,
  clampedCivilDate,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isCivilDate,
  isPeriod,
  lastDayOfMonth,
  maxDate,
  minDate,
  periodRange,
  toDayNumber,
  type CivilDate,
  type Period,
} from './civil-date.js';
export { VIETNAM_TIME_ZONE, lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar.js';
export { ParValidationError, formatIssuePath, type ParIssue } from './par-validation-error.js';
export { IssueList, parseWithSchema } from './validate.js';
export {
  HolidayBasisSchema,
  HolidayLayersSchema,
  HolidayRuleSchema,
  HolidayRuleSetSchema,
  HolidayScheduleSchema,
  WeeklyRestSchema,
  type HolidayBasis,
  type HolidayLayers,
  type HolidayRule,
  type HolidayRuleSet,
  type HolidaySchedule,
  type WeeklyRest,
} from './holiday-schema.js';
export { ANNOUNCED_SCHEDULES, HOLIDAY_RULE_SETS, PENDING_HOLIDAY_RULES, STATUTORY_HOLIDAY_RULES, WEEKLY_REST } from './holidays-vn.js';
export {
  Calendar,
  DEFAULT_HOLIDAY_LAYERS,
  createCalendar,
  defaultCalendar,
  type CalendarOptions,
  type DayInfo,
  type DayOffReason,
  type HolidayDay,
  type HolidaySource,
  type Occasion,
  type YearStatus,
} from './calendar.js';
export {
  DEFAULT_OFFICE_HOURS,
  OfficeHoursSchema,
  VIETNAM_OFFSET_MINUTES,
  addWorkingHours,
  toVietnamTime,
  vietnamInstant,
  type OfficeHours,
  type VietnamTime,
} from './vietnam-time.js';
