import type { CommandResultInbox } from '../../common/commands/command-result-inbox';
import type { OcpiVersion } from '../../common/protocol/version';
import { trimTrailing } from '../../common/text/trim-trailing';
import { OcpiRefusal } from './ocpi-refusal';

/**
 * A `response_url` of ours for one command: below the Commands interface `createOcpiHandler` serves for
 * the command's sender (`{baseUrl}/2.2.1/sender/commands/{command}/{uid}`, `{baseUrl}/2.1.1/emsp/...`),
 * with a fresh uid, so that every command's result arrives at a URL of its own.
 *
 * @example
 * const body = { ...startSession, response_url: commandResponseUrl('https://emsp.example.com/ocpi', '2.2.1', 'START_SESSION') };
 */
export function commandResponseUrl(baseUrl: string, version: OcpiVersion, command: string): string {
  const sender = version === '2.2.1' ? 'sender' : 'emsp';
  const uid = crypto.randomUUID();
  return `${trimTrailing(baseUrl, '/')}/${version}/${sender}/commands/${encodeURIComponent(command)}/${uid}`;
}

/**
 * The implementation of `commands.sender.postResult` (2.2.1) or `commands.emsp.postResult` (2.1.1) that
 * hands each result to `inbox`, where the command's sender waits for it (`sendCommand`). With an inbox
 * on the database (`PostgresCommandInbox`), the result reaches the waiting instance whichever instance
 * the partner's POST reaches. A result nobody awaits is refused with HTTP 404.
 *
 * @example
 * modules: { commands: { sender: { postResult: deliverCommandResults(inbox) } } }
 */
export function deliverCommandResults<Result>(inbox: CommandResultInbox<Result>) {
  return async ({ request, body }: { request: Request; body: Result }): Promise<void> => {
    if (!(await inbox.deliver(request.url, body))) {
      throw new OcpiRefusal(2000, 'No command result is awaited at this URL', { httpStatus: 404 });
    }
  };
}
