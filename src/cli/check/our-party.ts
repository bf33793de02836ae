// Our side of the conversation, served on this machine for `--register` (the partner calls our versions
// and credentials back) and `--write` (the partner posts a command's result to our response URL): the
// SDK's own handler, with what the partner's calls to us carried noted (never the token itself).
import type { TokenEncoding } from '../../common/auth/authorization-header';
import { matchCredentialsToken } from '../../common/auth/match-credentials-token';
import { CommandInbox } from '../../common/commands/command-inbox';
import type { OcpiVersion } from '../../common/protocol/version';
import type { PartnerUrlPolicy } from '../../common/transport/partner-url-policy';
import type { PartyRef } from '../../common/transport/routing';
import type { RegistrationHandlerConfig } from '../../server/config';
import { InMemoryPartnerStore } from '../../server/partners/partner-store';
import { deliverCommandResults } from '../../server/platform/command-results';
import {
  createOcpiHandler,
  type OcpiHandlerConfig,
  registrationConfig,
} from '../../server/platform/create-ocpi-handler';
import { listenOnLoopback } from '../../testing/listen-on-loopback';
import { serveVersion as serveVersion211 } from '../../v211/serve-version';
import { serveVersion as serveVersion221 } from '../../v221/serve-version';

/** The party we present to the partner, unless told otherwise. */
export const DEFAULT_OUR_PARTY: PartyRef = { countryCode: 'NL', partyId: 'OCK' };

/** Our side, served on a loopback port. */
export interface OurParty {
  /** Our registration config (store, URLs, versions), with the check's recording fetch. */
  readonly config: RegistrationHandlerConfig;
  readonly baseUrl: string;
  readonly party: PartyRef;
  readonly role: 'CPO' | 'EMSP';
  /** Where command results arrive. */
  readonly inbox: CommandInbox<unknown>;
  /** How the partner sent the token it holds for us (token B), on each call it made to us. */
  readonly partnerEncodings: TokenEncoding[];
  /** Our token B, once chosen: the partner's calls are matched against it. */
  tokenB: string | undefined;
  close(): Promise<void>;
}

/**
 * Serves our versions (2.2.1 and 2.1.1, or `only`), credentials and command results on 127.0.0.1, as
 * `role`, calling the partner with `fetch`.
 */
export async function startOurParty(options: {
  role: 'CPO' | 'EMSP';
  party: PartyRef;
  fetch: typeof globalThis.fetch;
  only?: OcpiVersion | undefined;
  timeout: number;
  /** Which partner URLs our calls may go to: the check's policy. */
  allowPartnerUrl: PartnerUrlPolicy;
}): Promise<OurParty> {
  const { party, role } = options;
  const inbox = new CommandInbox<unknown>();
  const deliver = deliverCommandResults(inbox);
  const details = { name: 'ocpi check' };
  const versions: OcpiHandlerConfig['versions'][number][] = [];
  if (options.only !== '2.1.1') {
    versions.push(
      serveVersion221({
        roles: [
          { role, country_code: party.countryCode, party_id: party.partyId, business_details: details },
        ],
        modules: { commands: { sender: { postResult: deliver } } } as never,
      }),
    );
  }
  if (options.only !== '2.2.1') {
    versions.push(
      serveVersion211({
        country_code: party.countryCode,
        party_id: party.partyId,
        business_details: details,
        modules: { commands: { emsp: { postResult: deliver } } } as never,
      }),
    );
  }
  const partnerEncodings: TokenEncoding[] = [];
  let config: RegistrationHandlerConfig | undefined;
  let baseUrl = '';
  const ours: { tokenB: string | undefined } = { tokenB: undefined };
  const listening = await listenOnLoopback(async (origin) => {
    baseUrl = `${origin}/ocpi`;
    const handlerConfig = {
      store: new InMemoryPartnerStore(),
      baseUrl,
      fetch: options.fetch,
      timeout: options.timeout,
      allowPartnerUrl: options.allowPartnerUrl,
      versions,
    };
    config = registrationConfig(handlerConfig);
    const handle = createOcpiHandler(handlerConfig);
    return async (request) => {
      const token = ours.tokenB;
      if (token !== undefined) {
        const match = await matchCredentialsToken(
          request.headers.get('Authorization'),
          (candidate) => (candidate === token ? true : undefined),
          { accept: 'both' },
        );
        if (match.matched) partnerEncodings.push(match.encoding);
      }
      return handle(request);
    };
  });
  return {
    config: config as RegistrationHandlerConfig,
    baseUrl,
    party,
    role,
    inbox,
    partnerEncodings,
    get tokenB() {
      return ours.tokenB;
    },
    set tokenB(value) {
      ours.tokenB = value;
    },
    close: () => listening.close(),
  };
}
