import { addDays, addWorkingHours, fromDayNumber, type CivilDate } from '@par/calendar';
import { ruleInForce, type FindingInput } from '@par/core';
import { appointmentOf, vietnamDay, type DeadlineClock } from './appointment.js';
import { extendedOutcomeAsOf, formNumber, onlineLevelOf, outcomeAsOf, regimeOn, type DossierView } from './evaluate.js';
import type { OneStopConfig } from './records.js';
import { OSS_RULES, type OssRuleName, type OssRuleVersion } from './rules.js';

/** What the checks read besides a dossier: the options, the clock, and the instant the run looks from. */
export interface CheckEnv {
  readonly config: OneStopConfig;
  readonly clock: DeadlineClock;
  /** The run's `now`: a dossier still open after its appointment is late as of this instant. */
  readonly nowMs: number;
}

type Severity = FindingInput['severity'];
type Text = { readonly vi: string; readonly en: string };

/** A finding before the plugin applies the unconfirmed-rule policy to its severity. */
export interface RawFinding {
  readonly rule: OssRuleVersion<any>;
  readonly severity: Severity;
  readonly message: Text;
  readonly dueDate?: CivilDate;
  /** The option a rule's figure came from, when the option carries its own verification tag (OSS-12). */
  readonly verification?: 'confirmed' | 'partlyConfirmed' | 'unconfirmed';
}

type Finder = (v: DossierView, env: CheckEnv) => (Omit<RawFinding, 'rule'> | undefined | false)[];

const dateOf = (ms: number) => fromDayNumber(vietnamDay(ms));
const clock = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

