import type * as z from 'zod/mini';
import { authorizationHeader, type TokenEncoding } from '../auth/authorization-header';
import { describeRequest, type OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiInvalidResponseError } from '../errors/ocpi-invalid-response-error';
import { OcpiNetworkError } from '../errors/ocpi-network-error';
import { OcpiTimeoutError } from '../errors/ocpi-timeout-error';
import { OcpiUntrustedUrlError } from '../errors/ocpi-untrusted-url-error';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import { responseError } from '../errors/response-error';
import { scrubIssues } from '../errors/scrub-issues';
import { isSuccessStatusCode } from '../protocol/status-code-range';
import type { OcpiVersion } from '../protocol/version';
import type { VersionProfile } from '../protocol/version-profile';
import type { ValidationSetting } from '../schema/lenient-types';
import { type LenientIssue, parsePayload, type UnknownFields, type ValidationMode } from '../schema/parse';
import type { RejectedItem, ToleratedItem } from '../schema/parse-list';
import { AttemptTimeoutError, createAttempts } from './attempts';
import { headersAfterMiddleware, type Middleware, requestForMiddleware } from './middleware';
import type { HttpMethod } from './operation';
import { readBody } from './read-body';
import { isHiddenRedirect, MAX_REDIRECTS, redirectTarget } from './redirect';
import type { RetryPolicy } from './retry';
import { isRoutedModule, type PartyRef, routingHeaders } from './routing';
import type { TrustedOrigins } from './trusted-origins';
import { type QueryValue, withQuery } from './url';

export type { Middleware, QueryValue, RetryPolicy };

/**
 * What reading a response tolerated or left out, in either mode: fields dropped (nulls, unknown
 * fields), values kept or normalised (lenient mode), list items rejected, and for a list the pages read
 * by offset because the partner sent neither `Link` nor `X-Total-Count`.
 */
export interface ValidationReport {
  readonly request: { readonly method: string; readonly url: string };
  /** What the response was: `response envelope`, `Location`... */
  readonly subject: string;
  readonly issues: readonly LenientIssue[];
  /** A page of a list: the items left out, by index and id, with what cost each (as on the page). */
  readonly rejected?: readonly RejectedItem[];
  /** A page of a list: the items kept with tolerated issues, by index and id (as on the page). */
  readonly tolerated?: readonly ToleratedItem[];
}

/** The settings every call of a client shares. */
export interface TransportOptions {
  /** What the spoken version asks of a call: headers, token encoding, status ranges, envelope. */
  profile: VersionProfile;
  /** The credentials token the partner gave us for its API. */
  token: string;
  /** How to send the token; by default the profile's (`raw` in 2.1.1, `base64` in 2.2.1). */
  tokenEncoding?: TokenEncoding;
  /** The origins the token may go to; see {@link TrustedOrigins}. */
  trustedOrigins: TrustedOrigins;
  fetch?: typeof globalThis.fetch;
  /** Per attempt, in ms, for the response to start and again for its body to arrive. Default 30 s; `false` for none. */
  timeout?: number | false;
  /**
   * The largest response body accepted, in bytes, counted as the body arrives (after any decompression)
   * and checked first against `Content-Length`. A larger body is refused without being read further,
   * with an `OcpiInvalidResponseError` whose `reason` is `response body over <n> bytes`. Default
   * 16 MiB (16,777,216): OCPI pages are small (a page of 1,000 2.2.1 Locations is about 2.6 MB), so
   * this leaves room for large pages while a partner cannot fill our memory. `Infinity` for no limit.
   */
  maxResponseBytes?: number;
  retry?: RetryPolicy;
  /**
   * Your own code run around every request and response, and on every failed call, in order; see
   * {@link Middleware}. It never sees the token.
   */
  middleware?: readonly Middleware[];
  /**
   * `strict` (conformance), `lenient` (default: real partners) or `off` (trust the partner, fastest);
   * a call's `options.validation` overrides it.
   */
  validation?: ValidationSetting;
  /**
   * What becomes of the fields a partner adds that the spec does not define: `strip` (default) leaves
   * them out of the data and reports them, `keep` leaves them on the data, `reject` makes them an error
   * (see {@link UnknownFields}); a call's `options.unknownFields` overrides it. Checks of what we send
   * (strict mode) refuse them only with `reject`: the body goes out as given.
   */
  unknownFields?: UnknownFields;
  /**
   * Receives what reading a response tolerated (see {@link ValidationReport}), and for lists the items
   * it left out. A list read item by item with no listener (here or on the call) ends with an
   * `OcpiRejectedItemsError` when an item was left out, so that none is lost unseen.
   */
  onValidationIssues?: (report: ValidationReport) => void;
  /** 2.2.1: our party, sent as `OCPI-from-*` on functional modules. */
  from?: PartyRef;
  /** 2.2.1: the default recipient, sent as `OCPI-to-*` on functional modules. */
  to?: PartyRef;
}

