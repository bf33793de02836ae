// `ocpi validate --format json`: one JSON document with every input's report and the totals, written
// when all are read, for programs.
import type { Writable } from 'node:stream';
import { type FileReport, type ReportedIssue, type ReportSink, totalsOf } from './validation-report';

/** Gathers the report and writes it to `stream` as one JSON document at the end. */
export function jsonReport(stream: Pick<Writable, 'write'>): ReportSink {
  const issues = new Map<FileReport, ReportedIssue[]>();
  return {
    fileStarted(file) {
      issues.set(file, []);
    },
    detected() {},
    issue(file, issue) {
      issues.get(file)?.push(issue);
    },
    unreadable() {},
    problem() {},
    fileDone() {},
    done(files) {
      const document = {
        files: files.map((file) => ({ ...file, issues: issues.get(file) ?? [] })),
        total: totalsOf(files),
      };
      stream.write(`${JSON.stringify(document, null, 2)}\n`);
    },
  };
}
