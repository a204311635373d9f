import { fromDayNumber, periodRange, type Calendar, type CivilDate } from '@par/calendar';
import { advisorySeverity, ruleInForce, ruleVersionBasis, type FindingInput, type PluginRunContext } from '@par/core';
import type { ClericalRecordsData, EDocumentsConfig, IncomingDocument, OutgoingDocument, WorkFile } from './records.js';
import { DOC_RULES, type ArchiveParams, type DocRuleName, type DocRuleVersion } from './rules.js';
import { ranges, sequenceProblems } from './sequence.js';
import { addMonths, addYears, dayNumberOf, vietnamDate, vietnamDay, workingDaysAfter } from './timing.js';

/** What working-day deadlines are counted with: the calendar and a memo of due days by day. */
export interface DueClock {
  readonly calendar: Calendar;
  readonly memo: Map<number, number>;
}

/** What the checks read besides one unit's records: the options and the clock. */
export interface CheckEnv extends DueClock {
  readonly config: EDocumentsConfig;
}

type Severity = FindingInput['severity'];
type Text = { readonly vi: string; readonly en: string };

/** A finding before the plugin applies the unconfirmed-rule policy to its severity. */
export interface RawFinding {
  readonly rule: DocRuleVersion<unknown>;
  readonly severity: Severity;
  readonly subject: readonly [kind: string, id: string];
  readonly message: Text;
  readonly dueDate?: CivilDate;
}

/** The days a run looks at: documents dated from `start` to `end` (the period, up to the reference date). */
export interface Scope {
  readonly start: number;
  readonly end: number;
  readonly ref: number;
  readonly years: readonly number[];
}

/** The scope of a run: its period, cut at the reference date (a document dated later has not happened yet). */
export function scopeOf(ctx: PluginRunContext): Scope {
  const { start, end } = periodRange(ctx.period);
  const ref = dayNumberOf(ctx.referenceDate);
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) years.push(y);
  return { start: dayNumberOf(start), end: Math.min(dayNumberOf(end), ref), ref, years };
}

const inForce = (name: DocRuleName, date: CivilDate): DocRuleVersion<any> | undefined => ruleInForce<unknown>(DOC_RULES[name], date) as DocRuleVersion<any> | undefined;

/** DOC-06 in force on a date, with the 2011 law's years taken from the options. */
export function archiveRule(date: CivilDate, config: EDocumentsConfig): DocRuleVersion<ArchiveParams> | undefined {
  const rule = inForce('archive', date);
  if (!rule || rule.legalBasis.verification !== 'unconfirmed') return rule;
  return { ...rule, params: { ...rule.params, currentArchiveYears: config.legacyArchiveYears.current, historicalArchiveYears: config.legacyArchiveYears.historical } };
}

/** An outgoing document's key in findings: `register/year/number`. */
export const outgoingKey = (d: OutgoingDocument) => `${d.registerId}/${d.date.slice(0, 4)}/${d.number}`;
/** An incoming document's key in findings: `register/year/number`, the year of receipt in Vietnam. */
export const incomingKey = (d: IncomingDocument) => `${d.registerId}/${vietnamDate(d.receivedAt).slice(0, 4)}/${d.number}`;

/** The outgoing documents dated in the scope. */
export const outgoingIn = (r: ClericalRecordsData, s: Scope) => r.outgoing.filter((d) => dayInScope(dayNumberOf(d.date), s));
/** The incoming documents received in the scope. */
export const incomingIn = (r: ClericalRecordsData, s: Scope) => r.incoming.filter((d) => dayInScope(vietnamDay(d.receivedAt), s));
const dayInScope = (day: number, s: Scope) => day >= s.start && day <= s.end;

/** When an incoming document must be registered and handed over (DOC-05): the day itself when urgent. */
export const incomingDue = (d: IncomingDocument, rule: DocRuleVersion<(typeof DOC_RULES.handlingTime)[number]['params']>, env: DueClock): number =>
  d.urgency !== 'normal' ? vietnamDay(d.receivedAt) : workingDaysAfter(env.calendar, env.memo, vietnamDay(d.receivedAt), rule.params.incomingWorkingDays);

/** The day an outgoing document was numbered: its registration, or its date when the register does not say. */
export const numberedDay = (d: OutgoingDocument) => (d.registeredAt ? vietnamDay(d.registeredAt) : dayNumberOf(d.date));

