// Validates one JSON value of an input through the SDK (parsePayload, parseList): an object, a list of
// objects, or a response envelope whose `data` is either. The object is the one asked for, or the one
// detected from the first value of the input; every issue keeps the SDK's path and message, with the
// place of the object in the value (`[3]`, `data[3]`) in front.
import type { OcpiVersion } from '../../common/protocol/version';
import { parsePayload, type UnknownFields, type ValidationMode } from '../../common/schema/parse';
import { parseList } from '../../common/schema/parse-list';
import { formatPath, type ValidationIssue } from '../../common/schema/validation-issue';
import { type Detection, detectObject } from './detect-object';
import { type CatalogObject, catalogOfVersion, versionCatalogs } from './object-catalog';

/** How `ocpi validate` was asked to check. */
export interface ValidateSettings {
  readonly mode: ValidationMode;
  readonly unknownFields?: UnknownFields | undefined;
  /** Only this version's objects; else both, 2.2.1 preferred. */
  readonly version?: OcpiVersion | undefined;
  /** Only objects of this spec name; else detected. */
  readonly object?: string | undefined;
}

/** An issue found, located from the root of the value (`[3].evses[0].status`, `data.country_code`). */
export interface FoundIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  /** Whether it made its object (or the envelope) fail; false for what was tolerated. */
  readonly fatal: boolean;
}

/** The object an input is checked as, and how it was chosen (absent when `--object` and `--version` said). */
export interface Target {
  readonly object: CatalogObject;
  readonly detection?: Detection<CatalogObject> | undefined;
}

/** What one value held: how many objects, how many valid, the issues, and whether anything failed. */
export interface ValueOutcome {
  readonly objects: number;
  readonly valid: number;
  readonly issues: readonly FoundIssue[];
  readonly failed: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A response envelope: an object with the envelope's own `status_code` and `timestamp`. */
export function isEnvelope(value: unknown): value is Json {
  return isObject(value) && 'status_code' in value && 'timestamp' in value;
}

/** The object detection looks at: the value, the first of a list, or either of an envelope's `data`. */
export function sampleOf(value: unknown): Json | undefined {
  const inner = isEnvelope(value) ? value.data : value;
  const sample = Array.isArray(inner) ? inner[0] : inner;
  return isObject(sample) ? sample : undefined;
}

/**
 * The object `sample` is checked as: among the objects the settings allow, the one its fields match
 * best; between equal matches, the first that it fits strictly. A message when nothing can be chosen.
 */
export function resolveTarget(
  sample: Json | undefined,
  settings: ValidateSettings,
): Target | { problem: string } {
  const allowed = versionCatalogs()
    .filter((catalog) => settings.version === undefined || catalog.version === settings.version)
    .flatMap((catalog) => catalog.objects)
    .filter(
      (object) =>
        settings.object === undefined || object.name.toLowerCase() === settings.object.toLowerCase(),
    );
  const [only] = allowed;
  if (allowed.length === 1 && only) return { object: only };
  if (sample === undefined) {
    if (settings.object !== undefined && only) return { object: only };
    return { problem: 'no object to detect what this is from: give --object' };
  }
  const fits = (object: CatalogObject) =>
    parsePayload(object.schema, sample, { mode: 'strict', subject: object.name }).success;
  const detection = detectObject(Object.keys(sample), allowed, fits);
  if (detection === undefined) {
    return { problem: 'its fields match no OCPI object: give --object (and --version)' };
  }
  return { object: detection.object, detection };
}

/** Checks `value` as `target` says (or only its envelope, when `target` is unknown and `data` absent). */
export function validateValue(
  value: unknown,
  target: Target | undefined,
  settings: ValidateSettings,
): ValueOutcome {
  const policy = { mode: settings.mode, unknownFields: settings.unknownFields };
  if (isEnvelope(value)) {
    const version = target?.object.version ?? settings.version ?? '2.2.1';
    const envelope = parsePayload(catalogOfVersion(version).envelope, value, {
      ...policy,
      subject: 'response envelope',
    });
    const envelopeIssues = envelope.success ? envelope.issues : envelope.error.issues;
    const data = value.data;
    const inner =
      data === undefined || data === null || target === undefined
        ? { objects: 0, valid: 0, issues: [], failed: false }
        : validateData(data, target.object, policy, ['data']);
    return {
      objects: inner.objects,
      valid: inner.valid,
      issues: [...envelopeIssues.map((issue) => located(issue, [])), ...inner.issues],
      failed: !envelope.success || inner.failed,
    };
  }
  if (target === undefined) {
    return { objects: 0, valid: 0, issues: [], failed: true };
  }
  return validateData(value, target.object, policy, []);
}

function validateData(
  value: unknown,
  object: CatalogObject,
  policy: { mode: ValidationMode; unknownFields?: UnknownFields | undefined },
  at: readonly (string | number)[],
): ValueOutcome {
  const subject = object.name;
  if (Array.isArray(value)) {
    const result = parseList(object.schema, value, {
      ...policy,
      subject,
      maxRejected: Number.POSITIVE_INFINITY,
      maxIssues: Number.POSITIVE_INFINITY,
    });
    // Item by item, in the list's order: the rejected items' issues and the tolerated ones.
    const byItem = [
      ...result.rejected.map(({ index, issues }) => ({ index, issues })),
      ...result.tolerated.map(({ index, issues }) => ({ index, issues })),
    ].sort((a, b) => a.index - b.index);
    return {
      objects: value.length,
      valid: result.items.length,
      issues: byItem.flatMap(({ index, issues }) => issues.map((issue) => located(issue, [...at, index]))),
      failed: result.rejectedCount > 0,
    };
  }
  const result = parsePayload(object.schema, value, { ...policy, subject });
  const issues = result.success ? result.issues : result.error.issues;
  return {
    objects: 1,
    valid: result.success ? 1 : 0,
    issues: issues.map((issue) => located(issue, at)),
    failed: !result.success,
  };
}

function located(issue: ValidationIssue, at: readonly (string | number)[]): FoundIssue {
  return {
    path: at.length === 0 ? issue.path : formatPath([...at, ...issue.segments]),
    code: issue.code,
    message: issue.message,
    fatal: issue.fatal,
  };
}
