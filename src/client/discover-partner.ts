import type { TokenEncoding } from '../common/auth/authorization-header';
import { isOcpiHttpError } from '../common/errors/ocpi-http-error';
import { OcpiUntrustedUrlError } from '../common/errors/ocpi-untrusted-url-error';
import type { OcpiVersion } from '../common/protocol/version';
import type { ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import { URL_MAX_LENGTH } from '../common/schema/primitives/url';
import type { ClientOptions } from '../common/transport/client-options';
import {
  chooseVersion,
  type FlowCallOptions,
  fetchVersions,
  flowCallOptions,
} from '../common/transport/discovery';
import { mayCallPartnerUrl, type PartnerUrlPolicy } from '../common/transport/partner-url-policy';
import type { PartnerEndpoint } from '../server/partners/partner-store';
import { type Client211, createClient as createClient211 } from '../v211/client';
import { type Client221, createClient as createClient221 } from '../v221/client';
import { defaultTokenEncoding } from '../versions/authorization-header';
import { keptEndpoints } from './partner-endpoints';

/**
 * A client for whichever version was agreed: check `client.version` to narrow it. `Mode` and `Unknown`
 * are the `validation` and `unknownFields` it was created with, which type what its calls return.
 */
export type OcpiClient<Mode extends ValidationSetting = 'lenient', Unknown extends UnknownFields = 'strip'> =
  | Client211<Mode, Unknown>
  | Client221<Mode, Unknown>;

/** A client of `version` for the given endpoints (none while they are still being discovered). */
export function clientFor(
  version: OcpiVersion,
  options: ClientOptions & { endpoints?: readonly PartnerEndpoint[] },
): OcpiClient<'lenient', UnknownFields> {
  const endpoints = options.endpoints ?? [];
  return version === '2.2.1'
    ? createClient221({
        ...options,
        endpoints: endpoints as Parameters<typeof createClient221>[0]['endpoints'],
      })
    : createClient211({
        ...options,
        endpoints: endpoints as Parameters<typeof createClient211>[0]['endpoints'],
      });
}

/** What {@link discoverPartner} agreed on with a partner. */
export interface DiscoveredPartner {
  version: OcpiVersion;
  /** The URL of the partner's details for that version. */
  versionUrl: string;
  /** The token encoding the partner accepted on its versions list. */
  tokenEncoding: TokenEncoding;
  endpoints: PartnerEndpoint[];
}

/**
 * The first steps of every conversation with a partner: GET its versions (Base64 token, raw on 401),
 * choose the highest version both speak among `versions`, GET that version's details with its schema.
 *
 * The details are asked with the encoding the versions list needed, if it refused one; else with the
 * chosen version's own (an open versions endpoint proves nothing), and on HTTP 401 once more with the
 * other. A `tokenEncoding` in the options is used throughout.
 *
 * Every URL involved is checked with `allowPartnerUrl` (default `partnerUrlPolicy()`) and the
 * spec's 255-character limit: the versions URL and the details URL before they are called, the
 * endpoints before they are returned. The first one refused throws `OcpiUntrustedUrlError`.
 *
 * The details URL and the endpoints are held to the spec in every validation mode (at most 100
 * endpoints, each with a known interface role, a bounded printable module identifier and a URL of
 * printable characters): they are stored and used to pick what to call. Anything else throws
 * `OcpiValidationError`.
 */
export async function discoverPartner(
  options: ClientOptions &
    FlowCallOptions & {
      versionsUrl: string;
      versions?: readonly OcpiVersion[];
      /** Which URLs the partner names we are willing to call; default `partnerUrlPolicy()`. */
      allowPartnerUrl?: PartnerUrlPolicy | undefined;
    },
): Promise<DiscoveredPartner> {
  const requireAllowed = async (url: string) => {
    if (!(await mayCallPartnerUrl(url, options.allowPartnerUrl))) throw refusedUrl(url, options.token);
  };
  await requireAllowed(options.versionsUrl);
  // The two GETs are one flow: in 2.2.1 they share an X-Correlation-ID.
  const flow = { ...options, correlationId: options.correlationId ?? crypto.randomUUID() };
  const listed = await fetchVersions(flow);
  const chosen = chooseVersion(listed.versions, options.versions, [options.token]);
  await requireAllowed(chosen.url);
  const known = options.tokenEncoding ?? (listed.confirmed ? listed.tokenEncoding : undefined);
  const first = known ?? defaultTokenEncoding(chosen.version);
  const getDetails = (tokenEncoding: TokenEncoding) =>
    clientFor(chosen.version, {
      ...options,
      tokenEncoding,
      versionUrl: chosen.url,
    }).versions.getVersionDetails({
      params: { version_url: chosen.url },
      ...flowCallOptions(flow),
    });
  let tokenEncoding = first;
  let details: Awaited<ReturnType<typeof getDetails>>;
  try {
    details = await getDetails(first);
  } catch (error) {
    if (known !== undefined || !isOcpiHttpError(error) || error.httpStatus !== 401) throw error;
    tokenEncoding = first === 'raw' ? 'base64' : 'raw';
    details = await getDetails(tokenEncoding);
  }
  // Whoever uses them next (a client, a stored registration) would call them: none may lead elsewhere,
  // and all are held to the spec whatever the validation mode.
  const endpoints = await keptEndpoints(
    chosen.version,
    { versionUrl: chosen.url, endpoints: details.endpoints },
    requireAllowed,
  );
  return { version: chosen.version, versionUrl: chosen.url, tokenEncoding, endpoints };
}

/** The error for a URL a partner named that our own policy (`allowPartnerUrl`) refuses. */
export function refusedUrl(url: string, token: string): OcpiUntrustedUrlError {
  // An over-long URL is refused for its length: the error names its start, not megabytes of it.
  const shown = url.length > URL_MAX_LENGTH ? `${url.slice(0, URL_MAX_LENGTH)}…` : url;
  let origin = shown;
  try {
    origin = new URL(shown).origin;
  } catch {
    // Not a URL at all: named as given.
  }
  return new OcpiUntrustedUrlError({
    method: 'GET',
    url: shown,
    origin,
    secrets: [token],
    because: 'which our URL policy refuses',
  });
}
