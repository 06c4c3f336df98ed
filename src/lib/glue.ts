/**
 * A number and the punctuation right after it, kept on one line.
 *
 * A number in a sentence is a button (its derivation's handle), and a browser may break a line
 * between a button and the text after it: "(p < 0.001" at the end of one line and ")." alone at the
 * start of the next. glue() pairs each handle with the run of closing punctuation that follows it
 * (the start of the next text segment), so that Say.astro, RobustLive.astro and the page's script
 * (src/client/dom.ts fillSegments) can wrap the two in one span that does not break
 * (global.css: .nobr). The text is unchanged: the segments' text, in order, is the glued items'.
 *
 * @example
 * glue(['(', { text: '0.83', path: 'p' }, ').']) // => ['(', { handle: { text: '0.83', path: 'p' }, tail: ').' }]
 */

/** Closing brackets and quotes, stops, commas, colons, semicolons and the percent sign. */
const TRAILING = /^[)\]}.,;:!?%’”]+/;

export type Glued<S> = string | { handle: S; tail: string };

export function glue<S extends { text: string }>(parts: readonly (string | S)[]): Glued<S>[] {
  const out: Glued<S>[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    const next = parts[i + 1];
    const tail = typeof next === 'string' ? (TRAILING.exec(next)?.[0] ?? '') : '';
    out.push({ handle: part, tail });
    if (tail === '') continue;
    const rest = (next as string).slice(tail.length);
    if (rest !== '') out.push(rest);
    i += 1;
  }
  return out;
}
