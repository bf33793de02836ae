// What a compiled validator tolerates when it is handed a Tolerance (parsePayload and parseList do): the
// deviations either mode lets through (a `null` optional, an unknown field) and, in lenient mode, those it
// keeps or repairs (an unknown enum value, an over-long or non-printable string, a wrong ISO code, a broken
// prose rule, a timestamp with an offset). The validator meets each one in the same walk that checks the
// rest, and the Tolerance records it as the zod issue the zod path would have met there, so that
// parse.ts describes both with the same code. Whatever it cannot tolerate the validator answers FAIL, and
// zod decides as before. Only reached off the clean path: a clean value never calls any method here, and
// the path of the place being checked is only copied when something is recorded there.
import type * as z from 'zod/mini';
import type { ValidationPolicy } from '../parse';
import {
  hasAtMostCodePoints,
  isPrintableAscii,
  isPrintableUnicode,
  NOT_PRINTABLE_ASCII_MESSAGE,
  NOT_PRINTABLE_UNICODE_MESSAGE,
} from '../primitives/printable';
import { NOT_PRINTABLE } from '../primitives/printable-string';
import { normalizeDateTime } from '../primitives/utc-date-time';
import { type RuleReporter, SPEC_RULE } from '../spec-rule';
import { type Checked, FAIL, ruleHolds } from './runtime';

/** A deviation the validator met and tolerated, where it met it (paths from the value's root). */
export type Tolerated =
  /** A value outside the spec kept as it is, with the zod issue that reports it; `rule` for a prose rule. */
  | { kind: 'kept'; issue: z.core.$ZodIssue; rule: boolean }
  /** A `null` in the optional field `at` of the object at `parent`; `code` is the one zod's issue there has. */
  | { kind: 'null'; parent: readonly PropertyKey[]; at: string; code: string }
  /** The fields of the object at `path` that its type does not define, in the order sent. */
  | { kind: 'unknown'; path: readonly PropertyKey[]; keys: string[] }
  /** A timestamp with an offset at `at` in the object or list at `parent`, converted to UTC. */
  | { kind: 'normalised'; parent: readonly PropertyKey[]; at: PropertyKey; value: string };

// Past this many records the validator gives up and zod answers, with its own bounds: what a payload of
// a million deviations costs the compiled path stays small.
const MAX_RECORDS = 1_000;

/** What the compiled validators call to tolerate a deviation. Generated code only, through its `t` argument. */
export class Tolerance {
  /** What was tolerated, in the order the walk met it. */
  readonly records: Tolerated[] = [];
  /**
   * Whether a `null` was met: zod then judges no prose rule in its first pass, and reports them after
   * everything else (see parse.ts). An unknown field does not stop zod's checks.
   */
  aborted = false;
  private readonly lenient: boolean;
  private readonly unknownFields: 'strip' | 'keep' | 'reject';
  /** The keys and indexes from the root to the value being checked (see enter, step and leave). */
  private readonly path: PropertyKey[] = [];
  // A copy of `path`, made for the first record in one place and shared by the others there: a page of
  // a thousand items with a few deviations each then copies a path per object, not per deviation.
  private here: readonly PropertyKey[] | undefined;

  constructor(policy: ValidationPolicy) {
    this.lenient = policy.mode === 'lenient';
    this.unknownFields = policy.unknownFields ?? 'strip';
  }

  /** Into the field or element `key` of the value being checked. */
  enter(key: PropertyKey): void {
    this.path.push(key);
    this.here = undefined;
  }

  /** From the element being checked to the element `index` of the same list. */
  step(index: number): void {
    this.path[this.path.length - 1] = index;
    this.here = undefined;
  }

  /** Back out of the last field or element entered. */
  leave(): void {
    this.path.pop();
    this.here = undefined;
  }

  /** A `null` in the optional field `at`: left out, as either mode reads it. */
  absent(at: string, code: 'invalid_type' | 'invalid_value'): void {
    this.aborted = true;
    this.record({ kind: 'null', parent: this.where(), at, code });
  }

