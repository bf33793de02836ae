import { isSuccessStatusCode, OcpiValidationError } from '@org/ocpi';
import { DisplayTextSchema, OcpiResponseEnvelopeSchema, OcpiResponseSchema } from '@org/ocpi/v221';
import * as z from 'zod/mini';

const body = {
  data: [
    { language: 'en', text: 'Standard Tariff' },
    { language: 'english', text: 'Night Tariff' },
  ],
  status_code: 1000,
  timestamp: '2015-06-29T20:39:09Z',
};

// First the envelope (is it a success?), then the data by the endpoint's schema.
const envelope = OcpiResponseEnvelopeSchema.parse(body);
console.log(isSuccessStatusCode(envelope.status_code)); // => true

const result = OcpiResponseSchema(z.array(DisplayTextSchema)).safeParse(body);
if (!result.success) {
  const error = OcpiValidationError.fromZod('tariff texts', result.error, body);
  for (const issue of error.issues) console.log(`${issue.path}: ${issue.message}`);
  // => data[1].language: must have at most 2 characters
  // => data[1].language: must be an assigned ISO 639-1 language code (two lower-case letters)
}
