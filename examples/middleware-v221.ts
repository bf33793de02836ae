import { isOcpiHttpError, type Middleware } from '@org/ocpi';
import { createClient } from '@org/ocpi/v221';

// A stand-in for the partner's server (in real use, leave `fetch` out): LOC1 exists, nothing else does.
const BASE = 'https://cpo.example.com/ocpi/2.2.1/locations';
async function partner(request: Request): Promise<Response> {
  const found = request.url === `${BASE}/LOC1`;
  const body = found
    ? { data: { id: 'LOC1' }, status_code: 1000, timestamp: '2024-06-01T12:00:00Z' }
    : { status_code: 2003, status_message: 'Unknown location', timestamp: '2024-06-01T12:00:00Z' };
  return Response.json(body, { status: found ? 200 : 404 });
}

// Your own code around each request: a tracing header, a log line per answer, one per failed call. The
// token never reaches it: there is no Authorization header on `request`, the client adds it afterwards.
const sawToken: boolean[] = [];
const logging: Middleware = {
  onRequest: (request) => {
    request.headers.set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    sawToken.push(request.headers.has('Authorization'));
  },
  onResponse: (response, request) => {
    console.log(`${request.method} ${new URL(request.url).pathname}: ${response.status}`);
    // => GET /ocpi/2.2.1/locations/LOC1: 200
    // => GET /ocpi/2.2.1/locations/LOC9: 404
  },
  onError: (error) => {
    if (isOcpiHttpError(error)) console.log(`failed: HTTP ${error.status}`); // => failed: HTTP 404
  },
};

const client = createClient({
  token: 'token-c-from-the-registration',
  endpoints: [{ identifier: 'locations', role: 'SENDER', url: BASE }],
  from: { countryCode: 'DE', partyId: 'EMS' },
  validation: 'off',
  middleware: [logging],
  fetch: (input, init) => partner(new Request(input, init)),
});

await client.locations.sender.getLocation({ params: { location_id: 'LOC1' } });
await client.locations.sender.getLocation({ params: { location_id: 'LOC9' } }).catch(() => undefined);
console.log(sawToken); // => [ false, false ]
