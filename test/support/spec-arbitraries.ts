// fast-check arbitraries for every OCPI object of both versions, derived from the generator's model (issue
// #16): valid objects, single mutations of them at any depth (deviations lenient parsing tolerates, and
// breaking ones), and random JSON, for the differential test of the compiled validators.
//
// Why the model and not the generated zod schemas: the zod schemas hold their string lengths (2.2.1 counts
// code points), ISO lists, characters and prose rules inside closures that cannot be read back, so a walk
// of their definitions would have to guess most of what makes a value valid. The model says it plainly:
// each field's type, `(n)`, cardinality and choice group, each enum's values, and, through the generator's
// own tables, the ISO list of a field, the open-enum overrides and which objects have prose rules. It is
// what the generator emits both the zod schemas and the compiled validators from, read the same way
// (the spec with its errata, found as test/support/spec.ts finds it). What the model cannot say is the
// content of the prose rules (src/v2xx/schemas/rules.ts): formats() gives the fields whose text has a format
// and rules() makes each ruled object valid by construction and breaks it on demand. A test holds rules()
// against the rules tables, so a new rule needs its entry here.
import fc from 'fast-check';
import { choiceGroups, collectDefinitions } from '../../scripts/codegen/emit-schemas';
import { effectiveCardinality } from '../../scripts/codegen/emit-types';
import { applyErrata } from '../../scripts/codegen/errata';
import { type IsoList, isoFieldsFor } from '../../scripts/codegen/iso-fields';
import type {
  EnumModel,
  FieldModel,
  ObjectModel,
  PrimitiveTypeRef,
  SpecVersion,
  VersionModel,
} from '../../scripts/codegen/model';
import { overridesFor } from '../../scripts/codegen/overrides';
import { readSpec } from '../../scripts/codegen/read-spec';
import { isOcpiUrl } from '../../src/common/schema/primitives/absolute-url';
import {
  isCountryAlpha2,
  isCountryAlpha3,
  isCurrency,
  isLanguage,
} from '../../src/common/schema/primitives/iso-code-lists';
import { isPrintableUnicode } from '../../src/common/schema/primitives/printable';
import { fromSpec, specDir } from './spec';

type Json = unknown;
type Obj = Record<string, Json>;
export type Path = readonly (string | number)[];

/** The model of both versions, with the published errata applied, as `npm run codegen` reads it. */
export const specModel = /*@__PURE__*/ fromSpec(() => applyErrata(readSpec(specDir()), specDir()).model);

// ---------------------------------------------------------------------------------------------------
// The prose rules: formats of text fields, and each ruled object's fix (valid by construction) and break.

const TWO = (n: number) => String(n).padStart(2, '0');
const timeOfDay = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
const HH_MM = timeOfDay.map(([h, m]) => `${TWO(h)}:${TWO(m)}`);
const DATE = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
// Rates with at most one decimal (ChargingProfile, ChargingProfilePeriod): n/10 prints as such.
const ONE_DECIMAL = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10);
const PERCENTAGE = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
// Decimal degrees: `digits` integer digits at most, and the version's count of decimals, within the
// field's `(n)` (a longitude of 3 digits and 7 decimals with a sign is one character too long).
const degrees = (digits: number, decimals: readonly [number, number], maxLength: number) =>
  fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 10 ** digits - 1 }), fc.integer({ min: 1, max: digits }))
    .chain(([minus, whole, width]) => {
      const prefix = `${minus ? '-' : ''}${String(whole)
        .padStart(width, '0')
        .slice(-Math.max(width, String(whole).length))}`;
      const most = Math.min(decimals[1], maxLength - prefix.length - 1);
      return fc
        .integer({ min: decimals[0], max: Math.max(decimals[0], most) })
        .chain((count) =>
          fc
            .integer({ min: 0, max: 10 ** count - 1 })
            .map((fraction) => `${prefix}.${String(fraction).padStart(count, '0')}`),
        );
    });
const TOKEN = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 64,
});

