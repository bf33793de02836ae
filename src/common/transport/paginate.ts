import type * as z from 'zod/mini';
import type { OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiValidationError } from '../errors/ocpi-validation-error';
import type { LenientIssue } from '../schema/parse';
import { idOf, parseList, type RejectedItem, type ToleratedItem } from '../schema/parse-list';
import { formatPath, notAListIssue, omittedIssue, type ValidationIssue } from '../schema/validation-issue';
import { nextLinkUrl } from './link-header';
import { RecentKeys } from './recent-keys';
import type { CallOptions, Transport } from './transport';
import { type QueryValue, withQuery } from './url';

/** One page of a paginated GET, with what the server said about the whole list. */
export interface Page<T> {
  readonly items: T[];
  /** `X-Total-Count`: how many objects match the query in all, when the server says. */
  readonly totalCount: number | undefined;
  /** `X-Limit`: the most objects the server returns per page, when it says. */
  readonly limit: number | undefined;
  /** The `offset` of this page's request. */
  readonly offset: number;
  /** The next page's URL, or `undefined` on the last page. */
  readonly nextUrl: string | undefined;
  /** The URL this page came from. */
  readonly url: string;
  readonly headers: Headers;
  /** Lenient mode: items left out because they failed validation, with their index and issues (the first 100). */
  readonly rejected: readonly RejectedItem[];
  /** Lenient mode: how many items were left out in all, described in `rejected` or not. */
  readonly rejectedCount: number;
  /**
   * Lenient mode: the items kept with tolerated issues (an unknown field dropped, an unknown enum value
   * kept...), by index and id, while the page's 1,000 described issues last.
   */
  readonly tolerated: readonly ToleratedItem[];
  /**
   * What the partner's paging headers left us to guess on this page, also told to `onValidationIssues`
   * in every validation mode; empty when the headers said where to go. Code `paged_by_offset`: the page
   * was full with neither `Link` nor `X-Total-Count`, so the next one was asked for by offset.
   * `offset_ignored`: asked for so, the page only repeated what was read, and the list ended there.
   */
  readonly pagingIssues: readonly LenientIssue[];
}

/** What {@link paginatePages} fetches. */
export interface PaginateRequest<S extends z.ZodMiniType> {
  url: string | URL;
  module: string;
  query?: Readonly<Record<string, QueryValue>>;
  /** The schema of one item; each item is validated on its own. */
  item: S;
  /** What an item is, for messages: `Location`. */
  subject: string;
  options?: CallOptions;
}

/**
 * Fetches the pages of a paginated OCPI GET one at a time, as an async generator: the next page is only
 * requested when the caller asks for it, so `break` stops all fetching and memory holds one page.
 *
 * The next page is the `Link` header's `rel="next"` target, absolute or relative; without a `Link`
 * header, the next offset while `X-Total-Count` says more remain. A full page with neither header (a
 * partner outside the spec) is followed by the next offset too, and told as a `paged_by_offset` issue;
 * such a run ends at the first short or empty page, or at a page that brings nothing new (a partner
 * that ignores `offset`: `offset_ignored`). It stops at a next URL it has fetched among the last 256
 * pages. When `X-Total-Count` drops between pages (objects left the query's window), the page is
 * fetched again at an offset lowered by the drop, as the spec advises, so that no object is skipped;
 * objects among the last 1,000 yielded are not yielded twice.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_paginated_response
 */
