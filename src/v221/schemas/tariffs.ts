// OCPI 2.2.1 Tariffs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tariffs.asciidoc

import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { checkTariff, checkTariffRestrictions, within } from './rules';

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
  type TariffRestrictions,
  type TariffType,
  TariffTypeSchema,
  TariffTypeValues,
} from '../generated/schemas';

// The spec's prose rules on top of the generated table shapes (see rules.ts).

/** OCPI 2.2.1 `TariffRestrictions`: `HH:MM` times of day and `YYYY-MM-DD` dates. */
export const TariffRestrictionsSchema = /*@__PURE__*/ generated.TariffRestrictionsSchema.check(
  /*@__PURE__*/ specRule(checkTariffRestrictions),
);

/** OCPI 2.2.1 `TariffElement`, its restrictions' formats checked. */
export const TariffElementSchema = /*@__PURE__*/ generated.TariffElementSchema.check(
  /*@__PURE__*/ specRule<generated.TariffElement>((element, report) => {
    if (element.restrictions) checkTariffRestrictions(element.restrictions, within(report, ['restrictions']));
  }),
);

/**
 * OCPI 2.2.1 `Tariff`, with the formats of every element's restrictions checked.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tariffs.asciidoc#mod_tariffs_tariff_object
 */
export const TariffSchema = /*@__PURE__*/ generated.TariffSchema.check(/*@__PURE__*/ specRule(checkTariff));
