import { type OcpiRequestInput, scrubAndShorten } from './ocpi-error';
import { redactUrl } from './redact';

// Causes nest (undici puts the socket error under `fetch failed`); a few levels are plenty.
const MAX_DEPTH = 4;
// An AggregateError (one failed connection per address of a host) keeps its first few.
const MAX_AGGREGATED = 4;
const MAX_MESSAGE = 1_000;
const MAX_STACK = 4_000;
const MAX_CODE = 64;

/**
 * What an error of ours keeps of the failure behind it: a new `Error` with the same name, message,
 * `code`, stack and nested causes, each scrubbed and bounded. Never the runtime's object itself, even
 * when its text looks clean: ky's `TimeoutError` and `HTTPError` hold the `Request` (with our
 * `Authorization` header) and the `Response`, and any other runtime error may hold a socket or headers,
 * all of which `console.log(error)` would print. Anything that is not an error (a thrown object, which
 * could be anything) is left out; a thrown string or number is kept as a message.
 */
export function safeCause(cause: unknown, request: OcpiRequestInput, depth = 0): Error | undefined {
  if (cause === undefined || cause === null || depth >= MAX_DEPTH) return undefined;
  if (typeof cause === 'string' || typeof cause === 'number') return new Error(clean(String(cause), request));
  if (!(cause instanceof Error)) return undefined;
  const message = clean(String(cause.message), request);
  const nested = safeCause(cause.cause, request, depth + 1);
  const options = nested === undefined ? undefined : { cause: nested };
  const aggregated = (cause as { errors?: unknown }).errors;
  const copy = Array.isArray(aggregated)
    ? new AggregateError(
        aggregated
          .slice(0, MAX_AGGREGATED)
          .map((item) => safeCause(item, request, depth + 1))
          .filter((item) => item !== undefined),
        message,
        options,
      )
    : new Error(message, options);
  // Not enumerable, as on the original: JSON and spread copies show what they would have shown.
  Object.defineProperty(copy, 'name', {
    value: clean(String(cause.name), request, MAX_CODE),
    writable: true,
    configurable: true,
  });
  copy.stack = clean(cause.stack ?? `${cause.name}: ${cause.message}`, request, MAX_STACK);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') {
    Object.assign(copy, { code: typeof code === 'string' ? clean(code, request, MAX_CODE) : code });
  }
  return copy;
}

// The runtime's messages quote the URL as sent (ky: `Request timed out: GET <url>`): it is shown the way
// our own messages show it, with secret-looking parameters and user info removed, then the known
// secrets go.
function clean(text: string, request: OcpiRequestInput, max = MAX_MESSAGE): string {
  const sent = href(request.url);
  const shown = redactUrl(request.url, request.secrets);
  const withUrl = sent !== shown && text.includes(sent) ? text.split(sent).join(shown) : text;
  return scrubAndShorten(withUrl, request.secrets, max);
}

function href(url: string | URL): string {
  try {
    return new URL(url).href;
  } catch {
    return String(url);
  }
}
