// Fuzzes the registration handler the way a hostile partner would: random methods, paths, headers,
// tokens and bodies (deep, huge, malformed), and a partner API that answers anything when called back.
// Whatever comes in, the handler answers: never a 5xx, never a throw, never a token or a stack trace
// in an answer, and a rejected request never changes the store. One file per validation mode
// (registration-fuzz-*.test.ts), so that the two runs take a worker each.
import { createRegistrationHandler, type PartnerStore } from '@org/ocpi';
import fc from 'fast-check';
import { expect } from 'vitest';
import { DEFAULT_MAX_CREDENTIALS_BODY_BYTES } from '../../../src/server/credentials/credentials-body';
import { InMemoryPartnerStore } from '../../../src/server/partners/partner-store';

const BASE = 'https://emsp.example.com/ocpi';
const PARTNER_HOST = 'cpo.example.com';
const PARTNER_VERSIONS = `https://${PARTNER_HOST}/ocpi/versions`;

// Every token the store knows; none may be in an answer, except the one a credentials answer hands out.
const TOKEN = {
  a: 'token-a-invited-4f1c9e2b',
  current: 'token-c-current-7d2a51e0',
  previous: 'token-c-previous-0b93c8aa',
  outgoing: 'token-b-outgoing-55e1f3c9',
  callback: 'token-b-posted-9a7c1e44',
} as const;
const KNOWN_TOKENS = Object.values(TOKEN);

export const RUNS_PER_MODE = 10_000;
const SEED = 20261206;

async function seededStore(): Promise<InMemoryPartnerStore> {
  const store = new InMemoryPartnerStore();
  await store.save({ id: 'invited', status: 'invited', incomingToken: TOKEN.a });
  await store.save({
    id: 'registered',
    status: 'registered',
    incomingToken: TOKEN.current,
    previousIncomingToken: TOKEN.previous,
    // Far off, so the replaced token keeps serving recovery for the whole run.
    previousIncomingTokenExpiresAt: '9999-12-31T23:59:59.999Z',
    outgoingToken: TOKEN.outgoing,
    version: '2.2.1',
    versionsUrl: PARTNER_VERSIONS,
    versionUrl: `https://${PARTNER_HOST}/ocpi/2.2.1`,
    endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: `https://${PARTNER_HOST}/ocpi/2.2.1/c` }],
    roles: [{ role: 'CPO', countryCode: 'NL', partyId: 'CPO', businessDetails: { name: 'CPO' } }],
  });
  return store;
}

// ---- What the partner sends us ----

// Weighted towards requests that get past authentication and routing: that is where the work is.
const methods = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('POST', 'PUT') },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('PATCH', 'HEAD', 'OPTIONS', 'PROPFIND') },
);

const knownPaths = fc.constantFrom(
  '/versions',
  '/2.2.1',
  '/2.1.1',
  '/2.2.1/credentials',
  '/2.1.1/credentials',
  '/2.2.1/credentials/',
  '/versions/',
  '/2.2.1/locations',
  '/2.0/credentials',
);
const segment = fc.oneof(
  fc.constantFrom('versions', '2.2.1', '2.1.1', 'credentials', '..', '.', '%2e%2e', '%00', '', '%2F'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const paths = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('/2.2.1/credentials', '/2.1.1/credentials') },
  { weight: 4, arbitrary: knownPaths },
  { weight: 2, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((n) => `/${'/'.repeat(n)}x`) },
  {
    weight: 1,
    arbitrary: fc.tuple(knownPaths, fc.integer({ min: 1, max: 30_000 })).map(([p, n]) => p + '/'.repeat(n)),
  },
);
const queries = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }).map((text) => `?${encodeURIComponent(text)}`),
  fc.constant(`?${Array.from({ length: 2_000 }, (_, i) => `key${i}=x`).join('&')}`),
);

