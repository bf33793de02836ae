import type { IncomingMessage } from 'node:http';

// A Host value: a registered name, an IPv4 address or a bracketed IPv6 one, and a port (RFC 9110,
// section 7.2; RFC 3986, section 3.2.2). No space, slash, `?`, `#`, `@` or backslash: each would move
// part of the value out of the host, or into a user name.
const HOST = /^[\w.~!$&'()*+,;=%:[\]-]+$/;

/** A request's URL, or why none can be built from it. */
export type RequestUrl = { ok: true; url: URL } | { ok: false; problem: string };

/**
 * The URL a Node request is handed on with: `origin` (or `http://` and the Host header) and the path and
 * query of the request target (Express's `originalUrl` where there is one, so a mount path is kept). Only the path and query are taken from the target, whatever its form, so
 * a target such as `//other.example/x` is a path here, not another host.
 */
export function requestUrl(incoming: IncomingMessage, origin: string | undefined): RequestUrl {
  const base = origin ?? hostOrigin(incoming.headers.host);
  if (base === undefined) return { ok: false, problem: 'The Host header is not a valid host' };
  // Express hands a mounted listener (`app.use('/ocpi', ...)`) a `url` with the mount path cut off, and
  // keeps the whole target in `originalUrl`: the handler matches the full path of its base URL.
  const target = (incoming as { originalUrl?: unknown }).originalUrl;
  return urlOf(base, typeof target === 'string' ? target : (incoming.url ?? '/'));
}

function urlOf(base: string, target: string): RequestUrl {
  const path = target.startsWith('/') ? target : pathOfAbsolute(target);
  if (path === undefined)
    return { ok: false, problem: 'The request target is not a path or an absolute URL' };
  try {
    return { ok: true, url: new URL(`${base}${path}`) };
  } catch {
    return { ok: false, problem: 'The request target is not a valid path' };
  }
}

// No Host at all (HTTP/1.0) is allowed; one that is there must be a host and nothing else.
function hostOrigin(host: string | undefined): string | undefined {
  if (host === undefined) return 'http://localhost';
  if (!HOST.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return undefined;
  }
}

// The absolute form (`GET http://host/path`) that proxies send: its path and query.
function pathOfAbsolute(target: string): string | undefined {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
