/**
 * Runs a piece of work with what was asked for, once the asking pauses, and never twice at once:
 * what is asked for while it runs waits, all of it, for one run after it. `npm start` rebuilds
 * this way: `npm run add` writes several files in a few milliseconds (one rebuild, not three),
 * and two edits during a rebuild give one more rebuild after it, not two.
 */
export class CoalescingRunner<T> {
  #pending: T[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #idle: Array<() => void> = [];
  #closed = false;

  /**
   * `work` is given everything asked for since its last run; `quietMs` is how long the asking
   * must pause before it runs. A rejection of `work` goes to `onError`, and the runner goes on.
   */
  constructor(
    private readonly work: (items: T[]) => Promise<void>,
    private readonly quietMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Asks for a run with `item`. */
  push(item: T): void {
    if (this.#closed) return;
    this.#pending.push(item);
    this.#schedule();
  }

  /** Runs `task` now as a run of its own (the first build): what is asked for meanwhile waits for it. */
  async exclusive(task: () => Promise<void>): Promise<void> {
    if (this.#running) throw new Error('CoalescingRunner.exclusive: a run is under way');
    this.#running = true;
    try {
      await task();
    } finally {
      this.#finished();
    }
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.#running && this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Drops what waits; a run under way ends as it will. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#pending = [];
  }

  #schedule(): void {
    if (this.#running) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), this.quietMs);
  }

  async #run(): Promise<void> {
    const items = this.#pending;
    this.#pending = [];
    this.#running = true;
    try {
      await this.work(items);
    } catch (error) {
      this.onError(error);
    } finally {
      this.#finished();
    }
  }

  #finished(): void {
    this.#running = false;
    if (this.#pending.length && !this.#closed) this.#schedule();
    else for (const resolve of this.#idle.splice(0)) resolve();
  }
}
