import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Context } from 'hono';
import { z } from 'zod';
import { toVietnamTime } from '@par/calendar';
import { ParValidationError, type Assessment } from '@par/core';
import { readTemplate, SheetError } from '@par/cli';
import { ParConflictError, type AssignmentEvent } from '@par/lifecycle';
import { EVENT_ACTIONS, ParAccessDeniedError, type ParStore, type StoreActor } from '@par/store';
import { html, layout, messagePage, type PageContext } from './html.js';
import { importedLeaves, type ReadModel } from './read-model.js';
import type { Env, RequestView } from './request-view.js';
import { assignmentPage, PERSON_EVENTS } from './pages/board.js';
import { cliContext, UPLOAD_LIMITS, uploadPage, type UploadProblem } from './pages/files.js';

const EventFormSchema = z.strictObject({
  _csrf: z.string(),
  id: z.string().min(1).max(500),
  type: z.enum(PERSON_EVENTS),
  content: z.string().max(10_000).optional(),
  reason: z.string().max(2_000).optional(),
  note: z.string().max(2_000).optional(),
  dueDate: z.string().max(10).optional(),
});
const AssessmentFormSchema = z.strictObject({
  _csrf: z.string(),
  period: z.string().min(1).max(10),
  action: z.enum(['submit', 'startAppraisal', 'appraise', 'import', 'finishAppraisal', 'publish']),
  code: z.string().max(50).optional(),
  points: z.string().max(20).optional(),
  reason: z.string().max(2_000).optional(),
  source: z.string().max(500).optional(),
});

