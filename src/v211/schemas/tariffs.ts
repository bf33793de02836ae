// OCPI 2.1.1 Tariffs: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tariffs.md
import type * as z from 'zod/mini';
import { checkTariff, checkTariffRestrictions, within } from '../../common/schema/prose-rules';
import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { patchOf } from './patch';

export {
  type DayOfWeek,
  DayOfWeekSchema,
  DayOfWeekValues,
  type PriceComponent,
  PriceComponentSchema,
  type Tariff,
  type TariffDimensionType,
  TariffDimensionTypeSchema,
  TariffDimensionTypeValues,
  type TariffElement,
  type TariffRestrictions,
} from '../generated/schemas';

/** OCPI 2.1.1 `TariffRestrictions`: `HH:MM` times of day and `YYYY-MM-DD` dates. */
export const TariffRestrictionsSchema = /*@__PURE__*/ generated.TariffRestrictionsSchema.check(
  /*@__PURE__*/ specRule(checkTariffRestrictions),
);

/** OCPI 2.1.1 `TariffElement`, its restrictions' formats checked. */
export const TariffElementSchema = /*@__PURE__*/ generated.TariffElementSchema.check(
  /*@__PURE__*/ specRule<generated.TariffElement>((element, report) => {
    if (element.restrictions) checkTariffRestrictions(element.restrictions, within(report, ['restrictions']));
  }),
);

/**
 * OCPI 2.1.1 `Tariff`, with the formats of every element's restrictions checked.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tariffs.md#31-tariff-object
 */
export const TariffSchema = /*@__PURE__*/ generated.TariffSchema.check(/*@__PURE__*/ specRule(checkTariff));

/** A PATCH body for a Tariff: any of its fields. 2.1.1 only: 2.2.1 dropped Tariff PATCH. */
export const TariffPatchSchema = /*@__PURE__*/ patchOf(generated.TariffSchema, checkTariff);
export interface TariffPatch extends z.output<typeof TariffPatchSchema> {}