const tokenValues = fc.oneof(
  fc.constantFrom(...KNOWN_TOKENS),
  fc.string({ maxLength: 80 }),
  fc.constantFrom('', ' ', 'AA==', 'A'.repeat(65), 'A'.repeat(100_000), '\u00e9t\u00e9', 'a b'),
);
const authorizations = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(TOKEN.a, TOKEN.current, TOKEN.previous), fc.boolean())
      .map(([token, raw]) => `Token ${raw ? token : encodeBase64(token)}`),
  },
  fc.constant(undefined),
  tokenValues.map((token) => `Token ${token}`),
  tokenValues.map((token) => `Token ${encodeBase64(token)}`),
  fc.constantFrom('Token', 'Token  ', 'Bearer x', 'token x', 'Basic dXNlcjpwdw==', `Token ${TOKEN.a} extra`),
  fc.string({ maxLength: 60 }),
);
// Method, path and token drawn apart, or a registration (POST with token A, PUT with the current token)
// as a partner would send it, so that the fuzzed bodies and partner answers get to the callbacks.
const requestLines = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(methods, paths, authorizations) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.boolean(), fc.constantFrom('2.2.1', '2.1.1'), fc.boolean())
      .map(([post, version, raw]): [string, string, string] => {
        const token = post ? TOKEN.a : TOKEN.current;
        return [
          post ? 'POST' : 'PUT',
          `/${version}/credentials`,
          `Token ${raw ? token : encodeBase64(token)}`,
        ];
      }),
  },
);
const traceHeaders = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  fc.record({
    'X-Correlation-ID': fc.oneof(fc.uuid(), fc.string({ maxLength: 100 }), fc.constant('x'.repeat(20_000))),
    'X-Request-ID': fc.oneof(fc.uuid(), fc.string({ maxLength: 100 })),
  }),
  fc.record({ 'Content-Length': fc.constantFrom('0', '-1', '200000000', 'abc', '1e9') }),
  fc.record({ 'Content-Type': fc.constantFrom('text/html', 'application/json; charset=utf-16', '') }),
);

const callbackUrls = fc.oneof(
  { weight: 6, arbitrary: fc.constant(PARTNER_VERSIONS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      `http://${PARTNER_HOST}/ocpi/versions`,
      'http://127.0.0.1/versions',
      'https://127.0.0.1/versions',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/versions',
      'https://[::ffff:7f00:1]/versions',
      'https://10.0.0.7/versions',
      'https://localhost/versions',
      'https://2130706433/versions',
      `https://${PARTNER_HOST}/${'a'.repeat(300)}`,
      `https://${PARTNER_HOST}/ocpi/versions?${Array.from({ length: 8_000 }, (_, i) => `key${i}=x`).join('&')}`,
      'javascript:alert(1)',
      'data:,x',
      'not a url',
    ),
  },
);
// A token of 2,000,000 characters, kept as the run it is: see Body.
const HUGE_TOKEN: Run = ['x', 2_000_000];
const callbackTokens = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string | Run>(TOKEN.callback) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | Run>(TOKEN.a, TOKEN.outgoing, 'x'.repeat(65), 'a b', '', HUGE_TOKEN),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
const fuzzedRole221 = fc.record({
  role: fc.constantFrom('CPO', 'EMSP', 'HUB', 'NSP', 'OTHER', 'SCSP', 'PIRATE'),
  party_id: fc.constantFrom('CPO', 'ABC', 'TOOLONG', ''),
  country_code: fc.constantFrom('NL', 'DE', 'nl', 'XXX'),
  business_details: fc.oneof(
    fc.constant({ name: 'Partner' }),
    fc.record({ name: fc.string({ maxLength: 120 }), website: fc.constantFrom('https://x.example', 'nope') }),
  ),
});
const cpoRole = { role: 'CPO', party_id: 'CPO', country_code: 'NL', business_details: { name: 'Partner' } };
const credentials221 = fc.record({
  token: callbackTokens,
  url: callbackUrls,
  roles: fc.oneof(
    { weight: 4, arbitrary: fc.constant([cpoRole]) },
    { weight: 2, arbitrary: fc.array(fuzzedRole221, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant([]) },
  ),
});
const credentials211 = fc.record({
  token: callbackTokens,
  url: callbackUrls,
  party_id: fc.constantFrom('CPO', 'CPO', 'CPO', 'TOOLONG'),
  country_code: fc.constantFrom('NL', 'NL', 'NL', 'XXX'),
  business_details: fc.constant({ name: 'Partner' }),
});
/** Text written `times` over in a row. */
type Run = readonly [text: string, times: number];

/**
 * A body as the runs of text it is made of, or a stream of that many bytes. Runs keep a nesting 200,000
 * deep or a 2 MB token as a few numbers: the handler reads at most 64 KiB of a body, and writing out
 * every long one in full (800 MB per 20,000 runs) was a third of the fuzz's time. A body the handler
 * may read whole is sent as text; a longer one is written out as it is read (see buildRequest).
 */
type Body = { runs: readonly Run[] } | { streamedBytes: number };

const text = (body: string): Body => ({ runs: [[body, 1]] });

/** A credentials object as JSON: the text JSON.stringify gives, with a huge token kept as its run. */
function credentialsJson(credentials: { token: string | Run; [field: string]: unknown }): Run[] {
  const { token } = credentials;
  if (typeof token === 'string') return [[JSON.stringify(credentials), 1]];
  // The token is the first field (fc.record keeps the order of its keys) and needs no escaping.
  const open = '{"token":"';
  const json = JSON.stringify({ ...credentials, token: '' });
  return [[open, 1], token, [json.slice(open.length), 1]];
}

// An unknown field nested far deeper than any stack allows to recurse on (JSON.stringify would throw:
// the body is written around the field, which comes last).
const withDeepExtension = fc
  .tuple(fc.oneof(credentials221, credentials211), fc.integer({ min: 1_000, max: 120_000 }))
  .map(([credentials, depth]): Body => {
    const runs = credentialsJson({ ...credentials, extension: 0 });
    const [last, field] = [runs.at(-1)?.[0] ?? '', '"extension":0}'];
    if (!last.endsWith(field)) throw new Error(`the extension is not the last field: ${last}`);
    const open: Run = [last.slice(0, -'0}'.length), 1];
    return { runs: [...runs.slice(0, -1), open, ...nested(depth), ['}', 1]] };
  });

const bodies: fc.Arbitrary<Body> = fc.oneof(
  { weight: 10, arbitrary: credentials221.map((body): Body => ({ runs: credentialsJson(body) })) },
  { weight: 5, arbitrary: credentials211.map((body): Body => ({ runs: credentialsJson(body) })) },
  { weight: 1, arbitrary: withDeepExtension },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((depth): Body => ({ runs: nested(depth) })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => text(JSON.stringify(value))) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map(text) },
  { weight: 1, arbitrary: fc.constantFrom('', 'null', '{', '[]', '{"token":', '\u0000', '<html>').map(text) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0.5, 2, 200).map((mb): Body => ({ streamedBytes: mb * 1024 * 1024 })),
  },
);

