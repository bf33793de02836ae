// The rules table of OCPI 2.1.1: each spec object or class whose descriptions state rules that its type
// table cannot, mapped to the check of that object itself (rules.ts). scripts/codegen reads this table
// and attaches each check at the definition, so an object's rules hold wherever it is nested; the
// names must be spec names of this version (the generator refuses any other).

export {
  checkRegularHours as RegularHours,
  checkTariffRestrictions as TariffRestrictions,
} from '../../common/schema/prose-rules';
export { EnergySource } from '../../common/schema/spec-rules';
export {
  checkCdr as CDR,
  checkCoordinates as AdditionalGeoLocation,
  checkCoordinates as GeoLocation,
  checkEvse as EVSE,
  checkSession as Session,
} from './rules';
