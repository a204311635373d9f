import { auditTrail, type AssignmentEvent, type AssignmentState } from '@par/lifecycle';
import { addDays, defaultCalendar, toVietnamTime } from '@par/calendar';
import { labelText } from '@par/core';
import { EVENT_ACTIONS } from '@par/store';
import { csrfField, html, layout, messagePage, pager, raw, scrollTable, type Html } from '../html.js';
import { STATE_NAMES } from '../i18n.js';
import type { RequestView } from '../request-view.js';
import { PAGE_SIZE, pageOf } from './ranking.js';

/** The events a person sends (the system's reminders and overdue marks are not offered), with their button labels. */
const EVENT_LABELS = {
  ACKNOWLEDGE: ['Tiếp nhận', 'Acknowledge'],
  START: ['Bắt đầu thực hiện', 'Start'],
  REPORT: ['Báo cáo kết quả', 'Report'],
  REQUEST_EXTENSION: ['Xin gia hạn', 'Ask for an extension'],
  BEGIN_REVIEW: ['Bắt đầu xem xét', 'Begin the review'],
  APPROVE: ['Duyệt hoàn thành', 'Approve'],
  RETURN: ['Trả lại', 'Return'],
  APPROVE_EXTENSION: ['Đồng ý gia hạn', 'Approve the extension'],
  REJECT_EXTENSION: ['Không đồng ý gia hạn', 'Refuse the extension'],
  CANCEL: ['Hủy nhiệm vụ', 'Cancel'],
} as const satisfies Partial<Record<AssignmentEvent['type'], readonly [vi: string, en: string]>>;

/** The types of event a person may send from the dashboard's forms. */
export const PERSON_EVENTS = Object.keys(EVENT_LABELS) as (keyof typeof EVENT_LABELS)[];

const isOpen = (s: AssignmentState) => s.state !== 'done' && s.state !== 'cancelled';

/** The flag a row shows beside its state: overdue (red), escalated, late. */
function flag(v: RequestView, s: AssignmentState): Html {
  const { t } = v.p;
  if (isOpen(s) && s.context.overdue) return html`<strong class="overdue-flag">${s.context.escalated ? t('QUÁ HẠN, đã báo cáo cấp giao', 'OVERDUE, escalated') : t('QUÁ HẠN', 'OVERDUE')}</strong>`;
  if (s.context.outcome?.result === 'late') return html`${t('trễ hạn', 'late')}`;
  return html``;
}

const deadlineText = (c: { nominalDueDate: string; dueDate: string }) => (c.nominalDueDate === c.dueDate ? c.dueDate : `${c.nominalDueDate} → ${c.dueDate}`);

