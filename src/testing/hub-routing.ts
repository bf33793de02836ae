import { authorizationHeader } from '../common/auth/authorization-header';
import type { OcpiVersion } from '../common/protocol/version';
import type { Operation } from '../common/transport/operation';
import { mayCallPartnerUrl } from '../common/transport/partner-url-policy';
import { type PartyRef, routingHeaders } from '../common/transport/routing';
import type { PartnerRecord } from '../server/partners/partner-store';
import { OcpiRefusal } from '../server/platform/ocpi-refusal';
import { type RoutingParties, sameParty } from '../server/platform/routing-parties';
import { askLinked, type Forwarded, type HubLink, type LinkAnswer, wholeList } from './hub-link';
import type { PartyBasis } from './simulated-party';

type Loose = Record<string, unknown>;

/** What the routing of a simulated hub needs: its basis, its URL and the parties it connects. */
export interface HubContext {
  readonly basis: PartyBasis;
  readonly hubBase: string;
  readonly version: OcpiVersion;
  readonly links: readonly HubLink[];
  /** Results awaited at the hub's own response URLs, by the id in that URL. */
  readonly pending: Map<string, PendingResult>;
}

/** A result the hub passes back once the receiver sends it: where to, and for whom. */
export interface PendingResult {
  responseUrl: string;
  /** The partner that sent the request, in the hub's store. */
  partnerId: string;
  /** The party that sent the request, and the one that will send the result. */
  sender: PartyRef | undefined;
  receiver: PartyRef;
}

/** One operation the hub serves. */
export interface RoutedOperation {
  module: string;
  interfaceName: string;
  name: string;
  operation: Operation;
}

interface Call {
  partner: PartnerRecord;
  params: Record<string, string>;
  query: Loose | undefined;
  body: unknown;
  routing: RoutingParties;
  request: Request;
}

// The modules a CPO sends (its Sender interfaces), whose Receivers are eMSPs; the others go the other way.
const CPO_SENT = ['locations', 'sessions', 'cdrs', 'tariffs'];

/**
 * The hub's implementation of one operation: a result at one of its response URLs goes back to the
 * sender of the request; a list and any other request are routed (see `simulatedHub`).
 */
export function hubOperation(context: HubContext, routed: RoutedOperation) {
  const { operation } = routed;
  if (operation.externalUrl && operation.method === 'POST')
    return (call: Call) => passResultBack(context, call);
  if (operation.paginated) return (call: Call) => routeList(context, routed, call);
  return (call: Call) => route(context, routed, call);
}

// Which connected parties offer an interface: by role, the sender excluded.
function offering(context: HubContext, routed: RoutedOperation, sender: PartyRef | undefined): HubLink[] {
  const cpoSide = CPO_SENT.includes(routed.module) === ['sender', 'cpo'].includes(routed.interfaceName);
  const role = cpoSide ? 'CPO' : 'EMSP';
  return context.links.filter(
    (link) => link.party.role === role && !(sender && sameParty(link.party.party, sender)),
  );
}

// The receiver the request names, or `open` for none (or the hub itself): an unknown one is 4001.
function receiverOf(context: HubContext, call: Call): HubLink | 'open' {
  const { to } = call.routing;
  if (to === undefined || sameParty(to, context.basis.party)) return 'open';
  const link = context.links.find((candidate) => sameParty(candidate.party.party, to));
  if (link === undefined) {
    throw new OcpiRefusal(
      4001,
      `Unknown receiver: the hub connects no party ${to.countryCode}/${to.partyId}`,
    );
  }
  return link;
}

// The sender: its routing headers, or the partner's only party.
function senderOf(call: Call): PartyRef | undefined {
  if (call.routing.from) return call.routing.from;
  const [only, ...more] = call.partner.roles ?? [];
  return only && more.length === 0 ? { countryCode: only.countryCode, partyId: only.partyId } : undefined;
}

// `{interface}/{module}` and the path below it, as the request named it.
function pathOf(context: HubContext, routed: RoutedOperation, request: Request): string {
  const endpoint = `${context.version}/${routed.interfaceName}/${routed.module}`;
  const basePath = new URL(context.hubBase).pathname;
  const below = new URL(request.url).pathname.slice(`${basePath}/${endpoint}`.length);
  return `${routed.interfaceName}/${routed.module}${below}`;
}

async function routeList(context: HubContext, routed: RoutedOperation, call: Call) {
  const sender = senderOf(call);
  const receiver = receiverOf(context, call);
  const query = new URL(call.request.url).searchParams;
  const { offset, limit } = call.query as { offset: number; limit: number };
  const forwarded: Forwarded = {
    method: 'GET',
    path: pathOf(context, routed, call.request),
    query,
    from: sender,
  };
  if (receiver !== 'open') {
    const paged = new URLSearchParams(query);
    paged.set('offset', String(offset));
    paged.set('limit', String(limit));
    const answer = await askLinked(receiver, { ...forwarded, query: paged });
    const items = Array.isArray(answer.data) ? answer.data : [];
    return { items, total: answer.total ?? items.length };
  }
  // GET All via the hub: every connected party's objects, one party after another.
  const all: unknown[] = [];
  for (const link of offering(context, routed, sender)) all.push(...(await wholeList(link, forwarded)));
  return { items: all.slice(offset, offset + limit), total: all.length };
}