/** A register's documents by year, within the run's years and up to the reference date. */
function registerGroups<T extends { registerId: string; number: number }>(docs: readonly T[], s: Scope, day: (d: T) => number, year: (d: T) => number): Map<string, RegisterYear<T>> {
  const groups = new Map<string, RegisterYear<T>>();
  for (const d of docs) {
    const y = year(d);
    if (!s.years.includes(y) || day(d) > s.ref) continue;
    const key = `${d.registerId}/${y}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { register: d.registerId, year: y, docs: [] }));
    g.docs.push(d);
  }
  return groups;
}

type RegisterYear<T> = { register: string; year: number; docs: T[] };

/**
 * The findings of one register-year, under the rule in force on its last day: gaps and duplicates (`major`), and a
 * number that comes before the number below it in time (`minor`); `when` is the document's date or instant.
 */
function sequenceFindings<T extends { number: number }>(kind: 'outgoing' | 'incoming', name: DocRuleName, g: RegisterYear<T>, s: Scope, when: (d: T) => string, key: (d: T) => string): RawFinding[] {
  const rule = inForce(name, fromDayNumber(Math.min(s.ref, dayNumberOf(`${g.year}-12-31`))));
  if (!rule) return [];
  const { gaps, duplicates } = sequenceProblems(g.docs.map((d) => d.number));
  const label = kind === 'outgoing' ? { vi: 'văn bản đi', en: 'outgoing' } : { vi: 'văn bản đến', en: 'incoming' };
  const id = `${kind}:${g.register}/${g.year}`;
  const out: RawFinding[] = [];
  if (gaps.length > 0) out.push({ rule, severity: 'major', subject: ['registerGap', id], message: { vi: `Sổ ${label.vi} ${g.register} năm ${g.year} thiếu số: ${ranges(gaps)}`, en: `The ${label.en} register ${g.register} of ${g.year} skips numbers: ${ranges(gaps)}` } });
  if (duplicates.length > 0) out.push({ rule, severity: 'major', subject: ['registerDuplicate', id], message: { vi: `Sổ ${label.vi} ${g.register} năm ${g.year} trùng số: ${ranges(duplicates)}`, en: `The ${label.en} register ${g.register} of ${g.year} uses numbers twice: ${ranges(duplicates)}` } });
  const byNumber = [...g.docs].sort((a, b) => a.number - b.number);
  byNumber.forEach((d, i) => {
    const before = byNumber[i - 1];
    if (before && before.number < d.number && Date.parse(when(d)) < Date.parse(when(before))) {
      const [w, wb] = [when(d), when(before)];
      out.push({ rule, severity: 'minor', subject: ['numberOrder', key(d)], message: { vi: `Sổ ${label.vi}: số ${d.number} (${w}) trước số ${before.number} (${wb})`, en: `The ${label.en} register: number ${d.number} (${w}) comes before number ${before.number} (${wb})` } });
    }
  });
  return out;
}

/**
 * Whether a deadline was missed as of the reference day: `missing` when not done (or done after the reference day)
 * and the due day is past, `late` when done after the due day; `undefined` otherwise.
 */
export function missed(doneDay: number | undefined, due: number, ref: number): 'missing' | 'late' | undefined {
  if (doneDay === undefined || doneDay > ref) return ref > due ? 'missing' : undefined;
  return doneDay > due ? 'late' : undefined;
}

/** A deadline finding: not done by `due` (and the day is past), or done late (from `countLateFrom` on); none otherwise. */
function deadline(doneDay: number | undefined, due: number, s: Scope, what: { kind: string; id: string; vi: string; en: string }, rule: DocRuleVersion<unknown>, severity: Severity, countLateFrom = -Infinity): RawFinding | undefined {
  const miss = missed(doneDay, due, s.ref);
  if (!miss || (miss === 'late' && doneDay! < countLateFrom)) return undefined;
  const dueDate = fromDayNumber(due);
  if (miss === 'missing') return { rule, severity, subject: [what.kind, what.id], dueDate, message: { vi: `${what.vi}: chưa thực hiện, hạn ${dueDate}`, en: `${what.en}: not done, due ${dueDate}` } };
  const on = fromDayNumber(doneDay!);
  return { rule, severity, subject: [what.kind, what.id], dueDate, message: { vi: `${what.vi}: thực hiện ngày ${on}, trễ hạn ${dueDate}`, en: `${what.en}: done on ${on}, after the deadline ${dueDate}` } };
}

/** The day in Vietnam of an instant that may be missing. */
export const dayOf = (instant: string | undefined) => (instant === undefined ? undefined : vietnamDay(instant));
/** The day number of a date that may be missing. */
const dateDay = (date: string | undefined) => (date === undefined ? undefined : dayNumberOf(date));

type Finder = (r: ClericalRecordsData, s: Scope, env: CheckEnv) => RawFinding[];

const defined = <T>(xs: readonly (T | undefined | false)[]): T[] => xs.filter((x): x is T => x !== undefined && x !== false);

/** The checks, in the order they run; each finding cites its own rule. */
export const CHECKS: Record<string, { readonly title: Text; readonly find: Finder }> = {
  outgoingSequence: {
    title: { vi: 'Văn bản đi: số và ngày theo thứ tự, chữ ký số của cơ quan, lưu bản (DOC-01)', en: "Outgoing documents: number and date in sequence, the organisation's signature, a filed copy (DOC-01)" },
    find: (r, s) => {
      const groups = registerGroups(r.outgoing, s, (d) => dayNumberOf(d.date), (d) => Number(d.date.slice(0, 4)));
      const out: RawFinding[] = [];
      for (const g of groups.values()) out.push(...sequenceFindings('outgoing', 'outgoingSequence', g, s, (d) => d.date, outgoingKey));
      for (const d of outgoingIn(r, s)) {
        const rule = inForce('outgoingSequence', d.date);
        if (!rule) continue;
        if (d.form === 'electronic' && !d.organisationSignature) out.push({ rule, severity: 'major', subject: ['organisationSignature', outgoingKey(d)], message: { vi: `Văn bản điện tử ${outgoingKey(d)} không có chữ ký số của cơ quan`, en: `Electronic document ${outgoingKey(d)} has no organisation's digital signature` } });
        if (d.filedCopy === false) out.push({ rule, severity: 'minor', subject: ['filedCopy', outgoingKey(d)], message: { vi: `Văn bản đi ${outgoingKey(d)} không lưu bản`, en: `No copy of outgoing ${outgoingKey(d)} was filed` } });
      }
      return out;
    },
  },
  outgoingRegistration: {
    title: { vi: 'Đăng ký văn bản đi đầy đủ, chính xác (DOC-02)', en: 'Outgoing documents registered completely and accurately (DOC-02)' },
    find: (r, s) =>
      defined(
        outgoingIn(r, s).map((d) => {
          const rule = inForce('outgoingRegistration', d.date);
          if (!rule) return undefined;
          const missing = defined([!d.registeredAt && 'registeredAt', !d.summary && 'summary', d.recipients.length === 0 && 'recipients', d.filedCopy === undefined && 'filedCopy']);
          const early = d.registeredAt && vietnamDate(d.registeredAt) < d.date;
          if (missing.length === 0 && !early) return undefined;
          const problems = { vi: [...missing.map((m) => `thiếu ${m}`), ...(early ? [`đăng ký (${vietnamDate(d.registeredAt!)}) trước ngày văn bản`] : [])], en: [...missing.map((m) => `no ${m}`), ...(early ? [`registered (${vietnamDate(d.registeredAt!)}) before its date`] : [])] };
          return { rule, severity: 'minor' as const, subject: ['outgoingEntry', outgoingKey(d)] as const, message: { vi: `Sổ văn bản đi, ${outgoingKey(d)}: ${problems.vi.join('; ')}`, en: `Outgoing register, ${outgoingKey(d)}: ${problems.en.join('; ')}` } };
        }),
      ),
  },
  incomingSequence: {
    title: { vi: 'Văn bản đến: đăng ký theo thứ tự, không thiếu, không trùng số; nhiệm vụ được giao có văn bản đến (DOC-03)', en: 'Incoming documents: registered in sequence with no gaps or duplicates; every assignment arrived as a document (DOC-03)' },
    find: (r, s, env) => {
      const groups = registerGroups(r.incoming, s, (d) => vietnamDay(d.receivedAt), (d) => Number(vietnamDate(d.receivedAt).slice(0, 4)));
      const out: RawFinding[] = [];
      for (const g of groups.values()) out.push(...sequenceFindings('incoming', 'incomingSequence', g, s, (d) => d.receivedAt, incomingKey));
      const brought = new Set(r.incoming.filter((d) => vietnamDay(d.receivedAt) <= s.ref).flatMap((d) => !d.directive ? [] : d.directive.itemLabels.length === 0 ? [`${d.directive.documentId}#`] : d.directive.itemLabels.map((l) => `${d.directive!.documentId}#${l}`)));
      for (const a of env.config.assignments) {
        if (a.unitId !== r.unitId || !dayInScope(dayNumberOf(a.issuedOn), s)) continue;
        const rule = inForce('incomingSequence', a.issuedOn);
        if (!rule || brought.has(`${a.documentId}#${a.itemLabel}`) || brought.has(`${a.documentId}#`)) continue;
        out.push({ rule, severity: 'minor', subject: ['assignment', `${a.documentId}#${a.itemLabel}`], message: { vi: `Nhiệm vụ ${a.itemLabel} của văn bản ${a.documentId} không có văn bản đến được đăng ký`, en: `Assignment ${a.itemLabel} of ${a.documentId} has no registered incoming document` } });
      }
      return out;
    },
  },
  electronicReceipt: {
    title: { vi: 'Văn bản điện tử đến: kiểm tra chữ ký số, trả lại khi không hợp lệ, báo nhận trong ngày (DOC-04)', en: 'Electronic incoming documents: signatures validated, returned when not compliant, receipt acknowledged the same day (DOC-04)' },
    find: (r, s) =>
      incomingIn(r, s)
        .filter((d) => d.form === 'electronic')
        .flatMap((d) => {
          const received = vietnamDay(d.receivedAt);
          const rule = inForce('electronicReceipt', fromDayNumber(received));
          if (!rule) return [];
          const key = incomingKey(d);
          const rejected = d.misaddressed || d.signatureValidation?.result === 'invalid';
          return defined([
            deadline(dayOf(d.signatureValidation?.checkedAt), received, s, { kind: 'signatureValidation', id: key, vi: `Kiểm tra chữ ký số văn bản đến ${key}`, en: `Signature validation of incoming ${key}` }, rule, 'major'),
            rejected && !d.returnedAt && {
              rule,
              severity: 'major' as const,
              subject: ['return', key] as const,
              message: { vi: `Văn bản đến ${key} ${d.misaddressed ? 'gửi sai nơi nhận' : 'có chữ ký số không hợp lệ'} nhưng không được trả lại trên hệ thống`, en: `Incoming ${key} is ${d.misaddressed ? 'misaddressed' : 'not validly signed'} but was not returned through the system` },
            },
            !rejected && deadline(dayOf(d.acknowledgedAt), received, s, { kind: 'acknowledgement', id: key, vi: `Thông báo đã nhận văn bản đến ${key}`, en: `Acknowledgement of incoming ${key}` }, rule, 'major'),
          ]);
        }),
  },
  handlingTime: {
    title: { vi: 'Văn bản đến đăng ký, trình trong ngày hoặc ngày làm việc tiếp theo (khẩn: ngay); văn bản đi phát hành đúng hạn (DOC-05)', en: 'Incoming documents registered and handed over the same or the next working day (urgent: at once); outgoing dispatched on time (DOC-05)' },
    find: (r, s, env) => [
      ...incomingIn(r, s).flatMap((d) => {
        const rule = inForce('handlingTime', vietnamDate(d.receivedAt));
        if (!rule || d.returnedAt) return [];
        const due = incomingDue(d, rule, env);
        const key = incomingKey(d);
        const urgent = d.urgency !== 'normal' ? { vi: ' (khẩn)', en: ' (urgent)' } : { vi: '', en: '' };
        return defined([
          deadline(dayOf(d.registeredAt), due, s, { kind: 'registration', id: key, vi: `Đăng ký văn bản đến ${key}${urgent.vi}`, en: `Registering incoming ${key}${urgent.en}` }, rule, 'major'),
          deadline(dayOf(d.handedOverAt), due, s, { kind: 'handOver', id: key, vi: `Trình, chuyển giao văn bản đến ${key}${urgent.vi}`, en: `Handing over incoming ${key}${urgent.en}` }, rule, 'major'),
        ]);
      }),
      ...outgoingIn(r, s).flatMap((d) => {
        const rule = inForce('handlingTime', d.date);
        if (!rule) return [];
        const due = workingDaysAfter(env.calendar, env.memo, numberedDay(d), rule.params.outgoingWorkingDays);
        return defined([deadline(dayOf(d.dispatchedAt), due, s, { kind: 'dispatch', id: outgoingKey(d), vi: `Phát hành văn bản đi ${outgoingKey(d)}`, en: `Dispatching outgoing ${outgoingKey(d)}` }, rule, 'major')]);
      }),
    ],
  },
  archiveSubmission: {
    title: { vi: 'Nộp lưu hồ sơ vào lưu trữ hiện hành và lưu trữ lịch sử đúng hạn (DOC-06)', en: 'Files handed to the current and the historical archive on time (DOC-06)' },
    find: (r, s, env) => r.workFiles.flatMap((f) => archiveFindings(f, s, env)),
  },
  constructionFiles: {
    title: { vi: 'Hồ sơ xây dựng cơ bản nộp lưu sau quyết toán đúng hạn (DOC-07)', en: 'Construction-investment files archived on time after settlement (DOC-07)' },
    find: (r, s, env) =>
      defined(
        r.workFiles.map((f) => {
          const settled = f.constructionInvestment?.settledOn;
          const rule = settled && inForce('constructionFiles', settled);
          if (!settled || !rule) return undefined;
          const due = dayNumberOf(addMonths(settled, env.config.constructionFileMonths));
          return deadline(dateDay(f.currentArchiveOn), due, s, { kind: 'constructionFile', id: f.id, vi: `Nộp lưu hồ sơ XDCB ${f.id} (quyết toán ${settled})`, en: `Archiving construction-investment file ${f.id} (settled ${settled})` }, rule, 'minor', s.start);
        }),
      ),
  },
  digitalSignatures: {
    title: { vi: 'Văn bản điện tử có chữ ký số của người ký và của cơ quan, hợp lệ (DOC-08)', en: "Electronic documents carry the signer's and the organisation's valid digital signatures (DOC-08)" },
    find: (r, s) =>
      defined(
        outgoingIn(r, s)
          .filter((d) => d.form === 'electronic')
          .map((d) => {
            const rule = inForce('digitalSignatures', d.date);
            if (!rule) return undefined;
            const problems = defined([
              !d.signerSignature && { vi: 'không có chữ ký số của người ký', en: "no signer's digital signature" },
              d.signerSignature?.validation === 'invalid' && { vi: 'chữ ký số của người ký không hợp lệ', en: "the signer's signature does not validate" },
              d.organisationSignature?.validation === 'invalid' && { vi: 'chữ ký số của cơ quan không hợp lệ', en: "the organisation's signature does not validate" },
            ]);
            if (problems.length === 0) return undefined;
            return { rule, severity: 'major' as const, subject: ['signatures', outgoingKey(d)] as const, message: { vi: `Văn bản điện tử ${outgoingKey(d)}: ${problems.map((p) => p.vi).join('; ')}`, en: `Electronic document ${outgoingKey(d)}: ${problems.map((p) => p.en).join('; ')}` } };
          }),
      ),
  },
};

