import type { OcpiVersion } from '../../common/protocol/version';
import type { ValidationMode } from '../../common/schema/parse';
import { trimTrailing } from '../../common/text/trim-trailing';
import { mayCallPartnerUrl } from '../../common/transport/partner-url-policy';
import { isRoutedModule } from '../../common/transport/routing';
import { authenticate, type Caller, mayUse, retirePreviousToken } from '../authenticate';
import type { Registration211Config, Registration221Config, RegistrationHandlerConfig } from '../config';
import { unauthorized } from '../credentials/credentials-endpoint';
import { createRegistrationHandler } from '../handler';
import { httpError, reply, withTraceHeaders } from '../response';
import { basePathOf } from '../routes';
import { answerRoutingHeaders } from './answer-routing';
import { endpointsOf, type InterfaceRoute, type ModuleRoutes, moduleRoutes, routeKey } from './module-routes';
import { isOcpiRefusal, OcpiRefusal } from './ocpi-refusal';
import { matchPath } from './path-template';
import { DEFAULT_MAX_BODY_BYTES } from './request-body';
import { type RoutingParties, readRoutingParties } from './routing-parties';
import { type OperationSettings, serveOperation } from './serve-operation';
import { DEFAULT_MAX_PAGE_LIMIT } from './served-list';
import type { RequestValidationReport } from './validate-part';
import type { VersionService } from './version-service';

/** Options of {@link createOcpiHandler}. */
export interface OcpiHandlerConfig
  extends Omit<RegistrationHandlerConfig, 'versions' | 'validation' | 'maxBodyBytes'> {
  /**
   * The versions we serve, each made by its entry's `serveVersion` (`@org/ocpi/v221`,
   * `@org/ocpi/v211`) with our parties and the app's module implementations; at most one per version.
   */
  versions: readonly VersionService[];
  /**
   * How closely what partners send must follow the spec: request bodies, queries and credentials.
   * Default `lenient`: what can be kept is kept and reported to `onValidationIssues`.
   */
  validation?: ValidationMode;
  /**
   * The most bytes of a module request body we read. Default 1 MiB. A body announced or found larger is
   * answered with HTTP 413 and status code 2000, its rest never read. Credentials bodies keep their own
   * limit (64 KiB).
   */
  maxBodyBytes?: number;
  /** The most objects a page of a list holds, whatever the partner asks (`X-Limit`). Default 100. */
  maxPageLimit?: number;
  /**
   * What a PATCH is checked as: `validate` (default) checks the patch alone, as a PATCH body;
   * `merge` also reads the stored object through the interface's GET implementation, applies the
   * patch and checks the result as a whole object, which the implementation gets as `merged`.
   */
  patches?: 'validate' | 'merge';
  /**
   * Whether what the implementations answer (objects and list items) is checked against the spec before
   * it is sent: an answer that breaks it is not sent but answered as an internal error (HTTP 500, 3000)
   * and handed to `onError`, naming the fields at fault. Default `false`: it costs a strict parse of
   * every object served. Turn it on in development and tests.
   */
  checkAnswers?: boolean;
  /** Hears what lenient validation tolerated in a partner's request (queries and bodies). */
  onValidationIssues?: (report: RequestValidationReport) => void;
}

/** A Web-standard request handler: runs under node:http adapters, Hono, Deno, Bun and edge runtimes. */
export type OcpiHandler = (request: Request) => Promise<Response>;

/**
 * The answering side of a whole OCPI platform, as one Web-standard handler: our versions list, each
 * version's details (listing exactly the modules and interfaces implemented), the credentials
 * registration (see `createRegistrationHandler`), and every module interface the app implements, at
 * `{baseUrl}/{version}/{interface}/{module}`.
 *
 * For every module request the handler does the protocol and the app only its business: it
 * authenticates the partner by its token (a registered partner's current token only), refuses writes
 * and reads under parties the partner does not own (404), checks the path parameters, the query and the
 * body in the validation mode (2001 naming each field at fault), serves list pages with `offset`,
 * `limit`, `X-Total-Count`, `X-Limit` and a `Link` to the next page, and answers in the envelope with
 * the spec's status codes (404 with 2003 for an unknown Location, 2004 for an unknown Token in 2.2.1).
 * Malformed JSON, a wrong content type, an over-size body, deep nesting and an unknown path, method or
 * version each get an OCPI error envelope before any app code runs. An implementation that throws an
 * `OcpiRefusal` refuses with its status code; any other error is HTTP 500 with 3000, handed to `onError`.
 *
 * @example
 * import * as v221 from '@org/ocpi/v221';
 * const handle = createOcpiHandler({
 *   store,
 *   baseUrl: 'https://cpo.example.com/ocpi',
 *   versions: [
 *     v221.serveVersion({
 *       roles: [ourRole],
 *       modules: {
 *         locations: { sender: { list: ({ query }) => db.locations(query), getLocation: ({ params }) => db.location(params.location_id) } },
 *       },
 *     }),
 *   ],
 * });
 * Deno.serve(handle);
 */
