import type { OcpiClient } from '../client/discover-partner';
import { partnerClient } from '../client/registration/partner-client';
import { mayCallPartnerUrl } from '../common/transport/partner-url-policy';
import type { PartnerRecord } from '../server/partners/partner-store';
import { callConfig, type PartyBasis, type SimulatedRole } from './simulated-party';

/**
 * Schedules an asynchronous result: after the party's delay, `send` runs with a client of the partner
 * that sent the request, trusting the response URL's origin once the party's URL policy allows it. A
 * partner registered without the handshake (its `registeredToken`) gave us no token and no URLs: its
 * results are not sent, as a real party could not send them either.
 */
export function sendLater(
  basis: PartyBasis,
  role: SimulatedRole,
  partner: PartnerRecord,
  responseUrl: string,
  send: (client: OcpiClient<'lenient', 'strip'>) => Promise<unknown>,
): void {
  if (partner.outgoingToken === undefined) return;
  basis.later.run(basis.resultDelayMs, async () => {
    if (!(await mayCallPartnerUrl(responseUrl, basis.allowPartnerUrl))) {
      throw new Error('the response URL is one the party may not call');
    }
    const config = callConfig(basis, role);
    const client = partnerClient({ config, record: partner, allowedOrigins: [new URL(responseUrl).origin] });
    await send(client as OcpiClient<'lenient', 'strip'>);
  });
}
