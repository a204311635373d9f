import { addDays, daysBetween, type Calendar, type CivilDate } from '@par/calendar';
import { advisorySeverity, ruleVersionBasis, type FindingInput, type LegalBasis } from '@par/core';
import type { CHANGE_EVENTS, DocumentGraph, ReviewQueueItem } from './graph.js';
import type { LegalDocument, LegalRegisterRecord, LegalReviewConfig } from './records.js';
import { LEG_RULES, legRuleInForce, type IssuerLevel, type LegRuleName, type LegRuleVersion, type PublicationChannel } from './rules.js';

type Severity = FindingInput['severity'];
type Text = { readonly vi: string; readonly en: string };
/** What a deadline asks: of what (a document number, a list), and the act as a verb (vi) and a participle (en). */
type What = Text & { readonly of: Text };

/** What the checks read besides one register: its graph, the options, the calendar and the reference date. */
export interface CheckEnv {
  readonly register: LegalRegisterRecord;
  readonly graph: DocumentGraph;
  readonly config: LegalReviewConfig;
  readonly calendar: Calendar;
  readonly referenceDate: CivilDate;
}

/** A finding before the unconfirmed-rule policy sets its severity. */
export interface RawFinding {
  readonly rule: LegRuleVersion<any>;
  readonly severity: Severity;
  readonly subject: readonly [kind: string, id: string];
  readonly message: Text;
  readonly dueDate?: CivilDate;
  /** Set when the deadline is an option standing for a number the sources leave unconfirmed. */
  readonly unconfirmedNumber?: boolean;
  /** Further legal bases cited (LEG-05 for an effective-date breach). */
  readonly basis?: readonly LegalBasis[];
}

type Finder = (env: CheckEnv) => RawFinding[];

const vn = (date: CivilDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const rule = (name: LegRuleName, date: CivilDate) => legRuleInForce(name, date) as LegRuleVersion<any> | undefined;

/** The register's own documents (issued by its unit) signed by the reference date. */
export const ownDocuments = (env: CheckEnv): LegalDocument[] => env.register.documents.filter((d) => d.issuer.unitId === env.register.unitId && d.signedOn <= env.referenceDate);

/** The first record dated on or before the reference date, or undefined. */
const firstDated = <T>(xs: readonly T[], dateOf: (x: T) => CivilDate, ref: CivilDate) => xs.filter((x) => dateOf(x) <= ref).sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : 1))[0];

/**
 * A deadline finding: nothing done by the reference date after the due date (missing), or done after it (late).
 */
function deadline(o: {
  rule: LegRuleVersion<any>;
  subject: readonly [string, string];
  due: CivilDate;
  doneOn: CivilDate | undefined;
  ref: CivilDate;
  what: What;
  unconfirmedNumber?: boolean;
  severity?: Severity;
}): RawFinding[] {
  const { due, doneOn, ref } = o;
  const base = { rule: o.rule, subject: o.subject, dueDate: due, ...(o.unconfirmedNumber && { unconfirmedNumber: true }) };
  const { of: who, vi, en } = o.what;
  if (doneOn === undefined) {
    return ref > due ? [{ ...base, severity: o.severity ?? 'major', message: { vi: `${who.vi}: chưa ${vi} (hạn ${vn(due)})`, en: `${who.en}: not ${en} (due ${vn(due)})` } }] : [];
  }
  return doneOn > due ? [{ ...base, severity: 'minor', message: { vi: `${who.vi}: ${vi} muộn: ngày ${vn(doneOn)}, hạn ${vn(due)}`, en: `${who.en}: ${en} late: on ${vn(doneOn)}, due ${vn(due)}` } }] : [];
}

const published = (env: CheckEnv, document: string, channel: PublicationChannel) =>
  firstDated(env.register.publications.filter((p) => p.document === document && p.channel === channel), (p) => p.date, env.referenceDate)?.date;

