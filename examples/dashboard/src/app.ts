import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import { toVietnamTime } from '@par/calendar';
import { labelText } from '@par/core';
import { renderReport, writeTemplate } from '@par/cli';
import { isAllowed, type ParStore, type Policy, type StoreAction, type StoreActor } from '@par/store';
import { csrfField, html, layout, messagePage, pageContext } from './html.js';
import { ROLE_NAMES, type Lang } from './i18n.js';
import { createReadModel, type ReadModel } from './read-model.js';
import type { Env, RequestView } from './request-view.js';
import { createActions } from './actions.js';
import { createSessions, csrfMatches, SESSION_COOKIE, type BrowserSession } from './sessions.js';
import { assignmentPage, boardPage } from './pages/board.js';
import { cliContext, downloadsPage, resultsCsv, resultsXlsx, UPLOAD_LIMITS, uploadPage, wholePeriodVisible } from './pages/files.js';
import { figuresPage, findingsPage } from './pages/plugins.js';
import { rankingPage, unitPage } from './pages/ranking.js';

/** What the dashboard runs on: a migrated, seeded store and a clock (the only one it reads). */
export interface DashboardOptions {
  readonly store: ParStore;
  /** The clock: every write is stamped with it, every deadline judged by it. */
  readonly now: () => Date;
  /** Mark the session cookie `Secure` (behind HTTPS). Default false, for `http://localhost`. */
  readonly secureCookies?: boolean;
}

/** The dashboard: the Hono app and the read model it serves from. */
export interface Dashboard {
  readonly app: Hono<Env>;
  readonly model: ReadModel;
}

/** The roles a demo sign-in offers (what each may do is the store's policy). */
const ROLES = ['officer', 'leader', 'admin'] as const;

/** The server's own reader: it loads everything once, then filters every request by the policy. */
const READER: StoreActor = { unitId: 'dashboard', role: 'admin', person: 'dashboard read model' };

