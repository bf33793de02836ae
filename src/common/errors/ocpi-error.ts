import { encodeBase64Utf8 } from '../auth/base64';
import { escapeControls } from './escape-controls';
import { redactSecrets, redactUrl } from './redact';

// A symbol from the global registry is the same in every realm (iframes, workers, vm contexts) and in
// every copy of this package (ESM and CJS side by side), so the guards keep working where instanceof fails.
const KINDS = /*@__PURE__*/ Symbol.for('@org/ocpi/error-kinds');

/** The names of the error classes, used by the `isX()` guards. */
export type OcpiErrorKind =
  | 'OcpiError'
  | 'OcpiHttpError'
  | 'OcpiStatusError'
  | 'OcpiClientStatusError'
  | 'OcpiServerStatusError'
  | 'OcpiHubStatusError'
  | 'OcpiValidationError'
  | 'OcpiRejectedItemsError'
  | 'OcpiNetworkError'
  | 'OcpiTimeoutError'
  | 'OcpiInvalidResponseError'
  | 'OcpiUntrustedUrlError'
  | 'OcpiMissingEndpointError'
  | 'OcpiNoCommonVersionError'
  | 'OcpiAlreadyRegisteredError';

/** The request an error is about, as it may be shown: method and a redacted URL. */
export interface OcpiRequestInfo {
  readonly method: string;
  readonly url: string;
}

/** What every error constructor accepts to describe its request. */
export interface OcpiRequestInput {
  method: string;
  url: string | URL;
  /** Tokens to remove from anything the error stores or prints. */
  secrets?: readonly string[];
}

/**
 * Makes the request part of an error: method upper-cased, URL redacted, and on one line (a URL that a
 * partner named and that does not parse is kept as text, control characters escaped).
 */
export function describeRequest(request: OcpiRequestInput): OcpiRequestInfo {
  const secrets = request.secrets ? withEncodedForms(request.secrets) : [];
  return {
    method: escapeControls(request.method.toUpperCase()),
    url: escapeControls(redactUrl(request.url, secrets)),
  };
}

/**
 * The base of every error this SDK throws. Check with {@link isOcpiError} rather than `instanceof` when
 * errors may cross realms or package copies.
 *
 * A message is always one line: control characters, line separators and bidi controls in it are written
 * as `\uXXXX`, since parts of it come from partners (URLs, status messages, field names) and must not
 * forge or reorder lines in a log.
 *
 * @example
 * try {
 *   await client.locations.sender.getLocation({ params: { location_id: 'LOC1' } });
 * } catch (error) {
 *   if (isOcpiError(error)) console.warn(error.message);
 * }
 */
export class OcpiError extends Error {
  override name: string = 'OcpiError';

  constructor(message: string, options?: { cause?: unknown }) {
    // Only a real cause is attached: `{ cause: undefined }` would still add an empty `cause` property.
    super(escapeControls(message), options?.cause === undefined ? undefined : options);
    markKind(this, 'OcpiError');
  }
}

/** Records that `error` is of `kind`; each constructor in a class chain adds its own. */
export function markKind(error: OcpiError, kind: OcpiErrorKind): void {
  const own = (error as unknown as Record<symbol, OcpiErrorKind[] | undefined>)[KINDS];
  if (own) {
    own.push(kind);
    return;
  }
  // Not enumerable (a defined property's default): it stays out of JSON, console output and spread copies.
  Object.defineProperty(error, KINDS, { value: [kind] });
}

/** True when `value` is an error of `kind` (or a subclass of it) from any copy of this SDK. */
export function hasKind(value: unknown, kind: OcpiErrorKind): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const kinds = (value as Record<symbol, unknown>)[KINDS];
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** True for every error thrown by this SDK. Works across realms and package copies. */
export function isOcpiError(value: unknown): value is OcpiError {
  return hasKind(value, 'OcpiError');
}

/**
 * Removes known secrets from text an error will store (a body, a message from the partner). The forms
 * covered are those of `redactSecrets`, plus the URL-encoded Base64 form a redirect's query may carry.
 */
export function scrub(text: string, secrets: readonly string[] | undefined): string {
  return secrets && secrets.length > 0 ? redactSecrets(text, withEncodedForms(secrets)) : text;
}

/**
 * {@link scrub}, then cut to `max` characters. The secrets go first, from the whole text: cutting first
 * could leave the start of a token at the end of what is kept.
 */
export function scrubAndShorten(text: string, secrets: readonly string[] | undefined, max: number): string {
  const clean = scrub(text, secrets);
  return clean.length > max ? clean.slice(0, max) : clean;
}

function withEncodedForms(secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => {
    if (secret.length === 0) return [];
    const encoded = encodeURIComponent(encodeBase64Utf8(secret));
    return encoded === encodeBase64Utf8(secret) ? [secret] : [secret, encoded];
  });
}
