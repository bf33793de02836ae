import type * as z from 'zod/mini';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import { checkSchema } from './check-schema';
import { NOT_PRINTABLE } from './primitives/printable-string';
import { NOT_UTC_DATE_TIME, normalizeDateTime } from './primitives/utc-date-time';
import { SPEC_RULE } from './spec-rule';
import {
  formatPath,
  MAX_ISSUES,
  OMITTED,
  omittedIssue,
  toValidationIssues,
  type ValidationIssue,
  valueAt,
} from './validation-issue';

/**
 * How closely a payload must follow the spec. `strict`: exactly, for conformance checks; anything
 * else is an error. `lenient`: for real partners; what can be kept or safely fixed is, and reported.
 */
export type ValidationMode = 'strict' | 'lenient';

/**
 * A deviation that lenient parsing tolerated, with what it did: `dropped` an unknown field or a
 * `null` (read as absent), `kept` a value outside the spec (unknown enum value, over-long or
 * non-printable string), or `normalised` a timestamp to UTC. Not `fatal` in the result of a parse; in
 * a page's report, the issues of an item left out are `dropped`, and `fatal` where they cost it.
 */
export interface LenientIssue extends ValidationIssue {
  readonly action: 'dropped' | 'kept' | 'normalised';
}

/**
 * The outcome of a parse: the data and what was tolerated, or an error with every issue, those that
 * made it fail (`fatal`) first.
 */
export type ParseResult<T> =
  | { success: true; data: T; issues: readonly LenientIssue[] }
  | { success: false; error: OcpiValidationError };

/** Options of {@link parsePayload}. */
export interface ParseOptions {
  mode: ValidationMode;
  /** What is parsed, for error messages: `Location`, `response data`... */
  subject: string;
}

/**
 * Validates `input` with an OCPI schema in the given mode. Never throws for bad input, however large
 * or deeply nested.
 *
 * In lenient mode unknown fields and `null`s are dropped, unknown enum values and over-long or
 * non-printable strings are kept, and timestamps with an offset are converted to UTC; each of these is
 * reported with its path, as are broken prose rules (formats and dependent fields the spec states in
 * its descriptions). A lenient result may therefore hold values the type does not list: the issues say
 * where. Anything else (a missing required field, a wrong type) still fails: the error lists these
 * fatal issues first, marked `fatal`, then what lenient mode would have tolerated, and its message
 * names them in that order.
 *
 * The input is never changed. Like zod's own output, the result may share values with it: repairs
 * copy only the objects on the way to what they change.
 *
 * @example
 * const result = parsePayload(LocationSchema, body, { mode: 'lenient', subject: 'Location' });
 * if (result.success) for (const issue of result.issues) log.warn(issue.path, issue.message);
 */
export function parsePayload<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  options: ParseOptions,
): ParseResult<z.output<S>> {
  const outcome = checkPayload(schema, input, options.mode);
  if (outcome.success) return { success: true, data: outcome.data, issues: outcome.issues };
  return {
    success: false,
    error: new OcpiValidationError({ subject: options.subject, issues: outcome.describe() }),
  };
}

/**
 * {@link parsePayload} without the error: a failure only describes its issues when asked, so that a
 * list of a million bad items costs no million errors (an `Error` holds a stack trace).
 */
export type CheckOutcome<T> =
  | {
      success: true;
      data: T;
      issues: readonly LenientIssue[];
      /** How many issues there were, described in `issues` or only counted there. */
      issueCount: number;
    }
  | { success: false; describe: () => ValidationIssue[] };

/** The work of {@link parsePayload}, for callers that decide themselves what to keep of a failure. */
export function checkPayload<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  mode: ValidationMode,
): CheckOutcome<z.output<S>> {
  const first = checkSchema(schema, input);
  if (!first.issues) return { success: true, data: first.value, issues: [], issueCount: 0 };
  // In strict mode every issue is fatal.
  if (mode === 'strict') return failure(first.issues, input, input, () => true);

  const plan = planRepairs(first.issues, input);
  if (!plan) return failure(first.issues, input, input, (issue) => classify(issue, input) === 'fail');
  const repaired = applyRepairs(input, plan.repairs);
  const second = plan.repairs.length > 0 ? checkSchema(schema, repaired) : first;
  if (!second.issues) return { success: true, data: second.value, ...plan.report.result() };
  // What is left must be what lenient mode keeps. Anything else (a required field that was null) is a
  // real error; kept values found only now (prose rules run once every field has its type) join the report.
  const left = second.issues.filter((issue) => classify(issue, repaired) !== 'keep');
  // Fatal: what is left (described as the repairs left it: a required field that was null is missing).
  // Tolerated: the repairs and kept values of both parses.
  if (left.length > 0) {
    // A set: a payload can leave many thousands of issues.
    const fatal = new Set(left);
    return failure([...first.issues, ...second.issues], repaired, input, (issue) => fatal.has(issue));
  }
  for (const issue of second.issues) {
    if (!plan.kept.has(issueKey(issue))) plan.report.add('kept', () => keptIssue(issue, repaired));
  }
  return { success: true, data: repaired as z.output<S>, ...plan.report.result() };
}

