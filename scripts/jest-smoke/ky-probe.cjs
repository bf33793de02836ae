// What the CommonJS checks share (check-dist-require.cjs, and smoke.test.cjs under Jest, beside which
// check-dist-jest.mjs copies this file): a count of ky's load-time probe, and a valid 2.2.1 Location.

// ky probes the runtime when its code runs by building a Request for this URL: counting those tells
// whether requiring an entry ran ky.
const KY_PROBE_URL = 'https://empty.invalid';

/** Traps `Request` from now on; the function returned says how many ky probes it has seen. */
function countKyProbes() {
  let probes = 0;
  globalThis.Request = new Proxy(globalThis.Request, {
    construct(target, args, newTarget) {
      if (String(args[0]) === KY_PROBE_URL) probes += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
  return () => probes;
}

const LOCATION = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'LOC1',
  publish: true,
  address: 'Stationsplein 1',
  city: 'Amsterdam',
  country: 'NLD',
  coordinates: { latitude: '52.379189', longitude: '4.899431' },
  time_zone: 'Europe/Amsterdam',
  last_updated: '2024-06-01T12:00:00Z',
};

module.exports = { countKyProbes, LOCATION };
