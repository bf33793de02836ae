// The run of `ocpi check`: discovery, every module the partner lists, the 2.2.1 headers, and with
// `--write` / `--register` the write checks and the credentials handshake around it all. Everything goes
// through the SDK's own client, discovery and registration; the check only watches and judges.
import { clientFor, type OcpiClient } from '../../client/discover-partner';
import { unregister } from '../../client/registration/manage-registration';
import { partnerClient } from '../../client/registration/partner-client';
import { register } from '../../client/registration/register';
import { isOcpiHttpError } from '../../common/errors/ocpi-http-error';
import { OcpiNetworkError } from '../../common/errors/ocpi-network-error';
import { OcpiTimeoutError } from '../../common/errors/ocpi-timeout-error';
import { OcpiUntrustedUrlError } from '../../common/errors/ocpi-untrusted-url-error';
import { redactUrl } from '../../common/errors/redact';
import type { OcpiVersion } from '../../common/protocol/version';
import type { UnknownFields } from '../../common/schema/parse';
import { formatUtcDateTime } from '../../common/schema/primitives/utc-date-time-format';
import { partnerUrlPolicy } from '../../common/transport/partner-url-policy';
import type { PartyRef } from '../../common/transport/routing';
import { mintToken } from '../../server/partners/mint-token';
import type { PartnerEndpoint, PartnerRecord } from '../../server/partners/partner-store';
import { Operations as Operations211 } from '../../v211/operations';
import { Operations as Operations221 } from '../../v221/operations';
import { loopbackPolicy } from '../loopback-policy';
import { packageVersion } from '../package-version';
import type { CheckContext } from './check-context';
import { checkDiscovery, type Discovery } from './check-discovery';
import { checkList, type ListTarget, messageOf, statusOf } from './check-list';
import {
  CHECK_REPORT_VERSION,
  type CheckReport,
  type CheckStatus,
  type EndpointReport,
  type Finding,
  type HeadersReport,
  type ModuleReport,
  type RegistrationReport,
  type WriteReport,
} from './check-report';
import { checkWrites } from './check-writes';
import { ExchangeRecorder } from './exchange-recorder';
import { DEFAULT_OUR_PARTY, type OurParty, startOurParty } from './our-party';
import { scrubReport } from './scrub-report';
import { timingsOf } from './timings';

/** What to check, and how. */
export interface RunCheckOptions {
  readonly versionsUrl: string;
  /** The token to check with; with `register`, the token A to register with. */
  readonly token: string;
  readonly register?: boolean;
  readonly write?: boolean;
  /** Only this version; default the highest both speak. */
  readonly version?: OcpiVersion | undefined;
  /** Per request, ms. Default 30 s. */
  readonly timeout?: number;
  /** The most pages read of one list. Default 100. */
  readonly maxPages?: number;
  /** Our party for `--write` without `--register`, and the one we register as. */
  readonly party?: PartyRef | undefined;
  readonly progress?: (text: string) => void;
  readonly signal?: AbortSignal;
  /** The fetch of every call (tests). */
  readonly fetch?: typeof globalThis.fetch;
}

/** The partner could not be reached, or refused our credentials: nothing could be checked. */
export class PartnerUnavailableError extends Error {
  override name = 'PartnerUnavailableError';
}

const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_MAX_PAGES = 100;
// What the check reads on its own; credentials are read once, the rest are not GET-able lists.
const CONFIGURATION_MODULES = ['versions', 'credentials'];

/** What the steps found, before the report is put together. */
interface Found {
  discovery?: Discovery;
  modules: ModuleReport[];
  writes?: WriteReport[];
}

/**
 * Checks a partner and returns the report. Throws {@link PartnerUnavailableError} when the partner
 * cannot be reached or refuses the token; anything else it finds is in the report. With `register`,
 * the registration is ended (DELETE credentials) before returning, whatever happened in between.
 */
