// The same dashboard on PostgreSQL, when the machine has one (`.ci/run` sets PAR_TEST_POSTGRES_URL; docs/store.md).
import pg from 'pg';
import { openStore } from '@par/store';
import { describe, expect, it } from 'vitest';
import { createDashboard } from '../src/app.js';
import { PHONG_THO_POLICY, readWorkspaceDocuments, seedStore } from '../src/seed.js';
import { client, NOW, PHONG_THO } from './harness.js';

const url = process.env.PAR_TEST_POSTGRES_URL;

describe.skipIf(!url && !process.env.CI)('on PostgreSQL', () => {
  it('seeds Phong Thổ into a new database and serves the board from it', async () => {
    expect(url, 'CI runs this suite on PostgreSQL: set PAR_TEST_POSTGRES_URL').toBeDefined();
    const name = `par_dashboard_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    try {
      const target = new URL(url!);
      target.pathname = `/${name}`;
      const store = await openStore({ kind: 'postgres', url: target.toString() });
      try {
        expect(await seedStore(store, () => readWorkspaceDocuments(PHONG_THO), PHONG_THO_POLICY, NOW)).toBe(true);
        expect(await seedStore(store, () => readWorkspaceDocuments(PHONG_THO), PHONG_THO_POLICY, NOW)).toBe(false); // already seeded: left as it is
        const d = await createDashboard({ store, now: () => NOW });
        const c = client(d);
        await c.signIn('d109-ubnd', 'leader');
        const board = await c.request('/board?item=(9)');
        expect(board.res.status).toBe(200);
        // item (9) of the notice: the district's 6 offices and 17 communes lead it (23 assignments), 2 still open and overdue
        expect(board.text).toContain('(23)');
        expect(board.text.match(/<tr class="overdue">/g)).toHaveLength(2);
      } finally {
        await store.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
