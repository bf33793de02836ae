// OCPI 2.2.1 ChargingProfiles: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_charging_profiles.asciidoc
import * as z from 'zod/mini';
import { within } from '../../common/schema/prose-rules';
import { type RuleReporter, specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { IntSchema, URLSchema } from '../primitives';

export {
  type ActiveChargingProfile,
  type ActiveChargingProfileResult,
  type ChargingProfile,
  type ChargingProfilePeriod,
  type ChargingProfileResponse,
  ChargingProfileResponseSchema,
  type ChargingProfileResponseType,
  ChargingProfileResponseTypeSchema,
  ChargingProfileResponseTypeValues,
  type ChargingProfileResult,
  ChargingProfileResultSchema,
  type ChargingProfileResultType,
  ChargingProfileResultTypeSchema,
  ChargingProfileResultTypeValues,
  type ChargingRateUnit,
  ChargingRateUnitSchema,
  ChargingRateUnitValues,
  type ClearProfileResult,
  ClearProfileResultSchema,
  type SetChargingProfile,
} from '../generated/schemas';

// Rates are given with at most one decimal, e.g. 8.1 (mod_charging_profiles, ChargingProfile and
// ChargingProfilePeriod): a finer value is rounded by the charger, or refused.
const ONE_DECIMAL = /^-?\d+(\.\d)?$/;
const oneDecimal = (value: number) => ONE_DECIMAL.test(String(value));

function checkPeriod(period: generated.ChargingProfilePeriod, report: RuleReporter): void {
  if (!oneDecimal(period.limit)) report(['limit'], 'must have at most one decimal, like 8.1');
}

function checkProfile(profile: generated.ChargingProfile, report: RuleReporter): void {
  if (profile.min_charging_rate !== undefined && !oneDecimal(profile.min_charging_rate)) {
    report(['min_charging_rate'], 'must have at most one decimal, like 8.1');
  }
  profile.charging_profile_period?.forEach((period, index) => {
    checkPeriod(period, within(report, ['charging_profile_period', index]));
  });
}

/** OCPI 2.2.1 `ChargingProfilePeriod`: a limit with at most one decimal. */
export const ChargingProfilePeriodSchema = /*@__PURE__*/ generated.ChargingProfilePeriodSchema.check(
  /*@__PURE__*/ specRule(checkPeriod),
);

/** OCPI 2.2.1 `ChargingProfile`: rates with at most one decimal. */
export const ChargingProfileSchema = /*@__PURE__*/ generated.ChargingProfileSchema.check(
  /*@__PURE__*/ specRule(checkProfile),
);

/** OCPI 2.2.1 `SetChargingProfile`: the profile's rates with at most one decimal. */
export const SetChargingProfileSchema = /*@__PURE__*/ generated.SetChargingProfileSchema.check(
  /*@__PURE__*/ specRule<generated.SetChargingProfile>((body, report) =>
    checkProfile(body.charging_profile, within(report, ['charging_profile'])),
  ),
);

/** OCPI 2.2.1 `ActiveChargingProfile`: the profile's rates with at most one decimal. */
export const ActiveChargingProfileSchema = /*@__PURE__*/ generated.ActiveChargingProfileSchema.check(
  /*@__PURE__*/ specRule<generated.ActiveChargingProfile>((active, report) =>
    checkProfile(active.charging_profile, within(report, ['charging_profile'])),
  ),
);

/** OCPI 2.2.1 `ActiveChargingProfileResult`: the profile comes with an ACCEPTED result. */
export const ActiveChargingProfileResultSchema =
  /*@__PURE__*/ generated.ActiveChargingProfileResultSchema.check(
    /*@__PURE__*/ specRule<generated.ActiveChargingProfileResult>((result, report) => {
      if (result.result === 'ACCEPTED' && result.profile === undefined) {
        report(['profile'], 'is expected when result is ACCEPTED');
      }
      if (result.profile) {
        checkProfile(result.profile.charging_profile, within(report, ['profile', 'charging_profile']));
      }
    }),
  );

/** The query of a GET of the active profile: how many seconds ahead, and where to POST the result. */
export const ActiveChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({
  duration: IntSchema,
  response_url: URLSchema,
});
export interface ActiveChargingProfileQuery extends z.output<typeof ActiveChargingProfileQuerySchema> {}

/** The query of a DELETE of a profile: where to POST the result. */
export const ClearChargingProfileQuerySchema = /*@__PURE__*/ z.strictObject({ response_url: URLSchema });
export interface ClearChargingProfileQuery extends z.output<typeof ClearChargingProfileQuerySchema> {}
