import { z } from 'zod';
import { CivilDateSchema, DEFAULT_OFFICE_HOURS, defaultCalendar, IssueList, parseWithSchema, PeriodSchema, toVietnamTime, type Calendar, type Period } from '@par/calendar';
import { appointmentBook, appointmentOf, outcomeAsOfMs, outcomeOf, type Appointment, type Outcome } from './appointment.js';
import { doneMsOf, expectsResult, extendedOutcomeAsOf, viewOf } from './evaluate.js';
import { ratesOf, serviceIndexGroups, sumCounts, tallyDossiers, type DossierCounts, type FigureDimension, type ServiceIndexGroup } from './figures.js';
import { InstantSchema } from './instant.js';
import { isParsedDocument, OneStopOptionsSchema, ProcessingTimeSchema, type Catalogue, type DossierExport, type ProcessingTime } from './records.js';

const optionFields = OneStopOptionsSchema.shape;

/** How appointments are counted: the calendar (default `defaultCalendar()`), office hours and the same-day cut-off (default 15:00). */
export interface ClockOptions {
  readonly calendar?: Calendar;
  readonly officeHours?: readonly (readonly [string, string])[];
  readonly sameDayCutoff?: string;
}

const ClockSchema = z.strictObject({
  calendar: z.custom<Calendar>((c) => typeof c === 'object' && c !== null && typeof (c as Calendar).addWorkingDays === 'function', { message: 'Expected a calendar from createCalendar' }).optional(),
  officeHours: optionFields.officeHours.unwrap().optional(),
  sameDayCutoff: optionFields.sameDayCutoff.unwrap().optional(),
});

const clockOf = (c: z.output<typeof ClockSchema>) => ({ calendar: c.calendar ?? defaultCalendar(), officeHours: c.officeHours ?? DEFAULT_OFFICE_HOURS, sameDayCutoff: c.sameDayCutoff ?? '15:00' });

const instantArg = z.union([z.date().transform((d) => d.getTime()), InstantSchema]);

/**
 * The appointment of a dossier received at an instant (a `Date`, or `YYYY-MM-DDTHH:MM` in Vietnam time unless it
 * has a zone) for a legal processing time, counted as OSS-05 and the guide say (`docs/one-stop.md`): working days
 * on the calendar from the receipt day (a day off counts from the next working day), calendar days moved off a day
 * off, the same day up to the cut-off (15:00 on the dot stays, 15:01 goes to the next working day), working hours to
 * the minute. Throws `ParValidationError` naming each bad argument by path.
 */
export function dossierAppointment(processingTime: ProcessingTime, receivedAt: Date | string, options: ClockOptions = {}): Appointment {
  const a = parseWithSchema('arguments of dossierAppointment', z.strictObject({ processingTime: ProcessingTimeSchema, receivedAt: instantArg, options: ClockSchema }), { processingTime, receivedAt, options });
  return appointmentOf(a.processingTime, a.receivedAt, clockOf(a.options));
}

/** The outcome (OSS-10) of a result returned at an instant against an appointment from {@link dossierAppointment}. */
export function classifyOutcome(appointment: Appointment, returnedAt: Date | string): Outcome {
  const a = parseWithSchema(
    'arguments of classifyOutcome',
    z.strictObject({ appointment: z.strictObject({ date: CivilDateSchema, dueMs: z.int() }), returnedAt: instantArg }),
    { appointment, returnedAt },
  );
  return outcomeOf(a.appointment, a.returnedAt);
}

/** Options of {@link dossierFigures}. */
export interface DossierFigureOptions extends ClockOptions {
  readonly period: Period;
  /** The instant the figures are taken at: nothing after it has happened yet. */
  readonly now: Date;
  /** Grouping, e.g. `['unit', 'procedure', 'month']`; none for one total. */
  readonly groupBy?: readonly FigureDimension[];
  /** OSS-13: legacy levels 1-4 mapped to NĐ 42/2022 levels (default: the plugin's default mapping, unconfirmed). */
  readonly legacyOnlineLevels?: z.input<typeof optionFields.legacyOnlineLevels>;
}

/** The figures of {@link dossierFigures}: per group and in total, with the rates and the QĐ 766 groups of the total. */
export interface DossierFigures {
  readonly rows: readonly { readonly key: Record<string, string>; readonly counts: DossierCounts; readonly rates: ReturnType<typeof ratesOf> }[];
  readonly total: { readonly counts: DossierCounts; readonly rates: ReturnType<typeof ratesOf>; readonly serviceIndex: ServiceIndexGroup[] | undefined };
}

/**
 * The figures the index and the portal use for a period, per group (unit, procedure, level, month): received,
 * online (toàn trình, một phần), postal, digitised, reused, paid online, rated and satisfied by the receipt day; the
 * results due by the original appointment with their outcomes (OSS-10, OSS-16), late ones with an apology and late
 * after an extension; with each group's rates, and the QĐ 766 groups of the total. `catalogue` and `dossiers` must
 * come from `parseCatalogue` and `parseDossierExport`; every dossier's procedure must be in the catalogue. Throws
 * `ParValidationError` naming each bad argument by path.
 */
