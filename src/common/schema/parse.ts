import type * as z from 'zod/mini';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import { checkSchema } from './check-schema';
import { type CompiledValidator, compiledValidatorOf } from './compiled/registry';
import { checkClean, FAIL } from './compiled/runtime';
import { Tolerance, type Tolerated } from './compiled/tolerance';
import {
  issueKey,
  keptIssue,
  type LenientReport,
  lenientIssue,
  lenientReport,
  normalisedIssue,
  nullIssue,
  unknownFieldIssue,
} from './lenient-report';
import type { ParsedAs } from './lenient-types';
import { optionalPlaces } from './optional-places';
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
 * How closely a payload must follow the spec. `strict`: exactly what the spec allows, for conformance
 * checks; any value that breaks it is an error. `lenient`: for real partners; what can be kept or safely
 * fixed is, and reported.
 */
export type ValidationMode = 'strict' | 'lenient';

/**
 * What becomes of the fields a partner adds that the spec does not define (`help_phone`,
 * `x_vendor_...`): the spec does not close its objects, so in either mode they are no error unless asked.
 * `strip` (the default) leaves them out of the result and reports each as `dropped`; `keep` leaves them
 * on the result, unreported; `reject` makes each one an error, for conformance checks.
 */
export type UnknownFields = 'strip' | 'keep' | 'reject';

/**
 * A deviation from the spec that was tolerated, with what was done: `dropped` a field (an unknown one, a
 * `null` read as absent, or in lenient mode an optional field or list element that could not be kept),
 * `kept` a value outside the spec (unknown enum value, over-long or non-printable string, a broken prose
 * rule), or `normalised` a timestamp to UTC. Not `fatal` in the result of a parse; in a page's report,
 * the issues of an item left out are `dropped`, and `fatal` where they cost it.
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

/** How a payload is checked: the mode, and what becomes of fields the spec does not define. */
export interface ValidationPolicy {
  mode: ValidationMode;
  /** Default `strip`. */
  unknownFields?: UnknownFields | undefined;
}

/** Options of {@link parsePayload}. */
export interface ParseOptions extends ValidationPolicy {
  /** What is parsed, for error messages: `Location`, `response data`... */
  subject: string;
}

/**
 * Validates `input` with an OCPI schema in the given mode. Never throws for bad input, however large
 * or deeply nested.
 *
 * Both modes read a `null` in an optional field as the field being absent, as the spec does, and treat
 * fields the spec does not define as `unknownFields` says (by default they are left out). Strict mode
 * fails on anything else the spec does not allow. Lenient mode also keeps unknown enum values, over-long
 * or non-printable strings and broken prose rules (formats and dependent fields the spec states in its
 * descriptions), converts timestamps with an offset to UTC, and leaves out an optional field that cannot
 * be kept (an empty URL, a wrong type), or the nearest optional field or element of an optional list
 * around a broken required one: a broken EVSE leaves its Location's `evses`, the Location stays. Each of
 * these is reported with its path in the payload as sent. A lenient result may therefore hold values
 * the type does not list: the issues say where. What cannot be tolerated (a broken required field with
 * nothing optional around it, the wrong type for the payload itself) fails: the error lists these
 * fatal issues first, marked `fatal`, then what was tolerated, and its message names them in that order.
 *
 * The input is never changed. Like zod's own output, the result may share values with it: repairs
 * copy only the objects on the way to what they change.
 *
 * The data's type follows the options ({@link ParsedAs}): `Location` in strict mode, `Lenient<Location>`
 * (enum fields open to unknown values) in lenient mode, with extension fields under `unknownFields: 'keep'`.
 *
 * @example
 * const result = parsePayload(LocationSchema, body, { mode: 'lenient', subject: 'Location' });
 * if (result.success) for (const issue of result.issues) log.warn(issue.path, issue.message);
 */
