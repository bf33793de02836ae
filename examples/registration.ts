import {
  authenticatePartner,
  createRegistrationHandler,
  InMemoryPartnerStore,
  mintToken,
  type RegistrationHandlerConfig,
  register,
} from '@org/ocpi';

// Two parties in one process; in real use each serves its handler over HTTP (see @org/ocpi/node).
const handlers = new Map<string, (request: Request) => Promise<Response>>();
const network = (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const handler = handlers.get(new URL(request.url).origin);
  return handler ? handler(request) : Promise.resolve(new Response(null, { status: 502 }));
};

function party(origin: string, role: 'CPO' | 'EMSP'): RegistrationHandlerConfig {
  const baseUrl = `${origin}/ocpi`;
  const config: RegistrationHandlerConfig = {
    store: new InMemoryPartnerStore(),
    baseUrl,
    fetch: network,
    versions: {
      '2.2.1': {
        roles: [
          {
            role,
            party_id: role === 'CPO' ? 'CPO' : 'EMS',
            country_code: 'NL',
            business_details: { name: role },
          },
        ],
        endpoints: [
          {
            identifier: 'locations',
            role: role === 'CPO' ? 'SENDER' : 'RECEIVER',
            url: `${baseUrl}/2.2.1/locations`,
          },
        ],
      },
    },
  };
  handlers.set(origin, createRegistrationHandler(config));
  return config;
}

const cpo = party('https://cpo.example.com', 'CPO');
const emsp = party('https://emsp.example.com', 'EMSP');

// The CPO invites the eMSP: token A and the versions URL travel out of band.
const tokenA = mintToken();
await cpo.store.save({ id: 'emsp-1', status: 'invited', incomingToken: tokenA });

// The eMSP registers: versions, details, token B stored, POST, token C stored.
const partner = await register({
  config: emsp,
  partnerId: 'cpo-1',
  versionsUrl: 'https://cpo.example.com/ocpi/versions',
  tokenA,
});
console.log(partner.status, partner.version, partner.roles?.[0]?.partyId); // => registered 2.2.1 CPO
// The CPO's own modules (locations, cdrs...) authenticate the eMSP's token C the same way.
const caller = await authenticatePartner(cpo.store, partner.outgoingToken ?? '');
console.log(caller?.partner.id, caller?.token); // => emsp-1 current
