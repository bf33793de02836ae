import { trimTrailing } from '../common/text/trim-trailing';
import { authenticate, type Caller, mayUse, retirePreviousToken } from './authenticate';
import type { RegistrationHandlerConfig } from './config';
import { credentialsRolesProblem } from './credentials/credentials-body';
import { serveCredentials, unauthorized } from './credentials/credentials-endpoint';
import { servedVersions, versionDetails, versionsList } from './our-documents';
import { httpError, reply, withTraceHeaders } from './response';
import { ALLOWED_METHODS, basePathOf, matchRoute, type Route } from './routes';

/** A Web-standard request handler: runs under node:http adapters, Hono, Deno, Bun and edge runtimes. */
export type RegistrationHandler = (request: Request) => Promise<Response>;

/**
 * The answering side of the credentials registration, for OCPI 2.1.1 and 2.2.1: serves our versions
 * list (`{baseUrl}/versions`), each version's details (`{baseUrl}/{version}`) and each version's
 * credentials endpoint (`{baseUrl}/{version}/credentials`). Anything else below the base URL is 404.
 *
 * Every request needs a token of a partner in the store: the invited partner's token A, or the
 * registered partner's incoming token (HTTP 401 otherwise). A POST registers an invited partner: we
 * call it back with its token B, mint token C, store it, and answer with our credentials.
 *
 * The token a POST or PUT replaced stays usable for recovery only (GET versions, details and
 * credentials, PUT credentials, and a repeated POST) until a GET with the new one is answered
 * successfully, which retires it, and never longer than `recoveryWindowMs` (15 minutes by default);
 * guard the app's own modules with `authenticatePartner` and `mayUseModule`, which refuse it, and call
 * `confirmCurrentToken` after their successful answers.
 *
 * @example
 * const store = new InMemoryPartnerStore();
 * await store.save({ id: 'cpo-1', status: 'invited', incomingToken: mintToken() });
 * const handle = createRegistrationHandler({
 *   store,
 *   baseUrl: 'https://emsp.example.com/ocpi',
 *   versions: { '2.2.1': { roles: [ourRole], endpoints: [] } },
 * });
 * Deno.serve(handle);
 */
export function createRegistrationHandler(config: RegistrationHandlerConfig): RegistrationHandler {
  const baseUrl = trimTrailing(config.baseUrl, '/');
  const basePath = basePathOf(baseUrl);
  const served = servedVersions(config);
  if (served.length === 0) throw new TypeError('createRegistrationHandler needs at least one version');
  const ourRoles = config.versions['2.2.1']?.roles;
  const rolesProblem = ourRoles && credentialsRolesProblem(ourRoles);
  if (rolesProblem) throw new TypeError(`createRegistrationHandler: our 2.2.1 ${rolesProblem}`);
  const accept = config.acceptTokenEncoding ?? 'both';
  // NaN would silently lift the limit: every comparison with it is false.
  if (config.maxBodyBytes !== undefined && !(config.maxBodyBytes >= 0)) {
    throw new TypeError('createRegistrationHandler: maxBodyBytes must be a number of bytes, 0 or more');
  }
  if (config.recoveryWindowMs !== undefined && !(config.recoveryWindowMs >= 0)) {
    throw new TypeError('createRegistrationHandler: recoveryWindowMs must be a number of ms, 0 or more');
  }

  async function serve(route: Route, request: Request): Promise<Response> {
    const authenticated = await authenticate(request, config.store, accept);
    const module = route.kind === 'credentials' ? 'credentials' : 'versions';
    if (authenticated === undefined || !mayUse(authenticated, module)) {
      // The same answer for a missing, malformed and unknown token: nothing tells a prober which it was.
      return unauthorized();
    }
    const allowed = ALLOWED_METHODS[route.kind];
    if (!allowed.includes(request.method)) {
      return httpError(405, 'Method not allowed', { Allow: allowed.join(', ') });
    }
    const response = await answer(route, request, authenticated);
    // Only a successful answer retires the previous token: a refused request proves nothing. POST, PUT
    // and DELETE wrote the record themselves (a PUT keeps this very token as the previous one).
    if (request.method === 'GET' && (await isSuccess(response))) {
      await retirePreviousToken(config.store, authenticated);
    }
    return response;
  }

  function answer(route: Route, request: Request, caller: Caller): Promise<Response> | Response {
    switch (route.kind) {
      case 'versions':
        return reply(1000, { data: versionsList(config, baseUrl) });
      case 'details':
        return reply(1000, { data: versionDetails(config, baseUrl, route.version) });
      case 'credentials':
        return serveCredentials({ config, baseUrl, version: route.version, caller, request });
    }
  }

  return async (request) => {
    const route = matchRoute(new URL(request.url), basePath, served);
    let response: Response;
    try {
      response = route ? await serve(route, request) : httpError(404, 'Not found');
    } catch (error) {
      // Never the error's text: it may come from the app's store and carry anything.
      try {
        config.onError?.(error);
      } catch {
        // A failing error hook must not turn one failure into an unanswered request.
      }
      response = reply(3000, { httpStatus: 500, status_message: 'Internal server error' });
    }
    return withTraceHeaders(
      response,
      request,
      route !== undefined && 'version' in route && route.version === '2.2.1',
    );
  };
}

// A successful answer: HTTP 2xx with an OCPI status in the 1xxx range (the handler's own small body).
async function isSuccess(response: Response): Promise<boolean> {
  if (!response.ok) return false;
  const body = (await response.clone().json()) as { status_code?: unknown };
  return typeof body.status_code === 'number' && body.status_code >= 1000 && body.status_code < 2000;
}
