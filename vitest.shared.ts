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
    },
  });
}
