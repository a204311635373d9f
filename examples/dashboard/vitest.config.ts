import { parProject } from '../../vitest.shared.js';

export default parProject('example-dashboard');
