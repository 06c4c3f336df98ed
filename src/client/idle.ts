// Work the page wants done but the reader is not waiting for: preloading code, starting a worker,
// keeping a cache. It runs when the browser is idle (requestIdleCallback), or after `timeout` ms at
// the latest; a browser without idle callbacks runs it after `fallback` ms.

/** Run `run` when the browser is idle. */
export function idle(run: () => void, timeout = 3000, fallback = 500): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => run(), { timeout });
  else setTimeout(run, fallback);
}

/**
 * Run `run` when the browser is idle after the page's load event, so that nothing heavy competes
 * with the page's own loading: an idle moment before the event (the page waiting on the network)
 * would otherwise let it start early.
 */
export function idleAfterLoad(run: () => void, timeout?: number, fallback?: number): void {
  const later = () => idle(run, timeout, fallback);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
