// Sees every HTTP exchange the SDK's client makes on the check's behalf, each attempt apart (retries of
// a 503 included): status, timing, the paging and trace headers, and the body of each list page for the
// strict and lenient counts. The request's Authorization header is never read or kept. A body is read
// within the client's own size limit and held until the check takes it (each page as soon as the client
// hands it over): the pages of a long list are not all held at once.
import { readBody } from '../../common/transport/read-body';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../common/transport/transport';

/** The response headers the check looks at, by lower-case name. */
const KEPT_HEADERS = [
  'link',
  'x-total-count',
  'x-limit',
  'x-request-id',
  'x-correlation-id',
  'ocpi-from-country-code',
  'ocpi-from-party-id',
  'ocpi-to-country-code',
  'ocpi-to-party-id',
] as const;

/** One request and its answer as the check saw it. */
export interface Exchange {
  /** What the check was doing (`locations SENDER`...): exchanges are counted per endpoint by this. */
  readonly phase: string;
  readonly method: string;
  readonly url: string;
  /** HTTP status, or `undefined` when no answer came (network error, timeout). */
  readonly status: number | undefined;
  /** Until the answer's headers arrived. */
  readonly ms: number;
  readonly sentRequestId: string | undefined;
  readonly sentCorrelationId: string | undefined;
  /** The request carried `OCPI-from-*` routing headers. */
  readonly sentRouting: boolean;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body of a successful GET, as text (read alongside the client's own reading; empty when larger
   * than the limit), until taken ({@link ExchangeRecorder.takeBody}).
   */
  body: Promise<string> | undefined;
}

// The client's own read of a body ends first: the recorder's copy waits a little longer.
const GRACE_MS = 1_000;

/** A recording fetch and what it recorded. */
export class ExchangeRecorder {
  readonly exchanges: Exchange[] = [];
  /** Set by the run before each step; recorded with each exchange. */
  phase = '';
  readonly #fetch: typeof globalThis.fetch;
  readonly #bodyTimeoutMs: number | false;

  /**
   * @param fetch What sends the requests.
   * @param bodyTimeoutMs How long the client waits for a body (its `timeout`): the recorder's copy of a
   *   body is given up a little after, so that a body a partner stalls mid-way holds no connection once
   *   the client has given up on it (a body read twice ends only when both reads do). `false` for never.
   */
  constructor(
    fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init),
    bodyTimeoutMs: number | false = false,
  ) {
    this.#fetch = fetch;
    this.#bodyTimeoutMs = bodyTimeoutMs === false ? false : bodyTimeoutMs + GRACE_MS;
  }

  /** The fetch to hand the SDK's client. */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const headers = new Headers(init?.headers ?? request?.headers);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = request?.url ?? String(input);
    const started = performance.now();
    const base = {
      phase: this.phase,
      method,
      url,
      sentRequestId: headers.get('X-Request-ID') ?? undefined,
      sentCorrelationId: headers.get('X-Correlation-ID') ?? undefined,
      sentRouting: headers.has('OCPI-from-party-id'),
    };
    let response: Response;
    try {
      response = await this.#fetch(input, init);
    } catch (error) {
      this.exchanges.push({
        ...base,
        status: undefined,
        ms: performance.now() - started,
        headers: {},
        body: undefined,
      });
      throw error;
    }
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) kept[name] = value;
    }
    const body =
      method === 'GET' && response.ok && response.body !== null
        ? recordedBody(response.clone(), base.url, this.#bodyTimeoutMs)
        : undefined;
    const exchange: Exchange = {
      ...base,
      status: response.status,
      ms: performance.now() - started,
      headers: kept,
      body,
    };
    this.exchanges.push(exchange);
    return response;
  };

  /** The exchanges of a phase. */
  of(phase: string): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.phase === phase);
  }

  /** The body of the last successful GET of `url` in `phase`, handed over once: the recorder lets go of it. */
  takeBody(phase: string, url: string): Promise<string> | undefined {
    for (let index = this.exchanges.length - 1; index >= 0; index--) {
      const exchange = this.exchanges[index];
      if (exchange?.phase === phase && exchange.method === 'GET' && exchange.url === url && exchange.body) {
        const { body } = exchange;
        exchange.body = undefined;
        return body;
      }
    }
    return undefined;
  }
}

// The text of a body's copy, read as the client reads a body (within its size limit and `timeoutMs`):
// empty when larger, cut off or failed.
function recordedBody(copy: Response, url: string, timeoutMs: number | false): Promise<string> {
  const limits = { maxBytes: DEFAULT_MAX_RESPONSE_BYTES, timeoutMs };
  return readBody(copy, { method: 'GET', url }, limits, undefined).catch(() => '');
}
