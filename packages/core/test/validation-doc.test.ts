// docs/validation.md has a row for every exported function of `@par/core` (issue 10, "Done when"): a new export
// without one fails here, so the table cannot fall behind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

describe('docs/validation.md', () => {
  it('names every exported function of @par/core', () => {
    const doc = readFileSync(new URL('../../../docs/validation.md', import.meta.url), 'utf8');
    const functions = Object.entries(core).filter(([name, v]) => typeof v === 'function' && /^[a-z]/.test(name)).map(([name]) => name);
    expect(functions.length).toBeGreaterThan(40);
    expect(functions.filter((name) => !doc.includes(`\`${name}(`) && !doc.includes(`\`${name}\``) && !doc.includes(`, ${name}(`))).toEqual([]);
  });
});