// ---- What the partner's API answers when we call it back ----

type PartnerBehaviour =
  | 'valid'
  | 'valid-private-endpoints'
  | 'status-error-echoing-token'
  | 'http-500-echoing-token'
  | 'html'
  | 'deep-json'
  | 'huge'
  | 'network-error'
  | 'redirect-elsewhere'
  | 'versions-without-ours';

const behaviours = fc.constantFrom<PartnerBehaviour>(
  'valid',
  'valid',
  'valid',
  'valid',
  'valid-private-endpoints',
  'status-error-echoing-token',
  'http-500-echoing-token',
  'html',
  'deep-json',
  'huge',
  'network-error',
  'redirect-elsewhere',
  'versions-without-ours',
);

/** A stand-in for every host: records each URL we would have called, and answers as the partner behaves. */
function partnerFetch(behaviour: PartnerBehaviour, called: URL[]): typeof fetch {
  return async (input, init) => {
    // The transport hands over a Request and only options a Request does not know: no copy is needed.
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    called.push(url);
    const echoed = request.headers.get('authorization') ?? '';
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const envelope = (data: unknown) => json({ data, status_code: 1000, timestamp: '2026-12-06T00:00:00Z' });
    switch (behaviour) {
      case 'network-error':
        throw new TypeError(`fetch failed (${echoed})`);
      case 'html':
        return new Response(`<html>${echoed}</html>`, {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        });
      case 'deep-json':
        return new Response(`{"status_code":1000,"data":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, {
          status: 200,
        });
      case 'huge':
        return new Response(lazyBytes(200 * 1024 * 1024), { status: 200 });
      case 'http-500-echoing-token':
        return json({ status_code: 3000, status_message: `bad token ${echoed}` }, 500);
      case 'status-error-echoing-token':
        return json({
          status_code: 2001,
          status_message: echoed,
          data: { echoed },
          timestamp: '2026-12-06T00:00:00Z',
        });
      case 'redirect-elsewhere':
        return new Response(null, { status: 307, headers: { Location: 'https://169.254.169.254/steal' } });
      case 'versions-without-ours':
        return envelope([{ version: '1.9', url: `https://${PARTNER_HOST}/ocpi/1.9` }]);
    }
    const root = `https://${PARTNER_HOST}/ocpi`;
    if (url.pathname.endsWith('/versions')) {
      return envelope([
        { version: '2.1.1', url: `${root}/2.1.1` },
        { version: '2.2.1', url: `${root}/2.2.1` },
      ]);
    }
    const version = url.pathname.endsWith('2.1.1') ? '2.1.1' : '2.2.1';
    const host = behaviour === 'valid-private-endpoints' ? 'https://10.1.2.3/ocpi' : root;
    const endpoint = (identifier: string) =>
      version === '2.2.1'
        ? { identifier, role: 'SENDER', url: `${host}/${version}/${identifier}` }
        : { identifier, url: `${host}/${version}/${identifier}` };
    return envelope({ version, endpoints: [endpoint('credentials'), endpoint('locations')] });
  };
}

// ---- The run ----

interface Outcome {
  status: number;
  body: string;
  headers: string;
}

/** Counts how many requests reached each kind of answer, to show that the fuzzer gets deep enough. */
function tally(
  reached: Map<string, number>,
  outcome: Outcome,
  envelope: { status_code: number },
  called: readonly URL[],
): void {
  const kinds = [outcome.status === 200 ? `status ${envelope.status_code}` : `HTTP ${outcome.status}`];
  if (called.length > 0) kinds.push('called the partner');
  if (called.length > 0 && envelope.status_code === 1000) kinds.push('registered');
  for (const kind of kinds) reached.set(kind, (reached.get(kind) ?? 0) + 1);
}

/** The fuzz run of one validation mode: RUNS_PER_MODE requests from a fixed seed, checked one by one. */
export async function fuzzRegistrationHandler(validation: 'strict' | 'lenient'): Promise<void> {
  const reached = new Map<string, number>();
  let handled = 0;
  // A rejected request leaves the store as it was (that is checked), so the store is seeded again
  // only after a request that was accepted and may have changed it.
  let store = await seededStore();
  let before = JSON.stringify(store.all());
  // The store changes only by a write: a request that attempted none is not compared in full.
  let wrote = false;
  const handlerStore: PartnerStore = {
    findByToken: (token) => store.findByToken(token),
    findById: (id) => store.findById(id),
    save: (record) => {
      wrote = true;
      return store.save(record);
    },
    remove: (record) => {
      wrote = true;
      return store.remove(record);
    },
  };
  // One handler for the whole run, as a server has: what differs per request (how the partner answers,
  // what it was called at, what reached onError) goes through these variables.
  let behaviour: PartnerBehaviour = 'valid';
  let called: URL[] = [];
  let errors: unknown[] = [];
  const handle = createRegistrationHandler({
    store: handlerStore,
    baseUrl: BASE,
    versions: {
      '2.2.1': {
        roles: [{ role: 'EMSP', party_id: 'EXM', country_code: 'DE', business_details: { name: 'Us' } }],
        endpoints: [{ identifier: 'locations', role: 'RECEIVER', url: `${BASE}/2.2.1/locations` }],
      },
      '2.1.1': {
        party_id: 'EXM',
        country_code: 'DE',
        business_details: { name: 'Us' },
        endpoints: [{ identifier: 'locations', url: `${BASE}/2.1.1/locations` }],
      },
    },
    validation,
    retry: { limit: 0 },
    timeout: 2_000,
    // Small enough that a partner's endless answer costs little per run; the cap is what is fuzzed.
    maxResponseBytes: 1024 * 1024,
    fetch: (input, init) => partnerFetch(behaviour, called)(input, init),
    onError: (error) => errors.push(error),
  });
  await fc.assert(
    fc.asyncProperty(
      requestLines,
      queries,
      traceHeaders,
      bodies,
      behaviours,
      async ([method, path, authorization], query, trace, body, partnerBehaviour) => {
        const request = buildRequest(method, `${BASE}${path}${query}`, authorization, trace, body);
        behaviour = partnerBehaviour;
        called = [];
        errors = [];
        wrote = false;
        const response = await handle(request);
        handled++;
        const outcome: Outcome = {
          status: response.status,
          body: await response.text(),
          headers: JSON.stringify([...response.headers]),
        };

        // Plain checks, not expect(): twenty thousand runs of a dozen assertions would cost more in
        // the matcher's bookkeeping than in the handler. fast-check reports the throw and the input.
        check(errors.length === 0, () => `an error reached onError: ${String(errors[0])}`);
        check(outcome.status < 500, () => `HTTP ${outcome.status}: ${outcome.body.slice(0, 300)}`);
        const envelope = JSON.parse(outcome.body) as { status_code: number; data?: { token?: unknown } };
        check(Number.isInteger(envelope.status_code), () => `no status_code: ${outcome.body.slice(0, 300)}`);
        checkNoSecretOrStack(outcome, envelope);
        // Our server only ever calls the partner's own host, over https.
        for (const url of called) {
          check(url.protocol === 'https:' && url.hostname === PARTNER_HOST, () => `called ${url.href}`);
        }
        const accepted = outcome.status === 200 && envelope.status_code === 1000;
        tally(reached, outcome, envelope, called);
        if (accepted) {
          store = await seededStore();
          before = JSON.stringify(store.all());
        } else if (wrote) {
          check(JSON.stringify(store.all()) === before, () => 'a rejected request changed the store');
        }
      },
    ),
    { numRuns: RUNS_PER_MODE, seed: SEED + (validation === 'strict' ? 0 : 1), endOnFailure: true },
  );
  expect(handled).toBe(RUNS_PER_MODE);
  // The fuzzer must get past authentication and routing, to the callbacks and the store.
  expect(reached.get('called the partner')).toBeGreaterThanOrEqual(200);
  expect(reached.get('registered')).toBeGreaterThanOrEqual(60);
  for (const kind of ['HTTP 401', 'HTTP 404', 'HTTP 405', 'status 2001']) {
    expect(reached.get(kind), kind).toBeGreaterThanOrEqual(200);
  }
  for (const kind of ['HTTP 400', 'HTTP 413', 'status 3001']) {
    expect(reached.get(kind), kind).toBeGreaterThanOrEqual(100);
  }
}

/** A request as the fuzzer describes it; what the Fetch API refuses to build is sent without that part. */
function buildRequest(
  method: string,
  url: string,
  authorization: string | undefined,
  trace: Record<string, string>,
  body: Body,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries({
    ...trace,
    ...(authorization !== undefined && { authorization }),
  })) {
    try {
      headers.set(name, value);
    } catch {
      // A value the Fetch API refuses never reaches a handler either.
    }
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (!hasBody) return new Request(url, { method, headers });
  if ('streamedBytes' in body) {
    return new Request(url, {
      method,
      headers,
      body: lazyBytes(body.streamedBytes),
      duplex: 'half',
    } as RequestInit);
  }
  const { runs } = body;
  if (runs.reduce((length, [text, times]) => length + text.length * times, 0) <= MAX_READ) {
    return new Request(url, {
      method,
      headers,
      body: runs.map(([text, times]) => text.repeat(times)).join(''),
    });
  }
  // Longer than the handler reads: the same text, written out as it is read, with the type a text
  // body gets.
  if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  return new Request(url, { method, headers, body: lazyText(runs), duplex: 'half' } as RequestInit);
}

/** The handler's limit of a credentials body (the fuzz keeps the default): a body up to this long may be read whole. */
const MAX_READ = DEFAULT_MAX_CREDENTIALS_BODY_BYTES;

// Each known token in each of its wire forms: raw, Base64 and URL-encoded.
const KNOWN_TOKEN_FORMS = KNOWN_TOKENS.flatMap((token) =>
  [token, encodeBase64(token), encodeURIComponent(token)].map((form) => [token, form] as const),
);

/** No token the store knows, in any wire form, outside the one token a credentials answer hands out. */
function checkNoSecretOrStack(
  outcome: Outcome,
  envelope: { status_code: number; data?: { token?: unknown } },
) {
  const handedOut = envelope.status_code === 1000 ? envelope.data?.token : undefined;
  let body = outcome.body;
  if (typeof handedOut === 'string') body = body.split(JSON.stringify(handedOut)).join('"<handed out>"');
  for (const [token, form] of KNOWN_TOKEN_FORMS) {
    check(!body.includes(form) && !outcome.headers.includes(form), () => `the answer leaks ${token}`);
  }
  // A stack frame, escaped in JSON or not, a source location, or an error's name.
  const trace = /(?:\\n|\n)\s+at |\.[cm]?[jt]s:\d+|node_modules|(?:Type|Range|Syntax|Reference)Error/;
  check(!trace.test(body), () => `the answer shows a stack trace: ${body.slice(0, 300)}`);
}

function check(condition: boolean, problem: () => string): void {
  if (!condition) throw new Error(problem());
}

function encodeBase64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text.slice(0, 1_000))));
}

function nested(depth: number): Run[] {
  return [
    ['[', depth],
    [']', depth],
  ];
}

/**
 * `runs` as a UTF-8 stream of about 64 KiB a chunk, each made as the reader pulls. A run's text is never
 * cut, so every character is encoded as a whole; a long run of one character is cut into chunks.
 */
function lazyText(runs: readonly Run[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let written = 0; // of runs[index]
  return new ReadableStream({
    pull(controller) {
      let chunk = '';
      while (index < runs.length && chunk.length < MAX_READ) {
        const [text, times] = runs[index] as Run;
        const room = Math.max(1, Math.floor((MAX_READ - chunk.length) / Math.max(1, text.length)));
        const count = Math.min(times - written, room);
        chunk += text.repeat(count);
        written += count;
        if (written === times) {
          index++;
          written = 0;
        }
      }
      if (chunk === '') controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** `total` bytes of a JSON string, made 64 KiB at a time as the reader pulls: a reader that stops early costs little. */
function lazyBytes(total: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}
