import { defineConfig } from 'tsup';

/** The one tsup configuration every published package builds with: ESM and CJS, types, source maps, Node 20. */
export const parTsup = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
