// What `ocpi validate` found, per input and in total, as the command gathers it: the shape of
// `--format json` and what the text report prints from.
import type { OcpiVersion } from '../../common/protocol/version';
import type { JsonSyntaxError } from './read-values';
import type { FoundIssue } from './validate-value';

/** How an input was read. */
export type InputFormat = 'json' | 'ndjson';

/** An issue of an input: where it is (`line` for NDJSON) and what. */
export interface ReportedIssue extends FoundIssue {
  readonly line?: number | undefined;
}

/** What the input was checked as, and how sure detection was (`certain`, or a score from 0 to 1). */
export interface ReportedDetection {
  readonly version: OcpiVersion;
  readonly object: string;
  /** True when `--object` and `--version` left nothing to detect. */
  readonly given: boolean;
  readonly certain: boolean;
  readonly score: number;
  /** The other objects it came close to. */
  readonly alternatives: readonly {
    readonly version: OcpiVersion;
    readonly object: string;
    readonly score: number;
  }[];
}

/** The report of one input. */
export interface FileReport {
  readonly file: string;
  format: InputFormat;
  detected?: ReportedDetection;
  objects: number;
  valid: number;
  issueCount: number;
  /** Whether any object (or envelope) failed, or the object could not be told. */
  failed: boolean;
  /** Parts that could not be read (not JSON, or a read error): these make the exit code 3. */
  readonly unreadable: (JsonSyntaxError & { readonly line?: number | undefined })[];
  /** Why the object could not be told, where it could not. */
  readonly problems: { readonly line?: number | undefined; readonly message: string }[];
}

/** Receives the report as it is made: the text report prints as it goes, the JSON one at the end. */
export interface ReportSink {
  fileStarted(file: FileReport, index: number, total: number): void;
  detected(file: FileReport): void;
  issue(file: FileReport, issue: ReportedIssue): void;
  unreadable(file: FileReport, error: FileReport['unreadable'][number]): void;
  problem(file: FileReport, problem: FileReport['problems'][number]): void;
  fileDone(file: FileReport): void;
  done(files: readonly FileReport[]): void;
}

/** The totals over every input. */
export function totalsOf(files: readonly FileReport[]) {
  return {
    files: files.length,
    objects: files.reduce((sum, file) => sum + file.objects, 0),
    valid: files.reduce((sum, file) => sum + file.valid, 0),
    issues: files.reduce((sum, file) => sum + file.issueCount, 0),
    failedFiles: files.filter((file) => file.failed).length,
    unreadableFiles: files.filter((file) => file.unreadable.length > 0).length,
  };
}
