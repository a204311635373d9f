import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openStore, type ParStore, type WorkspaceDocuments } from '@par/store';
import { createDashboard, type Dashboard } from '../src/app.js';
import { PHONG_THO_POLICY, readWorkspaceDocuments, seedStore } from '../src/seed.js';

/** The seed workspace. */
export const PHONG_THO = fileURLToPath(new URL('../../phong-tho-2022/par.config.json', import.meta.url));
/** A LibreOffice-saved filled sheet of Xã Nậm Xe (c03586) for 2022, committed with `@par/cli`'s tests. */
export const FILLED_SHEET = fileURLToPath(new URL('../../../packages/cli/test/fixtures/libreoffice-filled.xlsx', import.meta.url));
/** The tests' clock: the demo's day, 6 February 2023, 9:00 in Vietnam (two assignments of item (9) are overdue since 3 January). */
export const NOW = new Date('2023-02-06T09:00:00+07:00');

/** A dashboard on a fresh in-memory PGlite seeded with Phong Thổ (documents changed by `tweak` first). */
export async function startDashboard(tweak: (docs: WorkspaceDocuments) => void = () => undefined): Promise<Dashboard & { store: ParStore }> {
  const store = await openStore({ kind: 'pglite' });
  await seedStore(
    store,
    async () => {
      const docs = await readWorkspaceDocuments(PHONG_THO);
      tweak(docs);
      return docs;
    },
    PHONG_THO_POLICY,
    NOW,
  );
  return { ...(await createDashboard({ store, now: () => NOW })), store };
}

/** The dashboard listening on a free loopback port. */
export async function listen(dashboard: Dashboard): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: dashboard.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/** A browser-like client of `app.request`: keeps the session cookie, reads the CSRF token of the last page. */
export function client(dashboard: Dashboard) {
  let cookie = '';
  let csrf = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await dashboard.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const type = res.headers.get('content-type') ?? '';
    const text = type.startsWith('text/html') ? await res.text() : '';
    csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
    return { res, text, setCookie: set };
  };
  const post = (path: string, fields: Record<string, string>, withToken = true) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...(withToken ? { _csrf: csrf } : {}), ...fields }).toString() });
  return {
    request,
    post,
    get csrf() {
      return csrf;
    },
    /** Demo sign-in as a unit's role. */
    async signIn(unitId: string, role: string) {
      await request('/signin');
      const r = await post('/signin', { unitId, role });
      await request('/ranking');
      return r;
    },
  };
}
