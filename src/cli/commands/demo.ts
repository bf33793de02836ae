// `ocpi demo` (and `npm run demo`, which calls it): the SDK's tour against simulated partners on this
// machine (src/testing/demo), or its read-only part against a real partner.
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../../common/protocol/version';
import { streamOutput } from '../../testing/demo/demo-output';
import type { Command } from '../command';
import { EXIT_OK, EXIT_USAGE, type ExitCode } from '../exit-codes';
import { loopbackPolicy } from '../loopback-policy';

const HELP = `Usage: ocpi demo [--version 2.2.1|2.1.1]... [--locations N]
       ocpi demo --versions-url <url> --token <token>

Runs the SDK's tour on this machine: for each version, a simulated CPO and an eMSP built with the SDK
that discovers it, registers, syncs every Location page by page, pushes a Token, starts a session by
command and waits for its result, pulls Sessions and CDRs, and ends with a summary table.
With --versions-url and --token, runs its read-only part (discovery, Locations, Sessions, CDRs)
against a real partner instead, with a token that partner registered for you.

Options:
  --version <2.2.1|2.1.1>    a version to run, repeatable (default both, 2.2.1 first)
  --locations <N>            how many Locations the simulated CPO holds (default 300)
  --versions-url <url>       a real partner's versions URL (with --token)
  --token <token>            the token it registered for you (with --versions-url)
  -h, --help                 this help

Exit codes: 0 the tour ran; 2 wrong arguments.

Examples:
  ocpi demo
  ocpi demo --version 2.1.1 --locations 50
  ocpi demo --versions-url http://127.0.0.1:4100/versions --token "$TOKEN"
`;

/** `ocpi demo`. */
export const demoCommand: Command = {
  name: 'demo',
  summary: "run the SDK's tour (discovery, registration, sync, token, command, CDRs) on this machine",
  help: HELP,
  run: async (context) => {
    const fail = (message: string): ExitCode => {
      context.stderr.write(`ocpi demo: ${message}\nSee: ocpi demo --help\n`);
      return EXIT_USAGE;
    };
    let values: {
      version?: string[] | undefined;
      locations?: string | undefined;
      'versions-url'?: string | undefined;
      token?: string | undefined;
    };
    try {
      ({ values } = parseArgs({
        args: [...context.args],
        options: {
          version: { type: 'string', multiple: true },
          locations: { type: 'string' },
          'versions-url': { type: 'string' },
          token: { type: 'string' },
        },
      }));
    } catch (error) {
      return fail((error as Error).message);
    }
    const output = streamOutput(context.stdout, context.env);
    // Loaded when run: the simulated parties and the client are not needed to print a help.
    const { runDemo, runPartnerTour } = await import('../../testing/demo/run-demo');
    const versionsUrl = values['versions-url'];
    if (versionsUrl !== undefined || values.token !== undefined) {
      if (versionsUrl === undefined || values.token === undefined) {
        return fail('--versions-url and --token go together');
      }
      const allowPartnerUrl = loopbackPolicy(versionsUrl);
      await runPartnerTour({
        output,
        versionsUrl,
        token: values.token,
        ...(allowPartnerUrl && { allowPartnerUrl }),
      });
      return EXIT_OK;
    }
    const versions = values.version ?? ['2.2.1', '2.1.1'];
    for (const version of versions) {
      if (version !== '2.2.1' && version !== '2.1.1')
        return fail(`--version: 2.2.1 or 2.1.1, not ${version}`);
    }
    const locations = values.locations === undefined ? undefined : Number(values.locations);
    if (locations !== undefined && !(Number.isInteger(locations) && locations > 0)) {
      return fail(`--locations: a whole number above 0, not ${values.locations}`);
    }
    await runDemo({
      output,
      versions: versions as OcpiVersion[],
      ...(locations !== undefined && { locations }),
    });
    return EXIT_OK;
  },
};
