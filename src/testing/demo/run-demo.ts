import { connect } from '../../client/connect';
import type { OcpiClient } from '../../client/discover-partner';
import { partnerClient } from '../../client/registration/partner-client';
import { register } from '../../client/registration/register';
import { CommandInbox } from '../../common/commands/command-inbox';
import type { OcpiVersion } from '../../common/protocol/version';
import type { LenientIssue, UnknownFields } from '../../common/schema/parse';
import { type PartnerUrlPolicy, partnerUrlPolicy } from '../../common/transport/partner-url-policy';
import { InMemoryPartnerStore } from '../../server/partners/partner-store';
import { commandResponseUrl, deliverCommandResults } from '../../server/platform/command-results';
import {
  createOcpiHandler,
  type OcpiHandlerConfig,
  registrationConfig,
} from '../../server/platform/create-ocpi-handler';
import { sendCommand as sendCommand211 } from '../../v211/send-command';
import { serveVersion as serveVersion211 } from '../../v211/serve-version';
import { sendCommand as sendCommand221 } from '../../v221/send-command';
import { serveVersion as serveVersion221 } from '../../v221/serve-version';
import { listenOnLoopback } from '../listen-on-loopback';
import { seedEmsp211, seedEmsp221 } from '../seed';
import { serveLocally } from '../serve-locally';
import { simulatedCpo } from '../simulated-cpo';
import { DEFAULT_PARTIES } from '../simulated-party';
import { bar, type DemoOutput, table } from './demo-output';

/** What one run of the flow found, for the summary and for tests. */
export interface DemoResult {
  version: OcpiVersion;
  locations: number;
  pages: number;
  /** Locations per second over the sync. */
  rate: number;
  tokenPushed: boolean;
  /** The command's outcome: `ACCEPTED` when its result arrived and said so. */
  commandResult: string;
  sessions: number;
  cdrs: number;
  /** Energy of the CDRs pulled, kWh. */
  cdrEnergy: number;
  /** Deviations from the spec the client tolerated, and reported, on the way. */
  deviations: number;
  ms: number;
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  output: DemoOutput;
  /** The versions run, in order. Default both, 2.2.1 first. */
  versions?: readonly OcpiVersion[];
  /** How many Locations the simulated CPO holds. Default 300. */
  locations?: number;
}

