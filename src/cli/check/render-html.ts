import type { CheckReport } from './check-report';
import { ENDPOINT_COLUMNS, endpointCells, headLines, summaryLine } from './report-rows';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}
th:first-child,td:first-child{text-align:left}
.ok{background:#e6f4e6}.warn{background:#fff4d6}.fail{background:#fbe0e0}.skipped{color:#888}
li.fail{color:#a00}li.warn{color:#850}
code{background:#f3f3f3;padding:0 .2em}
`;

/**
 * The report as one self-contained HTML page: inline CSS, no script, nothing fetched. A table per module
 * (`<table data-module="locations">` with a caption), one row per endpoint. All text is escaped: what a
 * partner sends is never markup here.
 */
export function renderHtml(report: CheckReport): string {
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>OCPI check: ${escapeHtml(report.versionsUrl)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    '<h1>OCPI conformance check</h1>',
    `<ul>${headLines(report)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('')}</ul>`,
    `<p class="${report.summary.status}"><strong>${escapeHtml(summaryLine(report))}</strong></p>`,
  ];
  for (const module of report.modules) {
    parts.push(
      `<table data-module="${escapeHtml(module.module)}"><caption>${escapeHtml(module.module)} (${module.status})</caption>`,
      `<thead><tr>${ENDPOINT_COLUMNS.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const endpoint of module.endpoints) {
      const cells = endpointCells(endpoint).map((text) => `<td>${escapeHtml(text)}</td>`);
      parts.push(`<tr class="${endpoint.status}">${cells.join('')}</tr>`);
    }
    parts.push('</tbody></table>');
    const notes = module.endpoints.flatMap((endpoint) => [
      ...(endpoint.note ? [`${escapeHtml(endpoint.role)}: ${escapeHtml(endpoint.note)}`] : []),
      ...(endpoint.deviations ?? []).map(
        (deviation) =>
          `${escapeHtml(endpoint.role)} <code>${escapeHtml(deviation.path)}</code>: ${deviation.count}× ${escapeHtml(deviation.message)}`,
      ),
    ]);
    if (notes.length > 0) parts.push(`<ul>${notes.map((note) => `<li>${note}</li>`).join('')}</ul>`);
  }
  parts.push('<h2>Findings</h2>');
  parts.push(
    report.findings.length === 0
      ? '<p>None.</p>'
      : `<ul>${report.findings
          .map(
            (finding) =>
              `<li class="${finding.severity}"><strong>${finding.severity}</strong> ${escapeHtml(finding.module)}: ${escapeHtml(finding.message)}</li>`,
          )
          .join('')}</ul>`,
  );
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}

/** Text made safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
