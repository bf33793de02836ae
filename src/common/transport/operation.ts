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
  /** True for the list GETs that page with offset/limit and the Link header. */
  readonly paginated?: boolean;
  /** For a paginated GET: one item of the list, which `response` is an array of. */
  readonly item?: z.ZodMiniType;
  /** True where the path is not under the module endpoint but a URL given elsewhere (a `response_url`). */
  readonly externalUrl?: boolean;
  /** True where the answer is the created object's URL, in the `Location` header (a CDR POST). */
  readonly locationHeader?: boolean;
}

/**
 * A schema as an operation table types it: by the spec type it checks (`Schema<Location>`), so that the
 * table's declarations and every hover over a client show `Location` rather than the zod schema's full
 * structure. `Input` is what a request must be; responses, which are only read, leave it `unknown`.
 */
export type Schema<Output, Input = Output> = z.ZodMiniType<Output, Input>;

/** Declares an operation, keeping its exact method, path and schema types for inference. */
/* @__NO_SIDE_EFFECTS__ */
export function operation<const O extends Operation>(definition: O): O {
  return definition;
}

/** A paginated GET as {@link paginatedOperation} declares it: the list of `Item`s, filtered by a `Query`. */
export interface PaginatedOperation<Query, Item> extends Operation {
  readonly method: 'GET';
  readonly path: '';
  readonly query: Schema<Query>;
  readonly item: Schema<Item, unknown>;
  readonly response: Schema<Item[], unknown>;
  readonly paginated: true;
}

/**
 * Declares a paginated GET of the module's endpoint URL from its query schema and the schema of one
 * item; the response is the array of items. A client checks each item of a page on its own (in
 * lenient mode it keeps the valid ones), so the item schema is declared rather than read back out of
 * the array schema.
 *
 * @example
 * const list = paginatedOperation(ListQuerySchema, LocationSchema); // PaginatedOperation<ListQuery, Location>
 */
/* @__NO_SIDE_EFFECTS__ */
export function paginatedOperation<Query, Item>(
  query: Schema<Query>,
  item: Schema<Item, unknown>,
): PaginatedOperation<Query, Item> {
  return { method: 'GET', path: '', query, item, response: z.array(item), paginated: true };
}
