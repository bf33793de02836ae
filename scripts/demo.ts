// `npm run demo -- [--version 2.2.1|2.1.1]... [--locations N] [--versions-url URL --token TOKEN]`:
// `ocpi demo` (src/cli/commands/demo.ts) from the source tree. See `ocpi demo --help`.
import { demoCommand } from '../src/cli/commands/demo';
import { runOnProcess } from '../src/cli/process-context';

await runOnProcess(demoCommand.run, process.argv.slice(2));