/**
 * The SDK's tour: for each version, a simulated CPO on this machine, and an eMSP made with the SDK
 * (its own endpoints served on this machine too) that discovers the CPO, registers, syncs every
 * Location page by page, pushes a Token, starts a session by command and waits for the result, and
 * pulls Sessions and CDRs. Ends with a summary table.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult[]> {
  const { output } = options;
  const results: DemoResult[] = [];
  for (const version of options.versions ?? (['2.2.1', '2.1.1'] as const)) {
    output.line('');
    output.line(output.strong(`OCPI ${version}`));
    results.push(await runFlow(version, options));
  }
  printSummary(output, results);
  return results;
}

async function runFlow(version: OcpiVersion, options: DemoOptions): Promise<DemoResult> {
  const { output } = options;
  const started = performance.now();
  const cpo = await serveLocally((baseUrl) =>
    simulatedCpo({
      version,
      baseUrl,
      ...(options.locations !== undefined && { locations: options.locations }),
    }),
  );
  const emsp = await ourEmsp(version);
  try {
    output.line(`${output.dim('CPO')}  ${cpo.versionsUrl}`);
    output.line(`${output.dim('eMSP')} ${emsp.config.baseUrl}/versions (the SDK's handler)`);

    const record = await register({
      config: registrationConfig(emsp.config),
      partnerId: 'cpo',
      versionsUrl: cpo.versionsUrl,
      tokenA: cpo.tokenA,
    });
    output.line(
      `${output.ok('registered')} in ${record.version}: ${record.endpoints?.length ?? 0} endpoints`,
    );

    const deviations: LenientIssue[] = [];
    const client = partnerClient({ config: registrationConfig(emsp.config), record });
    const heard = {
      onValidationIssues: (report: { issues: readonly LenientIssue[] }) => deviations.push(...report.issues),
    };

    const synced = await syncLocations(client, output, heard);
    // A Token of ours, pushed to the CPO.
    const token = emsp.tokens[0] as Record<string, string>;
    const ours = DEFAULT_PARTIES.EMSP;
    const tokenParams = {
      country_code: ours.countryCode,
      party_id: ours.partyId,
      token_uid: String(token.uid),
    };
    if (client.version === '2.2.1')
      await client.tokens.receiver.putToken({ params: tokenParams, body: token as never });
    else await client.tokens.cpo.putToken({ params: tokenParams, body: token as never });
    output.line(`${output.ok('pushed')} Token ${token.uid}`);

    // A session started by command; its result arrives later at our handler.
    const body = {
      response_url: commandResponseUrl(emsp.config.baseUrl, version, 'START_SESSION'),
      token: token as never,
      location_id: synced.firstLocation ?? 'unknown',
    };
    const outcome =
      client.version === '2.2.1'
        ? await sendCommand221(client, 'START_SESSION', body, { inbox: emsp.inbox as never })
        : await sendCommand211(client, 'START_SESSION', body, {
            inbox: emsp.inbox as never,
            timeoutMs: 30_000,
          });
    const commandResult =
      outcome.status === 'completed' ? String((outcome.result as { result: string }).result) : outcome.status;
    output.line(
      `${commandResult === 'ACCEPTED' ? output.ok('started') : output.bad('not started')} session by command: ${commandResult}`,
    );

    const pulled = await pullSessionsAndCdrs(client, output, heard);
    return {
      version,
      ...synced.counts,
      tokenPushed: true,
      commandResult,
      ...pulled,
      deviations: deviations.length,
      ms: performance.now() - started,
    };
  } finally {
    await emsp.close();
    await cpo.close();
  }
}

function printSummary(output: DemoOutput, results: readonly DemoResult[]): void {
  output.line('');
  const header = [
    'version',
    'Locations',
    'pages',
    'Loc/s',
    'Token',
    'command',
    'Sessions',
    'CDRs',
    'kWh',
    'deviations',
    'ms',
  ];
  const rows = results.map((result) => [
    result.version,
    String(result.locations),
    String(result.pages),
    String(Math.round(result.rate)),
    result.tokenPushed ? 'pushed' : '-',
    result.commandResult,
    String(result.sessions),
    String(result.cdrs),
    result.cdrEnergy.toFixed(1),
    String(result.deviations),
    String(Math.round(result.ms)),
  ]);
  for (const text of table(header, rows)) output.line(text);
}

type AnyClient = OcpiClient<'lenient', UnknownFields> | OcpiClient<'lenient', 'strip'>;
type Heard = { onValidationIssues: (report: { issues: readonly LenientIssue[] }) => void };

/** Every Location of the partner, page by page, with progress; the first one's id for the command. */
async function syncLocations(client: AnyClient, output: DemoOutput, heard: Heard) {
  const started = performance.now();
  let locations = 0;
  let pages = 0;
  let firstLocation: string | undefined;
  const list =
    client.version === '2.2.1'
      ? client.locations.sender.list({ options: heard })
      : client.locations.cpo.list({ options: heard });
  for await (const page of list.pages()) {
    pages++;
    locations += page.items.length;
    firstLocation ??= (page.items[0] as { id?: string } | undefined)?.id;
    const total = page.totalCount ?? locations;
    const seconds = (performance.now() - started) / 1000;
    output.progress(
      `Locations ${bar(locations, total)} ${locations}/${total}, ${pages} pages, ${Math.round(locations / seconds)}/s`,
    );
  }
  const rate = locations / ((performance.now() - started) / 1000);
  output.line(`${output.ok('synced')} ${locations} Locations in ${pages} pages (${Math.round(rate)}/s)`);
  return { counts: { locations, pages, rate }, firstLocation };
}

