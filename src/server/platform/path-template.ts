/** An operation's path below its module endpoint, split into literal segments and named parameters. */
export interface PathTemplate {
  readonly segments: readonly ({ literal: string } | { param: string })[];
}

/** Splits `/{country_code}/{party_id}/{location_id}` (or `''`, the endpoint itself) into segments. */
export function compilePath(path: string): PathTemplate {
  const parts = path === '' ? [] : path.replace(/^\//, '').split('/');
  return {
    segments: parts.map((part) =>
      part.startsWith('{') && part.endsWith('}') ? { param: part.slice(1, -1) } : { literal: part },
    ),
  };
}

/** What matching a request path against a template gave. */
export type PathMatch =
  | { matched: true; params: Record<string, string> }
  | { matched: false; malformed?: string };

/**
 * Matches the segments of a request path below a module endpoint (already split, still URL-encoded)
 * against a template: the same number of segments, literals equal, each parameter decoded. A parameter
 * that does not decode (a broken `%` escape) is `malformed`, named without its value.
 */
export function matchPath(template: PathTemplate, segments: readonly string[]): PathMatch {
  if (segments.length !== template.segments.length) return { matched: false };
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const expected = template.segments[index];
    const segment = segments[index] as string;
    if (expected === undefined) return { matched: false };
    if ('literal' in expected) {
      if (segment !== expected.literal) return { matched: false };
      continue;
    }
    try {
      params[expected.param] = decodeURIComponent(segment);
    } catch {
      return { matched: false, malformed: expected.param };
    }
  }
  return { matched: true, params };
}
