import type * as z from 'zod/mini';

/**
 * For each step of `path` inside a value of `schema`: whether what that step leads to may be left out of
 * its parent without breaking it, that is an optional field of an object, or an element of a list that
 * is itself an optional field. Read from the schemas' public parts (`type`, `shape`, `def`); the walk
 * stops (the remaining steps are not optional) where the schema has no such step: an unknown field, a
 * wrapper it does not know.
 */
export function optionalPlaces(schema: z.ZodMiniType, path: readonly PropertyKey[]): boolean[] {
  const places: boolean[] = [];
  let current: z.ZodMiniType | undefined = unwrapOptional(schema);
  let listIsOptional = false;
  for (const step of path) {
    if (current?.type === 'object' && typeof step === 'string') {
      const field = (current as z.ZodMiniObject).shape[step] as z.ZodMiniType | undefined;
      const optional = field?.type === 'optional';
      places.push(optional);
      listIsOptional = optional;
      current = field && unwrapOptional(field);
    } else if (current?.type === 'array' && typeof step === 'number') {
      places.push(listIsOptional);
      listIsOptional = false;
      current = unwrapOptional((current as z.ZodMiniArray).def.element as z.ZodMiniType);
    } else {
      places.push(false);
      current = undefined;
    }
  }
  return places;
}

function unwrapOptional(schema: z.ZodMiniType): z.ZodMiniType {
  return schema.type === 'optional' ? ((schema as z.ZodMiniOptional).def.innerType as z.ZodMiniType) : schema;
}
