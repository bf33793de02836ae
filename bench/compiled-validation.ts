// A quick measurement for issue #16: strict validation of a page of 1,000 OCPI 2.2.1 Locations with the
// compiled validator alone, through parsePayload (which runs it first) and with zod alone (the compiled
// path switched off), and JSON.parse alone, as the median of timed rounds and the ratio to JSON.parse.
// `npm run bench` reports the same targets (bench/validation.ts). Run: npx tsx bench/compiled-validation.ts
import { performance } from 'node:perf_hooks';
import { registerCompiledValidators, setCompiledPath } from '../src/common/schema/compiled/registry';
import { checkClean, FAIL } from '../src/common/schema/compiled/runtime';
import { parsePayload } from '../src/common/schema/parse';
import { buildLocationPage } from '../src/testing/seed/locations-v221';
import { validateLocation } from '../src/v221/generated/compiled';
import { compiledPairs } from '../src/v221/generated/compiled-pairs';
import { LocationSchema } from '../src/v221/generated/schemas';

// As createClient and serveVersion do.
registerCompiledValidators(compiledPairs());

const text = JSON.stringify(buildLocationPage());
const page = JSON.parse(text) as unknown[];

function strictEach(): void {
  for (const item of page) {
    const result = parsePayload(LocationSchema, item, { mode: 'strict', subject: 'Location' });
    if (!result.success || result.issues.length > 0) throw new Error('refused');
  }
}

const cases: Record<string, () => void> = {
  'JSON.parse': () => {
    JSON.parse(text);
  },
  'zod strict (parsePayload)': () => {
    setCompiledPath(false);
    try {
      strictEach();
    } finally {
      setCompiledPath(true);
    }
  },
  'compiled (parsePayload)': strictEach,
  'compiled (checkClean)': () => {
    for (const item of page) if (checkClean(validateLocation, item) === FAIL) throw new Error('refused');
  },
  compiled: () => {
    for (const item of page) if (validateLocation(item) === FAIL) throw new Error('refused');
  },
};

function round(run: () => void, ms: number): number {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) {
    run();
    count++;
  }
  return (performance.now() - start) / count;
}

for (const run of Object.values(cases)) round(run, 1_000);
const times = new Map<string, number[]>();
for (let r = 0; r < 15; r++) {
  for (const [name, run] of Object.entries(cases))
    times.set(name, [...(times.get(name) ?? []), round(run, 200)]);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const base = median(times.get('JSON.parse') ?? []);
console.log(`page: ${page.length} Locations, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
for (const [name, values] of times) {
  const ms = median(values);
  console.log(`${name.padEnd(28)} ${ms.toFixed(2).padStart(7)} ms  ${(ms / base).toFixed(2)}x JSON.parse`);
}
