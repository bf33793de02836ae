// OCPI 2.2.1 Tariffs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tariffs.asciidoc
import * as z from 'zod/mini';
import { operation } from '../../common/operation';
import { TariffSchema } from '../generated/schemas';
import { ListQuerySchema } from './list-query';

export {
  type DayOfWeek,
  DayOfWeekSchema,
  DayOfWeekValues,
  type PriceComponent,
  PriceComponentSchema,
  type ReservationRestrictionType,
  ReservationRestrictionTypeSchema,
  ReservationRestrictionTypeValues,
  type Tariff,
  type TariffDimensionType,
  TariffDimensionTypeSchema,
  TariffDimensionTypeValues,
  type TariffElement,
  TariffElementSchema,
  type TariffRestrictions,
  TariffRestrictionsSchema,
  TariffSchema,
  type TariffType,
  TariffTypeSchema,
  TariffTypeValues,
} from '../generated/schemas';

const receiverTariff = '/{country_code}/{party_id}/{tariff_id}';

/**
 * The Tariffs operations. 2.2.1: the Receiver has no PATCH (2.1.1 had one); a changed Tariff is PUT
 * whole.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tariffs.asciidoc#mod_tariffs_interfaces_and_endpoints
 */
export const TariffsOperations = {
  sender: {
    list: /*@__PURE__*/ operation({
      method: 'GET',
      path: '',
      query: ListQuerySchema,
      response: /*@__PURE__*/ z.array(TariffSchema),
      paginated: true,
    }),
  },
  receiver: {
    getTariff: /*@__PURE__*/ operation({ method: 'GET', path: receiverTariff, response: TariffSchema }),
    putTariff: /*@__PURE__*/ operation({ method: 'PUT', path: receiverTariff, request: TariffSchema }),
    deleteTariff: /*@__PURE__*/ operation({ method: 'DELETE', path: receiverTariff }),
  },
} as const;
