import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../src/terminal.js';

// C0 but tab and line feed, DEL, C1, and the bidirectional marks and overrides
const ACTED_ON = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\r', '\t', '\n', '\u007f'), fc.string({ unit: 'binary', maxLength: 1 })) });

describe('terminal output', () => {
  it('text keeps nothing a terminal acts on, and everything else', () => {
    expect(forTerminal('Xã\u001b[2J Dào\u001b]0;x\u0007 San\u202e')).toBe('Xã[2J Dào]0;x San');
    fc.assert(
      fc.property(anyText, (s) => {
        expect(forTerminal(s)).not.toMatch(ACTED_ON); // any line, text or JSON
        const text = `Xã ${s}`;
        expect(forTerminal(text)).toBe([...text].filter((c) => !ACTED_ON.test(c)).join(''));
      }),
    );
  });

  it('JSON keeps every character, escaped: it parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, anyText), (value) => {
        const text = forTerminal(JSON.stringify({ value }, null, 2));
        expect(text).not.toMatch(ACTED_ON);
        expect(JSON.parse(text)).toEqual({ value });
      }),
    );
  });
});
