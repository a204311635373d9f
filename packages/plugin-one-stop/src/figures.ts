import { fromDayNumber, periodRange, toDayNumber, type CivilDate, type Period } from '@par/calendar';
import { ruleInForce } from '@par/core';
import { outcomeAsOfMs, vietnamDay, type Appointment } from './appointment.js';
import { doneMsOf, expectsResult, extendedOutcomeAsOf, onlineLevelOf, viewOf } from './evaluate.js';
import type { DossierRecord, OneStopConfig, ProcessingTime, Procedure } from './records.js';
import { OSS_RULES } from './rules.js';

/** What the figures count for one group of dossiers. */
export interface DossierCounts {
  /** Received (or refused) in the period, by the receipt day. */
  received: number;
  fullyOnline: number;
  partlyOnline: number;
  postal: number;
  /** Received with the dossier digitised (online, or scanned at reception) and, once returned, the result too. */
  digitised: number;
  /** Received with at least one digitised paper reused. */
  reused: number;
  /** Received for a procedure with a fee, and of those paid online. */
  withFees: number;
  paidOnline: number;
  /** Results due in the period (original appointment in it, and due or returned by `now`), by outcome (OSS-10, OSS-16). */
  due: number;
  early: number;
  onTime: number;
  late: number;
  /** Late dossiers with an apology (Form 04), whenever sent; the OSS-08 check judges its timing. */
  lateWithApology: number;
  /** Late against the original appointment and late against the agreed extension too. */
  lateAfterExtension: number;
  /** Ratings given on dossiers received in the period, and the satisfied ones (OSS-17). */
  rated: number;
  satisfied: number;
}

/** How dossiers are grouped: by the unit, the procedure, its level, and the month of the event counted. */
export type FigureDimension = 'unit' | 'procedure' | 'level' | 'month';

/** One group's counts: its key by dimension, and the counts. */
export interface FigureRow {
  readonly key: { unit?: string; procedure?: string; level?: string; month?: string };
  readonly counts: DossierCounts;
}

/** A ratio as counted, and its percentage rounded half up to 0.01 (`undefined` when nothing is counted). */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | undefined;
}

const emptyCounts = (): DossierCounts => ({ received: 0, fullyOnline: 0, partlyOnline: 0, postal: 0, digitised: 0, reused: 0, withFees: 0, paidOnline: 0, due: 0, early: 0, onTime: 0, late: 0, lateWithApology: 0, lateAfterExtension: 0, rated: 0, satisfied: 0 });

/** `n ÷ d × 100` rounded half up to 0.01, in integers (exact for counts). */
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, percent: denominator === 0 ? undefined : Math.floor((numerator * 20_000 + denominator) / (2 * denominator)) / 100 };
}

