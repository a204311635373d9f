import { defineConfig } from 'tsup';
import { parTsup } from '../../tsup.shared.js';

// shims: the CommonJS build gets `import.meta.url` (progress.ts' `createRequire`), which it lacks otherwise
export default defineConfig({ ...(parTsup as object), entry: ['src/index.ts', 'src/bin.ts'], shims: true });