export function parsePayload<S extends z.ZodMiniType, const O extends ParseOptions>(
  schema: S,
  input: unknown,
  options: O,
): ParseResult<ParsedAs<z.output<S>, O>> {
  const outcome = checkPayload(schema, input, options);
  // The data is what the mode let through: typed by the options (see ParsedAs).
  if (outcome.success) {
    return { success: true, data: outcome.data as ParsedAs<z.output<S>, O>, issues: outcome.issues };
  }
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

// Each pass repairs what the one before found, and checks again. Three are enough for any payload: the
// first finds every broken field (zod reports all of them at once); the second, the prose rules of the
// objects around them, which zod only runs once their fields have their types; the third, an optional
// list whose every element was dropped below its minimum length. A pass more is a safety margin.
const MAX_PASSES = 4;

/**
 * The work of {@link parsePayload}, for callers that decide themselves what to keep of a failure. A
 * success describes at most `describeAtMost` of its issues (default MAX_ISSUES) and counts the rest: a
 * caller that keeps none asks for none.
 */
export function checkPayload<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  policy: ValidationPolicy,
  describeAtMost?: number,
): CheckOutcome<z.output<S>> {
  // The registered compiled validator answers in one walk what zod would answer in its passes: a clean
  // payload, and one whose deviations the mode tolerates (nulls, unknown fields, and in lenient mode kept
  // values and converted timestamps), several times faster. What it cannot answer so (a failure, a value
  // lenient mode would drop), it refuses, and zod decides, so that every issue is described as before.
  const validate = compiledValidatorOf(schema);
  if (validate !== undefined) {
    const answer = compiledAnswer(validate, input, policy, describeAtMost);
    if (answer !== undefined) return answer as CheckOutcome<z.output<S>>;
  }
  const first = checkSchema(schema, input);
  if (!first.issues) return { success: true, data: first.value, issues: [], issueCount: 0 };
  // Nothing to repair in a value of the wrong type as a whole (a number where a Location belongs): the
  // usual rejection in a hostile list, answered without planning anything.
  if (first.issues.every(({ path, code }) => path.length === 0 && code === 'invalid_type')) {
    return failure(input, first.issues);
  }
  const plan = newPlan(schema, input, policy);
  let found = first.issues;
  let checked = input;
  for (let pass = 1; ; pass++) {
    const repairsBefore = plan.repairs.length;
    const located = plan.removed.size > 0 ? inInput(found, plan) : found;
    const fatal = planRepairs(plan, located);
    if (fatal.length > 0) return failure(input, fatal, plan.report);
    // Never reached by a payload the schemas can describe (see MAX_PASSES): what is still found fails.
    if (pass > MAX_PASSES) return failure(input, located, plan.report);
    // Nothing more to repair: what is left is kept as it is.
    if (plan.repairs.length === repairsBefore) break;
    checked = applyRepairs(input, plan.repairs);
    const next = checkSchema(schema, checked);
    if (!next.issues) break;
    found = next.issues;
  }
  // `keep`: the result is the checked one with the unknown fields left where they were.
  const data =
    policy.unknownFields === 'keep'
      ? applyRepairs(
          input,
          plan.repairs.filter((repair) => !('dropKeys' in repair)),
        )
      : checked;
  return { success: true, data: data as z.output<S>, ...plan.report.result(describeAtMost) };
}

/**
 * The compiled validator's answer, or undefined when it refused and zod must decide. Its issues are those
 * zod's passes report, in the order they report them: a pass finds every deviation in the order of the
 * payload (each object's fields in the order of its type, then its unknown fields, then its prose rules);
 * but while a `null` or an unknown field is anywhere in the payload zod judges no prose rule, so these
 * come in the next pass, after all the rest. A kept value found twice at the same place is reported once,
 * as the passes do.
 */