/** The rates the index and the portal use, from one group's counts; each names its formula in the guide (`docs/one-stop.md`). */
export function ratesOf(c: DossierCounts) {
  return {
    /** OSS-16: (early + on time) ÷ results due × 100. */
    onTimeRate: rate(c.early + c.onTime, c.due),
    /** Late dossiers with an apology ÷ late dossiers × 100 (criterion 3.3.4). */
    lateApologyRate: rate(c.lateWithApology, c.late),
    /** Online (toàn trình and một phần) ÷ received × 100 (criterion 7.2.1). */
    onlineShare: rate(c.fullyOnline + c.partlyOnline, c.received),
    fullyOnlineShare: rate(c.fullyOnline, c.received),
    postalShare: rate(c.postal, c.received),
    /** Criterion 3.4.1. */
    digitisationRate: rate(c.digitised, c.received),
    /** Criterion 3.4.2. */
    reuseRate: rate(c.reused, c.received),
    /** Paid online ÷ dossiers with a fee × 100 (criterion 7.2.2). */
    onlinePaymentShare: rate(c.paidOnline, c.withFees),
    /** OSS-17: satisfied ÷ rated × 100. */
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

/** Options of {@link tallyDossiers}. */
export interface TallyOptions {
  readonly period: Period;
  /** The run's `now` (epoch ms): nothing after it has happened yet. */
  readonly nowMs: number;
  readonly groupBy: readonly FigureDimension[];
  readonly config: Pick<OneStopConfig, 'legacyOnlineLevels'>;
}

/**
 * Counts dossiers by group for a period: what was received in it (by the receipt day), and the results due in it
 * (by the original appointment date, OSS-10), as of `now`.
 */
export function tallyDossiers(dossiers: readonly DossierRecord[], procedureOf: ReadonlyMap<string, Procedure>, appoint: (time: ProcessingTime, ms: number) => Appointment, o: TallyOptions): FigureRow[] {
  const { start, end } = periodRange(o.period);
  const [first, last] = [toDayNumber(start), toDayNumber(end)];
  const by = new Set(o.groupBy);
  const all: FigureRow[] = [];
  /** Rows by unit index, then by procedure, level and month indexes packed in a small integer (a few hundred thousand at most). */
  const rows: Map<number, FigureRow>[] = [];
  const units = new Map<string, number>();
  const procedures = new Map<object, { index: number; level: number; online: string; fee: boolean }>();
  const monthOfDay = new Map<number, number>();
  const monthKeys: string[] = [];
  const LEVELS = ['province', 'district', 'commune'];
  const row = (d: DossierRecord, proc: Procedure, p: { index: number; level: number }, day: number) => {
    let u = 0;
    if (by.has('unit')) {
      u = units.get(d.unitId) ?? -1;
      if (u < 0) units.set(d.unitId, (u = units.size));
    }
    let m = 0;
    if (by.has('month')) {
      m = monthOfDay.get(day) ?? -1;
      if (m < 0) {
        const key = fromDayNumber(day).slice(0, 7);
        m = monthKeys.indexOf(key);
        if (m < 0) m = monthKeys.push(key) - 1;
        monthOfDay.set(day, m); // a period is a year at most: 12 months
      }
    }
    const id = ((by.has('procedure') ? p.index : 0) * 4 + (by.has('level') ? p.level + 1 : 0)) * 1024 + m;
    const byGroup = (rows[u] ??= new Map());
    let r = byGroup.get(id);
    if (!r) {
      const key: FigureRow['key'] = {};
      if (by.has('unit')) key.unit = d.unitId;
      if (by.has('procedure')) key.procedure = proc.code;
      if (by.has('level')) key.level = proc.level;
      if (by.has('month')) key.month = monthKeys[m];
      byGroup.set(id, (r = { key, counts: emptyCounts() }));
      all.push(r);
    }
    return r.counts;
  };
  for (const d of dossiers) {
    const proc = procedureOf.get(d.procedureCode)!;
    let p = procedures.get(proc);
    if (!p) {
      p = { index: procedures.size + 1, level: LEVELS.indexOf(proc.level), online: onlineLevelOf(proc, o.config), fee: proc.fees.some((f) => f.amountVnd > 0) };
      procedures.set(proc, p);
    }
    const doneMs = doneMsOf(d);
    const received = d.receivedAt ?? d.submittedAt;
    const rday = vietnamDay(received);
    if (rday >= first && rday <= last && received <= o.nowMs) {
      const c = row(d, proc, p, rday);
      c.received++;
      if (d.channel === 'online') {
        if (p.online === 'fullyOnline') c.fullyOnline++;
        else c.partlyOnline++; // an online dossier of a procedure not listed online still came online (OSS-13 check reports it)
      } else if (d.channel === 'postal') c.postal++;
      const returned = doneMs !== undefined && doneMs <= o.nowMs;
      if ((d.channel === 'online' || d.scannedAt !== undefined) && (!returned || d.resultDigitised)) c.digitised++;
      if (d.reusedDocuments > 0) c.reused++;
      if (p.fee) {
        c.withFees++;
        if (d.onlinePayment) c.paidOnline++;
      }
      if (d.rating !== undefined) {
        c.rated++;
        if (d.rating === 'satisfied') c.satisfied++;
      }
    }
    if (!expectsResult(d)) continue;
    const appointment = appoint(proc.processingTime, d.receivedAt!);
    const aday = vietnamDay(appointment.dueMs);
    if (aday < first || aday > last) continue;
    const outcome = outcomeAsOfMs(appointment, doneMs, o.nowMs); // no view per dossier: a year is a million of them
    if (outcome === undefined) continue;
    const c = row(d, proc, p, aday);
    c.due++;
    c[outcome]++;
    if (outcome === 'late') {
      if (d.forms.some((f) => f.kind === 'apologySlip')) c.lateWithApology++;
      if (d.extensions.length > 0 && extendedOutcomeAsOf(viewOf(d, proc, appoint), o.nowMs) === 'late') c.lateAfterExtension++;
    }
  }
  return all;
}

/** Sums rows' counts. */
export function sumCounts(rows: readonly FigureRow[]): DossierCounts {
  const total = emptyCounts();
  for (const r of rows) for (const k of Object.keys(total) as (keyof DossierCounts)[]) total[k] += r.counts[k];
  return total;
}

/** One group of the QĐ 766/QĐ-TTg real-time service index. */
export interface ServiceIndexGroup {
  readonly group: 'transparency' | 'progress' | 'digitisation' | 'onlineProvision' | 'satisfaction';
  /** The group's weight (OSS-15, confirmed). */
  readonly maxPoints: number;
  /** The rate the plugin scores it with, or `undefined` where a dossier export cannot measure it. */
  readonly rate: Rate | undefined;
  /** `maxPoints × rate` rounded half up to 0.01: a proportional approximation (unconfirmed: QĐ 766's sub-indicators are finer). */
  readonly points: number | undefined;
  readonly formula: string;
  readonly verification: 'confirmed' | 'partlyConfirmed' | 'unconfirmed';
}

/**
 * The five groups of the QĐ 766/QĐ-TTg index from a unit's counts, on the weights in force on a date (OSS-15).
 * Progress uses the on-time rate (OSS-16, partly confirmed); digitisation, online provision and satisfaction use
 * the nearest dossier rates (unconfirmed as QĐ 766's formulas); transparency (procedures published on time) is not
 * in a dossier export and is left `undefined`. `undefined` before 01/08/2022.
 */
export function serviceIndexGroups(c: DossierCounts, date: CivilDate): ServiceIndexGroup[] | undefined {
  const weights = ruleInForce(OSS_RULES.serviceIndex, date)?.params;
  if (!weights) return undefined;
  const r = ratesOf(c);
  const points = (w: number, x: Rate | undefined) => (x && x.denominator > 0 ? Math.floor((w * x.numerator * 200 + x.denominator) / (2 * x.denominator)) / 100 : undefined);
  const g = (group: ServiceIndexGroup['group'], x: Rate | undefined, formula: string, verification: ServiceIndexGroup['verification']): ServiceIndexGroup => ({
    group,
    maxPoints: weights[group],
    rate: x,
    points: points(weights[group], x),
    formula,
    verification,
  });
  return [
    g('transparency', undefined, 'TTHC published on time ÷ TTHC published in the period × 100 (QĐ 766 example formula; not in a dossier export)', 'confirmed'),
    g('progress', r.onTimeRate, '(early + on time) ÷ results due × 100 (OSS-16)', 'partlyConfirmed'),
    g('digitisation', r.digitisationRate, 'dossiers digitised (and their results) ÷ dossiers received × 100', 'unconfirmed'),
    g('onlineProvision', r.onlineShare, 'online dossiers (toàn trình and một phần) ÷ dossiers received × 100', 'unconfirmed'),
    g('satisfaction', r.satisfactionRate, 'satisfied ratings ÷ ratings × 100 (OSS-17)', 'unconfirmed'),
  ];
}
