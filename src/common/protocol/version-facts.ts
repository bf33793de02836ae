import type { TokenEncoding } from '../auth/authorization-header';
import type { OcpiVersion } from './version';

// The one place in common/ that knows facts about a version, for the public helpers that take a
// version label. The transport takes the same facts from the version's `VersionProfile` instead; each
// profile must agree with this table (test/common/protocol/version-profile.test.ts).

/**
 * Per version, what `defaultTokenEncoding`, `formatAuthorizationHeader`, `statusCodeRange` and
 * `createResponseError` need: the token encoding the spec prescribes and whether 4xxx are hub codes.
 */
export const VERSION_FACTS: Readonly<
  Record<OcpiVersion, { readonly tokenEncoding: TokenEncoding; readonly hubStatusCodes: boolean }>
> = {
  // 2.1.1 sends the token as is and has no hubs.
  '2.1.1': { tokenEncoding: 'raw', hubStatusCodes: false },
  // 2.2.1 sends it Base64-encoded and gives 4xxx to hub errors.
  '2.2.1': { tokenEncoding: 'base64', hubStatusCodes: true },
};

/** The versions to prefer when a partner speaks several, best first: the newest. */
export const PREFERRED_VERSIONS: readonly OcpiVersion[] = ['2.2.1', '2.1.1'];

/** A partner's version label as this SDK reads it: `2.1`, a common shorthand, is 2.1.1. */
export function normaliseVersion(version: string): string {
  return version === '2.1' ? '2.1.1' : version;
}