/** Text (and number) fields whose value the rules give a format to, by `Object.field`, per version. */
function formats(version: SpecVersion): Readonly<Record<string, fc.Arbitrary<Json>>> {
  const decimals: [number, number] = version === '2.2.1' ? [5, 7] : [6, 6];
  const coordinates = { latitude: degrees(2, decimals, 10), longitude: degrees(3, decimals, 11) };
  return {
    'GeoLocation.latitude': coordinates.latitude,
    'GeoLocation.longitude': coordinates.longitude,
    'AdditionalGeoLocation.latitude': coordinates.latitude,
    'AdditionalGeoLocation.longitude': coordinates.longitude,
    'RegularHours.weekday': fc.integer({ min: 1, max: 7 }),
    'RegularHours.period_begin': HH_MM,
    'RegularHours.period_end': HH_MM,
    'TariffRestrictions.start_time': HH_MM,
    'TariffRestrictions.end_time': HH_MM,
    'TariffRestrictions.start_date': DATE,
    'TariffRestrictions.end_date': DATE,
    'EnergySource.percentage': PERCENTAGE,
    ...(version === '2.2.1'
      ? {
          'ChargingProfilePeriod.limit': ONE_DECIMAL,
          'ChargingProfile.min_charging_rate': ONE_DECIMAL,
          'Credentials.token': TOKEN,
        }
      : {}),
  };
}

/** How to make a ruled object valid once its fields have their types, and how to break its rule. */
interface Rule {
  fix: (value: Obj) => Obj;
  break: (value: Obj) => Obj;
}

const SESSION_ONLY = ['CURRENT', 'ENERGY_EXPORT', 'ENERGY_IMPORT', 'POWER', 'STATE_OF_CHARGE'];
const SOME_REGULAR_HOURS = { weekday: 1, period_begin: '08:00', period_end: '18:00' };
const list = (value: Json): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const without = (value: Obj, ...keys: string[]): Obj => {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
};

const coordinateRule: Rule = {
  fix: (value) => value,
  break: (value) => ({ ...value, latitude: '52.1' }),
};

