import { parProject } from '../../vitest.shared.js';

export default parProject('example-phong-tho-2022');
