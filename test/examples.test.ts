// Every example runs, prints what its `// =>` comments say, and appears verbatim in the README. An example
// test (examples/*.test.ts) is a test file of its own, which vitest runs (vitest.config.ts): here it is only
// looked for in the README.
import { readdirSync, readFileSync } from 'node:fs';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const EXAMPLES = new URL('../examples/', import.meta.url);
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.ts'));
const scripts = files.filter((file) => !file.endsWith('.test.ts'));
const tests = files.filter((file) => file.endsWith('.test.ts'));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function expectedOutput(source: string): string[] {
  return [...source.matchAll(/\/\/ => (.*)$/gm)].map((match) => match[1] as string);
}

describe.each(scripts)('examples/%s', (file) => {
  const source = readFileSync(new URL(file, EXAMPLES), 'utf8');

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints what its comments promise', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(format(...args));
    });
    await import(`../examples/${file}`);
    expect(expectedOutput(source).length).toBeGreaterThan(0);
    expect(printed).toEqual(expectedOutput(source));
    // examples/cpo-server-postgres.ts starts PGlite (PostgreSQL compiled to WebAssembly): seconds on a
    // busy machine.
  }, 30_000);

  it('is shown in the README as it is', () => {
    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
  });
});

describe.each(tests)('examples/%s', (file) => {
  it('is shown in the README as it is, with the command that runs it', () => {
    const source = readFileSync(new URL(file, EXAMPLES), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
    expect(readme).toContain(`npx vitest run examples/${file}`);
  });
});

it('shows each example script with the command that runs it', () => {
  expect(scripts.filter((file) => !readme.includes(`npx tsx examples/${file}`))).toEqual([]);
});
