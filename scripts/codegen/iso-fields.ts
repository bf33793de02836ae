/**
 * The fields the spec ties to an ISO code list, and which list. The emitter wraps each one's table type
 * in the check of its list (src/common/schema/primitives/iso-code.ts), at the definition, so the check
 * holds wherever the object is nested. A test holds the table against the spec: every field whose
 * description names ISO 3166, 4217 or 639 is listed.
 */
import type { SpecVersion, VersionModel } from './model';

/** The lists, each with the helper that checks it. */
export const ISO_HELPERS = {
  'country-alpha-3': 'isoCountryAlpha3',
  'country-alpha-2': 'isoCountryAlpha2',
  currency: 'isoCurrency',
  language: 'isoLanguage',
} as const;

export type IsoList = keyof typeof ISO_HELPERS;

/** What the generated docs say a field of each list must be. */
export const ISO_NAMES: Readonly<Record<IsoList, string>> = {
  'country-alpha-3': 'an assigned ISO 3166-1 alpha-3 country code',
  'country-alpha-2': 'shaped as an ISO 3166-1 alpha-2 country code (two letters, any case)',
  currency: 'an assigned ISO 4217 currency code',
  language: 'an assigned ISO 639-1 language code',
};

/** The code width of each list: the table type must be a string of that length. */
const WIDTHS: Readonly<Record<IsoList, number>> = {
  'country-alpha-3': 3,
  'country-alpha-2': 2,
  currency: 3,
  language: 2,
};

export interface IsoField {
  object: string;
  field: string;
  list: IsoList;
  versions: readonly SpecVersion[];
}

const BOTH: readonly SpecVersion[] = ['2.1.1', '2.2.1'];
const V221: readonly SpecVersion[] = ['2.2.1'];

// Where each version's tables say so: Location `country` (and 2.2.1 CdrLocation's), the `currency` of
// Tariff, Session and CDR, the `language` of DisplayText (types) and Token. 2.2.1 ties the `country_code`
// of every party-owned object and of the CredentialsRole class (credentials.asciidoc) to ISO-3166 alpha-2;
// ClientInfo's (mod_hub_client_info.asciidoc) is the code used in the credentials exchange, so the same.
// 2.1.1 names no standard for its Credentials `country_code` (credentials.md): a plain string(2) there.
export const ISO_FIELDS: readonly IsoField[] = [
  { object: 'Location', field: 'country', list: 'country-alpha-3', versions: BOTH },
  { object: 'CdrLocation', field: 'country', list: 'country-alpha-3', versions: V221 },
  { object: 'Tariff', field: 'currency', list: 'currency', versions: BOTH },
  { object: 'Session', field: 'currency', list: 'currency', versions: BOTH },
  { object: 'CDR', field: 'currency', list: 'currency', versions: BOTH },
  { object: 'DisplayText', field: 'language', list: 'language', versions: BOTH },
  { object: 'Token', field: 'language', list: 'language', versions: BOTH },
  ...['Location', 'Tariff', 'Session', 'CDR', 'CdrToken', 'Token', 'CredentialsRole', 'ClientInfo'].map(
    (object): IsoField => ({ object, field: 'country_code', list: 'country-alpha-2', versions: V221 }),
  ),
];

/** The ISO fields of one version, looked up by object and field. */
export interface VersionIsoFields {
  of(object: string, field: string): IsoField | undefined;
  ofObject(object: string): readonly IsoField[];
}

/** The ISO fields of `version`; none when `table` is empty. */
export function isoFieldsFor(
  version: SpecVersion,
  table: readonly IsoField[] = ISO_FIELDS,
): VersionIsoFields {
  const here = table.filter((entry) => entry.versions.includes(version));
  return {
    of: (object, field) => here.find((entry) => entry.object === object && entry.field === field),
    ofObject: (object) => here.filter((entry) => entry.object === object),
  };
}

/**
 * Why the table does not fit the model of `version`, one line a problem: each entry must name a field
 * of the version whose type is a string (or CiString) exactly as long as the list's codes.
 */
export function isoFieldProblems(version: VersionModel, table: readonly IsoField[] = ISO_FIELDS): string[] {
  const objects = new Map(version.modules.flatMap((module) => module.objects).map((o) => [o.name, o]));
  const problems: string[] = [];
  for (const entry of table.filter(({ versions }) => versions.includes(version.version))) {
    const where = `${version.version} ${entry.object}.${entry.field}`;
    const type = objects.get(entry.object)?.fields.find(({ name }) => name === entry.field)?.type;
    if (!type) problems.push(`${where}: no such field`);
    else if (
      type.kind !== 'primitive' ||
      (type.name !== 'string' && type.name !== 'CiString') ||
      type.maxLength !== WIDTHS[entry.list]
    ) {
      problems.push(`${where}: a ${entry.list} code needs a string(${WIDTHS[entry.list]}) field`);
    }
  }
  return problems;
}
