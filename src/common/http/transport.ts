import ky, { type Hooks, HTTPError, TimeoutError } from 'ky';
import type * as z from 'zod/mini';
import { formatAuthorizationHeader, type TokenEncoding } from '../auth/authorization-header';
import { createResponseError } from '../errors/create-response-error';
import { describeRequest } from '../errors/ocpi-error';
import { OcpiInvalidResponseError } from '../errors/ocpi-invalid-response-error';
import { OcpiNetworkError } from '../errors/ocpi-network-error';
import { OcpiTimeoutError } from '../errors/ocpi-timeout-error';
import { OcpiUntrustedUrlError } from '../errors/ocpi-untrusted-url-error';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import type { HttpMethod } from '../operation';
import { type LenientIssue, parsePayload, type ValidationMode } from '../parse';
import type { OcpiVersion } from '../version';
import { isRoutedModule, type PartyRef, routingHeaders } from './routing';
import type { TrustedOrigins } from './trusted-origins';
import { type QueryValue, withQuery } from './url';

export type { QueryValue };

/** How retries work: only idempotent methods, on network errors, 429 and 503, honouring `Retry-After`. */
export interface RetryPolicy {
  /** Attempts after the first; 0 turns retries off. Default 2. */
  limit?: number;
  /** The longest `Retry-After` (ms) worth waiting for; a longer one fails at once. Default 60 s. */
  maxRetryAfter?: number;
  /** Cap on the exponential back-off between attempts (ms). Default 10 s. */
  backoffLimit?: number;
}

/** What the validation of responses reports in lenient mode. */
export interface ValidationReport {
  readonly request: { readonly method: string; readonly url: string };
  /** What the response was: `response envelope`, `Location`... */
  readonly subject: string;
  readonly issues: readonly LenientIssue[];
}

/** The settings every call of a client shares. */
export interface TransportOptions {
  version: OcpiVersion;
  /** The credentials token the partner gave us for its API. */
  token: string;
  /** How to send the token; by default the version's way (`raw` in 2.1.1, `base64` in 2.2.1). */
  tokenEncoding?: TokenEncoding;
  /** The origins the token may go to; see {@link TrustedOrigins}. */
  trustedOrigins: TrustedOrigins;
  /** The version's strict envelope schema, used when validating responses. */
  envelopeSchema: z.ZodMiniType;
  fetch?: typeof globalThis.fetch;
  /** ky hooks, e.g. for logging; they see the request after our headers are set. */
  hooks?: Hooks;
  /** Per attempt, in ms. Default 30 s; `false` for none. */
  timeout?: number | false;
  retry?: RetryPolicy;
  /** `strict` (conformance), `lenient` (default: real partners) or `off` (trust the partner, fastest). */
  validation?: ValidationMode | 'off';
  /** Receives what lenient validation tolerated. */
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
  readonly version: OcpiVersion;
  readonly options: Readonly<TransportOptions>;
  send<S extends z.ZodMiniType | undefined>(
    request: TransportRequest<S>,
  ): Promise<TransportResponse<DataOf<S>>>;
  /** Hands lenient-mode issues to the client's `onValidationIssues`. */
  report(subject: string, issues: readonly LenientIssue[], request: Described): void;
}

const DEFAULT_TIMEOUT = 30_000;
const RETRY_METHODS = ['get', 'put', 'delete', 'head'];
const RETRY_STATUS = [429, 503];

/** Builds the transport of a client on a ky instance. */
export function createTransport(options: TransportOptions): Transport {
  const retry = options.retry ?? {};
  const http = ky.create({
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.hooks && { hooks: options.hooks }),
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    retry: {
      limit: retry.limit ?? 2,
      methods: RETRY_METHODS,
      statusCodes: RETRY_STATUS,
      afterStatusCodes: RETRY_STATUS,
      maxRetryAfter: retry.maxRetryAfter ?? 60_000,
      backoffLimit: retry.backoffLimit ?? 10_000,
    },
  });
  const mode = options.validation ?? 'lenient';

  async function send<S extends z.ZodMiniType | undefined>(
    request: TransportRequest<S>,
  ): Promise<TransportResponse<DataOf<S>>> {
    const url = withQuery(request.url, request.query);
    const described = { method: request.method, url, secrets: [options.token] };
    if (!options.trustedOrigins.trusts(url)) {
      throw new OcpiUntrustedUrlError({ ...described, origin: url.origin });
    }
    let response: Response;
    try {
      response = await http(url, {
        method: request.method,
        headers: headersFor(request),
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
        ...(request.options?.signal && { signal: request.options.signal }),
      });
    } catch (error) {
      if (error instanceof HTTPError) return failWithHttpError(error.response, described);
      if (error instanceof TimeoutError) {
        throw new OcpiTimeoutError({
          ...described,
          timeoutMs: Number(options.timeout ?? DEFAULT_TIMEOUT),
          cause: error,
        });
      }
      if (isAbort(error, request.options?.signal)) throw error;
      throw new OcpiNetworkError({ ...described, cause: error });
    }
    return readResponse(response, request, described);
  }

  function headersFor(request: TransportRequest<z.ZodMiniType | undefined>): Record<string, string> {
    const headers: Record<string, string> = {
      Authorization: formatAuthorizationHeader(options.token, {
        version: options.version,
        ...(options.tokenEncoding && { encoding: options.tokenEncoding }),
      }),
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.version === '2.2.1') {
      headers['X-Request-ID'] = crypto.randomUUID();
      headers['X-Correlation-ID'] = request.options?.correlationId ?? crypto.randomUUID();
      if (isRoutedModule(request.module)) {
        const to = request.options?.to === null ? undefined : (request.options?.to ?? options.to);
        Object.assign(headers, routingHeaders(options.from, to));
      }
    }
    return { ...headers, ...request.options?.headers };
  }

  async function failWithHttpError(response: Response, described: Described): Promise<never> {
    const body = await response.text().catch(() => '');
    const envelope = envelopeOf(parseJson(body));
    throw createResponseError({
      ...described,
      version: options.version,
      httpStatus: response.status,
      statusText: response.statusText,
      body,
      ...(envelope && { envelope }),
    });
  }

  async function readResponse<S extends z.ZodMiniType | undefined>(
    response: Response,
    request: TransportRequest<S>,
    described: Described,
  ): Promise<TransportResponse<DataOf<S>>> {
    const body = await response.text();
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
    const failure = createResponseError({
      ...described,
      version: options.version,
      httpStatus: response.status,
      envelope,
    });
    if (failure) throw failure;
    if (mode !== 'off') validate(options.envelopeSchema, json, 'response envelope', described);
    const data =
      request.data && mode !== 'off'
        ? validate(request.data, envelope.data, request.subject ?? 'response data', described)
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
  function validate(schema: z.ZodMiniType, value: unknown, subject: string, described: Described): unknown {
    const result = parsePayload(schema, value, { mode: mode === 'strict' ? 'strict' : 'lenient', subject });
    if (!result.success) {
      throw new OcpiValidationError({ subject, issues: result.error.issues, request: described });
    }
    if (result.issues.length > 0) report(subject, result.issues, described);
    return result.data;
  }

  function report(subject: string, issues: readonly LenientIssue[], described: Described): void {
    options.onValidationIssues?.({ request: describeRequest(described), subject, issues });
  }

  return { version: options.version, options, send, report };
}

interface Described {
  method: string;
  url: URL | string;
  secrets?: readonly string[];
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

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}
