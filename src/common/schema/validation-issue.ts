import type * as z from 'zod/mini';

/** One problem found while validating a payload, located by its JSON path. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `evses[2].connectors[0].standard`; empty for the value itself. */
  readonly path: string;
  /** The same location as keys and indexes, for programs. */
  readonly segments: readonly (string | number)[];
  /**
   * zod's issue code (`invalid_type`, `too_big`, `invalid_value`, `unrecognized_keys`...), or
   * `omitted` for an issue that counts the issues a cap left out of a long report.
   */
  readonly code: string;
  /** What is wrong, in words. Never contains the offending value, which may be a secret. */
  readonly message: string;
  /**
   * Whether this issue is what made the object fail: a missing required field, a wrong type lenient
   * mode cannot repair, or any issue in strict mode. `false` for what lenient mode tolerates (an unknown
   * field, an unknown enum value, a `null` read as absent...), including the tolerated issues an error
   * lists after its fatal ones. An error lists fatal issues first and its message names them first.
   */
  readonly fatal: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes a path the way JavaScript would access it: `evses[2].connectors[0].standard`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/**
 * The path of `path` (as {@link formatPath} wrote it) inside the element `index` of a list: what
 * `formatPath([index, ...segments])` gives, without writing the path again.
 */
export function pathInList(index: number, path: string): string {
  if (path === '') return `[${index}]`;
  return path.charCodeAt(0) === OPEN_BRACKET ? `[${index}]${path}` : `[${index}].${path}`;
}

const OPEN_BRACKET = 91;

/**
 * Turns zod issues into {@link ValidationIssue}s with paths and readable messages. `input` is the value
 * that was validated; it only serves to name the type received or tell a missing field, never quoted.
 * An unknown-fields issue becomes one issue per field, located at the field.
 *
 * With `max`, at most that many are described, and one `omitted` issue counts the rest: what a
 * partner's payload can cost in memory stays bounded however many fields it gets wrong. Every issue
 * gets the same `fatal` mark (by default fatal: what failed a parse).
 */
export function toValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  max = Number.POSITIVE_INFINITY,
  fatal = true,
): ValidationIssue[] {
  const result: ValidationIssue[] = [];
  let more = 0;
  for (const issue of issues) {
    const segments = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      const room = Math.max(0, max - result.length);
      for (const key of issue.keys.slice(0, room)) {
        const keyPath = [...segments, key];
        result.push({
          path: formatPath(keyPath),
          segments: keyPath,
          code: issue.code,
          message: 'unknown field',
          fatal,
        });
      }
      more += Math.max(0, issue.keys.length - room);
      continue;
    }
    if (result.length >= max) {
      more++;
      continue;
    }
    result.push({
      path: formatPath(segments),
      segments,
      code: issue.code,
      message:
        issue.code === 'too_small'
          ? describeIssue(issue, input)
          : withEmptiness(describeIssue(issue, input), valueAt(input, issue.path)),
      fatal,
    });
  }
  if (more > 0) result.push(omittedIssue(more, fatal ? 'fatal issues' : 'tolerated issues', fatal));
  return result;
}

/**
 * How many issues are described per payload, and per page for each kind: enough to see what a partner
 * gets wrong, while a payload of a million bad fields costs a counter, not a million records.
 */
export const MAX_ISSUES = 1_000;

/** The `code` of an {@link omittedIssue}. */
export const OMITTED = 'omitted';

/**
 * The issue that stands for `count` more issues (or rejected items: `what`) than a report lists; `fatal`
 * when what it counts is.
 */
export function omittedIssue(count: number, what: string, fatal: boolean): ValidationIssue {
  return { path: '', segments: [], code: OMITTED, message: `${count} more ${what} not listed`, fatal };
}

// zod/mini loads no locale (that is what keeps it small), so its own messages are all "Invalid input".
const GENERIC_MESSAGE = 'Invalid input';

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  // Our own wording for zod's codes, whatever message zod gave: zod/mini gives none, but classic zod,
  // once anything in the process imports it, puts its English messages in a config every zod 4 copy
  // shares. Our schemas' own messages are on their refinements (`custom`).
  switch (issue.code) {
    case 'invalid_type': {
      const received = typeName(valueAt(input, issue.path));
      return received === 'undefined'
        ? `required ${issue.expected} is missing`
        : `expected ${issue.expected}, received ${received}`;
    }
    case 'too_big':
      return `${limitSubject(issue.origin)} at most ${issue.maximum}${limitUnit(issue.origin, issue.maximum)}`;
    case 'too_small':
      return `${limitSubject(issue.origin)} at least ${issue.minimum}${limitUnit(issue.origin, issue.minimum)}`;
    case 'invalid_value':
      // An enum reports a missing field as a bad value; say it is missing.
      return valueAt(input, issue.path) === undefined
        ? `required field is missing (one of ${listValues(issue.values)})`
        : `must be one of ${listValues(issue.values)}`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message || GENERIC_MESSAGE;
  }
}

// An empty value is the one value a message can name without risk of quoting a secret, and often the
// whole story (`website: ""` breaks "must be an absolute URL"). A minimum length already says it.
function withEmptiness(message: string, value: unknown): string {
  if (value === '') return `${message} (empty string)`;
  if (Array.isArray(value) && value.length === 0) return `${message} (empty list)`;
  return message;
}

function limitSubject(origin: string): string {
  return origin === 'string' || origin === 'array' || origin === 'set' ? 'must have' : 'must be';
}

function limitUnit(origin: string, limit: number | bigint): string {
  const plural = limit === 1 || limit === 1n ? '' : 's';
  if (origin === 'string') return ` character${plural}`;
  if (origin === 'array' || origin === 'set') return ` item${plural}`;
  return '';
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return values.length > shown.length ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/** The issue of a value that should have been a list (a page's `data`, a list to parse item by item). */
export function notAListIssue(value: unknown): ValidationIssue {
  return {
    path: '',
    segments: [],
    code: 'invalid_type',
    message: `expected array, received ${typeName(value)}`,
    fatal: true,
  };
}

/** The value at `path` inside `input`, or `undefined` when the path leads nowhere. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
