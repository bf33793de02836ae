import * as z from 'zod/mini';
import { isAbsoluteUrl, URL_MAX_LENGTH } from './absolute-url';

export { URL_MAX_LENGTH };

/**
 * OCPI `URL`: an absolute URL of at most 255 characters. Identical in 2.1.1 and 2.2.1.
 * Whitespace and control characters are refused rather than percent-encoded silently.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_url_type
 */
export const URLSchema = /*@__PURE__*/ z
  .string()
  .check(z.maxLength(URL_MAX_LENGTH), z.refine(isAbsoluteUrl, { error: 'must be an absolute URL' }));
