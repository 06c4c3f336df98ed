// The page's DOM helpers (src/client/dom.ts) on linkedom: morph() must leave a chart on the page
// reading exactly as the new drawing (its serialisation), whatever the two views, while keeping
// the nodes that have a counterpart; fillSegments() must keep a sentence's number handles when the
// sentence has the same shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { analyse } from '../src/analysis/analyse.ts';
import { FIGURES, drawFigure, type FigureName } from '../src/lib/figures.ts';
import { bundled } from './helpers/bundled.ts';

const window = parseHTML('<!doctype html><html><head></head><body></body></html>');
const { document } = window;
// dom.ts runs in the page: give it the page's globals from linkedom.
Object.assign(globalThis, { document, Node: window.Node, Element: window.Element, HTMLButtonElement: window.HTMLButtonElement, addEventListener: () => {}, matchMedia: () => ({ matches: true }) });
const { morph, fillSegments } = await import('../src/client/dom.ts');
const { redrawUnits } = await import('../src/client/units.ts');

const study = analyse(bundled);
const views = {
  study,
  narrow: analyse(bundled, { window: 12, categories: ['violence', 'drugs'] }),
  noViolence: analyse(bundled, { categories: ['modern_slavery', 'drugs', 'other'] }),
  none: analyse(bundled, { categories: [] }),
  oneMonth: analyse(bundled, { window: 1, categories: ['violence'] }),
};
/** A tree as text with each element's attributes sorted: the order attributes were set in is not part of what the page shows. */
function canonical(n: Node): string {
  if (!(n instanceof window.Element)) return n.nodeType === 3 ? `"${n.nodeValue}"` : `#${n.nodeType}`;
  const e = n as Element;
  const attrs = [...e.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
  return `<${e.nodeName} ${attrs}>${[...e.childNodes].map(canonical).join('')}</${e.nodeName}>`;
}
const draw = (name: FigureName, r: typeof study) => drawFigure(name, r, bundled, { document: document as unknown as Document, width: 640, allCategories: bundled.categories, study });

for (const name of Object.keys(FIGURES) as FigureName[]) {
  test(`morph: ${name} redrawn in place reads exactly as a new drawing, from every view to every other`, () => {
    for (const [a, from] of Object.entries(views)) {
      for (const [b, to] of Object.entries(views)) {
        const host = document.createElement('div');
        host.append(draw(name, from));
        const next = draw(name, to);
        const expected = canonical(next);
        if (host.firstElementChild!.nodeName !== next.nodeName) continue; // the page replaces a drawing of another kind
        morph(host.firstElementChild!, next);
        assert.equal(host.childNodes.length, 1);
        assert.equal(canonical(host.firstChild!), expected, `${name}: ${a} → ${b}`);
      }
    }
  });
}

test('the units figure redrawn on the page (its frame morphed, its squares rewritten in place) reads exactly as a new drawing, from every view and width to every other', () => {
  const at = (width: number) => ({ document: document as unknown as Document, width, allCategories: bundled.categories, study });
  const squares = (host: Element) => [...host.querySelectorAll('g[data-mark="rect"] path')];
  let reusedAny = 0;
  for (const [a, from] of Object.entries(views)) {
    for (const [b, to] of Object.entries(views)) {
      for (const [w1, w2] of [[640, 640], [640, 390], [320, 1000]]) {
        const plot = document.createElement('div');
        plot.append(drawFigure('eventUnits', from, bundled, at(w1)));
        // what the page adds to a drawing: a picked-out person (a highlight group over the
        // squares, a class on the svg), a stray mark on a square, a focus ring
        const before = squares(plot);
        const svg = plot.querySelector('svg[role="img"]')!;
        before[0]?.setAttribute('class', 'selected');
        if (before.length) {
          const highlight = document.createElementNS('http://www.w3.org/2000/svg', 'g');
          highlight.setAttribute('class', 'unit-selection');
          highlight.innerHTML = '<path class="selected" d="M0,0h1v1h-1z"></path>';
          before[0].parentElement!.after(highlight);
          svg.classList.add('has-selection');
        }
        const ring = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        ring.setAttribute('class', 'focus-ring');
        svg.append(ring);
        redrawUnits(plot as unknown as HTMLElement, to, bundled, at(w2));
        const expected = drawFigure('eventUnits', to, bundled, at(w2));
        assert.equal(plot.childNodes.length, 1);
        assert.equal(canonical(plot.firstChild!), canonical(expected), `${a} at ${w1}px → ${b} at ${w2}px`);
        // the squares' paths on the page are the same elements where both views have them
        const after = squares(plot);
        if (plot.firstElementChild!.nodeName === 'FIGURE' && from.categories.length > 0) {
          const kept = Math.min(before.length, after.length);
          assert.ok(after.slice(0, kept).every((r, k) => r === before[k]), `${a} → ${b}: squares reused`);
          reusedAny += kept;
        }
      }
    }
  }
  assert.ok(reusedAny > 0, 'some redraws reused paths');
  // from the build's page, which holds a wide and a narrow drawing
  const plot = document.createElement('div');
  plot.innerHTML = `<div class="variant wide" data-width="640"></div><div class="variant narrow" data-width="320"></div>`;
  plot.children[0].append(drawFigure('eventUnits', views.study, bundled, at(640)));
  plot.children[1].append(drawFigure('eventUnits', views.study, bundled, at(320)));
  redrawUnits(plot as unknown as HTMLElement, views.narrow, bundled, at(640));
  const expected = document.createElement('div');
  expected.append(drawFigure('eventUnits', views.narrow, bundled, at(640)));
  assert.equal(canonical(plot), canonical(expected), 'from the build\'s two drawings');
});

test('the units figure on the page loses its squares for a view with none, and gets them back', () => {
  // A category with no arrests at all: the figure keeps its legend and titles, with no squares group.
  const noDrugs = { ...bundled, events: bundled.events.filter((e) => e.category !== 'drugs') };
  const empty = analyse(noDrugs, { categories: ['drugs'] });
  assert.equal(empty.events.pre + empty.events.post, 0);
  const at = { document: document as unknown as Document, width: 640, allCategories: bundled.categories, study };
  const plot = document.createElement('div');
  plot.append(drawFigure('eventUnits', views.study, bundled, at));
  for (const [result, dataset] of [[empty, noDrugs], [views.narrow, bundled], [empty, noDrugs]] as const) {
    redrawUnits(plot as unknown as HTMLElement, result, dataset, at);
    assert.equal(canonical(plot.firstChild!), canonical(drawFigure('eventUnits', result, dataset, at)));
    assert.equal(plot.querySelectorAll('g[data-mark="rect"]').length, result === empty ? 0 : 1);
  }
});

test('morph leaves what keep holds where it is, unpaired, and pairs, removes and inserts around it', () => {
  const host = document.createElement('div');
  host.innerHTML = '<svg><g data-keep="1"><rect></rect></g><g data-mark="a"></g><g data-keep="2"></g><g data-mark="b" class="x"></g><text>old</text></svg>';
  const page = host.firstElementChild!;
  const [k1, , k2, b] = [...page.children];
  const next = document.createElement('div');
  next.innerHTML = '<svg><g data-mark="x"></g><g data-mark="b" class="x" fill="red"></g><g data-mark="y"></g><text>new</text></svg>';
  morph(page, next.firstElementChild!, (e) => e.hasAttribute('data-keep'));
  const names = [...page.children].map((e) => e.getAttribute('data-keep') ? `keep${e.getAttribute('data-keep')}` : e.getAttribute('data-mark') ?? e.textContent);
  assert.deepEqual(names, ['keep1', 'x', 'keep2', 'b', 'y', 'new']);
  assert.ok(page.children[0] === k1 && page.children[2] === k2 && k1.children.length === 1, 'the kept nodes are the same, untouched');
  assert.ok(page.children[3] === b && b.getAttribute('fill') === 'red', 'b is paired across a kept node and rewritten');
});

test('morph keeps every node of a mark that stays, when a mark before it appears or goes, and a square the page marked', () => {
  const svg = (trace: boolean, h: number) => {
    const host = document.createElement('div');
    host.innerHTML = `<svg class="c"><g data-mark="y-axis tick"><path d="M0,0"></path></g>${trace ? '<g class="study-trace" data-mark="bar"><rect height="9"></rect></g>' : ''}<g data-mark="bar"><rect height="${h}"></rect><rect height="2"></rect></g><text>t</text></svg>`;
    return host.firstElementChild!;
  };
  const page = svg(false, 5);
  const bars = [...page.querySelectorAll('g[data-mark="bar"] rect')];
  bars[0].setAttribute('class', 'selected'); // a class the page added to one mark's element
  const next = svg(true, 7);
  const expected = canonical(next);
  morph(page, next);
  assert.equal(canonical(page), expected);
  const kept = [...page.querySelectorAll('g[data-mark="bar"]:not(.study-trace) rect')];
  assert.deepEqual(kept, bars, 'the bars are the same elements, with the new height');
  assert.equal(kept[0].getAttribute('height'), '7');
  const back = svg(false, 3);
  const expectedBack = canonical(back);
  morph(page, back);
  assert.equal(canonical(page), expectedBack);
  assert.deepEqual([...page.querySelectorAll('g[data-mark="bar"] rect')], bars, 'and again when the trace goes');
});

test('fillSegments keeps the number handles of a sentence of the same shape, and rebuilds one of another shape', () => {
  const p = document.createElement('p');
  fillSegments(p, ['Arrests fell from ', { text: '210', path: 'events.pre' }, ' to ', { text: '93', path: 'events.post' }, '.']);
  const handles = [...p.querySelectorAll('button.num')];
  fillSegments(p, ['Arrests fell from ', { text: '150', path: 'events.pre' }, ' to ', { text: '60', path: 'events.post' }, '.']);
  assert.equal(p.textContent, 'Arrests fell from 150 to 60.');
  assert.deepEqual([...p.querySelectorAll('button.num')], handles);
  fillSegments(p, ['No arrests in this view.']);
  assert.equal(p.textContent, 'No arrests in this view.');
  assert.equal(p.querySelectorAll('button.num').length, 0);
  fillSegments(p, ['Arrests rose from ', { text: '1', path: 'events.pre' }, '.']);
  assert.equal(p.querySelector('button.num')?.getAttribute('data-path'), 'events.pre');
});

test('fillSegments keeps a number and the punctuation after it in one span that does not break, as the build does, and keeps it on a change', () => {
  const p = document.createElement('p');
  // as Say.astro renders it (src/lib/glue.ts)
  p.innerHTML = 'ρ = <button type="button" class="num" data-path="correlation.spearman.rho">0.83</button> <span class="nobr">(p <button type="button" class="num" data-path="correlation.spearman.p">&lt; 0.001</button>).</span>';
  const handles = [...p.querySelectorAll('button.num')];
  const span = p.querySelector('span.nobr');
  fillSegments(p, ['ρ = ', { text: '0.79', path: 'correlation.spearman.rho' }, ' (p ', { text: '0.002', path: 'correlation.spearman.p' }, ').']);
  assert.equal(p.textContent, 'ρ = 0.79 (p 0.002).');
  // (DOM nodes compared by identity, as booleans: a failed comparison of two nodes would print the whole tree)
  assert.ok([...p.querySelectorAll('button.num')].every((b, k) => b === handles[k]), 'the handles kept');
  assert.ok(p.querySelector('span.nobr') === span, 'and the span');
  // a tail that changes is rewritten in place; one that goes takes the span with it
  fillSegments(p, ['ρ = ', { text: '0.79', path: 'correlation.spearman.rho' }, ' (p ', { text: '0.002', path: 'correlation.spearman.p' }, '); more.']);
  assert.equal(p.querySelector('span.nobr')?.textContent, '(p 0.002);');
  assert.equal(p.textContent, 'ρ = 0.79 (p 0.002); more.');
  // what opens onto the number stays with it (src/lib/glue.ts): "(p " and the number, with no tail
  fillSegments(p, ['ρ = ', { text: '0.79', path: 'correlation.spearman.rho' }, ' (p ', { text: '0.002', path: 'correlation.spearman.p' }, ' and more']);
  assert.equal(p.querySelector('span.nobr')?.textContent, '(p 0.002');
  // and a number with nothing around it has no span
  fillSegments(p, ['ρ = ', { text: '0.79', path: 'correlation.spearman.rho' }, ' and p: ', { text: '0.002', path: 'correlation.spearman.p' }, ' and more']);
  assert.ok(p.querySelector('span.nobr') === null);
  assert.equal(p.textContent, 'ρ = 0.79 and p: 0.002 and more');
});
