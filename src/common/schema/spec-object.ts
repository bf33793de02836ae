import type * as z from 'zod/mini';

/** What zod itself infers as the output of a strict object of `Shape`. */
export type InferredOutput<Shape extends z.core.$ZodShape> = z.core.$InferObjectOutput<
  Shape,
  z.core.$strict['out']
>;
/** What zod itself infers as the input of a strict object of `Shape`. */
type InferredInput<Shape extends z.core.$ZodShape> = z.core.$InferObjectInput<Shape, z.core.$strict['in']>;

/**
 * The input of a spec object under its name where zod's input is that same type (most objects), else
 * zod's own (Version, Endpoint: their open enums take any value).
 */
type NamedInput<Shape extends z.core.$ZodShape, Output> = [InferredInput<Shape>] extends [Output]
  ? [Output] extends [InferredInput<Shape>]
    ? Output
    : InferredInput<Shape>
  : InferredInput<Shape>;

/**
 * The internals of a {@link SpecObjectSchema}: zod's own, with the output named, and the input too where
 * it is the same type. The constraint makes the checker prove, for each spec object, that its named type
 * fits what zod infers from the shape. With the input named, a function that takes a `Schema<T>` infers
 * `T` as the name (`Location`), and a request body reads `body: Location`.
 */
export interface SpecObjectInternals<Shape extends z.core.$ZodShape, Output extends InferredOutput<Shape>>
  extends z.core.$ZodObjectInternals<Shape, z.core.$strict> {
  output: Output;
  input: NamedInput<Shape, Output>;
}

/**
 * The declared type of a generated spec object's schema: what `z.strictObject` returns for `Shape` (so
 * `.shape`, `z.pick`, `z.partial` and `z.extend` work as on any other object schema), except that its
 * parsed value is typed as the object's own type. Hovers, declarations and the client's results then
 * read `Location` where zod would spell out every nested field, and the checker resolves each object
 * once. Written as zod writes `ZodMiniObject`, with the named internals in place of zod's.
 */
export interface SpecObjectSchema<Shape extends z.core.$ZodShape, Output extends InferredOutput<Shape>>
  // biome-ignore lint/suspicious/noExplicitAny: as zod's own ZodMiniObject, whose internals carry the types
  extends z.ZodMiniType<any, any, SpecObjectInternals<Shape, Output>> {
  shape: Shape;
}

/**
 * zod's enum object for a spec enum (`{ AC_1_PHASE: 'AC_1_PHASE', ... }`), named after the enum's type:
 * a generated enum schema is a `z.ZodMiniEnum<EnumObject<ConnectorType>>`, which declarations and
 * hovers print in those words instead of listing every value again.
 */
export type EnumObject<Values extends string> = { [Value in Values]: Value };

/**
 * The shape of a PATCH body: every field of `Shape`, each optional. What `z.partial` makes of an object
 * of `Shape`, by name, so that declarations print `PartialShape<LocationShape>`.
 */
export type PartialShape<Shape extends z.core.$ZodShape> = {
  [Key in keyof Shape]: z.ZodMiniOptional<Shape[Key]>;
};
