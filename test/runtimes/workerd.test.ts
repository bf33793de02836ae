// The SDK in workerd (Cloudflare's Workers runtime, the npm package's binary): the bundle as a Worker's
// modules, the fixture its `fetch` handler, running the shared suite (support/run-in-runtime.ts) when
// asked over HTTP. The Worker may reach the partner on 127.0.0.1 and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describeInRuntime, type RunContext, SPAWN_TIMEOUT_MS } from './support/run-in-runtime';

// A CommonJS package without types: its binary's path, and the newest compatibility date it supports.
const workerd = createRequire(import.meta.url)('workerd') as { default: string; compatibilityDate: string };

/**
 * The Worker: every bundled file a module under its own relative name (so the imports between them
 * resolve as on disk), the fixture first as the main module. Its fetch goes to a network service that
 * allows the loopback partner only: workerd's default `internet` service refuses private addresses.
 * The compatibility date is this workerd's own, the newest behaviour it has.
 */
function config(files: readonly string[]): string {
  const ordered = ['fixture.js', ...files.filter((file) => file !== 'fixture.js')];
  const modules = ordered.map(
    (file) => `(name = ${JSON.stringify(file)}, esModule = embed ${JSON.stringify(file)})`,
  );
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "checks", worker = .checksWorker),
    (name = "loopback", network = (allow = ["127.0.0.1/32"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "checks")],
);
const checksWorker :Workerd.Worker = (
  modules = [
    ${modules.join(',\n    ')},
  ],
  compatibilityDate = ${JSON.stringify(workerd.compatibilityDate)},
  globalOutbound = "loopback",
);
`;
}

/** The port workerd reports on its control fd (one JSON line per event) once the socket listens. */
function listeningPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`workerd did not listen\n${stderr()}`)),
      SPAWN_TIMEOUT_MS,
    );
    (child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n').slice(0, -1)) {
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === 'listen' && event.socket === 'http' && event.port !== undefined) {
          clearTimeout(timer);
          resolve(event.port);
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited (${code ?? signal}) before it listened\n${stderr()}`));
    });
  });
}

async function runInWorkerd({ dir, files }: RunContext): Promise<string> {
  await writeFile(join(dir, 'config.capnp'), config(files));
  // The binary itself, not a wrapper script: killing it must end workerd.
  const child = spawn(
    workerd.default,
    ['serve', 'config.capnp', '-s', 'http=127.0.0.1:0', '--control-fd=3'],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const port = await listeningPort(child, () => output);
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(SPAWN_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`the Worker answered ${response.status}:\n${text}\n--- workerd ---\n${output}`);
    return text;
  } finally {
    child.kill();
    await exited;
  }
}

describeInRuntime({
  name: 'workerd',
  fixture: 'test/runtimes/support/worker-fixture.ts',
  // A Worker is told no runtime version; its fixed user agent is what reports.
  reportedAs: /^workerd$/,
  run: runInWorkerd,
});