export async function* paginatePages<S extends z.ZodMiniType>(
  transport: Transport,
  request: PaginateRequest<S>,
): AsyncGenerator<Page<z.output<S>>, void, undefined> {
  const options = withCorrelation(request.options);
  const fetched = new RecentKeys(RECENT_URLS);
  // More objects may drop than a page holds: the step back can then reach pages before the last one.
  const yielded = new RecentKeys(RECENT_OBJECTS);
  // Parsed once per page: sent as it is, read for its offset, and the base of a relative Link.
  let url: URL | undefined = withQuery(request.url, request.query);
  let previousTotal: number | undefined;
  // What a page without paging headers is compared with, to tell a full page from the last one.
  let firstLength: number | undefined;
  // The page before, when this one was asked by offset for lack of headers: what it repeats ends the run.
  // Only its fingerprint is kept, so that memory still holds one page.
  let guessedFrom: Pick<Fetched<unknown>, 'fingerprint'> | undefined;
  while (url !== undefined && !fetched.has(url.href)) {
    fetched.add(url.href);
    const before = guessedFrom;
    // Told before validation, so that a repeated page's items are neither validated nor reported again.
    const repeats =
      before &&
      ((data: unknown[], fingerprint: string | undefined) =>
        data.length > 0 &&
        ((fingerprint !== undefined && fingerprint === before.fingerprint) ||
          data.every((item) => yielded.has(identityOf(item) ?? ''))));
    let fetchedPage: Fetched<z.output<S>> = await fetchPage(transport, request, url, options, repeats);
    const dropped = (previousTotal ?? 0) - (fetchedPage.page.totalCount ?? Number.POSITIVE_INFINITY);
    if (dropped > 0 && fetchedPage.page.offset > 0) {
      const back = withOffset(url, Math.max(0, fetchedPage.page.offset - dropped));
      fetchedPage = await fetchPage(transport, request, back, options);
    }
    firstLength ??= fetchedPage.received;
    const settled: Settled<z.output<S>> = settlePage(
      transport,
      request,
      fetchedPage,
      url,
      firstLength,
      yielded,
    );
    const { page, next, pagingIssue } = settled;
    yield page;
    for (const item of page.items) {
      const key = identityOf(item);
      if (key !== undefined) yielded.add(key);
    }
    previousTotal = page.totalCount;
    guessedFrom =
      pagingIssue?.code === PAGED_BY_OFFSET ? { fingerprint: fetchedPage.fingerprint } : undefined;
    url = next;
  }
}

/**
 * The first page of a paginated GET alone, which awaiting a list call gives: the page that
 * {@link paginatePages} yields first, without the bookkeeping of a walk across pages.
 */
export async function firstPage<S extends z.ZodMiniType>(
  transport: Transport,
  request: PaginateRequest<S>,
): Promise<Page<z.output<S>>> {
  const url = withQuery(request.url, request.query);
  const fetched = await fetchPage(transport, request, url, withCorrelation(request.options));
  return settlePage(transport, request, fetched, url, fetched.received).page;
}

// Every page of a list goes with one X-Correlation-ID: the call's, else a new one.
function withCorrelation(options: CallOptions | undefined): CallOptions {
  return { ...options, correlationId: options?.correlationId ?? crypto.randomUUID() };
}

interface Settled<T> {
  page: Page<T>;
  next: URL | undefined;
  pagingIssue: LenientIssue | undefined;
}

// A fetched page as it is handed over: where it leads, what its paging headers left to guess (told to
// the listener), and without the objects already yielded (after a step back, a page may repeat some).
function settlePage<T>(
  transport: Transport,
  request: PaginateRequest<z.ZodMiniType>,
  fetched: Fetched<T>,
  url: URL,
  firstLength: number,
  yielded?: RecentKeys,
): Settled<T> {
  const { next, pagingIssue } = pagingOf(fetched, url, firstLength);
  const { items } = fetched.page;
  const page: Page<T> = {
    ...fetched.page,
    items:
      yielded === undefined || yielded.size === 0
        ? items
        : items.filter((item) => !yielded.has(identityOf(item) ?? '')),
    nextUrl: next?.href,
    pagingIssues: pagingIssue ? [pagingIssue] : [],
  };
  if (pagingIssue) {
    transport.report(
      `${request.subject} list`,
      [pagingIssue],
      transport.describe('GET', page.url),
      request.options,
    );
  }
  return { page, next, pagingIssue };
}

// The `code` of the issue a page gets when it was full and carried neither `Link` nor `X-Total-Count`
// (the spec requires both on a paginated response): the next page was asked for by offset.
const PAGED_BY_OFFSET = 'paged_by_offset';

// The `code` of the issue a page gets when, asked for by offset for lack of paging headers, it held only
// objects already read: the partner seems to ignore `offset`, and the list ends there.
const OFFSET_IGNORED = 'offset_ignored';

