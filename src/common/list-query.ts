import * as z from 'zod/mini';

/** The query parameters of a paginated GET, typed (the wire carries them as strings). */
export interface ListQuery {
  offset?: number;
  limit?: number;
  date_from?: string;
  date_to?: string;
}

/**
 * The paginated-request parameters: `offset` (from 0), `limit` (at least 1) and the `date_from` /
 * `date_to` window on `last_updated`, in the version's DateTime. `dateFromRequired` for the lists
 * that demand a start (Sessions).
 */
/* @__NO_SIDE_EFFECTS__ */
export function listQuerySchema<D extends z.ZodMiniType<string, string>>(
  dateTime: D,
  options: { dateFromRequired: boolean },
) {
  const offset = z.optional(z.int().check(z.gte(0)));
  const limit = z.optional(z.int().check(z.gte(1)));
  const date_to = z.optional(dateTime);
  return options.dateFromRequired
    ? z.strictObject({ date_from: dateTime, date_to, offset, limit })
    : z.strictObject({ date_from: z.optional(dateTime), date_to, offset, limit });
}
