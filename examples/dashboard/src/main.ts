// `npm run dashboard`: the dashboard on PGlite (in memory) seeded with Phong Thổ, or on the PostgreSQL database
// that PAR_DATABASE_URL or the workspace's par.config.json ("store") names; prints its address.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { openStore, resolveStoreConfig, describeTarget } from '@par/store';
import { createDashboard } from './app.js';
import { PHONG_THO_POLICY, readWorkspaceDocuments, seedStore } from './seed.js';
import { readFileSync } from 'node:fs';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string', default: '../phong-tho-2022/par.config.json' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    now: { type: 'string' },
  },
});
const configPath = resolve(values.workspace!);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not "${values.port}"`);

// The clock: the real one, or, with --now, one that starts at that instant and runs on (the demo's data is of 2022-2023).
const start = values.now === undefined ? undefined : Date.parse(values.now);
if (start !== undefined && !Number.isFinite(start)) throw new Error(`--now must be an ISO instant, not "${values.now}"`);
const started = performance.now();
const now = () => new Date(start === undefined ? Date.now() : start + Math.round(performance.now() - started));

const entry = (JSON.parse(readFileSync(configPath, 'utf8')) as { store?: unknown }).store;
const storeConfig = resolveStoreConfig(process.env.PAR_DATABASE_URL ? { kind: 'postgres', urlFromEnv: 'PAR_DATABASE_URL' } : entry ?? { kind: 'pglite' }, resolve(configPath, '..'), process.env);
const store = await openStore(storeConfig);
const seeded = await seedStore(store, () => readWorkspaceDocuments(configPath), PHONG_THO_POLICY, now());
const { app } = await createDashboard({ store, now });
const server = serve({ fetch: app.fetch, port, hostname: values.host! }, (info) => {
  console.log(`PAR dashboard: http://${values.host}:${info.port}/  (${describeTarget(storeConfig)}${seeded ? `, seeded from ${configPath}` : ''}; demo sign-in, no passwords)`);
});
const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
