// What the SDK must do the same way in every runtime, the client and (server-checks.ts) the answering
// side. Runs in Node from vitest (to know what to expect) and, bundled with the three entries, in Bun,
// Deno, headless Chromium and workerd. Public entries only, and web-standard globals
// only: nothing here may lean on a runtime's own API.
import * as ocpi from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import type * as z from 'zod/mini';
import { runServerChecks, type ServerReport } from './server-checks';

/** What the Node side hands the checks: spec examples, and where the partner listens. */
export interface ChecksInput {
  /** The partner's 2.2.1 base URL, e.g. `http://127.0.0.1:39041/ocpi/2.2.1`. */
  baseUrl: string;
  /** The credentials token the client sends. */
  token: string;
  location221: unknown;
  badLocation221: unknown;
  location211: unknown;
  badLocation211: unknown;
}

export type ParseSummary =
  | { success: true; id: unknown }
  | { success: false; issues: { path: string; message: string }[] };

export interface ErrorSummary {
  name: string;
  message: string;
  statusCode: unknown;
  isOcpiError: boolean;
  isOcpiStatusError: boolean;
  isOcpiClientStatusError: boolean;
}

export interface ChecksReport {
  /**
   * `bun 1.4.5`, `deno 2.9.6`, `chromium 147.0.7727.0`, `workerd` or `node v20...`: proof of where the
   * checks ran.
   */
  runtime: string;
  exports: { root: string[]; v211: string[]; v221: string[] };
  schemas: {
    v221: { valid: ParseSummary; bad: ParseSummary };
    v211: { valid: ParseSummary; bad: ParseSummary };
  };
  client: { location: string; listed: string[]; statusError: ErrorSummary | undefined };
  auth: { headers: string[]; decoded: (string | undefined)[]; refused: string };
  /** The answering side, called in process (server-checks.ts). */
  server: ServerReport;
}

interface RuntimeGlobals {
  Bun?: { version: string };
  Deno?: { version: { deno: string } };
  process?: { version: string; versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

function runtimeName(): string {
  const globals = globalThis as RuntimeGlobals;
  const userAgent = globals.navigator?.userAgent ?? '';
  // Bun and Deno both define `process` too, so they are asked first. workerd tells no version to the
  // Worker: its fixed user agent is the proof.
  if (globals.Bun) return `bun ${globals.Bun.version}`;
  if (globals.Deno) return `deno ${globals.Deno.version.deno}`;
  if (userAgent === 'Cloudflare-Workers') return 'workerd';
  if (globals.process?.versions?.node) return `node ${globals.process.version}`;
  const chrome = /\b(?:Headless)?Chrome\/(\d+\.\d+\.\d+(?:\.\d+)?)/.exec(userAgent)?.[1];
  if (chrome) return `chromium ${chrome}`;
  return `unknown (${userAgent})`;
}

function parse(schema: z.ZodMiniType, value: unknown): ParseSummary {
  const result = ocpi.parsePayload(schema, value, { mode: 'strict', subject: 'Location' });
  if (result.success) return { success: true, id: (result.data as { id?: unknown }).id };
  return { success: false, issues: result.error.issues.map(({ path, message }) => ({ path, message })) };
}

function summariseError(error: unknown): ErrorSummary {
  return {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    statusCode: (error as { statusCode?: unknown }).statusCode,
    isOcpiError: ocpi.isOcpiError(error),
    isOcpiStatusError: ocpi.isOcpiStatusError(error),
    isOcpiClientStatusError: ocpi.isOcpiClientStatusError(error),
  };
}

async function useClient(input: ChecksInput): Promise<ChecksReport['client']> {
  const client = v221.createClient({
    token: input.token,
    endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${input.baseUrl}/locations` }],
    retry: { limit: 0 },
    timeout: 10_000,
    validation: 'strict',
  });
  const location = await client.locations.sender.getLocation({ params: { location_id: 'LOC1' } });
  const listed: string[] = [];
  for await (const item of client.locations.sender.list()) listed.push(item.id);
  let statusError: ErrorSummary | undefined;
  try {
    await client.locations.sender.getLocation({ params: { location_id: 'NOPE' } });
  } catch (error) {
    statusError = summariseError(error);
  }
  return { location: location.id, listed, statusError };
}

function auth(): ChecksReport['auth'] {
  let refused = 'accepted';
  try {
    // Not printable ASCII: must be refused, without the token in the message.
    ocpi.formatAuthorizationHeader('tökén', { version: '2.2.1' });
  } catch (error) {
    refused = `${(error as Error).name}: ${(error as Error).message}`;
  }
  return {
    headers: [
      ocpi.formatAuthorizationHeader('example-token', { version: '2.2.1' }),
      ocpi.formatAuthorizationHeader('example-token', { version: '2.1.1' }),
      ocpi.formatAuthorizationHeader('example-token', { version: '2.2.1', encoding: 'raw' }),
      ocpi.formatAuthorizationHeader('a~b!c/d+e=f', { version: '2.2.1' }),
    ],
    decoded: [
      ocpi.decodeCredential('w6l0w6k=', 'base64'),
      ocpi.decodeCredential('ZXhhbXBsZS10b2tlbg==', 'base64'),
      ocpi.decodeCredential('not base64!', 'base64'),
    ],
    refused,
  };
}

/** Every check, in one report that serialises to JSON. */
export async function runChecks(input: ChecksInput): Promise<ChecksReport> {
  return {
    runtime: runtimeName(),
    exports: { root: Object.keys(ocpi), v211: Object.keys(v211), v221: Object.keys(v221) },
    schemas: {
      v221: {
        valid: parse(v221.LocationSchema, input.location221),
        bad: parse(v221.LocationSchema, input.badLocation221),
      },
      v211: {
        valid: parse(v211.LocationSchema, input.location211),
        bad: parse(v211.LocationSchema, input.badLocation211),
      },
    },
    client: await useClient(input),
    auth: auth(),
    server: await runServerChecks(input.location221 as object),
  };
}
