import type { LenientIssue, ValidationPolicy } from '../../common/schema/parse';
import type { PartyRef } from '../../common/transport/routing';
import type { PartnerRecord } from '../partners/partner-store';
import { reply } from '../response';
import { checkAnswer } from './check-answer';
import { OcpiRefusal } from './ocpi-refusal';
import { checkPartyOwnership, checkPushedIdentity } from './party-ownership';
import { checkPathParams } from './path-params';
import { readJsonBody } from './request-body';
import type { RoutingParties } from './routing-parties';
import { type PageLimits, pagingHeaders, queryValues, servedPage } from './served-list';
import { type RequestValidationReport, validatePart } from './validate-part';
import type { ServedOperation, VersionService } from './version-service';

/** How the handler serves every module operation. */
export interface OperationSettings {
  readonly policy: ValidationPolicy;
  readonly maxBodyBytes: number;
  readonly pageLimits: PageLimits;
  /** `merge`: a PATCH is applied to the stored object and the result checked as a whole. */
  readonly patches: 'validate' | 'merge';
  readonly onValidationIssues: ((report: RequestValidationReport) => void) | undefined;
  /** Whether we may call a URL a partner gave (the handler's `allowPartnerUrl` policy). */
  readonly mayCallPartnerUrl: (url: string) => Promise<boolean>;
  /** Whether the implementations' answers are checked against the spec before they are sent. */
  readonly checkAnswers: boolean;
}

/** One request to serve: the operation matched, who sent it and what the path held. */
export interface OperationRequest {
  readonly served: ServedOperation;
  /** Every operation of the same interface, for a PATCH to find its GET and PUT. */
  readonly siblings: readonly ServedOperation[];
  readonly service: VersionService;
  readonly partner: PartnerRecord;
  readonly params: Readonly<Record<string, string>>;
  readonly routing: RoutingParties;
  readonly request: Request;
  readonly url: URL;
  /** Our URL of the operation's module interface: what `Link` and `Location` headers are built on. */
  readonly endpointUrl: string;
}

// The field of a pushed object that its URL's last parameter names.
const ID_FIELDS: Readonly<Record<string, string>> = {
  location_id: 'id',
  evse_uid: 'uid',
  connector_id: 'id',
  session_id: 'id',
  tariff_id: 'id',
  token_uid: 'uid',
  cdr_id: 'id',
};

// Modules whose receiver paths name a party the partner speaks about rather than one it owns: a hub
// pushes the ClientInfo of the parties it connects.
const FOREIGN_PARTY_MODULES: readonly string[] = ['hubclientinfo'];

/**
 * Serves one module operation: checks the path, the partner's right to the party it names, the query
 * and the body, calls the app's implementation with what it needs, and answers in the envelope with
 * the status the spec gives each outcome. Refusals are thrown as {@link OcpiRefusal}s, for the handler
 * to answer; nothing is stored unless every check passed, since only the implementation stores.
 */
export async function serveOperation(call: OperationRequest, settings: OperationSettings): Promise<Response> {
  const { served, service, partner, params, routing } = call;
  const { operation, module } = served;
  const subject = `${module} ${served.interfaceName} ${served.name}`;
  checkPathParams(params, service.pathParamLengths);
  const pathParty = partyOfPath(params, module);
  checkPartyOwnership(partner, pathParty, routing);
  const implementation = served.implementation;
  if (implementation === undefined) {
    throw new OcpiRefusal(2000, `Not implemented: ${subject}`, { httpStatus: 501 });
  }
  const report = (part: string) => (issues: readonly LenientIssue[]) =>
    settings.onValidationIssues?.({ subject: `${subject} ${part}`, partnerId: partner.id, issues });

  let query: unknown;
  if (operation.query) {
    query = validatePart(
      operation.query,
      queryValues(call.url),
      `${subject} query`,
      settings.policy,
      report('query'),
    );
  }
  const page = operation.paginated
    ? servedPage(query as { offset?: number; limit?: number }, settings.pageLimits)
    : undefined;
  if (page) query = { ...(query as object), ...page };
  await checkResponseUrl(query, 'query', settings);

  let body: unknown;
  let merged: unknown;
  if (operation.request) {
    const json = await readJsonBody(call.request, settings.maxBodyBytes);
    body = validatePart(operation.request, json, `${subject} body`, settings.policy, report('body'));
    const lastParam = lastParamOf(operation.path);
    const idField =
      lastParam && ID_FIELDS[lastParam] ? { param: lastParam, field: ID_FIELDS[lastParam] } : undefined;
    checkPushedIdentity(body, params, idField);
    await checkResponseUrl(body, 'body', settings);
    // A push whose path names no party (a POSTed CDR) names it in the object: the partner must own it.
    if (pathParty === undefined && !FOREIGN_PARTY_MODULES.includes(module)) {
      checkPartyOwnership(partner, partyOfBody(body), routing);
    }
    if (operation.method === 'PATCH' && settings.patches === 'merge') {
      merged = await mergedPatch(call, settings, body, report('merged'));
    }
  }

  const answer = await implementation({
    partner,
    params,
    query,
    body,
    ...(merged !== undefined && { merged }),
    routing,
    request: call.request,
  } as never);
  return answerOf(call, { answer, body, page }, settings);
}

