import { authorizationHeader } from '../common/auth/authorization-header';
import { type PartyRef, routingHeaders } from '../common/transport/routing';
import { OcpiRefusal } from '../server/platform/ocpi-refusal';
import type { SimulatedParty } from './simulated-party';

/** A party a simulated hub holds and forwards to, and the token the hub calls it with. */
export interface HubLink {
  readonly party: SimulatedParty;
  /** What the hub sends it: the hub is registered with it as a partner (role HUB in 2.2.1). */
  readonly token: string;
}

/** One request the hub passes on: below the version, with the parties of the routing headers. */
export interface Forwarded {
  method: string;
  /** `{interface}/{module}` and the path below it, e.g. `sender/locations/LOC1`. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  from?: PartyRef | undefined;
}

/** A connected party's answer: the envelope's data, the HTTP status and the paging total. */
export interface LinkAnswer {
  data: unknown;
  httpStatus: number;
  total: number | undefined;
}

/**
 * Sends a request to a connected party's own handler, in this process, with the hub's token and the
 * routing headers of the original sender and the receiver. An answer other than 1000 is thrown as the
 * same refusal, so that the hub hands the receiver's error back to the sender as the spec asks.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc#status_codes_4xxx_hub_errors
 */
export async function askLinked(link: HubLink, forwarded: Forwarded): Promise<LinkAnswer> {
  const { party } = link;
  const v221 = party.version === '2.2.1';
  const url = new URL(`${party.baseUrl}/${party.version}/${forwarded.path}`);
  for (const [name, value] of forwarded.query ?? []) url.searchParams.set(name, value);
  const headers: Record<string, string> = {
    Authorization: authorizationHeader(link.token, v221 ? 'base64' : 'raw'),
    ...(v221 && routingHeaders(forwarded.from, party.party)),
  };
  if (forwarded.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await party.handle(
    new Request(url, {
      method: forwarded.method,
      headers,
      ...(forwarded.body !== undefined && { body: JSON.stringify(forwarded.body) }),
    }),
  );
  const envelope = (await response.json()) as {
    status_code?: number;
    status_message?: string;
    data?: unknown;
  };
  const statusCode = envelope.status_code ?? 3000;
  if (statusCode !== 1000) {
    throw new OcpiRefusal(statusCode >= 2000 ? statusCode : 3000, envelope.status_message ?? 'Refused', {
      httpStatus: response.status,
    });
  }
  const total = response.headers.get('X-Total-Count');
  return {
    data: envelope.data,
    httpStatus: response.status,
    total: total === null ? undefined : Number(total),
  };
}

/** Every object of a connected party's list in the query's window: its pages read one after another. */
export async function wholeList(link: HubLink, forwarded: Forwarded): Promise<unknown[]> {
  const items: unknown[] = [];
  for (;;) {
    const query = new URLSearchParams(forwarded.query);
    query.set('offset', String(items.length));
    query.delete('limit');
    const page = await askLinked(link, { ...forwarded, query });
    const data = Array.isArray(page.data) ? page.data : [];
    items.push(...data);
    if (data.length === 0 || items.length >= (page.total ?? 0)) return items;
  }
}
