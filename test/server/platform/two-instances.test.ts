// Two instances of an eMSP's server behind one load balancer, on one PostgreSQL database (PGlite): the
// instance that sent a command waits for its result, and the CPO posts the result to the other one.
import type { PGlite } from '@electric-sql/pglite';
import {
  commandResponseUrl,
  createOcpiHandler,
  deliverCommandResults,
  InMemoryPartnerStore,
  PostgresCommandInbox,
  PostgresPartnerStore,
  partnerUrlPolicy,
  pgliteExecutor,
  pgliteListener,
} from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples221 } from '../../support/client-payloads';
import { closeServersAfterEach } from '../../support/local-server';
import { sharedDatabase } from '../../support/pglite';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

const EMSP_ROLE = {
  role: 'EMSP',
  country_code: 'NL',
  party_id: 'EMS',
  business_details: { name: 'eMSP' },
} as const;
const CPO_ROLE = {
  role: 'CPO',
  country_code: 'NL',
  party_id: 'CPO',
  business_details: { name: 'CPO' },
} as const;
const role = (party: typeof EMSP_ROLE | typeof CPO_ROLE) => ({
  role: party.role,
  countryCode: party.country_code,
  partyId: party.party_id,
  businessDetails: party.business_details,
});
/** What the CPO sends the eMSP, and what the eMSP sends the CPO. */
const CPO_TOKEN = 'cpo-token-c';
const EMSP_TOKEN = 'emsp-token-b';

let db: PGlite;
beforeAll(async () => {
  db = await sharedDatabase();
}, 60_000);

/** One instance of the eMSP: its own store and inbox objects, on the shared database. */
async function emspInstance(baseUrl: string) {
  // Tables of their own: the worker's database is shared with other test files.
  const store = new PostgresPartnerStore(pgliteExecutor(db), { table: 'instances_partners' });
  const inbox = new PostgresCommandInbox<v221.CommandResult>(pgliteExecutor(db), pgliteListener(db), {
    table: 'instances_command_results',
  });
  const served: string[] = [];
  const deliver = deliverCommandResults(inbox);
  const handle = createOcpiHandler({
    // The partner's response URLs are on this machine: the default policy refuses loopback.
    allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
    store,
    baseUrl,
    versions: [
      v221.serveVersion({
        roles: [EMSP_ROLE],
        modules: {
          commands: {
            sender: {
              postResult: async (call) => {
                served.push(call.request.url);
                await deliver(call);
              },
            },
          },
        },
      }),
    ],
  });
  return { store, inbox, served, handle };
}

/** The CPO: accepts START_SESSION at once, and posts its result to the command's response_url a moment later. */
async function cpo() {
  const store = new InMemoryPartnerStore();
  await store.save({ id: 'emsp', status: 'registered', incomingToken: EMSP_TOKEN, roles: [role(EMSP_ROLE)] });
  const posted: Promise<unknown>[] = [];
  const server = await serveHandler((origin) =>
    createOcpiHandler({
      // The partner's response URLs are on this machine: the default policy refuses loopback.
      allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
      store,
      baseUrl: `${origin}/ocpi`,
      versions: [
        v221.serveVersion({
          roles: [CPO_ROLE],
          modules: {
            commands: {
              receiver: {
                startSession: ({ body }) => {
                  const responseUrl = new URL(body.response_url);
                  const client = v221.createClient({
                    token: CPO_TOKEN,
                    endpoints: [{ identifier: 'commands', role: 'SENDER', url: responseUrl.origin }],
                    from: { countryCode: 'NL', partyId: 'CPO' },
                  });
                  posted.push(
                    new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
                      client.commands.sender.postResult({
                        params: { response_url: body.response_url },
                        body: { result: 'ACCEPTED' },
                      }),
                    ),
                  );
                  return { result: 'ACCEPTED', timeout: 30 };
                },
              },
            },
          },
        }),
      ],
    }),
  );
  return { origin: server.origin, posted };
}

describe('a command result reaching another instance than the one waiting', () => {
  it('is delivered to the waiting instance through the database', async () => {
    // The load balancer's address: where the CPO posts results, served here by instance B.
    let b: Awaited<ReturnType<typeof emspInstance>> | undefined;
    const balancer = await serveHandler(() => async (request) => {
      if (b === undefined) throw new Error('not started');
      return b.handle(request);
    });
    const baseUrl = `${balancer.origin}/ocpi`;
    const a = await emspInstance(baseUrl);
    b = await emspInstance(baseUrl);
    await a.store.migrate();
    await a.inbox.migrate();
    await a.store.save({
      id: 'cpo',
      status: 'registered',
      incomingToken: CPO_TOKEN,
      outgoingToken: EMSP_TOKEN,
      roles: [role(CPO_ROLE)],
    });
    const partner = await cpo();

    const client = v221.createClient({
      token: EMSP_TOKEN,
      endpoints: [
        { identifier: 'commands', role: 'RECEIVER', url: `${partner.origin}/ocpi/2.2.1/receiver/commands` },
      ],
      from: { countryCode: 'NL', partyId: 'EMS' },
    });
    const { appUserToken } = examples221();
    const outcome = await v221.sendCommand(
      client,
      'START_SESSION',
      {
        response_url: commandResponseUrl(baseUrl, '2.2.1', 'START_SESSION'),
        token: appUserToken,
        location_id: 'LOC1',
      },
      { inbox: a.inbox },
    );
    await Promise.all(partner.posted);

    expect(outcome).toMatchObject({ status: 'completed', result: { result: 'ACCEPTED' } });
    expect(b.served).toHaveLength(1);
    expect(a.served).toHaveLength(0);
    expect((await db.query('select count(*)::int as n from instances_command_results')).rows).toEqual([
      { n: 0 },
    ]);
    await a.inbox.close();
    await b.inbox.close();
  });
});
