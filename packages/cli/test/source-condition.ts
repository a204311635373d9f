import { afterAll, beforeAll } from 'vitest';

/**
 * Loads the workspace's plugins from their sources in in-process tests: the CLI resolves a plugin's entry with the
 * conditions Node was given, so the `@par/source` condition is added to `NODE_OPTIONS` for the file's tests.
 */
export function loadPluginsFromSource(): void {
  const nodeOptions = process.env.NODE_OPTIONS;
  beforeAll(() => {
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --conditions=@par/source`;
  });
  afterAll(() => {
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
  });
}
