import * as z from 'zod/mini';

/**
 * Builds a version's schema of the paginated-request parameters: `offset` (from 0), `limit` (at least 1)
 * and the `date_from` / `date_to` window on `last_updated`, in the version's DateTime.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineListQuerySchema<D extends z.ZodMiniType<string, string>>(dateTime: D) {
  return z.strictObject({ date_from: z.optional(dateTime), ...windowAndPage(dateTime) });
}

/** The same, for the lists that demand a start of the window (Sessions): `date_from` required. */
/* @__NO_SIDE_EFFECTS__ */
export function defineListQueryFromSchema<D extends z.ZodMiniType<string, string>>(dateTime: D) {
  return z.strictObject({ date_from: dateTime, ...windowAndPage(dateTime) });
}

function windowAndPage<D extends z.ZodMiniType<string, string>>(dateTime: D) {
  return {
    date_to: z.optional(dateTime),
    offset: z.optional(z.int().check(z.gte(0))),
    limit: z.optional(z.int().check(z.gte(1))),
  };
}
