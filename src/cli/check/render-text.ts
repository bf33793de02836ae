import { type DemoOutput, table } from '../../testing/demo/demo-output';
import type { CheckReport, CheckStatus, Severity } from './check-report';
import { ENDPOINT_COLUMNS, endpointCells, headLines, summaryLine } from './report-rows';

/** The report as a terminal summary: the head, a table of every endpoint, the findings, the verdict. */
export function renderText(report: CheckReport, output: DemoOutput): void {
  for (const line of headLines(report)) output.line(line);
  output.line('');
  const rows = report.modules.flatMap((module) =>
    module.endpoints.map((endpoint) => [module.module, ...endpointCells(endpoint)]),
  );
  if (rows.length > 0) {
    const [head, rule, ...body] = table(['module', ...ENDPOINT_COLUMNS], rows);
    output.line(output.strong(head ?? ''));
    output.line(rule ?? '');
    body.forEach((line, index) => {
      const status = rows[index]?.[2] as CheckStatus | undefined;
      output.line(status === 'fail' ? output.bad(line) : status === 'skipped' ? output.dim(line) : line);
    });
    output.line('');
  }
  let details = 0;
  for (const module of report.modules) {
    for (const endpoint of module.endpoints) {
      for (const deviation of endpoint.deviations ?? []) {
        details++;
        output.line(
          output.dim(
            `${module.module} ${endpoint.role} ${deviation.path}: ${deviation.count}× ${deviation.message}`,
          ),
        );
      }
    }
  }
  for (const finding of report.findings) {
    details++;
    output.line(`${paint(output, finding.severity)} ${finding.module}: ${finding.message}`);
  }
  // A blank line between the details and the verdict; none when there were none (the table ends in one).
  if (details > 0 || rows.length === 0) output.line('');
  const verdict = summaryLine(report);
  output.line(report.summary.status === 'fail' ? output.bad(verdict) : output.ok(verdict));
}

function paint(output: DemoOutput, severity: Severity): string {
  const label = severity.padEnd(4);
  if (severity === 'fail') return output.bad(label);
  if (severity === 'warn') return output.strong(label);
  return output.dim(label);
}
