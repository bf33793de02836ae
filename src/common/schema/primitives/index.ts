// The primitive schemas the generated code of both versions is written in; the version-specific
// `string(n)` lives in each version's own primitives module.
export { withChoices } from './choice';
export { CiString } from './ci-string';
export { isoCountryAlpha2, isoCountryAlpha3, isoCurrency, isoLanguage } from './iso-code';
export { nonEmptyArray } from './non-empty-array';
export { BooleanSchema, IntSchema, int, NumberSchema } from './number';
export { openEnum } from './open-enum';
export { URLSchema } from './url';
export { DateTimeSchema } from './utc-date-time';
