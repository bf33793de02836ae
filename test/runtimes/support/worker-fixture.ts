// The Worker module workerd runs: each request runs the checks and answers their report as JSON, or the
// failure's stack with status 500.
import { type ChecksInput, runChecks } from './checks';

// Replaced by the input at bundle time (esbuild `define`), as in fixture.ts.
declare const FIXTURE_INPUT: ChecksInput;

export default {
  async fetch(): Promise<Response> {
    try {
      return Response.json(await runChecks(FIXTURE_INPUT));
    } catch (error) {
      const text = error instanceof Error ? `${error.stack ?? error.message}` : String(error);
      return new Response(text, { status: 500 });
    }
  },
};