const CHANNEL_TEXT: Record<PublicationChannel, Text> = {
  gazette: { vi: 'đăng Công báo', en: 'published in the gazette' },
  nationalLegalDatabase: { vi: 'đăng CSDL quốc gia về pháp luật', en: 'uploaded to the national legal database' },
  portal: { vi: 'đăng Cổng thông tin điện tử', en: 'published on the portal' },
  posting: { vi: 'niêm yết', en: 'posted publicly' },
  media: { vi: 'đưa tin trên phương tiện thông tin đại chúng', en: 'reported in the media' },
};

/** A message about a document: `12/2022/QĐ-UBND: ...`. */
const about = (number: string, text: Text): Text => ({ vi: `${number}: ${text.vi}`, en: `${number}: ${text.en}` });
/** What a deadline asks of a document. */
const of = (number: string, text: Text): What => ({ ...text, of: { vi: number, en: number } });

const EVENT_TEXT: Record<(typeof CHANGE_EVENTS)[number], Text> = {
  amended: { vi: 'được sửa đổi, bổ sung', en: 'amended' },
  replaced: { vi: 'bị thay thế', en: 'replaced' },
  repealed: { vi: 'bị bãi bỏ', en: 'repealed' },
  suspended: { vi: 'bị ngưng hiệu lực', en: 'suspended' },
  declaredExpired: { vi: 'được công bố hết hiệu lực', en: 'declared expired' },
  expired: { vi: 'hết hiệu lực', en: 'expired' },
};
const LEVEL_TEXT: Record<IssuerLevel, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

/** Why a review obligation arose: `01/2019/NQ-HĐND được sửa đổi, bổ sung` / `01/2019/NQ-HĐND amended`, `sắp xếp cấp huyện` / `district tier restructured`. */
export function triggerText(item: ReviewQueueItem): Text {
  const t = item.trigger;
  return t.kind === 'document' ? { vi: `${t.document} ${EVENT_TEXT[t.event].vi}`, en: `${t.document} ${EVENT_TEXT[t.event].en}` } : { vi: `sắp xếp cấp ${LEVEL_TEXT[t.level]}`, en: `${t.level} tier restructured` };
}

/**
 * A review obligation of one of the register's own documents (LEG-10 to LEG-12) as of the reference date: the rule
 * in force when it arose, the due date (`reviewDays` after), and the day it was met (reviewed since it arose, or for
 * a restructuring the document handed to the successor); `undefined` for another unit's document or no rule.
 */
export function reviewStatus(env: CheckEnv, item: ReviewQueueItem): { rule: LegRuleVersion<any>; due: CivilDate; doneOn: CivilDate | undefined } | undefined {
  const d = env.graph.document(item.document)!;
  const r = rule('review', item.obligationArose);
  if (!r || d.issuer.unitId !== env.register.unitId) return undefined;
  const reviewed = firstDated(env.register.reviews.filter((x) => x.document === d.number && x.reviewedOn >= item.obligationArose), (x) => x.reviewedOn, env.referenceDate)?.reviewedOn;
  const transferred = item.reason === 'restructuring' ? firstDated(env.register.transfers.filter((t) => t.document === d.number), (t) => t.date, env.referenceDate)?.date : undefined;
  return { rule: r, due: addDays(item.obligationArose, env.config.reviewDays), doneOn: reviewed ?? transferred };
}

