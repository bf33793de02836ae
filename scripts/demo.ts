// `npm run demo -- [--version 2.2.1|2.1.1]... [--locations N] [--versions-url URL --token TOKEN]`:
// `ocpi demo` (src/cli/commands/demo.ts) from the source tree. See `ocpi demo --help`.
import { demoCommand } from '../src/cli/commands/demo';
import { processContext } from '../src/cli/process-context';

const context = processContext(process.argv.slice(2));
process.exitCode = await demoCommand.run(context);
context.dispose();
