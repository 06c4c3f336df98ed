// What the page has asked the warm-up worker for (src/client/engine.ts warm(), src/client/robustWorker.ts),
// and who is waiting for which answer. The worker works through its list in order, one view per
// task, and a newer list replaces the rest of the old one. A view the page needs that is first on
// the list is being analysed there already (or is next): waiting for that answer costs less than
// analysing the view again on the page, the bootstrap included, and keeps the page's main thread
// free while it loads. A view further down the list is analysed on the page instead, as it would
// be without a worker: waiting would mean waiting behind the others.

export class WarmQueue<R> {
  private asked: string[] = [];
  private readonly waiting = new Map<string, ((result: R | undefined) => void)[]>();

  /** The page has sent the worker this list (in order): it replaces the rest of the last one. */
  ask(keys: readonly string[]): void {
    this.asked = [...keys];
  }

  /** The worker's answer for a key: its result, or undefined when it could not analyse that view. */
  answer(key: string, result: R | undefined): void {
    this.asked = this.asked.filter((k) => k !== key);
    const waiters = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const resolve of waiters) resolve(result);
  }

  /** The worker is gone: nothing more will come, and everyone waiting is told so. */
  fail(): void {
    this.asked = [];
    for (const key of [...this.waiting.keys()]) this.answer(key, undefined);
  }

  /**
   * The worker's answer for this key when it is the one the worker is on (first on its list), to
   * wait for; undefined when it is not (then analyse it here). Resolves with undefined if the
   * worker could not analyse it or stopped.
   */
  next(key: string): Promise<R | undefined> | undefined {
    if (this.asked[0] !== key) return undefined;
    return new Promise((resolve) => {
      const waiters = this.waiting.get(key) ?? [];
      waiters.push(resolve);
      this.waiting.set(key, waiters);
    });
  }
}
