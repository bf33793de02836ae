import type { OcpiVersion } from '../../common/protocol/version';
import { trimTrailing } from '../../common/text/trim-trailing';
import type { OcpiHandler } from '../../server/platform/create-ocpi-handler';
import { type Answered, answeredOf, type DataFault } from './answered';
import { busyBursts } from './busy-bursts';
import { extensionFields } from './extension-fields';
import type { FaultName } from './fault-name';
import type { FaultSettings } from './fault-settings';
import { invalidItem } from './invalid-item';
import { latency } from './latency';
import { nonAscii } from './non-ascii';
import { nullOptionals } from './null-optionals';
import { relativeLink, withoutLink, withoutTotal } from './paging-headers';
import { rawTokens } from './raw-tokens';
import { localTimestamps, offsetTimestamps } from './timestamps';
import { versionShorthand } from './version-shorthand';

// In the order they apply: the required field goes before anything is added around it.
const DATA_FAULTS: readonly (readonly [FaultName, DataFault])[] = [
  ['invalid-item', invalidItem],
  ['null-optionals', nullOptionals],
  ['extension-fields', extensionFields],
  ['local-timestamps', localTimestamps],
  ['offset-timestamps', offsetTimestamps],
  ['non-ascii', nonAscii],
  ['version-2.1', versionShorthand],
];

const HEADER_FAULTS: readonly (readonly [FaultName, (headers: Headers) => void])[] = [
  ['no-link', withoutLink],
  ['no-total', withoutTotal],
  ['relative-link', relativeLink],
];

/** The party a fault-making handler answers for. */
export interface FaultyParty {
  version: OcpiVersion;
  baseUrl: string;
  faults: readonly FaultName[];
  settings: FaultSettings;
}

/**
 * A party's handler making the faults asked of it: answers rewritten (their `data`, the paging headers
 * of list pages), then 503 bursts in front, then the latency around all of it. Without faults, the
 * handler itself.
 */
export function withFaults(handle: OcpiHandler, party: FaultyParty): OcpiHandler {
  const { faults } = party;
  if (faults.length === 0) return handle;
  const dataFaults = DATA_FAULTS.filter(([name]) => faults.includes(name)).map(([, fault]) => fault);
  const headerFaults = HEADER_FAULTS.filter(([name]) => faults.includes(name)).map(([, fault]) => fault);
  const basePath = trimTrailing(new URL(party.baseUrl).pathname, '/');
  let answer: OcpiHandler = async (request) => {
    const response = await handle(request);
    const answered = answeredOf(request, basePath, party.version);
    if (!response.ok || (!answered.versions && answered.module === undefined)) return response;
    return rewritten(response, answered, dataFaults, headerFaults);
  };
  if (faults.includes('busy-bursts')) answer = busyBursts(answer, party.settings);
  if (faults.includes('latency')) answer = latency(answer, party.settings);
  return answer;
}

/** The fetch of a party's own calls, making the faults of those calls (`raw-tokens`). */
export function faultyFetch(
  fetch: typeof globalThis.fetch | undefined,
  faults: readonly FaultName[],
): typeof globalThis.fetch | undefined {
  if (!faults.includes('raw-tokens')) return fetch;
  // Late-bound when none was given: a global fetch replaced later (msw) is the one used.
  return rawTokens(fetch ?? ((input, init) => globalThis.fetch(input, init)));
}

async function rewritten(
  response: Response,
  answered: Answered,
  dataFaults: readonly DataFault[],
  headerFaults: readonly ((headers: Headers) => void)[],
): Promise<Response> {
  const headers = new Headers(response.headers);
  if (answered.list) for (const fault of headerFaults) fault(headers);
  if (dataFaults.length === 0 || !headers.get('Content-Type')?.includes('json')) {
    return new Response(response.body, { status: response.status, headers });
  }
  const envelope = (await response.json()) as { data?: unknown };
  if (envelope.data !== undefined) {
    for (const fault of dataFaults) envelope.data = fault(envelope.data, answered);
  }
  headers.delete('Content-Length');
  return new Response(JSON.stringify(envelope), { status: response.status, headers });
}
