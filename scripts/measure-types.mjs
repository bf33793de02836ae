// Measures what the package's declarations cost a user: their size per format (dist/**/*.d.ts and
// *.d.cts), and how long tsc takes to check a small consumer file with `skipLibCheck` off, so that
// every declaration the consumer reaches is checked too. The package is linked, as built, into a
// temporary folder and imported by its own name. Run after `npm run build`; `--build` runs tsup first
// and reports the declaration build's own time. Times are only reported (it is a bench, not a test).
//
//   node scripts/measure-types.mjs [--build] [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;

// What a user writes first: a client, a page of Locations, and the Location schema on its own.
const CONSUMER = `import { createClient, type Location, LocationSchema } from '@org/ocpi/v221';

const client = createClient({
  token: 'token-c',
  endpoints: [{ identifier: 'locations', role: 'SENDER', url: 'https://cpo.example.com/ocpi/2.2.1/locations' }],
  from: { countryCode: 'DE', partyId: 'EMS' },
});

export async function firstConnectorIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const location of client.locations.sender.list({ query: { date_from: '2024-01-01T00:00:00Z' } })) {
    const typed: Location = location;
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

const sizes = declarationSizes(join(ROOT, 'dist'));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `declarations: .d.ts ${kb(sizes.esm)}, .d.cts ${kb(sizes.cjs)}, total ${kb(sizes.esm + sizes.cjs)}`,
);
for (const [file, bytes] of sizes.files
  .filter(([file]) => file.endsWith('.d.ts'))
  .sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kb(bytes).padStart(9)}  ${file}`);
}

const folder = mkdtempSync(join(tmpdir(), 'ocpi-types-'));
try {
  mkdirSync(join(folder, 'node_modules', '@org'), { recursive: true });
  // The package folder itself, so `dist` resolves its own dependencies (zod, ky) from the checkout.
  symlinkSync(ROOT, join(folder, 'node_modules', '@org', 'ocpi'), 'dir');
  writeFileSync(join(folder, 'consumer.ts'), CONSUMER);
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [tsc, '-p', folder, '--extendedDiagnostics'], {
      encoding: 'utf8',
    });
    const wall = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      throw new Error('the consumer file does not type-check');
    }
    const total = /Total time:\s+([\d.]+)s/.exec(result.stdout)?.[1];
    const types = /Types:\s+(\d+)/.exec(result.stdout)?.[1];
    times.push({ wall, total: Number(total), types: Number(types) });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `consumer check (skipLibCheck off, median of ${runs}): ${median(times.map((t) => t.wall)).toFixed(2)} s wall, ` +
      `${median(times.map((t) => t.total)).toFixed(2)} s tsc total, ${times[0].types} types`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
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
