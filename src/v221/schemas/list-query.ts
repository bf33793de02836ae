import { defineListQuerySchema } from '../../common/schema/list-query';
import { DateTimeSchema } from '../primitives';

/**
 * The query of a paginated 2.2.1 GET: `offset`, `limit`, and `date_from` (inclusive) / `date_to`
 * (exclusive) on `last_updated`.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_paginated_request
 */
export const ListQuerySchema = /*@__PURE__*/ defineListQuerySchema(DateTimeSchema);