async function route(context: HubContext, routed: RoutedOperation, call: Call) {
  const sender = senderOf(call);
  const receiver = receiverOf(context, call);
  const path = pathOf(context, routed, call.request);
  const ask = (link: HubLink) => askLinked(link, viaHub(context, routed, call, link, path, sender));
  const answerOf = (answer: LinkAnswer) =>
    routed.operation.response ? answer.data : answer.httpStatus === 201 ? 'created' : undefined;
  if (receiver !== 'open') return answerOf(await ask(receiver));
  const candidates = offering(context, routed, sender);
  const method = routed.operation.method;
  if (method === 'GET' || routed.module === 'commands') {
    // Open routing: the first party that knows the object, or accepts the command.
    let last: LinkAnswer | OcpiRefusal = new OcpiRefusal(
      4001,
      'Unknown receiver: no connected party offers it',
    );
    for (const link of candidates) {
      try {
        const answer = await ask(link);
        if (routed.module !== 'commands' || (answer.data as Loose | undefined)?.result === 'ACCEPTED') {
          return answerOf(answer);
        }
        last = answer;
      } catch (error) {
        if (!(error instanceof OcpiRefusal)) throw error;
        last = error;
      }
    }
    if (last instanceof OcpiRefusal) throw last;
    return answerOf(last);
  }
  // Broadcast push: to every party offering the interface; their refusals are not the sender's business.
  let created = false;
  for (const link of candidates) {
    try {
      created = (await ask(link)).httpStatus === 201 || created;
    } catch (error) {
      if (!(error instanceof OcpiRefusal)) throw error;
    }
  }
  return created ? 'created' : undefined;
}

// The request as the receiver gets it: a `response_url` (body or query) replaced by one of the hub's.
function viaHub(
  context: HubContext,
  routed: RoutedOperation,
  call: Call,
  link: HubLink,
  path: string,
  sender: PartyRef | undefined,
): Forwarded {
  const query = new URL(call.request.url).searchParams;
  const forwarded: Forwarded = {
    method: routed.operation.method,
    path,
    query,
    ...(call.body !== undefined && { body: call.body }),
    from: sender,
  };
  const body = call.body as Loose | undefined;
  const original = body?.response_url ?? query.get('response_url');
  if (typeof original !== 'string') return forwarded;
  const uid = crypto.randomUUID();
  context.pending.set(uid, {
    responseUrl: original,
    partnerId: call.partner.id,
    sender,
    receiver: link.party.party,
  });
  const kind =
    routed.module === 'commands'
      ? (path.split('/').at(-1) ?? '')
      : ({ getActiveProfile: 'active', setProfile: 'set', clearProfile: 'clear' }[routed.name] ?? '');
  const own = `${context.hubBase}/${context.version}/sender/${routed.module}/${kind}/${uid}`;
  if (body?.response_url !== undefined) return { ...forwarded, body: { ...body, response_url: own } };
  const replaced = new URLSearchParams(query);
  replaced.set('response_url', own);
  return { ...forwarded, query: replaced };
}

// A result at one of the hub's response URLs: passed on (later, as the receiver's own results go) to the
// response URL of the request it answers, with the token of the partner that sent it.
async function passResultBack(context: HubContext, call: Call): Promise<undefined> {
  const uid = call.params.uid ?? '';
  const pending = context.pending.get(uid);
  if (
    pending === undefined ||
    !sameParty(pending.receiver, senderOf(call) ?? { countryCode: '', partyId: '' })
  ) {
    throw new OcpiRefusal(2000, 'Not found: no request the hub routed has this response URL', {
      httpStatus: 404,
    });
  }
  context.pending.delete(uid);
  const partner = await context.basis.store.findById(pending.partnerId);
  if (partner?.outgoingToken === undefined) return undefined;
  const token = partner.outgoingToken;
  const encoding = partner.tokenEncoding ?? (context.version === '2.2.1' ? 'base64' : 'raw');
  context.basis.later.run(0, async () => {
    if (!(await mayCallPartnerUrl(pending.responseUrl, context.basis.allowPartnerUrl))) {
      throw new Error('the response URL is one the hub may not call');
    }
    const fetch = context.basis.options.fetch ?? globalThis.fetch;
    const response = await fetch(pending.responseUrl, {
      method: 'POST',
      headers: {
        Authorization: authorizationHeader(token, encoding),
        'Content-Type': 'application/json',
        ...routingHeaders(pending.receiver, pending.sender),
      },
      body: JSON.stringify(call.body),
    });
    const envelope = (await response.json()) as { status_code?: number };
    if (envelope.status_code !== 1000) {
      throw new Error(`the sender refused the result passed back: ${envelope.status_code}`);
    }
  });
  return undefined;
}
