// Payload helpers for the 2.2.1 module tests: valid objects read from the spec examples, copies of them
// with one change at a JSON path, and short ways to read what strict and lenient parsing say.
import { type LenientIssue, parseList, parsePayload, type UnknownFields } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { fromSpec, readExample221 } from './spec';

type Segment = string | number;
type Container = Record<Segment, unknown>;

/** Splits a path written as the issues write it (`evses[1].connectors[0].standard`) into keys and indexes. */
export function segmentsOf(path: string): Segment[] {
  if (path === '') return [];
  const segments: Segment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    segments.push(match[1] === undefined ? (match[2] as string) : Number(match[1]));
  }
  return segments;
}

/** The value at `path` inside `input`; throws when the path leads nowhere, so a typo cannot pass. */
export function valueAt(input: unknown, path: string): unknown {
  let value = input;
  for (const segment of segmentsOf(path)) {
    if (typeof value !== 'object' || value === null || !(segment in value)) {
      throw new Error(`Nothing at ${path} (stopped at ${String(segment)})`);
    }
    value = (value as Container)[segment];
  }
  return value;
}

/** True when the object holding the last segment of `path` has that field (even as `undefined`). */
export function hasField(input: unknown, path: string): boolean {
  const [parent, key] = parentOf(input, path);
  return Object.hasOwn(parent, key);
}

function parentOf(root: unknown, path: string): [Container, Segment] {
  const segments = segmentsOf(path);
  const last = segments.pop();
  if (last === undefined) throw new Error('A change needs a path below the root');
  let parent = root;
  for (const segment of segments) {
    parent = (parent as Container | undefined)?.[segment];
  }
  if (typeof parent !== 'object' || parent === null) throw new Error(`No object to change at ${path}`);
  return [parent as Container, last];
}

/** A deep copy of `base` with `value` at `path` (added when the field was absent). `base` is untouched. */
export function withValue(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base);
  const [parent, key] = parentOf(copy, path);
  parent[key] = value;
  return copy;
}

/** A deep copy of `base` without the field at `path`, which must be there. */
export function without(base: unknown, path: string): unknown {
  const copy = structuredClone(base);
  const [parent, key] = parentOf(copy, path);
  if (!(key in parent)) throw new Error(`Nothing to remove at ${path}`);
  delete parent[key];
  return copy;
}

/**
 * A deep copy of `base` without what lenient mode drops at `place`: the field, or the list element
 * (later elements move up, as in the parsed data).
 */
export function withoutPlace(base: unknown, place: string): unknown {
  const copy = structuredClone(base);
  const [parent, key] = parentOf(copy, place);
  if (!(key in parent)) throw new Error(`Nothing to remove at ${place}`);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
  return copy;
}

/**
 * What lenient mode reports when it drops `place` (an optional field, or an element of an optional
 * list) around a broken value at `path` whose own issue says `cause`.
 */
export function droppedPlace(
  place: string,
  path: string,
  cause: string,
): Pick<LenientIssue, 'path' | 'action' | 'message'> {
  if (!path.startsWith(place)) throw new Error(`${place} does not hold ${path}`);
  const inside = path.slice(place.length).replace(/^\./, '');
  const what = place.endsWith(']') ? 'list element' : 'optional field';
  return {
    path: place,
    action: 'dropped',
    message: `${inside ? `${inside}: ` : ''}${cause} (${what} dropped)`,
  };
}

/** What a null in a required field says, from what its absence says (`required string is missing`). */
export function receivedNull(missingMessage: string): string {
  const type = /^required (.+) is missing$/.exec(missingMessage)?.[1];
  if (type === undefined) throw new Error(`Not a missing-field message: ${missingMessage}`);
  return `expected ${type}, received null`;
}

/**
 * A spec example parsed strictly with `schema` (after taking `key`, for fragments): the valid object
 * the mutation tests start from. Throws, naming the issues, when the example does not parse.
 */
export function exampleOf<S extends z.ZodMiniType>(schema: S, file: string, key?: string): z.output<S> {
  const raw = readExample221(file);
  const value = key === undefined ? raw : (raw as Container)[key];
  const result = parsePayload(schema, value, { mode: 'strict', subject: file });
  if (!result.success) throw result.error;
  return result.data;
}

