// `ocpi validate`'s report for people: a line per issue (`file:line path message`), a summary line per
// input and a total, printed as found; colours and the progress bar only as streamOutput allows.
import { bar, type DemoOutput } from '../../testing/demo/demo-output';
import { type FileReport, type ReportSink, totalsOf } from './validation-report';

// Inputs from which a progress bar is drawn (on a terminal only): below, the output itself shows progress.
const PROGRESS_FROM = 10;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Prints to `out`, with progress on `progress` (both streamOutput): the report as text. */
export function textReport(out: DemoOutput, progress: DemoOutput): ReportSink {
  let total = 0;
  const where = (file: FileReport, line?: number, column?: number) =>
    `${file.file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}`;
  const print = (text: string) => {
    // The progress bar shares the terminal: cleared before a line of the report.
    progress.progress('');
    out.line(text);
  };
  return {
    fileStarted(file, index, count) {
      total = count;
      if (count >= PROGRESS_FROM) progress.progress(`${bar(index, count)} ${index}/${count} ${file.file}`);
    },
    detected(file) {
      const { detected } = file;
      if (detected === undefined || detected.given) return;
      const alternatives = detected.alternatives
        .map(
          (other) =>
            `${other.version} ${other.object}${other.score === detected.score ? '' : ` ${other.score.toFixed(2)}`}`,
        )
        .join(', ');
      const sureness = detected.certain
        ? 'certain'
        : `likely: ${detected.score.toFixed(2)}${alternatives ? `; also ${alternatives}` : ''}`;
      print(out.dim(`${file.file}: detected ${detected.version} ${detected.object} (${sureness})`));
    },
    issue(file, issue) {
      const path = issue.path === '' ? '(root)' : issue.path;
      const text = `${where(file, issue.line)} ${path} ${issue.message}`;
      print(issue.fatal ? out.bad(text) : text);
    },
    unreadable(file, error) {
      print(out.bad(`${where(file, error.line, error.column)} not readable as JSON: ${error.message}`));
    },
    problem(file, problem) {
      print(out.bad(`${where(file, problem.line)} ${problem.message}`));
    },
    fileDone(file) {
      const counts = `${plural(file.objects, 'object')}, ${file.valid} valid, ${plural(file.issueCount, 'issue')}`;
      const verdict = file.unreadable.length > 0 ? 'unreadable' : file.failed ? 'invalid' : 'valid';
      const painted = verdict === 'valid' ? out.ok(verdict) : out.bad(verdict);
      print(`${out.strong(file.file)}: ${painted}: ${counts}`);
    },
    done(files) {
      if (total >= PROGRESS_FROM) progress.progress('');
      const totals = totalsOf(files);
      const failing = files.filter((file) => file.failed || file.unreadable.length > 0).length;
      print(
        `total: ${plural(totals.files, 'file')} (${failing} failing), ${plural(totals.objects, 'object')}, ` +
          `${totals.valid} valid, ${plural(totals.issues, 'issue')}`,
      );
    },
  };
}
