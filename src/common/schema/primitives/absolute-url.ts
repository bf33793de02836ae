// The OCPI URL type as a plain predicate, with no zod: the zod primitive (url.ts) and the compiled
// validators (scripts/codegen/emit-compiled.ts) both use it.

/** The most characters an OCPI `URL` may have, in both versions. */
export const URL_MAX_LENGTH = 255;

/** Whether `value` is an absolute URL with no whitespace or control characters. */
export function isAbsoluteUrl(value: string): boolean {
  if (!/^[\x21-\x7E]+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is an OCPI `URL`: absolute, and at most {@link URL_MAX_LENGTH} characters. */
export function isOcpiUrl(value: string): boolean {
  return value.length <= URL_MAX_LENGTH && isAbsoluteUrl(value);
}
