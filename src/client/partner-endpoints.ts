import * as z from 'zod/mini';
import { OcpiValidationError } from '../common/errors/ocpi-validation-error';
import type { OcpiVersion } from '../common/protocol/version';
import { printableAscii } from '../common/schema/primitives/printable-string';
import { URLSchema } from '../common/schema/primitives/url';
import { toValidationIssues, type ValidationIssue } from '../common/schema/validation-issue';
import type { PartnerEndpoint } from '../server/partners/partner-store';
import { EndpointSchema as Endpoint211Schema } from '../v211/generated/schemas';
import { EndpointSchema as Endpoint221Schema } from '../v221/generated/schemas';

/**
 * The most endpoints we keep of a partner. A version lists one per module and (2.2.1) interface role:
 * the nine modules of 2.2.1 in both roles make 18, and custom modules a few more. A hundred is ample for
 * any real partner, and keeps what one can make us store and check (every URL goes through the URL
 * policy, possibly a DNS lookup each) small.
 */
export const MAX_PARTNER_ENDPOINTS = 100;

// Parties may add their own modules (version information, "Custom Modules"), so any identifier is taken,
// within bounds: the spec's own are at most 16 characters and a custom one is advised to carry a short
// prefix (`nltnm-tokens`); 64 printable ASCII characters hold any sensible name.
const MAX_MODULE_ID = 64;
const ModuleIdentifierSchema = /*@__PURE__*/ printableAscii(MAX_MODULE_ID).check(
  /*@__PURE__*/ z.minLength(1),
);

// The spec's Endpoint, strict as it is (InterfaceRole SENDER or RECEIVER, a URL of at most 255 printable
// characters), with the module identifier bounded instead of closed.
const KeptDetails211Schema = /*@__PURE__*/ z.object({
  versionUrl: URLSchema,
  endpoints: /*@__PURE__*/ z.array(
    /*@__PURE__*/ z.extend(Endpoint211Schema, { identifier: ModuleIdentifierSchema }),
  ),
});
const KeptDetails221Schema = /*@__PURE__*/ z.object({
  versionUrl: URLSchema,
  endpoints: /*@__PURE__*/ z.array(
    /*@__PURE__*/ z.extend(Endpoint221Schema, { identifier: ModuleIdentifierSchema }),
  ),
});

// Enough issues to say what is wrong; a bad endpoint repeated a hundred times need not be said so often.
const MAX_DETAIL_ISSUES = 20;

/**
 * A partner's version details URL and endpoints as the SDK keeps them (in a `PartnerRecord`, in a
 * client): held to the spec in every validation mode. Lenient parsing keeps an unknown interface role,
 * an over-long identifier or control characters, but these are stored (a NUL breaks a PostgreSQL text
 * column), shown to operators and used to pick the URL to call.
 *
 * In this order: at most {@link MAX_PARTNER_ENDPOINTS} endpoints, counted before any is looked at; each
 * endpoint's URL through `requireAllowed` (the URL policy, which throws its own error); then every field
 * against its strict type.
 *
 * @throws OcpiValidationError naming the fields at fault, never their values.
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/version_information_endpoint.asciidoc#version_information_endpoint_endpoint_class
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/version_information_endpoint.md#endpoint-class
 */
export async function keptEndpoints(
  version: OcpiVersion,
  details: { versionUrl: string; endpoints: readonly PartnerEndpoint[] },
  requireAllowed: (url: string) => Promise<void>,
): Promise<PartnerEndpoint[]> {
  // Typed as parsed, but a client with validation 'off' hands on whatever the partner sent.
  const endpoints: unknown = details.endpoints;
  if (Array.isArray(endpoints) && endpoints.length > MAX_PARTNER_ENDPOINTS) {
    throw invalidDetails([
      {
        path: 'endpoints',
        segments: ['endpoints'],
        code: 'too_big',
        message: `must have at most ${MAX_PARTNER_ENDPOINTS} items`,
        fatal: true,
      },
    ]);
  }
  const listed = Array.isArray(endpoints)
    ? endpoints.map((endpoint) => storedFields(version, endpoint))
    : endpoints;
  if (Array.isArray(listed)) {
    for (const endpoint of listed) {
      const url = (endpoint as { url?: unknown } | null)?.url;
      if (typeof url === 'string') await requireAllowed(url);
    }
  }
  const kept = { versionUrl: details.versionUrl, endpoints: listed };
  const checked = (version === '2.2.1' ? KeptDetails221Schema : KeptDetails211Schema).safeParse(kept);
  if (!checked.success) {
    throw invalidDetails(toValidationIssues(checked.error.issues, kept, MAX_DETAIL_ISSUES));
  }
  return checked.data.endpoints;
}

// The fields an endpoint is stored with, and only those: what lenient parsing dropped, validation 'off'
// may have kept.
function storedFields(version: OcpiVersion, endpoint: unknown): unknown {
  if (typeof endpoint !== 'object' || endpoint === null) return endpoint;
  const { identifier, role, url } = endpoint as Record<string, unknown>;
  return version === '2.2.1' ? { identifier, role, url } : { identifier, url };
}

function invalidDetails(issues: ValidationIssue[]): OcpiValidationError {
  return new OcpiValidationError({ subject: "partner's version details", issues });
}
