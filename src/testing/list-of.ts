import type { ListAnswer, ServedListQuery } from '../server/platform/implementation';

/** The window and page of a list request, as the handler passes them on. */
type ListQuery = ServedListQuery<{ date_from?: string | undefined; date_to?: string | undefined }>;

/**
 * A list implementation over objects held in memory: those last updated in the query's window
 * (`date_from` inclusive, `date_to` exclusive), in the order given, paged by `offset` and `limit`.
 */
export function listOf<T extends { last_updated: string }>(items: () => readonly T[]) {
  return ({ query }: { query: ListQuery }): ListAnswer<T> => {
    const from = query.date_from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.date_from);
    const to = query.date_to === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.date_to);
    const matching = items().filter((item) => {
      const updated = Date.parse(item.last_updated);
      return updated >= from && updated < to;
    });
    return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  };
}