/** The directive board: assignments by item, unit and state, overdue first and in red, those the policy lets the actor read. */
export function boardPage(v: RequestView, query: URLSearchParams): Html {
  const { p, model } = v;
  const { t } = p;
  const documentId = query.get('document') ?? '';
  const item = query.get('item') ?? '';
  const unit = query.get('unit')?.trim() ?? '';
  const state = query.get('state') ?? '';
  const board = model.board(v.now);
  const rows = model.memo(v.readable, JSON.stringify(['board', documentId, item, unit, state]), () =>
    board.filter((a) => {
      const c = a.input;
      if (!v.readable.has(c.unitId) && !v.readable.has(c.issuerId)) return false;
      if (documentId && c.documentId !== documentId) return false;
      if (item && c.itemLabel !== item) return false;
      if (unit && c.unitId !== unit) return false;
      if (state === 'overdue') return isOpen(a.shown) && a.shown.context.overdue;
      if (state && a.shown.state !== state) return false;
      return true;
    }),
  );
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  const page = pageOf(query.get('page') ?? undefined, pages);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const today = toVietnamTime(v.now).date;
  const items = [...new Set(model.directives.filter((d) => !documentId || d.id === documentId).flatMap((d) => d.items.map((i) => i.label)))];
  const table = html`<table><caption>${t('Nhiệm vụ', 'Assignments')} (${rows.length}) — ${today}</caption>
    <thead><tr><th scope="col">${t('Đơn vị', 'Unit')}</th><th scope="col">${t('Nội dung', 'Item')}</th><th scope="col">${t('Vai trò', 'Role')}</th><th scope="col">${t('Hạn', 'Deadline')}</th><th scope="col">${t('Trạng thái', 'State')}</th><th scope="col">${t('Cảnh báo', 'Flag')}</th></tr></thead>
    <tbody>${shown.map((a) => {
      const s = a.shown;
      const overdue = isOpen(s) && s.context.overdue;
      return html`<tr${overdue ? raw(' class="overdue"') : ''}><td>${p.unitName(a.input.unitId, today)}</td>
        <td><a href="/assignment?id=${encodeURIComponent(a.input.id)}">${a.input.itemLabel}</a></td><td>${a.input.role === 'lead' ? t('chủ trì', 'lead') : t('phối hợp', 'coordinating')}</td>
        <td>${deadlineText(s.context)}</td><td>${STATE_NAMES[p.lang][s.state]}</td><td>${flag(v, s)}</td></tr>`;
    })}</tbody></table>`;
  const selected = (a: string, b: string) => (a === b ? raw(' selected') : '');
  return layout(
    p,
    t('Theo dõi thực hiện nhiệm vụ', 'Directive board'),
    html`<form method="get" action="/board" class="filters">
      <label for="document">${t('Văn bản', 'Document')}</label><select id="document" name="document" data-autosubmit><option value="">${t('Tất cả', 'All')}</option>${model.directives.map((d) => html`<option value="${d.id}"${selected(d.id, documentId)}>${d.number ?? d.id}</option>`)}</select>
      <label for="item">${t('Nội dung', 'Item')}</label><select id="item" name="item" data-autosubmit><option value="">${t('Tất cả', 'All')}</option>${items.map((i) => html`<option${selected(i, item)}>${i}</option>`)}</select>
      <label for="unit">${t('Mã đơn vị', 'Unit id')}</label><input id="unit" name="unit" value="${unit}" size="10">
      <label for="state">${t('Trạng thái', 'State')}</label><select id="state" name="state" data-autosubmit><option value="">${t('Tất cả', 'All')}</option><option value="overdue"${selected('overdue', state)}>${t('quá hạn', 'overdue')}</option>${Object.entries(STATE_NAMES[p.lang]).map(([k, n]) => html`<option value="${k}"${selected(k, state)}>${n}</option>`)}</select>
      <button type="submit">${t('Lọc', 'Filter')}</button></form>
    ${scrollTable(t('Bảng theo dõi nhiệm vụ', 'Directive board table'), table)}
    ${pager(p, '/board', new URLSearchParams([...query].filter(([k]) => k !== 'page')), page, pages)}`,
  );
}

/** An event of `type` with placeholder fields, to ask the lifecycle whether it would be accepted now. */
function probe(type: string, by: { unitId: string }, at: string, dueDate: string): AssignmentEvent {
  const extra: Record<string, unknown> = { REPORT: { content: '-', attachments: [] }, RETURN: { reason: '-' }, REJECT_EXTENSION: { reason: '-' }, CANCEL: { reason: '-' }, REQUEST_EXTENSION: { reason: '-', dueDate } }[type] ?? {};
  return { type, by, at, ...extra } as AssignmentEvent;
}

/** The events the actor may send now: allowed by the policy and accepted by the lifecycle. */
export function possibleEvents(v: RequestView, state: AssignmentState): (typeof PERSON_EVENTS)[number][] {
  const c = state.context;
  const at = v.now.toISOString();
  const later = addDays(c.dueDate, 30);
  return PERSON_EVENTS.filter((type) => {
    const need = EVENT_ACTIONS[type];
    return v.allowed(need.action, need.on === 'unit' ? c.unitId : c.issuerId) && v.model.lifecycle.send(state, probe(type, { unitId: v.actor.unitId }, at, later)).accepted;
  });
}

