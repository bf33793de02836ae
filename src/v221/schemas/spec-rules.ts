// The rules table of OCPI 2.2.1: each spec object or class whose descriptions state rules that its type
// table cannot, mapped to the check of that object itself (rules.ts). scripts/codegen reads this table
// and attaches each check at the definition, so an object's rules hold wherever it is nested; the
// names must be spec names of this version (the generator refuses any other).

export {
  checkRegularHours as RegularHours,
  checkTariffRestrictions as TariffRestrictions,
} from '../../common/schema/prose-rules';
export { EnergySource } from '../../common/schema/spec-rules';
export {
  checkActiveChargingProfileResult as ActiveChargingProfileResult,
  checkCdr as CDR,
  checkCdrDimension as CdrDimension,
  checkChargingProfile as ChargingProfile,
  checkChargingProfilePeriod as ChargingProfilePeriod,
  checkCoordinates as AdditionalGeoLocation,
  checkCoordinates as GeoLocation,
  checkCredentials as Credentials,
  checkEvse as EVSE,
  checkHours as Hours,
  checkLocation as Location,
  checkPublishToken as PublishTokenType,
  checkStartSession as StartSession,
} from './rules';