export async function runCheck(options: RunCheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const checkedAt = formatUtcDateTime(Date.now());
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const recorder = new ExchangeRecorder(options.fetch, timeout);
  const secrets: string[] = [options.token];
  const context: CheckContext = {
    recorder,
    secrets,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    signal: options.signal ?? new AbortController().signal,
    progress: options.progress ?? (() => undefined),
  };
  const allowPartnerUrl = loopbackPolicy(options.versionsUrl);
  const findings: Finding[] = [];
  const found: Found = { modules: [] };
  let ours: OurParty | undefined;
  let registered: PartnerRecord | undefined;
  let registration: RegistrationReport | undefined;
  try {
    if (options.register || options.write) {
      ours = await startOurParty({
        role: 'EMSP',
        party: options.party ?? DEFAULT_OUR_PARTY,
        fetch: recorder.fetch,
        only: options.version,
        timeout,
        // Our own calls go where the check's do.
        allowPartnerUrl: allowPartnerUrl ?? partnerUrlPolicy(),
      });
    }
    let token = options.token;
    if (options.register && ours) {
      recorder.phase = 'credentials';
      context.progress('credentials handshake');
      ours.tokenB = mintToken();
      secrets.push(ours.tokenB);
      try {
        registered = await register({
          config: ours.config,
          partnerId: 'partner',
          versionsUrl: options.versionsUrl,
          tokenA: options.token,
          tokenB: ours.tokenB,
          signal: context.signal,
        });
      } catch (error) {
        throw (
          unavailable(error, secrets) ??
          new PartnerUnavailableError(`the credentials handshake failed: ${messageOf(error, secrets)}`)
        );
      }
      token = registered.outgoingToken ?? token;
      secrets.push(token);
    }

    try {
      found.discovery = await checkDiscovery(
        {
          versionsUrl: options.versionsUrl,
          token,
          timeout,
          ...(options.version && { versions: [options.version] }),
          ...(allowPartnerUrl && { allowPartnerUrl }),
        },
        context,
      );
    } catch (error) {
      const refused = unavailable(error, secrets);
      if (refused) throw refused;
      findings.push({ severity: 'fail', module: 'versions', message: messageOf(error, secrets) });
    }
    const { discovery } = found;
    if (discovery) {
      findings.push(...discovery.findings);
      const client: OcpiClient<'lenient', UnknownFields> =
        registered && ours
          ? partnerClient({ config: { ...ours.config, fetch: recorder.fetch }, record: registered })
          : clientFor(discovery.version, {
              token,
              tokenEncoding: discovery.tokenEncoding,
              versionsUrl: options.versionsUrl,
              versionUrl: discovery.versionUrl,
              endpoints: discovery.endpoints,
              fetch: recorder.fetch,
              timeout,
              // Routing headers need our party: the one given (`--party`), else none (told in the report).
              from: options.party ?? null,
            });
      const interface211 =
        discovery.version === '2.1.1' ? await probeInterface211(client, context) : undefined;
      found.modules = await checkModules(client, discovery.endpoints, interface211, context, findings);
      if (options.write && ours) {
        const done = await checkWrites(
          client,
          {
            ours,
            party: ours.party,
            partnerIsCpo: discovery.version === '2.2.1' || interface211 === 'cpo',
            registered: registered !== undefined,
            resultWaitMs: Math.min(timeout, 10_000),
          },
          context,
        );
        found.writes = done.writes;
        findings.push(...done.findings);
      }
    }
  } finally {
    // Even after a failure: the partner is not left holding a registration nobody uses.
    if (registered && ours) {
      registration = await endRegistration(ours, registered, found.discovery?.version, context, findings);
    }
    await ours?.close().catch(() => undefined);
  }
  return scrubReport(
    reportOf({ options, checkedAt, started, found, findings, recorder, registration }),
    secrets,
  );
}

// Network errors, timeouts, a refused token or a URL our policy refuses: the partner cannot be checked.
function unavailable(error: unknown, secrets: readonly string[]): PartnerUnavailableError | undefined {
  const message = messageOf(error, secrets);
  if (error instanceof OcpiNetworkError || error instanceof OcpiTimeoutError) {
    return new PartnerUnavailableError(`the partner could not be reached: ${message}`);
  }
  if (error instanceof OcpiUntrustedUrlError) return new PartnerUnavailableError(message);
  if (isOcpiHttpError(error) && (error.httpStatus === 401 || error.httpStatus === 403)) {
    return new PartnerUnavailableError(`the partner refused the token: ${message}`);
  }
  return undefined;
}

/**
 * 2.1.1 details name no interface: whether the partner serves the CPO's (its Locations list answers) or
 * the eMSP's (its Tokens list answers). Asked with a one-object page, not counted in any module.
 */
async function probeInterface211(
  client: OcpiClient<'lenient', UnknownFields>,
  context: CheckContext,
): Promise<'cpo' | 'emsp'> {
  if (client.version !== '2.1.1') return 'cpo';
  context.recorder.phase = 'probe';
  const options = { signal: context.signal, onValidationIssues: () => undefined };
  const has = (module: string) => client.endpoints.some((endpoint) => endpoint.identifier === module);
  const answers = async (page: () => PromiseLike<unknown>) => {
    try {
      await page();
      return true;
    } catch {
      return false;
    }
  };
  if (
    has('locations') &&
    (await answers(() => client.locations.cpo.list({ query: { limit: 1 }, options })))
  ) {
    return 'cpo';
  }
  if (has('tokens') && (await answers(() => client.tokens.emsp.list({ query: { limit: 1 }, options })))) {
    return 'emsp';
  }
  return 'cpo';
}