/** The partner's Sessions (of the last year) and CDRs, and the energy the CDRs bill. */
async function pullSessionsAndCdrs(client: AnyClient, output: DemoOutput, heard: Heard) {
  const sessionsQuery = { query: { date_from: new Date(Date.now() - 365 * 86_400_000) }, options: heard };
  const sessions =
    client.version === '2.2.1'
      ? await client.sessions.sender.list(sessionsQuery).toArray({ limit: 100_000 })
      : await client.sessions.cpo.list(sessionsQuery).toArray({ limit: 100_000 });
  const cdrs =
    client.version === '2.2.1'
      ? await client.cdrs.sender.list({ options: heard }).toArray({ limit: 100_000 })
      : await client.cdrs.cpo.list({ options: heard }).toArray({ limit: 100_000 });
  const cdrEnergy = cdrs.reduce(
    (sum, cdr) => sum + Number((cdr as { total_energy?: number }).total_energy ?? 0),
    0,
  );
  output.line(
    `${output.ok('pulled')} ${sessions.length} Sessions and ${cdrs.length} CDRs (${cdrEnergy.toFixed(1)} kWh)`,
  );
  return { sessions: sessions.length, cdrs: cdrs.length, cdrEnergy };
}

/**
 * The read-only part of the tour against a real partner (`--versions-url`, `--token`: a token it
 * registered for us): discovery, the Locations sync, Sessions and CDRs. Nothing is written there: no
 * handshake, no Token push, no command.
 */
export async function runPartnerTour(options: {
  output: DemoOutput;
  versionsUrl: string;
  token: string;
  allowPartnerUrl?: PartnerUrlPolicy;
}): Promise<DemoResult> {
  const { output } = options;
  const started = performance.now();
  const client = await connect({
    versionsUrl: options.versionsUrl,
    token: options.token,
    from: null,
    ...(options.allowPartnerUrl && { allowPartnerUrl: options.allowPartnerUrl }),
  });
  output.line(`${output.ok('connected')} in ${client.version} to ${options.versionsUrl}`);
  const deviations: LenientIssue[] = [];
  const heard: Heard = { onValidationIssues: (report) => deviations.push(...report.issues) };
  const synced = await syncLocations(client, output, heard);
  const pulled = await pullSessionsAndCdrs(client, output, heard);
  const result: DemoResult = {
    version: client.version,
    ...synced.counts,
    tokenPushed: false,
    commandResult: 'skipped',
    ...pulled,
    deviations: deviations.length,
    ms: performance.now() - started,
  };
  printSummary(output, [result]);
  return result;
}

/** Our eMSP: the SDK's handler on this machine, serving its versions, credentials and command results. */
async function ourEmsp(version: OcpiVersion) {
  const inbox = new CommandInbox<unknown>();
  const party = DEFAULT_PARTIES.EMSP;
  const tokens =
    version === '2.2.1'
      ? seedEmsp221({ emsp: party, tokens: 3 }).tokens
      : seedEmsp211({ emsp: party, tokens: 3 }).tokens;
  let config: OcpiHandlerConfig | undefined;
  const listening = await listenOnLoopback(async (origin) => {
    config = emspConfig(version, origin, deliverCommandResults(inbox));
    return createOcpiHandler(config);
  });
  return {
    config: config as OcpiHandlerConfig,
    inbox,
    tokens: tokens as readonly unknown[],
    close: () => listening.close(),
  };
}

/** Our eMSP's handler config: its party, and the results of its commands at its response URLs. */
function emspConfig(
  version: OcpiVersion,
  origin: string,
  deliver: ReturnType<typeof deliverCommandResults>,
): OcpiHandlerConfig {
  const party = DEFAULT_PARTIES.EMSP;
  const details = { name: party.name };
  return {
    store: new InMemoryPartnerStore(),
    baseUrl: `${origin}/ocpi`,
    // The CPO is on this machine too.
    allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
    versions: [
      version === '2.2.1'
        ? serveVersion221({
            roles: [
              {
                role: 'EMSP',
                country_code: party.countryCode,
                party_id: party.partyId,
                business_details: details,
              },
            ],
            modules: { commands: { sender: { postResult: deliver } } },
          })
        : serveVersion211({
            country_code: party.countryCode,
            party_id: party.partyId,
            business_details: details,
            modules: { commands: { emsp: { postResult: deliver } } },
          }),
    ],
  };
}
