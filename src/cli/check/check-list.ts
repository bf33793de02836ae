import type * as z from 'zod/mini';
import { redactSecrets } from '../../common/errors/redact';
import { parseList } from '../../common/schema/parse-list';
import { formatUtcDateTime } from '../../common/schema/primitives/utc-date-time-format';
import { findNextLink } from '../../common/transport/link-header';
import type { PageRequest } from '../../common/transport/page-request';
import type { CallOptions } from '../../common/transport/transport';
import type { CheckContext } from './check-context';
import type {
  CheckStatus,
  DateFilterReport,
  DateFiltersReport,
  EndpointReport,
  Finding,
  PaginationReport,
} from './check-report';
import { DeviationTally } from './deviation-tally';
import { timingsOf } from './timings';

/** A list GET of the partner, as the SDK's client calls it, with the schemas of its query and items. */
export interface ListTarget {
  readonly module: string;
  readonly role: string;
  readonly url: string;
  readonly item: z.ZodMiniType;
  /** Asks for `date_from` (2.1.1 and 2.2.1 Sessions). */
  readonly needsDateFrom: boolean;
  readonly list: (args: { query?: Record<string, unknown>; options?: CallOptions }) => PageRequest<unknown>;
}

/** A small page asked for, to see whether `limit` is honoured. */
const SMALL_LIMIT = 2;
// A window that holds every object: for lists that ask for a date_from.
const EPOCH = '1970-01-01T00:00:00Z';
// Issues of fields the spec does not define: noted, not held against the partner.
const UNKNOWN_FIELD = 'unrecognized_keys';

/** The outcome of one list: its part of the report and what it found. */
export interface ListOutcome {
  readonly report: EndpointReport;
  readonly findings: Finding[];
}

/**
 * Reads a list page by page with the SDK's client (its pagination, its lenient reading), and judges
 * what came: each page's raw items counted and validated in strict and lenient mode with `parseList`,
 * the paging headers, a small `limit`, the date filters, the statuses and times of every attempt.
 */