/**
 * A failed check whose issues are described only when asked: the fatal ones (`isFatalIssue`, found in
 * `fatalInput`) first, so that the cap never leaves out the cause for what was tolerated; then the
 * others, once each, except those at a fatal one's place (a null that left a required field missing).
 */
function failure(
  issues: readonly z.core.$ZodIssue[],
  fatalInput: unknown,
  input: unknown,
  isFatalIssue: (issue: z.core.$ZodIssue) => boolean,
): { success: false; describe: () => ValidationIssue[] } {
  const describe = () => {
    const fatal = issues.filter(isFatalIssue);
    const described = toValidationIssues(fatal, fatalInput, MAX_ISSUES, true);
    if (fatal.length === issues.length) return described;
    const taken = new Set(fatal.map((issue) => formatPath(issue.path)));
    const tolerated = issues.filter((issue) => {
      const key = issue.code === 'unrecognized_keys' ? issueKey(issue) : formatPath(issue.path);
      return !taken.has(key) && !!taken.add(key);
    });
    const room = MAX_ISSUES - described.filter((issue) => issue.code !== OMITTED).length;
    return [...described, ...toValidationIssues(tolerated, input, room, false)];
  };
  return { success: false, describe };
}

// The timestamp at `path` converted to UTC, or undefined when it cannot be.
function normalizedAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  const value = valueAt(input, path);
  return typeof value === 'string' ? normalizeDateTime(value) : undefined;
}

/** A repair: drop the listed keys of the object at `segments`, drop the value there, or replace it. */
type Repair =
  | { segments: readonly PropertyKey[]; dropKeys: readonly string[] }
  | { segments: readonly PropertyKey[]; value?: string };

interface Plan {
  repairs: Repair[];
  report: LenientReport;
  /** The kept values already reported, so that the second parse does not report them again. */
  kept: Set<string>;
}

type Handling = 'drop-keys' | 'drop-null' | 'normalise' | 'keep' | 'fail';

function classify(issue: z.core.$ZodIssue, input: unknown): Handling {
  if (issue.code === 'unrecognized_keys') return 'drop-keys';
  // A null field, whatever its type (an enum reports it as a bad value, not a bad type), reads as absent.
  if (typeof issue.path.at(-1) === 'string' && valueAt(input, issue.path) === null) return 'drop-null';
  switch (issue.code) {
    case 'invalid_value':
      // An unknown enum value is kept; a missing one, or a number where a name belongs, is an error.
      return typeof valueAt(input, issue.path) === 'string' ? 'keep' : 'fail';
    case 'too_big':
      return issue.origin === 'string' ? 'keep' : 'fail';
    case 'custom':
      if (issue.params?.ocpi === NOT_PRINTABLE || issue.params?.ocpi === SPEC_RULE) return 'keep';
      // A timestamp is repaired only when it can be converted.
      if (issue.params?.ocpi !== NOT_UTC_DATE_TIME) return 'fail';
      return normalizedAt(input, issue.path) === undefined ? 'fail' : 'normalise';
    default:
      return 'fail';
  }
}

// Decides what to do with each issue of a failed strict parse; undefined when one cannot be tolerated.
// An object's unknown fields are one repair whatever their number, and the report describes at most
// MAX_ISSUES of them: a payload of a million unknown fields costs a counter, not a million records.
function planRepairs(zodIssues: readonly z.core.$ZodIssue[], input: unknown): Plan | undefined {
  const plan: Plan = { repairs: [], report: lenientReport(), kept: new Set() };
  for (const issue of zodIssues) {
    const handling = classify(issue, input);
    const path = issue.path;
    switch (handling) {
      case 'fail':
        return undefined;
      case 'drop-keys': {
        const { keys } = issue as z.core.$ZodIssueUnrecognizedKeys;
        plan.repairs.push({ segments: path, dropKeys: keys });
        for (const key of keys) {
          plan.report.add('dropped', () =>
            lenientIssue([...path, key], issue.code, 'unknown field dropped', 'dropped'),
          );
        }
        break;
      }
      case 'drop-null':
        plan.repairs.push({ segments: path });
        plan.report.add('dropped', () => lenientIssue(path, issue.code, 'null read as absent', 'dropped'));
        break;
      case 'normalise': {
        const normalized = normalizedAt(input, path) as string;
        plan.repairs.push({ segments: path, value: normalized });
        plan.report.add('normalised', () =>
          lenientIssue(path, issue.code, `timestamp converted to UTC: ${normalized}`, 'normalised'),
        );
        break;
      }
      case 'keep':
        plan.kept.add(issueKey(issue));
        plan.report.add('kept', () => keptIssue(issue, input));
        break;
    }
  }
  return plan;
}