/** DOC-06 on one work file (a construction-investment file's current-archive deadline is DOC-07's). */
function archiveFindings(f: WorkFile, s: Scope, env: CheckEnv): RawFinding[] {
  const out: RawFinding[] = [];
  if (!f.constructionInvestment) {
    const rule = archiveRule(`${f.workEndedYear + 1}-01-01`, env.config);
    if (rule) {
      const due = dayNumberOf(`${f.workEndedYear + rule.params.currentArchiveYears}-12-31`);
      const x = deadline(dateDay(f.currentArchiveOn), due, s, { kind: 'currentArchive', id: f.id, vi: `Nộp lưu hồ sơ ${f.id} (kết thúc năm ${f.workEndedYear}) vào lưu trữ hiện hành`, en: `Handing file ${f.id} (work ended ${f.workEndedYear}) to the current archive` }, rule, 'major', s.start);
      if (x) out.push(x);
    }
  }
  if (f.permanent && f.currentArchiveOn) {
    const rule = archiveRule(f.currentArchiveOn, env.config);
    if (rule) {
      const years = f.historicalArchiveYears ?? rule.params.historicalArchiveYears;
      const due = dayNumberOf(addYears(f.currentArchiveOn, years));
      const x = deadline(dateDay(f.historicalArchiveOn), due, s, { kind: 'historicalArchive', id: f.id, vi: `Nộp lưu hồ sơ ${f.id} vào lưu trữ lịch sử (${years} năm từ ${f.currentArchiveOn})`, en: `Handing file ${f.id} to the historical archive (${years} years from ${f.currentArchiveOn})` }, rule, 'major', s.start);
      if (x) out.push(x);
    }
  }
  return out;
}

/** Whether a raw finding's rule counts fully: confirmed or partly confirmed, or unconfirmed and enforced. */
export const counts = (f: RawFinding, config: EDocumentsConfig) => f.rule.legalBasis.verification !== 'unconfirmed' || config.unconfirmedRules === 'enforced';

/** A raw finding as the plugin reports it, its severity capped at `minor` when its rule is unconfirmed and advisory. */
export function present(f: RawFinding, unitId: string, config: EDocumentsConfig): FindingInput {
  const severity = advisorySeverity(f.severity, counts(f, config));
  const { rule } = f;
  return {
    severity,
    unitId,
    subject: { kind: f.subject[0], id: f.subject[1] },
    message: f.message,
    ruleId: rule.ruleId,
    legalBasis: [ruleVersionBasis(rule)],
    ...(f.dueDate && { dueDate: f.dueDate }),
  };
}
