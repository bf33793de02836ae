/**
 * The ranges of OCPI `status_code`: 1xxx success, 2xxx client errors, 3xxx server errors and, in
 * 2.2.1 only, 4xxx hub errors.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/status_codes.md
 */
export type StatusCodeRange = 'success' | 'client-error' | 'server-error' | 'hub-error';

/**
 * The range `code` falls in, given whether the version speaks of hubs (4xxx), or `undefined` when it is
 * in no defined range.
 */
export function rangeOfStatusCode(code: number, hubStatusCodes: boolean): StatusCodeRange | undefined {
  if (!Number.isInteger(code)) return undefined;
  if (code >= 1000 && code <= 1999) return 'success';
  if (code >= 2000 && code <= 2999) return 'client-error';
  if (code >= 3000 && code <= 3999) return 'server-error';
  if (code >= 4000 && code <= 4999 && hubStatusCodes) return 'hub-error';
  return undefined;
}

/** True for a success code (1xxx). Anything else means `data` holds no result. */
export function isSuccessStatusCode(code: number): boolean {
  return Number.isInteger(code) && code >= 1000 && code <= 1999;
}
