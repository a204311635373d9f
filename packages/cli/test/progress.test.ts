import { afterEach, describe, expect, it, vi } from 'vitest';
import { progress } from '../src/progress.js';

describe('progress', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  afterEach(() => {
    vi.restoreAllMocks();
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  });

  it('draws a bar on a terminal (the package loaded only then) and nothing elsewhere', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const none = progress('score', 3, true);
    none.tick();
    none.stop();
    expect([none.shown, written]).toEqual([false, []]);
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const bar = progress('score', 3, true);
    expect(bar.shown).toBe(true);
    for (let i = 0; i < 3; i++) bar.tick();
    bar.stop();
    expect(written.join('')).toContain('score [');
    expect(written.join('')).toContain('3/3');
  });
});