/** Per-call settings. */
export interface CallOptions {
  signal?: AbortSignal;
  /** 2.2.1: keeps one `X-Correlation-ID` across the calls of a flow; a new one otherwise. */
  correlationId?: string;
  /** 2.2.1: the recipient of this call; `null` for none (an open routing request to a hub). */
  to?: PartyRef | null;
  headers?: Record<string, string>;
  /** This call's validation mode, instead of the client's `validation`. */
  validation?: ValidationSetting;
  /** This call's handling of fields the spec does not define, instead of the client's `unknownFields`. */
  unknownFields?: UnknownFields;
  /** This call's listener, instead of the client's `onValidationIssues`. */
  onValidationIssues?: (report: ValidationReport) => void;
}

/** One request as the transport sends it. */
export interface TransportRequest<S extends z.ZodMiniType | undefined> {
  method: HttpMethod;
  /** Absolute URL; query parameters in `query` are added to it. */
  url: string | URL;
  /** The OCPI module (its identifier), for the 2.2.1 routing headers. */
  module?: string;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** The schema of `data`; without one, `data` is returned unchecked. */
  data?: S;
  /** What `data` is, for messages: `Location`, `Location[]`... */
  subject?: string;
  options?: CallOptions;
}

/** A successful OCPI response. */
export interface TransportResponse<T> {
  data: T;
  statusCode: number;
  statusMessage: string | undefined;
  timestamp: string | undefined;
  httpStatus: number;
  headers: Headers;
  /** The URL that was requested, query included. */
  url: string;
}

type DataOf<S> = S extends z.ZodMiniType ? z.output<S> : unknown;

/** Sends OCPI requests: token header, envelope, status codes, validation, typed errors. */
export interface Transport {
  /** The version spoken; `undefined` for discovery's transport, which speaks none yet. */
  readonly version: OcpiVersion | undefined;
  /** The settings, without the token: it stays inside the transport, out of logs and dumps of a client. */
  readonly options: Readonly<Omit<TransportOptions, 'token'>>;
  /** A request as errors describe it, with what to redact from them. */
  describe(method: string, url: string | URL): OcpiRequestInput;
  send<S extends z.ZodMiniType | undefined>(
    request: TransportRequest<S>,
  ): Promise<TransportResponse<DataOf<S>>>;
  /** The validation mode of a call: its own, else the client's, else `lenient`. */
  modeOf(options: CallOptions | undefined): ValidationSetting;
  /** What a call does with fields the spec does not define: its own setting, else the client's, else `strip`. */
  unknownFieldsOf(options: CallOptions | undefined): UnknownFields;
  /** Whether anyone hears a call's validation reports (its own listener or the client's). */
  isHeard(options: CallOptions | undefined): boolean;
  /** Hands what a read tolerated or left out to the call's `onValidationIssues`, else the client's. */
  report(
    subject: string,
    issues: readonly LenientIssue[],
    request: OcpiRequestInput,
    options?: CallOptions,
    items?: Pick<ValidationReport, 'rejected' | 'tolerated'>,
  ): void;
}

