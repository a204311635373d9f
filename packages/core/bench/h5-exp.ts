import { computeIndex, parseFramework } from '@par/core';
const { tasks } = await import('./scoring.js');
const t = (name: string) => tasks.find((x) => x.name.startsWith(name))!;
const time = async (name: string, n = 8) => { const xs = []; for (let i = 0; i < n; i++) { const s = performance.now(); await t(name).fn(); xs.push(performance.now() - s); } console.log(name.slice(0, 40), xs.map((x) => x.toFixed(0)).join(' ')); };
await time('computeIndex');
await time('reference: DuckDB evaluating');
await time('computeIndex');
await new Promise((r) => setTimeout(r, 2000));
await time('computeIndex');
