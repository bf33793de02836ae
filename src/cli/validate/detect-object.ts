// Which object of which version a payload is, from its field names alone: each known object's shape is
// scored by how well the payload's fields match it (fields it defines, fields it does not, required
// fields missing), best first. Pure, so that its judgement is tested on its own.
import type { OcpiVersion } from '../../common/protocol/version';

/** What detection knows of an object: its version, spec name, field names and required fields. */
export interface ObjectShape {
  readonly version: OcpiVersion;
  readonly name: string;
  readonly fields: readonly string[];
  readonly required: readonly string[];
}

/** One object a payload may be, with how well its fields match: 1 is every field known, none missing. */
export interface Candidate<T extends ObjectShape> {
  readonly object: T;
  readonly score: number;
}

/** What detection decided: the object chosen, how sure it is, and the others that came close. */
export interface Detection<T extends ObjectShape> {
  readonly object: T;
  readonly score: number;
  /** A perfect match that no other object matches as well. */
  readonly certain: boolean;
  /** The objects within {@link CLOSE} of the best score, the chosen one first: more than one is ambiguity. */
  readonly candidates: readonly Candidate<T>[];
}

/** How far below the best score an object still counts as a candidate worth naming. */
export const CLOSE = 0.1;
const MAX_CANDIDATES = 5;

/**
 * How well `keys` (a payload's field names) fit `shape`: the fields it defines among all the fields
 * present or required, so that an unknown field and a missing required one cost the same. 0 to 1.
 */
export function fieldScore(keys: readonly string[], shape: ObjectShape): number {
  const fields = new Set(shape.fields);
  const present = new Set(keys);
  let known = 0;
  for (const key of present) if (fields.has(key)) known++;
  const unknown = present.size - known;
  const missing = shape.required.filter((field) => !present.has(field)).length;
  const total = known + unknown + missing;
  return total === 0 ? 0 : known / total;
}

/** How much of the shape the payload uses: between two equal scores, the object more of it fills. */
function coverage(keys: readonly string[], shape: ObjectShape): number {
  const fields = new Set(shape.fields);
  return shape.fields.length === 0 ? 0 : keys.filter((key) => fields.has(key)).length / fields.size;
}

/**
 * The object among `shapes` that a payload with the fields `keys` most likely is, or undefined when
 * none shares a single field with it. Ties go to the earlier shape (list the preferred version first),
 * unless `fits` is given: then the first of the tied objects that `fits` (say, validates) wins.
 */
export function detectObject<T extends ObjectShape>(
  keys: readonly string[],
  shapes: readonly T[],
  fits?: (object: T) => boolean,
): Detection<T> | undefined {
  const ranked = shapes
    .map((object, order) => ({
      object,
      score: fieldScore(keys, object),
      coverage: coverage(keys, object),
      order,
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.order - b.order);
  const [first] = ranked;
  if (first === undefined) return undefined;
  const tied = ranked.filter(({ score, coverage }) => score === first.score && coverage === first.coverage);
  const chosen = (fits && tied.find(({ object }) => fits(object))) ?? first;
  const close = ranked.filter((entry) => entry !== chosen && entry.score >= chosen.score - CLOSE);
  const candidates = [chosen, ...close]
    .slice(0, MAX_CANDIDATES)
    .map(({ object, score }) => ({ object, score }));
  return {
    object: chosen.object,
    score: chosen.score,
    certain: chosen.score === 1 && candidates.length === 1,
    candidates,
  };
}
