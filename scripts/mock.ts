// `npm run mock -- --role cpo|emsp|hub --version 2.2.1|2.1.1 [--port N] [--faults a,b]`: `ocpi mock`
// (src/cli/commands/mock.ts) from the source tree. See `ocpi mock --help`.
import { mockCommand } from '../src/cli/commands/mock';
import { runOnProcess } from '../src/cli/process-context';

await runOnProcess(mockCommand.run, process.argv.slice(2));