export function createOcpiHandler(config: OcpiHandlerConfig): OcpiHandler {
  const baseUrl = trimTrailing(config.baseUrl, '/');
  const basePath = basePathOf(baseUrl);
  const versions = new Set<OcpiVersion>();
  for (const service of config.versions) {
    if (versions.has(service.version)) {
      throw new TypeError(`createOcpiHandler: version ${service.version} is given twice`);
    }
    versions.add(service.version);
  }
  const routes = moduleRoutes(baseUrl, config.versions);
  const registration = createRegistrationHandler(registrationConfigOf(config, routes));
  const maxPageLimit = config.maxPageLimit ?? DEFAULT_MAX_PAGE_LIMIT;
  if (!Number.isInteger(maxPageLimit) || maxPageLimit < 1) {
    throw new TypeError('createOcpiHandler: maxPageLimit must be a whole number, 1 or more');
  }
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(maxBodyBytes >= 0)) throw new TypeError('createOcpiHandler: maxBodyBytes must be a number of bytes');
  const settings: OperationSettings = {
    policy: { mode: config.validation ?? 'lenient', unknownFields: config.unknownFields ?? 'strip' },
    maxBodyBytes,
    pageLimits: { maxLimit: maxPageLimit },
    patches: config.patches ?? 'validate',
    checkAnswers: config.checkAnswers ?? false,
    mayCallPartnerUrl: (url) => mayCallPartnerUrl(url, config.allowPartnerUrl),
    onValidationIssues: config.onValidationIssues && quietly(config.onValidationIssues),
  };
  const accept = config.acceptTokenEncoding ?? 'both';

  async function serveModule(route: InterfaceRoute, rest: readonly string[], request: Request, url: URL) {
    const caller = await authenticate(request, config.store, accept);
    if (caller === undefined || !mayUse(caller, route.module)) return { response: unauthorized() };
    const matches = route.operations
      .map((entry) => ({ entry, match: matchPath(entry.template, rest) }))
      .filter(({ match }) => match.matched || match.malformed !== undefined);
    if (matches.length === 0) return { response: httpError(404, 'Not found') };
    const malformed = matches.find(({ match }) => !match.matched);
    if (malformed && !malformed.match.matched) {
      return { response: httpError(400, `Malformed path parameter ${malformed.match.malformed}`) };
    }
    const chosen = matches.find(({ entry }) => entry.served.operation.method === request.method);
    if (chosen === undefined || !chosen.match.matched) {
      const allowed = [...new Set(matches.map(({ entry }) => entry.served.operation.method))];
      return { response: httpError(405, 'Method not allowed', { Allow: allowed.join(', ') }) };
    }
    const routing = routingOf(route, request);
    const response = await serveOperation(
      {
        served: chosen.entry.served,
        siblings: route.operations.map(({ served }) => served),
        service: route.service,
        partner: caller.partner,
        params: chosen.match.params,
        routing,
        request,
        url,
        endpointUrl: route.url,
      },
      settings,
    );
    return { response, caller };
  }

  async function confirmed(response: Response, caller: Caller | undefined): Promise<void> {
    // A successful answer proves the partner holds its current token: the one it replaced stops working.
    if (caller !== undefined && response.ok) await retirePreviousToken(config.store, caller);
  }

  return async (request) => {
    const url = new URL(request.url);
    const found = findModuleRoute(routes, url, basePath);
    if (found === undefined) return registration(request);
    let response: Response;
    try {
      const served = await serveModule(found.route, found.rest, request, url);
      response = served.response;
      await confirmed(response, served.caller);
    } catch (error) {
      response = isOcpiRefusal(error) ? refusal(error) : internalError(error, config.onError);
    }
    const { service, module } = found.route;
    if (service.version === '2.2.1') {
      const roles = (service as VersionService<'2.2.1'>).registration.roles;
      for (const [name, value] of Object.entries(answerRoutingHeaders(request, module, roles))) {
        response.headers.set(name, value);
      }
    }
    return withTraceHeaders(response, request, service.version === '2.2.1');
  };
}

