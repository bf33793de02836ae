// Error messages are one line whatever a partner sends (issue #10 review, info finding). Parts of them
// come from the partner: a URL from its versions list, a status_message, a reason phrase, a version label,
// a field name. A CR/LF among them would forge a log line (`...\n2024-06-01 INFO payment accepted`), and
// a U+202E would reverse what an operator reads, so control characters, line separators and bidi
// controls are escaped as \uXXXX.
// No request leaves the process: `fetch` is injected.
import {
  connect,
  createRegistrationHandler,
  InMemoryPartnerStore,
  isOcpiUntrustedUrlError,
  OcpiHttpError,
  OcpiNoCommonVersionError,
  OcpiStatusError,
  OcpiUntrustedUrlError,
  OcpiValidationError,
} from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { BASE, TOKEN_A } from '../registration/support';
import { failure } from '../support/failure';
import { ourConfig, recordingFetch } from './support/injected-fetch';

const PARTNER = 'https://cpo.example.com/ocpi';
const FORGED = '\r\n2024-06-01T12:00:00Z INFO partner cpo paid\u2028\u0085\u202Edetsurt\u0000';
// What no log line may get from a partner: C0 and C1 controls, DEL, line and paragraph separators, and
// the bidi controls (embeddings, overrides, isolates, marks).
const UNSAFE = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function expectOneSafeLine(error: unknown): void {
  const { message, stack } = error as Error;
  expect(message).not.toMatch(UNSAFE);
  expect(String(error)).not.toMatch(UNSAFE);
  // The stack starts with the message: that part is as safe.
  expect(stack?.slice(0, stack.indexOf('\n    at '))).not.toMatch(UNSAFE);
}

describe('a versions list whose url holds a line break', () => {
  const versions = [{ version: '2.2.1', url: `not a url${FORGED}` }];

  it("reaches onCallbackError's error escaped", async () => {
    const { fetch } = recordingFetch({ [`${PARTNER}/versions`]: versions });
    const errors: unknown[] = [];
    const store = new InMemoryPartnerStore();
    await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
    const config = ourConfig(fetch, { store, onCallbackError: (error) => errors.push(error) });
    await createRegistrationHandler(config)(
      new Request(`${BASE}/2.2.1/credentials`, {
        method: 'POST',
        headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          token: 'token-b-8d2e61f0-from-the-initiator',
          url: `${PARTNER}/versions`,
          roles: [
            { role: 'CPO', party_id: 'EXA', country_code: 'NL', business_details: { name: 'Operator' } },
          ],
        }),
      }),
    );
    expect(errors).toHaveLength(1);
    expect(isOcpiUntrustedUrlError(errors[0])).toBe(true);
    expectOneSafeLine(errors[0]);
    expect((errors[0] as Error).message).toContain('not a url\\u000d\\u000a2024-06-01T12:00:00Z INFO');
    expect((errors[0] as OcpiUntrustedUrlError).origin).not.toMatch(UNSAFE);
    expect((errors[0] as OcpiUntrustedUrlError).request.url).not.toMatch(UNSAFE);
  });

  it('reaches the error of connect() escaped', async () => {
    const { fetch } = recordingFetch({ [`${PARTNER}/versions`]: versions });
    const error = await failure(connect({ versionsUrl: `${PARTNER}/versions`, token: TOKEN_A, fetch }));
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expectOneSafeLine(error);
  });
});

describe('each error built from partner text', () => {
  const request = { method: 'GET', url: `${PARTNER}/2.2.1/locations` };

  it.each([
    ['OcpiUntrustedUrlError', () => new OcpiUntrustedUrlError({ ...request, url: FORGED, origin: FORGED })],
    ['OcpiStatusError', () => new OcpiStatusError({ ...request, statusCode: 2001, statusMessage: FORGED })],
    [
      'OcpiHttpError',
      () =>
        new OcpiHttpError({
          ...request,
          httpStatus: 400,
          statusText: FORGED,
          statusCode: 2001,
          statusMessage: FORGED,
        }),
    ],
    ['OcpiNoCommonVersionError', () => new OcpiNoCommonVersionError([`2.2${FORGED}`])],
    [
      'OcpiValidationError',
      () =>
        new OcpiValidationError({
          subject: 'Location',
          issues: [
            {
              path: `["${FORGED}"]`,
              segments: [FORGED],
              code: 'unrecognized_keys',
              message: 'unknown field',
              fatal: true,
            },
          ],
        }),
    ],
  ])('%s has a one-line message', (_, build) => {
    expectOneSafeLine(build());
  });

  it('keeps printable text as it was, non-ASCII included', () => {
    const error = new OcpiStatusError({
      ...request,
      statusCode: 2001,
      statusMessage: 'Ungültige Daten: 日本',
    });
    expect(error.message).toBe(`OCPI 2001 "Ungültige Daten: 日本": GET ${PARTNER}/2.2.1/locations`);
  });
});
