import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { BrowserSession } from './sessions.js';
import { ROLE_SHORT, translator, type Lang, type Translate } from './i18n.js';

/** A piece of HTML: every value interpolated with `html` is escaped (hono's `html` tag), only `raw` is not. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** hono's `html` tag (escapes every interpolated value) and `raw` (for markup this app wrote itself, never input). */
export { html, raw };

/** What every page is rendered with. */
export interface PageContext {
  readonly session: BrowserSession;
  readonly lang: Lang;
  readonly t: Translate;
  /** The request's path and query, for the language switch to come back to. */
  readonly here: string;
  /** The name of a unit on a date, or its id. */
  readonly unitName: (id: string, date?: string) => string;
}

/** The page context of a session. */
export function pageContext(session: BrowserSession, here: string, unitName: (id: string, lang: Lang, date?: string) => string): PageContext {
  return { session, lang: session.lang, t: translator(session.lang), here, unitName: (id, date) => unitName(id, session.lang, date) };
}

/** The hidden CSRF field every form carries. */
export const csrfField = (p: PageContext): Html => html`<input type="hidden" name="_csrf" value="${p.session.csrf}">`;

/** A wide table in a region that scrolls sideways on a phone (focusable, so that a keyboard can scroll it). */
export const scrollTable = (label: string, table: Html): Html => html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;

const NAV: readonly [path: string, vi: string, en: string][] = [
  ['/ranking', 'Xếp hạng', 'Ranking'],
  ['/board', 'Theo dõi nhiệm vụ', 'Directive board'],
  ['/findings', 'Phát hiện', 'Findings'],
  ['/figures', 'Tài chính, một cửa', 'Finance, one-stop'],
  ['/upload', 'Nộp tự đánh giá', 'Upload'],
  ['/downloads', 'Tải về', 'Downloads'],
];

/** The whole page: header with navigation, who is signed in (marked as a demo), the language switch, then `body`. */
export function layout(p: PageContext, title: string, body: Html): Html {
  const { t, session } = p;
  const actor = session.actor;
  const path = p.here.split('?')[0];
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t('Chỉ số CCHC', 'PAR index')}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <p class="brand"><a href="/ranking">${t('Chỉ số CCHC', 'PAR index')}</a></p>
  <nav aria-label="${t('Trang', 'Pages')}"><ul>${NAV.map(([href, vi, en]) => html`<li><a href="${href}"${path === href ? raw(' aria-current="page"') : ''}>${t(vi, en)}</a></li>`)}</ul></nav>
  <div class="who">
    ${actor
      ? html`<span class="demo">${t('BẢN DEMO', 'DEMO')}</span> ${p.unitName(actor.unitId)} · ${ROLE_SHORT[p.lang][actor.role] ?? actor.role}
        <form method="post" action="/signout" class="inline">${csrfField(p)}<button type="submit">${t('Đổi người dùng', 'Switch user')}</button></form>`
      : html`<a href="/signin">${t('Đăng nhập (demo)', 'Sign in (demo)')}</a>`}
    <form method="post" action="/lang" class="inline">${csrfField(p)}<input type="hidden" name="back" value="${p.here}">
      <button type="submit" name="lang" value="${p.lang === 'vi' ? 'en' : 'vi'}" lang="${p.lang === 'vi' ? 'en' : 'vi'}">${p.lang === 'vi' ? 'English' : 'Tiếng Việt'}</button></form>
  </div>
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
<footer><p>${t('Ứng dụng mẫu của bộ công cụ PAR. Đăng nhập demo: không có mật khẩu, không dùng cho dữ liệu thật.', 'Example app of the PAR toolkit. Demo sign-in: no passwords, not for real data.')}</p></footer>
</body>
</html>`;
}

/** A short message page (refusals, not found). */
export const messagePage = (p: PageContext, title: string, message: string): Html => layout(p, title, html`<p class="notice">${message}</p><p><a href="/ranking">${p.t('Về trang xếp hạng', 'Back to the ranking')}</a></p>`);

/** Page links for a long list: previous, "page n of m", next (keeping the other query parameters). */
export function pager(p: PageContext, base: string, params: URLSearchParams, page: number, pages: number): Html {
  if (pages <= 1) return html``;
  const link = (n: number) => {
    const q = new URLSearchParams(params);
    q.set('page', String(n));
    return `${base}?${q}`;
  };
  return html`<nav class="pager" aria-label="${p.t('Phân trang', 'Pages of the list')}">
    ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">← ${p.t('Trước', 'Previous')}</a>` : ''}
    <span>${p.t(`Trang ${page}/${pages}`, `Page ${page} of ${pages}`)}</span>
    ${page < pages ? html`<a href="${link(page + 1)}" rel="next">${p.t('Sau', 'Next')} →</a>` : ''}
  </nav>`;
}
