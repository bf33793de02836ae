import type { OcpiVersion } from '../common/protocol/version';
import type { VersionFacts } from '../common/protocol/version-profile';
import { Facts as Facts211 } from '../v211/facts';
import { Facts as Facts221 } from '../v221/facts';

// The public helpers that take a version label look its facts up here; each version states its own
// (src/v2xx/facts.ts), so neither common/ nor this table spells a fact of a version.

/** Every version's facts, by its label. */
export const VERSION_FACTS: Readonly<Record<OcpiVersion, VersionFacts>> = {
  [Facts211.version]: Facts211,
  [Facts221.version]: Facts221,
};