/** The instant an event was received, as the lifecycle records it: ISO to the second with Vietnam's offset. */
const eventInstant = (d: Date) => {
  const v = toVietnamTime(d);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${v.date}T${two(Math.floor(v.minute / 60))}:${two(v.minute % 60)}:${two(Math.floor(d.getTime() / 1000) % 60)}+07:00`;
};

/**
 * The writes of the dashboard: each goes to the store's session as the signed-in actor, so that the store's policy
 * decides and audits every attempt, a denied one included (the pages' own policy check only hides buttons).
 * `reader` is the server's own actor, which reads the current versions.
 */
export function createActions(store: ParStore, model: ReadModel, work: string, reader: StoreActor) {
  /** Saves an assessment through the store's session (its policy and stage rules), then shows `next`; a refusal shows why. */
  const saveAssessment = async (c: Context<Env>, v: RequestView, doc: Assessment, next: string) => {
    try {
      const stored = await store.session(reader, v.now).loadAssessment(doc.unitId, doc.framework.id, doc.period);
      await store.session(v.actor, v.now).saveAssessment(doc, stored?.version ?? 0);
    } catch (e) {
      // the stage rules come before the policy: their reasons would tell about a unit the actor may not read
      if (ParValidationError.isInstance(e) && !v.readable.has(doc.unitId)) return refusal(c, v.p, new ParAccessDeniedError('read', v.actor, doc.unitId, undefined));
      return refusal(c, v.p, e);
    }
    model.putAssessment(doc);
    return c.redirect(next, 303);
  };

  /** A refused write as a page: 403 for the policy, 409 for a conflict, 422 for what the rules refuse. */
  const refusal = (c: Context<Env>, p: PageContext, e: unknown) => {
    if (ParAccessDeniedError.isInstance(e))
      return c.html(messagePage(p, p.t('Không được phép', 'Not allowed'), p.t('Chính sách phân quyền không cho phép việc này.', 'The policy does not allow this.')), 403);
    if (ParConflictError.isInstance(e))
      return c.html(messagePage(p, p.t('Dữ liệu đã thay đổi', 'Changed meanwhile'), p.t('Người khác vừa cập nhật; hãy tải lại trang.', 'Someone else saved first; reload the page.')), 409);
    if (ParValidationError.isInstance(e))
      return c.html(
        layout(
          p,
          p.t('Không hợp lệ', 'Refused'),
          html`<ul class="problems">
            ${e.issues.map((i) => html`<li>${i.path.join('.')}: ${i.message}</li>`)}
          </ul>`,
        ),
        422,
      );
    throw e;
  };

  return {
    /** `POST /units/:id/assessment`: submit (the unit), start, record, finish the appraisal and publish (the Home Affairs office). */
    async assessment(c: Context<Env>, v: RequestView, unitId: string) {
      const form = AssessmentFormSchema.safeParse(c.var.form);
      const a = form.success ? model.assessment(unitId, form.data.period) : undefined;
      if (!form.success || !a) return c.html(messagePage(v.p, v.p.t('Yêu cầu không hợp lệ', 'Bad request'), v.p.t('Không có bản đánh giá này.', 'No such assessment.')), 400);
      const f = form.data;
      const doc = JSON.parse(JSON.stringify(a)) as Assessment & { entries: { code: string; appraisals: unknown[] }[] };
      const status = { submit: 'submitted', startAppraisal: 'underAppraisal', finishAppraisal: 'appraised', publish: 'published', appraise: a.status, import: a.status }[f.action];
      if (f.action === 'import') {
        // survey and leadership points, brought in by the office while the unit drafts (the store's policy: assessment.appraise)
        const leaf = importedLeaves(model, a).find((l) => l.code === f.code);
        const points = Number((f.points ?? '').replace(',', '.'));
        if (!leaf || !f.points || !Number.isFinite(points))
          return c.html(messagePage(v.p, v.p.t('Yêu cầu không hợp lệ', 'Bad request'), v.p.t('Chọn tiêu chí khảo sát và nhập số điểm.', 'Pick a survey criterion and type the points.')), 400);
        const entry = { code: leaf.code, appraisals: [], imported: { points, source: f.source ?? '' } };
        const at = doc.entries.findIndex((e) => e.code === leaf.code);
        if (at === -1) doc.entries.push(entry);
        else doc.entries[at] = entry;
      }
      const appraiser = v.actor.person ?? v.p.unitName(v.actor.unitId);
      if (f.action === 'appraise') {
        const entry = doc.entries.find((e) => e.code === f.code);
        const points = Number((f.points ?? '').replace(',', '.'));
        if (!entry || !f.points || !Number.isFinite(points))
          return c.html(messagePage(v.p, v.p.t('Yêu cầu không hợp lệ', 'Bad request'), v.p.t('Chọn tiêu chí và nhập số điểm.', 'Pick a criterion and type the points.')), 400);
        const round = a.status === 'explained' ? 2 : 1;
        entry.appraisals = [...entry.appraisals.filter((x) => (x as { round: number }).round !== round), { round, points, reason: f.reason ?? '', appraiser, on: toVietnamTime(v.now).date }];
      }
      return saveAssessment(c, v, { ...doc, status } as unknown as Assessment, `/units/${encodeURIComponent(unitId)}?period=${encodeURIComponent(f.period)}`);
    },
    /** `POST /assignment`: an event on an assignment, checked by the lifecycle and by the store's policy (which audits a denial). */
    async assignment(c: Context<Env>, v: RequestView) {
      const { t } = v.p;
      const form = EventFormSchema.safeParse(c.var.form);
      const a = form.success ? model.assignment(form.data.id) : undefined;
      if (!form.success || !a) return c.html(messagePage(v.p, t('Yêu cầu không hợp lệ', 'Bad request'), t('Không có nhiệm vụ này.', 'No such assignment.')), 400);
      const f = form.data;
      const { entries, version } = await store.session(reader, v.now).lifecycle.load(f.id);
      const state = model.lifecycle.replay(a.input, entries);
      const fields = Object.fromEntries(Object.entries({ content: f.content, reason: f.reason, note: f.note, dueDate: f.dueDate || undefined }).filter(([, x]) => x !== undefined));
      const event = {
        type: f.type,
        by: { unitId: v.actor.unitId, ...(v.actor.person ? { person: v.actor.person } : {}) },
        at: eventInstant(v.now),
        ...fields,
        ...(f.type === 'REPORT' ? { attachments: [] } : {}),
      } as AssignmentEvent;
      let sent;
      try {
        sent = model.lifecycle.send(state, event);
      } catch (e) {
        return refusal(c, v.p, e);
      }
      const session = store.session(v.actor, v.now);
      if (!sent.accepted) {
        // what the lifecycle refuses is still put to the store's policy, which writes nothing when it allows the attempt:
        // a commune's hand-made APPROVE of its own report is denied (403) and audited there
        const need = EVENT_ACTIONS[event.type];
        try {
          // the attempt as the store's own append would record it, at the log's version
          const attempt = { assignmentId: f.id, fromVersion: version, entries: [{ assignmentId: f.id, seq: version + 1, state: state.state, event }] };
          await session.authorize(need.action, need.on === 'unit' ? a.input.unitId : a.input.issuerId, attempt);
        } catch (e) {
          return refusal(c, v.p, e);
        }
        return c.html(assignmentPage(v, f.id, `${t('Không thực hiện được', 'Refused')}: ${sent.refusal.message}`), 422);
      }
      try {
        await session.lifecycle.append(f.id, [sent.entry], version);
      } catch (e) {
        return refusal(c, v.p, e);
      }
      model.putLog(f.id, [...entries, sent.entry], sent.state, v.now);
      return c.redirect(`/assignment?id=${encodeURIComponent(f.id)}`, 303);
    },
    /** `POST /upload`: a filled sheet, read by `@par/cli`, saved as the unit's draft self-assessment. */
    async upload(c: Context<Env>, v: RequestView) {
      const { t } = v.p;
      const file = c.var.form.sheet;
      const problem = (message: string) => c.html(uploadPage(v, [{ cell: t('tệp', 'file'), message }]), 422);
      if (!(file instanceof File) || file.size === 0) return problem(t('Chưa chọn tệp.', 'No file chosen.'));
      const ext = extname(file.name).toLowerCase();
      if (!(UPLOAD_LIMITS.extensions as readonly string[]).includes(ext)) return problem(t('Chỉ nhận tệp .xlsx hoặc .ods.', 'Only .xlsx and .ods files are accepted.'));
      if (file.size > UPLOAD_LIMITS.maxBytes) return c.text('The file is larger than 5 MB', 413);
      const bytes = Buffer.from(await file.arrayBuffer());
      if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04')
        return problem(t('Tệp không phải là bảng tính .xlsx hoặc .ods (không phải tệp zip).', 'The file is not an .xlsx or .ods workbook (not a zip file).'));
      const dir = mkdtempSync(join(work, 'upload-'));
      let assessment: Assessment;
      try {
        const path = join(dir, `sheet${ext}`);
        writeFileSync(path, bytes);
        assessment = await readTemplate(cliContext(model, v.p.lang, work), path);
      } catch (e) {
        if (e instanceof SheetError)
          return c.html(
            uploadPage(v, e.problems.length ? e.problems.map((x): UploadProblem => ({ cell: x.cell, message: x.message })) : [{ cell: t('tệp', 'file'), message: e.message }], file.name),
            422,
          );
        if (ParValidationError.isInstance(e))
          return c.html(
            uploadPage(
              v,
              e.issues.map((i) => ({ cell: i.path.join('.') || t('tệp', 'file'), message: i.message })),
              file.name,
            ),
            422,
          );
        throw e;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const doc = JSON.parse(JSON.stringify(assessment)) as Assessment & { entries: { code: string; imported?: unknown }[] };
      // a sheet holds the unit's own scores: the survey and leadership points the office brought in stay
      const kept = model.assessment(doc.unitId, doc.period)?.entries.filter((e) => e.imported && !doc.entries.some((x) => x.code === e.code)) ?? [];
      doc.entries.push(...(JSON.parse(JSON.stringify(kept)) as typeof doc.entries));
      return saveAssessment(c, v, doc, `/ranking?period=${encodeURIComponent(doc.period)}&unit=${encodeURIComponent(doc.unitId)}&saved=1`);
    },
  };
}
