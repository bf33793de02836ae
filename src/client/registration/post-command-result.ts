import { OcpiUntrustedUrlError } from '../../common/errors/ocpi-untrusted-url-error';
import { mayCallPartnerUrl } from '../../common/transport/partner-url-policy';
import type { CallOptions } from '../../common/transport/transport';
import type { CommandResponse as CommandResponse211 } from '../../v211/generated/schemas';
import type { CommandResult as CommandResult221 } from '../../v221/generated/schemas';
import { type PartnerClientOptions, partnerClient } from './partner-client';

/** Options of {@link postCommandResult}. */
export interface PostCommandResultOptions extends Omit<PartnerClientOptions, 'allowedOrigins'> {
  /** The `response_url` the command carried. */
  responseUrl: string;
  /** The outcome: a `CommandResult` in 2.2.1, a `CommandResponse` in 2.1.1. */
  result: CommandResult221 | CommandResponse211;
  options?: CallOptions;
}

/**
 * Sends a command's outcome to the `response_url` the command carried, later than the synchronous
 * answer that accepted it: a CPO's second half of the commands flow. The partner's client is used (its
 * token, and in 2.2.1 the routing headers of both parties), trusting the response URL's origin for this
 * one call, once our URL policy (`allowPartnerUrl` of the config; https and public hosts by default)
 * lets us call it. `createOcpiHandler` already refused commands whose response URL the policy refuses.
 *
 * @throws OcpiUntrustedUrlError when the policy refuses the URL (nothing is sent), and what the call
 *   throws otherwise (`OcpiHttpError`, `OcpiStatusError`...).
 * @example
 * await postCommandResult({ config, record, responseUrl: startSession.response_url, result: { result: 'ACCEPTED' } });
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc#mod_commands_sender_interface
 */
export async function postCommandResult(options: PostCommandResultOptions): Promise<void> {
  const { config, responseUrl, result } = options;
  if (!(await mayCallPartnerUrl(responseUrl, config.allowPartnerUrl))) {
    throw new OcpiUntrustedUrlError({
      method: 'POST',
      url: responseUrl,
      origin: originOf(responseUrl),
      because: 'which our URL policy refuses',
    });
  }
  const client = partnerClient({ ...options, allowedOrigins: [new URL(responseUrl).origin] });
  const call = {
    params: { response_url: responseUrl },
    ...(options.options && { options: options.options }),
  };
  if (client.version === '2.2.1') {
    await client.commands.sender.postResult({ ...call, body: result as CommandResult221 });
  } else {
    await client.commands.emsp.postResult({ ...call, body: result as CommandResponse211 });
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'a text that is not a URL';
  }
}
