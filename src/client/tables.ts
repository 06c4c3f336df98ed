// Wide tables on narrow screens. A table too wide for its column scrolls sideways inside its
// .table-wrap; where it does, the wrap becomes a named, focusable scrolling region (so the arrow
// keys scroll it), and a line of text above it says that it scrolls (above: under a table 2,800 px
// tall on a phone, a reviewer found the hint only at its foot). Shadows at the overflowing
// edges come from the stylesheet (global.css, .table-wrap). Sizes are read only in a
// ResizeObserver callback, all reads before any write, so this never forces a layout.
const HINT = 'Scroll sideways to see the whole table.';
let ids = 0;

const observer = new ResizeObserver((entries) => {
  measure(new Set(entries.map((e) => (e.target as HTMLElement).closest<HTMLElement>('.table-wrap')).filter((w): w is HTMLElement => w !== null)));
});

/** Whether each wrap overflows: every size read first, then every write. */
function measure(wraps: Iterable<HTMLElement>): void {
  const overflowing = [...wraps].map((wrap) => [wrap, wrap.scrollWidth > wrap.clientWidth + 1, wrap.clientWidth] as const);
  for (const [wrap, over, width] of overflowing) {
    mark(wrap, over);
    // The caption of a table that scrolls wraps at the region's width (it sticks to its left edge, global.css).
    const caption = wrap.querySelector('caption');
    const cap = over ? `${width}px` : '';
    if (caption && caption.style.maxWidth !== cap) caption.style.maxWidth = cap;
  }
}

function mark(wrap: HTMLElement, over: boolean): void {
  if (over === wrap.hasAttribute('data-overflowing')) return;
  let hint = wrap.previousElementSibling?.classList.contains('scroll-hint') ? (wrap.previousElementSibling as HTMLElement) : null;
  if (over) {
    const caption = wrap.querySelector('caption');
    if (caption && !caption.id) caption.id = `table-caption-${++ids}`;
    wrap.dataset.overflowing = '';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    if (caption) wrap.setAttribute('aria-labelledby', caption.id);
    else wrap.setAttribute('aria-label', 'Table');
    if (!hint) {
      hint = document.createElement('p');
      hint.className = 'scroll-hint';
      hint.setAttribute('aria-hidden', 'true'); // the region itself is announced as scrollable by its role
      hint.textContent = HINT;
      wrap.before(hint);
    }
    hint.hidden = false;
  } else {
    delete wrap.dataset.overflowing;
    wrap.removeAttribute('tabindex');
    wrap.removeAttribute('role');
    wrap.removeAttribute('aria-labelledby');
    wrap.removeAttribute('aria-label');
    if (hint) hint.hidden = true;
  }
}

for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
  observer.observe(wrap);
  const table = wrap.querySelector('table');
  if (table) observer.observe(table); // new rows or columns for a new view change its width, not the wrap's
}

// A table behind "Show as table" is laid out, at its full width, while its <details> is still
// closed, but Chromium does not report it to the observer then, nor when the <details> opens
// without a change in the wrap's own width: the table on "How robust is it?" stayed unmarked, a
// scrolling region no keyboard could reach. So a <details> that opens measures its wraps itself
// ('toggle' does not bubble, hence the capture).
document.addEventListener('toggle', (e) => {
  const details = e.target;
  if (details instanceof HTMLDetailsElement && details.open) measure(details.querySelectorAll<HTMLElement>('.table-wrap'));
}, true);
