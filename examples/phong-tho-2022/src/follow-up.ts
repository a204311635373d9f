// A plausible second half of 2022 for the notice of 7 September (ILLUSTRATIVE: the real follow-up is not in the
// sources): every unit acknowledges; most report on time; the Finance-Planning office reports late; the
// Economy-Infrastructure office gets an extension; the Justice office's report is returned once; two communes
// never report and are escalated. Everything goes through the lifecycle layer, so every step is logged.
import { defaultCalendar } from '@par/calendar';
import type { AssignmentSet, DirectiveDocument } from '@par/core';
import { createLifecycle, lifecycleInputs, type AssignmentState, type LogEntry } from '@par/lifecycle';

const at = (date: string, time = '09:00') => `${date}T${time}:00+07:00`;

/** The follow-up: every lifecycle's state and log, and the lifecycle layer used. */
export function followUp2022(notice: DirectiveDocument, set: AssignmentSet, now: string) {
  const calendar = defaultCalendar();
  const lifecycle = createLifecycle({ calendar });
  const issuer = { unitId: notice.issuerId };
  // the People's Committee reviews (its Office prepares the review): the notice records no delegation, and the trusted
  // lifecycle inputs come from the notice alone; the Office could not review its own assignments anyway
  const office = issuer;
  const states = new Map<string, AssignmentState>();
  const logs = new Map<string, LogEntry[]>();
  const apply = (id: string, event: Record<string, unknown>) => {
    const r = lifecycle.send(states.get(id)!, event);
    if (!r.accepted) throw new Error(`${id}: ${String(event.type)} refused: ${r.refusal.message}`);
    states.set(id, r.state);
    logs.get(id)!.push(r.entry);
  };
  // the script first, then played day by day with the office's morning sweep
  const script: { id: string; event: Record<string, unknown> }[] = [];
  const send = (id: string, event: Record<string, unknown>) => script.push({ id, event });
  const inputs = lifecycleInputs(notice, set, calendar);
  for (const input of inputs) {
    states.set(input.id, lifecycle.start(input));
    logs.set(input.id, []);
  }
  const silent = new Set(['c03586', 'c03589']); // Nậm Xe and Mường So never report
  for (const input of inputs) {
    const id = input.id;
    const unit = { unitId: input.unitId };
    send(id, { type: 'ACKNOWLEDGE', by: unit, at: at(calendar.addWorkingDays(notice.signedOn, 2)) });
    if (silent.has(input.unitId) && input.itemLabel !== '(2)') continue;
    const due = input.dueDate;
    if (input.itemLabel === '(4)' && input.role === 'lead') {
      send(id, { type: 'START', by: unit, at: at('2022-10-03') });
      send(id, { type: 'REPORT', by: unit, at: at('2023-01-10'), content: 'Báo cáo tình hình giải ngân, quyết toán năm 2022' });
      send(id, { type: 'APPROVE', by: office, at: at('2023-01-11') });
    } else if (input.itemLabel === '(8)') {
      send(id, { type: 'START', by: unit, at: at('2022-10-03') });
      send(id, { type: 'REQUEST_EXTENSION', by: unit, at: at('2022-12-20'), reason: 'Chờ đơn vị tư vấn hoàn thành đánh giá nội bộ HTQLCL', dueDate: '2023-01-31' });
      send(id, { type: 'APPROVE_EXTENSION', by: issuer, at: at('2022-12-22') });
      send(id, { type: 'REPORT', by: unit, at: at('2023-01-30'), content: 'Báo cáo duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015' });
      send(id, { type: 'APPROVE', by: issuer, at: at('2023-01-31') });
    } else if (input.itemLabel === '(5)' && input.role === 'lead' && due === '2022-12-15') {
      send(id, { type: 'REPORT', by: unit, at: at('2022-12-15'), content: 'Báo cáo rà soát VBQPPL 6 tháng cuối năm' });
      send(id, { type: 'RETURN', by: office, at: at('2022-12-16'), reason: 'Thiếu kết quả kiểm tra văn bản của UBND các xã' });
      send(id, { type: 'REPORT', by: unit, at: at('2022-12-22'), content: 'Báo cáo rà soát VBQPPL, bổ sung kết quả kiểm tra văn bản cấp xã' });
      send(id, { type: 'APPROVE', by: office, at: at('2022-12-23') });
    } else if (due <= now.slice(0, 10)) {
      send(id, { type: 'REPORT', by: unit, at: at(calendar.addWorkingDays(due, -1), '15:00'), content: 'Báo cáo kết quả thực hiện' });
      send(id, { type: 'APPROVE', by: office, at: at(due) });
    }
  }
  script.sort((a, b) => Date.parse(String(a.event.at)) - Date.parse(String(b.event.at)));
  let next = 0;
  for (let day = notice.signedOn; day <= now.slice(0, 10); day = calendar.addWorkingDays(day, 1)) {
    for (const { assignmentId, event } of lifecycle.sweep(states.values(), Date.parse(at(day, '07:00')))) apply(assignmentId, event);
    const endOfDay = Date.parse(at(day, '23:59'));
    while (next < script.length && Date.parse(String(script[next]!.event.at)) <= endOfDay) {
      apply(script[next]!.id, script[next]!.event);
      next++;
    }
  }
  return { lifecycle, calendar, states, logs, inputs };
}
