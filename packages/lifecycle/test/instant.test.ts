import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../src/instant.js';

// instantMs reads the common layouts itself and must give exactly what Date.parse gives, on every text.

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
/** An instant written with an offset of `minutes` east of UTC, with three decimals or none. */
function written(ms: number, minutes: number, decimals: boolean, zulu: boolean): string {
  const local = new Date(ms + minutes * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ, shifted
  const body = decimals ? local.slice(0, 23) : local.slice(0, 19);
  if (minutes === 0 && zulu) return `${body}Z`;
  return `${body}${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

describe('instantMs', () => {
  it('reads the layouts of toISOString and of a clock in Vietnam by hand', () => {
    expect(instantMs('2025-03-11T08:00:00+07:00')).toBe(Date.UTC(2025, 2, 11, 1, 0, 0));
    expect(instantMs('2025-03-11T01:00:00.250Z')).toBe(Date.UTC(2025, 2, 11, 1, 0, 0, 250));
    expect(instantMs('2024-02-29T23:59:59-05:30')).toBe(Date.UTC(2024, 2, 1, 5, 29, 59));
    expect(instantMs('2000-02-29T00:00:00.000+07:00')).toBe(Date.UTC(2000, 1, 28, 17));
    expect(instantMs('1900-03-01T00:00:00Z')).toBe(Date.UTC(1900, 2, 1));
    expect(instantMs('1969-12-31T23:59:59.999Z')).toBe(-1);
  });

  it('gives what Date.parse gives on the dates it does not take itself', () => {
    for (const text of ['2023-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-03-11T24:00:00Z', '2025-03-11T08:00+07:00', '2025-03-11T08:00:00.5Z', '2025-03-11T08:00:00+0700', '2025-03-11 08:00:00Z', '+012025-03-11T08:00:00Z', '2025-03-11T08:00:00+24:00', 'x'.repeat(25)]) {
      expect(Object.is(instantMs(text), Date.parse(text)), text).toBe(true);
    }
  });

  it('equals Date.parse on instants of every year 0-9999 and offsets of -12:00 to +14:00 (property)', () => {
    const minutes = fc.oneof(fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.constantFrom(0, 420));
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-02T00:00:00Z'), max: Date.parse('9999-12-30T00:00:00Z') }), minutes, fc.boolean(), fc.boolean(), (ms, offset, decimals, zulu) => {
        const text = written(ms, offset, decimals, zulu);
        expect(instantMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals Date.parse on texts of its layouts with any character changed (property)', () => {
    const layouts = ['2025-03-11T08:00:00+07:00', '2025-03-11T01:00:00.250Z', '2025-03-11T01:00:00Z', '2024-12-31T23:59:59.999-09:30'];
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.nat(), fc.constantFrom(...'0123456789+-:.TZ /x'), (layout, at, char) => {
        const i = at % layout.length;
        const text = layout.slice(0, i) + char + layout.slice(i + 1);
        expect(Object.is(instantMs(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
