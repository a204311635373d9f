import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = `
import { defaultCalendar, solarToLunar, toVietnamTime, vietnamInstant, addWorkingHours, lunarNewYear } from './src/index.ts';
const c = defaultCalendar();
console.log(JSON.stringify({
  tet: [1985, 2024, 2030].map((y) => lunarNewYear(y)),
  lunar: solarToLunar('2023-03-22'),
  add: c.addWorkingDays('2025-01-24', 3),
  info: c.dayInfo('2024-04-29'),
  time: toVietnamTime(Date.UTC(2025, 0, 28, 17, 30)),
  hours: addWorkingHours(c, vietnamInstant('2025-01-24', '16:00'), 8).toISOString(),
}));
`;

function runIn(tz: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
}

describe('time-zone independence', () => {
  it('gives identical results under TZ=UTC, TZ=America/New_York and TZ=Asia/Ho_Chi_Minh', { timeout: 60_000 }, () => {
    const utc = runIn('UTC');
    expect(runIn('America/New_York')).toBe(utc);
    expect(runIn('Asia/Ho_Chi_Minh')).toBe(utc);
    expect(JSON.parse(utc).hours).toBe('2025-02-03T09:30:00.000Z');
  });
});
