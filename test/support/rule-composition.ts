// Where a ruled object travels: every place the spec model nests it, at any depth, and a value of each
// enclosing object that is valid but for the nested one. The composition tests parse those values with
// the enclosing object's schema and expect the nested object's own rule to speak, at the nested path.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { ObjectModel, SpecVersion, TypeRef, VersionModel } from '../../scripts/codegen/model';
import { formatPath } from '../../src/common/schema/validation-issue';
import { ISO_SAMPLES, isoListOf } from './iso-samples';
import { fromSpec } from './spec';
import { specModel } from './spec-coverage';

type Path = readonly (string | number)[];

/**
 * A valid value of a ruled object (the generated sample when left out), and, from it, one that breaks
 * only the object's own rules (its types intact).
 */
export interface RuleSamples {
  valid?: unknown;
  broken: (valid: Record<string, unknown>) => unknown;
}

/** One place a ruled object is nested: the enclosing object and the fields that lead there. */
export interface Nesting {
  ruled: string;
  enclosing: string;
  /** Field names from the enclosing object down to the ruled one; a list's entry is index 0. */
  path: Path;
}

/**
 * Every object that holds `ruled` at some depth, each with one path to it (the one through the fewest
 * fields, the first in field order). Derived from the model, so that a new parent needs no test of its own.
 */
export function nestingsOf(model: VersionModel, ruled: string): Nesting[] {
  const objects = objectsByName(model);
  const nestings: Nesting[] = [];
  for (const enclosing of objects.values()) {
    const path = pathTo(enclosing, ruled, objects);
    if (path) nestings.push({ ruled, enclosing: enclosing.name, path });
  }
  return nestings;
}

// The model has no reference cycles (the generator refuses them), so the walk ends.
function pathTo(
  from: ObjectModel,
  target: string,
  objects: ReadonlyMap<string, ObjectModel>,
): Path | undefined {
  let best: Path | undefined;
  for (const field of from.fields) {
    if (field.type.kind !== 'ref') continue;
    const step = isList(field.cardinality) ? [field.name, 0] : [field.name];
    const next = objects.get(field.type.name);
    const rest = field.type.name === target ? [] : next && pathTo(next, target, objects);
    if (rest && (!best || step.length + rest.length < best.length)) best = [...step, ...rest];
  }
  return best;
}

/**
 * A valid value of `name`: every field given (lists with one entry), so that any nested object can be
 * swapped for a broken one; ruled objects take their curated valid sample where they have one.
 */
export function sampleOf(
  model: VersionModel,
  name: string,
  samples: Readonly<Record<string, RuleSamples>>,
): Record<string, unknown> {
  const objects = objectsByName(model);
  const enums = new Map(model.modules.flatMap((module) => module.enums).map((e) => [e.name, e]));
  const curated = (objectName: string) => {
    const valid = samples[objectName]?.valid;
    return valid === undefined ? undefined : structuredClone(valid);
  };
  const value = (type: TypeRef): unknown => {
    if (type.kind === 'unparsed') throw new Error(`no sample of the unparsed type ${type.text}`);
    if (type.kind === 'primitive') return PRIMITIVE_SAMPLES[type.name];
    const enumeration = enums.get(type.name);
    if (enumeration) return enumeration.values[0]?.value;
    return curated(type.name) ?? object(type.name);
  };
  const object = (objectName: string): Record<string, unknown> => {
    const definition = objects.get(objectName);
    if (!definition) throw new Error(`no object ${objectName}`);
    return Object.fromEntries(
      definition.fields.map((field) => {
        // A field tied to an ISO list takes one of its codes, not the bare string sample.
        const iso = isoListOf(model.version, objectName, field.name);
        const one = iso === undefined ? value(field.type) : ISO_SAMPLES[iso].valid;
        return [field.name, isList(field.cardinality) ? [one] : one];
      }),
    );
  };
  return (curated(name) as Record<string, unknown> | undefined) ?? object(name);
}

/** `value` with the entry at `path` replaced. */
export function withAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = replacement;
  return copy;
}

/** The issues of a strict parse, as `path: message` lines, each path under `prefix`. */
export function issueLines(schema: z.ZodMiniType, input: unknown, prefix: Path = []): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
}

/** What a version's composition suite needs: its entry, its rules table and its samples. */
export interface CompositionSuite {
  version: SpecVersion;
  api: Readonly<Record<string, unknown>>;
  table: Readonly<Record<string, unknown>>;
  samples: Readonly<Record<string, RuleSamples>>;
  /** Nestings named in the issue, deeper than the shortest path the suite derives for their pair. */
  examples: readonly Nesting[];
}

