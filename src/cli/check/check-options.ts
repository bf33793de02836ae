import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { OcpiVersion } from '../../common/protocol/version';
import type { PartyRef } from '../../common/transport/routing';

/** The formats of `--report`, by file extension. */
export type ReportFormat = 'html' | 'md' | 'json';

/** `ocpi check`'s arguments, checked. */
export interface CheckArguments {
  versionsUrl: string;
  token: string;
  register: boolean;
  write: boolean;
  report: { path: string; format: ReportFormat } | undefined;
  version: OcpiVersion | undefined;
  timeout: number;
  maxPages: number;
  format: 'text' | 'json';
  party: PartyRef | undefined;
  help: boolean;
}

const REPORT_FORMATS: Readonly<Record<string, ReportFormat>> = {
  '.html': 'html',
  '.md': 'md',
  '.json': 'json',
};

/** Reads `ocpi check`'s arguments: the arguments, or a message saying which one is wrong. */
export function checkArguments(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CheckArguments | { error: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (help) return { ...defaults(), help };
  if (positionals.length !== 1) return { error: 'give one versions URL' };
  const versionsUrl = positionals[0] ?? '';
  if (!URL.canParse(versionsUrl) || !/^https?:$/.test(new URL(versionsUrl).protocol)) {
    return { error: 'the versions URL must be an http(s) URL' };
  }
  // From the environment, a token stays out of the shell's history and the process list.
  const token = values.token ?? env.OCPI_TOKEN;
  if (token === undefined || token === '') return { error: '--token (or OCPI_TOKEN) is required' };
  const version = values.version;
  if (version !== undefined && version !== '2.2.1' && version !== '2.1.1') {
    return { error: `--version must be 2.2.1 or 2.1.1, not ${version}` };
  }
  const timeout = Number(values.timeout ?? 30_000);
  if (!Number.isInteger(timeout) || timeout <= 0)
    return { error: '--timeout must be a whole number of ms above 0' };
  const maxPages = Number(values['max-pages'] ?? 100);
  if (!Number.isInteger(maxPages) || maxPages <= 0)
    return { error: '--max-pages must be a whole number above 0' };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    return { error: `--format must be text or json, not ${format}` };
  let report: CheckArguments['report'];
  if (values.report !== undefined) {
    const reportFormat = REPORT_FORMATS[extname(values.report).toLowerCase()];
    if (reportFormat === undefined) return { error: '--report must name a .html, .md or .json file' };
    report = { path: values.report, format: reportFormat };
  }
  let party: PartyRef | undefined;
  if (values.party !== undefined) {
    const match = /^([A-Za-z]{2})[/*-]([A-Za-z0-9]{3})$/.exec(values.party);
    if (!match) return { error: '--party must be a country code and party id, as NL/ABC' };
    party = { countryCode: (match[1] ?? '').toUpperCase(), partyId: (match[2] ?? '').toUpperCase() };
  }
  return {
    versionsUrl,
    token,
    register: values.register === true,
    write: values.write === true,
    report,
    version,
    timeout,
    maxPages,
    format,
    party,
    help,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      register: { type: 'boolean' },
      write: { type: 'boolean' },
      report: { type: 'string' },
      version: { type: 'string' },
      timeout: { type: 'string' },
      'max-pages': { type: 'string' },
      format: { type: 'string' },
      party: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function defaults(): Omit<CheckArguments, 'help'> {
  return {
    versionsUrl: '',
    token: '',
    register: false,
    write: false,
    report: undefined,
    version: undefined,
    timeout: 30_000,
    maxPages: 100,
    format: 'text',
    party: undefined,
  };
}
