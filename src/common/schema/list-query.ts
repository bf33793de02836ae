import * as z from 'zod/mini';
import type { SpecObjectSchema } from './spec-object';

/**
 * The query of a paginated GET, alike in both versions: the window on `last_updated` (`date_from`
 * inclusive, `date_to` exclusive, both RFC 3339 date-times in the version's DateTime format) and the page
 * (`offset` from 0, `limit` at least 1). The server may return fewer items than `limit`. A client's
 * list call also takes a `Date` for either end of the window, and sends it as UTC whole seconds with `Z`.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_paginated_request
 */
export interface ListQuery {
  /** Only objects last updated at or after this time. */
  date_from?: string | undefined;
  /** Only objects last updated before this time. */
  date_to?: string | undefined;
  /** How many objects to skip from the start of the list. */
  offset?: number | undefined;
  /** The most objects the page may hold. */
  limit?: number | undefined;
}

/** The query of the Sessions list, alike in both versions: a {@link ListQuery} whose `date_from` is required. */
export interface SessionsListQuery extends ListQuery {
  /** Only Sessions last updated at or after this time. */
  date_from: string;
}

type DateTime = z.ZodMiniType<string, string>;
type WindowAndPage = ReturnType<typeof windowAndPage>;
/** The fields of a list query schema, by type: the declarations name them instead of spelling them out. */
export type ListQueryShape = { date_from: z.ZodMiniOptional<DateTime> } & WindowAndPage;
/** The same with `date_from` required. */
export type SessionsListQueryShape = { date_from: DateTime } & WindowAndPage;

/**
 * Builds a version's schema of the paginated-request parameters: `offset` (from 0), `limit` (at least 1)
 * and the `date_from` / `date_to` window on `last_updated`, in the version's DateTime.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineListQuerySchema(dateTime: DateTime): SpecObjectSchema<ListQueryShape, ListQuery> {
  return z.strictObject({ date_from: z.optional(dateTime), ...windowAndPage(dateTime) });
}

/** The same, for the lists that demand a start of the window (Sessions): `date_from` required. */
/* @__NO_SIDE_EFFECTS__ */
export function defineListQueryFromSchema(
  dateTime: DateTime,
): SpecObjectSchema<SessionsListQueryShape, SessionsListQuery> {
  return z.strictObject({ date_from: dateTime, ...windowAndPage(dateTime) });
}

function windowAndPage(dateTime: DateTime) {
  return {
    date_to: z.optional(dateTime),
    offset: z.optional(z.int().check(z.gte(0))),
    limit: z.optional(z.int().check(z.gte(1))),
  };
}
