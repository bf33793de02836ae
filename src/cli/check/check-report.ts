// What `ocpi check` found about a partner, as plain data: the JSON report is this object as is, and the
// terminal, Markdown and HTML reports are drawn from it. No token is ever part of it.
import type { TokenEncoding } from '../../common/auth/authorization-header';
import type { OcpiVersion } from '../../common/protocol/version';

/** The shape of {@link CheckReport}; raised when a field changes meaning or goes away. */
export const CHECK_REPORT_VERSION = 1;

/** How one check came out: `skipped` when it could not or should not run. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** How much a finding matters: `fail` breaks the spec or loses data, `warn` deviates, `info` notes. */
export type Severity = 'fail' | 'warn' | 'info';

/** One thing the check noticed, said plainly. */
export interface Finding {
  readonly severity: Severity;
  /** The module it is about (`locations`), or `versions`, `credentials`, `headers`, `writes`. */
  readonly module: string;
  readonly message: string;
}

/** Response times of a set of requests, in ms (each attempt counted, retries included). */
export interface Timings {
  readonly count: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** A JSON path (item indexes left out) where objects deviated, how often, and one message for it. */
export interface Deviation {
  readonly path: string;
  readonly count: number;
  readonly message: string;
}

/** What the paging headers of a list did. */
export interface PaginationReport {
  readonly pages: number;
  /** Pages that had more after them, and of those how many carried a `rel="next"` Link. */
  readonly pagesWithMore: number;
  readonly linkPresent: number;
  /** Pages reached by following a Link (the others by offset). */
  readonly linkFollowed: number;
  /** Links whose target was a path rather than an absolute URL. */
  readonly relativeLinks: number;
  /** Pages that carried `X-Total-Count`, and the last value seen. */
  readonly totalCountPresent: number;
  readonly totalCount: number | undefined;
  /** Pages that carried `X-Limit`, and the last value seen. */
  readonly limitPresent: number;
  readonly limit: number | undefined;
  /** A first page asked with a small `limit`: whether it held no more than asked (`undefined` untried). */
  readonly limitHonoured: boolean | undefined;
  /** The list was cut at `--max-pages`. */
  readonly truncated: boolean;
}

/** How a date filter was answered. */
export interface DateFilterReport {
  /** Answered with a list (HTTP 2xx, OCPI 1xxx). */
  readonly accepted: boolean;
  /** Objects the filtered list holds, and how many of those read before fall in the window. */
  readonly count: number | undefined;
  readonly expected: number | undefined;
}

/** The date filters, tried at the middle of the `last_updated` values read. */
export interface DateFiltersReport {
  readonly at: string;
  readonly dateFrom: DateFilterReport;
  readonly dateTo: DateFilterReport;
  /** Both filters gave fewer objects than the whole list, and together all of them. */
  readonly narrowing: boolean;
}

/** One endpoint of the partner's version details, and what was checked of it. */
export interface EndpointReport {
  readonly module: string;
  /** 2.2.1: `SENDER`/`RECEIVER`; 2.1.1: the interface the partner serves (`cpo`/`emsp`). */
  readonly role: string;
  readonly url: string;
  readonly status: CheckStatus;
  /** Why it was skipped, or what went wrong first. */
  readonly note?: string;
  /** HTTP status → how many answers had it. */
  readonly httpStatuses: Readonly<Record<string, number>>;
  readonly pagination?: PaginationReport;
  readonly dateFilters?: DateFiltersReport;
  /** Objects the partner sent, and how many of them pass strict and lenient validation. */
  readonly objects?: number;
  readonly validStrict?: number;
  readonly validLenient?: number;
  /** The ten paths with most deviations (strict mode), most frequent first. */
  readonly deviations?: readonly Deviation[];
  readonly timings: Timings;
}

/** A module of the details, with its endpoints. */
export interface ModuleReport {
  readonly module: string;
  readonly status: CheckStatus;
  readonly endpoints: readonly EndpointReport[];
}

/** How each token encoding was answered: accepted, refused (HTTP 401) or untried. */
export type EncodingAnswer = 'accepted' | 'refused' | 'error' | 'untried';

/** Which token encodings the partner reads. */
export interface TokenEncodingReport {
  /** The one the check went on with. */
  readonly used: TokenEncoding;
  readonly versions: Readonly<Record<TokenEncoding, EncodingAnswer>>;
  readonly details: Readonly<Record<TokenEncoding, EncodingAnswer>>;
}

/** 2.2.1 headers on the partner's answers. */
export interface HeadersReport {
  readonly responses: number;
  readonly requestIdEchoed: number;
  readonly correlationIdEchoed: number;
  /** Answers to requests that carried `OCPI-from-*`, and how many of those carried routing headers back. */
  readonly routingExpected: number;
  readonly routingPresent: number;
}

/** The credentials handshake of `--register`. */
export interface RegistrationReport {
  readonly status: CheckStatus;
  readonly note?: string;
  /** How the partner sent our token B on its calls back to us. */
  readonly partnerTokenEncoding?: TokenEncoding;
  readonly unregistered: boolean;
}

/** One write check of `--write`. */
export interface WriteReport {
  readonly name: string;
  readonly status: CheckStatus;
  readonly note: string;
}

/** The totals at the end of a report. */
export interface CheckSummary {
  readonly status: CheckStatus;
  readonly modules: number;
  readonly endpointsChecked: number;
  readonly objects: number;
  readonly fail: number;
  readonly warn: number;
  readonly info: number;
  readonly durationMs: number;
}

/** The conformance report of one partner (`ocpi check`). */
export interface CheckReport {
  readonly reportVersion: typeof CHECK_REPORT_VERSION;
  /** The partner's versions URL as given (a URL, never a token). */
  readonly versionsUrl: string;
  /** When the check started (UTC DateTime). */
  readonly checkedAt: string;
  readonly sdkVersion: string;
  /** The versions list as the partner labelled it. */
  readonly versionsFound: readonly string[];
  readonly versionChosen: OcpiVersion | undefined;
  readonly tokenEncoding?: TokenEncodingReport;
  /** The endpoints of the chosen version's details. */
  readonly endpoints: readonly { module: string; role: string; url: string }[];
  readonly modules: readonly ModuleReport[];
  readonly timings: Timings;
  readonly headers?: HeadersReport;
  readonly registration?: RegistrationReport;
  readonly writes?: readonly WriteReport[];
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
}
