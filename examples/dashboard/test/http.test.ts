// The server's rules without a browser: headers, cookies, CSRF, escaping, the policy on every request, upload limits.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, FILLED_SHEET, startDashboard } from './harness.js';

type Started = Awaited<ReturnType<typeof startDashboard>>;
let ready: Promise<Started>;
// started in the hook, awaited in the tests (the seed takes a few seconds on a busy machine)
beforeAll(() => {
  ready = startDashboard((docs) => {
    // a unit whose name is markup: it must show as text everywhere
    const units = (docs.units as { units: { id: string; name: { vi: string; en?: string } }[] }).units;
    units.find((u) => u.id === 'c03391')!.name = { vi: '<script>alert("x")</script>', en: '<script>alert("x")</script>' };
    // Xã Mường So's 2022 self-assessment, submitted for appraisal: its 2021 entries without appraisals and explanations
    const muongSo = structuredClone(docs.assessments.find((a) => (a as { unitId: string }).unitId === 'c03589')) as { period: string; status: string; entries: { appraisals?: unknown; explanation?: unknown }[] };
    docs.assessments.push({ ...muongSo, period: '2022', status: 'submitted', entries: muongSo.entries.map(({ appraisals: _, explanation: __, ...e }) => e) });
    // a directive of the tests' own (not a real document): one item for Xã Nậm Xe, due 31 March 2023 and acknowledged,
    // so not overdue on the tests' day and an extension can be asked for (by 30 March, a working day before)
    const notice = docs.directives[0] as Record<string, unknown>;
    docs.directives.push({ ...notice, id: 'dashboard-test-2023-01-05', signedOn: '2023-01-05', source: 'Made up for the dashboard tests.', title: { vi: 'Văn bản thử nghiệm', en: 'Test directive' }, items: [{ label: '(1)', summary: { vi: 'Báo cáo quý I năm 2023', en: 'First-quarter 2023 report' }, lead: [{ by: 'unit', unitId: 'c03586' }], due: { kind: 'date', date: '2023-03-31' } }] });
    const input = { id: FOLLOW_UP, documentId: 'dashboard-test-2023-01-05', itemLabel: '(1)', unitId: 'c03586', role: 'lead', issuerId: 'd109-ubnd', delegates: [], nominalDueDate: '2023-03-31', period: '2023', dueDate: '2023-03-31' };
    docs.lifecycleLogs.push({ input, entries: [{ assignmentId: FOLLOW_UP, seq: 1, event: { type: 'ACKNOWLEDGE', by: { unitId: 'c03586' }, at: '2023-01-06T09:00:00+07:00' }, state: 'acknowledged' }] });
  });
});
afterAll(async () => (await ready).store.close());

/** The item (9) assignment of Xã Nậm Xe: acknowledged on 2022-09-09, due 2023-01-03, overdue on the tests' day. */
const NAM_XE_9 = 'phong-tho-tb-2022-09-07/(9)/c03586/lead#2022-12-31';
/** The assignment of the tests' own directive (added to the seed above): Xã Nậm Xe, due 2023-03-31. */
const FOLLOW_UP = 'dashboard-test-2023-01-05/(1)/c03586/lead#2023-03-31';
const ADMIN = { unitId: 'dashboard', role: 'admin' };

/** The store's audit entries of denied attempts by a unit, oldest first. */
const denials = async (d: Started, unitId: string) =>
  (await d.store.db.selectFrom('audit_log').select(['action', 'target', 'allowed', 'change']).where('allowed', '=', false).where('actor_unit', '=', unitId).orderBy('seq').execute()).map((r) => ({
    action: r.action,
    target: r.target,
    allowed: r.allowed,
    event: (r.change as { entries?: { event: { type: string } }[] }).entries?.[0]?.event.type,
  }));

