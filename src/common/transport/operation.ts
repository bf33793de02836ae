import * as z from 'zod/mini';

/** The HTTP methods OCPI uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What one endpoint operation takes and returns, so that a client or a server can look it up:
 * the method, the path below the module's endpoint URL (placeholders in braces), the query
 * parameters, the request body and the response `data` (inside the envelope), each as a schema.
 * A missing schema means the spec defines no such part (e.g. no `data` in a PUT response).
 */
export interface Operation {
  readonly method: HttpMethod;
  /** Below the module's endpoint URL, e.g. `/{country_code}/{party_id}/{location_id}`; `''` for the URL itself. */
  readonly path: string;
  readonly query?: z.ZodMiniType;
  readonly request?: z.ZodMiniType;
  readonly response?: z.ZodMiniType;
  /** True for the list GETs that page with offset/limit and the Link header (see {@link paginatedOperation}). */
  readonly paginated?: boolean;
  /** For a paginated GET: one item of the list, which `response` is an array of. */
  readonly item?: z.ZodMiniType;
  /** True where the path is not under the module endpoint but a URL given elsewhere (a `response_url`). */
  readonly externalUrl?: boolean;
  /** True where the answer is the created object's URL, in the `Location` header (a CDR POST). */
  readonly locationHeader?: boolean;
}

/** Declares an operation, keeping its exact schema types for inference. */
/* @__NO_SIDE_EFFECTS__ */
export function operation<const O extends Operation>(definition: O): O {
  return definition;
}

/** A paginated GET as {@link paginatedOperation} declares it. */
export interface PaginatedOperation<Q extends z.ZodMiniType, I extends z.ZodMiniType> extends Operation {
  readonly method: 'GET';
  readonly path: '';
  readonly query: Q;
  readonly item: I;
  readonly response: z.ZodMiniArray<I>;
  readonly paginated: true;
}

/**
 * Declares a paginated GET of the module's endpoint URL from its query schema and the schema of one
 * item; the response is the array of items. A client checks each item of a page on its own (in
 * lenient mode it keeps the valid ones), so the item schema is declared rather than read back out of
 * the array schema.
 *
 * @example
 * const list = paginatedOperation(ListQuerySchema, LocationSchema);
 */
/* @__NO_SIDE_EFFECTS__ */
export function paginatedOperation<Q extends z.ZodMiniType, I extends z.ZodMiniType>(
  query: Q,
  item: I,
): PaginatedOperation<Q, I> {
  return { method: 'GET', path: '', query, item, response: z.array(item), paginated: true };
}
