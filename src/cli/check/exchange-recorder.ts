// Sees every HTTP exchange the SDK's client makes on the check's behalf, each attempt apart (retries of
// a 503 included): status, timing, the paging and trace headers, and the body of each list page for the
// strict and lenient counts. The request's Authorization header is never read or kept. A body is read
// within the client's own size limit and held until the check takes it (each page as soon as the client
// hands it over): the pages of a long list are not all held at once.
import { readLimitedText } from '../../common/transport/read-limited-text';
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

/** A recording fetch and what it recorded. */
export class ExchangeRecorder {
  readonly exchanges: Exchange[] = [];
  /** Set by the run before each step; recorded with each exchange. */
  phase = '';
  readonly #fetch: typeof globalThis.fetch;

  constructor(fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init)) {
    this.#fetch = fetch;
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
        ? readLimitedText(response.clone(), DEFAULT_MAX_RESPONSE_BYTES).then(
            (read) => (read.tooLarge ? '' : read.text),
            () => '',
          )
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
