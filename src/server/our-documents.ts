import type { OcpiVersion } from '../common/protocol/version';
import type { Credentials as Credentials211, Endpoint as Endpoint211 } from '../v211/generated/schemas';
import type { Credentials as Credentials221, Endpoint as Endpoint221 } from '../v221/generated/schemas';
import type { RegistrationHandlerConfig } from './config';

// What we publish about ourselves: the versions list, each version's details and our credentials.

/** The versions we serve, oldest first, in the order the spec's example lists them. */
export function servedVersions(config: RegistrationHandlerConfig): OcpiVersion[] {
  return (['2.1.1', '2.2.1'] as const).filter((version) => config.versions[version] !== undefined);
}

/** Our versions list: each version with the URL of its details. */
export function versionsList(config: RegistrationHandlerConfig, baseUrl: string) {
  return servedVersions(config).map((version) => ({ version, url: `${baseUrl}/${version}` }));
}

/**
 * Our details for one version: our credentials endpoint, then the configured modules. In 2.2.1 the
 * credentials endpoint is listed once, as `SENDER`: the role means nothing for this module and the spec
 * advises `SENDER` for one's own (version_information_endpoint, note under the Endpoint class; its
 * second example lists credentials once for a platform with two roles).
 */
export function versionDetails(config: RegistrationHandlerConfig, baseUrl: string, version: OcpiVersion) {
  const credentials = `${baseUrl}/${version}/credentials`;
  if (version === '2.2.1') {
    const own = config.versions['2.2.1']?.endpoints ?? [];
    const endpoints: Endpoint221[] = [
      { identifier: 'credentials', role: 'SENDER', url: credentials },
      ...own.filter((endpoint) => endpoint.identifier !== 'credentials'),
    ];
    return { version, endpoints };
  }
  const own = config.versions['2.1.1']?.endpoints ?? [];
  const endpoints: Endpoint211[] = [
    { identifier: 'credentials', url: credentials },
    ...own.filter((endpoint) => endpoint.identifier !== 'credentials'),
  ];
  return { version, endpoints };
}

/** The identifiers of the modules we offer in a version, credentials aside. */
export function ourModules(config: RegistrationHandlerConfig, version: OcpiVersion): string[] {
  const own: readonly { identifier: string }[] = config.versions[version]?.endpoints ?? [];
  return own.map((endpoint) => endpoint.identifier).filter((identifier) => identifier !== 'credentials');
}

/**
 * Our credentials for a partner in the shape of a version: the token the partner is to use with us,
 * our versions URL and our party (2.1.1) or parties (2.2.1).
 */
export function ourCredentials(
  config: RegistrationHandlerConfig,
  baseUrl: string,
  version: OcpiVersion,
  token: string,
): Credentials211 | Credentials221 | undefined {
  const url = `${baseUrl}/versions`;
  if (version === '2.2.1') {
    const own = config.versions['2.2.1'];
    return own && { token, url, roles: [...own.roles] as Credentials221['roles'] };
  }
  const own = config.versions['2.1.1'];
  return (
    own && {
      token,
      url,
      business_details: own.business_details,
      party_id: own.party_id,
      country_code: own.country_code,
    }
  );
}
