/**
 * One line for the first of a kind of event, then at most one line per interval that counts the rest: thousands of
 * idle or vanished viewers must not flood the developer's terminal (issue 15).
 */
export class SummaryLog {
  private suppressed = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: () => (line: string) => void,
    private readonly describe: (count: number) => string,
    private readonly intervalMs = 10_000,
  ) {}

  record(first: string): void {
    if (this.timer !== undefined) {
      this.suppressed++;
      return;
    }
    this.log()(first);
    this.timer = setTimeout(() => this.flush(), this.intervalMs).unref();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.suppressed === 0) return;
    const count = this.suppressed;
    this.suppressed = 0;
    this.record(this.describe(count));
  }
}
