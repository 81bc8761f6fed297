// A one-line progress bar on stderr, shown only on a TTY for runs long enough to need it.
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true && total >= 50;
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 80 && this.done < this.total) return;
    this.lastDraw = now;
    this.drawn = true;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${this.done}/${this.total} files`);
  }

  /** Clears the bar before other output; the next tick draws it again. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }

  finish(): void {
    this.clear();
  }
}
