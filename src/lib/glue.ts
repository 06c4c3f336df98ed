/**
 * A number and the punctuation around it, kept on one line.
 *
 * A number in a sentence is a button (its derivation's handle), and a browser may break a line
 * between a button and the text after it: "(p < 0.001" at the end of one line and ")." alone at the
 * start of the next. glue() pairs each handle with the run of closing punctuation that follows it
 * (the start of the next text segment), and with what opens onto it from the end of the text before:
 * an opening bracket or quote, or "p = " (a line that ends "(" or "p =" is no better), so that
 * Say.astro, RobustLive.astro and the page's script (src/client/dom.ts fillSegments) can wrap them in
 * one span that does not break (global.css: .nobr). The text is unchanged: the segments' text, in
 * order, is the glued items'.
 *
 * @example
 * glue(['fewer (', { text: '54%', path: 'r' }, ').']) // => ['fewer ', { head: '(', handle: { text: '54%', path: 'r' }, tail: ').' }]
 */

/** Closing brackets and quotes, stops, commas, colons, semicolons and the percent sign. */
const TRAILING = /^[)\]}.,;:!?%’”]+/;
/** Opening brackets and quotes, and a p-value's "p = " (or "p " before a handle "< 0.001"), at the very end of the text before. */
const LEADING = /(?:[(\[{‘“]*(?<![\w.])p (?:[=<] )?|[(\[{‘“]+)$/;

export type Glued<S> = string | { head: string; handle: S; tail: string };

export function glue<S extends { text: string }>(parts: readonly (string | S)[]): Glued<S>[] {
  const out: Glued<S>[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    // What opens onto the number leaves the text before it (which may then be empty, and go).
    const before = out[out.length - 1];
    const head = typeof before === 'string' ? (LEADING.exec(before)?.[0] ?? '') : '';
    if (head !== '') {
      const rest = (before as string).slice(0, -head.length);
      if (rest === '') out.pop();
      else out[out.length - 1] = rest;
    }
    const next = parts[i + 1];
    const tail = typeof next === 'string' ? (TRAILING.exec(next)?.[0] ?? '') : '';
    out.push({ head, handle: part, tail });
    if (tail === '') continue;
    const rest = (next as string).slice(tail.length);
    if (rest !== '') out.push(rest);
    i += 1;
  }
  return out;
}