/** The checks, in the order they run; each finding cites its own rule. */
export const CHECKS: Record<string, { readonly title: Text; readonly find: Finder }> = {
  effectiveDate: {
    title: { vi: 'Thời điểm có hiệu lực không sớm hơn số ngày tối thiểu sau khi ký (LEG-01, LEG-02)', en: 'Effective date at least the minimum days after signing (LEG-01, LEG-02)' },
    find: (env) =>
      ownDocuments(env).flatMap((d) => {
        const r = rule('effectiveDelay', d.signedOn);
        if (!r || (r.ruleId === 'LEG-01' && d.procedure === 'shortened')) return [];
        const min: number = r.params.minDays[d.issuer.level];
        const earliest = addDays(d.signedOn, min);
        if (d.effectiveFrom >= earliest) return [];
        const leg05 = r.ruleId === 'LEG-01' ? [{ ...LEG_RULES.unlawful[0]!.legalBasis, article: 'unlawful case: effective date in breach of Law Arts. 53/55' }] : [];
        return [
          {
            rule: r,
            severity: 'major',
            subject: ['document', d.number],
            basis: leg05,
            message: about(d.number, {
              vi: `có hiệu lực từ ${vn(d.effectiveFrom)}, chỉ ${daysBetween(d.signedOn, d.effectiveFrom)} ngày sau khi ký (${vn(d.signedOn)}); tối thiểu ${min} ngày (sớm nhất ${vn(earliest)})`,
              en: `takes effect on ${vn(d.effectiveFrom)}, only ${daysBetween(d.signedOn, d.effectiveFrom)} days after signing (${vn(d.signedOn)}); at least ${min} days required (earliest ${vn(earliest)})`,
            }),
          },
        ];
      }),
  },
  shortenedPosting: {
    title: { vi: 'Văn bản theo thủ tục rút gọn được đăng tải ngay (LEG-03)', en: 'Shortened-procedure documents posted at once (LEG-03)' },
    find: (env) =>
      ownDocuments(env)
        .filter((d) => d.procedure === 'shortened')
        .flatMap((d) => {
          const r = rule('shortenedPosting', d.signedOn);
          if (!r) return [];
          const due = addDays(d.signedOn, r.params.days);
          return (r.params.channels as PublicationChannel[]).flatMap((c) =>
            deadline({ rule: r, subject: ['document', `${d.number} ${c}`], due, doneOn: published(env, d.number, c), ref: env.referenceDate, what: of(d.number, CHANNEL_TEXT[c]) }),
          );
        }),
  },
  concreteEffectiveDate: {
    title: { vi: 'Ghi thời điểm có hiệu lực bằng ngày cụ thể (LEG-04)', en: 'Effective date written as a concrete date (LEG-04)' },
    find: (env) =>
      ownDocuments(env)
        .filter((d) => d.effectiveStatedAs === 'relative')
        .flatMap((d) => {
          const r = rule('concreteEffectiveDate', d.signedOn);
          return r
            ? [{ rule: r, severity: 'minor' as const, subject: ['document', d.number] as const, message: about(d.number, { vi: 'ghi hiệu lực "sau N ngày", không ghi ngày cụ thể', en: 'states its effect as "after N days", not as a concrete date' }) }]
            : [];
        }),
  },
  selfInspection: {
    title: { vi: 'Tự kiểm tra văn bản đã ban hành (LEG-06)', en: 'Self-inspection of every document issued (LEG-06)' },
    find: (env) =>
      ownDocuments(env).flatMap((d) => {
        const r = rule('selfInspection', d.signedOn);
        if (!r) return [];
        const done = firstDated(env.register.selfInspections.filter((s) => s.document === d.number), (s) => s.date, env.referenceDate)?.date;
        const due = env.calendar.addWorkingDays(d.signedOn, env.config.selfInspectionWorkingDays);
        return deadline({ rule: r, subject: ['document', d.number], due, doneOn: done, ref: env.referenceDate, unconfirmedNumber: true, what: of(d.number, { vi: 'tự kiểm tra', en: 'self-inspected' }) });
      }),
  },
  inspectionSubmission: {
    title: { vi: 'Gửi văn bản để kiểm tra đúng hạn, đúng cơ quan (LEG-07)', en: 'Sent for inspection on time, to the competent body (LEG-07)' },
    find: (env) =>
      ownDocuments(env).flatMap((d) => {
        const r = rule('inspectionSubmission', d.signedOn);
        const body = r?.params.bodies[d.issuer.level];
        if (!r || !body) return [];
        const sent = firstDated(env.register.inspectionSubmissions.filter((s) => s.document === d.number), (s) => s.sentOn, env.referenceDate);
        const due = env.calendar.addWorkingDays(d.signedOn, env.config.submissionWorkingDays);
        const out = deadline({ rule: r, subject: ['document', d.number], due, doneOn: sent?.sentOn, ref: env.referenceDate, unconfirmedNumber: true, what: of(d.number, { vi: 'gửi văn bản để kiểm tra', en: 'sent for inspection' }) });
        if (sent && sent.receivingBody !== body) {
          out.push({ rule: r, severity: 'major', subject: ['document', `${d.number} body`], message: about(d.number, { vi: `gửi kiểm tra tới ${sent.receivingBody}, không phải ${body}`, en: `sent for inspection to ${sent.receivingBody}, not to ${body}` }) });
        }
        return out;
      }),
  },
  handling: {
    title: { vi: 'Xử lý văn bản trái pháp luật sau kết luận kiểm tra (LEG-08)', en: 'Unlawful documents handled after the inspection conclusion (LEG-08)' },
    find: (env) =>
      env.register.inspectionConclusions
        .filter((c) => c.result === 'unlawful' && c.date <= env.referenceDate && env.graph.document(c.document)!.issuer.unitId === env.register.unitId)
        .flatMap((c) => {
          const r = rule('handling', c.date);
          if (!r) return [];
          const done = firstDated(env.register.handlingDecisions.filter((h) => h.document === c.document && h.signedOn >= c.date), (h) => h.signedOn, env.referenceDate)?.signedOn;
          const due = addDays(c.date, env.config.handlingDays);
          return deadline({ rule: r, subject: ['conclusion', `${c.document} ${c.date}`], due, doneOn: done, ref: env.referenceDate, unconfirmedNumber: true, what: of(c.document, { vi: 'xử lý văn bản trái pháp luật', en: 'handled as unlawful' }) });
        }),
  },
  handlingPublication: {
    title: { vi: 'Công bố văn bản xử lý trong 3 ngày (LEG-09)', en: 'Handling published within 3 days (LEG-09)' },
    find: (env) =>
      env.register.handlingDecisions
        .filter((h) => h.signedOn <= env.referenceDate && env.graph.document(h.document)!.issuer.unitId === env.register.unitId)
        .flatMap((h) => {
          const r = rule('handlingPublication', h.signedOn);
          if (!r) return [];
          const due = addDays(h.signedOn, r.params.days);
          return (r.params.channels as PublicationChannel[]).flatMap((c) => {
            const done = firstDated(h.publications.filter((p) => p.channel === c), (p) => p.date, env.referenceDate)?.date;
            return deadline({ rule: r, subject: ['handling', `${h.document} ${h.signedOn} ${c}`], due, doneOn: done, ref: env.referenceDate, what: of(h.document, { vi: `văn bản xử lý ${CHANNEL_TEXT[c].vi}`, en: `handling ${CHANNEL_TEXT[c].en}` }) });
          });
        }),
  },
  review: {
    title: { vi: 'Rà soát văn bản khi có căn cứ rà soát (LEG-10 đến LEG-12)', en: 'Documents reviewed once a trigger exists (LEG-10 to LEG-12)' },
    find: (env) =>
      env.graph.reviewObligations(env.referenceDate).flatMap((item) => {
        const status = reviewStatus(env, item);
        if (!status) return [];
        const trigger = triggerText(item);
        const why = item.dependsOn ? { vi: ` (căn cứ ${item.dependsOn}, do ${trigger.vi})`, en: ` (it rests on ${item.dependsOn}: ${trigger.en})` } : { vi: ` (${trigger.vi})`, en: ` (${trigger.en})` };
        return deadline({
          rule: status.rule,
          subject: ['review', `${item.document} ${item.obligationArose}`],
          due: status.due,
          doneOn: status.doneOn,
          ref: env.referenceDate,
          unconfirmedNumber: true,
          what: of(item.document, { vi: `rà soát${why.vi}`, en: `reviewed${why.en}` }),
        });
      }),
  },
  reviewOutcome: {
    title: { vi: 'Xử lý kết quả rà soát (LEG-13)', en: 'Review proposals carried out (LEG-13)' },
    find: (env) =>
      env.register.reviews
        .filter((x) => x.outcome !== 'noAction' && x.reviewedOn <= env.referenceDate && env.graph.document(x.document)!.issuer.unitId === env.register.unitId)
        .flatMap((x) => {
          const r = rule('reviewOutcome', x.reviewedOn);
          if (!r) return [];
          const done = x.actedBy === undefined ? undefined : (x.actedOn ?? env.graph.document(x.actedBy)!.signedOn);
          return deadline({
            rule: r,
            subject: ['review', `${x.document} ${x.reviewedOn} outcome`],
            due: addDays(x.reviewedOn, env.config.reviewOutcomeDays),
            doneOn: done !== undefined && done <= env.referenceDate ? done : undefined,
            ref: env.referenceDate,
            unconfirmedNumber: true,
            what: of(x.document, { vi: `thực hiện kiến nghị rà soát (${x.outcome})`, en: `review proposal carried out (${x.outcome})` }),
          });
        }),
  },
  expiryList: {
    title: { vi: 'Công bố danh mục văn bản hết hiệu lực hằng năm (LEG-14)', en: 'Yearly list of expired documents published (LEG-14)' },
    find: (env) => {
      const byYear = new Map<number, Set<string>>();
      for (const d of ownDocuments(env)) {
        for (const e of env.graph.eventsOf(d.number)) {
          if (e.kind === 'expires' || e.kind === 'suspended' || e.kind === 'executionSuspended') {
            const y = Number(e.date.slice(0, 4));
            byYear.set(y, (byYear.get(y) ?? new Set()).add(d.number));
          }
        }
      }
      return [...byYear].flatMap(([year, numbers]) => {
        const due = `${year + 1}-${env.config.expiryListDue}`;
        const r = rule('expiryList', due);
        if (!r || env.referenceDate <= due) return [];
        const lists = env.register.expiryLists.filter((l) => l.year === year && l.publishedOn <= env.referenceDate);
        const listed = new Set(lists.flatMap((l) => l.documents));
        const missing = [...numbers].filter((n) => !listed.has(n)).sort();
        if (missing.length === 0) return deadline({ rule: r, subject: ['expiryList', `${year}`], due, doneOn: lists.map((l) => l.publishedOn).sort()[0], ref: env.referenceDate, unconfirmedNumber: true, what: { of: { vi: `Danh mục văn bản hết hiệu lực năm ${year}`, en: `The ${year} list of expired documents` }, vi: 'công bố', en: 'published' } });
        return [
          {
            rule: r,
            severity: 'major',
            unconfirmedNumber: true,
            dueDate: due,
            subject: ['expiryList', `${year}`],
            message: { vi: `Danh mục văn bản hết hiệu lực năm ${year} thiếu: ${missing.join(', ')}`, en: `The ${year} list of expired documents ${lists.length === 0 ? 'was not published; it should list' : 'omits'}: ${missing.join(', ')}` },
          },
        ];
      });
    },
  },
  detailingExpiry: {
    title: { vi: 'Công bố danh mục văn bản quy định chi tiết hết hiệu lực cùng văn bản được quy định chi tiết (LEG-15)', en: 'Detailing documents listed before their parent expires (LEG-15)' },
    find: (env) => {
      const children = new Map<string, { date: CivilDate; numbers: string[] }>();
      for (const d of env.register.documents) {
        for (const e of env.graph.eventsOf(d.number)) {
          if (e.cause !== 'parentExpired' || e.date > env.referenceDate) continue;
          const entry = children.get(e.sourceDocument!) ?? { date: e.date, numbers: [] };
          entry.numbers.push(d.number);
          children.set(e.sourceDocument!, entry);
        }
      }
      return [...children].flatMap(([parent, { date, numbers }]) => {
        const r = rule('detailingExpiry', date);
        if (!r || env.graph.document(parent)!.issuer.unitId !== env.register.unitId) return [];
        const listed = new Set(env.register.detailingExpiryLists.filter((l) => l.parent === parent && l.publishedOn < date).flatMap((l) => l.documents));
        const missing = numbers.filter((n) => !listed.has(n)).sort();
        return missing.length === 0
          ? []
          : [
              {
                rule: r,
                severity: 'major' as const,
                dueDate: addDays(date, -1),
                subject: ['document', parent] as const,
                message: of(parent, { vi: `hết hiệu lực từ ${vn(date)}; chưa công bố trước đó danh mục văn bản quy định chi tiết hết hiệu lực theo: ${missing.join(', ')}`, en: `expires on ${vn(date)}; no list published before then of the detailing documents that expire with it: ${missing.join(', ')}` }),
              },
            ];
      });
    },
  },
  systematisation: {
    title: { vi: 'Hệ thống hóa VBQPPL định kỳ (LEG-16, LEG-17)', en: 'Periodic systematisation (LEG-16, LEG-17)' },
    find: (env) => {
      const own = ownDocuments(env);
      if (own.length === 0) return [];
      const first = own.reduce((m, d) => (d.signedOn < m ? d.signedOn : m), own[0]!.signedOn);
      const out: RawFinding[] = [];
      for (let cutOff = env.graph.systematisation(first).cycle.cutOff; cutOff < env.referenceDate; cutOff = `${Number(cutOff.slice(0, 4)) + 5}-12-31`) {
        const r = rule('systematisation', cutOff);
        if (!r) continue;
        const record = env.register.systematisations.find((s) => s.cutOff === cutOff);
        const due = addDays(cutOff, env.config.systematisationPublicationDays);
        const what = { of: { vi: `Kết quả hệ thống hóa kỳ ${vn(cutOff)}`, en: `The systematisation to ${vn(cutOff)}` }, vi: 'công bố', en: 'published' };
        out.push(...deadline({ rule: r, subject: ['systematisation', cutOff], due, doneOn: record?.publishedOn && record.publishedOn <= env.referenceDate ? record.publishedOn : undefined, ref: env.referenceDate, unconfirmedNumber: true, what }));
        if (record && !(record.planIssuedOn && record.planIssuedOn <= (record.publishedOn ?? env.referenceDate))) {
          out.push({ rule: r, severity: 'major', subject: ['systematisation', `${cutOff} plan`], message: { vi: `Hệ thống hóa kỳ ${vn(cutOff)} không có kế hoạch bằng văn bản`, en: `The systematisation to ${vn(cutOff)} has no written plan` } });
        }
        if (!record?.lists || !record.publishedOn || record.publishedOn > env.referenceDate) continue;
        const lists = rule('systematisationLists', record.publishedOn); // LEG-17 as in force when the lists were published
        if (!lists) continue;
        const computed = env.graph.systematisation(cutOff);
        const ownSet = new Set(own.map((d) => d.number));
        const missing = computed.inForce.filter((n) => ownSet.has(n) && !record.lists!.inForce.includes(n));
        const extra = record.lists.inForce.filter((n) => ownSet.has(n) && !computed.inForce.includes(n));
        if (missing.length + extra.length > 0) {
          out.push({
            rule: lists,
            severity: 'major',
            subject: ['systematisation', `${cutOff} lists`],
            message: {
              vi: `Danh mục văn bản còn hiệu lực tại ${vn(cutOff)}${missing.length ? ` thiếu ${missing.join(', ')}` : ''}${extra.length ? ` có văn bản không còn hiệu lực ${extra.join(', ')}` : ''}`,
              en: `The list of documents in force at ${vn(cutOff)}${missing.length ? ` omits ${missing.join(', ')}` : ''}${extra.length ? `${missing.length ? ' and' : ''} lists documents no longer in force: ${extra.join(', ')}` : ''}`,
            },
          });
        }
      }
      return out;
    },
  },
  publication: {
    title: { vi: 'Niêm yết và đăng CSDL quốc gia về pháp luật (LEG-18)', en: 'Posting and upload to the national legal database (LEG-18)' },
    find: (env) =>
      ownDocuments(env).flatMap((d) => {
        const r = rule('publication', d.signedOn);
        if (!r) return [];
        const out: RawFinding[] = [];
        const days: number | undefined = r.params.databaseDays[d.issuer.level];
        if (days !== undefined) {
          const due = addDays(d.signedOn, days);
          out.push(...deadline({ rule: r, subject: ['document', `${d.number} nationalLegalDatabase`], due, doneOn: published(env, d.number, 'nationalLegalDatabase'), ref: env.referenceDate, what: of(d.number, CHANNEL_TEXT.nationalLegalDatabase) }));
        }
        if ((r.params.posted as string[]).includes(d.issuer.level) && !published(env, d.number, 'posting') && env.referenceDate > d.signedOn) {
          out.push({ rule: r, severity: 'major', subject: ['document', `${d.number} posting`], message: about(d.number, { vi: 'không có biên bản niêm yết', en: 'no posting minutes' }) });
        }
        return out;
      }),
  },
  implementation: {
    title: { vi: 'Kế hoạch tổ chức thi hành và kế hoạch theo dõi thi hành pháp luật (LEG-19)', en: 'Implementation plans and the monitoring plan (LEG-19)' },
    find: (env) => {
      const own = ownDocuments(env);
      const plans = own.flatMap((d) => {
        const r = rule('implementation', d.signedOn);
        if (!r) return [];
        const done = firstDated(env.register.implementationPlans.filter((p) => p.document === d.number), (p) => p.issuedOn, env.referenceDate)?.issuedOn;
        return deadline({ rule: r, subject: ['document', d.number], due: addDays(d.signedOn, env.config.implementationPlanDays), doneOn: done, ref: env.referenceDate, unconfirmedNumber: true, what: of(d.number, { vi: 'ban hành kế hoạch tổ chức thi hành', en: 'implementation plan issued' }) });
      });
      const years = [...new Set(own.map((d) => Number(d.signedOn.slice(0, 4))))].sort();
      const monitoring = years.flatMap((year) => {
        const due = `${year}-${env.config.monitoringPlanDue}`;
        const r = rule('implementation', due);
        if (!r) return [];
        const done = firstDated(env.register.monitoringPlans.filter((p) => p.year === year), (p) => p.issuedOn, env.referenceDate)?.issuedOn;
        return deadline({ rule: r, subject: ['monitoringPlan', `${year}`], due, doneOn: done, ref: env.referenceDate, unconfirmedNumber: true, what: { of: { vi: `Kế hoạch theo dõi thi hành pháp luật năm ${year}`, en: `The ${year} law-enforcement monitoring plan` }, vi: 'ban hành', en: 'issued' } });
      });
      return [...plans, ...monitoring];
    },
  },
};

/** Whether a finding counts at its own severity: a confirmed number under a rule that is not unconfirmed, or `enforced`. */
export const counts = (f: RawFinding, config: LegalReviewConfig) => (f.rule.legalBasis.verification !== 'unconfirmed' && !f.unconfirmedNumber) || config.unconfirmedRules === 'enforced';

/** A raw finding as the plugin reports it: unconfirmed rules and numbers at `minor` at most unless `enforced`. */
export function present(f: RawFinding, unitId: string, config: LegalReviewConfig): FindingInput {
  const severity = advisorySeverity(f.severity, counts(f, config));
  const { rule: r } = f;
  return {
    severity,
    unitId,
    subject: { kind: f.subject[0], id: f.subject[1] },
    message: f.message,
    ruleId: r.ruleId,
    legalBasis: [ruleVersionBasis(r), ...(f.basis ?? [])],
    ...(f.dueDate && { dueDate: f.dueDate }),
  };
}
