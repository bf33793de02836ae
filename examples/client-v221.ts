import { connect, isOcpiRejectedItemsError, isOcpiUntrustedUrlError, type ValidationReport } from '@org/ocpi';

// A stand-in for the partner's server (in real use, leave `fetch` out): its versions, its 2.2.1
// endpoints, and two pages of Locations, where LOC4 has no address, a field the spec requires.
const CPO = 'https://cpo.example.com/ocpi';
const BASE = `${CPO}/2.2.1/locations`;
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
const details = {
  version: '2.2.1',
  endpoints: [
    { identifier: 'locations', role: 'SENDER', url: BASE },
    { identifier: 'cdrs', role: 'RECEIVER', url: `${CPO}/2.2.1/cdrs` },
  ],
};
async function partner(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers();
  let data: unknown = [{ version: '2.2.1', url: `${CPO}/2.2.1` }];
  if (url.pathname.endsWith('/2.2.1')) data = details;
  if (url.href.startsWith(BASE)) {
    const offset = url.searchParams.get('offset');
    data = offset
      ? [location('LOC3'), { ...location('LOC4'), address: undefined }]
      : [location('LOC1'), location('LOC2')];
    headers.set('X-Total-Count', '4');
    if (!offset) headers.set('Link', `<${BASE}?offset=2&limit=2>; rel="next"`);
  }
  return Response.json({ data, status_code: 1000, timestamp: '2024-06-01T12:00:00Z' }, { headers });
}

// connect() reads the partner's versions, picks the highest both sides speak and that version's
// endpoints, and gives its client (createClient from '@org/ocpi/v221' makes one from known endpoints).
const client = await connect({
  versionsUrl: `${CPO}/versions`,
  token: 'token-c-from-the-registration',
  fetch: (input, init) => partner(new Request(input, init)),
});
if (client.version !== '2.2.1') throw new Error(`expected 2.2.1, got ${client.version}`);

// Every page, one at a time; `break` would stop fetching. A broken item never costs the good ones, nor
// is it lost unseen: with no `onValidationIssues` listening, the loop ends with an error naming it.
try {
  for await (const item of client.locations.sender.list({ query: { date_from: new Date('2024-01-01') } })) {
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
