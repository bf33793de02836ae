// Support of the 2.2.1 round trip: one local server for a whole test file, implementations that record
// what they receive and answer what a test asks, and the client's exchanges as seen on the wire.
import type { Middleware } from '@org/ocpi';
import { serveHandler } from '../../support/serve-handler';

type Handler = (request: Request) => Promise<Response>;

/**
 * Serves handlers by path prefix (`/ocpi`, `/hub`...) on one ephemeral port of 127.0.0.1, for every test
 * of a file: built once from the server's origin, closed after the file's last test
 * (`closeServersAfterAll()`).
 */
export async function serveForFile(
  build: (origin: string) => Readonly<Record<string, Handler>>,
): Promise<{ origin: string }> {
  return serveHandler((origin) => {
    const handlers = build(origin);
    return async (request) => {
      const path = new URL(request.url).pathname;
      const prefix = Object.keys(handlers).find((key) => path === key || path.startsWith(`${key}/`));
      return prefix === undefined
        ? new Response(null, { status: 404 })
        : (handlers[prefix] as Handler)(request);
    };
  });
}

/** What an implementation was called with, as the handler gave it. */
export interface Received {
  /** `module.interface.operation` */
  key: string;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
  routing: unknown;
  partnerId: string;
}

/** The part of a call an answer is made from. */
export interface CallSeen {
  params: Record<string, string>;
  query: { offset?: number; limit?: number } & Record<string, unknown>;
  body: unknown;
}

/** An implementation's answer: a value, or made from the call. Lists answer all their items. */
export type Answer = unknown | ((call: CallSeen) => unknown);

/**
 * Implementations of the given operations (`module.interface.operation`) that record each call and
 * answer from `answers` (looked up at call time, so tests may set them): a list answers the page its
 * query asks for out of all the items the answer gives, with their count.
 */
export function recordingImplementations(
  keys: readonly { key: string; paginated: boolean }[],
  answers: ReadonlyMap<string, Answer>,
  received: Received[],
): Record<string, Record<string, Record<string, (call: never) => unknown>>> {
  const modules: Record<string, Record<string, Record<string, (call: never) => unknown>>> = {};
  for (const { key, paginated } of keys) {
    const [module = '', interfaceName = '', name = ''] = key.split('.');
    modules[module] ??= {};
    const interfaces = modules[module];
    interfaces[interfaceName] ??= {};
    (interfaces[interfaceName] as Record<string, (call: never) => unknown>)[name] = (call: never) => {
      const { params, query, body, routing, partner } = call as {
        params: Record<string, string>;
        query: CallSeen['query'];
        body: unknown;
        routing: unknown;
        partner: { id: string };
      };
      received.push({ key, params: { ...params }, query, body, routing, partnerId: partner.id });
      const answer = answers.get(key);
      const value = typeof answer === 'function' ? answer({ params, query, body }) : answer;
      if (!paginated) return value;
      const items = (value ?? []) as unknown[];
      const offset = query.offset ?? 0;
      return { items: items.slice(offset, offset + (query.limit ?? items.length)), total: items.length };
    };
  }
  return modules;
}

/** One request of the client and the answer it read, as middleware sees them. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  headers: Headers;
  body: unknown;
}

/** Middleware that keeps every exchange of a client, in order. */
export function exchangeRecorder(): { middleware: Middleware; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    middleware: {
      onResponse: async (response, request) => {
        exchanges.push({
          method: request.method,
          url: request.url,
          requestHeaders: new Headers(request.headers),
          status: response.status,
          headers: new Headers(response.headers),
          body: await response
            .clone()
            .json()
            .catch(() => undefined),
        });
      },
    },
  };
}