/** {@link exampleOf}, read when a test first calls the returned function (so no spec is needed to load a file). */
export function lazyExample<S extends z.ZodMiniType>(
  schema: S,
  file: string,
  key?: string,
): () => z.output<S> {
  return fromSpec(() => exampleOf(schema, file, key));
}

/**
 * A value, or a function that returns it when a test runs: how a spec example is handed to the shared
 * describe blocks without reading it while the tests are collected. Payloads are JSON, never functions.
 */
export type Lazy<T> = T | (() => T);

export function resolveLazy<T>(lazy: Lazy<T>): T {
  return typeof lazy === 'function' ? (lazy as () => T)() : lazy;
}

/**
 * The issues of a conformance check: a strict parse that also refuses fields the spec does not define
 * (`unknownFields: 'reject'`), as path and message; `[]` when the input is valid (a null read as
 * absent is no failure: see {@link strictData}).
 */
export function strictIssues(schema: z.ZodMiniType, input: unknown): { path: string; message: string }[] {
  const result = parsePayload(schema, input, { mode: 'strict', subject: 'payload', unknownFields: 'reject' });
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

type Tolerated = Pick<LenientIssue, 'path' | 'action' | 'message'>;

/** A parse that must succeed: its data, and what it tolerated as path, action and message. */
function parsedData(
  schema: z.ZodMiniType,
  input: unknown,
  mode: 'strict' | 'lenient',
  unknownFields?: UnknownFields,
): { data: unknown; issues: Tolerated[] } {
  const result = parsePayload(schema, input, { mode, subject: 'payload', unknownFields });
  if (!result.success) throw result.error;
  const issues = result.issues.map(({ path, action, message }) => ({ path, action, message }));
  return { data: result.data, issues };
}

/** A strict parse (unknown fields as `unknownFields` says, default `strip`) that must succeed. */
export function strictData(
  schema: z.ZodMiniType,
  input: unknown,
  unknownFields?: UnknownFields,
): { data: unknown; issues: Tolerated[] } {
  return parsedData(schema, input, 'strict', unknownFields);
}

/** A lenient parse that must succeed: its data, and what it tolerated as path, action and message. */
export function lenientData(
  schema: z.ZodMiniType,
  input: unknown,
  unknownFields?: UnknownFields,
): { data: unknown; issues: Tolerated[] } {
  return parsedData(schema, input, 'lenient', unknownFields);
}

/** The issues of a lenient parse that must fail, as path and message. */
export function lenientFailure(
  schema: z.ZodMiniType,
  input: unknown,
  unknownFields?: UnknownFields,
): { path: string; message: string }[] {
  const result = parsePayload(schema, input, { mode: 'lenient', subject: 'payload', unknownFields });
  if (result.success) throw new Error(`Lenient parsing accepted it, with ${JSON.stringify(result.issues)}`);
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

/** What every issue about an enum says: the allowed values, the first twelve of them. */
export function enumMessage(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return `must be one of ${shown.join(', ')}${values.length > 12 ? ', ...' : ''}`;
}

/** What an issue about a missing enum field says: that it is missing, and its first twelve values. */
export function missingEnumMessage(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return `required field is missing (one of ${shown.join(', ')}${values.length > 12 ? ', ...' : ''})`;
}

export const tooLongMessage = (max: number) => `must have at most ${max} characters`;

/** What an issue about a value that is not an OCPI DateTime says. */
export const NOT_UTC = 'must be a UTC timestamp like 2015-06-29T20:39:09Z (no offset, at most 25 characters)';

/** The mutations every module's main object goes through, each naming a field of a valid payload. */
export interface MutationCases {
  /** The object's name, for test titles and list subjects. */
  name: string;
  schema: z.ZodMiniType;
  /** A valid payload, or a function returning it (see {@link Lazy}); never changed, each case works on a copy. */
  valid: Lazy<unknown>;
  /** A required field that is not an enum, and what its absence says (`required string is missing`). */
  missing: { path: string; message: string };
  /** A string field and its length limit in the spec; `make` builds a valid value of a given length. */
  tooLong: { path: string; max: number; make?: (length: number) => string };
  /** An enum field, the values the spec lists for it, and whether the field is required (not a list item). */
  badEnum: { path: string; values: readonly string[]; required: boolean };
  /** A DateTime field: the same instant with a +02:00 offset, and in UTC. None for objects without. */
  timestamp?: { path: string; withOffset: string; utc: string };
  /** A value of the wrong JSON type, not in an enum field, and what it says. */
  wrongType: { path: string; value: unknown; message: string };
  /** An optional field that is not an enum: a null there reads as absent in both modes. */
  nullOptional?: { path: string };
  /** The object an unknown field is added to ('' for the payload itself). */
  unknownFieldIn: string;
  /** Where the payload's own identifier is (`id`, `uid`), for the list tests; none for objects without. */
  idPath?: string;
  /**
   * What lenient mode leaves out when the value at each case's path is broken beyond keeping: the
   * nearest optional field or element of an optional list around it (`evses[1]` for `evses[1].uid`),
   * or the field itself when it is optional. A case not named has nothing optional around it: its
   * object fails in lenient mode too.
   */
  lenientDrops?: {
    missing?: LenientDrop;
    badEnum?: LenientDrop;
    timestamp?: LenientDrop;
    wrongType?: LenientDrop;
  };
  /**
   * A required field with nothing optional around it (`id`, `last_updated`), and what its absence says:
   * what fails in lenient mode too when `missing` is dropped there. Needed with `lenientDrops.missing`.
   */
  fatal?: { path: string; message: string };
}

/**
 * The place lenient mode drops around a broken value; with `alsoReported`, what else is reported once
 * it is gone (a prose rule about what is left, kept as it is).
 */
export type LenientDrop = string | { place: string; alsoReported: Tolerated[] };

const UNKNOWN_VALUE = 'NOT_IN_THE_SPEC';
const EXTRA = 'x_vendor_extension';

/**
 * The strict, lenient and list behaviour every module object must show, as one describe block: each
 * mutation fails strictly with its exact path and message, an unknown field is left out, kept or
 * refused as asked in both modes, lenient parsing keeps, drops or normalises what it may (up to the
 * nearest optional place around a broken value) and still fails on the rest, and a list with one
 * broken item keeps the others.
 */
export function describeMutations(cases: MutationCases): void {
  const { name, schema, missing, tooLong, badEnum, timestamp, wrongType, nullOptional } = cases;
  const drops = cases.lenientDrops ?? {};
  const valid = () => resolveLazy(cases.valid);
  const extraPath = cases.unknownFieldIn === '' ? EXTRA : `${cases.unknownFieldIn}.${EXTRA}`;
  const ofLength = tooLong.make ?? ((length: number) => 'A'.repeat(length));
  const notADate = 'yesterday at noon';
  // The required field whose loss fails the object in lenient mode too.
  const fatal = drops.missing === undefined ? missing : cases.fatal;
  if (fatal === undefined) throw new Error(`${name}: lenientDrops.missing needs a fatal field`);

  /**
   * A broken value at `path` (its issue saying `cause`) in lenient mode: the data without the place
   * dropped around it and that place reported, or, with nothing optional around it, a failure naming it.
   */
  const expectLenient = (input: unknown, path: string, cause: string, drop: LenientDrop | undefined) => {
    if (drop === undefined) {
      expect(lenientFailure(schema, input)).toEqual([{ path, message: cause }]);
      return;
    }
    const { place, alsoReported } = typeof drop === 'string' ? { place: drop, alsoReported: [] } : drop;
    expect(lenientData(schema, input)).toEqual({
      data: withoutPlace(valid(), place),
      issues: [droppedPlace(place, path, cause), ...alsoReported],
    });
  };
  const failsOrDrops = (drop: LenientDrop | undefined) =>
    drop === undefined ? 'still fails' : `drops ${typeof drop === 'string' ? drop : drop.place}`;

  describe(`${name}: strict parsing of mutated payloads`, () => {
    it('accepts the valid payload as it is, with no issues', () => {
      expect(parsePayload(schema, valid(), { mode: 'strict', subject: name })).toEqual({
        success: true,
        data: valid(),
        issues: [],
      });
    });

    it(`refuses a missing required ${missing.path}`, () => {
      expect(strictIssues(schema, without(valid(), missing.path))).toEqual([missing]);
    });

    it(`refuses a null ${missing.path}, which is required, naming the null`, () => {
      expect(strictIssues(schema, withValue(valid(), missing.path, null))).toEqual([
        { path: missing.path, message: receivedNull(missing.message) },
      ]);
    });

    it(`accepts ${tooLong.path} of ${tooLong.max} characters and refuses ${tooLong.max + 1}`, () => {
      expect(ofLength(tooLong.max)).toHaveLength(tooLong.max);
      expect(strictIssues(schema, withValue(valid(), tooLong.path, ofLength(tooLong.max)))).toEqual([]);
      expect(strictIssues(schema, withValue(valid(), tooLong.path, ofLength(tooLong.max + 1)))).toEqual([
        { path: tooLong.path, message: tooLongMessage(tooLong.max) },
      ]);
    });

    it(`refuses a value of ${badEnum.path} that the spec does not list, naming the allowed ones`, () => {
      expect(strictIssues(schema, withValue(valid(), badEnum.path, UNKNOWN_VALUE))).toEqual([
        { path: badEnum.path, message: enumMessage(badEnum.values) },
      ]);
    });

    it(`refuses a number in ${badEnum.path}, where a value's name belongs`, () => {
      expect(strictIssues(schema, withValue(valid(), badEnum.path, 42))).toEqual([
        { path: badEnum.path, message: enumMessage(badEnum.values) },
      ]);
    });

    if (timestamp) {
      it(`refuses ${timestamp.path} with a +02:00 offset and one that is not a date`, () => {
        expect(strictIssues(schema, withValue(valid(), timestamp.path, timestamp.withOffset))).toEqual([
          { path: timestamp.path, message: NOT_UTC },
        ]);
        expect(strictIssues(schema, withValue(valid(), timestamp.path, notADate))).toEqual([
          { path: timestamp.path, message: NOT_UTC },
        ]);
      });
    }

    it(`refuses a value of the wrong type at ${wrongType.path}`, () => {
      expect(strictIssues(schema, withValue(valid(), wrongType.path, wrongType.value))).toEqual([
        { path: wrongType.path, message: wrongType.message },
      ]);
    });

    it(`refuses an unknown field in ${cases.unknownFieldIn || 'the payload'} when asked to (unknownFields: 'reject')`, () => {
      expect(strictIssues(schema, withValue(valid(), extraPath, 1))).toEqual([
        { path: extraPath, message: 'unknown field' },
      ]);
    });

    it(`by default leaves an unknown field in ${cases.unknownFieldIn || 'the payload'} out of the data and reports it`, () => {
      const input = withValue(valid(), extraPath, 1);
      expect(parsePayload(schema, input, { mode: 'strict', subject: name })).toEqual({
        success: true,
        data: valid(),
        issues: [
          {
            path: extraPath,
            segments: segmentsOf(extraPath),
            code: 'unrecognized_keys',
            message: 'unknown field dropped',
            fatal: false,
            action: 'dropped',
          },
        ],
      });
      expect(hasField(strictData(schema, input).data, extraPath)).toBe(false);
    });

    it(`keeps an unknown field in ${cases.unknownFieldIn || 'the payload'} on the data, unreported, when asked to (unknownFields: 'keep')`, () => {
      const input = withValue(valid(), extraPath, { any: 'thing' });
      expect(strictData(schema, input, 'keep')).toEqual({ data: input, issues: [] });
    });

    if (nullOptional) {
      it(`reads a null ${nullOptional.path} as absent and reports it`, () => {
        const { data, issues } = strictData(schema, withValue(valid(), nullOptional.path, null));
        expect(hasField(data, nullOptional.path)).toBe(false);
        expect(data).toEqual(
          hasField(valid(), nullOptional.path) ? without(valid(), nullOptional.path) : valid(),
        );
        expect(issues).toEqual([
          { path: nullOptional.path, action: 'dropped', message: 'null read as absent' },
        ]);
      });
    }

    it('reports every issue of a payload at once, and names the object in the error message', () => {
      const input = withValue(withValue(valid(), badEnum.path, UNKNOWN_VALUE), extraPath, 1);
      const result = parsePayload(schema, input, { mode: 'strict', subject: name, unknownFields: 'reject' });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((issue) => issue.path).sort()).toEqual([badEnum.path, extraPath].sort());
      expect(result.error.message.startsWith(`Invalid ${name}: 2 fatal issues (`)).toBe(true);
    });

    it('fails on what the spec does not allow and still reports the unknown field it left out', () => {
      const input = withValue(withValue(valid(), badEnum.path, UNKNOWN_VALUE), extraPath, 1);
      const result = parsePayload(schema, input, { mode: 'strict', subject: name });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map(({ path, fatal }) => ({ path, fatal }))).toEqual([
        { path: badEnum.path, fatal: true },
        { path: extraPath, fatal: false },
      ]);
      expect(result.error.message.startsWith(`Invalid ${name}: 1 fatal issue (`)).toBe(true);
    });
  });

  describe(`${name}: lenient parsing of mutated payloads`, () => {
    it(`keeps an unknown value of ${badEnum.path} and reports it as kept`, () => {
      const { data, issues } = lenientData(schema, withValue(valid(), badEnum.path, UNKNOWN_VALUE));
      expect(valueAt(data, badEnum.path)).toBe(UNKNOWN_VALUE);
      expect(issues).toEqual([
        { path: badEnum.path, action: 'kept', message: `${enumMessage(badEnum.values)} (kept)` },
      ]);
    });

    it(`keeps an over-long ${tooLong.path} and reports it as kept`, () => {
      const long = ofLength(tooLong.max + 1);
      const { data, issues } = lenientData(schema, withValue(valid(), tooLong.path, long));
      expect(valueAt(data, tooLong.path)).toBe(long);
      expect(issues).toEqual([
        { path: tooLong.path, action: 'kept', message: `${tooLongMessage(tooLong.max)} (kept)` },
      ]);
    });

    if (timestamp) {
      it(`converts ${timestamp.path} with an offset to the same instant in UTC`, () => {
        const { data, issues } = lenientData(
          schema,
          withValue(valid(), timestamp.path, timestamp.withOffset),
        );
        expect(data).toEqual(withValue(valid(), timestamp.path, timestamp.utc));
        expect(issues).toEqual([
          {
            path: timestamp.path,
            action: 'normalised',
            message: `timestamp converted to UTC: ${timestamp.utc}`,
          },
        ]);
      });

      it(`${failsOrDrops(drops.timestamp)} on a ${timestamp.path} that is not a date`, () => {
        expectLenient(withValue(valid(), timestamp.path, notADate), timestamp.path, NOT_UTC, drops.timestamp);
      });
    }

    it('drops an unknown field and reports it', () => {
      const { data, issues } = lenientData(schema, withValue(valid(), extraPath, { any: 'thing' }));
      expect(data).toEqual(valid());
      expect(hasField(data, extraPath)).toBe(false);
      expect(issues).toEqual([{ path: extraPath, action: 'dropped', message: 'unknown field dropped' }]);
    });

    it("keeps an unknown field, unreported, with unknownFields: 'keep'", () => {
      const input = withValue(valid(), extraPath, { any: 'thing' });
      expect(lenientData(schema, input, 'keep')).toEqual({ data: input, issues: [] });
    });

    it("fails on an unknown field with unknownFields: 'reject', dropping nothing around it", () => {
      expect(lenientFailure(schema, withValue(valid(), extraPath, 1), 'reject')).toEqual([
        { path: extraPath, message: 'unknown field' },
      ]);
    });

    if (nullOptional) {
      it(`reads a null ${nullOptional.path} as absent and reports it`, () => {
        const { data, issues } = lenientData(schema, withValue(valid(), nullOptional.path, null));
        expect(hasField(data, nullOptional.path)).toBe(false);
        expect(data).toEqual(
          hasField(valid(), nullOptional.path) ? without(valid(), nullOptional.path) : valid(),
        );
        expect(issues).toEqual([
          { path: nullOptional.path, action: 'dropped', message: 'null read as absent' },
        ]);
      });
    }

    it('tolerates several deviations at once, listing each, and leaves the input untouched', () => {
      let input = withValue(valid(), badEnum.path, UNKNOWN_VALUE);
      input = withValue(input, extraPath, 1);
      const expected = [`kept ${badEnum.path}`, `dropped ${extraPath}`];
      if (timestamp) {
        input = withValue(input, timestamp.path, timestamp.withOffset);
        expected.push(`normalised ${timestamp.path}`);
      }
      if (nullOptional) {
        input = withValue(input, nullOptional.path, null);
        expected.push(`dropped ${nullOptional.path}`);
      }
      const before = structuredClone(input);
      const { issues } = lenientData(schema, input);
      expect(issues.map(({ action, path }) => `${action} ${path}`).sort()).toEqual(expected.sort());
      expect(input).toEqual(before);
    });

    it(`${failsOrDrops(drops.missing)} on a missing required ${missing.path}`, () => {
      expectLenient(without(valid(), missing.path), missing.path, missing.message, drops.missing);
    });

    it(`${failsOrDrops(drops.missing)} on a null ${missing.path}, which is required`, () => {
      expectLenient(
        withValue(valid(), missing.path, null),
        missing.path,
        receivedNull(missing.message),
        drops.missing,
      );
    });

    if (fatal !== missing) {
      it(`still fails on a missing required ${fatal.path}, with nothing optional around it`, () => {
        expect(lenientFailure(schema, without(valid(), fatal.path))).toEqual([fatal]);
      });

      it(`still fails on a null ${fatal.path}, which is required`, () => {
        expect(lenientFailure(schema, withValue(valid(), fatal.path, null))).toEqual([
          { path: fatal.path, message: receivedNull(fatal.message) },
        ]);
      });
    }

    it(`${failsOrDrops(drops.badEnum)} on a number in ${badEnum.path}: only unknown names are kept`, () => {
      expectLenient(
        withValue(valid(), badEnum.path, 42),
        badEnum.path,
        enumMessage(badEnum.values),
        drops.badEnum,
      );
    });

    if (badEnum.required) {
      it(`${failsOrDrops(drops.badEnum)} on a missing ${badEnum.path}, a required enum field`, () => {
        expectLenient(
          without(valid(), badEnum.path),
          badEnum.path,
          missingEnumMessage(badEnum.values),
          drops.badEnum,
        );
      });
    }

    it(`${failsOrDrops(drops.wrongType)} on the wrong type at ${wrongType.path}`, () => {
      expectLenient(
        withValue(valid(), wrongType.path, wrongType.value),
        wrongType.path,
        wrongType.message,
        drops.wrongType,
      );
    });

    it('still fails when a tolerated deviation comes with a missing field, naming the fatal one first', () => {
      const input = without(withValue(valid(), badEnum.path, UNKNOWN_VALUE), fatal.path);
      // What was tolerated reads as a success would report it, so that it is not taken for a cause.
      expect(lenientFailure(schema, input)).toEqual([
        fatal,
        { path: badEnum.path, message: `${enumMessage(badEnum.values)} (kept)` },
      ]);
    });
  });

  describe(`${name}: parseList with one broken item`, () => {
    const broken = (field: { path: string }) => () =>
      without(cases.idPath ? withValue(valid(), cases.idPath, 'BROKEN-1') : valid(), field.path);
    const bad = broken(missing);
    const expectedId = cases.idPath ? 'BROKEN-1' : undefined;

    it(`keeps the good items and rejects the bad one by index and ${cases.idPath ?? 'no'} id`, () => {
      const result = parseList(schema, [valid(), bad(), valid()], { mode: 'strict', subject: name });
      expect(result.items).toEqual([valid(), valid()]);
      expect(result.rejected).toHaveLength(1);
      const [rejected] = result.rejected;
      expect(rejected?.index).toBe(1);
      expect(rejected?.id).toBe(expectedId);
      expect(rejected?.error.issues.map(({ path, message }) => ({ path, message }))).toEqual([missing]);
      expect(rejected?.error.message.startsWith(`Invalid ${name} [1]: `)).toBe(true);
      expect(result.issues).toEqual([]);
    });

    it('in lenient mode, reports what it tolerated with the item index in the path', () => {
      const tolerated = withValue(valid(), badEnum.path, UNKNOWN_VALUE);
      const list = [broken(fatal)(), valid(), tolerated];
      const result = parseList(schema, list, { mode: 'lenient', subject: name });
      expect(result.items).toEqual([valid(), tolerated]);
      const id = fatal.path === cases.idPath ? undefined : expectedId;
      expect(result.rejected.map(({ index, id }) => ({ index, id }))).toEqual([{ index: 0, id }]);
      expect(result.issues.map(({ path, action }) => ({ path, action }))).toEqual([
        { path: `[2].${badEnum.path}`, action: 'kept' },
      ]);
    });
  });
}