/** A page as fetched, with what the paging decisions need beyond it. */
interface Fetched<T> {
  page: Page<T>;
  /** How many items the partner sent, before any was left out. */
  received: number;
  /** Neither a `rel="next"` link nor an `X-Total-Count`: nothing says whether more pages follow. */
  headerless: boolean;
  /** What tells the raw items apart, kept only for headerless pages (see {@link fingerprintOf}). */
  fingerprint: string | undefined;
  /** Asked by offset, it brought no new object (`offset_ignored`); its items were not read. */
  repeated: boolean;
  /** The page's `nextUrl`, parsed. */
  next: URL | undefined;
}

/** Whether a page asked by offset holds only what was read before, from its raw items. */
type RepeatCheck = (data: unknown[], fingerprint: string | undefined) => boolean;

// Where a page leads when its headers do not say: by offset past a full page, nowhere past a repeat.
function pagingOf(
  fetched: Fetched<unknown>,
  url: URL,
  firstLength: number,
): { next: URL | undefined; pagingIssue?: LenientIssue } {
  const { page, received } = fetched;
  if (fetched.repeated) {
    const message = `page at offset ${page.offset} repeats what was read: offset ignored, list ends`;
    return { next: undefined, pagingIssue: issueOf(OFFSET_IGNORED, message, 'dropped') };
  }
  if (!fetched.headerless || !isFull(url, page, received, firstLength)) return { next: fetched.next };
  const next = page.offset + received;
  const message = `full page without Link or X-Total-Count: next asked at offset ${next}`;
  return { next: withOffset(url, next), pagingIssue: issueOf(PAGED_BY_OFFSET, message, 'kept') };
}

// Full means as many items as the partner's page holds: its `X-Limit` when it says, else the first
// page's length, either capped by the `limit` we asked. Not the `limit` alone: a partner may cap its pages
// lower without saying so, and taking its first page for the whole list would lose the rest silently. The
// price is one request more, answered empty, when a list without headers fits in its first page.
function isFull(url: URL, page: Page<unknown>, received: number, firstLength: number): boolean {
  const asked = integerParam(url.searchParams.get('limit')) ?? Number.POSITIVE_INFINITY;
  return received > 0 && received >= Math.min(asked, page.limit ?? firstLength);
}

function issueOf(code: string, message: string, action: LenientIssue['action']): LenientIssue {
  return { path: '', segments: [], code, message, fatal: false, action };
}

async function fetchPage<S extends z.ZodMiniType>(
  transport: Transport,
  request: PaginateRequest<S>,
  url: URL,
  options: CallOptions,
  repeats?: RepeatCheck,
): Promise<Fetched<z.output<S>>> {
  const response = await transport.send({ method: 'GET', url, module: request.module, options });
  const href = url.href;
  const described = transport.describe('GET', href);
  const subject = `${request.subject} list`;
  if (!Array.isArray(response.data)) {
    throw new OcpiValidationError({ subject, issues: [notAListIssue(response.data)], request: described });
  }
  const headers = response.headers;
  const data: unknown[] = response.data;
  const offset = integerParam(url.searchParams.get('offset')) ?? 0;
  const totalCount = integerParam(headers.get('X-Total-Count'));
  const nextFromLink = nextLinkUrl(headers.get('Link'), url);
  const headerless = nextFromLink === undefined && totalCount === undefined;
  const fingerprint = headerless ? fingerprintOf(data) : undefined;
  const repeated = repeats?.(data, fingerprint) ?? false;
  const { items, rejected, rejectedCount, tolerated } = repeated
    ? { items: [], rejected: [], rejectedCount: 0, tolerated: [] }
    : validateItems(transport, request, data, described);
  // An empty page, or one that reaches the total, is the last, whatever its Link says: a server that
  // always sends one would otherwise be followed forever. Before that, Link wins; without it, the
  // offset moves on.
  const end = offset + data.length;
  const last = data.length === 0 || (totalCount !== undefined && end >= totalCount);
  const next = last
    ? undefined
    : (nextFromLink ?? (totalCount !== undefined ? withOffset(url, end) : undefined));
  const page: Page<z.output<S>> = {
    items,
    rejected,
    rejectedCount,
    tolerated,
    totalCount,
    limit: integerParam(headers.get('X-Limit')),
    offset,
    nextUrl: next?.href,
    url: href,
    headers,
    pagingIssues: [],
  };
  return {
    page,
    received: data.length,
    headerless,
    fingerprint,
    repeated,
    next,
  };
}

