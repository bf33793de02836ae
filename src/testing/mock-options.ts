import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../common/protocol/version';
import { checkFaults, type FaultName } from './faults/fault-name';
import type { SimulatedRole } from './simulated-party';

/** What `npm run mock` (and `ocpi mock`) serves, from its command-line arguments. */
export interface MockOptions {
  role: SimulatedRole;
  version: OcpiVersion;
  port: number;
  faults: readonly FaultName[];
}

const ROLES: Readonly<Record<string, SimulatedRole>> = { cpo: 'CPO', emsp: 'EMSP', hub: 'HUB' };

/**
 * Reads `--role cpo|emsp|hub --version 2.2.1|2.1.1 [--port N] [--faults a,b]`, each checked before
 * anything is served: the options, or a message saying which argument is wrong and what it may be.
 */
export function mockOptions(args: readonly string[]): MockOptions | { error: string } {
  let values: {
    role?: string | undefined;
    version?: string | undefined;
    port?: string | undefined;
    faults?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        role: { type: 'string', default: 'cpo' },
        version: { type: 'string', default: '2.2.1' },
        port: { type: 'string', default: '0' },
        faults: { type: 'string', default: '' },
      },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  const role = ROLES[values.role ?? ''];
  if (role === undefined) return { error: `--role must be cpo, emsp or hub, not ${values.role}` };
  const version = values.version;
  if (version !== '2.2.1' && version !== '2.1.1')
    return { error: `--version must be 2.2.1 or 2.1.1, not ${version}` };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return { error: `--port must be a port number, not ${values.port}` };
  }
  const names = (values.faults ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  try {
    return { role, version, port, faults: checkFaults(names, version) };
  } catch (error) {
    return { error: `--faults: ${(error as Error).message}` };
  }
}
