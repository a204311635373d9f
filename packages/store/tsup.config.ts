import { parTsup } from '../../tsup.shared.js';

export default parTsup;
