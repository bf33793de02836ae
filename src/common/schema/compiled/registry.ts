// Which zod schema has a compiled validator. The generated schemas pair each object schema with its
// validator where the schema is defined (`withCompiled`, a pure call): a bundle that keeps a schema keeps
// its validator and those it calls, a bundle that drops the schema drops both, and nothing is registered
// by importing a module. Keyed by identity, so a schema derived from one (`.check()`, `z.extend`) is a
// new object without a validator, and its own checks always run through zod.

/** A compiled validator: the value as strict parsing returns it, or FAIL (runtime.ts). */
export type CompiledValidator = (value: unknown) => unknown;

const validators = /*@__PURE__*/ new WeakMap<object, CompiledValidator>();

// Tests turn the compiled path off to compare with zod alone.
let enabled = true;

/** `schema`, noted as validated by `validate` exactly as its strict parse does. For generated code. */
export function withCompiled<S extends object>(schema: S, validate: CompiledValidator): S {
  validators.set(schema, validate);
  return schema;
}

/** The compiled validator paired with `schema`, if any (and while the compiled path is on). */
export function compiledValidatorOf(schema: object): CompiledValidator | undefined {
  return enabled ? validators.get(schema) : undefined;
}

/** Internal, for tests and the bench: whether the parse helpers may use compiled validators. */
export function setCompiledPath(on: boolean): void {
  enabled = on;
}
