import { decodeBase64Utf8 } from '../../common/auth/base64';

/**
 * `raw-tokens` (2.2.1): the party's own calls (the credentials handshake's callback, command results)
 * send its credentials token as is, the 2.1.1 way, where 2.2.1 asks for Base64: a fetch that decodes the
 * `Authorization: Token ...` header on the way out.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_authorization_header
 */
export function rawTokens(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const raw = /^Token (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    const decoded = raw === undefined ? undefined : decodeBase64Utf8(raw);
    if (decoded === undefined) return fetch(input, init);
    headers.set('Authorization', `Token ${decoded}`);
    return input instanceof Request && init === undefined
      ? fetch(new Request(input, { headers }))
      : fetch(input, { ...init, headers });
  };
}
