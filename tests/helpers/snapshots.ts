// Snapshot serialisation for figures, in the style of Observable Plot's own tests: generated ids
// and class names renumbered, geometry rounded to 2 decimals. A snapshot is written only when it
// is missing AND UPDATE_SNAPSHOTS=1; otherwise a missing or changed snapshot fails. To accept a
// deliberate change: delete the file, rerun with UPDATE_SNAPSHOTS=1, look at it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Figure } from '../../src/charts/index.ts';

const snapshots = new URL('../snapshots/', import.meta.url);

const round = (text: string) => text.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));

/** Renumber Plot's generated ids (clip, marker, pattern) and class names, round geometry. */
export function serialise(root: Element): string {
  for (const svg of root.tagName.toLowerCase() === 'svg' ? [root] : [...root.querySelectorAll('svg')]) {
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  }
  const ids = new Map<string, string>();
  for (const node of root.querySelectorAll('[id]')) {
    const id = node.getAttribute('id')!;
    const kind = /^plot-(\w+)-\d+$/.exec(id)?.[1];
    if (kind) {
      ids.set(id, `plot-${kind}-${ids.size + 1}`);
      node.setAttribute('id', ids.get(id)!);
    }
  }
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of [...node.attributes]) {
      if (name.startsWith('aria-')) continue; // descriptions carry formatted numbers: keep them exact
      let v = value.replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m));
      v = v.replace(/\bplot-[0-9a-f]{6}\b/g, 'plot');
      node.setAttribute(name, name === 'class' ? v : round(v));
    }
  }
  for (const style of root.querySelectorAll('style')) style.textContent = style.textContent!.replace(/\bplot-[0-9a-f]{6}\b/g, 'plot');
  // one element per line, but never inside <text> (white-space: pre would show the line breaks)
  return root.outerHTML.replace(/><(?!\/?tspan)/g, '>\n<') + '\n';
}

export function assertSnapshot(name: string, figure: Figure): void {
  const root = figure as unknown as Element;
  const ext = root.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const file = new URL(`${name}.${ext}`, snapshots);
  const actual = serialise(root);
  if (!existsSync(file)) {
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      mkdirSync(snapshots, { recursive: true });
      writeFileSync(file, actual, 'utf8');
      return;
    }
    assert.fail(`missing snapshot ${file.pathname}: run with UPDATE_SNAPSHOTS=1 to create it, then look at it`);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name}.${ext} differs from its snapshot (delete it and rerun with UPDATE_SNAPSHOTS=1 to accept)`);
}

/** The plot's own <svg>: the figure itself, or the <figure>'s direct <svg> child (legend swatches are svgs too). */
export const svgOf = (figure: Figure): Element => {
  const root = figure as unknown as Element;
  return root.tagName.toLowerCase() === 'svg' ? root : [...root.children].find((e) => e.tagName.toLowerCase() === 'svg')!;
};