describe('headers, cookies and sign-in', () => {
  it('sends a CSP without inline scripts and an httpOnly SameSite=Strict session cookie; pages need a sign-in', async () => {
    const d = await ready;
    const c = client(d);
    const { res, setCookie } = await c.request('/signin');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(setCookie).toMatch(/^par_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const page = await c.request('/ranking');
    expect(page.res.status).toBe(303);
    expect(page.res.headers.get('location')).toBe('/signin');
  });

  it('refuses a sign-in as a unit that does not exist or a role it does not offer', async () => {
    const c = client(await ready);
    await c.request('/signin');
    expect((await c.post('/signin', { unitId: 'nowhere', role: 'officer' })).res.status).toBe(400);
    expect((await c.post('/signin', { unitId: 'c03586', role: 'root' })).res.status).toBe(400);
  });

  it('the language switch goes back to a page of this site only', async () => {
    const c = client(await ready);
    await c.signIn('c03586', 'officer');
    const ok = await c.post('/lang', { lang: 'en', back: '/board?item=(9)' });
    expect(ok.res.headers.get('location')).toBe('/board?item=(9)');
    expect((await c.request('/board')).text).toContain('<h1>Directive board</h1>');
    for (const back of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      const r = await c.post('/lang', { lang: 'vi', back });
      expect(r.res.headers.get('location'), back).toBe('/ranking');
    }
  });
});

describe('output is escaped', () => {
  it('a unit named <script> shows as text in the ranking', async () => {
    const c = client(await ready);
    await c.signIn('d109-ubnd', 'leader');
    const { text } = await c.request('/ranking?period=2021');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text).not.toContain('<script>alert');
    // the only script element is the app's own file
    expect(text.match(/<script/g)).toEqual(['<script']);
  });
});

describe('CSRF', () => {
  it('refuses a form without the session token, or with another session\'s, and changes nothing', async () => {
    const d = await ready;
    const commune = client(d);
    await commune.signIn('c03586', 'officer');
    const other = client(d);
    await other.signIn('c03586', 'officer');
    const before = d.model.assignment(NAM_XE_9)!.entries.length;
    expect((await commune.post('/assignment', { id: NAM_XE_9, type: 'START' }, false)).res.status).toBe(403);
    expect((await commune.post('/assignment', { _csrf: other.csrf, id: NAM_XE_9, type: 'START' }, false)).res.status).toBe(403);
    expect(d.model.assignment(NAM_XE_9)!.entries.length).toBe(before);
    expect((await d.store.session({ unitId: 'dashboard', role: 'admin' }, new Date()).lifecycle.load(NAM_XE_9)).version).toBe(before);
  });
});

