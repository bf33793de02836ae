// Loads the packed package as a Jest user does: `npm pack`, the tarball installed into a new project
// outside this repository, and Jest (this repository's, in its CommonJS runtime, no transform) running a
// test there that requires every entry, parses a Location without running ky, and makes a client call.
// Jest has no require(esm), so this fails if any entry's CommonJS build reaches an ES-only module.
// Run after `npm run build` (the pack skips the prepack build); the dependencies come from npm's cache
// when `npm ci` filled it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'ocpi-jest-smoke-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
try {
  const [packed] = JSON.parse(
    run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', project], root).toString(),
  );
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'jest-smoke', private: true }));
  run(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', `./${packed.filename}`],
    project,
  );
  for (const file of ['smoke.test.cjs', 'ky-probe.cjs']) {
    cpSync(fileURLToPath(new URL(`jest-smoke/${file}`, import.meta.url)), join(project, file));
  }
  writeFileSync(
    join(project, 'jest.config.cjs'),
    `module.exports = ${JSON.stringify({ testEnvironment: 'node', transform: {}, testMatch: ['**/smoke.test.cjs'] })};`,
  );
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), '--config', 'jest.config.cjs', '--ci', '--colors=false'],
    { cwd: project, stdio: 'inherit' },
  );
  console.log(`ok Jest loads the packed ${packed.filename}: every entry, schemas without ky, a client call`);
} finally {
  rmSync(project, { recursive: true, force: true });
}
