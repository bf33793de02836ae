// register() against a partner that answers the credentials POST with HTTP 405, the spec's answer for a
// party it registered already: a typed error and nothing more sent, unless our store holds an attempt
// whose answer was lost, which the PUT then recovers.

import {
  isOcpiAlreadyRegisteredError,
  isOcpiError,
  isOcpiHttpError,
  isOcpiServerStatusError,
  OcpiAlreadyRegisteredError,
  register,
} from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';

import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { sdkParties } from './support';

const { server, requests } = useMswServer();
const party = sdkParties(server);

const CPO = 'https://cpo.example.com/ocpi';
const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_A = 'token-a-from-the-cpo';
const VERSIONS = ['2.2.1', '2.1.1'] as const;

const envelope = (status_code: number) => ({ status_code, timestamp: new Date().toISOString() });
const notAllowed = () =>
  HttpResponse.json(envelope(2000), { status: 405, headers: { Allow: 'GET, PUT, DELETE' } });
const credentialCalls = () =>
  requests.filter((request) => request.url.endsWith('/credentials')).map((request) => request.method);
const authorization = (version: string, token: string) =>
  `Token ${version === '2.2.1' ? btoa(token) : token}`;

async function cpoInvitingEmsp(version: '2.1.1' | '2.2.1') {
  const cpo = party(CPO, 'CPO', [version]);
  await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
  return cpo;
}

const options = (emsp: ReturnType<typeof party>) => ({
  config: emsp.config,
  partnerId: 'cpo',
  versionsUrl: `${CPO}/versions`,
  tokenA: TOKEN_A,
});

describe.each(VERSIONS)('OCPI %s: HTTP 405 to the credentials POST', (version) => {
  it('with an empty store: a typed error, no PUT, and the token C we hold keeps working', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const first = party(EMSP, 'EMSP', [version]);
    const registered = await register(options(first));
    const tokenC = registered.outgoingToken ?? '';
    // Our store loses the registration (a restore from backup, another instance): we register again,
    // while the partner still takes token A for recovery, and its SDK answers the new POST with 405.
    const emsp = party(EMSP, 'EMSP', [version]);
    requests.length = 0;

    const error = await failure(register(options(emsp)));

    expect(isOcpiAlreadyRegisteredError(error)).toBe(true);
    expect(error).toBeInstanceOf(OcpiAlreadyRegisteredError);
    expect(isOcpiError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'OcpiAlreadyRegisteredError',
      partnerId: 'cpo',
      request: { method: 'POST', url: `${CPO}/${version}/credentials` },
    });
    const { cause } = error as OcpiAlreadyRegisteredError;
    expect(isOcpiHttpError(cause) && cause.httpStatus).toBe(405);
    expect((error as Error).message).toContain(`POST ${CPO}/${version}/credentials`);
    expect((error as Error).message).not.toContain(TOKEN_A);
    expect(credentialCalls()).toEqual(['POST']);
    expect(emsp.store.all()).toEqual([]);
    // The partner kept the registration as it was: token C works, and it calls us with the first token B.
    expect(cpo.store.all()).toEqual([
      expect.objectContaining({
        status: 'registered',
        incomingToken: tokenC,
        outgoingToken: registered.incomingToken,
      }),
    ]);
    const withC = await fetch(`${CPO}/${version}/credentials`, {
      headers: { Authorization: authorization(version, tokenC) },
    });
    expect(withC.status).toBe(200);
  });

  it('with our registration in the store: the record is put back as it was, no PUT', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    const registered = await register(options(emsp));
    const [before] = emsp.store.all();
    requests.length = 0;
    server.use(http.post(`${CPO}/${version}/credentials`, notAllowed));

    expect(isOcpiAlreadyRegisteredError(await failure(register(options(emsp))))).toBe(true);

    expect(credentialCalls()).toEqual(['POST']);
    expect(emsp.store.all()).toEqual([before]);
    expect(emsp.store.all()[0]).toMatchObject({ ...registered });
    expect(cpo.store.all()[0]).toMatchObject({
      status: 'registered',
      outgoingToken: registered.incomingToken,
    });
  });

  it('with an unanswered attempt in the store: the 405 to the retry is recovered with a PUT', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    let posts = 0;
    server.use(
      http.post(`${CPO}/${version}/credentials`, async ({ request }) => {
        posts++;
        if (posts === 1) {
          // The partner registers us, and its answer is lost on the way.
          await cpo.handle(request);
          return HttpResponse.error();
        }
        // A partner that does not answer a repeated POST again, but as the spec says for a registered party.
        return notAllowed();
      }),
    );
    expect(await failure(register(options(emsp)))).toMatchObject({ name: 'OcpiNetworkError' });
    const [pending] = emsp.store.all();
    expect(pending).toMatchObject({ status: 'invited', outgoingToken: TOKEN_A });
    requests.length = 0;

    const record = await register(options(emsp));

    expect(credentialCalls()).toEqual(['POST', 'PUT']);
    expect(record).toMatchObject({ status: 'registered', incomingToken: pending?.incomingToken });
    expect(cpo.store.all()[0]).toMatchObject({
      status: 'registered',
      incomingToken: record.outgoingToken,
      outgoingToken: pending?.incomingToken,
    });
  });

  it('with an unanswered attempt in the store: a PUT that fails keeps token B, which the partner holds', async () => {
    const cpo = await cpoInvitingEmsp(version);
    const emsp = party(EMSP, 'EMSP', [version]);
    server.use(
      http.post(`${CPO}/${version}/credentials`, () => HttpResponse.error(), { once: true }),
      http.post(`${CPO}/${version}/credentials`, notAllowed),
      http.put(`${CPO}/${version}/credentials`, () => HttpResponse.json(envelope(3001))),
    );
    expect(await failure(register(options(emsp)))).toMatchObject({ name: 'OcpiNetworkError' });
    const [pending] = emsp.store.all();

    const error = await failure(register(options(emsp)));

    expect(isOcpiServerStatusError(error) && error.statusCode).toBe(3001);
    expect(emsp.store.all()).toEqual([pending]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });
});