/** The rule of each ruled object, per version: keyed by spec name as the rules tables are. */
function rules(version: SpecVersion, enums: ReadonlyMap<string, EnumModel>): Readonly<Record<string, Rule>> {
  const firstOf = (name: string) => enums.get(name)?.values[0]?.value ?? 'X';
  const otherThan = (name: string, value: string) =>
    enums.get(name)?.values.find((known) => known.value !== value)?.value ?? 'X';
  const common: Record<string, Rule> = {
    GeoLocation: coordinateRule,
    AdditionalGeoLocation: coordinateRule,
    RegularHours: {
      fix: (value) => {
        const [begin, end] = [value.period_begin as string, value.period_end as string].sort();
        return begin === end
          ? { ...value, period_begin: '00:00', period_end: '23:59' }
          : { ...value, period_begin: begin, period_end: end };
      },
      break: (value) => ({ ...value, period_end: value.period_begin }),
    },
    TariffRestrictions: {
      fix: (value) => value,
      break: (value) => ({ ...value, start_time: '24:00' }),
    },
    EnergySource: { fix: (value) => value, break: (value) => ({ ...value, percentage: 100.5 }) },
    EVSE: {
      fix: (value) => {
        const seen = new Set<string>();
        const connectors = list(value.connectors).map((connector, index) => {
          const id = connector.id as string;
          const key = version === '2.2.1' ? id.toUpperCase() : id;
          const unique = seen.has(key) ? { ...connector, id: `c${index}` } : connector;
          seen.add(key);
          return unique;
        });
        return { ...value, connectors };
      },
      break: (value) => {
        const [first] = list(value.connectors);
        const twin = { ...first, id: version === '2.2.1' ? String(first?.id).toLowerCase() : first?.id };
        return { ...value, connectors: [...list(value.connectors), twin] };
      },
    },
  };
  if (version === '2.1.1') {
    // The Location a Session or CDR embeds holds the one EVSE and Connector used: see usedLocation.
    const usedLocation: Rule = {
      fix: (value) => value,
      break: (value) => {
        const location = value.location as Obj;
        return { ...value, location: { ...location, evses: [] } };
      },
    };
    return { ...common, Session: usedLocation, CDR: usedLocation };
  }
  return {
    ...common,
    Hours: {
      fix: (value) =>
        value.twentyfourseven
          ? without(value, 'regular_hours')
          : list(value.regular_hours).length > 0
            ? value
            : { ...without(value, 'regular_hours'), twentyfourseven: true },
      break: (value) => ({ ...value, twentyfourseven: true, regular_hours: [SOME_REGULAR_HOURS] }),
    },
    PublishTokenType: {
      fix: (value) => {
        const fixed = { ...value };
        if (!(fixed.uid || fixed.visual_number || fixed.group_id)) fixed.group_id = 'G1';
        if (fixed.uid && !fixed.type) fixed.type = firstOf('TokenType');
        if (fixed.visual_number && !fixed.issuer) fixed.issuer = 'Issuer';
        return fixed;
      },
      break: () => ({}),
    },
    Location: {
      fix: (value) => (value.publish ? without(value, 'publish_allowed_to') : value),
      break: (value) => ({ ...value, publish: true, publish_allowed_to: [{ group_id: 'G1' }] }),
    },
    CdrDimension: {
      fix: (value) =>
        value.type === 'STATE_OF_CHARGE'
          ? { ...value, volume: Math.abs(value.volume as number) % 101 }
          : value,
      break: (value) => ({ ...value, type: 'STATE_OF_CHARGE', volume: 101 }),
    },
    CDR: {
      fix: (value) => {
        const fixed = { ...value };
        if (fixed.credit && fixed.credit_reference_id === undefined) fixed.credit_reference_id = 'CREDITED-1';
        if (!fixed.credit && (fixed.id as string).length > 36) fixed.id = (fixed.id as string).slice(0, 36);
        fixed.charging_periods = list(fixed.charging_periods).map((period) => ({
          ...period,
          dimensions: list(period.dimensions).map((dimension) =>
            SESSION_ONLY.includes(dimension.type as string) ? { ...dimension, type: 'ENERGY' } : dimension,
          ),
        }));
        return fixed;
      },
      break: (value) => ({ ...without(value, 'credit_reference_id'), credit: true }),
    },
    StartSession: {
      fix: (value) =>
        value.connector_id !== undefined && value.evse_uid === undefined
          ? { ...value, evse_uid: 'EVSE-1' }
          : value,
      break: (value) => ({ ...without(value, 'evse_uid'), connector_id: '1' }),
    },
    Credentials: {
      fix: (value) => {
        const roles = list(value.roles);
        const hub = roles.some(({ role }) => role === 'HUB');
        const seen = new Set<string>();
        const kept = roles
          .map((role) => (hub ? { ...role, role: 'HUB' } : role))
          .filter(({ role, party_id, country_code }) => {
            const key = `${role} ${party_id} ${country_code}`.toUpperCase();
            const first = !seen.has(key);
            seen.add(key);
            return first;
          });
        return { ...value, roles: kept };
      },
      break: (value) => ({ ...value, token: 'with space' }),
    },
    ChargingProfilePeriod: { fix: (value) => value, break: (value) => ({ ...value, limit: 8.15 }) },
    ChargingProfile: { fix: (value) => value, break: (value) => ({ ...value, min_charging_rate: 8.15 }) },
    ActiveChargingProfileResult: {
      fix: (value) =>
        value.result === 'ACCEPTED' && value.profile === undefined
          ? { ...value, result: otherThan('ChargingProfileResultType', 'ACCEPTED') }
          : value,
      break: (value) => ({ ...without(value, 'profile'), result: 'ACCEPTED' }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Primitives.

const asciiChar = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
// Printable code points of several widths: astral ones are two UTF-16 units, one code point.
const unicodeChar = fc.oneof(
  { weight: 4, arbitrary: asciiChar },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'ø', '中', '€', '\u00a0', '\u200b', '😀', '𝄞') },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((char) => [...char].length === 1 && isPrintableUnicode(char)),
  },
);

/**
 * Text of `unit`s (one code point each) of at most `max` of them: mostly short, often exactly `max` (a
 * few drawn units, the last one repeated: drawing hundreds of units one by one would be slow).
 */
function text(unit: fc.Arbitrary<string>, max: number | undefined): fc.Arbitrary<string> {
  if (max === undefined) return fc.string({ unit, maxLength: 16 });
  const full = fc
    .tuple(fc.array(unit, { minLength: 1, maxLength: Math.min(max, 4) }), unit)
    .map(([drawn, fill]) => [...drawn, ...Array<string>(max - drawn.length).fill(fill)].join(''));
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit, maxLength: Math.min(max, 16) }) },
    { weight: 1, arbitrary: full },
  );
}

