// Payload helpers for the 2.2.1 module tests: valid objects read from the spec examples, copies of them
// with one change at a JSON path, and short ways to read what strict and lenient parsing say.
import { type LenientIssue, parseList, parsePayload } from '@org/ocpi';
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

/** The issues of a strict parse, as path and message; `[]` when the input is valid. */
export function strictIssues(schema: z.ZodMiniType, input: unknown): { path: string; message: string }[] {
  const result = parsePayload(schema, input, { mode: 'strict', subject: 'payload' });
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

/** A lenient parse that must succeed: its data, and what it tolerated as path, action and message. */
export function lenientData(
  schema: z.ZodMiniType,
  input: unknown,
): { data: unknown; issues: Pick<LenientIssue, 'path' | 'action' | 'message'>[] } {
  const result = parsePayload(schema, input, { mode: 'lenient', subject: 'payload' });
  if (!result.success) throw result.error;
  const issues = result.issues.map(({ path, action, message }) => ({ path, action, message }));
  return { data: result.data, issues };
}

/** The issues of a lenient parse that must fail, as path and message. */
export function lenientFailure(schema: z.ZodMiniType, input: unknown): { path: string; message: string }[] {
  const result = parsePayload(schema, input, { mode: 'lenient', subject: 'payload' });
  if (result.success) throw new Error(`Lenient parsing accepted it, with ${JSON.stringify(result.issues)}`);
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

/** What every issue about an enum says: the allowed values, the first twelve of them. */
export function enumMessage(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return `must be one of ${shown.join(', ')}${values.length > 12 ? ', ...' : ''}`;
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
  /** An optional field that is not an enum, and the type a null there is reported against. */
  nullOptional?: { path: string; expected: string };
  /** The object an unknown field is added to ('' for the payload itself). */
  unknownFieldIn: string;
  /** Where the payload's own identifier is (`id`, `uid`), for the list tests; none for objects without. */
  idPath?: string;
}

const UNKNOWN_VALUE = 'NOT_IN_THE_SPEC';
const EXTRA = 'x_vendor_extension';

/**
 * The strict, lenient and list behaviour every module object must show, as one describe block: each
 * mutation fails strictly with its exact path and message, lenient parsing keeps, drops or normalises
 * what it may and still fails on the rest, and a list with one broken item keeps the others.
 */
export function describeMutations(cases: MutationCases): void {
  const { name, schema, missing, tooLong, badEnum, timestamp, wrongType, nullOptional } = cases;
  const valid = () => resolveLazy(cases.valid);
  const extraPath = cases.unknownFieldIn === '' ? EXTRA : `${cases.unknownFieldIn}.${EXTRA}`;
  const ofLength = tooLong.make ?? ((length: number) => 'A'.repeat(length));
  const notADate = 'yesterday at noon';

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

    it(`refuses an unknown field in ${cases.unknownFieldIn || 'the payload'}`, () => {
      expect(strictIssues(schema, withValue(valid(), extraPath, 1))).toEqual([
        { path: extraPath, message: 'unknown field' },
      ]);
    });

    if (nullOptional) {
      it(`refuses a null ${nullOptional.path}`, () => {
        expect(strictIssues(schema, withValue(valid(), nullOptional.path, null))).toEqual([
          { path: nullOptional.path, message: `expected ${nullOptional.expected}, received null` },
        ]);
      });
    }

    it('reports every issue of a payload at once, and names the object in the error message', () => {
      const input = withValue(withValue(valid(), badEnum.path, UNKNOWN_VALUE), extraPath, 1);
      const result = parsePayload(schema, input, { mode: 'strict', subject: name });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((issue) => issue.path).sort()).toEqual([badEnum.path, extraPath].sort());
      expect(result.error.message.startsWith(`Invalid ${name}: 2 fatal issues (`)).toBe(true);
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

      it(`still fails on a ${timestamp.path} that is not a date`, () => {
        expect(lenientFailure(schema, withValue(valid(), timestamp.path, notADate))).toEqual([
          { path: timestamp.path, message: NOT_UTC },
        ]);
      });
    }

    it('drops an unknown field and reports it', () => {
      const { data, issues } = lenientData(schema, withValue(valid(), extraPath, { any: 'thing' }));
      expect(data).toEqual(valid());
      expect(hasField(data, extraPath)).toBe(false);
      expect(issues).toEqual([{ path: extraPath, action: 'dropped', message: 'unknown field dropped' }]);
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

    it(`still fails on a missing required ${missing.path}`, () => {
      expect(lenientFailure(schema, without(valid(), missing.path))).toEqual([missing]);
    });

    it(`still fails on a null ${missing.path}, which is required`, () => {
      expect(lenientFailure(schema, withValue(valid(), missing.path, null))).toEqual([missing]);
    });

    it(`still fails on a number in ${badEnum.path}: only unknown names are kept`, () => {
      expect(lenientFailure(schema, withValue(valid(), badEnum.path, 42))).toEqual([
        { path: badEnum.path, message: enumMessage(badEnum.values) },
      ]);
    });

    if (badEnum.required) {
      it(`still fails on a missing ${badEnum.path}, a required enum field`, () => {
        expect(lenientFailure(schema, without(valid(), badEnum.path)).map((issue) => issue.path)).toEqual([
          badEnum.path,
        ]);
      });
    }

    it(`still fails on the wrong type at ${wrongType.path}`, () => {
      expect(lenientFailure(schema, withValue(valid(), wrongType.path, wrongType.value))).toEqual([
        { path: wrongType.path, message: wrongType.message },
      ]);
    });

    it('still fails when a tolerated deviation comes with a missing field', () => {
      const input = without(withValue(valid(), extraPath, 1), missing.path);
      expect(lenientFailure(schema, input)).toContainEqual(missing);
    });
  });

  describe(`${name}: parseList with one broken item`, () => {
    const bad = () =>
      without(cases.idPath ? withValue(valid(), cases.idPath, 'BROKEN-1') : valid(), missing.path);
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
      const result = parseList(schema, [bad(), valid(), tolerated], { mode: 'lenient', subject: name });
      expect(result.items).toEqual([valid(), tolerated]);
      expect(result.rejected.map(({ index, id }) => ({ index, id }))).toEqual([{ index: 0, id: expectedId }]);
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

    it('refuses an unknown field strictly and drops it leniently', () => {
      const input = { ...valid(), x_vendor_extension: true };
      expect(strictIssues(schema, input)).toEqual([{ path: 'x_vendor_extension', message: 'unknown field' }]);
      expect(lenientData(schema, input)).toEqual({
        data: valid(),
        issues: [{ path: 'x_vendor_extension', action: 'dropped', message: 'unknown field dropped' }],
      });
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
