// Payload helpers for the 2.1.1 module tests. The mutation cases, the JSON-path helpers and the short
// readers of strict and lenient results are the 2.2.1 ones, so that both versions are tested the same
// way; what differs is where the valid objects come from (the inline examples of the 2.1.1 markdown)
// and the PATCH rule (2.1.1 does not require last_updated in a PATCH body).
import { parsePayload } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { fromSpec } from './spec';
import { type Extraction, readExample211 } from './v211-spec';
import {
  type Lazy,
  lenientData,
  NOT_UTC,
  resolveLazy,
  strictData,
  strictIssues,
  without,
  withValue,
} from './v221-payloads';

export {
  describeMutations,
  droppedPlace,
  enumMessage,
  hasField,
  type Lazy,
  type LenientDrop,
  lenientData,
  lenientFailure,
  type MutationCases,
  missingEnumMessage,
  NOT_UTC,
  receivedNull,
  resolveLazy,
  segmentsOf,
  strictData,
  strictIssues,
  tooLongMessage,
  valueAt,
  without,
  withoutPlace,
  withValue,
} from './v221-payloads';

/**
 * A 2.1.1 spec example (block `index` of `file`, taken out as `how` says) parsed strictly with
 * `schema`: the valid object the mutation tests start from. Throws, naming the issues, when the
 * example does not parse.
 */
export function exampleOf211<S extends z.ZodMiniType>(
  schema: S,
  file: string,
  index: number,
  how: Extraction = { from: 'body' },
): z.output<S> {
  const value = readExample211(file, index, how);
  const result = parsePayload(schema, value, { mode: 'strict', subject: `${file} block ${index}` });
  if (!result.success) throw result.error;
  return result.data;
}

/** {@link exampleOf211}, read when a test first calls the returned function. */
export function lazyExample211<S extends z.ZodMiniType>(
  schema: S,
  file: string,
  index: number,
  how: Extraction = { from: 'body' },
): () => z.output<S> {
  return fromSpec(() => exampleOf211(schema, file, index, how));
}

/** A 2.1.1 PATCH body schema and what to try on it. */
export interface PatchCases211 {
  /** E.g. `EVSE PATCH`, for titles. */
  name: string;
  schema: z.ZodMiniType;
  /** The schema of the whole object, which the partial bodies must not satisfy. */
  object: z.ZodMiniType;
  /**
   * A valid PATCH body, from the spec where it has one (2.1.1 examples carry no last_updated), or a
   * function returning it (see {@link Lazy}).
   */
  valid: Lazy<Record<string, unknown>>;
  /** Some other fields of the object, valid on their own. */
  partial: Record<string, unknown>;
  /** A patched field with a value the object refuses, and what that says. */
  invalid: { path: string; value: unknown; message: string };
}

/**
 * The PATCH rules of 2.1.1 (transport_and_format.md "PATCH", and each module's PATCH method: "the
 * fields/objects that have to be updated have to be present"): any subset of the object's fields, each
 * as strict as in the object, `last_updated` allowed but not required, nothing unknown.
 */
export function describePatch211(cases: PatchCases211): void {
  const { name, schema, object, partial, invalid } = cases;
  const valid = () => resolveLazy(cases.valid);
  const lastUpdated = '2015-06-29T20:39:09Z';

  describe(name, () => {
    it('accepts the PATCH body and other fields alone, which the whole object would refuse', () => {
      expect(strictIssues(schema, valid())).toEqual([]);
      expect(strictIssues(schema, partial)).toEqual([]);
      expect(strictIssues(object, valid())).not.toEqual([]);
      expect(strictIssues(object, partial)).not.toEqual([]);
    });

    it('takes last_updated but does not require it (2.2.1 does)', () => {
      expect(Object.hasOwn(valid(), 'last_updated')).toBe(false);
      expect(strictIssues(schema, { ...valid(), last_updated: lastUpdated })).toEqual([]);
      expect(strictIssues(schema, { last_updated: lastUpdated })).toEqual([]);
      expect(lenientData(schema, valid())).toEqual({ data: valid(), issues: [] });
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
      const input = { ...valid(), last_updated: '2015-06-29T22:39:09+02:00' };
      expect(strictIssues(schema, input)).toEqual([{ path: 'last_updated', message: NOT_UTC }]);
      expect(lenientData(schema, input).data).toEqual({ ...valid(), last_updated: lastUpdated });
    });

    it('reads a null field as absent in both modes and reports it', () => {
      const [field] = Object.keys(partial);
      if (field === undefined) throw new Error('partial needs a field');
      const input = { ...valid(), [field]: null };
      const absent = {
        data: without(input, field),
        issues: [{ path: field, action: 'dropped', message: 'null read as absent' }],
      };
      expect(strictData(schema, input)).toEqual(absent);
      expect(lenientData(schema, input)).toEqual(absent);
    });
  });
}
