import { listenOnLoopback } from './listen-on-loopback';
import type { SimulatedParty } from './simulated-party';

/** A simulated party served on this machine, and how to stop it. */
export type LocalParty<Data> = SimulatedParty<Data> & {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Stops serving: open connections are closed, pending results are waited for first. */
  close(): Promise<void>;
};

/** Where a simulated party is served. */
export interface ServeLocallyOptions {
  /** The port; 0 (default) picks a free one. */
  port?: number;
  /** The interface; default `127.0.0.1`, this machine only. */
  host?: string;
  /** The path its base URL ends in. Default `/ocpi`. */
  basePath?: string;
}

/**
 * Serves a simulated party over real HTTP on this machine (`node:http`): the party is made once the
 * port is known, since everything it publishes (versions, endpoints, `Link` headers) is an absolute URL.
 *
 * @example
 * const cpo = await serveLocally((baseUrl) => simulatedCpo({ version: '2.2.1', baseUrl }));
 * console.log(cpo.versionsUrl, cpo.tokenA);
 * await cpo.close();
 */
export async function serveLocally<Data>(
  make: (baseUrl: string) => Promise<SimulatedParty<Data>>,
  options: ServeLocallyOptions = {},
): Promise<LocalParty<Data>> {
  let party: SimulatedParty<Data> | undefined;
  const listening = await listenOnLoopback(async (origin) => {
    party = await make(`${origin}${options.basePath ?? '/ocpi'}`);
    return party.handle;
  }, options);
  const served = party as SimulatedParty<Data>;
  return {
    ...served,
    origin: listening.origin,
    port: listening.port,
    close: async () => {
      await served.settled();
      await listening.close();
    },
  };
}
