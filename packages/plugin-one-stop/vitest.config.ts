import { parProject } from '../../vitest.shared.js';

export default parProject('plugin-one-stop');
