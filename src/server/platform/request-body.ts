import { readLimitedText } from '../../common/transport/read-limited-text';
import { OcpiRefusal } from './ocpi-refusal';

/** The default most bytes of a module request body: a Location with hundreds of EVSEs fits. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * How deep a body may nest. OCPI's deepest objects (a Tariff's restrictions, a Location's EVSEs'
 * connectors) reach about 6 levels; extension fields get room beyond that, but not the thousands of
 * levels a hostile body would use to make every later walk over it costly.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Reads a request body as JSON: at most `maxBytes` of it (the rest is never read: HTTP 413), declared as
 * JSON when a `Content-Type` is given at all (HTTP 415 otherwise) and well-formed (HTTP 400): these
 * refusals carry status code 2000, as the spec asks of errors on the HTTP layer. Well-formed JSON reaches
 * the OCPI layer, where a body nested deeper than {@link MAX_BODY_DEPTH} levels, or with a key that
 * JavaScript gives a meaning (`__proto__`, `constructor`, `prototype`: an app that merges the body into
 * its own objects could have its prototypes changed), is refused with 2001 on HTTP 200. An empty body is
 * `undefined`.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type !== null && !isJson(type)) {
    throw new OcpiRefusal(2000, 'The request body must be JSON (Content-Type: application/json)', {
      httpStatus: 415,
    });
  }
  let text: string;
  try {
    const body = await readLimitedText(request, maxBytes);
    if (body.tooLarge) {
      throw new OcpiRefusal(2000, `The request body is larger than ${maxBytes} bytes`, { httpStatus: 413 });
    }
    text = body.text;
  } catch (error) {
    if (error instanceof OcpiRefusal) throw error;
    throw new OcpiRefusal(2000, 'The request body could not be read', { httpStatus: 400 });
  }
  if (text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OcpiRefusal(2000, 'The request body is not valid JSON', { httpStatus: 400 });
  }
  if (depthOf(text) > MAX_BODY_DEPTH) {
    throw new OcpiRefusal(
      2001,
      `Invalid or missing parameters: the body nests deeper than ${MAX_BODY_DEPTH} levels`,
    );
  }
  const forbidden = forbiddenKeyPath(json, '');
  if (forbidden !== undefined) {
    const where = forbidden.length > 200 ? `${forbidden.slice(0, 200)}...` : forbidden;
    throw new OcpiRefusal(2001, `Invalid or missing parameters: ${where}: this key is not allowed`);
  }
  return json;
}

const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

// The path of the first forbidden key, or undefined; the depth is already bounded.
function forbiddenKeyPath(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = forbiddenKeyPath(value[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const keyPath = path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN_KEYS.includes(key)) return keyPath;
    const found = forbiddenKeyPath((value as Record<string, unknown>)[key], keyPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

// `application/json`, with parameters (`; charset=utf-8`) or a `+json` suffix.
function isJson(contentType: string): boolean {
  const essence = (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json');
}

/** The deepest nesting of arrays and objects in JSON text, counted outside strings in one pass. */
export function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}