/**
 * The registration config of a handler: what `register()`, `updateRegistration()` and `partnerClient()`
 * take, with our parties and the module endpoints the handler publishes in its version details. Use it
 * to register with partners as the platform the handler serves.
 *
 * @example
 * const partner = await register({ config: registrationConfig(handlerConfig), partnerId: 'cpo-1', versionsUrl, tokenA });
 */
export function registrationConfig(config: OcpiHandlerConfig): RegistrationHandlerConfig {
  return registrationConfigOf(config, moduleRoutes(trimTrailing(config.baseUrl, '/'), config.versions));
}

function registrationConfigOf(config: OcpiHandlerConfig, routes: ModuleRoutes): RegistrationHandlerConfig {
  const { versions, maxBodyBytes: _modulesOnly, ...shared } = config;
  return { ...shared, versions: registrationVersions(versions, routes) };
}

// The route of a module request, and the path segments below its endpoint; `undefined` for any other
// path (versions, details, credentials, unknown), which the registration handler answers.
function findModuleRoute(
  routes: ModuleRoutes,
  url: URL,
  basePath: string,
): { route: InterfaceRoute; rest: string[] } | undefined {
  const path = trimTrailing(url.pathname, '/');
  if (!path.startsWith(`${basePath}/`)) return undefined;
  // OCPI paths go at most 5 segments below an endpoint: a path of thousands is not split into thousands.
  const segments = path.slice(basePath.length + 1).split('/', 10);
  const [version, interfaceName, module, ...rest] = segments;
  if (version === undefined || interfaceName === undefined || module === undefined) return undefined;
  const route = routes.get(routeKey(version as OcpiVersion, interfaceName, module));
  return route && { route, rest };
}

function routingOf(route: InterfaceRoute, request: Request): RoutingParties {
  if (route.service.version !== '2.2.1' || !isRoutedModule(route.module)) return {};
  const read = readRoutingParties(request.headers);
  if (!read.ok) throw new OcpiRefusal(2001, `Invalid or missing parameters: ${read.problem}`);
  return read.parties;
}

function refusal(error: OcpiRefusal): Response {
  return reply(error.statusCode, {
    httpStatus: error.httpStatus,
    status_message: error.message,
    ...(error.data !== undefined && { data: error.data }),
  });
}

// Never the error's text: it may come from the app's code and carry anything.
function internalError(error: unknown, onError: ((error: unknown) => void) | undefined): Response {
  try {
    onError?.(error);
  } catch {
    // A failing error hook must not turn one failure into an unanswered request.
  }
  return reply(3000, { httpStatus: 500, status_message: 'Internal server error' });
}

// A listener that throws must not fail the partner's request.
function quietly<T>(listener: (report: T) => void): (report: T) => void {
  return (report) => {
    try {
      listener(report);
    } catch {
      // ignored: the app's listener is the app's business
    }
  };
}

// What the registration handler publishes: our parties and the module endpoints derived from the routes.
function registrationVersions(services: readonly VersionService[], routes: ModuleRoutes) {
  const versions: { '2.2.1'?: Registration221Config; '2.1.1'?: Registration211Config } = {};
  for (const service of services) {
    const endpoints = endpointsOf(routes, service.version);
    if (service.version === '2.2.1') {
      versions['2.2.1'] = {
        ...(service as VersionService<'2.2.1'>).registration,
        endpoints: endpoints as Registration221Config['endpoints'],
      };
    } else {
      versions['2.1.1'] = {
        ...(service as VersionService<'2.1.1'>).registration,
        endpoints: endpoints as Registration211Config['endpoints'],
      };
    }
  }
  return versions;
}