type AnyOperations = Record<string, Record<string, Record<string, { item?: unknown; query?: unknown }>>>;

// Each endpoint of the details: a list to read where its interface has one, else skipped with a note.
async function checkModules(
  client: OcpiClient<'lenient', UnknownFields>,
  endpoints: readonly PartnerEndpoint[],
  interface211: 'cpo' | 'emsp' | undefined,
  context: CheckContext,
  findings: Finding[],
): Promise<ModuleReport[]> {
  const byModule = new Map<string, EndpointReport[]>();
  const table = (client.version === '2.2.1' ? Operations221 : Operations211) as unknown as AnyOperations;
  for (const endpoint of endpoints) {
    const module = endpoint.identifier;
    const role = client.version === '2.2.1' ? (endpoint.role ?? '') : (interface211 ?? 'cpo');
    const interfaceName = role.toLowerCase();
    const reports = byModule.get(module) ?? [];
    byModule.set(module, reports);
    const skipped = (note: string): EndpointReport => ({
      module,
      role,
      url: endpoint.url,
      status: 'skipped',
      note,
      httpStatuses: {},
      timings: timingsOf([]),
    });
    if (module === 'credentials') {
      reports.push(await checkCredentials(client, endpoint, role, context, findings));
      continue;
    }
    if (CONFIGURATION_MODULES.includes(module)) {
      reports.push(skipped('read during discovery'));
      continue;
    }
    const operation = table[module]?.[interfaceName]?.list;
    const calls = (client as unknown as Record<string, Record<string, { list?: ListTarget['list'] }>>)[
      module
    ]?.[interfaceName];
    if (operation?.item === undefined || calls?.list === undefined) {
      reports.push(
        skipped(
          table[module] === undefined
            ? 'a module this SDK does not know'
            : 'no list to read in this interface',
        ),
      );
      continue;
    }
    const list = calls.list;
    const outcome = await checkList(
      {
        module,
        role,
        url: endpoint.url,
        item: operation.item as ListTarget['item'],
        needsDateFrom: module === 'sessions',
        list: (args) => list(args),
      },
      context,
    );
    reports.push(outcome.report);
    findings.push(...outcome.findings);
  }
  return [...byModule.entries()].map(([module, reports]) => ({
    module,
    status: worstOf(reports.map((report) => report.status)),
    endpoints: reports,
  }));
}

// The partner's own credentials, read with the token (a GET changes nothing).
async function checkCredentials(
  client: OcpiClient<'lenient', UnknownFields>,
  endpoint: PartnerEndpoint,
  role: string,
  context: CheckContext,
  findings: Finding[],
): Promise<EndpointReport> {
  const phase = `credentials ${role}`;
  context.recorder.phase = phase;
  context.progress('credentials');
  let note: string | undefined;
  try {
    await client.credentials.getCredentials({ options: { signal: context.signal } });
  } catch (error) {
    note = messageOf(error, context.secrets);
    findings.push({ severity: 'fail', module: 'credentials', message: `GET credentials failed: ${note}` });
  }
  const exchanges = context.recorder.of(phase);
  const httpStatuses: Record<string, number> = {};
  for (const { status } of exchanges)
    httpStatuses[String(status ?? 'none')] = (httpStatuses[String(status ?? 'none')] ?? 0) + 1;
  return {
    module: 'credentials',
    role,
    url: endpoint.url,
    status: note === undefined ? 'ok' : 'fail',
    ...(note !== undefined && { note }),
    httpStatuses,
    timings: timingsOf(exchanges.map((exchange) => exchange.ms)),
  };
}

function worstOf(statuses: readonly CheckStatus[]): CheckStatus {
  for (const status of ['fail', 'warn', 'ok'] as const) if (statuses.includes(status)) return status;
  return 'skipped';
}

// DELETE credentials, and what the partner's calls to us showed of its token encoding.
async function endRegistration(
  ours: OurParty,
  record: PartnerRecord,
  version: OcpiVersion | undefined,
  context: CheckContext,
  findings: Finding[],
): Promise<RegistrationReport> {
  const encodings = ours.partnerEncodings;
  const partnerTokenEncoding = encodings.includes('raw') ? 'raw' : encodings[0];
  if ((version ?? record.version) === '2.2.1' && partnerTokenEncoding === 'raw') {
    findings.push({
      severity: 'warn',
      module: 'credentials',
      message: 'the partner called us with our token unencoded; OCPI 2.2.1 sends it Base64-encoded',
    });
  }
  context.recorder.phase = 'credentials';
  context.progress('unregistering');
  let note: string | undefined;
  try {
    await unregister({ config: ours.config, record });
  } catch (error) {
    note = `unregistering failed: ${messageOf(error, context.secrets)}`;
    findings.push({ severity: 'fail', module: 'credentials', message: note });
  }
  return {
    status: note === undefined ? 'ok' : 'fail',
    ...(note !== undefined && { note }),
    ...(partnerTokenEncoding && { partnerTokenEncoding }),
    unregistered: note === undefined,
  };
}