function compiledAnswer(
  validate: CompiledValidator,
  input: unknown,
  policy: ValidationPolicy,
  describeAtMost: number | undefined,
): CheckOutcome<unknown> | undefined {
  // Strict mode tolerates only nulls and unknown fields, which conformance checks rarely meet: a clean
  // payload is first checked without a Tolerance to carry, the fastest walk there is.
  if (policy.mode === 'strict') {
    const clean = checkClean(validate, input);
    if (clean !== FAIL) return { success: true, data: clean, issues: [], issueCount: 0 };
  }
  const tolerance = new Tolerance(policy);
  const data = validate(input, tolerance);
  if (data === FAIL) return undefined;
  const { records } = tolerance;
  if (records.length === 0) return { success: true, data, issues: [], issueCount: 0 };
  // A rule broken at a field sent as `null` (the 2.1.1 Session's `location.evses`): zod's passes read its
  // issue as the null again, and decide otherwise than a kept rule. Theirs is the answer.
  if (tolerance.aborted && brokenAtNull(records, input)) return undefined;
  // Asked for no description (a list past its cap): the issues are only counted, in any order, and no
  // description or report is made for them.
  const report = describeAtMost !== undefined && describeAtMost <= 0 ? undefined : lenientReport();
  const ordered =
    tolerance.aborted && report !== undefined
      ? [...records.filter((record) => !isRule(record)), ...records.filter(isRule)]
      : records;
  let issueCount = 0;
  let kept: Set<string> | undefined;
  for (const record of ordered) {
    switch (record.kind) {
      case 'unknown':
        if (policy.unknownFields === 'keep') break;
        issueCount += record.keys.length;
        if (report === undefined) break;
        for (const key of record.keys) report.add('dropped', describer(record, input, key));
        break;
      case 'null':
        issueCount++;
        report?.add('dropped', describer(record, input));
        break;
      case 'normalised':
        issueCount++;
        report?.add('normalised', describer(record, input));
        break;
      case 'kept': {
        const key = issueKey(record.issue);
        kept ??= new Set();
        if (kept.has(key)) break;
        kept.add(key);
        issueCount++;
        report?.add('kept', describer(record, input));
        break;
      }
    }
  }
  return { success: true, data, issues: report?.result(describeAtMost).issues ?? [], issueCount };
}

/**
 * How the report describes `record` (its unknown field `key`) if it has room: made apart from the loop
 * above, whose items past a list's cap are only counted and then make no closure at all.
 */
function describer(record: Tolerated, input: unknown, key = ''): () => LenientIssue {
  switch (record.kind) {
    case 'unknown':
      return () => unknownFieldIssue(record.path, key);
    case 'null':
      return () => nullIssue([...record.parent, record.at], record.code);
    case 'normalised':
      return () => normalisedIssue([...record.parent, record.at], record.value);
    case 'kept':
      return () => keptIssue(record.issue, input);
  }
}

// Whether a prose rule broke at a field sent as `null` (only possible once a null was met).
function brokenAtNull(records: readonly Tolerated[], input: unknown): boolean {
  for (const record of records) if (isRule(record) && isNullField(input, record)) return true;
  return false;
}

function isRule(record: Tolerated): boolean {
  return record.kind === 'kept' && record.rule;
}

function isNullField(input: unknown, record: Tolerated): boolean {
  if (record.kind !== 'kept') return false;
  const path = record.issue.path;
  return typeof path.at(-1) === 'string' && valueAt(input, path) === null;
}

/**
 * A failed check whose issues are described only when asked: the fatal ones first, so that the cap
 * never leaves out the cause; then what was tolerated on the way, as a success would have reported it
 * (`null read as absent`, `... (kept)`), so that nothing after the cause reads like another one.
 */
function failure(
  input: unknown,
  fatal: readonly z.core.$ZodIssue[],
  report?: LenientReport,
): { success: false; describe: () => ValidationIssue[] } {
  const describe = () => {
    const described = toValidationIssues(fatal, input, MAX_ISSUES, true);
    if (!report) return described;
    const { issues, issueCount } = report.result();
    const room = MAX_ISSUES - described.filter((issue) => issue.code !== OMITTED).length;
    const tolerated = issues.filter((issue) => issue.code !== OMITTED).slice(0, room);
    const more = issueCount - tolerated.length;
    return [...described, ...tolerated, ...(more > 0 ? [omittedIssue(more, 'tolerated issues', false)] : [])];
  };
  return { success: false, describe };
}