// A UTC DateTime as OCPI writes it: whole seconds or up to 4 fraction digits, with or without the `Z`.
const DATE_TIME = fc
  .tuple(
    fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 4 }),
    fc.boolean(),
  )
  .map(([date, digits, zulu]) => {
    const iso = date.toISOString();
    return `${iso.slice(0, 19)}${digits > 0 ? `.${iso.slice(20, 23).padEnd(digits, '0').slice(0, digits)}` : ''}${zulu ? 'Z' : ''}`;
  });

const URL_VALUE = fc.oneof(
  fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true }).filter(isOcpiUrl),
  fc.constantFrom('https://example.com/ocpi/2.2.1/', 'http://127.0.0.1:8080/x?y=1'),
);

// Random JSON, small: fc.jsonValue draws long Unicode keys and strings, which is slow for no gain here.
const JSON_VALUE: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    fc.constantFrom(null, true, false, 0, -1, '', 'AB', '2015-06-29T20:39:09Z'),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const NUMBER = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);

// Every code of a list, found by its own predicate over all strings of the width.
function codes(width: 2 | 3, holds: (code: string) => boolean, letters: string): string[] {
  const found: string[] = [];
  const visit = (prefix: string): void => {
    if (prefix.length === width) {
      if (holds(prefix)) found.push(prefix);
      return;
    }
    for (const letter of letters) visit(prefix + letter);
  };
  visit('');
  return found;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = UPPER.toLowerCase();
const ISO_VALUES: Readonly<Record<IsoList, () => fc.Arbitrary<string>>> = {
  'country-alpha-3': () => fc.constantFrom(...codes(3, isCountryAlpha3, UPPER)),
  'country-alpha-2': () => fc.constantFrom(...codes(2, isCountryAlpha2, UPPER + LOWER)),
  currency: () => fc.constantFrom(...codes(3, isCurrency, UPPER)),
  language: () => fc.constantFrom(...codes(2, isLanguage, LOWER)),
};

function primitive(type: PrimitiveTypeRef, version: SpecVersion): fc.Arbitrary<Json> {
  switch (type.name) {
    case 'string':
      return text(version === '2.2.1' ? unicodeChar : asciiChar, type.maxLength);
    case 'CiString':
      return text(asciiChar, type.maxLength);
    case 'DateTime':
      return DATE_TIME;
    case 'URL':
      return URL_VALUE;
    case 'number':
    case 'decimal':
      return NUMBER;
    case 'int': {
      if (type.maxLength === undefined) return fc.oneof(fc.integer(), fc.maxSafeInteger());
      const limit = 10 ** type.maxLength - 1;
      return fc.integer({ min: -limit, max: limit });
    }
    case 'boolean':
      return fc.boolean();
  }
}

// ---------------------------------------------------------------------------------------------------
// One version's arbitraries.

/** What a place inside a value is, as the model says. */
export interface Place {
  path: Path;
  /** The object that holds the place (the object itself for an object place). */
  owner: string;
  /** The field at this place; none for an object place. */
  field?: FieldModel;
  /** A list element of `field` rather than the field itself. */
  item?: boolean;
}

/** One input of a test case, labelled with how it was made. */
export interface Case {
  value: Json;
  /** `valid`, `random`, or the mutation and where it applied. */
  label: string;
}

/** The arbitraries of one OCPI version. */
export interface VersionArbitraries {
  version: SpecVersion;
  /** Every object and class of the version, by spec name. */
  objectNames: readonly string[];
  /** The spec names of the objects with prose rules (the rules the arbitraries make hold). */
  ruledNames: readonly string[];
  /** Valid values of an object: every field's type and rule respected, optional fields present or not. */
  valid(name: string): fc.Arbitrary<Obj>;
  /** A valid value with one mutation at any depth, tolerated by lenient parsing or breaking. */
  mutated(name: string): fc.Arbitrary<Case>;
  /** Random JSON: any value, or an object with the object's field names and random values. */
  random(name: string): fc.Arbitrary<Case>;
  /**
   * A valid value, `count` single mutations of it and one random JSON value: `count + 2` cases for the
   * price of one valid value (drawing values is what a property over these cases spends most time on).
   */
  family(name: string, count: number): fc.Arbitrary<Case[]>;
  /** Valid, mutated and random cases, most of them mutated. */
  cases(name: string): fc.Arbitrary<Case>;
  /** Every place of a value of object `name`, as the model reads it. */
  places(name: string, value: Json): Place[];
}

const cache = new Map<SpecVersion, VersionArbitraries>();

/** The arbitraries of OCPI `version`, made once per test file from the model. */
export function specArbitraries(version: SpecVersion): VersionArbitraries {
  const made = cache.get(version) ?? makeArbitraries(specModel().versions[version]);
  cache.set(version, made);
  return made;
}

function makeArbitraries(model: VersionModel): VersionArbitraries {
  const version = model.version;
  const definitions = collectDefinitions(model);
  const objects = new Map<string, ObjectModel>();
  const enums = new Map<string, EnumModel>();
  for (const definition of definitions) {
    if (definition.kind === 'object') objects.set(definition.model.name, definition.model);
    else enums.set(definition.model.name, definition.model);
  }
  const overrides = overridesFor(version);
  const isoFields = isoFieldsFor(version);
  const formatOf = formats(version);
  const ruleOf = rules(version, enums);
  const objectOf = (name: string): ObjectModel => {
    const object = objects.get(name);
    if (!object) throw new Error(`${version}: no object ${name}`);
    return object;
  };

  // One value of a field's type (a list element, for a list field).
  const single = (owner: string, field: FieldModel, depth: number): fc.Arbitrary<Json> => {
    const formatted = formatOf[`${owner}.${field.name}`];
    if (formatted) return formatted;
    const iso = isoFields.of(owner, field.name);
    if (iso) return ISO_VALUES[iso.list]();
    const type = field.type;
    if (overrides.of(owner, field.name)) {
      const known = type.kind === 'ref' ? (enums.get(type.name)?.values.map(({ value }) => value) ?? []) : [];
      return fc.oneof(fc.constantFrom(...known), text(unicodeChar, undefined));
    }
    if (version === '2.1.1' && field.name === 'location' && (owner === 'Session' || owner === 'CDR')) {
      // 2.1.1 embeds the whole Location, holding only the EVSE and the Connector used.
      return fc
        .tuple(valid('Location', depth + 1), valid('EVSE', depth + 2), valid('Connector', depth + 3))
        .map(([location, evse, connector]) => ({
          ...location,
          evses: [{ ...evse, connectors: [connector] }],
        }));
    }
    if (type.kind === 'primitive') return primitive(type, version);
    if (type.kind === 'unparsed') throw new Error(`${owner}.${field.name}: unparsed type ${type.text}`);
    const values = enums.get(type.name)?.values;
    if (values) return fc.constantFrom(...values.map(({ value }) => value));
    return valid(type.name, depth + 1);
  };

  // A field's value, cardinality included.
  const fieldValue = (
    owner: string,
    field: FieldModel,
    depth: number,
    chosen = false,
  ): fc.Arbitrary<Json> => {
    const cardinality = effectiveCardinality(field);
    const item = single(owner, field, depth);
    if (cardinality !== '*' && cardinality !== '+') {
      return chosen && field.type.kind === 'primitive' && field.type.name === 'boolean'
        ? fc.constant(true)
        : item;
    }
    const minLength = cardinality === '+' || chosen ? 1 : 0;
    // Lists shorter deeper down: a 2.2.1 CDR holds Tariffs holding elements holding price components.
    return fc.array(item, { minLength, maxLength: Math.max(minLength, 3 - depth) });
  };

  const validCache = new Map<string, fc.Arbitrary<Obj>>();
  function valid(name: string, depth = 0): fc.Arbitrary<Obj> {
    const key = `${name}@${Math.min(depth, 3)}`;
    const known = validCache.get(key);
    if (known) return known;
    const object = objectOf(name);
    const groups = choiceGroups(object);
    const inGroup = new Set(groups.flat());
    // Each choice group: one field chosen (true, or a list with entries), the others left out or not chosen.
    const choices = groups.map((group) =>
      fc.constantFrom(...group).chain((chosenName) =>
        fc.tuple(
          ...group.map((fieldName) => {
            const field = object.fields.find(({ name: n }) => n === fieldName) as FieldModel;
            if (fieldName === chosenName)
              return fieldValue(name, field, depth, true).map((v) => [fieldName, v]);
            const cardinality = effectiveCardinality(field);
            const unchosen: fc.Arbitrary<Json> =
              cardinality === '*' || cardinality === '+'
                ? fc.constantFrom(undefined, [])
                : fc.constantFrom(undefined, false);
            return unchosen.map((v) => [fieldName, v]);
          }),
        ),
      ),
    );
    const shape: Record<string, fc.Arbitrary<Json>> = {};
    const required: string[] = [];
    for (const field of object.fields) {
      if (inGroup.has(field.name)) continue;
      shape[field.name] = fieldValue(name, field, depth);
      const cardinality = effectiveCardinality(field);
      if (cardinality === '1' || cardinality === '+') required.push(field.name);
    }
    const rule = ruleOf[name];
    const made = fc
      .tuple(fc.record(shape, { requiredKeys: required }), ...choices)
      .map(([record, ...chosen]) => {
        const value: Obj = { ...record };
        for (const pairs of chosen as [string, Json][][]) {
          for (const [fieldName, v] of pairs) if (v !== undefined) value[fieldName] = v;
        }
        return rule ? rule.fix(value) : value;
      });
    validCache.set(key, made);
    return made;
  }

  function places(name: string, value: Json, path: Path = []): Place[] {
    const found: Place[] = [{ path, owner: name }];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return found;
    for (const field of objectOf(name).fields) {
      const at = [...path, field.name];
      found.push({ path: at, owner: name, field });
      const inner = (value as Obj)[field.name];
      const refObject =
        field.type.kind === 'ref' && objects.has(field.type.name) ? field.type.name : undefined;
      if (Array.isArray(inner)) {
        inner.forEach((element, index) => {
          found.push({ path: [...at, index], owner: name, field, item: true });
          if (refObject) found.push(...places(refObject, element, [...at, index]));
        });
      } else if (refObject && inner !== undefined) {
        found.push(...places(refObject, inner, at));
      }
    }
    return found;
  }

  // Every mutation that applies somewhere in `value`, by kind: a kind is drawn first, then one of its
  // places, so that a kind that fits few places (a broken prose rule, an offset timestamp) is drawn as
  // often as one that fits every field.
  function mutationsOf(name: string, value: Obj, count: number): fc.Arbitrary<Case[]> {
    const byKind = new Map<string, { place: Place; change: Change }[]>();
    for (const place of places(name, value)) {
      for (const { label, change } of mutationsAt(
        place,
        valueAt(value, place.path),
        enums,
        isoFields,
        ruleOf,
        version,
      )) {
        const kind = byKind.get(label) ?? [];
        kind.push({ place, change });
        byKind.set(label, kind);
      }
    }
    // Half the time at the object's own fields (or itself) when the kind fits one: the objects inside
    // it are main objects of their own too, and a deep place would otherwise be drawn most often.
    const one = fc.constantFrom(...byKind.keys()).chain((label) => {
      const all = byKind.get(label) ?? [];
      const own = all.filter(({ place }) => place.path.length <= 1);
      const where =
        own.length > 0 ? fc.oneof(fc.constantFrom(...own), fc.constantFrom(...all)) : fc.constantFrom(...all);
      return where.map(({ place, change }) => ({
        value: changeAt(value, place.path, change),
        label: `${label} at ${place.path.join('.') || name}`,
      }));
    });
    return fc.array(one, { minLength: count, maxLength: count });
  }

  function mutated(name: string): fc.Arbitrary<Case> {
    return valid(name).chain((value) => mutationsOf(name, value, 1).map(([only]) => only as Case));
  }

  function family(name: string, count: number): fc.Arbitrary<Case[]> {
    return fc
      .tuple(
        valid(name).chain((value) =>
          mutationsOf(name, value, count).map((changed): Case[] => [{ value, label: 'valid' }, ...changed]),
        ),
        random(name),
      )
      .map(([related, other]) => [...related, other]);
  }

  function random(name: string): fc.Arbitrary<Case> {
    const fieldNames = objectOf(name).fields.map(({ name: field }) => field);
    return fc.oneof(
      JSON_VALUE.map((value) => ({ value, label: 'random JSON' })),
      fc
        .dictionary(fc.constantFrom(...fieldNames), JSON_VALUE, { maxKeys: fieldNames.length })
        .map((value) => ({ value, label: 'random JSON with the field names' })),
    );
  }

  function cases(name: string): fc.Arbitrary<Case> {
    return fc.oneof(
      { weight: 3, arbitrary: valid(name).map((value): Case => ({ value, label: 'valid' })) },
      { weight: 6, arbitrary: mutated(name) },
      { weight: 1, arbitrary: random(name) },
    );
  }

  return {
    version,
    objectNames: [...objects.keys()],
    ruledNames: Object.keys(ruleOf),
    valid: (name) => valid(name),
    mutated,
    random,
    cases,
    family,
    places: (name, value) => places(name, value),
  };
}

// ---------------------------------------------------------------------------------------------------
// Mutations.

/** A new value for a place; `undefined` drops the field (or list element). */
type Change = (value: Json) => Json;

const DROP: Change = () => undefined;

function mutationsAt(
  place: Place,
  value: Json,
  enums: ReadonlyMap<string, EnumModel>,
  isoFields: ReturnType<typeof isoFieldsFor>,
  ruleOf: Readonly<Record<string, Rule>>,
  version: SpecVersion,
): { label: string; change: Change }[] {
  const found: { label: string; change: Change }[] = [];
  const add = (label: string, change: Change) => found.push({ label, change });
  const { field } = place;
  const isObjectPlace = typeof value === 'object' && value !== null && !Array.isArray(value);
  // Tolerated deviations.
  if (field && !place.item) {
    add('null', () => null);
    const cardinality = effectiveCardinality(field);
    add(cardinality === '1' || cardinality === '+' ? 'missing required' : 'left out', DROP);
    if (cardinality === '+') add('empty required list', () => []);
    if (cardinality === '*') add('empty list', () => []);
    if (Array.isArray(value)) add('object where list', () => ({ 0: value[0] }));
  }
  if (place.item) {
    add('null item', () => null);
    add('item left out', DROP);
  }
  if (isObjectPlace && !field) {
    add('unknown field', (v) => ({ ...(v as Obj), x_vendor_extension: { any: [1, 'two'] } }));
    add('unknown null field', (v) => ({ ...(v as Obj), x_vendor_extension: null }));
    add('list where object', (v) => [v]);
    add('string where object', () => 'object');
    const ruled = ruleOf[place.owner];
    if (ruled) add('broken prose rule', (v) => ruled.break(v as Obj));
  }
  if (field && !isObjectPlace && !Array.isArray(value)) {
    const type = field.type;
    const iso = isoFields.of(place.owner, field.name);
    if (typeof value === 'string') {
      add('number where string', () => 42);
      add('boolean where string', () => true);
      add('non-printable string', (v) => `${v}\u0007`);
      add('line break', (v) => `${v}\n`);
      add('lone surrogate', (v) => `${v}\ud800`);
      if (version === '2.1.1' || (type.kind === 'primitive' && type.name === 'CiString')) {
        add('non-ASCII string', (v) => `${v}é`);
      }
      add('empty string', () => '');
      add('upper-cased', (v) => (v as string).toUpperCase());
      add('lower-cased', (v) => (v as string).toLowerCase());
    }
    if (type.kind === 'primitive') {
      const max = type.maxLength;
      if ((type.name === 'string' || type.name === 'CiString') && max !== undefined) {
        add('over-long string', () => 'x'.repeat(max + 1));
        add('long astral string', () => '😀'.repeat(max));
        add('over-long astral string', () => '😀'.repeat(max + 1));
        add('string at its limit', () => 'y'.repeat(max));
      }
      if (type.name === 'DateTime') {
        add('offset timestamp', (v) => `${String(v).slice(0, 19)}+02:00`);
        add('zero offset timestamp', (v) => `${String(v).slice(0, 19)}+00:00`);
        add('lower-case z', (v) => `${String(v).slice(0, 19)}z`);
        add('space separator', (v) => String(v).replace('T', ' '));
        add('microseconds', (v) => `${String(v).slice(0, 19)}.123456Z`);
        add('date only', (v) => String(v).slice(0, 10));
        add('impossible date', () => '2023-02-29T10:00:00Z');
      }
      if (type.name === 'URL') {
        add('bad URL', () => 'not a url');
        add('relative URL', () => '/ocpi/versions');
        add('over-long URL', () => `https://example.com/${'p'.repeat(240)}`);
      }
      if (type.name === 'int' || type.name === 'number' || type.name === 'decimal') {
        add('string where number', (v) => String(v));
        add('fractional', (v) => (v as number) + 0.5);
        add('huge', () => 1e21);
        add('negative', (v) => -(v as number) - 1);
        const digits = type.maxLength;
        if (digits !== undefined) add('too many digits', () => 10 ** digits);
      }
      if (type.name === 'boolean') add('string where boolean', (v) => String(v));
    }
    if (type.kind === 'ref' && enums.has(type.name)) {
      add('unknown enum string', () => 'NOT_A_KNOWN_VALUE');
      add('lower-case enum', (v) => String(v).toLowerCase());
      add('number where enum', () => 7);
    }
    if (iso) {
      add('bad country code', () => (iso.list === 'country-alpha-2' ? 'N1' : 'XXX'));
      add('lower-case code', (v) => String(v).toLowerCase());
      add('unassigned code', () => (iso.list === 'language' ? 'qq' : 'QQQ'.slice(0, String(value).length)));
    }
  }
  add('random JSON', () => RANDOM_REPLACEMENTS[found.length % RANDOM_REPLACEMENTS.length]);
  return found;
}

const RANDOM_REPLACEMENTS: readonly Json[] = [0, -1, 1.5, '', 'text', true, false, [], {}, [null], { a: 1 }];

/** The value at `path` inside `value`. */
export function valueAt(value: Json, path: Path): Json {
  let at = value;
  for (const step of path) at = (at as Record<string | number, Json> | undefined)?.[step];
  return at;
}

/** A copy of `value` with `change` applied at `path` (undefined drops the field or element). */
export function changeAt(value: Json, path: Path, change: Change): Json {
  if (path.length === 0) return change(value);
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = changeAt(copy[step as number], rest, change);
    if (next === undefined) copy.splice(step as number, 1);
    else copy[step as number] = next;
    return copy;
  }
  const copy: Obj = { ...(value as Obj) };
  const next = changeAt(copy[step], rest, change);
  if (next === undefined) delete copy[step];
  else copy[step] = next;
  return copy;
}
