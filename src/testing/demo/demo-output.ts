/** Where the demo writes: a terminal (progress redrawn in place, colours unless NO_COLOR) or plain lines. */
export interface DemoOutput {
  /** A line of the story. */
  line(text: string): void;
  /** Progress of a long step: redrawn in place on a terminal, not written elsewhere. */
  progress(text: string): void;
  /** Text emphasised (bold) where colours are on. */
  strong(text: string): string;
  /** Text for a success, a failure, a detail. */
  ok(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
}

/**
 * The demo's output on a stream: on a TTY progress is redrawn on one line and colours are used unless
 * `NO_COLOR` is set (https://no-color.org); elsewhere only whole lines are written, no escape codes.
 */
export function streamOutput(
  stream: { write(text: string): unknown; isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): DemoOutput {
  const tty = stream.isTTY === true;
  const colours = tty && (env.NO_COLOR === undefined || env.NO_COLOR === '');
  const paint = (code: string) => (text: string) => (colours ? `\u001b[${code}m${text}\u001b[0m` : text);
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    line: (text) => {
      clear();
      stream.write(`${text}\n`);
    },
    progress: (text) => {
      if (!tty) return;
      clear();
      stream.write(text);
      drawn = true;
    },
    strong: paint('1'),
    ok: paint('32'),
    bad: paint('31'),
    dim: paint('2'),
  };
}

/** A progress bar of `width` cells for `done` of `total`. */
export function bar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** A plain table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)];
}
