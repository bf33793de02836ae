/**
 * A unified diff (`git diff` output) read into files, hunks and numbered lines, and applied to the
 * text it was made from. It knows nothing of what the text is: callers add their own context to
 * the errors it throws.
 *
 * Only in-place edits of text files are supported; an added, deleted, renamed or binary file, a
 * hunk cut short, or a context line that differs from the text throws UnifiedDiffError.
 */

/** A diff that cannot be read, or that does not fit the text it is applied to. */
export class UnifiedDiffError extends Error {
  override name = 'UnifiedDiffError';
}

// ---------------------------------------------------------------------------------------------
// Reading a diff

/**
 * One line of a hunk. `oldLine`/`newLine` are 1-based positions in the old/new file; for an
 * added line `oldLine` is the old line it is inserted before, for a removed line `newLine` is the
 * new line that follows it.
 */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
  oldLine: number;
  newLine: number;
}

export interface DiffHunk {
  /** From `@@ -oldStart,oldCount +newStart,newCount @@`. */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: DiffLine[];
}

export interface DiffFile {
  /** Path inside the version folder (the `a/` prefix removed). */
  file: string;
  hunks: DiffHunk[];
  /** `\ No newline at end of file` seen after an old-side / new-side line. */
  oldMissingFinalNewline: boolean;
  newMissingFinalNewline: boolean;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git diff` output: files, hunks and their lines. Only in-place edits of text files are supported. */
export function parseUnifiedDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let hunk: { hunk: DiffHunk; oldLine: number; newLine: number } | undefined;
  let lastKind: DiffLine['kind'] | undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const where = `diff line ${index + 1}`;
    if (line.startsWith('diff --git ')) {
      closeHunk(hunk, where);
      hunk = undefined;
      file = { file: '', hunks: [], oldMissingFinalNewline: false, newMissingFinalNewline: false };
      files.push(file);
    } else if (
      hunk &&
      (line.startsWith(' ') || line.startsWith('-') || line.startsWith('+') || line === '')
    ) {
      // git writes an empty context line as a single space; some tools strip it.
      const kind = (line === '' ? ' ' : line.charAt(0)) as DiffLine['kind'];
      hunk.hunk.lines.push({ kind, text: line.slice(1), oldLine: hunk.oldLine, newLine: hunk.newLine });
      if (kind !== '+') hunk.oldLine++;
      if (kind !== '-') hunk.newLine++;
      lastKind = kind;
      if (isHunkComplete(hunk.hunk)) {
        closeHunk(hunk, where);
        hunk = undefined;
      }
    } else if (line.startsWith('\\')) {
      if (!file || lastKind === undefined) throw new UnifiedDiffError(`${where}: stray "${line}"`);
      if (lastKind !== '+') file.oldMissingFinalNewline = true;
      if (lastKind !== '-') file.newMissingFinalNewline = true;
    } else if (line.startsWith('@@')) {
      if (!file || file.file === '') throw new UnifiedDiffError(`${where}: hunk before a file header`);
      closeHunk(hunk, where);
      hunk = openHunk(line, where);
      file.hunks.push(hunk.hunk);
    } else if (file) {
      readFileHeader(file, line, where);
    } else {
      throw new UnifiedDiffError(`${where}: expected "diff --git", found "${clip(line)}"`);
    }
  });
  closeHunk(hunk, 'end of diff');
  return files;
}

function openHunk(header: string, where: string): { hunk: DiffHunk; oldLine: number; newLine: number } {
  const match = HUNK_HEADER.exec(header);
  if (!match) throw new UnifiedDiffError(`${where}: unreadable hunk header "${clip(header)}"`);
  const hunk: DiffHunk = {
    oldStart: Number(match[1]),
    oldCount: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newCount: match[4] === undefined ? 1 : Number(match[4]),
    lines: [],
  };
  // An empty range names the line *before* it (`@@ -0,0 +1,3 @@` for a new file).
  const oldLine = hunk.oldCount === 0 ? hunk.oldStart + 1 : hunk.oldStart;
  const newLine = hunk.newCount === 0 ? hunk.newStart + 1 : hunk.newStart;
  return { hunk, oldLine, newLine };
}

function isHunkComplete(hunk: DiffHunk): boolean {
  const old = hunk.lines.filter((line) => line.kind !== '+').length;
  const added = hunk.lines.filter((line) => line.kind !== '-').length;
  return old === hunk.oldCount && added === hunk.newCount;
}

function closeHunk(open: { hunk: DiffHunk } | undefined, where: string): void {
  if (open && !isHunkComplete(open.hunk)) {
    const { oldStart, oldCount, newStart, newCount } = open.hunk;
    throw new UnifiedDiffError(
      `${where}: hunk @@ -${oldStart},${oldCount} +${newStart},${newCount} @@ is cut short`,
    );
  }
}

function readFileHeader(file: DiffFile, line: string, where: string): void {
  if (line.startsWith('--- ')) {
    if (line === '--- /dev/null') throw new UnifiedDiffError(`${where}: added files are not supported`);
    file.file = stripDiffPrefix(line.slice(4), 'a/');
  } else if (line.startsWith('+++ ')) {
    if (line === '+++ /dev/null') throw new UnifiedDiffError(`${where}: deleted files are not supported`);
    const target = stripDiffPrefix(line.slice(4), 'b/');
    if (target !== file.file)
      throw new UnifiedDiffError(`${where}: renames are not supported (${file.file})`);
  } else if (/^(rename|copy|new file|deleted file|Binary files|GIT binary patch)/.test(line)) {
    throw new UnifiedDiffError(`${where}: "${clip(line)}" is not supported, only edits of text files`);
  }
  // `index ...`, `old mode`/`new mode`: nothing to read.
}

function stripDiffPrefix(name: string, prefix: string): string {
  const trimmed = name.replace(/\t.*$/, '');
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Applying hunks to text

/** A patched text and how its lines relate to the original's. */
export interface PatchedText {
  text: string;
  /** Per new line (index line - 1): its old line; for an added line, the old line it was inserted before. */
  origin: number[];
  /** Per new line: true when the diff added it. */
  added: boolean[];
  /** Per old line (index line - 1): its new line, or undefined when the diff removed it. */
  oldToNew: (number | undefined)[];
}

/**
 * Applies one file's hunks to its original text. Every context and removed line must equal the
 * text's line at that position, else the diff was made from another text and this throws.
 * `label` names the text in error messages.
 */
export function patchText(oldText: string, diff: DiffFile, label = diff.file): PatchedText {
  const endsWithNewline = oldText.endsWith('\n');
  const oldLines = oldText.split('\n');
  if (endsWithNewline) oldLines.pop();
  // git writes "\ No newline at end of file" whenever the last hunk reaches the end of such a
  // file, so marker and file must agree there.
  const last = diff.hunks[diff.hunks.length - 1];
  if (last && last.oldStart + last.oldCount - 1 >= oldLines.length) {
    if (diff.oldMissingFinalNewline === endsWithNewline) {
      throw new UnifiedDiffError(`${label}: the diff and the text disagree on the final newline`);
    }
  }
  const result: PatchedText = { text: '', origin: [], added: [], oldToNew: [] };
  const newLines: string[] = [];
  const keep = (oldLine: number, text: string): void => {
    newLines.push(text);
    result.origin.push(oldLine);
    result.added.push(false);
    result.oldToNew[oldLine - 1] = newLines.length;
  };
  let cursor = 1;
  for (const hunk of diff.hunks) {
    const header = `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@`;
    const first = hunk.oldCount === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    if (first < cursor) throw new UnifiedDiffError(`${label}, hunk ${header}: overlaps the previous hunk`);
    for (; cursor < first; cursor++) keep(cursor, lineAt(oldLines, cursor, label, header));
    const expectedNew = hunk.newCount === 0 ? hunk.newStart + 1 : hunk.newStart;
    if (newLines.length + 1 !== expectedNew) {
      throw new UnifiedDiffError(`${label}, hunk ${header}: starts at new line ${newLines.length + 1}`);
    }
    for (const line of hunk.lines) {
      if (line.kind === '+') {
        newLines.push(line.text);
        result.origin.push(cursor);
        result.added.push(true);
        continue;
      }
      const actual = lineAt(oldLines, cursor, label, header);
      if (actual !== line.text) {
        throw new UnifiedDiffError(
          `${label}, hunk ${header}: line ${cursor} is "${clip(actual)}", ` +
            `the diff expects "${clip(line.text)}"`,
        );
      }
      if (line.kind === ' ') keep(cursor, actual);
      else result.oldToNew[cursor - 1] = undefined;
      cursor++;
    }
  }
  for (; cursor <= oldLines.length; cursor++) keep(cursor, oldLines[cursor - 1] ?? '');
  const finalNewline = diff.newMissingFinalNewline
    ? false
    : diff.oldMissingFinalNewline
      ? true
      : endsWithNewline;
  result.text = newLines.join('\n') + (finalNewline && newLines.length > 0 ? '\n' : '');
  return result;
}

function lineAt(lines: readonly string[], line: number, label: string, header: string): string {
  const text = lines[line - 1];
  if (text === undefined) {
    throw new UnifiedDiffError(`${label}, hunk ${header}: line ${line} is past the end of the text`);
  }
  return text;
}

/** Maximal runs of `-`/`+` lines inside a hunk: the changes between its context lines. */
export function changeRuns(hunk: DiffHunk): DiffLine[][] {
  const runs: DiffLine[][] = [];
  let current: DiffLine[] = [];
  for (const line of hunk.lines) {
    if (line.kind === ' ') {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
