import type { CheckReport } from './check-report';

/** The report as JSON: the {@link CheckReport} itself, indented. */
export function renderJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
