// What a part of the page says when its code could not load to redraw it for the view on screen:
// a visible mark on each chart that is out of date (src/client/main.ts for the report's figures,
// robustnessEntry.ts for the checks of "How robust is it?"), and the likely reason, for the alert.

/** Put `text` as an out-of-date mark at the top of each host (a <figure>), or (null) take the marks away. */
export function markOutOfDate(hosts: Iterable<HTMLElement>, text: string | null): void {
  for (const host of hosts) {
    let mark = host.querySelector<HTMLElement>(':scope > [data-out-of-date]');
    if (text === null) {
      mark?.remove();
      delete host.dataset.outOfDate;
      continue;
    }
    if (!mark) {
      mark = document.createElement('p');
      mark.className = 'out-of-date';
      mark.dataset.outOfDate = '';
      host.prepend(mark);
    }
    mark.textContent = text;
    host.dataset.outOfDate = '';
  }
}

/** Strike through each number (its data-out-of-date attribute, styled in ViewBar.astro), or (false) take the marks away. */
export function markNumbersOutOfDate(numbers: Iterable<HTMLElement>, stale: boolean): void {
  for (const number of numbers) {
    if (stale) number.dataset.outOfDate = '';
    else delete number.dataset.outOfDate;
  }
}

/** Why code may not have loaded, for an alert: " (you appear to be offline)" or the other likely causes. */
export const whyNotLoaded = (): string =>
  navigator.onLine ? ' (a browser setting, an extension or a network policy may have blocked it, or the connection dropped)' : ' (you appear to be offline)';

/** What a part of the page says when its own code could not load: what failed, why it may have, and what to do. */
export const couldNotLoad = (what: string): string =>
  `${what} could not be loaded${whyNotLoaded()}. ${navigator.onLine ? 'Reload the page to try again.' : 'Reload the page once you are back online.'}`;

/**
 * Shows `text` in a panel's error paragraph. A reader who was on `from` (the button they pressed) is
 * taken to it, and it is then not also an alert: a focused alert is read twice, once as the alert
 * and once on focus (an accessibility review). Anyone elsewhere hears it as an alert where they are.
 */
export function showError(error: HTMLElement, text: string, from: Element | null): void {
  const take = from !== null && document.activeElement === from;
  if (take) error.removeAttribute('role');
  else error.setAttribute('role', 'alert');
  error.textContent = text;
  error.hidden = false;
  if (take) {
    error.tabIndex = -1;
    error.focus();
  }
}

