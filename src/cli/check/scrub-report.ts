import { redactSecrets } from '../../common/errors/redact';
import type { CheckReport } from './check-report';

/**
 * The report with every token in play removed wherever it stands (a partner may echo one in an id, a
 * message, a URL), in each form a token takes on the wire: every string of it, keys included, redacted.
 */
export function scrubReport(report: CheckReport, secrets: readonly string[]): CheckReport {
  return scrubValue(report, secrets) as CheckReport;
}

function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((element) => scrubValue(element, secrets));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [redactSecrets(key, secrets), scrubValue(field, secrets)]),
  );
}
