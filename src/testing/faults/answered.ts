import type { OcpiVersion } from '../../common/protocol/version';
import { trimTrailing } from '../../common/text/trim-trailing';

/** What the faults that rewrite an answer know of the request it answers. */
export interface Answered {
  readonly request: Request;
  /** The version the party speaks. */
  readonly version: OcpiVersion;
  /** The versions list (`{baseUrl}/versions`). */
  readonly versions: boolean;
  /** A module request's module (`locations`...); `undefined` for versions, details and credentials. */
  readonly module: string | undefined;
  /** A GET of a module's endpoint itself: a page of its list. */
  readonly list: boolean;
}

/**
 * Reads which request an answer is for from its URL, laid out as the handler publishes it:
 * `{basePath}/versions`, `{basePath}/{version}/{interface}/{module}/...` for modules.
 */
export function answeredOf(request: Request, basePath: string, version: OcpiVersion): Answered {
  const path = trimTrailing(new URL(request.url).pathname, '/');
  const below = path.startsWith(`${basePath}/`) ? path.slice(basePath.length + 1).split('/') : [];
  const [first, , module, ...rest] = below;
  const isModule = below.length >= 3 && first === version && module !== 'credentials';
  return {
    request,
    version,
    versions: below.length === 1 && first === 'versions',
    module: isModule ? module : undefined,
    list: isModule && rest.length === 0 && request.method === 'GET',
  };
}

/** An answer's `data` rewritten: the same data, changed in place or replaced. */
export type DataFault = (data: unknown, answered: Answered) => unknown;

/** The objects an answer's `data` holds at its top: the items of a list, or the object itself. */
export function topObjects(data: unknown): Record<string, unknown>[] {
  const all = Array.isArray(data) ? data : [data];
  return all.filter(
    (value): value is Record<string, unknown> =>
      typeof value === 'object' && value !== null && !Array.isArray(value),
  );
}

/**
 * Rewrites every string field of the objects inside `value`, at any depth, given the key it sits under.
 * Strings straight inside a list (`facilities`, `capabilities`) are enum values and are left alone.
 */
export function rewriteStrings(value: unknown, rewrite: (text: string, key: string) => string): void {
  if (Array.isArray(value)) {
    for (const element of value) rewriteStrings(element, rewrite);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(object)) {
    if (typeof field === 'string') object[key] = rewrite(field, key);
    else rewriteStrings(field, rewrite);
  }
}