describe('the policy on every request', () => {
  it('a commune reads its own unit and assignments only', async () => {
    const c = client(await ready);
    await c.signIn('c03586', 'officer');
    expect((await c.request('/units/c03586?period=2021')).res.status).toBe(200);
    expect((await c.request('/units/c03589?period=2021')).res.status).toBe(403);
    // Xã Nậm Xe has two assignments in the notice's logs, item (2) coordinating and item (9) lead, and the tests' one
    const board = (await c.request('/board')).text;
    expect(board).toContain('(2)');
    expect(board).toContain('(9)');
    expect(board.match(/href="\/assignment\?id=/g)).toHaveLength(3);
    expect((await c.request(`/assignment?id=${encodeURIComponent('phong-tho-tb-2022-09-07/(9)/c03589/lead#2022-12-31')}`)).res.status).toBe(403);
  });

  it('a commune cannot approve its own report even with a hand-made request; the issuer can', async () => {
    const d = await ready;
    const commune = client(d);
    await commune.signIn('c03586', 'officer');
    await commune.request(`/assignment?id=${encodeURIComponent(NAM_XE_9)}`);
    const reported = await commune.post('/assignment', { id: NAM_XE_9, type: 'REPORT', content: 'Đã rà soát, báo cáo kết quả' });
    expect(reported.res.status).toBe(303);
    expect(d.model.assignment(NAM_XE_9)!.state.state).toBe('reported');
    const denied = (await denials(d, 'c03586')).length;
    const forged = await commune.post('/assignment', { id: NAM_XE_9, type: 'APPROVE' });
    expect(forged.res.status).toBe(403);
    expect(d.model.assignment(NAM_XE_9)!.state.state).toBe('reported');
    const stored = await d.store.session(ADMIN, new Date()).lifecycle.load(NAM_XE_9);
    expect(stored.entries.at(-1)!.state).toBe('reported');
    // the store's policy refused it and wrote the refusal into its audit trail: reviewing is the issuer's
    expect((await denials(d, 'c03586')).slice(denied)).toEqual([{ action: 'assignment.review', target: 'd109-ubnd', allowed: false, event: 'APPROVE' }]);

    const issuer = client(d);
    await issuer.signIn('d109-ubnd', 'leader');
    await issuer.request(`/assignment?id=${encodeURIComponent(NAM_XE_9)}`);
    expect((await issuer.post('/assignment', { id: NAM_XE_9, type: 'APPROVE' })).res.status).toBe(303);
    expect(d.model.assignment(NAM_XE_9)!.state.state).toBe('done');
    const after = await d.store.session({ unitId: 'dashboard', role: 'admin' }, new Date()).lifecycle.load(NAM_XE_9);
    expect(after.entries.map((e) => e.event.type).slice(-2)).toEqual(['REPORT', 'APPROVE']);
    expect(after.entries.at(-1)!.event.by).toEqual({ unitId: 'd109-ubnd' });
    expect((await d.store.verify()).ok).toBe(true);
  });

  it('what the lifecycle refuses is shown with its reason and not stored', async () => {
    const d = await ready;
    const issuer = client(d);
    await issuer.signIn('d109-ubnd', 'leader');
    const id = 'phong-tho-tb-2022-09-07/(9)/c03589/lead#2022-12-31'; // acknowledged, never reported
    await issuer.request(`/assignment?id=${encodeURIComponent(id)}`);
    const r = await issuer.post('/assignment', { id, type: 'APPROVE' });
    expect(r.res.status).toBe(422);
    expect(r.text).toContain('APPROVE is not possible while the assignment is acknowledged');
    expect(d.model.assignment(id)!.state.state).toBe('acknowledged');
    expect((await d.store.session(ADMIN, new Date()).lifecycle.load(id)).entries.at(-1)!.state).toBe('acknowledged');
    expect(await denials(d, 'd109-ubnd')).toEqual([]); // allowed by the policy, refused by the lifecycle: not a denial
    expect((await d.store.verify()).ok).toBe(true);
  });

  it('a commune asks for an extension and the issuer approves it; a commune cannot cancel, the issuer can', async () => {
    const d = await ready;
    const id = FOLLOW_UP;
    const commune = client(d);
    await commune.signIn('c03586', 'officer');
    const page = await commune.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect(page.text).toContain('Xin gia hạn');
    expect(page.text).not.toContain('Hủy nhiệm vụ'); // the policy hides what the commune may not do
    // 14 April 2023 is a Friday, a working day: the new deadline as asked
    expect((await commune.post('/assignment', { id, type: 'REQUEST_EXTENSION', dueDate: '2023-04-14', reason: 'Chờ số liệu quý I' })).res.status).toBe(303);
    expect(d.model.assignment(id)!.state.state).toBe('extensionRequested');
    const denied = (await denials(d, 'c03586')).length;
    expect((await commune.post('/assignment', { id, type: 'APPROVE_EXTENSION' })).res.status).toBe(403);
    expect(d.model.assignment(id)!.state.state).toBe('extensionRequested');

    const issuer = client(d);
    await issuer.signIn('d109-ubnd', 'leader');
    await issuer.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect((await issuer.post('/assignment', { id, type: 'APPROVE_EXTENSION', dueDate: '' })).res.status).toBe(303);
    const extended = d.model.assignment(id)!.state;
    expect(extended.state).toBe('acknowledged'); // back where it was asked from
    expect(extended.context.dueDate).toBe('2023-04-14');
    const board = await issuer.request('/board?document=dashboard-test-2023-01-05');
    expect(board.text).toContain('2023-03-31 → 2023-04-14');

    await commune.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect((await commune.post('/assignment', { id, type: 'CANCEL', reason: 'Không cần nữa' })).res.status).toBe(403);
    expect(d.model.assignment(id)!.state.state).toBe('acknowledged');
    expect((await denials(d, 'c03586')).slice(denied)).toEqual([
      { action: 'assignment.extend', target: 'd109-ubnd', allowed: false, event: 'APPROVE_EXTENSION' },
      { action: 'assignment.cancel', target: 'd109-ubnd', allowed: false, event: 'CANCEL' },
    ]);

    await issuer.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect((await issuer.post('/assignment', { id, type: 'CANCEL', reason: 'Gộp vào kế hoạch năm 2023' })).res.status).toBe(303);
    expect(d.model.assignment(id)!.state.state).toBe('cancelled');
    const stored = await d.store.session(ADMIN, new Date()).lifecycle.load(id);
    expect(stored.entries.map((e) => [e.event.type, e.event.by.unitId, e.state])).toEqual([
      ['ACKNOWLEDGE', 'c03586', 'acknowledged'],
      ['REQUEST_EXTENSION', 'c03586', 'extensionRequested'],
      ['APPROVE_EXTENSION', 'd109-ubnd', 'acknowledged'],
      ['CANCEL', 'd109-ubnd', 'cancelled'],
    ]);
    expect((await issuer.request('/board?unit=c03586&state=cancelled')).text.match(/href="\/assignment\?id=/g)).toHaveLength(1);
    expect((await d.store.verify()).ok).toBe(true);
  });
  it('the issuer returns a report with its reason; the audit trail tells it in the session\'s language', async () => {
    const d = await ready;
    const id = 'phong-tho-tb-2022-09-07/(9)/c03589/lead#2022-12-31';
    const commune = client(d);
    await commune.signIn('c03589', 'officer');
    await commune.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect((await commune.post('/assignment', { id, type: 'REPORT', content: 'Báo cáo' })).res.status).toBe(303);
    const issuer = client(d);
    await issuer.signIn('d109-ubnd', 'leader');
    await issuer.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect((await issuer.post('/assignment', { id, type: 'RETURN', reason: 'Thiếu số liệu dịch vụ công trực tuyến' })).res.status).toBe(303);
    expect(d.model.assignment(id)!.state.state).toBe('returned');
    const page = await issuer.request(`/assignment?id=${encodeURIComponent(id)}`);
    expect(page.text).toContain('Thiếu số liệu dịch vụ công trực tuyến');
    expect(page.text).toContain('trả lại');
    // a returned, overdue task stays red on the board
    const board = await issuer.request('/board?item=(9)&state=returned');
    expect(board.text.match(/<tr class="overdue">/g)).toHaveLength(1);
  });
});

describe('uploads', () => {
  const upload = async (c: ReturnType<typeof client>, name: string, bytes: Uint8Array<ArrayBuffer>) => {
    const form = new FormData();
    form.set('_csrf', c.csrf);
    form.set('sheet', new File([bytes], name));
    return c.request('/upload', { method: 'POST', body: form });
  };

  it('refuses another type of file, a file that is not a workbook, and one over 5 MB', async () => {
    const c = client(await ready);
    await c.signIn('c03586', 'officer');
    await c.request('/upload');
    const text = await upload(c, 'notes.txt', new TextEncoder().encode('hello'));
    expect(text.res.status).toBe(422);
    expect(text.text).toContain('Chỉ nhận tệp .xlsx hoặc .ods.');
    const fake = await upload(c, 'sheet.xlsx', new TextEncoder().encode('not a zip'));
    expect(fake.res.status).toBe(422);
    expect(fake.text).toContain('không phải tệp zip');
    const big = await upload(c, 'big.xlsx', new Uint8Array(5 * 1024 * 1024 + 70 * 1024));
    expect(big.res.status).toBe(413);
  });

  it('another unit\'s sheet is refused by the policy', async () => {
    const c = client(await ready);
    await c.signIn('c03589', 'officer'); // Xã Mường So uploads Xã Nậm Xe's sheet
    await c.request('/upload');
    const d = await ready;
    const denied = (await denials(d, 'c03589')).length;
    const r = await upload(c, 'nam-xe.xlsx', new Uint8Array(readFileSync(FILLED_SHEET)));
    expect(r.res.status).toBe(403);
    expect((await denials(d, 'c03589')).slice(denied)).toEqual([{ action: 'assessment.self', target: 'c03586', allowed: false, event: undefined }]);
  });
});

describe('self-assessment to publication, through the policy', () => {
  const upload = async (c: ReturnType<typeof client>) => {
    const form = new FormData();
    form.set('_csrf', c.csrf);
    form.set('sheet', new File([new Uint8Array(readFileSync(FILLED_SHEET))], 'nam-xe-2022.xlsx'));
    return c.request('/upload', { method: 'POST', body: form });
  };

  it('a commune uploads its sheet as a draft; it cannot submit it before the survey and leadership points come in', async () => {
    const d = await ready;
    const commune = client(d);
    await commune.signIn('c03586', 'officer');
    await commune.request('/upload');
    const saved = await upload(commune);
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe('/ranking?period=2022&unit=c03586&saved=1');
    expect(d.model.assessment('c03586', '2022')!.status).toBe('draft');
    await commune.request('/units/c03586?period=2022');
    // a draft cannot go under appraisal: the stage rules of @par/core refuse it before the store asks the policy
    expect((await commune.post('/units/c03586/assessment', { period: '2022', action: 'startAppraisal' })).res.status).toBe(422);
    // the same from another commune: a bare 403, not the reasons, which would tell about a unit it may not read
    const other = client(d);
    await other.signIn('c03589', 'officer');
    await other.request('/upload');
    const foreign = await other.post('/units/c03586/assessment', { period: '2022', action: 'startAppraisal' });
    expect(foreign.res.status).toBe(403);
    expect(foreign.text).not.toContain('underAppraisal');
    // the sheet leaves the survey (S.2) and leadership (L.1) leaves to the office, and the clerk left 5.3 and 5.4 (measured
    // percentages on the appraised channel) blank: @par/core refuses to submit it
    const submitted = await commune.post('/units/c03586/assessment', { period: '2022', action: 'submit' });
    expect(submitted.res.status).toBe(422);
    expect(submitted.text).toContain('not scored: 5.3, 5.4, S.2, L.1');
    expect(d.model.assessment('c03586', '2022')!.status).toBe('draft');
  });

  it('Phòng Nội vụ brings the survey and leadership points into the draft; the commune cannot; a new upload keeps them', async () => {
    const d = await ready;
    const commune = client(d);
    await commune.signIn('c03586', 'officer');
    await commune.request('/units/c03586?period=2022');
    const S2 = { period: '2022', action: 'import', code: 'S.2', source: 'Khảo sát SIPAS 2022' };
    const denied = (await denials(d, 'c03586')).length;
    expect((await commune.post('/units/c03586/assessment', { ...S2, points: '9' })).res.status).toBe(403);
    expect((await denials(d, 'c03586')).slice(denied)).toEqual([{ action: 'assessment.appraise', target: 'c03586', allowed: false, event: undefined }]);
    const office = client(d);
    await office.signIn('d109-nv', 'officer');
    const page = await office.request('/units/c03586?period=2022');
    expect(page.text).toContain('Điểm khảo sát và đánh giá của lãnh đạo');
    // S.2 is worth at most 12.5 points: 13 is refused with the reason, and nothing is saved
    const tooMuch = await office.post('/units/c03586/assessment', { ...S2, points: '13' });
    expect(tooMuch.res.status).toBe(422);
    expect(tooMuch.text).toContain('13 is above the maximum 12.5 of &quot;S.2&quot;');
    expect(d.model.assessment('c03586', '2022')!.entries.some((e) => e.code === 'S.2')).toBe(false);
    expect((await office.post('/units/c03586/assessment', { ...S2, points: '9' })).res.status).toBe(303);
    expect((await office.post('/units/c03586/assessment', { ...S2, code: 'L.1', points: '7,5', source: 'Lãnh đạo UBND huyện' })).res.status).toBe(303);
    const imported = () => d.model.assessment('c03586', '2022')!.entries.filter((e) => e.imported).map((e) => [e.code, e.imported]);
    expect(imported()).toEqual([['S.2', { points: 9, source: 'Khảo sát SIPAS 2022' }], ['L.1', { points: 7.5, source: 'Lãnh đạo UBND huyện' }]]);
    // the commune uploads its sheet again: its own scores are replaced, the office's points stay
    await commune.request('/upload');
    expect((await upload(commune)).res.status).toBe(303);
    expect(imported()).toHaveLength(2);
    // only the two leaves the clerk left blank stop the submission now
    const submitted = await commune.post('/units/c03586/assessment', { period: '2022', action: 'submit' });
    expect(submitted.res.status).toBe(422);
    expect(submitted.text).toContain('not scored: 5.3, 5.4');
    expect(submitted.text).not.toContain('S.2');
  });

  it('Phòng Nội vụ appraises a submitted self-assessment and publishes it; the commune cannot', async () => {
    const d = await ready;
    const commune = client(d);
    await commune.signIn('c03589', 'officer');
    await commune.request('/units/c03589?period=2022');
    expect((await commune.post('/units/c03589/assessment', { period: '2022', action: 'startAppraisal' })).res.status).toBe(403);
    const office = client(d);
    await office.signIn('d109-nv', 'officer');
    await office.request('/units/c03589?period=2022');
    expect((await office.post('/units/c03589/assessment', { period: '2022', action: 'startAppraisal' })).res.status).toBe(303);
    expect((await office.post('/units/c03589/assessment', { period: '2022', action: 'appraise', code: '1.4.1', points: '0,25', reason: 'Thiếu tài liệu kiểm chứng' })).res.status).toBe(303);
    const appraised = d.model.assessment('c03589', '2022')!.entries.find((e) => e.code === '1.4.1')!;
    expect(appraised.appraisals).toEqual([{ round: 1, points: 0.25, reason: 'Thiếu tài liệu kiểm chứng', appraiser: 'Phòng Nội vụ', on: '2023-02-06' }]);
    expect((await office.post('/units/c03589/assessment', { period: '2022', action: 'finishAppraisal' })).res.status).toBe(303);
    const denied = (await denials(d, 'c03589')).length;
    expect((await commune.post('/units/c03589/assessment', { period: '2022', action: 'publish' })).res.status).toBe(403);
    expect((await denials(d, 'c03589')).slice(denied)).toEqual([{ action: 'assessment.appraise', target: 'c03589', allowed: false, event: undefined }]);
    expect((await office.post('/units/c03589/assessment', { period: '2022', action: 'publish' })).res.status).toBe(303);
    expect(d.model.assessment('c03589', '2022')!.status).toBe('published');
    expect((await office.request('/units/c03589?period=2022')).text).toContain('Thiếu tài liệu kiểm chứng');
    // published: the stage rules of @par/core lock it, whoever asks
    expect((await office.post('/units/c03589/assessment', { period: '2022', action: 'appraise', code: '1.4.1', points: '0', reason: 'x' })).res.status).toBe(422);
    const history = await d.store.db.selectFrom('assessment_history').select(['status', 'version']).where('unit_id', '=', 'c03589').where('period', '=', '2022').orderBy('version').execute();
    expect(history.map((h) => h.status)).toEqual(['submitted', 'underAppraisal', 'underAppraisal', 'appraised', 'published']);
  });
});

describe('downloads and the unit history', () => {
  it('the 2021 results as CSV and XLSX, the report, and a commune\'s own template', async () => {
    const d = await ready;
    const c = client(d);
    await c.signIn('c03586', 'officer');
    const csv = (await c.request('/downloads/results.csv?period=2021')).res;
    expect(csv.status).toBe(200); // published results are public
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 17); // a header and the district's 17 communes and township
    const xlsx = await c.request('/downloads/results.xlsx?period=2021');
    expect(xlsx.res.headers.get('content-disposition')).toBe('attachment; filename="ket-qua-2021.xlsx"');
    const template = await c.request('/downloads/template?period=2023');
    expect(template.res.status).toBe(200);
    expect(Buffer.from(await template.res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const leader = client(d);
    await leader.signIn('d109-ubnd', 'leader');
    expect((await leader.request('/downloads/template?period=2023')).res.status).toBe(403); // the district does not self-assess here
    const report = await leader.request('/downloads/report?period=2021');
    expect(report.res.status).toBe(200);
    expect(report.res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2021.html"');
  });

  it('a unit formed by the 2025 merger shows where it came from', async () => {
    const admin = client(await ready);
    await admin.signIn('p12', 'admin');
    const page = await admin.request('/units/c03571-2025');
    expect(page.res.status).toBe(200);
    expect(page.text).toContain('Hình thành từ');
    expect(page.text).toContain('Xã Dào San');
  });
});
