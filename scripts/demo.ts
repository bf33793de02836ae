// `npm run demo`: the SDK's tour against simulated partners on this machine (src/testing/demo).
// Flags: --version 2.2.1|2.1.1 (repeatable; both by default), --locations N; against a real partner
// instead, read-only: --versions-url URL --token TOKEN (a token the partner registered for you).
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../src/common/protocol/version';
import { partnerUrlPolicy } from '../src/common/transport/partner-url-policy';
import { streamOutput } from '../src/testing/demo/demo-output';
import { runDemo, runPartnerTour } from '../src/testing/demo/run-demo';

const { values } = parseArgs({
  options: {
    version: { type: 'string', multiple: true },
    locations: { type: 'string' },
    'versions-url': { type: 'string' },
    token: { type: 'string' },
  },
});
const output = streamOutput(process.stdout, process.env);
const versionsUrl = values['versions-url'];
if (versionsUrl !== undefined || values.token !== undefined) {
  if (versionsUrl === undefined || values.token === undefined) fail('--versions-url and --token go together');
  await runPartnerTour({ output, versionsUrl, token: values.token, ...loopbackPolicy(versionsUrl) });
} else {
  const versions = (values.version ?? ['2.2.1', '2.1.1']) as OcpiVersion[];
  for (const version of versions) {
    if (version !== '2.2.1' && version !== '2.1.1') fail(`--version: 2.2.1 or 2.1.1, not ${version}`);
  }
  const locations = values.locations === undefined ? undefined : Number(values.locations);
  if (locations !== undefined && !(Number.isInteger(locations) && locations > 0)) {
    fail(`--locations: a whole number above 0, not ${values.locations}`);
  }
  await runDemo({ output, versions, ...(locations !== undefined && { locations }) });
}

// A partner on this machine (`npm run mock`) is called over plain http; any other only as the default
// policy allows (https, public hosts).
function loopbackPolicy(url: string) {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(host);
  return loopback ? { allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: [host] }) } : {};
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
