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
  | 'OcpiNetworkError'
  | 'OcpiTimeoutError'
  | 'OcpiInvalidResponseError'
  | 'OcpiUntrustedUrlError'
  | 'OcpiMissingEndpointError'
  | 'OcpiNoCommonVersionError';

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

/** Makes the request part of an error: method upper-cased, URL redacted. */
export function describeRequest(request: OcpiRequestInput): OcpiRequestInfo {
  return { method: request.method.toUpperCase(), url: redactUrl(request.url, request.secrets) };
}

/**
 * The base of every error this SDK throws. Check with {@link isOcpiError} rather than `instanceof` when
 * errors may cross realms or package copies.
 *
 * @example
 * try { await client.locations.get('LOC1'); } catch (error) { if (isOcpiError(error)) console.warn(error.message); }
 */
export class OcpiError extends Error {
  override name: string = 'OcpiError';

  constructor(message: string, options?: { cause?: unknown }) {
    // Only a real cause is attached: `{ cause: undefined }` would still add an empty `cause` property.
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
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
  // Not enumerable: it stays out of JSON, console output and spread copies.
  Object.defineProperty(error, KINDS, { value: [kind], enumerable: false });
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

/** Removes known secrets from text an error will store (a body, a message from the partner). */
export function scrub(text: string, secrets: readonly string[] | undefined): string {
  return secrets ? redactSecrets(text, secrets) : text;
}

// Causes nest (undici puts the socket error under `fetch failed`); a few levels are plenty.
const MAX_CAUSE_DEPTH = 4;

/**
 * A cause that is safe to keep: the runtime's own error when it holds no secret, else a copy with the
 * same name, code and shape whose message and stack have the secrets removed. The runtime's error is
 * never modified.
 */
export function scrubCause(cause: unknown, secrets: readonly string[] | undefined, depth = 0): unknown {
  if (!secrets || secrets.length === 0) return cause;
  if (typeof cause === 'string') return scrub(cause, secrets);
  if (!(cause instanceof Error) || depth >= MAX_CAUSE_DEPTH) return cause;
  const nested = scrubCause(cause.cause, secrets, depth + 1);
  const stack = cause.stack ?? '';
  if (
    scrub(cause.message, secrets) === cause.message &&
    scrub(stack, secrets) === stack &&
    nested === cause.cause
  ) {
    return cause;
  }
  const copy = new Error(scrub(cause.message, secrets), nested === undefined ? undefined : { cause: nested });
  copy.name = cause.name;
  copy.stack = scrub(stack, secrets);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}
