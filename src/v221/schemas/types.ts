// OCPI 2.2.1 Types: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc
export {
  type DisplayText,
  DisplayTextSchema,
  type Price,
  PriceSchema,
  type Role,
  RoleSchema,
  RoleValues,
} from '../generated/schemas';
