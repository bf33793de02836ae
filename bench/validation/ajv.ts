// ajv, the peer to beat: a validator compiled from a JSON Schema that zod derives from OUR schema, as a
// user who picks ajv would get one without writing the JSON Schema by hand.
//
// What ajv therefore does not check: zod's toJSONSchema writes types, required fields, enums, lengths
// and closed objects (no unknown field, as strict parsing refuses them), but none of our custom checks,
// which JSON Schema cannot express: the DateTime format (UTC, as the spec writes it), printable
// characters, the ISO 3166 / 4217 / 639-1 code lists, URLs, lengths in code points rather than UTF-16
// units, and the spec's prose rules across fields. `unrepresentable: 'any'` lets any such schema through
// as `{}` instead of throwing. ajv also returns no copy (nothing stripped), only a yes or no: it does
// less work than either of our paths.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import * as z from 'zod/mini';

// ajv-formats is CommonJS: its function is the default export, or that export's own `default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as AddFormats;

const ajv = addFormats(new Ajv({ allErrors: false, strict: false }));

/** An ajv validator compiled from the JSON Schema zod derives from `schema` (draft-07, output shape). */
export function ajvValidatorOf(schema: z.ZodMiniType): (value: unknown) => boolean {
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-07', unrepresentable: 'any' });
  const validate = ajv.compile(jsonSchema);
  return (value) => validate(value);
}
