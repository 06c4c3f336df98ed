// The sidebar (page list and view controls) stays in view as the page scrolls, so on a short
// window it scrolls inside itself, and on a laptop 900px tall the last controls (harm weights, the
// paired test, "Reset to the study's view") start below its edge. Overlay scrollbars give no hint
// of that, so a cue, "More settings below", sits at the sidebar's foot, below its scrolling part
// (never over a control), while anything is hidden there, and scrolls it on when clicked. It is a
// visual cue only (aria-hidden): the controls are in the page's reading and tab order, and focus
// scrolls them into view.
// The cue's room depends only on whether the sidebar overflows (its size and content), never on
// its scroll: scrolled to the foot, the cue turns invisible (data-at-end) but keeps its room. Were
// it removed there, the scrolling part would grow by its height and the last controls jump down
// just as the pointer reaches them (a click on "Reset" then landed on the form beside it).

/** Whether more than a couple of pixels of the sidebar's content lie below its visible foot. */
function hiddenBelow(scrollTop: number, clientHeight: number, scrollHeight: number): boolean {
  return scrollHeight - scrollTop - clientHeight > 2;
}

/** Keep the cue's `hidden` (no room: nothing overflows) and `data-at-end` (room, invisible) in step with the scrolling part. */
export function watchSideMore(side: HTMLElement, cue: HTMLElement): void {
  let queued = false;
  const update = () => {
    queued = false;
    // Whether the content would overflow without the cue: with it shown, the scrolling part is its height shorter.
    const room = cue.hidden ? 0 : cue.offsetHeight;
    const overflows = hiddenBelow(0, side.clientHeight + room, side.scrollHeight);
    if (cue.hidden === overflows) cue.hidden = !overflows;
    const atEnd = !hiddenBelow(side.scrollTop, side.clientHeight, side.scrollHeight);
    if (('atEnd' in cue.dataset) !== atEnd) cue.toggleAttribute('data-at-end', atEnd);
  };
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  side.addEventListener('scroll', soon, { passive: true });
  const sizes = new ResizeObserver(soon);
  sizes.observe(side);
  for (const child of side.children) sizes.observe(child);
  cue.addEventListener('click', () => {
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    side.scrollBy({ top: side.clientHeight * 0.75, behavior: smooth ? 'smooth' : 'auto' });
  });
  soon();
}
