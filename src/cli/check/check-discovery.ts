import { clientFor, type DiscoveredPartner, discoverPartner } from '../../client/discover-partner';
import type { TokenEncoding } from '../../common/auth/authorization-header';
import { isOcpiHttpError } from '../../common/errors/ocpi-http-error';
import { normaliseVersion, type OcpiVersion } from '../../common/protocol/version';
import { fetchVersions } from '../../common/transport/discovery';
import type { PartnerUrlPolicy } from '../../common/transport/partner-url-policy';
import type { CheckContext } from './check-context';
import { rawItems } from './check-list';
import type { EncodingAnswer, Finding, TokenEncodingReport } from './check-report';

/** What discovery agreed with the partner, and what it saw on the way. */
export interface Discovery extends DiscoveredPartner {
  /** The versions list as labelled by the partner. */
  readonly versionsFound: string[];
  readonly encodings: TokenEncodingReport;
  readonly findings: Finding[];
}

/** How the check calls the partner. */
export interface PartnerCallSettings {
  readonly versionsUrl: string;
  readonly token: string;
  readonly versions?: readonly OcpiVersion[];
  readonly allowPartnerUrl?: PartnerUrlPolicy;
  readonly timeout: number;
}

const ENCODINGS: readonly TokenEncoding[] = ['base64', 'raw'];

/**
 * The SDK's discovery (versions, the version chosen, its details, the token encoding that worked), then
 * each token encoding tried on its own against the versions list and the details, to say which the
 * partner reads. Errors of the discovery itself are thrown: nothing else can be checked without it.
 */
export async function checkDiscovery(
  settings: PartnerCallSettings,
  context: CheckContext,
): Promise<Discovery> {
  const { recorder } = context;
  const fetch = recorder.fetch;
  const common = { token: settings.token, fetch, timeout: settings.timeout, signal: context.signal };
  recorder.phase = 'versions';
  context.progress('versions and version details');
  const partner = await discoverPartner({
    ...common,
    versionsUrl: settings.versionsUrl,
    ...(settings.versions && { versions: settings.versions }),
    ...(settings.allowPartnerUrl && { allowPartnerUrl: settings.allowPartnerUrl }),
  });
  const versionsFound = (await rawItems(recorder.takeBody('versions', settings.versionsUrl))).map((entry) =>
    String((entry as { version?: unknown } | null)?.version ?? '?'),
  );

  recorder.phase = 'encodings';
  context.progress('token encodings');
  const versionsAnswers = {} as Record<TokenEncoding, EncodingAnswer>;
  const detailsAnswers = {} as Record<TokenEncoding, EncodingAnswer>;
  for (const encoding of ENCODINGS) {
    versionsAnswers[encoding] = await answerOf(() =>
      fetchVersions({ ...common, versionsUrl: settings.versionsUrl, tokenEncodings: [encoding] }),
    );
    detailsAnswers[encoding] = await answerOf(() =>
      clientFor(partner.version, {
        ...common,
        tokenEncoding: encoding,
        versionsUrl: settings.versionsUrl,
        versionUrl: partner.versionUrl,
        from: null,
      }).versions.getVersionDetails({
        params: { version_url: partner.versionUrl },
        options: { signal: context.signal },
      }),
    );
  }
  const encodings: TokenEncodingReport = {
    used: partner.tokenEncoding,
    versions: versionsAnswers,
    details: detailsAnswers,
  };
  return {
    ...partner,
    versionsFound,
    encodings,
    findings: discoveryFindings(partner, versionsFound, encodings),
  };
}

async function answerOf(call: () => Promise<unknown>): Promise<EncodingAnswer> {
  try {
    await call();
    return 'accepted';
  } catch (error) {
    return isOcpiHttpError(error) && error.httpStatus === 401 ? 'refused' : 'error';
  }
}

function discoveryFindings(
  partner: DiscoveredPartner,
  versionsFound: readonly string[],
  encodings: TokenEncodingReport,
): Finding[] {
  const findings: Finding[] = [];
  for (const label of versionsFound) {
    if (label !== partner.version && normaliseVersion(label) === partner.version) {
      findings.push({
        severity: 'warn',
        module: 'versions',
        message: `the versions list names ${partner.version} as "${label}"`,
      });
    }
  }
  const preferred: TokenEncoding = partner.version === '2.2.1' ? 'base64' : 'raw';
  if (encodings.details[preferred] !== 'accepted' && encodings.details[otherThan(preferred)] === 'accepted') {
    findings.push({
      severity: 'warn',
      module: 'versions',
      message: `the token is read only ${preferred === 'base64' ? 'unencoded' : 'Base64-encoded'}; OCPI ${partner.version} sends it ${preferred === 'base64' ? 'Base64-encoded' : 'as is'}`,
    });
  }
  return findings;
}

function otherThan(encoding: TokenEncoding): TokenEncoding {
  return encoding === 'base64' ? 'raw' : 'base64';
}
