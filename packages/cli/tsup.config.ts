import { defineConfig } from 'tsup';
import { parTsup } from '../../tsup.shared.js';

export default defineConfig({ ...(parTsup as object), entry: ['src/index.ts', 'src/bin.ts'] });
