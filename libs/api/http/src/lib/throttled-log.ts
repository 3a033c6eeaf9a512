import { AsyncResource } from 'node:async_hooks';

/**
 * Writes the first of a burst of like messages at once, then at most one line per window with how many
 * more came in it (and the last of them), so that an outage answered by thousands of requests logs a few
 * lines instead of a stack per request.
 */
export class ThrottledLog {
  private suppressed = 0;
  private lastMessage = '';
  private timer?: ReturnType<typeof setTimeout>;
  /**
   * The async context of the log's creation (start-up): its count lines run there, so that the request
   * logger does not attribute them to the request that happened to open the window.
   */
  private readonly scope = new AsyncResource('ThrottledLog');

  constructor(
    private readonly write: (line: string) => void,
    private readonly windowMs = 5_000,
  ) {}

  report(message: string): void {
    this.lastMessage = message;
    if (this.timer) {
      this.suppressed++;
      return;
    }
    this.write(message);
    this.openWindow();
  }

  private openWindow(): void {
    this.timer = this.scope.runInAsyncScope(() => setTimeout(() => this.closeWindow(), this.windowMs));
    this.timer.unref();
  }

  private closeWindow(): void {
    this.timer = undefined;
    if (this.suppressed === 0) return;
    const count = this.suppressed;
    this.suppressed = 0;
    this.write(`${count} more in the last ${this.windowMs / 1000} s, the last: ${this.lastMessage}`);
    this.openWindow();
  }
}
