// `ocpi check <versions-url> --token <token>`: a conformance report of a live partner (issue #17).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { redactSecrets } from '../../common/errors/redact';
import { streamOutput } from '../../testing/demo/demo-output';
import { checkArguments } from '../check/check-options';
import type { CheckReport } from '../check/check-report';
import { renderHtml } from '../check/render-html';
import { renderJson } from '../check/render-json';
import { renderMarkdown } from '../check/render-markdown';
import { renderText } from '../check/render-text';
import { PartnerUnavailableError, runCheck } from '../check/run-check';
import type { Command } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNAVAILABLE, EXIT_USAGE } from '../exit-codes';

const HELP = `Usage: ocpi check <versions-url> --token <token> [options]

Checks a live OCPI partner and reports how it follows the spec: its versions and version details,
which token encoding it reads, every module it lists (list pages, Link, X-Total-Count, X-Limit, limit,
date filters, objects valid in strict and lenient mode with the top deviations by path), the 2.2.1
headers and the response times. Read-only unless --write is given. The token never appears in any
output or report.

Options:
  --token <token>       the token the partner gave you (with --register: its token A); write
                        --token=<token> when it starts with a dash; default: $OCPI_TOKEN, which keeps
                        it out of the shell history and the process list
  --register            run the credentials handshake first (serving our versions and credentials on a
                        127.0.0.1 port the partner must be able to reach), check with the token received,
                        and unregister (DELETE credentials) at the end
  --write               also push a test Token and send a START_SESSION command (a CPO partner only)
  --party <CC/PID>      our party, the one the token is registered for: sent in the 2.2.1 routing
                        headers (none without it), and used by --write and --register (default NL/OCK)
  --report <file>       also write the report to a .html, .md or .json file
  --version <v>         only 2.2.1 or 2.1.1 (default: the highest both speak)
  --timeout <ms>        per request (default 30000)
  --max-pages <n>       the most pages read of one list (default 100)
  --format text|json    what goes to stdout (default text)
  -h, --help            this help

Exit codes: 0 no failures, 1 the report has failures, 2 wrong arguments,
3 the partner could not be reached or refused the token.

Examples:
  ocpi check https://cpo.example.com/ocpi/versions --token $TOKEN
  ocpi check http://127.0.0.1:4100/ocpi/versions --token $TOKEN --report partner.html
  ocpi check http://127.0.0.1:4100/ocpi/versions --token $TOKEN_A --register --write --format json
`;

/** `ocpi check`: the conformance report of a live partner. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check a live partner against the spec and report (read-only unless --write)',
  help: HELP,
  async run(context) {
    const parsed = checkArguments(context.args, context.env);
    const errors = streamOutput(context.stderr, context.env);
    if ('error' in parsed) {
      errors.line(`ocpi check: ${parsed.error}`);
      errors.line('try: ocpi check --help');
      return EXIT_USAGE;
    }
    if (parsed.help) {
      context.stdout.write(HELP);
      return EXIT_OK;
    }
    const secrets = [parsed.token];
    let report: CheckReport;
    try {
      report = await runCheck({
        versionsUrl: parsed.versionsUrl,
        token: parsed.token,
        register: parsed.register,
        write: parsed.write,
        version: parsed.version,
        timeout: parsed.timeout,
        maxPages: parsed.maxPages,
        party: parsed.party,
        signal: context.signal,
        progress: (text) => errors.progress(text),
      });
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      errors.line(`ocpi check: ${message}`);
      return error instanceof PartnerUnavailableError ? EXIT_UNAVAILABLE : EXIT_PROBLEMS;
    }
    errors.progress('');
    if (parsed.format === 'json') context.stdout.write(renderJson(report));
    else renderText(report, streamOutput(context.stdout, context.env));
    if (parsed.report) {
      const { path, format } = parsed.report;
      const text =
        format === 'html'
          ? renderHtml(report)
          : format === 'md'
            ? renderMarkdown(report)
            : renderJson(report);
      try {
        await writeFile(resolve(context.cwd, path), text);
      } catch (error) {
        errors.line(`ocpi check: cannot write ${path}: ${(error as Error).message}`);
        return EXIT_UNAVAILABLE;
      }
      errors.line(`report written to ${path}`);
    }
    return report.summary.fail > 0 || report.summary.status === 'fail' ? EXIT_PROBLEMS : EXIT_OK;
  },
};
