import { encodeBase64Utf8 } from '../auth/base64';

/** What stands in for a removed secret. */
export const REDACTED = '[REDACTED]';

// Query parameters that commonly carry secrets; their values never reach an error or a log.
const SECRET_PARAMETER = /token|secret|password|passwd|key|auth|signature|credential/i;

/**
 * A URL fit for error messages and logs: user info dropped, and the value of any query parameter whose
 * name suggests a secret replaced (each occurrence; every parameter keeps its place). Text that is not a
 * URL is returned with known secrets removed only. Linear in the length of the URL.
 */
export function redactUrl(url: string | URL, secrets: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactSecrets(String(url), secrets);
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  const parameters = [...parsed.searchParams];
  if (parameters.some(([name]) => SECRET_PARAMETER.test(name))) {
    // One new query, serialised once: setting each secret parameter on `searchParams` re-serialises the
    // whole query every time, quadratic in a partner's URL of many such parameters (issue #10).
    const redacted = parameters.map(([name, value]) => [
      name,
      SECRET_PARAMETER.test(name) ? REDACTED : value,
    ]);
    parsed.search = new URLSearchParams(redacted).toString();
  }
  return redactSecrets(parsed.href, secrets);
}

/**
 * Replaces every occurrence of each secret in `text`, in the forms a token takes on the wire: as is,
 * Base64 of its UTF-8 bytes, and URL-encoded.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of new Set([secret, encodeBase64Utf8(secret), encodeURIComponent(secret)])) {
      result = result.split(form).join(REDACTED);
    }
  }
  return result;
}

/** The value of an `Authorization` header as it may be shown: the scheme kept, the credential hidden. */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  return space === -1 ? REDACTED : `${value.slice(0, space)} ${REDACTED}`;
}