export function dossierFigures(catalogue: Catalogue, dossiers: DossierExport, options: DossierFigureOptions): DossierFigures {
  const issues = new IssueList();
  if (!isParsedDocument(catalogue) || !('procedures' in (catalogue as object))) issues.add(['catalogue'], 'not_parsed', 'Expected a catalogue returned by parseCatalogue');
  if (!isParsedDocument(dossiers) || !('dossiers' in (dossiers as object))) issues.add(['dossiers'], 'not_parsed', 'Expected a dossier export returned by parseDossierExport');
  const r = z
    .strictObject({
      ...ClockSchema.shape,
      period: PeriodSchema,
      now: z.date(),
      groupBy: z.array(z.enum(['unit', 'procedure', 'level', 'month'])).default([]),
      legacyOnlineLevels: optionFields.legacyOnlineLevels,
    })
    .safeParse(options);
  if (!r.success) for (const i of r.error.issues) issues.add(['options', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], `schema.${i.code}`, i.message);
  issues.throwIfAny('arguments of dossierFigures');
  const procedures = new Map(catalogue.procedures.map((p) => [p.code, p]));
  dossiers.dossiers.forEach((d, i) => {
    if (!procedures.has(d.procedureCode)) issues.add(['dossiers', 'dossiers', i, 'procedureCode'], 'unknown_procedure', `Procedure ${d.procedureCode} is not in the catalogue`);
  });
  issues.throwIfAny('arguments of dossierFigures');
  const o = r.data!;
  const rows = tallyDossiers(dossiers.dossiers, procedures, appointmentBook(clockOf(o)), { period: o.period, nowMs: o.now.getTime(), groupBy: o.groupBy, config: o });
  const counts = sumCounts(rows);
  return {
    rows: rows.map((x) => ({ key: x.key as Record<string, string>, counts: x.counts, rates: ratesOf(x.counts) })),
    total: { counts, rates: ratesOf(counts), serviceIndex: serviceIndexGroups(counts, toVietnamTime(o.now).date) },
  };
}

/** One dossier's appointment and outcomes, as {@link dossierOutcomes} gives them. */
export interface DossierOutcome {
  readonly code: string;
  /** The original appointment (OSS-05); absent for a refused dossier. */
  readonly appointment: Appointment | undefined;
  /** Against the original appointment (OSS-10), as of `now`; `undefined` while open and not yet due. */
  readonly outcome: Outcome | undefined;
  /** Against the latest agreed extension, where there is one. */
  readonly extendedOutcome: Outcome | undefined;
}

/**
 * Every dossier's appointment and outcome class as of `now` (OSS-05, OSS-10). `catalogue` and `dossiers` must come
 * from `parseCatalogue` and `parseDossierExport`. Throws `ParValidationError` naming each bad argument by path.
 */
export function dossierOutcomes(catalogue: Catalogue, dossiers: DossierExport, options: ClockOptions & { readonly now: Date }): DossierOutcome[] {
  const issues = new IssueList();
  if (!isParsedDocument(catalogue) || !('procedures' in (catalogue as object))) issues.add(['catalogue'], 'not_parsed', 'Expected a catalogue returned by parseCatalogue');
  if (!isParsedDocument(dossiers) || !('dossiers' in (dossiers as object))) issues.add(['dossiers'], 'not_parsed', 'Expected a dossier export returned by parseDossierExport');
  const r = z.strictObject({ ...ClockSchema.shape, now: z.date() }).safeParse(options);
  if (!r.success) for (const i of r.error.issues) issues.add(['options', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], `schema.${i.code}`, i.message);
  issues.throwIfAny('arguments of dossierOutcomes');
  const procedures = new Map(catalogue.procedures.map((p) => [p.code, p]));
  dossiers.dossiers.forEach((d, i) => {
    if (!procedures.has(d.procedureCode)) issues.add(['dossiers', 'dossiers', i, 'procedureCode'], 'unknown_procedure', `Procedure ${d.procedureCode} is not in the catalogue`);
  });
  issues.throwIfAny('arguments of dossierOutcomes');
  const appoint = appointmentBook(clockOf(r.data!));
  const nowMs = r.data!.now.getTime();
  return dossiers.dossiers.map((d) => {
    const procedure = procedures.get(d.procedureCode)!;
    const appointment = d.receivedAt !== undefined && !d.refused ? appoint(procedure.processingTime, d.receivedAt) : undefined;
    const doneMs = doneMsOf(d);
    return {
      code: d.code,
      appointment,
      outcome: appointment && expectsResult(d) ? outcomeAsOfMs(appointment, doneMs, nowMs) : undefined,
      // a view only where an extension was agreed: a year is a million dossiers
      extendedOutcome: d.extensions.length > 0 ? extendedOutcomeAsOf(viewOf(d, procedure, appoint), nowMs) : undefined,
    };
  });
}
