// What the page has asked the warm-up worker for (src/client/engine.ts warm(), src/client/robustWorker.ts),
// what the worker is analysing now, and who is waiting for which answer. The worker works through
// its list in order, one view per task, says when it starts one, and a newer list replaces the
// rest of the old one. A view the page needs that the worker is analysing already is awaited:
// that costs less than analysing it again on the page, the bootstrap included, and keeps the
// page's main thread free. Anything else is analysed on the page, as without a worker, so that a
// reader's change never waits behind the worker's queue. Work the page does while it is idle
// (not for a reader's change) may also wait for the view the worker will start next.

export class WarmQueue<R> {
  private asked: string[] = [];
  private working: string | undefined;
  private readonly waiting = new Map<string, ((result: R | undefined) => void)[]>();

  /** The page has sent the worker this list (in order): it replaces the rest of the last one. */
  ask(keys: readonly string[]): void {
    this.asked = [...keys];
    // Whoever waits for a view the worker may now never start analyses it on the page instead.
    for (const key of [...this.waiting.keys()]) {
      if (key !== this.working && key !== this.asked[0]) this.release(key, undefined);
    }
  }

  /** The worker has started on this view. */
  start(key: string): void {
    this.working = key;
    this.asked = this.asked.filter((k) => k !== key);
  }

  /** The worker's answer for a key: its result, or undefined when it could not analyse that view. */
  answer(key: string, result: R | undefined): void {
    if (this.working === key) this.working = undefined;
    this.asked = this.asked.filter((k) => k !== key);
    this.release(key, result);
  }

  /** The worker is gone: nothing more will come, and everyone waiting is told so. */
  fail(): void {
    this.asked = [];
    this.working = undefined;
    for (const key of [...this.waiting.keys()]) this.release(key, undefined);
  }

  /**
   * The worker's answer for this key, to wait for: when the worker is analysing it now, or (for
   * work done while the page is idle, `idle`) when it is the next the worker will start, with
   * nothing else under way. Undefined otherwise: analyse it on the page. Resolves with undefined if
   * the worker could not analyse it, stopped, or was given a list that no longer starts with it.
   */
  next(key: string, idle = false): Promise<R | undefined> | undefined {
    const soon = this.working === key || (idle && this.working === undefined && this.asked[0] === key);
    if (!soon) return undefined;
    return new Promise((resolve) => {
      const waiters = this.waiting.get(key) ?? [];
      waiters.push(resolve);
      this.waiting.set(key, waiters);
    });
  }

  private release(key: string, result: R | undefined): void {
    const waiters = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const resolve of waiters) resolve(result);
  }
}
