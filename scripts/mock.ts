// `npm run mock -- --role cpo|emsp --version 2.2.1|2.1.1 [--port N]`: a simulated OCPI party on this
// machine, from @org/ocpi/testing, serving until stopped (Ctrl-C). Prints its versions URL on the first
// line of stdout, its token A on the second, and on the third a token already registered for its
// default counter-party (for tools that skip the credentials handshake).
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../src/common/protocol/version';
import { serveLocally } from '../src/testing/serve-locally';
import { simulatedCpo } from '../src/testing/simulated-cpo';
import { simulatedEmsp } from '../src/testing/simulated-emsp';
import type { SimulatedParty } from '../src/testing/simulated-party';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'cpo' },
    version: { type: 'string', default: '2.2.1' },
    port: { type: 'string', default: '0' },
  },
});
const version = values.version as OcpiVersion;
if (version !== '2.2.1' && version !== '2.1.1')
  fail(`--version must be 2.2.1 or 2.1.1, not ${values.version}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be a port number, not ${values.port}`);
const makers: Record<
  string,
  (options: { version: OcpiVersion; baseUrl: string }) => Promise<SimulatedParty>
> = {
  cpo: simulatedCpo,
  emsp: simulatedEmsp,
};
const make = makers[values.role ?? ''] ?? fail(`--role must be cpo or emsp, not ${values.role}`);

const party = await serveLocally((baseUrl) => make({ version, baseUrl }), { port });
console.log(party.versionsUrl);
console.log(party.tokenA);
console.log(party.registeredToken);
console.error(
  `simulated ${party.role} ${party.party.countryCode}/${party.party.partyId}, OCPI ${version}; Ctrl-C stops it`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void party.close().then(() => process.exit(0));
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
