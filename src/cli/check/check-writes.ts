// `--write`: what the check may change at the partner, only when asked: a test Token pushed to a CPO's
// Tokens receiver (and read back), and a START_SESSION command whose result is awaited at our own
// response URL on this machine. Each is skipped, with a note, where the partner offers no such interface.
import type { OcpiClient } from '../../client/discover-partner';
import { sendCommandThrough } from '../../common/commands/send-command';
import type { UnknownFields } from '../../common/schema/parse';
import { formatUtcDateTime } from '../../common/schema/primitives/utc-date-time-format';
import type { PartyRef } from '../../common/transport/routing';
import { commandResponseUrl } from '../../server/platform/command-results';
import type { CheckContext } from './check-context';
import { messageOf } from './check-list';
import type { Finding, WriteReport } from './check-report';
import type { OurParty } from './our-party';

/** What the write checks need besides the client. */
export interface WriteSettings {
  /** Our side on this machine: the response URL's host. */
  readonly ours: OurParty;
  /** The party the test Token belongs to. */
  readonly party: PartyRef;
  /** The partner serves the CPO's interfaces (Tokens receiver, Commands receiver). */
  readonly partnerIsCpo: boolean;
  /** The partner may call us back (it holds a token for us: `--register`). */
  readonly registered: boolean;
  /** The longest wait for a command's result, ms. */
  readonly resultWaitMs: number;
}

/** The write checks and their findings. */
export async function checkWrites(
  client: OcpiClient<'lenient', UnknownFields>,
  settings: WriteSettings,
  context: CheckContext,
): Promise<{ writes: WriteReport[]; findings: Finding[] }> {
  context.recorder.phase = 'writes';
  const writes: WriteReport[] = [];
  const findings: Finding[] = [];
  const listed = (module: string, role: string) =>
    client.endpoints.some(
      (endpoint) =>
        endpoint.identifier === module &&
        (client.version === '2.1.1' ? settings.partnerIsCpo : (endpoint as { role?: string }).role === role),
    );
  const record = (name: string, status: WriteReport['status'], note: string, module: string) => {
    writes.push({ name, status, note });
    if (status === 'fail' || status === 'warn')
      findings.push({ severity: status, module, message: `${name}: ${note}` });
  };

  const token = testToken(client.version, settings.party);
  if (!listed('tokens', 'RECEIVER')) {
    record('token push', 'skipped', 'the partner lists no Tokens receiver (not a CPO)', 'tokens');
  } else {
    context.progress('write: a test Token');
    try {
      const params = {
        country_code: settings.party.countryCode,
        party_id: settings.party.partyId,
        token_uid: token.uid,
      };
      const options = { signal: context.signal };
      let back: unknown;
      if (client.version === '2.2.1') {
        await client.tokens.receiver.putToken({ params, body: token as never, options });
        back = await client.tokens.receiver.getToken({ params, query: { type: 'RFID' }, options } as never);
      } else {
        await client.tokens.cpo.putToken({ params, body: token as never, options });
        back = await client.tokens.cpo.getToken({ params, options });
      }
      const same = (back as { uid?: unknown } | undefined)?.uid === token.uid;
      record(
        'token push',
        same ? 'ok' : 'warn',
        same ? `Token ${token.uid} stored and read back` : 'stored, but reading it back gave another Token',
        'tokens',
      );
    } catch (error) {
      record('token push', 'fail', messageOf(error, context.secrets), 'tokens');
    }
  }

  if (!listed('commands', 'RECEIVER')) {
    record('command', 'skipped', 'the partner lists no Commands receiver (not a CPO)', 'commands');
  } else {
    context.progress('write: START_SESSION');
    try {
      const locationId = await firstLocationId(client, context);
      const responseUrl = commandResponseUrl(settings.ours.baseUrl, client.version, 'START_SESSION');
      const body = { response_url: responseUrl, token, location_id: locationId ?? 'UNKNOWN' };
      const commands = client.version === '2.2.1' ? client.commands.receiver : client.commands.cpo;
      const outcome = await sendCommandThrough(
        commands,
        'START_SESSION',
        body,
        { inbox: settings.ours.inbox, options: { signal: context.signal } },
        (response: { result: string; timeout?: number }) =>
          Math.min(settings.resultWaitMs, (response.timeout ?? 30) * 1000),
      );
      if (outcome.status === 'completed') {
        const result = String((outcome.result as { result?: unknown } | undefined)?.result);
        record(
          'command',
          'ok',
          `START_SESSION accepted, result ${result} arrived at our response URL`,
          'commands',
        );
      } else if (outcome.status === 'rejected') {
        record('command', 'warn', `START_SESSION answered ${outcome.response.result}`, 'commands');
      } else {
        const why = settings.registered
          ? ''
          : ' (without --register the partner holds no token to call us with)';
        record(
          'command',
          settings.registered ? 'fail' : 'warn',
          `START_SESSION accepted, no result within ${Math.round(settings.resultWaitMs / 1000)} s${why}`,
          'commands',
        );
      }
    } catch (error) {
      record('command', 'fail', messageOf(error, context.secrets), 'commands');
    }
  }
  return { writes, findings };
}

// A Token of ours for the push and the command, plainly a test one.
function testToken(version: '2.2.1' | '2.1.1', party: PartyRef): { uid: string } & Record<string, unknown> {
  const uid = `OCPI-CHECK-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const shared = {
    uid,
    type: 'RFID',
    issuer: 'ocpi check',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: formatUtcDateTime(Date.now()),
  };
  return version === '2.2.1'
    ? { ...shared, country_code: party.countryCode, party_id: party.partyId, contract_id: uid }
    : { ...shared, auth_id: uid };
}

async function firstLocationId(
  client: OcpiClient<'lenient', UnknownFields>,
  context: CheckContext,
): Promise<string | undefined> {
  if (!client.endpoints.some((endpoint) => endpoint.identifier === 'locations')) return undefined;
  const options = { signal: context.signal, onValidationIssues: () => undefined };
  try {
    const page =
      client.version === '2.2.1'
        ? await client.locations.sender.list({ query: { limit: 1 }, options })
        : await client.locations.cpo.list({ query: { limit: 1 }, options });
    return (page.items[0] as { id?: string } | undefined)?.id;
  } catch {
    return undefined;
  }
}