/** One assignment: its facts, its audit trail, and the forms of what the actor may do now. */
export function assignmentPage(v: RequestView, id: string, message?: string): Html {
  const { p, model } = v;
  const { t } = p;
  const a = model.assignment(id);
  if (!a) return messagePage(p, t('Không tìm thấy', 'Not found'), t('Không có nhiệm vụ này.', 'No such assignment.'));
  if (!v.readable.has(a.input.unitId) && !v.readable.has(a.input.issuerId)) return messagePage(p, t('Không được phép', 'Not allowed'), t('Chính sách phân quyền không cho bạn xem nhiệm vụ này.', 'The policy does not let you read this assignment.'));
  const doc = model.directives.find((d) => d.id === a.input.documentId);
  const item = doc?.items.find((i) => i.label === a.input.itemLabel);
  const trail = auditTrail(a.input, a.entries, `${doc?.signedOn ?? a.input.nominalDueDate}T00:00:00+07:00`, v.now, defaultCalendar(), p.lang);
  const s = a.shown;
  const form = (type: (typeof PERSON_EVENTS)[number]): Html => {
    const [vi, en] = EVENT_LABELS[type];
    const field = (name: string, label: string, input: Html) => html`<label for="${type}-${name}">${label}</label>${input}`;
    const fields: Html[] = [];
    if (type === 'REPORT') fields.push(field('content', t('Nội dung báo cáo', 'Report'), html`<textarea id="${type}-content" name="content" required rows="3"></textarea>`));
    if (type === 'REQUEST_EXTENSION') fields.push(field('dueDate', t('Hạn mới', 'New deadline'), html`<input id="${type}-dueDate" name="dueDate" type="date" required>`));
    if (type === 'APPROVE_EXTENSION') fields.push(field('dueDate', t('Hạn mới (để trống: theo đề nghị)', 'New deadline (empty: as asked)'), html`<input id="${type}-dueDate" name="dueDate" type="date">`));
    if (['RETURN', 'REJECT_EXTENSION', 'CANCEL', 'REQUEST_EXTENSION'].includes(type)) fields.push(field('reason', t('Lý do', 'Reason'), html`<input id="${type}-reason" name="reason" required>`));
    return html`<form method="post" action="/assignment" class="stack">${csrfField(p)}<input type="hidden" name="id" value="${id}"><input type="hidden" name="type" value="${type}">${fields}<button type="submit">${t(vi, en)}</button></form>`;
  };
  const events = possibleEvents(v, a.state);
  return layout(
    p,
    `${t('Nhiệm vụ', 'Assignment')} ${a.input.itemLabel} — ${p.unitName(a.input.unitId)}`,
    html`${message ? html`<p class="notice" role="alert">${message}</p>` : ''}
    <dl class="facts"><dt>${t('Văn bản', 'Document')}</dt><dd>${doc ? doc.number ?? labelText(doc.title, p.lang) : a.input.documentId}</dd>
      <dt>${t('Nội dung', 'Item')}</dt><dd>${a.input.itemLabel}${item ? html` — ${labelText(item.summary, p.lang)}` : ''}</dd>
      <dt>${t('Đơn vị giao', 'Issuer')}</dt><dd>${p.unitName(a.input.issuerId)}</dd>
      <dt>${t('Hạn', 'Deadline')}</dt><dd>${deadlineText(s.context)}</dd>
      <dt>${t('Trạng thái', 'State')}</dt><dd${isOpen(s) && s.context.overdue ? raw(' class="overdue"') : ''}>${STATE_NAMES[p.lang][s.state]} ${flag(v, s)}</dd></dl>
    ${events.length ? html`<section><h2>${t('Thao tác', 'Actions')}</h2>${events.map(form)}</section>` : ''}
    <h2>${t('Nhật ký', 'Audit trail')}</h2>
    ${scrollTable(t('Nhật ký', 'Audit trail'), html`<table><thead><tr><th scope="col">#</th><th scope="col">${t('Thời điểm', 'When')}</th><th scope="col">${t('Ai', 'Who')}</th><th scope="col">${t('Việc', 'What')}</th><th scope="col">${t('Trạng thái sau', 'State after')}</th><th scope="col">${t('Hạn', 'Deadline')}</th></tr></thead>
      <tbody>${trail.lines.map((l) => html`<tr><td>${l.seq}</td><td>${l.at}</td><td>${l.who === 'system' ? t('hệ thống', 'system') : p.unitName(l.who)}</td><td>${l.what}</td><td>${STATE_NAMES[p.lang][l.state]}</td><td>${deadlineText(l)}</td></tr>`)}</tbody></table>`)}
    <p>${trail.durations.map((d) => html`${STATE_NAMES[p.lang][d.state]}: ${d.workingDays} ${t('ngày làm việc', 'working days')}; `)}</p>
    <p><a href="/board">${t('Về bảng theo dõi', 'Back to the board')}</a></p>`,
  );
}