/** The language switch: back to a path of this site only (never `//host` or `/\\host`). */
const LangSchema = z.strictObject({ _csrf: z.string(), lang: z.enum(['vi', 'en']), back: z.string().max(2_000).regex(/^\/(?![/\\])/).optional() });
const SignInSchema = z.strictObject({ _csrf: z.string(), unitId: z.string().min(1).max(100), role: z.enum(ROLES), person: z.string().trim().max(100).optional() });
/** Builds the dashboard on a store: loads the read model, and answers every request as the signed-in actor. */
export async function createDashboard(options: DashboardOptions): Promise<Dashboard> {
  const { store, now } = options;
  const reader = store.session(READER, now());
  const model = createReadModel(await reader.exportWorkspace(), now());
  let policy: { policy: Policy; version: number; at: number } = { ...(await reader.policy()), at: now().getTime() };
  /** The policy in force, read again from the store after 30 seconds (another process may have replaced it). */
  const currentPolicy = async () => {
    if (now().getTime() - policy.at > 30_000) policy = { ...(await store.session(READER, now()).policy()), at: now().getTime() };
    return policy;
  };
  const sessions = createSessions();
  const unitName = (id: string, lang: Lang, date?: string) => {
    const v = model.registry.versionOn(id, date ?? toVietnamTime(now()).date) ?? model.registry.versionOn(id, model.registry.get(id)?.validTo ?? '1900-01-01');
    return v ? labelText(v.name, lang) : id;
  };
  const work = mkdtempSync(join(tmpdir(), 'par-dashboard-'));
  const actions = createActions(store, model, work, READER);

  const app = new Hono<Env>();

  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"] },
      referrerPolicy: 'same-origin',
    }),
  );

  // a filled sheet with some room for the form's other fields; every other form is far smaller
  app.use(bodyLimit({ maxSize: UPLOAD_LIMITS.maxBytes + 64 * 1024, onError: (c) => c.text('The request is larger than 5 MB', 413) }));

  app.get('/static/:file', (c) => {
    const file = c.req.param('file');
    const type = { 'app.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' }[file];
    if (!type) return c.notFound();
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STATIC[file as keyof typeof STATIC]);
  });

  // every visitor has a session (with a CSRF token); every POST carries the token; every page but sign-in needs a signed-in actor
  app.use(async (c, next) => {
    let session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) {
      session = sessions.create(c.req.header('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'vi');
      setSessionCookie(c, session);
    }
    c.set('session', session);
    const url = new URL(c.req.url);
    c.set('p', pageContext(session, `${url.pathname}${url.search}`, unitName));
    if (c.req.method === 'POST') {
      const form = await formOf(c);
      if (!form || !csrfMatches(session, form._csrf)) return c.html(messagePage(c.var.p, c.var.p.t('Yêu cầu bị từ chối', 'Request refused'), c.var.p.t('Biểu mẫu đã hết hạn hoặc không hợp lệ (CSRF). Hãy tải lại trang.', 'The form expired or is not valid (CSRF). Reload the page.')), 403);
      c.set('form', form);
    }
    const open = url.pathname === '/signin' || url.pathname === '/lang';
    if (!open && !session.actor) return c.redirect('/signin', 303);
    await next();
  });

  const setSessionCookie = (c: Context, session: BrowserSession) =>
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: options.secureCookies === true });

  /** The request as the page handlers see it. */
  const view = async (c: Context<Env>): Promise<RequestView> => {
    const actor = c.var.session.actor!;
    const at = now();
    const { policy: current, version } = await currentPolicy();
    const day = toVietnamTime(at).date;
    return {
      p: c.var.p,
      model,
      actor,
      now: at,
      readable: model.readable(current, version, actor, at),
      allowed: (action: StoreAction, target: string) => isAllowed(current, model.registry, actor, action, target, day),
    };
  };
  const query = (c: Context) => new URL(c.req.url).searchParams;

  app.get('/', (c) => c.redirect('/ranking', 303));

  app.get('/signin', (c) => {
    const p = c.var.p;
    const { t } = p;
    const today = toVietnamTime(now()).date;
    const units = model.registry.at(today).units;
    return c.html(
      layout(
        p,
        t('Đăng nhập (bản demo)', 'Sign in (demo)'),
        html`<p class="notice demo-note">${t('Bản demo: chọn một đơn vị và một vai trò, không cần mật khẩu. Mọi quyền do chính sách phân quyền của kho dữ liệu quyết định, kiểm tra trên máy chủ ở mỗi yêu cầu.', 'Demo: pick a unit and a role, no password. What you may do is decided by the store\'s policy, checked on the server at every request.')}</p>
        <form method="post" action="/signin" class="stack">${csrfField(p)}
          <label for="unitId">${t('Đơn vị', 'Unit')}</label>
          <select id="unitId" name="unitId">${units.slice(0, 2_000).map((u) => html`<option value="${u.id}">${labelText(u.name, p.lang)} (${u.id})</option>`)}</select>
          <label for="role">${t('Vai trò', 'Role')}</label>
          <select id="role" name="role">${ROLES.map((r) => html`<option value="${r}">${ROLE_NAMES[p.lang][r]}</option>`)}</select>
          <label for="person">${t('Họ tên (không bắt buộc)', 'Your name (optional)')}</label><input id="person" name="person" autocomplete="name">
          <button type="submit">${t('Đăng nhập', 'Sign in')}</button></form>`,
      ),
    );
  });
  app.post('/signin', (c) => {
    const parsed = SignInSchema.safeParse(c.var.form);
    const today = toVietnamTime(now()).date;
    if (!parsed.success || !model.registry.versionOn(parsed.data.unitId, today)) return c.html(messagePage(c.var.p, c.var.p.t('Không đăng nhập được', 'Cannot sign in'), c.var.p.t('Đơn vị hoặc vai trò không hợp lệ.', 'Unknown unit or role.')), 400);
    const { unitId, role, person } = parsed.data;
    setSessionCookie(c, sessions.renew(c.var.session, { unitId, role, ...(person ? { person } : {}) }));
    return c.redirect('/ranking', 303);
  });
  app.post('/signout', (c) => {
    setSessionCookie(c, sessions.renew(c.var.session, undefined));
    return c.redirect('/signin', 303);
  });
  app.post('/lang', (c) => {
    const form = LangSchema.safeParse(c.var.form);
    if (!form.success) return c.redirect('/ranking', 303);
    c.var.session.lang = form.data.lang;
    return c.redirect(form.data.back ?? '/ranking', 303);
  });

  app.get('/ranking', async (c) => c.html(rankingPage(await view(c), query(c))));
  app.get('/units/:id', async (c) => {
    const v = await view(c);
    const page = unitPage(v, c.req.param('id'), query(c));
    return c.html(page, v.readable.has(c.req.param('id')) ? 200 : model.registry.get(c.req.param('id')) ? 403 : 404);
  });
  app.post('/units/:id/assessment', async (c) => actions.assessment(c, await view(c), c.req.param('id')));

  app.get('/board', async (c) => c.html(boardPage(await view(c), query(c))));
  app.get('/assignment', async (c) => {
    const v = await view(c);
    const id = query(c).get('id') ?? '';
    const a = model.assignment(id);
    return c.html(assignmentPage(v, id), !a ? 404 : v.readable.has(a.input.unitId) || v.readable.has(a.input.issuerId) ? 200 : 403);
  });
  app.post('/assignment', async (c) => actions.assignment(c, await view(c)));

  app.get('/findings', async (c) => c.html(await findingsPage(await view(c), query(c))));
  app.get('/figures', async (c) => c.html(await figuresPage(await view(c), query(c))));

  app.get('/upload', async (c) => c.html(uploadPage(await view(c))));
  app.post('/upload', async (c) => actions.upload(c, await view(c)));

  app.get('/downloads', async (c) => c.html(downloadsPage(await view(c))));
  app.get('/downloads/template', async (c) => {
    const v = await view(c);
    const period = query(c).get('period') ?? '';
    const framework = model.periods().map((x) => model.score(x)?.framework).find((f) => f !== undefined);
    if (!/^\d{4}$/.test(period) || !framework) return c.text('Bad period', 400);
    if (!v.allowed('assessment.self', v.actor.unitId)) return c.html(messagePage(v.p, v.p.t('Không được phép', 'Not allowed'), v.p.t('Chỉ đơn vị tự đánh giá mới tải mẫu của mình.', 'Only a unit that self-assesses downloads its template.')), 403);
    const dir = mkdtempSync(join(work, 'template-'));
    try {
      const path = join(dir, 'template.xlsx');
      await writeTemplate(cliContext(model, v.p.lang, work), framework, v.actor.unitId, period, path);
      return download(c, readFileSync(path), `tu-danh-gia-${v.actor.unitId}-${period}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const periodDownload = (make: (v: RequestView, period: string) => Promise<{ body: string | Buffer; name: string; type: string }>) => async (c: Context<Env>) => {
    const v = await view(c);
    const period = query(c).get('period') ?? '';
    if (!model.periods().includes(period)) return c.text('Unknown period', 404);
    if (!wholePeriodVisible(v, period)) return c.html(messagePage(v.p, v.p.t('Không được phép', 'Not allowed'), v.p.t('Tệp có kết quả chưa công bố của đơn vị bạn không được xem.', 'The file holds unpublished results of units you may not read.')), 403);
    const { body, name, type } = await make(v, period);
    return download(c, body, name, type);
  };
  app.get('/downloads/results.csv', periodDownload(async (v, period) => ({ body: resultsCsv(v, period), name: `ket-qua-${period}.csv`, type: 'text/csv; charset=utf-8' })));
  app.get('/downloads/results.xlsx', periodDownload(async (v, period) => ({ body: await resultsXlsx(v, period), name: `ket-qua-${period}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })));
  app.get(
    '/downloads/report',
    periodDownload(async (v, period) => {
      // the report tells the whole district (board, findings): only for those who may read every unit it covers
      const next = /^\d{4}$/.test(period) ? String(Number(period) + 1) : period;
      return { body: await renderReport(cliContext(model, v.p.lang, work), period, v.now, next), name: `bao-cao-${period}.html`, type: 'text/html; charset=utf-8' };
    }),
  );

  app.notFound((c) => (c.var.p ? c.html(messagePage(c.var.p, c.var.p.t('Không tìm thấy', 'Not found'), c.var.p.t('Không có trang này.', 'No such page.')), 404) : c.text('Not found', 404)));
  app.onError((e, c) => {
    console.error(e);
    return c.text('Internal error', 500);
  });
  return { app, model };
}

/** A file download: attachment with its name, never rendered by the browser. */
function download(c: Context, body: string | Buffer, name: string, type: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

/** A form body (urlencoded or multipart), or undefined when it is neither. */
async function formOf(c: Context): Promise<Record<string, unknown> | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  try {
    return (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The stylesheet and the script (progressive enhancement only), served from the app itself. */
const STATIC = {
  'app.css': readFileSync(new URL('./static/app.css', import.meta.url), 'utf8'),
  'app.js': readFileSync(new URL('./static/app.js', import.meta.url), 'utf8'),
};
