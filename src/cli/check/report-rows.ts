// The cells every renderer shows for an endpoint, as text: one wording for the terminal, Markdown and HTML.
import type { CheckReport, EndpointReport } from './check-report';

/** The columns of an endpoint row. */
export const ENDPOINT_COLUMNS = [
  'role',
  'status',
  'objects',
  'strict',
  'lenient',
  'pages',
  'Link',
  'X-Total-Count',
  'limit',
  'dates',
  'HTTP',
  'median ms',
  'p95 ms',
  'max ms',
] as const;

const dash = '-';

/** An endpoint's row, one cell per {@link ENDPOINT_COLUMNS}. */
export function endpointCells(endpoint: EndpointReport): string[] {
  const paging = endpoint.pagination;
  const dates = endpoint.dateFilters;
  const count = (value: number | undefined) => (value === undefined ? dash : String(value));
  return [
    endpoint.role || dash,
    endpoint.status,
    count(endpoint.objects),
    count(endpoint.validStrict),
    count(endpoint.validLenient),
    count(paging?.pages),
    paging === undefined || paging.pagesWithMore === 0
      ? dash
      : `${paging.linkPresent}/${paging.pagesWithMore}`,
    paging === undefined ? dash : `${paging.totalCountPresent}/${paging.pages}`,
    paging?.limitHonoured === undefined ? dash : paging.limitHonoured ? 'honoured' : 'ignored',
    dates === undefined ? dash : dates.narrowing ? 'narrow' : 'no effect',
    Object.entries(endpoint.httpStatuses)
      .map(([status, times]) => `${status}×${times}`)
      .join(' ') || dash,
    endpoint.timings.count === 0 ? dash : String(endpoint.timings.medianMs),
    endpoint.timings.count === 0 ? dash : String(endpoint.timings.p95Ms),
    endpoint.timings.count === 0 ? dash : String(endpoint.timings.maxMs),
  ];
}

/** The lines of the report's head: partner, versions, token encoding, overall result. */
export function headLines(report: CheckReport): string[] {
  const encoding = report.tokenEncoding;
  const lines = [
    `partner: ${report.versionsUrl}`,
    `checked: ${report.checkedAt} with @org/ocpi ${report.sdkVersion}`,
    `versions: ${report.versionsFound.join(', ') || 'none'}; chosen: ${report.versionChosen ?? 'none'}`,
  ];
  if (encoding) {
    lines.push(
      `token encoding: ${encoding.used} (versions: Base64 ${encoding.versions.base64}, plain ${encoding.versions.raw}; details: Base64 ${encoding.details.base64}, plain ${encoding.details.raw})`,
    );
  }
  if (report.headers) {
    const h = report.headers;
    lines.push(
      `2.2.1 headers: X-Request-ID echoed ${h.requestIdEchoed}/${h.responses}, X-Correlation-ID echoed ${h.correlationIdEchoed}/${h.responses}, routing headers ${h.routingPresent}/${h.routingExpected}`,
    );
  }
  if (report.registration) {
    const r = report.registration;
    lines.push(
      `registration: ${r.status}${r.partnerTokenEncoding ? `, partner sent our token ${r.partnerTokenEncoding}` : ''}, ${r.unregistered ? 'unregistered at the end' : 'NOT unregistered'}`,
    );
  }
  for (const write of report.writes ?? []) lines.push(`write ${write.name}: ${write.status}, ${write.note}`);
  const t = report.timings;
  lines.push(
    `response times: ${t.count} requests, median ${t.medianMs} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms`,
  );
  return lines;
}

/** The one-line verdict. */
export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  return `${s.status.toUpperCase()}: ${s.modules} modules, ${s.endpointsChecked} endpoints checked, ${s.objects} objects; ${s.fail} failures, ${s.warn} warnings, ${s.info} notes (${s.durationMs} ms)`;
}