/** A PATCH body schema and what to try on it. */
export interface PatchCases {
  /** E.g. `EVSE PATCH`, for titles. */
  name: string;
  schema: z.ZodMiniType;
  /** A valid PATCH body, from the spec where it has one (or a function returning it, see {@link Lazy}). */
  valid: Lazy<Record<string, unknown>>;
  /** Some other fields of the object, valid on their own: with `last_updated`, a PATCH too. */
  partial: Record<string, unknown>;
  /** A patched field with a value the object refuses, and what that says. */
  invalid: { path: string; value: unknown; message: string };
}

/**
 * The PATCH rules of 2.2.1 (transport_and_format "PATCH", and each module's PATCH method: "Any request
 * to the PATCH method SHALL contain the last_updated field"): any subset of the object's fields, each
 * as strict as in the object, `last_updated` always, nothing unknown.
 */
export function describePatch(cases: PatchCases): void {
  const { name, schema, partial, invalid } = cases;
  const valid = () => resolveLazy(cases.valid);
  const lastUpdated = '2019-06-24T12:39:09Z';

  describe(name, () => {
    it('accepts the PATCH body, other fields alone, and last_updated alone', () => {
      expect(strictIssues(schema, valid())).toEqual([]);
      expect(strictIssues(schema, { ...partial, last_updated: lastUpdated })).toEqual([]);
      expect(strictIssues(schema, { last_updated: lastUpdated })).toEqual([]);
    });

    it('refuses a body without last_updated, even leniently', () => {
      const missing = { path: 'last_updated', message: 'required string is missing' };
      expect(strictIssues(schema, without(valid(), 'last_updated'))).toEqual([missing]);
      expect(strictIssues(schema, partial)).toEqual([missing]);
      expect(lenientFailure(schema, without(valid(), 'last_updated'))).toEqual([missing]);
    });

    it('refuses an unknown field when asked to, otherwise drops it in both modes or keeps it as asked', () => {
      const input = { ...valid(), x_vendor_extension: true };
      expect(strictIssues(schema, input)).toEqual([{ path: 'x_vendor_extension', message: 'unknown field' }]);
      const dropped = {
        data: valid(),
        issues: [{ path: 'x_vendor_extension', action: 'dropped', message: 'unknown field dropped' }],
      };
      expect(strictData(schema, input)).toEqual(dropped);
      expect(lenientData(schema, input)).toEqual(dropped);
      expect(strictData(schema, input, 'keep')).toEqual({ data: input, issues: [] });
      expect(lenientData(schema, input, 'keep')).toEqual({ data: input, issues: [] });
    });

    it('checks each patched field as strictly as the object does', () => {
      expect(strictIssues(schema, withValue(valid(), invalid.path, invalid.value))).toEqual([
        { path: invalid.path, message: invalid.message },
      ]);
    });

    it('refuses last_updated with an offset strictly and converts it to UTC leniently', () => {
      const input = { ...valid(), last_updated: '2019-06-24T14:39:09+02:00' };
      expect(strictIssues(schema, input)).toEqual([{ path: 'last_updated', message: NOT_UTC }]);
      expect(lenientData(schema, input).data).toEqual({ ...valid(), last_updated: lastUpdated });
    });
  });
}