// Identifies a kept value across the two parses: the same check at the same place.
function issueKey(issue: z.core.$ZodIssue): string {
  return `${issue.code} ${formatPath(issue.path)}`;
}

/** The issues of one lenient parse: the first MAX_ISSUES described, the rest counted by what was done. */
interface LenientReport {
  /** Describes the issue (`describe` is only called while there is room) or counts it. */
  add(action: LenientIssue['action'], describe: () => LenientIssue): void;
  /** The described issues, then one issue per action counting those not described; and the total. */
  result(): { issues: LenientIssue[]; issueCount: number };
}

function lenientReport(): LenientReport {
  const described: LenientIssue[] = [];
  const omitted = new Map<LenientIssue['action'], number>();
  let total = 0;
  return {
    add(action, describe) {
      total++;
      if (described.length < MAX_ISSUES) described.push(describe());
      else omitted.set(action, (omitted.get(action) ?? 0) + 1);
    },
    result() {
      const counts = [...omitted].map(([action, count]) => ({
        ...omittedIssue(count, `${count === 1 ? 'issue' : 'issues'} (${action})`, false),
        action,
      }));
      return { issues: [...described, ...counts], issueCount: total };
    },
  };
}

function keptIssue(issue: z.core.$ZodIssue, input: unknown): LenientIssue {
  const [described] = toValidationIssues([issue], input, Number.POSITIVE_INFINITY, false) as [
    ValidationIssue,
  ];
  return { ...described, message: `${described.message} (kept)`, action: 'kept' };
}

function lenientIssue(
  segments: readonly PropertyKey[],
  code: string,
  message: string,
  action: LenientIssue['action'],
): LenientIssue {
  const path = segments.map((key) => (typeof key === 'symbol' ? String(key) : key));
  return { path: formatPath(path), segments: path, code, message, fatal: false, action };
}

// Repairs go to copies of the objects on their paths: the caller's input stays as it was, and nothing
// off those paths is copied or even visited, so that no depth or size of input can make a repair throw
// (structuredClone of the whole input did, past a few thousand levels).
function applyRepairs(input: unknown, repairs: readonly Repair[]): unknown {
  const copies = new WeakSet<object>();
  // The object at `parent[key]` as a copy of this pass, made (and put in place) when it is not one yet.
  const own = (parent: Record<PropertyKey, unknown>, key: PropertyKey): Record<PropertyKey, unknown> => {
    const value = parent[key] as Record<PropertyKey, unknown>;
    if (copies.has(value)) return value;
    const copy = Array.isArray(value) ? [...value] : { ...value };
    copies.add(copy);
    setOwn(parent, key, copy);
    return copy as Record<PropertyKey, unknown>;
  };
  // The root sits in a holder, so that it is copied like any other object, or replaced as a whole
  // (a timestamp that is the whole payload).
  const holder: Record<PropertyKey, unknown> = { root: input };
  // The object at the end of `path`, copied with every object on the way; undefined when the path
  // leads nowhere.
  const ownPath = (path: readonly PropertyKey[]): Record<PropertyKey, unknown> | undefined => {
    let parent = holder;
    for (const step of path) {
      const child: unknown = parent[step];
      if (typeof child !== 'object' || child === null) return undefined;
      parent = own(parent, step);
    }
    return parent;
  };
  // An object's unknown fields are left out of its copy rather than deleted from a full one: a partner
  // can send hundreds of thousands of them, and copying all then deleting each cost twice as much.
  const dropKeys = (path: readonly PropertyKey[], keys: readonly string[]) => {
    const parent = ownPath(path.slice(0, -1));
    const key = path.at(-1) as PropertyKey;
    const value = parent?.[key] as Record<string, unknown> | null | undefined;
    if (parent === undefined || typeof value !== 'object' || value === null) return;
    const dropped = new Set(keys);
    const copy: Record<string, unknown> = {};
    for (const field of Object.keys(value)) if (!dropped.has(field)) setOwn(copy, field, value[field]);
    copies.add(copy);
    setOwn(parent, key, copy);
  };
  for (const repair of repairs) {
    if ('dropKeys' in repair) {
      dropKeys(['root', ...repair.segments], repair.dropKeys);
      continue;
    }
    const path = ['root', ...repair.segments];
    const key = path.pop() as PropertyKey;
    const parent = ownPath(path);
    if (parent === undefined) continue;
    if (repair.value === undefined) delete parent[key];
    else setOwn(parent, key, repair.value);
  }
  return holder.root;
}

// A plain assignment to a key named `__proto__` would set the prototype instead of the field.
function setOwn(target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
