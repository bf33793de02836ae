import { isOcpiRejectedItemsError, isOcpiUntrustedUrlError, type ValidationReport } from '@org/ocpi';
import { createClient } from '@org/ocpi/v221';

// A stand-in for the partner's server (in real use, leave `fetch` out): two pages of Locations, and
// LOC4 has no address, a field the spec requires.
const BASE = 'https://cpo.example.com/ocpi/2.2.1/locations';
const location = (id: string) => ({
  country_code: 'NL',
  party_id: 'CPO',
  id,
  publish: true,
  address: 'Stationsplein 1',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  time_zone: 'Europe/Amsterdam',
  last_updated: '2024-06-01T12:00:00Z',
});
async function partner(request: Request): Promise<Response> {
  const offset = new URL(request.url).searchParams.get('offset');
  const page = offset
    ? [location('LOC3'), { ...location('LOC4'), address: undefined }]
    : [location('LOC1'), location('LOC2')];
  const headers = new Headers({ 'X-Total-Count': '4' });
  if (!offset) headers.set('Link', `<${BASE}?offset=2&limit=2>; rel="next"`);
  const body = { data: page, status_code: 1000, timestamp: '2024-06-01T12:00:00Z' };
  return Response.json(body, { headers });
}

const client = createClient({
  token: 'token-c-from-the-registration',
  endpoints: [{ identifier: 'locations', role: 'SENDER', url: BASE }],
  from: { countryCode: 'DE', partyId: 'EMS' },
  fetch: (input, init) => partner(new Request(input, init)),
});

// Every page, one at a time; `break` would stop fetching. A broken item never costs the good ones, nor
// is it lost unseen: with no `onValidationIssues` listening, the loop ends with an error naming it.
try {
  for await (const item of client.locations.sender.list({ query: { date_from: '2024-01-01T00:00:00Z' } })) {
    console.log(item.id); // => LOC1
    // => LOC2
    // => LOC3
  }
} catch (error) {
  if (!isOcpiRejectedItemsError(error)) throw error;
  for (const { index, id, issues } of error.rejected)
    console.log(`left out #${index} ${id}: ${issues[0]?.path}`); // => left out #1 LOC4: address
}

// Or listen, per call (or per client), and hear of each page's rejected and tolerated items as they come.
const onValidationIssues = ({ rejected = [] }: ValidationReport) => {
  for (const { index, id } of rejected) console.log(`left out #${index} ${id}`); // => left out #1 LOC4
};
const all = await client.locations.sender.list({ options: { onValidationIssues } }).toArray({ limit: 100 });
console.log(all.length); // => 3

// The token only goes where the partner said: a URL elsewhere is refused before anything is sent.
const error = await client.cdrs.receiver
  .getCdr({ params: { cdr_location_url: 'https://elsewhere.example/cdr/1' } })
  .catch((caught: unknown) => caught);
console.log(isOcpiUntrustedUrlError(error)); // => true