  /**
   * A string field (or list element) `at` that failed its checks: in lenient mode, kept when only its
   * length, its characters or its ISO code is wrong, with one issue per broken check in zod's order.
   */
  text(
    value: unknown,
    at: PropertyKey,
    maximum: number | undefined,
    unicode: boolean,
    iso?: (value: string) => boolean,
    isoMessage?: string,
  ): Checked<unknown> {
    if (!this.lenient || typeof value !== 'string') return FAIL;
    const path = [...this.path, at];
    // zod's maxLength counts code points too (4.6): an over-long ASCII string and a short one of emoji
    // are told apart the same way in both kinds, so that only the character check fails the latter.
    if (maximum !== undefined && !hasAtMostCodePoints(value, maximum)) {
      this.keep({
        code: 'too_big',
        origin: 'string',
        maximum,
        inclusive: true,
        path,
        input: value,
        message: '',
      });
    }
    if (!(unicode ? isPrintableUnicode(value) : isPrintableAscii(value))) {
      const message = unicode ? NOT_PRINTABLE_UNICODE_MESSAGE : NOT_PRINTABLE_ASCII_MESSAGE;
      this.keep({ code: 'custom', message, path, input: value, params: { ocpi: NOT_PRINTABLE } });
    }
    if (iso !== undefined && !iso(value)) {
      this.keep({
        code: 'custom',
        message: isoMessage ?? '',
        path,
        input: value,
        params: { ocpi: SPEC_RULE },
      });
    }
    return this.records.length > MAX_RECORDS ? FAIL : value;
  }

  /** A timestamp `at` that is no OCPI DateTime: in lenient mode, converted to UTC when it can be. */
  dateTime(value: unknown, at: PropertyKey): Checked<unknown> {
    if (!this.lenient || typeof value !== 'string') return FAIL;
    const normalized = normalizeDateTime(value);
    if (normalized === undefined) return FAIL;
    this.record({ kind: 'normalised', parent: this.where(), at, value: normalized });
    return this.records.length > MAX_RECORDS ? FAIL : normalized;
  }

  /** A value `at` outside its enum's `values`: in lenient mode, kept when it is a string. */
  enumValue(value: unknown, at: PropertyKey, values: readonly string[]): Checked<unknown> {
    if (!this.lenient || typeof value !== 'string') return FAIL;
    this.keep({
      code: 'invalid_value',
      values: [...values],
      path: [...this.path, at],
      input: value,
      message: '',
    });
    return this.records.length > MAX_RECORDS ? FAIL : value;
  }

  /** Judges the prose rule of the object `value`: kept and recorded in lenient mode, a failure in strict. */
  rule<T>(rule: (value: T, report: RuleReporter) => void, value: T): boolean {
    if (!this.lenient) return ruleHolds(rule, value);
    const base = this.path;
    rule(value, (path, message) => {
      const issue = {
        code: 'custom',
        message,
        path: [...base, ...path],
        input: value,
        params: { ocpi: SPEC_RULE },
      };
      this.record({ kind: 'kept', issue: issue as z.core.$ZodIssue, rule: true });
    });
    return this.records.length <= MAX_RECORDS;
  }

  /**
   * At the end of an object's fields, before its checks: when `value` has more keys than the `kept` ones
   * checked (nulls included), the others are fields its type does not define (`fields`), which `strip`
   * leaves out, `keep` adds to `out` (no check reads them) and `reject` refuses.
   */
  fieldsKnown(
    value: Readonly<Record<string, unknown>>,
    out: Record<string, unknown>,
    kept: number,
    fields: readonly string[],
  ): boolean {
    let count = 0;
    for (const _key in value) count++;
    if (count === kept) return true;
    // The others may also be defined fields holding `undefined` (from a caller, never from JSON), or
    // sent as `null`. A field already in `out` is known without searching `fields`.
    const keys: string[] = [];
    for (const key in value) {
      if (Object.hasOwn(value, key) && !Object.hasOwn(out, key) && !fields.includes(key)) keys.push(key);
    }
    if (keys.length === 0) return true;
    if (this.unknownFields === 'reject') return false;
    this.record({ kind: 'unknown', path: this.where(), keys });
    if (this.unknownFields === 'keep') {
      for (const key of keys) {
        // A plain assignment to `__proto__` would set the prototype instead of the field.
        Object.defineProperty(out, key, {
          value: value[key],
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
    }
    return this.records.length <= MAX_RECORDS && keys.length <= MAX_RECORDS;
  }

  private where(): readonly PropertyKey[] {
    if (this.here === undefined) this.here = this.path.slice();
    return this.here;
  }

  private keep(issue: object): void {
    this.record({ kind: 'kept', issue: issue as z.core.$ZodIssue, rule: false });
  }

  private record(tolerated: Tolerated): void {
    this.records.push(tolerated);
  }
}
