// Measures what the package's declarations cost a user: their size per format (dist/**/*.d.ts and
// *.d.cts), and how long tsc takes to check a small consumer file with `skipLibCheck` off, so that
// every declaration the consumer reaches is checked too. The package is linked, as built, into a
// temporary folder and imported by its own name. Run after `npm run build`; `--build` runs tsup first
// and reports the declaration build's own time. Times are only reported (it is a bench, not a test).
//
//   node scripts/measure-types.mjs [--build] [--runs 5] [--package <folder with package.json and dist/>]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 5);
// Another built copy to compare with (a folder holding its package.json and dist/), e.g. an older build.
const PACKAGE = option('--package') ?? ROOT;

// What a user writes first: a client, a page of Locations, and the Location schema on its own.
const CONSUMER = `import type { Lenient } from '@org/ocpi';
import { createClient, type Location, LocationSchema } from '@org/ocpi/v221';

const client = createClient({
  token: 'token-c',
  endpoints: [{ identifier: 'locations', role: 'SENDER', url: 'https://cpo.example.com/ocpi/2.2.1/locations' }],
  from: { countryCode: 'DE', partyId: 'EMS' },
});

export async function firstConnectorIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const location of client.locations.sender.list({ query: { date_from: '2024-01-01T00:00:00Z' } })) {
    // A default (lenient) client may hand over enum values the spec does not list: its type says so.
    const typed: Lenient<Location> = location;
    for (const evse of typed.evses ?? []) ids.push(...evse.connectors.map((connector) => connector.id));
  }
  return ids;
}

export function readLocation(input: unknown): Location {
  const location = LocationSchema.parse(input);
  return location;
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'Preserve',
    moduleResolution: 'Bundler',
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
  },
  files: ['consumer.ts'],
};

if (args.includes('--build')) {
  const output = execFileSync('npx', ['tsup'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const dts = /DTS .*Build success in (\d+)ms/.exec(output);
  console.log(
    `declaration build: ${dts ? `${(Number(dts[1]) / 1000).toFixed(1)} s` : 'time not found in the output'}`,
  );
}

const sizes = declarationSizes(join(PACKAGE, 'dist'));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `declarations: .d.ts ${kb(sizes.esm)}, .d.cts ${kb(sizes.cjs)}, total ${kb(sizes.esm + sizes.cjs)}`,
);
for (const [file, bytes] of sizes.files
  .filter(([file]) => file.endsWith('.d.ts'))
  .sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kb(bytes).padStart(9)}  ${file}`);
}

// The same check of a file that only builds a zod/mini schema: what the user's own setup (the DOM lib,
// zod itself) costs before any of this package is read. Timed in turns with the consumer, so that a
// busy machine slows both alike.
const FLOOR = `import * as z from 'zod/mini';

export const NameSchema = z.string();
`;

const folder = mkdtempSync(join(tmpdir(), 'ocpi-types-'));
try {
  mkdirSync(join(folder, 'node_modules', '@org'), { recursive: true });
  // The package folder itself, so `dist` resolves its own dependencies (zod, ky) from the checkout.
  symlinkSync(PACKAGE, join(folder, 'node_modules', '@org', 'ocpi'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'zod'), join(folder, 'node_modules', 'zod'), 'dir');
  for (const [name, text] of [
    ['consumer', CONSUMER],
    ['floor', FLOOR],
  ]) {
    mkdirSync(join(folder, name));
    writeFileSync(join(folder, name, 'consumer.ts'), text);
    writeFileSync(join(folder, name, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  }
  const times = { consumer: [], floor: [] };
  for (let run = 0; run < runs; run++) {
    for (const name of ['consumer', 'floor']) times[name].push(check(join(folder, name)));
  }
  for (const name of ['consumer', 'floor']) {
    const label = name === 'consumer' ? 'consumer check' : 'floor (zod/mini alone)';
    console.log(
      `${label} (skipLibCheck off, median of ${runs}): ${median(times[name].map((t) => t.wall)).toFixed(2)} s wall, ` +
        `${median(times[name].map((t) => t.total)).toFixed(2)} s tsc total, ${times[name][0].types} types, ` +
        `${times[name][0].instantiations} instantiations`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function check(project) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--extendedDiagnostics'], {
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${project}: the consumer file does not type-check`);
  }
  const total = /Total time:\s+([\d.]+)s/.exec(result.stdout)?.[1];
  const types = /Types:\s+(\d+)/.exec(result.stdout)?.[1];
  const instantiations = /Instantiations:\s+(\d+)/.exec(result.stdout)?.[1];
  return { wall, total: Number(total), types: Number(types), instantiations: Number(instantiations) };
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function declarationSizes(dist) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.d\.c?ts$/.test(name)) files.push([relative(dist, path), statSync(path).size]);
    }
  };
  walk(dist);
  const sum = (suffix) =>
    files.filter(([file]) => file.endsWith(suffix)).reduce((total, [, bytes]) => total + bytes, 0);
  return { files, esm: sum('.d.ts'), cjs: sum('.d.cts') };
}
