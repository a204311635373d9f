import { defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

/**
 * The one Vitest project factory every package uses: tests resolve sibling packages
 * through the `@par/source` export condition, so nothing needs a build first.
 */
export function parProject(name: string) {
  return defineProject({
    ssr: { resolve: { conditions: ['@par/source', ...defaultServerConditions] } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      environment: 'node',
      // turbo runs several packages' suites at once on this 2-core machine: property tests and CLI subprocesses
      // need more than the default 5 s there (a hang still fails)
      testTimeout: 60_000,
    },
  });
}
