import { fromDayNumber, toDayNumber, type CivilDate } from '@par/calendar';
import { outcomeAsOfMs, vietnamDay, type Appointment, type Outcome } from './appointment.js';
import type { DossierRecord, OneStopConfig, Procedure } from './records.js';
import { FORM_SETS, ONE_STOP_REGIMES, type FormSetName } from './rules.js';

/** The regime and form set a dossier falls under, by its receipt date (`rules.md` §5.1, §5.3). */
export interface Regime {
  readonly regime: '2018' | '2025';
  /** The form set; between 01/07/2025 and 14/09/2025 the option `interimForms` (unconfirmed). */
  readonly forms: FormSetName;
}

/** The regime on a receipt date; `undefined` before the 2018 decree. */
export function regimeOn(date: CivilDate, interimForms: FormSetName): Regime | undefined {
  const r = ONE_STOP_REGIMES.find((x) => x.effectiveFrom <= date && (!('effectiveTo' in x) || date <= x.effectiveTo));
  if (!r) return undefined;
  if (r.regime === '2018') return { regime: '2018', forms: 'TT01/2018' };
  return { regime: '2025', forms: date < '2025-09-15' ? interimForms : 'TT03/2025' };
}

/** The number of a form kind in a form set (`01`..`07`), or `undefined` where the set has none (a stop notice in 2018). */
export const formNumber = (forms: FormSetName, kind: keyof (typeof FORM_SETS)['TT03/2025']): string | undefined => FORM_SETS[forms][kind];

/** A dossier with what the rules derive from it. */
export interface DossierView {
  readonly dossier: DossierRecord;
  readonly procedure: Procedure;
  /** The day the rules are taken from: the receipt day (the submission day for a refused dossier). */
  readonly receiptDate: CivilDate;
  /** The original appointment (OSS-05), for a received dossier. */
  readonly appointment: Appointment | undefined;
  /** The latest agreed extension's date, reported beside the original (OSS-10). */
  readonly extendedTo: CivilDate | undefined;
  /** When the result was returned (a dossier resolved on the spot: when it was received). */
  readonly doneMs: number | undefined;
}

/** When a dossier's result was returned (one resolved on the spot: when it was received), if it was. */
export const doneMsOf = (d: DossierRecord): number | undefined => d.returnedAt ?? (d.resolvedOnTheSpot ? d.receivedAt : undefined);

/** Whether a dossier is due to produce a result: received, not refused, not stopped. */
export const expectsResult = (d: DossierRecord): boolean => d.receivedAt !== undefined && !d.refused && d.stoppedAt === undefined;

/** The outcome against the original appointment as of an instant: returned early, on time or late, late while still open, or `undefined` (open, not yet due). */
export function outcomeAsOf(v: DossierView, asOfMs: number): Outcome | undefined {
  return v.appointment && expectsResult(v.dossier) ? outcomeAsOfMs(v.appointment, v.doneMs, asOfMs) : undefined;
}

/** The outcome against the extended appointment, where an extension was agreed (OSS-10: reported beside the original). */
export function extendedOutcomeAsOf(v: DossierView, asOfMs: number): Outcome | undefined {
  if (!v.extendedTo || !v.appointment) return undefined;
  const dueMs = (toDayNumber(v.extendedTo) + 1) * 86_400_000 - 7 * 3_600_000 - 1;
  return outcomeAsOfMs({ date: v.extendedTo, dueMs: Math.max(dueMs, v.appointment.dueMs) }, v.doneMs, asOfMs);
}

/** Builds the view of one dossier (its procedure must be in the catalogue). */
export function viewOf(d: DossierRecord, procedure: Procedure, appoint: (time: Procedure['processingTime'], ms: number) => Appointment): DossierView {
  const appointment = d.receivedAt !== undefined && !d.refused ? appoint(procedure.processingTime, d.receivedAt) : undefined;
  const extendedTo = d.extensions.length ? d.extensions.reduce((a, e) => (e.newAppointment > a ? e.newAppointment : a), d.extensions[0]!.newAppointment) : undefined;
  return { dossier: d, procedure, receiptDate: dateOfDay(vietnamDay(d.receivedAt ?? d.submittedAt)), appointment, extendedTo, doneMs: doneMsOf(d) };
}

const dates = new Map<number, CivilDate>();
/** The civil date of a day number, memoised (a year of dossiers has a few hundred receipt days). */
const dateOfDay = (day: number): CivilDate => {
  let s = dates.get(day);
  if (s === undefined) dates.set(day, (s = fromDayNumber(day)));
  return s;
};

/** The online level of a procedure under NĐ 42/2022, legacy levels mapped by the options. */
export const onlineLevelOf = (p: Procedure, o: Pick<OneStopConfig, 'legacyOnlineLevels'>) => (typeof p.onlineLevel === 'number' ? o.legacyOnlineLevels[p.onlineLevel] : p.onlineLevel);
