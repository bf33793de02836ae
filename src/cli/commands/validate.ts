// `ocpi validate`: checks JSON payloads against the OCPI schemas of the SDK, as its clients and servers
// check what partners send (parsePayload, parseList), and reports every issue by input and JSON path.
import type { Command } from '../command';

const HELP = `Usage: ocpi validate [options] <file|glob|->...

Checks OCPI payloads against the schemas of @org/ocpi. Each input holds one object, a JSON list of
objects, a response envelope ({"data": ..., "status_code": ...}: the envelope and its data are checked),
or NDJSON (one JSON value per line, streamed). "-" reads standard input. The OCPI version and object are
detected from the payload's fields unless given.

Options:
  --version <2.2.1|2.1.1>          check against this version only (default: detected)
  --object <name>                  the spec's object name: Location, EVSE, Connector, CDR, Session,
                                   Tariff, Token, Credentials, VersionDetails... (default: detected)
  --mode <strict|lenient>          strict: anything the spec does not allow fails (default);
                                   lenient: what a client would tolerate is reported, not failed
  --unknown-fields <strip|keep|reject>
                                   fields the spec does not define: reported and dropped (strip,
                                   the default), ignored (keep), or failures (reject)
  --format <text|json>             a line per issue and a summary (default), or one JSON document
  -h, --help                       this help

Output: "file[:line] path message" per issue (line for NDJSON), then per input a summary and a total.

Exit codes: 0 every object valid; 1 an object invalid (lenient mode: only what it cannot tolerate);
2 wrong arguments; 3 an input unreadable or not JSON.

Examples:
  ocpi validate location.json
  ocpi validate --version 2.1.1 --object Tariff 'tariffs/*.json'
  curl -s $URL -H "Authorization: Token $T" | ocpi validate --mode lenient -
  ocpi validate --format json sessions.ndjson > report.json
`;

/** `ocpi validate`. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check JSON payloads (files, globs, stdin, NDJSON) against the OCPI schemas',
  help: HELP,
  // Loaded when run: the schemas of both versions are not needed to print a help.
  run: async (context) => (await import('../validate/run-validate')).runValidate(context),
};