export async function checkList(target: ListTarget, context: CheckContext): Promise<ListOutcome> {
  const phase = `${target.module} ${target.role}`;
  const { recorder } = context;
  recorder.phase = phase;
  const findings: Finding[] = [];
  const finding = (severity: Finding['severity'], message: string) =>
    findings.push({ severity, module: target.module, message: `${target.role}: ${message}` });
  const base = target.needsDateFrom ? { date_from: EPOCH } : {};
  const options: CallOptions = { signal: context.signal, onValidationIssues: () => undefined };
  const tally = new DeviationTally();
  const counts = { pages: 0, objects: 0, validStrict: 0, validLenient: 0 };
  const paging = {
    pagesWithMore: 0,
    linkPresent: 0,
    linkFollowed: 0,
    relativeLinks: 0,
    totalCountPresent: 0,
    totalCount: undefined as number | undefined,
    limitPresent: 0,
    limit: undefined as number | undefined,
    truncated: false,
  };
  const updated: number[] = [];
  let failure: string | undefined;
  let linkedNext: string | undefined;
  let previousHadLink: boolean | undefined;
  try {
    for await (const page of target.list({ query: base, options }).pages()) {
      counts.pages++;
      const data = await rawItems(recorder.takeBody(phase, page.url));
      counts.objects += data.length;
      const subject = `${target.module} item`;
      const shared = {
        subject,
        unknownFields: 'strip' as const,
        secrets: context.secrets,
        maxRejected: data.length,
      };
      const strict = parseList(target.item, data, { ...shared, mode: 'strict' });
      const lenient = parseList(target.item, data, { ...shared, mode: 'lenient' });
      counts.validStrict += strict.items.length;
      counts.validLenient += lenient.items.length;
      tally.addRejected(strict.rejected);
      tally.addTolerated(strict.tolerated);
      for (const item of lenient.items) {
        const time = Date.parse(String((item as { last_updated?: unknown }).last_updated));
        if (!Number.isNaN(time)) updated.push(time);
      }
      const link = page.headers.get('Link');
      const next = findNextLink(link, page.url);
      if (linkedNext !== undefined && linkedNext === page.url) paging.linkFollowed++;
      linkedNext = next;
      // A page had more after it when the next one brought objects: only then was a Link owed.
      if (previousHadLink !== undefined && data.length > 0) {
        paging.pagesWithMore++;
        if (previousHadLink) paging.linkPresent++;
      }
      previousHadLink = next !== undefined;
      if (next !== undefined && !/<\s*https?:/i.test(link ?? '')) paging.relativeLinks++;
      if (page.totalCount !== undefined) {
        paging.totalCountPresent++;
        paging.totalCount = page.totalCount;
      }
      if (page.limit !== undefined) {
        paging.limitPresent++;
        paging.limit = page.limit;
      }
      const of = page.totalCount === undefined ? '' : `/${page.totalCount}`;
      context.progress(`${phase}: page ${counts.pages}, ${counts.objects}${of} objects`);
      if (page.nextUrl !== undefined && counts.pages >= context.maxPages) {
        paging.truncated = true;
        break;
      }
    }
  } catch (error) {
    failure = messageOf(error, context.secrets);
  }

  let limitHonoured: boolean | undefined;
  let dateFilters: DateFiltersReport | undefined;
  if (failure === undefined) {
    limitHonoured = await smallPage(target, context, base, options);
    if (updated.length >= 2 && !paging.truncated) {
      dateFilters = await checkDateFilters(target, context, base, options, updated, counts.objects);
    }
  }

  const exchanges = recorder.of(phase);
  const httpStatuses: Record<string, number> = {};
  for (const { status } of exchanges) {
    const key = status === undefined ? 'none' : String(status);
    httpStatuses[key] = (httpStatuses[key] ?? 0) + 1;
  }
  const timings = timingsOf(exchanges.map((exchange) => exchange.ms));
  const pagination: PaginationReport = { pages: counts.pages, ...paging, limitHonoured };

  if (failure !== undefined) finding('fail', `the list could not be read: ${failure}`);
  judgePaging(pagination, counts.objects, finding);
  judgeObjects(counts, tally, finding);
  // Objects lost to validation have no readable time: what each side should hold is then unknown.
  judgeDates(dateFilters, counts.objects, counts.objects === counts.validLenient, finding);
  const busy = (httpStatuses['503'] ?? 0) + (httpStatuses['429'] ?? 0);
  if (busy > 0)
    finding('warn', `answered ${busy} time(s) with 503/429 (busy); the client waited and retried`);

  const status = statusOf(findings);
  return {
    findings,
    report: {
      module: target.module,
      role: target.role,
      url: redactSecrets(target.url, context.secrets),
      status,
      ...(failure !== undefined && { note: failure }),
      httpStatuses,
      pagination,
      ...(dateFilters && { dateFilters }),
      objects: counts.objects,
      validStrict: counts.validStrict,
      validLenient: counts.validLenient,
      deviations: tally.top(),
      timings,
    },
  };
}

/** The worst severity among findings, as a status. */
export function statusOf(findings: readonly Finding[]): CheckStatus {
  if (findings.some((finding) => finding.severity === 'fail')) return 'fail';
  if (findings.some((finding) => finding.severity === 'warn')) return 'warn';
  return 'ok';
}

type Say = (severity: Finding['severity'], message: string) => void;

function judgePaging(paging: PaginationReport, objects: number, say: Say): void {
  if (paging.pages === 0) return;
  const missingLinks = paging.pagesWithMore - paging.linkPresent;
  if (missingLinks > 0) {
    say(
      'fail',
      `${missingLinks} of ${paging.pagesWithMore} page(s) with more after them carried no Link to the next page`,
    );
  }
  if (paging.relativeLinks > 0) {
    say('warn', `${paging.relativeLinks} Link header(s) gave a path instead of an absolute URL`);
  }
  if (paging.totalCountPresent < paging.pages) {
    say(
      'fail',
      `${paging.pages - paging.totalCountPresent} of ${paging.pages} page(s) carried no X-Total-Count`,
    );
  } else if (!paging.truncated && paging.totalCount !== undefined && paging.totalCount !== objects) {
    say('warn', `X-Total-Count said ${paging.totalCount}, ${objects} object(s) came`);
  }
  if (paging.limitPresent < paging.pages) {
    say('fail', `${paging.pages - paging.limitPresent} of ${paging.pages} page(s) carried no X-Limit`);
  }
  if (paging.limitHonoured === false) {
    say('warn', `a page asked with limit=${SMALL_LIMIT} held more objects than that`);
  }
  if (paging.truncated) say('info', `stopped after ${paging.pages} page(s) (--max-pages)`);
}