const DEFAULT_TIMEOUT = 30_000;
/** The most bytes of a response body a client reads unless told otherwise (`maxResponseBytes`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Builds the transport of a client: fetch for each call's first attempt, ky for its retries. */
export function createTransport(transportOptions: TransportOptions): Transport {
  // The token is kept here, out of the `options` the transport shows.
  const { token, ...options } = transportOptions;
  const { profile } = options;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(maxResponseBytes > 0)) throw new TypeError('maxResponseBytes must be a positive number of bytes');
  const bodyLimits = { timeoutMs: timeout, maxBytes: maxResponseBytes };
  const middleware = options.middleware ?? [];
  // Encoded once: the token does not change over a client's life.
  const authorization = authorizationHeader(token, options.tokenEncoding ?? profile.tokenEncoding);
  // Redirects are not followed by fetch: each hop is checked against the trusted origins before it is
  // taken (see redirect.ts).
  const attempt = createAttempts({
    // Late-bound: a global fetch replaced after the client is made (msw) is used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retry: options.retry ?? {},
    timeout,
  });
  const modeOf = (call: CallOptions | undefined): ValidationSetting =>
    call?.validation ?? options.validation ?? 'lenient';
  const unknownFieldsOf = (call: CallOptions | undefined): UnknownFields =>
    call?.unknownFields ?? options.unknownFields ?? 'strip';
  const listenerOf = (call: CallOptions | undefined) =>
    call?.onValidationIssues ?? options.onValidationIssues;
  const describe = (method: string, url: string | URL, also: readonly string[] = []): OcpiRequestInput => ({
    method,
    url,
    secrets: [token, ...also],
  });

  async function send<S extends z.ZodMiniType | undefined>(
    request: TransportRequest<S>,
  ): Promise<TransportResponse<DataOf<S>>> {
    if (middleware.length === 0) return sendHops(request, undefined);
    const seen: { request?: Request } = {};
    try {
      return await sendHops(request, seen);
    } catch (error) {
      const failed = seen.request;
      if (failed) for (const { onError } of middleware) await onError?.(error, failed);
      throw error;
    }
  }

  // Each redirect is a hop of its own, checked against the trusted origins before it is sent. `seen`
  // (with middleware only) holds the request middleware saw last, for onError.
  async function sendHops<S extends z.ZodMiniType | undefined>(
    request: TransportRequest<S>,
    seen: { request?: Request } | undefined,
  ): Promise<TransportResponse<DataOf<S>>> {
    const signal = request.options?.signal;
    const firstHeaders = headersFor(request);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    // A parsed URL with no query to add is sent as it is (a page's, parsed once by paginate.ts).
    let url =
      request.url instanceof URL && request.query === undefined
        ? request.url
        : withQuery(request.url, request.query);
    const sentTokens = tokensIn(request);
    for (let redirects = 0; ; redirects++) {
      const described = describe(request.method, url, sentTokens);
      // Another hop is another request.
      let headers =
        redirects > 0 && profile.traceHeaders
          ? { ...firstHeaders, 'X-Request-ID': crypto.randomUUID() }
          : firstHeaders;
      let shown: Request | undefined;
      if (seen) {
        shown = requestForMiddleware(url, request.method, headers, body, described.secrets ?? []);
        seen.request = shown;
      }
      if (!options.trustedOrigins.trusts(url)) {
        throw new OcpiUntrustedUrlError({ ...described, origin: url.origin });
      }
      if (shown) {
        for (const { onRequest } of middleware) await onRequest?.(shown);
        headers = headersAfterMiddleware(shown, headers.Authorization ?? authorization);
      }
      let response: Response;
      try {
        response = await attempt(url, {
          method: request.method,
          headers,
          ...(body !== undefined && { body }),
          ...(signal && { signal }),
        });
      } catch (error) {
        throw transportError(error, described, signal);
      }
      if (shown) for (const { onResponse } of middleware) await onResponse?.(response, shown);
      if (response.status >= 200 && response.status <= 299) return readResponse(response, request, described);
      const next = redirectTarget(response, url, request.method);
      if (next === undefined) return failWithHttpError(response, described);
      await response.body?.cancel().catch(() => undefined);
      if (redirects === MAX_REDIRECTS) throw redirectError(response, described, 'too many redirects');
      url = next;
    }
  }

  function transportError(
    error: unknown,
    described: OcpiRequestInput,
    signal: AbortSignal | undefined,
  ): unknown {
    if (error instanceof AttemptTimeoutError) {
      return new OcpiTimeoutError({ ...described, timeoutMs: Number(timeout), cause: error });
    }
    if (isAbort(error, signal)) return error;
    return new OcpiNetworkError({ ...described, cause: error });
  }

  function redirectError(
    response: Response,
    described: OcpiRequestInput,
    reason: string,
  ): OcpiInvalidResponseError {
    return new OcpiInvalidResponseError({ ...described, reason, httpStatus: response.status });
  }

  // The routing headers of a call that names no other party than the client's own, made once.
  const defaultRouting = routingHeaders(options.from, options.to);

  function headersFor(request: TransportRequest<z.ZodMiniType | undefined>): Record<string, string> {
    const call = request.options;
    // A literal rather than a copy of a shared object: every call, every page makes one.
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (profile.traceHeaders) {
      headers['X-Request-ID'] = crypto.randomUUID();
      headers['X-Correlation-ID'] = call?.correlationId ?? crypto.randomUUID();
    }
    if (profile.routingHeaders && isRoutedModule(request.module)) {
      // `to: null` names no party: the headers go without OCPI-to.
      const to = call?.to;
      Object.assign(
        headers,
        to === undefined ? defaultRouting : routingHeaders(options.from, to ?? undefined),
      );
    }
    return call?.headers === undefined ? headers : { ...headers, ...call.headers };
  }

  async function failWithHttpError(response: Response, described: OcpiRequestInput): Promise<never> {
    if (isHiddenRedirect(response)) {
      throw redirectError(response, described, 'a redirect whose target the runtime hides: not followed');
    }
    // Only the envelope's code is wanted from an error body: one that cannot be read, or is too large,
    // still gives the HTTP error.
    const body = await readBody(response, described, bodyLimits, undefined).catch(() => '');
    const envelope = envelopeOf(parseJson(body));
    throw responseError(
      {
        ...described,
        httpStatus: response.status,
        statusText: response.statusText,
        body,
        ...(envelope && { envelope }),
      },
      profile.hubStatusCodes,
    );
  }

  async function readResponse<S extends z.ZodMiniType | undefined>(
    response: Response,
    request: TransportRequest<S>,
    described: OcpiRequestInput,
  ): Promise<TransportResponse<DataOf<S>>> {
    const body = await readBody(response, described, bodyLimits, request.options?.signal);
    const invalid = (reason: string) =>
      new OcpiInvalidResponseError({
        ...described,
        reason,
        httpStatus: response.status,
        contentType: response.headers.get('content-type'),
        body,
      });
    if (body.trim() === '') throw invalid('empty body');
    const json = parseJson(body);
    if (json === NOT_JSON) throw invalid(/^\s*</.test(body) ? 'an HTML page, not JSON' : 'not valid JSON');
    const envelope = envelopeOf(json);
    if (!envelope) throw invalid('no OCPI envelope (status_code missing)');
    // Only a failure is described: a success, every page, costs no copy of the request's description.
    if (!isSuccessStatusCode(envelope.status_code)) {
      const failure = responseError(
        { ...described, httpStatus: response.status, envelope },
        profile.hubStatusCodes,
      );
      if (failure) throw failure;
    }
    const mode = modeOf(request.options);
    if (mode !== 'off') {
      validate(profile.envelopeSchema, json, 'response envelope', described, mode, request.options);
    }
    const data =
      request.data && mode !== 'off'
        ? validate(
            request.data,
            envelope.data,
            request.subject ?? 'response data',
            described,
            mode,
            request.options,
          )
        : envelope.data;
    return {
      data: data as DataOf<S>,
      statusCode: envelope.status_code,
      statusMessage: envelope.status_message,
      timestamp: envelope.timestamp,
      httpStatus: response.status,
      headers: response.headers,
      url: String(described.url),
    };
  }

  // Strict: any deviation throws. Lenient: tolerated deviations are reported, the rest throws.
  function validate(
    schema: z.ZodMiniType,
    value: unknown,
    subject: string,
    described: OcpiRequestInput,
    mode: ValidationMode,
    call: CallOptions | undefined,
  ): unknown {
    const result = parsePayload(schema, value, { mode, subject, unknownFields: unknownFieldsOf(call) });
    if (!result.success) {
      const issues = scrubIssues(result.error.issues, described.secrets);
      throw new OcpiValidationError({ subject, issues, request: described });
    }
    if (result.issues.length > 0) report(subject, result.issues, described, call);
    return result.data;
  }

  function report(
    subject: string,
    issues: readonly LenientIssue[],
    described: OcpiRequestInput,
    call?: CallOptions,
    items?: Pick<ValidationReport, 'rejected' | 'tolerated'>,
  ): void {
    listenerOf(call)?.({
      request: describeRequest(described),
      subject,
      issues: scrubIssues(issues, described.secrets),
      ...items,
    });
  }

  const isHeard = (call: CallOptions | undefined) => listenerOf(call) !== undefined;
  return { version: profile.version, options, describe, send, modeOf, unknownFieldsOf, isHeard, report };
}

const NOT_JSON = /*@__PURE__*/ Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

interface Envelope {
  data?: unknown;
  status_code: number;
  status_message?: string | undefined;
  timestamp?: string;
}

// The minimum a body needs to be read as an envelope: an object with an integer status_code.
function envelopeOf(json: unknown): Envelope | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { status_code, status_message, timestamp, data } = json as Record<string, unknown>;
  if (typeof status_code !== 'number' || !Number.isInteger(status_code)) return undefined;
  return {
    status_code,
    ...(typeof status_message === 'string' && { status_message }),
    ...(typeof timestamp === 'string' && { timestamp }),
    ...(data !== undefined && { data }),
  };
}

// The credentials we send hold a token of ours (token B, or the new one of an update): a partner
// echoing our request back must not put it in an error either.
function tokensIn(request: TransportRequest<z.ZodMiniType | undefined>): string[] {
  if (request.module !== 'credentials' || typeof request.body !== 'object' || request.body === null)
    return [];
  const { token } = request.body as { token?: unknown };
  return typeof token === 'string' && token.length > 0 ? [token] : [];
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}
