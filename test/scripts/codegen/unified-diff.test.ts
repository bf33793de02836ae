/** The unified-diff engine on its own: reading `git diff` output and applying it to a text. */
import { describe, expect, it } from 'vitest';
import {
  changeRuns,
  type DiffFile,
  parseUnifiedDiff,
  patchText,
  UnifiedDiffError,
} from '../../../scripts/codegen/unified-diff';

const HEADER = ['diff --git a/x.md b/x.md', 'index 1111111..2222222 100644', '--- a/x.md', '+++ b/x.md'];

const ORIGINAL = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', ''].join('\n');

/** Two hunks: `two` replaced, `four` removed, `six-and-a-half` inserted. */
const TWO_HUNKS = [
  ...HEADER,
  '@@ -1,4 +1,3 @@ made-up section',
  ' one',
  '-two',
  '+TWO',
  ' three',
  '-four',
  '@@ -6,2 +5,3 @@',
  ' six',
  '+six-and-a-half',
  ' seven',
  '',
].join('\n');

function onlyFile(diff: string): DiffFile {
  const files = parseUnifiedDiff(diff);
  expect(files).toHaveLength(1);
  const [file] = files;
  if (!file) throw new Error('no file parsed');
  return file;
}

describe('parseUnifiedDiff', () => {
  it('numbers old and new lines, an added line at the old line it goes before', () => {
    const file = onlyFile(TWO_HUNKS);
    expect(file.file).toBe('x.md');
    const [first, second] = file.hunks;
    expect(first?.lines.map((l) => `${l.kind}${l.oldLine}/${l.newLine}`)).toEqual([
      ' 1/1',
      '-2/2',
      '+3/2',
      ' 3/3',
      '-4/4',
    ]);
    expect(
      second && { ...second, lines: second.lines.map((l) => `${l.kind}${l.oldLine}/${l.newLine}`) },
    ).toEqual({
      oldStart: 6,
      oldCount: 2,
      newStart: 5,
      newCount: 3,
      lines: [' 6/5', '+7/6', ' 7/7'],
    });
  });

  it('rejects a hunk shorter than its header says', () => {
    const cut = [...HEADER, '@@ -1,2 +1,2 @@', ' a', ''].join('\n');
    expect(() => parseUnifiedDiff(cut)).toThrow(UnifiedDiffError);
    expect(() => parseUnifiedDiff(cut)).toThrow(/hunk @@ -1,2 \+1,2 @@ is cut short/);
  });

  it('rejects anything but an in-place edit of a text file', () => {
    const renamed = ['diff --git a/x.md b/y.md', 'rename from x.md', 'rename to y.md', ''].join('\n');
    expect(() => parseUnifiedDiff(renamed)).toThrow(/diff line 2: "rename from x.md" is not supported/);
    const added = ['diff --git a/x.md b/x.md', '--- /dev/null', '+++ b/x.md', ''].join('\n');
    expect(() => parseUnifiedDiff(added)).toThrow(/diff line 2: added files are not supported/);
    expect(() => parseUnifiedDiff('not a diff\n')).toThrow(/diff line 1: expected "diff --git"/);
  });

  it('splits a hunk into its runs of changed lines', () => {
    const [first] = onlyFile(TWO_HUNKS).hunks;
    if (!first) throw new Error('no hunk parsed');
    expect(changeRuns(first).map((run) => run.map((l) => `${l.kind}${l.text}`))).toEqual([
      ['-two', '+TWO'],
      ['-four'],
    ]);
  });
});

describe('patchText', () => {
  it('applies every hunk and maps the lines both ways', () => {
    const patched = patchText(ORIGINAL, onlyFile(TWO_HUNKS));
    expect(patched.text).toBe(
      ['one', 'TWO', 'three', 'five', 'six', 'six-and-a-half', 'seven', ''].join('\n'),
    );
    expect(patched.origin).toEqual([1, 3, 3, 5, 6, 7, 7]);
    expect(patched.added).toEqual([false, true, false, false, false, true, false]);
    expect(patched.oldToNew).toEqual([1, undefined, 3, undefined, 4, 5, 7]);
  });

  it('throws when a line of the diff differs from the text, naming both', () => {
    const wrong = [...HEADER, '@@ -2,1 +2,1 @@', '-tow', '+TWO', ''].join('\n');
    expect(() => patchText(ORIGINAL, onlyFile(wrong), 'made-up.md')).toThrow(
      'made-up.md, hunk @@ -2,1 +2,1 @@: line 2 is "two", the diff expects "tow"',
    );
    const past = [...HEADER, '@@ -9,1 +9,1 @@', '-nine', '+NINE', ''].join('\n');
    expect(() => patchText(ORIGINAL, onlyFile(past))).toThrow(
      'x.md, hunk @@ -9,1 +9,1 @@: line 8 is past the end of the text',
    );
  });

  it('handles a file without a final newline', () => {
    const diff = [
      ...HEADER,
      '@@ -1,2 +1,2 @@',
      ' a',
      '-b',
      '\\ No newline at end of file',
      '+c',
      '\\ No newline at end of file',
    ].join('\n');
    const file = onlyFile(diff);
    expect(patchText('a\nb', file).text).toBe('a\nc');
    expect(() => patchText('a\nb\n', file)).toThrow(/final newline/);
  });
});
