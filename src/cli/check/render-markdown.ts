import type { CheckReport } from './check-report';
import { ENDPOINT_COLUMNS, endpointCells, headLines, summaryLine } from './report-rows';

/** The report as Markdown: the head, a table per module with its deviations, the findings. */
export function renderMarkdown(report: CheckReport): string {
  const lines = ['# OCPI conformance check', '', ...headLines(report).map((line) => `- ${cell(line)}`), ''];
  lines.push(`**${cell(summaryLine(report))}**`, '');
  for (const module of report.modules) {
    lines.push(`## ${cell(module.module)} (${module.status})`, '');
    lines.push(`| ${ENDPOINT_COLUMNS.join(' | ')} |`, `|${ENDPOINT_COLUMNS.map(() => ' --- ').join('|')}|`);
    for (const endpoint of module.endpoints) {
      lines.push(`| ${endpointCells(endpoint).map(cell).join(' | ')} |`);
    }
    lines.push('');
    for (const endpoint of module.endpoints) {
      if (endpoint.note) lines.push(`- ${cell(endpoint.role)}: ${cell(endpoint.note)}`);
      for (const deviation of endpoint.deviations ?? []) {
        lines.push(
          `- ${cell(endpoint.role)} \`${code(deviation.path)}\`: ${deviation.count}× ${cell(deviation.message)}`,
        );
      }
    }
    lines.push('');
  }
  lines.push('## Findings', '');
  if (report.findings.length === 0) lines.push('None.');
  for (const finding of report.findings) {
    lines.push(`- **${finding.severity}** ${cell(finding.module)}: ${cell(finding.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

// Partner text in a table or list: no line breaks, no pipes, no HTML or Markdown it could smuggle in.
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[|\\`*_<>[\]]/g, (char) => `\\${char}`);
}

function code(text: string): string {
  return text.replace(/[\r\n`]+/g, ' ');
}