/**
 * The tests of one version: each ruled object's samples behave, and its rule speaks, at the nested path,
 * wherever the model nests it, in every enclosing object, whole and as a PATCH body.
 */
export function describeComposition({ version, api, table, samples, examples }: CompositionSuite): void {
  const model = fromSpec(() => specModel(version));
  const schema = (name: string) => api[`${name}Schema`] as z.ZodMiniType;
  const valid = (name: string) => sampleOf(model(), name, samples);
  const broken = (name: string) => (samples[name] as RuleSamples).broken(valid(name));
  // The issues of the ruled object's broken sample, moved to where it is nested.
  const nested = (name: string, path: Path) => issueLines(schema(name), broken(name), path);
  const ruled = Object.keys(table).sort();

  it('has a sample for each ruled object', () => {
    expect(Object.keys(samples).sort()).toEqual(ruled);
  });

  describe.each(ruled)('%s', (name) => {
    it('takes its valid sample and reports its broken one', () => {
      expect(issueLines(schema(name), valid(name))).toEqual([]);
      expect(nested(name, [])).not.toEqual([]);
    });

    it('reports its own rule wherever the spec nests it, whole and in PATCH bodies', () => {
      expect(nested(name, [])).not.toEqual([]);
      for (const { enclosing, path } of nestingsOf(model(), name)) {
        const value = withAt(valid(enclosing), path, broken(name));
        const where = `${name} at ${formatPath(path)} in ${enclosing}`;
        expect(issueLines(schema(enclosing), valid(enclosing)), `the sample of ${enclosing}`).toEqual([]);
        expect(issueLines(schema(enclosing), value), where).toEqual(
          expect.arrayContaining(nested(name, path)),
        );
        const patch = api[`${enclosing}PatchSchema`] as z.ZodMiniType | undefined;
        if (patch) {
          expect(issueLines(patch, value), `${where} PATCH`).toEqual(
            expect.arrayContaining(nested(name, path)),
          );
        }
      }
    });

    it('holds its rule back while a field of an object around it has the wrong type', () => {
      // Rules are judged once every field has its type (in lenient mode, after the repairs).
      for (const { enclosing, path } of nestingsOf(model(), name)) {
        const other = fieldsOf(model(), enclosing).find((field) => field !== path[0]);
        if (other === undefined) continue;
        const value = withAt(withAt(valid(enclosing), path, broken(name)), [other], 42n);
        const issues = issueLines(schema(enclosing), value);
        expect(issues, `${enclosing}.${other}`).toContainEqual(
          expect.stringMatching(new RegExp(`^${other}: `)),
        );
        expect(issues, `${name} at ${formatPath(path)} in ${enclosing}`).not.toEqual(
          expect.arrayContaining([nested(name, path)[0]]),
        );
      }
    });

    it('reports its own rule in its PATCH body, if it has one', () => {
      const patch = api[`${name}PatchSchema`] as z.ZodMiniType | undefined;
      if (patch) expect(issueLines(patch, broken(name))).toEqual(expect.arrayContaining(nested(name, [])));
    });
  });

  it.each(
    examples.map(
      (example) =>
        [`${example.ruled} at ${formatPath(example.path)} in ${example.enclosing}`, example] as const,
    ),
  )('reports %s', (_, { ruled: name, enclosing, path }) => {
    const value = withAt(valid(enclosing), path, broken(name));
    expect(issueLines(schema(enclosing), value)).toEqual(expect.arrayContaining(nested(name, path)));
    expect(nested(name, path)).not.toEqual([]);
  });
}

function fieldsOf(model: VersionModel, name: string): string[] {
  return (
    objectsByName(model)
      .get(name)
      ?.fields.map((field) => field.name) ?? []
  );
}

function objectsByName(model: VersionModel): Map<string, ObjectModel> {
  return new Map(model.modules.flatMap((module) => module.objects).map((object) => [object.name, object]));
}

function isList(cardinality: string): boolean {
  return cardinality === '*' || cardinality === '+';
}

const PRIMITIVE_SAMPLES: Readonly<Record<string, unknown>> = {
  string: 'x',
  CiString: 'X',
  int: 1,
  number: 1,
  decimal: 1,
  boolean: false,
  DateTime: '2024-06-01T12:00:00Z',
  URL: 'https://example.com/ocpi',
};