function judgeObjects(
  counts: { objects: number; validStrict: number; validLenient: number },
  tally: DeviationTally,
  say: Say,
): void {
  const lost = counts.objects - counts.validLenient;
  const broken = counts.objects - counts.validStrict;
  if (lost > 0) say('fail', `${lost} of ${counts.objects} object(s) could not be read even leniently`);
  if (broken > 0) say('fail', `${broken} of ${counts.objects} object(s) break the spec (strict validation)`);
  if (broken === 0 && tally.hasOtherThan([UNKNOWN_FIELD])) {
    say('warn', 'objects carry deviations the spec tolerates (see the deviations by path)');
  }
  const unknown = tally.countOf(UNKNOWN_FIELD);
  if (unknown > 0) say('info', `${unknown} field(s) the spec does not define (left out)`);
}

function judgeDates(dates: DateFiltersReport | undefined, objects: number, allRead: boolean, say: Say): void {
  if (dates === undefined) return;
  for (const [name, filter] of [
    ['date_from', dates.dateFrom],
    ['date_to', dates.dateTo],
  ] as const) {
    if (!filter.accepted) say('fail', `${name} was refused`);
    else if (allRead && filter.count !== filter.expected) {
      say('warn', `${name}=${dates.at} gave ${filter.count ?? '?'} object(s), ${filter.expected} expected`);
    }
  }
  if (!dates.narrowing && dates.dateFrom.accepted && dates.dateTo.accepted) {
    say('warn', `the date filters did not narrow the list of ${objects}`);
  }
}

// The first page asked with a small limit: does it hold no more than that?
async function smallPage(
  target: ListTarget,
  context: CheckContext,
  base: Record<string, unknown>,
  options: CallOptions,
): Promise<boolean | undefined> {
  try {
    const page = await target.list({ query: { ...base, limit: SMALL_LIMIT }, options });
    const data = await rawItems(context.recorder.takeBody(context.recorder.phase, page.url));
    return data.length <= SMALL_LIMIT;
  } catch {
    return undefined;
  }
}

// date_from and date_to at the middle of the `last_updated` values read: each should give its side.
async function checkDateFilters(
  target: ListTarget,
  context: CheckContext,
  base: Record<string, unknown>,
  options: CallOptions,
  updated: readonly number[],
  objects: number,
): Promise<DateFiltersReport> {
  const sorted = [...updated].sort((a, b) => a - b);
  // A whole second, as DateTimes carry: the middle value rounded up.
  const cut = Math.ceil((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000) * 1000;
  const after = sorted.filter((time) => time >= cut).length;
  const dateFrom = await countWith(target, context, { ...base, date_from: new Date(cut) }, options, after);
  const dateTo = await countWith(
    target,
    context,
    { ...base, date_to: new Date(cut) },
    options,
    sorted.length - after,
  );
  // Together the two sides are the whole list, and at least one of them is less.
  const narrowing =
    dateFrom.count !== undefined &&
    dateTo.count !== undefined &&
    dateFrom.count + dateTo.count === objects &&
    Math.min(dateFrom.count, dateTo.count) < objects;
  return { at: formatUtcDateTime(cut), dateFrom, dateTo, narrowing };
}

// How many objects a filtered list holds: its X-Total-Count, else its pages counted.
async function countWith(
  target: ListTarget,
  context: CheckContext,
  query: Record<string, unknown>,
  options: CallOptions,
  expected: number,
): Promise<DateFilterReport> {
  try {
    let count = 0;
    let pages = 0;
    for await (const page of target.list({ query, options }).pages()) {
      if (page.totalCount !== undefined && page.offset === 0)
        return { accepted: true, count: page.totalCount, expected };
      count += (await rawItems(context.recorder.takeBody(context.recorder.phase, page.url))).length;
      if (++pages >= context.maxPages) break;
    }
    return { accepted: true, count, expected };
  } catch {
    return { accepted: false, count: undefined, expected };
  }
}

/** The `data` array of a recorded page body; empty when it is not one. */
export async function rawItems(body: Promise<string> | undefined): Promise<unknown[]> {
  if (body === undefined) return [];
  try {
    const envelope = JSON.parse(await body) as { data?: unknown };
    return Array.isArray(envelope?.data) ? envelope.data : [];
  } catch {
    return [];
  }
}

/** An error as one line, without any token. */
export function messageOf(error: unknown, secrets: readonly string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.split('\n')[0] ?? text, secrets);
}