// The 2.2.1 trace headers echoed, and routing headers on answers to requests that carried ours.
function headersOf(recorder: ExchangeRecorder): HeadersReport {
  // Busy answers (503, 429) come from a load balancer more often than from the OCPI server: not counted.
  const answered = recorder.exchanges.filter(
    (exchange) =>
      exchange.status !== undefined &&
      exchange.status !== 503 &&
      exchange.status !== 429 &&
      exchange.sentRequestId !== undefined,
  );
  const routed = answered.filter((exchange) => exchange.sentRouting);
  return {
    responses: answered.length,
    requestIdEchoed: answered.filter(
      (exchange) => exchange.headers['x-request-id'] === exchange.sentRequestId,
    ).length,
    correlationIdEchoed: answered.filter(
      (exchange) => exchange.headers['x-correlation-id'] === exchange.sentCorrelationId,
    ).length,
    routingExpected: routed.length,
    routingPresent: routed.filter(
      (exchange) =>
        exchange.headers['ocpi-from-party-id'] !== undefined &&
        exchange.headers['ocpi-to-party-id'] !== undefined,
    ).length,
  };
}

function headerFindings(headers: HeadersReport): Finding[] {
  const findings: Finding[] = [];
  const say = (severity: Finding['severity'], message: string) =>
    findings.push({ severity, module: 'headers', message });
  if (headers.requestIdEchoed < headers.responses) {
    say(
      'warn',
      `${headers.responses - headers.requestIdEchoed} of ${headers.responses} answer(s) did not echo X-Request-ID`,
    );
  }
  if (headers.correlationIdEchoed < headers.responses) {
    say(
      'warn',
      `${headers.responses - headers.correlationIdEchoed} of ${headers.responses} answer(s) did not echo X-Correlation-ID`,
    );
  }
  if (headers.routingExpected === 0) {
    say(
      'info',
      'routing headers on answers not checked: our requests carried none (name our party with --party, or use --register)',
    );
  } else if (headers.routingPresent < headers.routingExpected) {
    say(
      'warn',
      `${headers.routingExpected - headers.routingPresent} of ${headers.routingExpected} answer(s) to routed requests carried no OCPI-from-*/OCPI-to-* headers`,
    );
  }
  return findings;
}

interface ReportParts {
  options: RunCheckOptions;
  checkedAt: string;
  started: number;
  found: Found;
  findings: Finding[];
  recorder: ExchangeRecorder;
  registration: RegistrationReport | undefined;
}

function reportOf(parts: ReportParts): CheckReport {
  const { found, recorder } = parts;
  const { discovery } = found;
  const findings = [...parts.findings];
  let headers: HeadersReport | undefined;
  if (discovery?.version === '2.2.1') {
    headers = headersOf(recorder);
    findings.push(...headerFindings(headers));
  }
  const endpoints = found.modules.flatMap((module) => module.endpoints);
  const count = (severity: Finding['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  const status = discovery === undefined ? 'fail' : statusOf(findings);
  return {
    reportVersion: CHECK_REPORT_VERSION,
    versionsUrl: redactUrl(parts.options.versionsUrl),
    checkedAt: parts.checkedAt,
    sdkVersion: packageVersion(),
    versionsFound: discovery?.versionsFound ?? [],
    versionChosen: discovery?.version,
    ...(discovery && { tokenEncoding: discovery.encodings }),
    endpoints: (discovery?.endpoints ?? []).map((endpoint) => ({
      module: endpoint.identifier,
      role: endpoint.role ?? '',
      url: endpoint.url,
    })),
    modules: found.modules,
    timings: timingsOf(recorder.exchanges.map((exchange) => exchange.ms)),
    ...(headers && { headers }),
    ...(parts.registration && { registration: parts.registration }),
    ...(found.writes && { writes: found.writes }),
    findings,
    summary: {
      status,
      modules: found.modules.length,
      endpointsChecked: endpoints.filter((endpoint) => endpoint.status !== 'skipped').length,
      objects: endpoints.reduce((sum, endpoint) => sum + (endpoint.objects ?? 0), 0),
      fail: count('fail'),
      warn: count('warn'),
      info: count('info'),
      durationMs: Math.round(performance.now() - parts.started),
    },
  };
}
