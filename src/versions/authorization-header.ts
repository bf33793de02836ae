import { authorizationHeader, type TokenEncoding } from '../common/auth/authorization-header';
import type { OcpiVersion } from '../common/protocol/version';
import { VERSION_FACTS } from './version-facts';

/** The encoding a version's spec prescribes: `raw` for 2.1.1, `base64` for 2.2.1. */
export function defaultTokenEncoding(version: OcpiVersion): TokenEncoding {
  return VERSION_FACTS[version].tokenEncoding;
}

/** Options of {@link formatAuthorizationHeader}. */
export interface FormatAuthorizationOptions {
  /** The OCPI version spoken with this partner; picks the default encoding. */
  version: OcpiVersion;
  /** Overrides the version's encoding, e.g. `raw` for a 2.2.1 partner that does not decode Base64. */
  encoding?: TokenEncoding;
}

/**
 * Builds the value of the `Authorization` header for a credentials token.
 *
 * @throws TypeError when the token is empty or holds anything but printable non-whitespace ASCII. The
 *   message never contains the token.
 * @example
 * formatAuthorizationHeader('example-token', { version: '2.2.1' }); // 'Token ZXhhbXBsZS10b2tlbg=='
 * formatAuthorizationHeader('example-token', { version: '2.1.1' }); // 'Token example-token'
 */
export function formatAuthorizationHeader(token: string, options: FormatAuthorizationOptions): string {
  return authorizationHeader(token, options.encoding ?? defaultTokenEncoding(options.version));
}
