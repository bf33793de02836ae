// The compiled path against zod alone for OCPI 2.2.1 (see compiled-differential.ts): a file per version, so
// that the two versions run side by side.
import { describeDifferential } from './compiled-differential';

describeDifferential('2.2.1');