// The timestamp at `path` converted to UTC, or undefined when it cannot be.
function normalizedAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  const value = valueAt(input, path);
  return typeof value === 'string' ? normalizeDateTime(value) : undefined;
}

/**
 * A repair, located in the payload as sent: drop the listed keys of the object at `segments`, remove the
 * element `index` of the list there, or drop the value there (no `value`) or replace it.
 */
type Repair =
  | { segments: readonly PropertyKey[]; dropKeys: readonly string[] }
  | { segments: readonly PropertyKey[]; index: number }
  | { segments: readonly PropertyKey[]; value?: string };

/** What the passes of one check have found and decided so far. */
interface Plan {
  schema: z.ZodMiniType;
  input: unknown;
  policy: ValidationPolicy;
  repairs: Repair[];
  report: LenientReport;
  /** The kept values already reported, so that a later pass does not report them again. */
  kept: Set<string>;
  /** The places dropped so far (their paths), so that what is inside one is not dropped again. */
  dropped: Set<string>;
  /** The indexes of the elements dropped from each list (by its path). */
  removed: Map<string, Set<number>>;
}

function newPlan(schema: z.ZodMiniType, input: unknown, policy: ValidationPolicy): Plan {
  return {
    schema,
    input,
    policy,
    repairs: [],
    report: lenientReport(),
    kept: new Set(),
    dropped: new Set(),
    removed: new Map(),
  };
}

// The issues of a pass after elements were dropped, located in the payload as sent: the element at an
// index of what was checked is the one at that index among the elements kept.
function inInput(issues: readonly z.core.$ZodIssue[], plan: Plan): z.core.$ZodIssue[] {
  // Per list: the indexes (as sent) of the elements kept, worked out once per pass.
  const keptIndexes = new Map<string, number[]>();
  const sentIndex = (list: readonly PropertyKey[], index: number) => {
    const key = formatPath(list);
    const dropped = plan.removed.get(key);
    if (dropped === undefined) return index;
    let kept = keptIndexes.get(key);
    if (kept === undefined) {
      const sent = valueAt(plan.input, list) as unknown[];
      kept = [];
      for (let at = 0; at < sent.length; at++) if (!dropped.has(at)) kept.push(at);
      keptIndexes.set(key, kept);
    }
    return kept[index] ?? index;
  };
  return issues.map((issue) => {
    const path: PropertyKey[] = [];
    for (const step of issue.path) path.push(typeof step === 'number' ? sentIndex(path, step) : step);
    return { ...issue, path } as z.core.$ZodIssue;
  });
}

type Handling = 'drop-keys' | 'drop-null' | 'normalise' | 'keep' | 'fail';