function answerOf(
  call: OperationRequest,
  outcome: { answer: unknown; body: unknown; page: { offset: number; limit: number } | undefined },
  settings: OperationSettings,
): Response {
  const { served, service } = call;
  const { operation } = served;
  const { answer, page } = outcome;
  if (page) {
    const { items, total } = listAnswer(answer, served);
    // A longer answer than asked is cut to the page: the rest comes with the next page's offset.
    const sent = items.slice(0, page.limit);
    if (settings.checkAnswers && operation.item) {
      for (const [index, item] of sent.entries())
        checkAnswer(operation.item, item, `${subjectOf(served)} items[${index}]`);
    }
    const headers = pagingHeaders(call.endpointUrl, call.url, page, sent.length, total, settings.pageLimits);
    return reply(1000, { data: sent, headers });
  }
  if (operation.response) {
    if (answer === undefined) throw unknownObject(service, served.module);
    if (settings.checkAnswers) checkAnswer(operation.response, answer, subjectOf(served));
    return reply(1000, { data: answer });
  }
  const headers: Record<string, string> = {};
  if (operation.locationHeader) {
    headers.Location = `${call.endpointUrl}${service.cdrPath(outcome.body as Record<string, unknown>)}`;
  }
  return reply(1000, { httpStatus: answer === 'created' ? 201 : 200, headers });
}

/**
 * Refuses a `response_url` (in a command, or a charging profile request or query) that the URL policy
 * does not let us call: the app will POST its result there, with the partner's token, from its own
 * network. Checked before the app sees the request, so that no implementation can forget it (2001).
 */
async function checkResponseUrl(part: unknown, where: string, settings: OperationSettings): Promise<void> {
  const url = (part as { response_url?: unknown } | undefined)?.response_url;
  if (typeof url === 'string' && !(await settings.mayCallPartnerUrl(url))) {
    throw new OcpiRefusal(
      2001,
      `Invalid or missing parameters: response_url (${where}): not a URL we may call (see allowPartnerUrl)`,
    );
  }
}

function subjectOf(served: ServedOperation): string {
  return `${served.module}.${served.interfaceName}.${served.name} answer`;
}

// A list implementation must answer items and a total; anything else is the app's mistake (HTTP 500).
function listAnswer(answer: unknown, served: ServedOperation): { items: unknown[]; total: number } {
  const { items, total } = (answer ?? {}) as { items?: unknown; total?: unknown };
  if (!Array.isArray(items) || typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    throw new TypeError(
      `${served.module}.${served.interfaceName}.${served.name} must answer { items: [...], total: <count> }`,
    );
  }
  return { items, total };
}

/** HTTP 404, with the version's status code for an unknown object of the module (2003, 2004) or 2000. */
function unknownObject(service: VersionService, module: string): OcpiRefusal {
  const statusCode = service.unknownObjectStatus(module);
  const what =
    statusCode === 2003 ? 'Unknown Location' : statusCode === 2004 ? 'Unknown Token' : 'Unknown object';
  return new OcpiRefusal(statusCode, what, { httpStatus: 404 });
}

// The party a path names, where the partner must own it.
function partyOfPath(params: Readonly<Record<string, string>>, module: string): PartyRef | undefined {
  const { country_code: countryCode, party_id: partyId } = params;
  if (countryCode === undefined || partyId === undefined || FOREIGN_PARTY_MODULES.includes(module)) {
    return undefined;
  }
  return { countryCode, partyId };
}

// The party a pushed object names as its owner (`country_code`, `party_id`), where it names one.
function partyOfBody(body: unknown): PartyRef | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { country_code: countryCode, party_id: partyId } = body as Record<string, unknown>;
  return typeof countryCode === 'string' && typeof partyId === 'string'
    ? { countryCode, partyId }
    : undefined;
}

function lastParamOf(path: string): string | undefined {
  const last = path.split('/').at(-1) ?? '';
  return last.startsWith('{') && last.endsWith('}') ? last.slice(1, -1) : undefined;
}

/**
 * The stored object with a PATCH applied, checked as a whole: read through the interface's GET of the
 * same path (an unknown object is HTTP 404), each field of the patch replacing the stored one, then
 * checked with the schema of the interface's PUT.
 */
async function mergedPatch(
  call: OperationRequest,
  settings: OperationSettings,
  patch: unknown,
  report: (issues: readonly LenientIssue[]) => void,
): Promise<unknown> {
  const { served } = call;
  const getName = served.name.replace(/^patch/, 'get');
  const putName = served.name.replace(/^patch/, 'put');
  const get = call.siblings.find((sibling) => sibling.name === getName);
  const put = call.siblings.find((sibling) => sibling.name === putName);
  if (get?.implementation === undefined || put?.operation.request === undefined) {
    throw new TypeError(
      `${served.module}.${served.interfaceName}: merging a PATCH needs ${getName} implemented`,
    );
  }
  const stored = await get.implementation({
    partner: call.partner,
    params: call.params,
    query: undefined,
    body: undefined,
    routing: call.routing,
    request: call.request,
  } as never);
  if (stored === undefined) throw unknownObject(call.service, served.module);
  const merged = { ...(stored as object), ...(patch as object) };
  const subject = `${served.module} ${served.interfaceName} ${served.name} merged`;
  return validatePart(put.operation.request, merged, subject, settings.policy, report);
}
