// `npm run demo`: the SDK's tour against simulated partners on this machine (src/testing/demo).
// Flags: --version 2.2.1|2.1.1 (both by default), --locations N.
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../src/common/protocol/version';
import { streamOutput } from '../src/testing/demo/demo-output';
import { runDemo } from '../src/testing/demo/run-demo';

const { values } = parseArgs({
  options: {
    version: { type: 'string', multiple: true },
    locations: { type: 'string' },
  },
});
const versions = (values.version ?? ['2.2.1', '2.1.1']) as OcpiVersion[];
for (const version of versions) {
  if (version !== '2.2.1' && version !== '2.1.1')
    throw new Error(`--version: 2.2.1 or 2.1.1, not ${version}`);
}
const output = streamOutput(process.stdout, process.env);
await runDemo({
  output,
  versions,
  ...(values.locations !== undefined && { locations: Number(values.locations) }),
});