// The page's items by identity, or for objects without an id by their top-level values: enough to see
// the same page served again. Never deeper: a partner's nesting must not cost us the stack.
function fingerprintOf(data: readonly unknown[]): string {
  return data.map((item) => identityOf(item) ?? shallowKey(item)).join('\u0001');
}

function shallowKey(item: unknown): string {
  if (typeof item !== 'object' || item === null) return `${typeof item}:${String(item)}`;
  let key = '';
  for (const [name, value] of Object.entries(item)) {
    if (value === null || typeof value !== 'object') key += `${name}=${String(value)}\u0000`;
  }
  return key;
}

// Enough to catch a server that sends us round in a loop, or objects that come back after a drop,
// without memory growing with the page count.
const RECENT_URLS = 256;
const RECENT_OBJECTS = 1_000;

// Bad items are left out and reported with the rest, in either mode (the modes differ in what is bad):
// one item that breaks the spec never costs the others. Only the first rejections and issues are
// described, the rest counted (see parseList).
function validateItems<S extends z.ZodMiniType>(
  transport: Transport,
  request: PaginateRequest<S>,
  data: unknown[],
  described: OcpiRequestInput,
): Pick<Page<z.output<S>>, 'items' | 'rejected' | 'rejectedCount' | 'tolerated'> {
  const mode = transport.modeOf(request.options);
  if (mode === 'off') return { items: data as z.output<S>[], rejected: [], rejectedCount: 0, tolerated: [] };
  // Rejected items keep their issues and ids on the page: scrubbed like every error about the request.
  const result = parseList(request.item, data, {
    mode,
    subject: request.subject,
    unknownFields: transport.unknownFieldsOf(request.options),
    ...(described.secrets && { secrets: described.secrets }),
  });
  const subject = `${request.subject} list`;
  const rejectedIssues = result.rejected.flatMap(({ index, issues }) =>
    issues.map((issue) => atIndex(index, issue)),
  );
  // Past the caps, one line per kind counts the rest, so a listener still learns how much was wrong.
  const omittedItems = result.rejectedCount - result.rejected.length;
  const omittedIssues = result.issueCount - result.issues.length;
  if (omittedItems > 0) rejectedIssues.push(omittedIssue(omittedItems, 'rejected items', true));
  const reported: LenientIssue[] = [...result.issues];
  // Marked kept: the items they belong to were.
  if (omittedIssues > 0) {
    reported.push({ ...omittedIssue(omittedIssues, 'issues of accepted items', false), action: 'kept' });
  }
  for (const issue of rejectedIssues) reported.push({ ...issue, action: 'dropped' });
  if (reported.length > 0) {
    transport.report(subject, reported, described, request.options, {
      rejected: result.rejected,
      tolerated: result.tolerated,
    });
  }
  const { items, rejected, rejectedCount, tolerated } = result;
  // Typed by the schema here: the client's declared calls say what each mode returns (typed-calls.ts).
  return { items: items as z.output<S>[], rejected, rejectedCount, tolerated };
}

function atIndex(index: number, issue: ValidationIssue): ValidationIssue {
  const segments = [index, ...issue.segments];
  return { ...issue, segments, path: formatPath(segments) };
}

function integerParam(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function withOffset(url: URL, offset: number): URL {
  const result = new URL(url);
  result.searchParams.set('offset', String(offset));
  return result;
}

// What tells two objects of a list apart: ids are unique per party only (a hub's list mixes parties),
// and a Token's uid per token type. Objects without an id are never taken for one another.
function identityOf(item: unknown): string | undefined {
  const id = idOf(item);
  if (id === undefined) return undefined;
  const { country_code, party_id, type } = item as Record<string, unknown>;
  return `${country_code}\u0000${party_id}\u0000${id}\u0000${type}`;
}
