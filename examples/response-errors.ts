import { createResponseError, isOcpiClientStatusError } from '@org/ocpi';

// HTTP 200, but the envelope says the request failed: that is an error too.
const error = createResponseError({
  version: '2.2.1',
  method: 'GET',
  url: 'https://cpo.example.com/ocpi/cpo/2.2.1/sessions?token=secret',
  httpStatus: 200,
  envelope: { status_code: 2001, status_message: 'Missing date_from', timestamp: '2024-01-01T00:00:00Z' },
});
console.log(isOcpiClientStatusError(error)); // => true
console.log(error?.message); // => OCPI 2001 "Missing date_from": GET https://cpo.example.com/ocpi/cpo/2.2.1/sessions?token=%5BREDACTED%5D
