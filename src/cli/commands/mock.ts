// `ocpi mock` (and `npm run mock`, which calls it): a simulated OCPI party of @org/ocpi/testing served on
// this machine until Ctrl-C. Its first three stdout lines are what a tool needs to talk to it.

import { FAULT_NAMES } from '../../testing/faults/fault-name';
import { mockOptions } from '../../testing/mock-options';
import type { SimulatedParty, SimulatedPartyOptions, SimulatedRole } from '../../testing/simulated-party';
import type { Command } from '../command';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes';

const HELP = `Usage: ocpi mock [--role cpo|emsp|hub] [--version 2.2.1|2.1.1] [--port N] [--faults a,b]

Serves a simulated OCPI party (from @org/ocpi/testing) on 127.0.0.1 until stopped with Ctrl-C. Prints
on stdout its versions URL (line 1), its token A for the credentials handshake (line 2) and a token
already registered for its default counter-party (line 3), for tools that skip the handshake.

Options:
  --role <cpo|emsp|hub>      the party simulated (default cpo)
  --version <2.2.1|2.1.1>    its OCPI version (default 2.2.1)
  --port <N>                 the port to listen on (default 0: any free port)
  --faults <a,b>             deviations it makes, comma-separated, from:
${wrap(FAULT_NAMES.join(', '), '                               ')}
  -h, --help                 this help

Exit codes: 0 stopped; 2 wrong arguments.

Examples:
  ocpi mock
  ocpi mock --role emsp --version 2.1.1 --port 4100
  ocpi mock --faults no-link,latency
`;

// A list too long for one line, over several, each indented.
function wrap(text: string, indent: string, width = 100): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length + word.length > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

// Loaded when served, with their seeded data: not needed to print a help or refuse an argument.
const makers: Record<
  SimulatedRole,
  () => Promise<(options: SimulatedPartyOptions) => Promise<SimulatedParty>>
> = {
  CPO: async () => (await import('../../testing/simulated-cpo')).simulatedCpo,
  EMSP: async () => (await import('../../testing/simulated-emsp')).simulatedEmsp,
  HUB: async () => (await import('../../testing/simulated-hub')).simulatedHub,
};

/** `ocpi mock`. */
export const mockCommand: Command = {
  name: 'mock',
  summary: 'serve a simulated CPO, eMSP or hub on this machine (versions URL and tokens on stdout)',
  help: HELP,
  run: async (context) => {
    const options = mockOptions(context.args);
    if ('error' in options) {
      context.stderr.write(`${options.error}\n`);
      return EXIT_USAGE;
    }
    const { version, faults } = options;
    const make = await makers[options.role]();
    const { serveLocally } = await import('../../testing/serve-locally');
    const party = await serveLocally((baseUrl) => make({ version, baseUrl, faults }), { port: options.port });
    context.stdout.write(`${party.versionsUrl}\n${party.tokenA}\n${party.registeredToken}\n`);
    context.stderr.write(
      `simulated ${party.role} ${party.party.countryCode}/${party.party.partyId}, OCPI ${version}${faults.length > 0 ? `, faults: ${faults.join(', ')}` : ''}; Ctrl-C stops it\n`,
    );
    await new Promise<void>((resolve) => {
      if (context.signal.aborted) resolve();
      else context.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await party.close();
    return EXIT_OK;
  },
};
