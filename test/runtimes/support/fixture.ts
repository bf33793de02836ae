// The script Bun and Deno run: the checks, their report as one line of JSON on stdout. Any failure is an
// uncaught rejection, which both runtimes print to stderr before exiting non-zero.
import { type ChecksInput, runChecks } from './checks';

// Replaced by the input at bundle time (esbuild `define`): neither runtime then needs its own API (args,
// stdin, file reads) to receive it.
declare const FIXTURE_INPUT: ChecksInput;

console.log(JSON.stringify(await runChecks(FIXTURE_INPUT)));
