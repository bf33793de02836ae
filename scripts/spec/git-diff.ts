/**
 * Writes a file's change as `git diff` does (unified, 3 lines of context, `index` line with abbreviated
 * blob ids, git's default function-name line after `@@`), so that the errata diff of the spec folder can
 * be rebuilt from the tagged files and the bugfix branch's files.
 *
 * This is Myers' diff with each changed group slid down as far as it goes, which is what git prints for
 * the pinned errata (checked byte for byte against the diff's pinned SHA-256 whenever it is rebuilt); it
 * does not implement git's indent heuristic, so it is not a general replacement for git.
 */
import { createHash } from 'node:crypto';

const CONTEXT = 3;
/** git's buffer for the function-name line: at most this many bytes of it are printed. */
const FUNCTION_LINE_BYTES = 80;

/** The `git diff` section of one changed file, as bytes: header, then hunks. Empty when nothing changed. */
export function gitDiffFile(file: string, before: Uint8Array, after: Uint8Array): Buffer {
  const oldBytes = Buffer.from(before);
  const newBytes = Buffer.from(after);
  if (oldBytes.equals(newBytes)) return Buffer.alloc(0);
  // latin1 maps each byte to one character, so lines compare and print byte for byte.
  const oldLines = splitLines(oldBytes.toString('latin1'));
  const newLines = splitLines(newBytes.toString('latin1'));
  const { oldChanged, newChanged } = changedLines(oldLines, newLines);
  slideGroupsDown(oldLines, oldChanged);
  slideGroupsDown(newLines, newChanged);
  const header = [
    `diff --git a/${file} b/${file}`,
    `index ${blobId(oldBytes)}..${blobId(newBytes)} 100644`,
    `--- a/${file}`,
    `+++ b/${file}`,
  ].join('\n');
  const hunks = writeHunks(oldLines, newLines, oldChanged, newChanged);
  return Buffer.from(`${header}\n${hunks}`, 'latin1');
}

/** git's abbreviated object id of a blob: the first 7 hex digits of SHA-1 over `blob <size>\0<bytes>`. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex').slice(0, 7);
}

/** Lines with their line feed kept, so a last line without one stays distinguishable. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' greedy shortest edit script, as one flag per line of each side: true when it is not kept. */
function changedLines(a: readonly string[], b: readonly string[]) {
  const offset = a.length + b.length + 1;
  const trace: Int32Array[] = [];
  const frontier = new Int32Array(2 * offset + 1);
  search: for (let d = 0; d <= a.length + b.length; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(frontier, k - 1, offset) < at(frontier, k + 1, offset));
      let x = down ? at(frontier, k + 1, offset) : at(frontier, k - 1, offset) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[k + offset] = x;
      if (x >= a.length && y >= b.length) break search;
    }
  }
  const oldChanged = new Array<boolean>(a.length).fill(false);
  const newChanged = new Array<boolean>(b.length).fill(false);
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && at(previous, k - 1, offset) < at(previous, k + 1, offset));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previous, previousK, offset);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
    }
    if (down) newChanged[--y] = true;
    else oldChanged[--x] = true;
  }
  return { oldChanged, newChanged };
}

function at(frontier: Int32Array, k: number, offset: number): number {
  return frontier[k + offset] ?? 0;
}

/** Moves each run of changed lines down while the line after it equals its first line (git's choice). */
function slideGroupsDown(lines: readonly string[], changed: boolean[]): void {
  let index = 0;
  while (index < lines.length) {
    if (!changed[index]) {
      index++;
      continue;
    }
    let start = index;
    let end = index;
    while (end < lines.length && changed[end]) end++;
    while (end < lines.length && lines[start] === lines[end]) {
      changed[start] = false;
      changed[end] = true;
      start++;
      end++;
      while (end < lines.length && changed[end]) end++;
    }
    index = end;
  }
}

interface Change {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

function changesOf(oldChanged: readonly boolean[], newChanged: readonly boolean[]): Change[] {
  const changes: Change[] = [];
  let x = 0;
  let y = 0;
  while (x < oldChanged.length || y < newChanged.length) {
    if (oldChanged[x] || newChanged[y]) {
      const change = { oldStart: x, oldCount: 0, newStart: y, newCount: 0 };
      while (oldChanged[x]) x++;
      while (newChanged[y]) y++;
      change.oldCount = x - change.oldStart;
      change.newCount = y - change.newStart;
      changes.push(change);
    } else {
      x++;
      y++;
    }
  }
  return changes;
}

function writeHunks(
  oldLines: readonly string[],
  newLines: readonly string[],
  oldChanged: readonly boolean[],
  newChanged: readonly boolean[],
): string {
  const changes = changesOf(oldChanged, newChanged);
  let out = '';
  let functionLine = '';
  let searchedDownTo = -1;
  for (let first = 0; first < changes.length; ) {
    // Changes at most 2 * CONTEXT unchanged lines apart share a hunk, as in git.
    let last = first;
    while (true) {
      const current = changes[last] as Change;
      const next = changes[last + 1];
      if (!next || next.oldStart - (current.oldStart + current.oldCount) > 2 * CONTEXT) break;
      last++;
    }
    const head = changes[first] as Change;
    const tail = changes[last] as Change;
    const oldStart = Math.max(head.oldStart - CONTEXT, 0);
    const newStart = Math.max(head.newStart - CONTEXT, 0);
    const oldEnd = Math.min(tail.oldStart + tail.oldCount + CONTEXT, oldLines.length);
    const newEnd = Math.min(tail.newStart + tail.newCount + CONTEXT, newLines.length);
    // git looks back from the hunk for the last line starting like an identifier, no further than where
    // it looked for the previous hunk, and keeps the previous one when it finds none.
    for (let line = oldStart - 1; line > searchedDownTo; line--) {
      const found = functionName(oldLines[line] ?? '');
      if (found !== undefined) {
        functionLine = found;
        break;
      }
    }
    searchedDownTo = oldStart - 1;
    const range = (start: number, count: number) =>
      count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
    out += `@@ -${range(oldStart, oldEnd - oldStart)} +${range(newStart, newEnd - newStart)} @@`;
    out += functionLine === '' ? '\n' : ` ${functionLine}\n`;
    let x = oldStart;
    let y = newStart;
    while (x < oldEnd || y < newEnd) {
      if (x < oldEnd && oldChanged[x]) out += line('-', oldLines[x++] ?? '');
      else if (y < newEnd && newChanged[y]) out += line('+', newLines[y++] ?? '');
      else {
        out += line(' ', oldLines[x++] ?? '');
        y++;
      }
    }
    first = last + 1;
  }
  return out;
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? `${prefix}${text}` : `${prefix}${text}\n\\ No newline at end of file\n`;
}

/**
 * git's default function-name rule: a line starting with an ASCII letter, `_` or `$`, cut to 80 bytes
 * (even inside a UTF-8 character, as git does) and without trailing ASCII white space.
 */
function functionName(text: string): string | undefined {
  if (!/^[A-Za-z_$]/.test(text)) return undefined;
  let cut = text.slice(0, FUNCTION_LINE_BYTES);
  while (/[ \t\n\v\f\r]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}
