import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../node/to-node-listener';
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
  const host = options.host ?? '127.0.0.1';
  let party: SimulatedParty<Data> | undefined;
  const server = createServer(
    toNodeListener(async (request) => {
      if (party === undefined) return new Response(null, { status: 503 });
      return party.handle(request);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  party = await make(`${origin}${options.basePath ?? '/ocpi'}`);
  const served = party;
  return {
    ...served,
    origin,
    port,
    close: async () => {
      await served.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
