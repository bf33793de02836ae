// `npm run mock -- --role cpo|emsp|hub --version 2.2.1|2.1.1 [--port N] [--faults a,b]`: a simulated OCPI
// party on this machine, from @org/ocpi/testing, making the faults named (FAULT_NAMES, e.g.
// `--faults no-link,latency`; a wrong argument exits 2), serving until stopped (Ctrl-C). Prints its
// versions URL on the first line of stdout, its token A on the second, and on the third a token
// already registered for its default counter-party (for tools that skip the credentials handshake).
import { mockOptions } from '../src/testing/mock-options';
import { serveLocally } from '../src/testing/serve-locally';
import { simulatedCpo } from '../src/testing/simulated-cpo';
import { simulatedEmsp } from '../src/testing/simulated-emsp';
import { simulatedHub } from '../src/testing/simulated-hub';
import type { SimulatedParty, SimulatedPartyOptions, SimulatedRole } from '../src/testing/simulated-party';

const options = mockOptions(process.argv.slice(2));
if ('error' in options) {
  console.error(options.error);
  process.exit(2);
}
const { version, faults } = options;
const makers: Record<SimulatedRole, (options: SimulatedPartyOptions) => Promise<SimulatedParty>> = {
  CPO: simulatedCpo,
  EMSP: simulatedEmsp,
  HUB: simulatedHub,
};
const make = makers[options.role];
const party = await serveLocally((baseUrl) => make({ version, baseUrl, faults }), { port: options.port });
console.log(party.versionsUrl);
console.log(party.tokenA);
console.log(party.registeredToken);
console.error(
  `simulated ${party.role} ${party.party.countryCode}/${party.party.partyId}, OCPI ${version}${faults.length > 0 ? `, faults: ${faults.join(', ')}` : ''}; Ctrl-C stops it`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void party.close().then(() => process.exit(0));
  });
}
