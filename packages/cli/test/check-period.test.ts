// `par check` answers for every unit that existed during the period: the district bodies dissolved on 01/07/2025 still
// answer for 2025's first half. Run in process through runCli on the Phong Thổ workspace (its plugins loaded from
// their sources: the `@par/source` condition is given as Node would get it).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { loadPluginsFromSource } from './source-condition.js';

const example = fileURLToPath(new URL('../../../examples/phong-tho-2022', import.meta.url));
loadPluginsFromSource();

describe('par check over a period with a restructuring', () => {
  it('reports the legal register of the dissolved district Justice office for 2025', { timeout: 120_000 }, async () => {
    const out: string[] = [];
    const code = await runCli(['-w', join(example, 'par.config.json'), '--lang', 'en', 'check', '--period', '2025', '--now', '2025-09-30', '--json'], { out: (l) => out.push(l), err: () => undefined });
    expect(code).toBe(EXIT.ok);
    const legal = (JSON.parse(out.join('\n')) as { plugin: string; unitId: string; message: { en: string } }[]).filter((f) => f.plugin === 'legal-review');
    // d109-tp (Phòng Tư pháp) ended on 30/06/2025; the tier's end on 01/07/2025 puts its two documents still in force
    // (04/2021 and 06/2022/QĐ-UBND) into review, due 30 days later (reviewDays, U): 31/07/2025, not done by 30/09/2025
    expect(legal.filter((f) => f.message.en.includes('district tier restructured')).map((f) => [f.unitId, f.message.en])).toEqual([
      ['d109-tp', '04/2021/QĐ-UBND: not reviewed (district tier restructured) (due 31/07/2025)'],
      ['d109-tp', '06/2022/QĐ-UBND: not reviewed (district tier restructured) (due 31/07/2025)'],
    ]);
  });
});
