// OCPI 2.1.1 Types: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md
export {
  type DisplayText,
  DisplayTextSchema,
} from '../generated/schemas';
