import { registerCompiledValidators } from '../common/schema/compiled/registry';
import { compiledPairs } from './generated/compiled-pairs';

// Registered at most once, when the first client or service of this version is made: not at import, so
// that a bundle of schemas alone keeps none of the compiled validators.
let registered = false;

/** Registers the OCPI 2.2.1 compiled validators once; createClient and serveVersion call it as they start. */
export function useCompiledValidators(): void {
  if (registered) return;
  registered = true;
  registerCompiledValidators(compiledPairs());
}
