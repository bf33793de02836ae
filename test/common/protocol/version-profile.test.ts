/**
 * Each version states its facts and hands the shared transport a profile built on them; the public
 * helpers that take a version label read the same facts. All must tell the same story, and the transport
 * must act on the profile.
 */
import { defaultTokenEncoding, statusCodeRange } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { OCPI_VERSIONS } from '../../../src/common/protocol/version';
import type { VersionProfile } from '../../../src/common/protocol/version-profile';
import { createTransport } from '../../../src/common/transport/transport';
import { TrustedOrigins } from '../../../src/common/transport/trusted-origins';
import { OcpiResponseEnvelopeSchema as Envelope211 } from '../../../src/v211/envelope';
import { Facts as Facts211 } from '../../../src/v211/facts';
import { Profile as Profile211 } from '../../../src/v211/profile';
import { OcpiResponseEnvelopeSchema as Envelope221 } from '../../../src/v221/envelope';
import { Facts as Facts221 } from '../../../src/v221/facts';
import { Profile as Profile221 } from '../../../src/v221/profile';

const PROFILES: readonly VersionProfile[] = [Profile211, Profile221];
const URL_ = 'http://127.0.0.1:9/ocpi/versions';

describe('version profiles', () => {
  it('gives every version a profile naming it', () => {
    expect(PROFILES.map((profile) => profile.version)).toEqual([...OCPI_VERSIONS]);
  });

  it("builds each profile on its version's facts", () => {
    expect(Profile211).toMatchObject(Facts211);
    expect(Profile221).toMatchObject(Facts221);
  });

  it.each(PROFILES)('agrees with the public helpers for $version', (profile) => {
    const version = profile.version ?? 'none';
    if (version === 'none') throw new Error('a version profile must name its version');
    expect(profile.tokenEncoding).toBe(defaultTokenEncoding(version));
    expect(profile.hubStatusCodes).toBe(statusCodeRange(4001, version) === 'hub-error');
  });

  it('hands each version its own envelope', () => {
    expect(Profile211.envelopeSchema).toBe(Envelope211);
    expect(Profile221.envelopeSchema).toBe(Envelope221);
  });

  it('sends the headers the profile asks for, whatever version it names', async () => {
    const sent: Headers[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Request(input, init).headers);
      return Response.json({ data: [], status_code: 1000, timestamp: '2024-06-01T12:00:00Z' });
    };
    const send = (profile: VersionProfile) =>
      createTransport({
        profile,
        token: 'token-for-a-test',
        trustedOrigins: new TrustedOrigins([URL_]),
        fetch,
        retry: { limit: 0 },
        validation: 'off',
        from: { countryCode: 'NL', partyId: 'EXA' },
      }).send({ method: 'GET', url: URL_, module: 'locations' });
    // A 2.1.1 profile that traces calls: the transport follows the fact, not the label.
    await send({ ...Profile211, traceHeaders: true });
    await send({ ...Profile221, routingHeaders: false, tokenEncoding: 'raw' });
    const [traced, unrouted] = sent;
    expect(traced?.get('X-Request-ID')).toBeTruthy();
    expect(traced?.get('OCPI-from-party-id')).toBeNull();
    expect(traced?.get('Authorization')).toBe('Token token-for-a-test');
    expect(unrouted?.get('X-Correlation-ID')).toBeTruthy();
    expect(unrouted?.get('OCPI-from-party-id')).toBeNull();
    expect(unrouted?.get('Authorization')).toBe('Token token-for-a-test');
  });

  it('reads 4xxx as hub errors only where the profile says so', async () => {
    const fetch = async () => Response.json({ status_code: 4001, timestamp: '2024-06-01T12:00:00Z' });
    const failure = (profile: VersionProfile) =>
      createTransport({
        profile,
        token: 'token-for-a-test',
        trustedOrigins: new TrustedOrigins([URL_]),
        fetch,
        retry: { limit: 0 },
      })
        .send({ method: 'GET', url: URL_ })
        .catch((error: unknown) => error);
    expect(await failure(Profile221)).toMatchObject({ name: 'OcpiHubStatusError' });
    expect(await failure(Profile211)).toMatchObject({ name: 'OcpiStatusError' });
    expect(await failure({ ...Profile211, hubStatusCodes: true })).toMatchObject({
      name: 'OcpiHubStatusError',
    });
  });
});
