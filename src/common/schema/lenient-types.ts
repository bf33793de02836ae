import type { UnknownFields, ValidationMode } from './parse';

// A closed set of strings opened to any string, the known ones still offered by an editor's completion
// (the `string & {}` half keeps them from being absorbed into `string`). The same type as type-fest's
// `LiteralUnion<Known, string>`, written here because a declaration that imports type-fest makes a
// user's `tsc` read and, without `skipLibCheck`, check all of type-fest (about 5 s more).
type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

type Primitive = string | number | bigint | boolean | symbol | null | undefined;

/**
 * What a lenient read can return for a spec type `T`: the same shape, with every closed set of strings
 * (an enum such as `ParkingType`, `Capability` or an EVSE's `status`) opened to any string, at every
 * depth, since lenient mode keeps an unknown enum value and reports it instead of failing. The known
 * values still complete in an editor (as with type-fest's `LiteralUnion`); free strings, numbers, booleans and
 * which fields are optional stay as in `T`.
 *
 * @example
 * const result = parsePayload(LocationSchema, body, { mode: 'lenient', subject: 'Location' });
 * if (result.success) {
 *   const parking: Lenient<Location>['parking_type'] = result.data.parking_type; // may be 'VALET_PARKING'
 * }
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc
 */
export type Lenient<T> = {
  // `undefined` set aside, so that a closed union is seen whole, and put back where the field allows it.
  [Field in keyof T]: LenientValue<Exclude<T[Field], undefined>> | Extract<T[Field], undefined>;
};

// A closed string union opens; objects and arrays open inside; anything else stays.
type LenientValue<V> = [V] extends [string]
  ? string extends V
    ? V
    : OpenEnum<V>
  : V extends readonly (infer Item)[]
    ? LenientValue<Item>[]
    : V extends object
      ? Lenient<V>
      : V;

/**
 * What a read with `unknownFields: 'keep'` returns for a spec type `T`: `T`, and at every object level
 * any further field a partner sent (an extension the spec leaves room for, such as `x_vendor_id`), typed
 * `unknown` until the user checks it.
 *
 * @example
 * const result = parsePayload(LocationSchema, body, { mode: 'strict', subject: 'Location', unknownFields: 'keep' });
 * if (result.success) console.log(result.data.x_vendor_id); // unknown
 */
export type WithExtensions<T> = { [Field in keyof T]: WithExtensionsValue<T[Field]> } & {
  [field: string]: unknown;
};

// Strings (open ones included: `string & {}` is an object to `extends`) and other primitives stay.
type WithExtensionsValue<V> = V extends Primitive
  ? V
  : V extends readonly (infer Item)[]
    ? WithExtensionsValue<Item>[]
    : V extends object
      ? WithExtensions<V>
      : V;

/** How closely a read is checked: a {@link ValidationMode}, or `off` (trust the partner, fastest). */
export type ValidationSetting = ValidationMode | 'off';

// The type of what a read gives back for the spec type `T` under a validation setting and an
// `unknownFields` setting. A union of settings (a setting only known at run time) gives the widest
// type any of them can return; `off` checks nothing and types the data as the user asserts it, `T`.
export type ResultOf<
  T,
  Mode extends ValidationSetting,
  Unknown extends UnknownFields,
> = 'keep' extends Unknown
  ? 'lenient' extends Mode
    ? WithExtensions<Lenient<T>>
    : WithExtensions<T>
  : 'lenient' extends Mode
    ? Lenient<T>
    : T;

/**
 * The type of the data that `parsePayload` and `parseList` give back for the spec type `T` under
 * `Options`: `T` in strict mode (unknown fields stripped or rejected), {@link WithExtensions} of it with
 * `unknownFields: 'keep'`, {@link Lenient} of it in lenient mode, and both for lenient with `keep`.
 *
 * @example
 * type Read = ParsedAs<Location, { mode: 'lenient'; subject: string }>; // Lenient<Location>
 */
export type ParsedAs<
  T,
  Options extends { mode: 'strict' | 'lenient'; unknownFields?: UnknownFields | undefined },
> = ResultOf<T, Options['mode'], UnknownFieldsOf<Options>>;

// The `unknownFields` an options type may carry; `strip` (the default) where it has none.
type UnknownFieldsOf<Options extends { unknownFields?: UnknownFields | undefined }> =
  'unknownFields' extends keyof Options
    ? [Exclude<Options['unknownFields'], undefined>] extends [never]
      ? 'strip'
      : Exclude<Options['unknownFields'], undefined>
    : 'strip';
