/** A progress line on a terminal's stderr; silent when stderr is a pipe or file. */
export interface ProgressBar {
  tick(done: number, label: string): void;
  done(summary: string): void;
}

/** Creates a progress bar for `total` items (0 when unknown). */
export function createProgress(total: number, opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  const live = !opts.quiet && stream.isTTY === true;
  const started = Date.now();
  let last = 0;
  return {
    tick(done, label) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 80 && done !== total) return;
      last = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const width = 24;
      const bar = total > 0 ? "█".repeat(Math.round((done / total) * width)).padEnd(width, "░") : "";
      const count = total > 0 ? `${done}/${total}` : `${done}`;
      const line = `${bar} ${count} ${rate.toFixed(0)}/s ${label}`.slice(0, (stream.columns ?? 100) - 1);
      stream.write(`\r\x1b[2K${line}`);
    },
    done(summary) {
      if (live) stream.write("\r\x1b[2K");
      if (!opts.quiet && summary) stream.write(summary + "\n");
    },
  };
}
