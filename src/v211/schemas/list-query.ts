import { defineListQuerySchema } from '../../common/schema/list-query';
import { DateTimeSchema } from '../primitives';

/**
 * The query of a paginated 2.1.1 GET: `offset`, `limit`, and the `date_from` / `date_to` window on
 * `last_updated`.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/transport_and_format.md#paginated-request
 */
export const ListQuerySchema = /*@__PURE__*/ defineListQuerySchema(DateTimeSchema);
