// `npm run mock -- --role cpo|emsp|hub --version 2.2.1|2.1.1 [--port N] [--faults a,b]`: a simulated OCPI
// party on this machine, from @org/ocpi/testing, making the faults named (FAULT_NAMES, e.g.
// `--faults no-link,latency`; an unknown one exits 2), serving until stopped (Ctrl-C). Prints its
// versions URL on the first line of stdout, its token A on the second, and on the third a token
// already registered for its default counter-party (for tools that skip the credentials handshake).
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../src/common/protocol/version';
import { checkFaults, type FaultName } from '../src/testing/faults/fault-name';
import { serveLocally } from '../src/testing/serve-locally';
import { simulatedCpo } from '../src/testing/simulated-cpo';
import { simulatedEmsp } from '../src/testing/simulated-emsp';
import { simulatedHub } from '../src/testing/simulated-hub';
import type { SimulatedParty } from '../src/testing/simulated-party';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'cpo' },
    version: { type: 'string', default: '2.2.1' },
    port: { type: 'string', default: '0' },
    faults: { type: 'string', default: '' },
  },
});
const version = values.version as OcpiVersion;
if (version !== '2.2.1' && version !== '2.1.1')
  fail(`--version must be 2.2.1 or 2.1.1, not ${values.version}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be a port number, not ${values.port}`);
const faults = faultsOf(values.faults ?? '', version);
const makers: Record<
  string,
  (options: {
    version: OcpiVersion;
    baseUrl: string;
    faults: readonly FaultName[];
  }) => Promise<SimulatedParty>
> = {
  cpo: simulatedCpo,
  emsp: simulatedEmsp,
  hub: simulatedHub,
};
const make = makers[values.role ?? ''] ?? fail(`--role must be cpo, emsp or hub, not ${values.role}`);

const party = await serveLocally((baseUrl) => make({ version, baseUrl, faults }), { port });
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

// `a,b` as fault names, each checked before anything is served.
function faultsOf(list: string, forVersion: OcpiVersion): readonly FaultName[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  try {
    return checkFaults(names, forVersion);
  } catch (error) {
    return fail(`--faults: ${(error as Error).message}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
