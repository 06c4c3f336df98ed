// Work the reader does not see, done in the task after the frame that shows a new view: the address
// (history.pushState or replaceState), the result downloads and the view carried by links to other
// pages. Writing the address costs Chromium a few milliseconds and makes it restyle the page at once,
// in the middle of a change; rewriting 30 links restyles each of them; building the downloads
// writes the results as CSV and JSON. Done after the frame is painted, none of these delays what the
// reader sees (measured by `npm run bench:browser`). The tasks keep their order, so every settled
// change is still one Back step.
//
// Every press, key and click runs the tasks still waiting before its own handlers do, so what it
// makes follows the view on screen: a link to a place on the page adds its history entry after the
// view's, a link to another page carries the view, and a download link holds the view's file. The
// page's other history writes and its print header flush first too. A move Back or Forward drops
// the address writes not yet made: the page then shows the entry the reader went to. Every history
// write of the page goes through here. (Code that needs the view on screen reads html[data-view],
// which is set with the view's numbers, not the address: src/client/checkInR.ts.)

interface Task {
  run: () => void;
  /** An address write (dropped by a move through history). */
  address?: true;
}
let pending: Task[] = [];
let scheduled = false;

/** Run `run` once the frame now being drawn is painted (or at the reader's next press, key or click, if sooner). */
export function afterFrame(run: () => void): void {
  queue({ run });
}

/** Set the address to `url` (a new Back step, or replacing the current entry) once the frame now being drawn is painted. */
export function writeAddress(url: string, replace = false): void {
  queue({ run: () => (replace ? history.replaceState(null, '', url) : history.pushState(null, '', url)), address: true });
}

/** Replace the address now, after every write still waiting (a write that must not wait for a frame: a canonical address, a view undone). */
export function replaceAddressNow(url: string): void {
  flushAfterFrame();
  history.replaceState(history.state, '', url);
}

function queue(task: Task): void {
  pending.push(task);
  if (scheduled) return;
  // A hidden page draws no frames: its tasks run now.
  if (document.hidden) {
    flushAfterFrame();
    return;
  }
  scheduled = true;
  // A task queued from an animation-frame callback runs once that frame has been rendered.
  requestAnimationFrame(() => setTimeout(flushAfterFrame, 0));
}

/** Run every task still waiting, in order. */
export function flushAfterFrame(): void {
  scheduled = false;
  const tasks = pending;
  pending = [];
  for (const task of tasks) task.run();
}

// A press or a key (Alt+← included, which the page sees before the browser goes Back) comes first too.
for (const type of ['pointerdown', 'keydown', 'click'] as const) document.addEventListener(type, flushAfterFrame, { capture: true });

/** Forget the address writes not yet made (the reader moved through history before they were). */
export function dropAddressWrites(): void {
  pending = pending.filter((task) => !task.address);
}