function classify(issue: z.core.$ZodIssue, plan: Plan): Handling {
  const { input, policy } = plan;
  if (issue.code === 'unrecognized_keys') return policy.unknownFields === 'reject' ? 'fail' : 'drop-keys';
  // A null field, whatever its type (an enum reports it as a bad value, not a bad type), reads as absent
  // where the field is optional; in a required one it is an error (which lenient mode may still drop
  // with the optional place around it).
  if (typeof issue.path.at(-1) === 'string' && valueAt(input, issue.path) === null) {
    return optionalPlaces(plan.schema, issue.path).at(-1) ? 'drop-null' : 'fail';
  }
  if (policy.mode === 'strict') return 'fail';
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

// Decides what to do with each issue of a pass (located in the payload as sent), adding the repairs and
// reports to the plan; gives back the issues that cannot be tolerated. An object's unknown fields are
// one repair whatever their number, and the report describes at most MAX_ISSUES of them: a payload of a
// million unknown fields costs a counter, not a million records.
function planRepairs(plan: Plan, issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const { input, report } = plan;
  const fatal: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    // Inside what an earlier issue of this pass dropped: gone with it.
    if (
      plan.dropped.size > 0 &&
      path.some((_, depth) => plan.dropped.has(formatPath(path.slice(0, depth + 1))))
    ) {
      continue;
    }
    const handling = classify(issue, plan);
    switch (handling) {
      case 'fail':
        if (!dropAround(plan, issue)) fatal.push(issue);
        break;
      case 'drop-keys': {
        const { keys } = issue as z.core.$ZodIssueUnrecognizedKeys;
        plan.repairs.push({ segments: path, dropKeys: keys });
        if (plan.policy.unknownFields === 'keep') break;
        for (const key of keys) {
          report.add('dropped', () => unknownFieldIssue(path, key));
        }
        break;
      }
      case 'drop-null':
        plan.repairs.push({ segments: path });
        report.add('dropped', () => nullIssue(path, issue.code));
        break;
      case 'normalise': {
        const normalized = normalizedAt(input, path) as string;
        plan.repairs.push({ segments: path, value: normalized });
        report.add('normalised', () => normalisedIssue(path, normalized));
        break;
      }
      case 'keep':
        if (plan.kept.has(issueKey(issue))) break;
        plan.kept.add(issueKey(issue));
        report.add('kept', () => keptIssue(issue, input));
        break;
    }
  }
  return fatal;
}

/**
 * Lenient mode: drops the nearest optional field, or element of an optional list, around a broken value
 * (the value itself when it is an optional field), and reports it with the cause; false when nothing
 * around it is optional (or the mode is strict, or the issue is an unknown field `reject` refused).
 */
function dropAround(plan: Plan, issue: z.core.$ZodIssue): boolean {
  if (plan.policy.mode === 'strict' || issue.code === 'unrecognized_keys') return false;
  const path = issue.path;
  const depth = optionalPlaces(plan.schema, path).lastIndexOf(true);
  if (depth === -1) return false;
  const place = path.slice(0, depth + 1);
  const last = place.at(-1);
  plan.dropped.add(formatPath(place));
  if (typeof last === 'number') {
    const list = place.slice(0, -1);
    const key = formatPath(list);
    plan.removed.set(key, (plan.removed.get(key) ?? new Set()).add(last));
    plan.repairs.push({ segments: list, index: last });
  } else {
    plan.repairs.push({ segments: place });
  }
  plan.report.add('dropped', () => {
    const [cause] = toValidationIssues([issue], plan.input) as [ValidationIssue];
    const inside = formatPath(path.slice(place.length));
    const what = typeof last === 'number' ? 'list element' : 'optional field';
    return lenientIssue(
      place,
      issue.code,
      `${inside ? `${inside}: ` : ''}${cause.message} (${what} dropped)`,
      'dropped',
    );
  });
  return true;
}

const DROPPED = /*@__PURE__*/ Symbol('dropped');

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
  // A dropped element is only marked where it is, and its list closed up at the end, so that every other
  // repair's path still counts the elements as they were sent.
  const marked = new Set<unknown[]>();
  for (const repair of repairs) {
    if ('dropKeys' in repair) {
      dropKeys(['root', ...repair.segments], repair.dropKeys);
      continue;
    }
    const path = ['root', ...repair.segments];
    const key = 'index' in repair ? repair.index : (path.pop() as PropertyKey);
    const parent = ownPath(path);
    if (parent === undefined) continue;
    if ('index' in repair) {
      marked.add(parent as unknown as unknown[]);
      parent[key] = DROPPED;
    } else if (repair.value === undefined) delete parent[key];
    else setOwn(parent, key, repair.value);
  }
  for (const list of marked) {
    let length = 0;
    for (const element of list) if (element !== DROPPED) list[length++] = element;
    list.length = length;
  }
  return holder.root;
}

// A plain assignment to a key named `__proto__` would set the prototype instead of the field.
function setOwn(target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
