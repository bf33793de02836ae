// The work of `ocpi validate` (src/cli/commands/validate.ts): every input read, checked and reported.

import { streamOutput } from '../../testing/demo/demo-output';
import type { CommandContext } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNAVAILABLE, EXIT_USAGE, type ExitCode } from '../exit-codes';
import { expandInputs, type InputSource } from './expand-inputs';
import { jsonReport } from './json-report';
import { readValues } from './read-values';
import { textReport } from './text-report';
import { type ValidateOptions, validateOptions } from './validate-options';
import { isEnvelope, resolveTarget, sampleOf, type Target, validateValue } from './validate-value';
import type { FileReport, ReportSink } from './validation-report';

/** Runs `ocpi validate` on the context: the exit code says whether every object was valid. */
export async function runValidate(context: CommandContext): Promise<ExitCode> {
  const options = validateOptions(context.args);
  if ('error' in options) {
    context.stderr.write(`ocpi validate: ${options.error}\nSee: ocpi validate --help\n`);
    return EXIT_USAGE;
  }
  const { sources, missing } = await expandInputs(options.inputs, context.cwd, context.stdin);
  for (const { argument, problem } of missing)
    context.stderr.write(`ocpi validate: ${argument}: ${problem}\n`);
  const sink =
    options.format === 'json'
      ? jsonReport(context.stdout)
      : textReport(streamOutput(context.stdout, context.env), streamOutput(context.stderr, context.env));
  const files: FileReport[] = [];
  for (const [index, source] of sources.entries()) {
    if (context.signal.aborted) break;
    files.push(await validateInput(source, options, sink, index, sources.length, context));
  }
  sink.done(files);
  if (context.signal.aborted || missing.length > 0 || files.some((file) => file.unreadable.length > 0)) {
    return EXIT_UNAVAILABLE;
  }
  return files.some((file) => file.failed) ? EXIT_PROBLEMS : EXIT_OK;
}

async function validateInput(
  source: InputSource,
  options: ValidateOptions,
  sink: ReportSink,
  index: number,
  count: number,
  context: CommandContext,
): Promise<FileReport> {
  const file: FileReport = {
    file: source.name,
    format: 'json',
    objects: 0,
    valid: 0,
    issueCount: 0,
    failed: false,
    unreadable: [],
    problems: [],
  };
  sink.fileStarted(file, index, count);
  let target: Target | undefined;
  try {
    for await (const read of readValues(source.open())) {
      if (context.signal.aborted) break;
      if (read.line !== undefined) file.format = 'ndjson';
      if ('syntaxError' in read) {
        const error = { ...read.syntaxError, line: read.syntaxError.line ?? read.line };
        file.unreadable.push(error);
        sink.unreadable(file, error);
        continue;
      }
      const { value, line } = read;
      if (target === undefined) {
        const sample = sampleOf(value);
        // An envelope without data (an error response) is checked alone; anything else needs its object.
        if (sample !== undefined || !isEnvelope(value)) {
          const resolved = resolveTarget(sample, options);
          if ('problem' in resolved) {
            const problem = { line, message: resolved.problem };
            file.problems.push(problem);
            file.failed = true;
            sink.problem(file, problem);
            continue;
          }
          target = resolved;
          file.detected = detectedOf(target, options);
          sink.detected(file);
        }
      }
      const outcome = validateValue(value, target, options);
      file.objects += outcome.objects;
      file.valid += outcome.valid;
      file.issueCount += outcome.issues.length;
      file.failed ||= outcome.failed;
      for (const issue of outcome.issues) sink.issue(file, line === undefined ? issue : { ...issue, line });
    }
  } catch (error) {
    const failure = { message: (error as Error).message };
    file.unreadable.push(failure);
    sink.unreadable(file, failure);
  }
  sink.fileDone(file);
  return file;
}

function detectedOf(target: Target, options: ValidateOptions): NonNullable<FileReport['detected']> {
  const { object, detection } = target;
  return {
    version: object.version,
    object: object.name,
    given: detection === undefined && options.object !== undefined,
    certain: detection?.certain ?? true,
    score: detection?.score ?? 1,
    alternatives: (detection?.candidates ?? []).slice(1).map((candidate) => ({
      version: candidate.object.version,
      object: candidate.object.name,
      score: candidate.score,
    })),
  };
}