/** The checks, in the order they run: each applies the version of its rule in force on the dossier's receipt date. */
export const CHECKS: Record<string, { readonly rule: OssRuleName; readonly title: Text; readonly find: Finder }> = {
  receivingPoint: {
    rule: 'receivingPoint',
    title: { vi: 'Ghi riêng nơi tiếp nhận và cơ quan có thẩm quyền', en: 'The receiving point is recorded apart from the competent body' },
    find: ({ dossier: d }) => [
      d.receivingPoint === undefined && { severity: 'minor', message: { vi: `Hồ sơ ${d.code} không ghi nơi tiếp nhận`, en: `Dossier ${d.code} records no receiving point` } },
    ],
  },
  reception: {
    rule: 'reception',
    title: { vi: 'Hồ sơ nộp trực tiếp, qua bưu chính được số hóa khi tiếp nhận', en: 'Counter and postal dossiers are scanned at reception' },
    find: ({ dossier: d }) => [
      d.receivedAt !== undefined && d.channel !== 'online' && d.scannedAt === undefined && { severity: 'major', message: { vi: `Hồ sơ ${d.code} (${d.channel === 'postal' ? 'bưu chính' : 'trực tiếp'}) chưa được số hóa khi tiếp nhận`, en: `Dossier ${d.code} (${d.channel}) was not scanned at reception` } },
    ],
  },
  receptionSupplement: {
    rule: 'receptionSupplement',
    title: { vi: 'Hướng dẫn bổ sung hồ sơ một lần, đầy đủ, bằng văn bản', en: 'One complete written supplement request at reception' },
    find: ({ dossier: d }) => {
      const n = d.forms.filter((f) => f.kind === 'supplementRequest' && f.stage === 'reception').length;
      return [n > 1 && { severity: 'major', message: { vi: `Hồ sơ ${d.code} bị yêu cầu bổ sung ${n} lần khi tiếp nhận (chỉ được hướng dẫn một lần, đầy đủ)`, en: `Dossier ${d.code} got ${n} supplement requests at reception (one complete request is allowed)` } }];
    },
  },
  refusal: {
    rule: 'refusal',
    title: { vi: 'Từ chối tiếp nhận có phiếu nêu rõ lý do', en: 'A refusal carries a slip with its reasons' },
    find: ({ dossier: d }) => {
      if (!d.refused) return [];
      const slip = d.forms.find((f) => f.kind === 'refusalSlip');
      if (!slip) return [{ severity: 'major', message: { vi: `Hồ sơ ${d.code} bị từ chối nhưng không có Phiếu từ chối (Mẫu 03)`, en: `Dossier ${d.code} was refused without a refusal slip (Form 03)` } }];
      return [!slip.reasons?.trim() && { severity: 'major', message: { vi: `Phiếu từ chối hồ sơ ${d.code} không nêu lý do`, en: `The refusal slip of dossier ${d.code} gives no reasons` } }];
    },
  },
  receiptSlip: {
    rule: 'receiptSlip',
    title: { vi: 'Giấy tiếp nhận và hẹn trả kết quả, ngày hẹn đúng thời hạn luật định', en: 'A receipt slip whose appointment matches the legal time' },
    find: ({ dossier: d, appointment }) => {
      if (!appointment || d.resolvedOnTheSpot) return [];
      if (!d.forms.some((f) => f.kind === 'receiptSlip')) return [{ severity: 'major', message: { vi: `Hồ sơ ${d.code} được tiếp nhận nhưng không có Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)`, en: `Dossier ${d.code} was received without a receipt slip (Form 01)` } }];
      const printed = d.appointmentOnReceipt;
      if (printed === undefined) return [{ severity: 'minor', message: { vi: `Giấy tiếp nhận hồ sơ ${d.code} không ghi ngày hẹn`, en: `The receipt slip of dossier ${d.code} gives no appointment date` } }];
      if (printed === appointment.date) return [];
      const later = printed > appointment.date;
      return [
        {
          severity: later ? 'major' : 'minor',
          message: {
            vi: `Ngày hẹn trên giấy tiếp nhận hồ sơ ${d.code} (${printed}) ${later ? 'muộn hơn' : 'sớm hơn'} ngày hẹn theo thời hạn luật định (${appointment.date})`,
            en: `The receipt slip of dossier ${d.code} gives ${printed}, ${later ? 'later' : 'earlier'} than the legal appointment ${appointment.date}`,
          },
        },
      ];
    },
  },
  processingSupplement: {
    rule: 'processingSupplement',
    title: { vi: 'Yêu cầu bổ sung trong quá trình giải quyết không quá một lần', en: 'At most one supplement request during processing' },
    find: ({ dossier: d, receiptDate, procedure }, env) => {
      const requests = d.forms.filter((f) => f.kind === 'supplementRequest' && f.stage === 'processing');
      const max = ruleInForce<{ max?: number }>(OSS_RULES.processingSupplement, receiptDate)?.params.max ?? env.config.maxProcessingSupplements2025;
      const window = procedure.supplementWindowWorkingDays;
      const last = window === undefined || d.receivedAt === undefined ? undefined : env.clock.calendar.addWorkingDays(receiptDate, window);
      return [
        requests.length > max && { severity: 'major', message: { vi: `Hồ sơ ${d.code} bị yêu cầu bổ sung ${requests.length} lần trong quá trình giải quyết (tối đa ${max})`, en: `Dossier ${d.code} got ${requests.length} supplement requests during processing (at most ${max})` } },
        ...requests.map(
          (f) =>
            last !== undefined &&
            f.on > last && { severity: 'minor' as const, dueDate: last, message: { vi: `Hồ sơ ${d.code}: yêu cầu bổ sung ngày ${f.on}, sau thời hạn ${window} ngày làm việc kể từ khi tiếp nhận (${last})`, en: `Dossier ${d.code}: supplement requested on ${f.on}, after the ${window} working days from receipt (${last})` } },
        ),
      ];
    },
  },
  handOver: {
    rule: 'handOver',
    title: { vi: 'Chuyển hồ sơ cho cơ quan giải quyết trong ngày (nhận sau giờ chốt: đầu ngày làm việc tiếp theo)', en: 'Hand-over to the processing unit the same day (after the cut-off: the next working day)' },
    find: ({ dossier: d }, env) => {
      const first = d.transfers[0];
      if (d.receivedAt === undefined || !first) return [];
      const by = appointmentOf({ unit: 'sameDay' }, d.receivedAt, env.clock).date;
      const on = dateOf(first.at);
      return [
        on > by && {
          severity: 'major',
          dueDate: by,
          message: { vi: `Hồ sơ ${d.code} tiếp nhận lúc ${clock(d.receivedAt)} ngày ${dateOf(d.receivedAt)} được chuyển ngày ${on}, hạn ${by}`, en: `Dossier ${d.code} received at ${clock(d.receivedAt)} on ${dateOf(d.receivedAt)} was handed over on ${on}; due ${by}` },
        },
      ];
    },
  },
  apology: {
    rule: 'apology',
    title: { vi: 'Hồ sơ quá hạn có văn bản xin lỗi gửi trước ngày hẹn', en: 'A late dossier has an apology sent before its appointment' },
    find: (v, env) => {
      const { dossier: d, appointment } = v;
      if (!appointment || outcomeAsOf(v, env.nowMs) !== 'late') return [];
      const rule = ruleInForce<{ lead?: { days: number; unit: 'workingDays' | 'calendarDays' } }>(OSS_RULES.apology, v.receiptDate)!;
      const lead = rule.params.lead ?? env.config.apologyLead2025;
      const lastDay = lead.unit === 'workingDays' ? env.clock.calendar.addWorkingDays(appointment.date, -lead.days) : addDays(appointment.date, -lead.days);
      const form = `Mẫu ${formNumber(regimeOn(v.receiptDate, env.config.interimForms)!.forms, 'apologySlip')}`;
      const apology = d.forms.filter((f) => f.kind === 'apologySlip').sort((a, b) => (a.on < b.on ? -1 : 1))[0];
      if (!apology) return [{ severity: 'major', dueDate: lastDay, message: { vi: `Hồ sơ ${d.code} quá hạn (hẹn ${appointment.date}) không có văn bản xin lỗi (${form})`, en: `Late dossier ${d.code} (appointment ${appointment.date}) has no apology (Form 04)` } }];
      return [
        apology.on > lastDay && {
          severity: 'major',
          dueDate: lastDay,
          message: { vi: `Văn bản xin lỗi hồ sơ ${d.code} gửi ngày ${apology.on}, sau hạn ${lastDay} (hẹn ${appointment.date})`, en: `The apology for dossier ${d.code} was sent on ${apology.on}, after ${lastDay} (appointment ${appointment.date})` },
        },
      ];
    },
  },
  returnOnTime: {
    rule: 'returnOnTime',
    title: { vi: 'Trả kết quả đúng hoặc trước ngày hẹn', en: 'The result is returned on or before the appointment' },
    find: (v, env) => {
      const { dossier: d, appointment } = v;
      if (!appointment || outcomeAsOf(v, env.nowMs) !== 'late') return [];
      const ext = extendedOutcomeAsOf(v, env.nowMs);
      const beside = v.extendedTo ? { vi: `; so với ngày gia hạn ${v.extendedTo}: ${ext === 'late' ? 'vẫn quá hạn' : 'trong hạn'}`, en: `; against the extension to ${v.extendedTo}: ${ext === 'late' ? 'late too' : 'within it'}` } : { vi: '', en: '' };
      const done = v.doneMs !== undefined && v.doneMs <= env.nowMs;
      const what = done ? { vi: `trả kết quả ngày ${dateOf(v.doneMs!)}`, en: `returned on ${dateOf(v.doneMs!)}` } : { vi: 'chưa trả kết quả', en: 'not yet returned' };
      return [{ severity: 'major', dueDate: appointment.date, message: { vi: `Hồ sơ ${d.code} quá hạn: hẹn ${appointment.date}, ${what.vi}${beside.vi}`, en: `Dossier ${d.code} is late: appointment ${appointment.date}, ${what.en}${beside.en}` } }];
    },
  },
  stopNotice: {
    rule: 'stopNotice',
    title: { vi: 'Dừng giải quyết hồ sơ có thông báo bằng văn bản', en: 'Stopped processing has a written notice' },
    find: ({ dossier: d }) => [
      d.stoppedAt !== undefined && !d.forms.some((f) => f.kind === 'stopNotice') && { severity: 'major', message: { vi: `Hồ sơ ${d.code} dừng giải quyết không có Thông báo dừng giải quyết (Mẫu 05)`, en: `Dossier ${d.code} was stopped without a stop notice (Form 05)` } },
    ],
  },
  onlineResponse: {
    rule: 'onlineResponse',
    title: { vi: 'Phản hồi hồ sơ trực tuyến trong thời hạn của ngành', en: "Online dossiers answered within the sector's time" },
    find: ({ dossier: d, procedure }, env) => {
      const set = env.config.onlineResponseTimes.find((t) => t.sector === procedure.sector);
      const answered = d.onlineResponseAt ?? d.receivedAt;
      if (d.channel !== 'online' || !set || answered === undefined) return [];
      const due =
        set.time.unit === 'workingHours' ? addWorkingHours(env.clock.calendar, d.submittedAt, set.time.amount, env.clock.officeHours).getTime() : appointmentOf(set.time, d.submittedAt, env.clock).dueMs;
      return [
        answered > due && {
          severity: 'major',
          verification: set.verification,
          message: { vi: `Hồ sơ trực tuyến ${d.code} được phản hồi lúc ${clock(answered)} ngày ${dateOf(answered)}, quá thời hạn (${set.source})`, en: `Online dossier ${d.code} was answered at ${clock(answered)} on ${dateOf(answered)}, after its sector's time (${set.source})` },
        },
      ];
    },
  },
  onlineLevel: {
    rule: 'onlineLevel',
    title: { vi: 'Hồ sơ trực tuyến thuộc TTHC có cung cấp dịch vụ công trực tuyến', en: 'Online dossiers belong to procedures offered online' },
    find: ({ dossier: d, procedure }, env) => [
      d.channel === 'online' && onlineLevelOf(procedure, env.config) === 'none' && { severity: 'minor', message: { vi: `Hồ sơ ${d.code} nộp trực tuyến nhưng TTHC ${procedure.code} không cung cấp trực tuyến trong danh mục`, en: `Dossier ${d.code} came online but procedure ${procedure.code} is not offered online in the catalogue` } },
    ],
  },
  postal: {
    rule: 'postal',
    title: { vi: 'Hồ sơ qua bưu chính công ích thuộc TTHC được phép', en: 'Postal dossiers belong to procedures the postal service may carry' },
    find: ({ dossier: d, procedure: p }) => [
      d.channel === 'postal' &&
        (p.personalPresenceRequired || !p.postalEligible) && {
          severity: 'major',
          message: {
            vi: `Hồ sơ ${d.code} nộp qua bưu chính nhưng TTHC ${p.code} ${p.personalPresenceRequired ? 'yêu cầu có mặt trực tiếp' : 'không thực hiện qua bưu chính'}`,
            en: `Dossier ${d.code} came by post but procedure ${p.code} ${p.personalPresenceRequired ? 'requires personal presence' : 'is not postal'}`,
          },
        },
    ],
  },
};

/** The findings of one check on one dossier, under the version of its rule in force on the receipt date. */
export function findingsOf(id: string, v: DossierView, env: CheckEnv): RawFinding[] {
  const check = CHECKS[id]!;
  const rule = ruleInForce<unknown>(OSS_RULES[check.rule], v.receiptDate) as OssRuleVersion<any> | undefined;
  if (!rule) return [];
  return check.find(v, env).flatMap((f) => (f ? [{ ...f, rule }] : []));
}

