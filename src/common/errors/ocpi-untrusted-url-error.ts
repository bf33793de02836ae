import { escapeControls } from './escape-controls';
import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrub,
} from './ocpi-error';

/**
 * A call would have sent the partner's token to a host the partner never gave us: a `Link` header, an
 * endpoint or a `response_url` pointing at another origin than the partner's versions and endpoint
 * URLs (or the explicit allow-list). Nothing was sent.
 *
 * @example
 * // A partner whose Link headers point at its CDN: trust that origin too.
 * const client = createClient({
 *   token,
 *   endpoints: details.endpoints,
 *   from: { countryCode: 'NL', partyId: 'EXA' },
 *   allowedOrigins: ['https://cdn.partner.example'],
 * });
 * try {
 *   await client.locations.sender.list().toArray({ limit: 1000 });
 * } catch (error) {
 *   if (isOcpiUntrustedUrlError(error)) console.warn(`refused ${error.origin}`);
 * }
 */
export class OcpiUntrustedUrlError extends OcpiError {
  override name = 'OcpiUntrustedUrlError';
  readonly request: OcpiRequestInfo;
  /** The origin that was refused. */
  readonly origin: string;

  constructor(input: OcpiRequestInput & { origin: string; because?: string }) {
    const request = describeRequest(input);
    const because = input.because ?? 'which the partner did not give';
    // The origin comes from a URL the partner gave: it could be built from the token itself, and when
    // that URL does not parse it is the partner's text as sent, line breaks included.
    const origin = escapeControls(scrub(input.origin, input.secrets));
    super(`Refused to send the token to ${origin}, ${because}: ${request.method} ${request.url}`);
    markKind(this, 'OcpiUntrustedUrlError');
    this.request = request;
    this.origin = origin;
  }
}

/** True when `value` is an {@link OcpiUntrustedUrlError}, from any realm or package copy. */
export function isOcpiUntrustedUrlError(value: unknown): value is OcpiUntrustedUrlError {
  return hasKind(value, 'OcpiUntrustedUrlError');
}
