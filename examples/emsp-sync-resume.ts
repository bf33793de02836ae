import { connect, partnerUrlPolicy } from '@org/ocpi';
import { serveLocally, simulatedCpo } from '@org/ocpi/testing';

// A simulated CPO on this machine: 120 Locations, 50 to a page, and a token it registered for us.
const cpo = await serveLocally((baseUrl) => simulatedCpo({ version: '2.2.1', baseUrl, locations: 120 }));
const client = await connect({
  versionsUrl: cpo.versionsUrl,
  token: cpo.registeredToken,
  from: { countryCode: 'NL', partyId: 'EMS' },
  // Plain HTTP to this machine: the default policy only calls public https URLs.
  allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
});
if (client.version !== '2.2.1') throw new Error(`expected 2.2.1, got ${client.version}`);
const locations = client.locations.sender;

// What the sync keeps between runs (in real use, in your database): the Locations, and where to go on.
const synced = new Map<string, unknown>();
let resumeAt: number | undefined = 0;

async function sync({ stopAfterPages }: { stopAfterPages: number }) {
  let pages = 0;
  for await (const page of locations.list({ query: { offset: resumeAt } }).pages()) {
    for (const location of page.items) synced.set(location.id, location);
    // The partner's next link says where the next page starts; none on the last page.
    const next = page.nextUrl && new URL(page.nextUrl).searchParams.get('offset');
    resumeAt = next ? Number(next) : undefined;
    console.log(`${synced.size}/${page.totalCount} Locations`);
    if (++pages === stopAfterPages) return; // leaving the loop fetches no further page
  }
}

await sync({ stopAfterPages: 1 }); // => 50/120 Locations
console.log(`stopped, next page at offset ${resumeAt}`); // => stopped, next page at offset 50

await sync({ stopAfterPages: Number.POSITIVE_INFINITY });
// => 100/120 Locations
// => 120/120 Locations
console.log(resumeAt === undefined ? 'done' : 'more to come'); // => done

await cpo.close();
