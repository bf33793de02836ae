#!/usr/bin/env node
// The `ocpi` executable (package.json "bin"): runs the command line on this process and leaves its
// exit code for Node to exit with once the output is written.
import { main } from './main';
import { runOnProcess } from './process-context';

await runOnProcess(main, process.argv.slice(2));
