// "On this page" lists a page's sections. A section inside a block <StudyOnly> or <OwnOnly> is shown
// only for the study's data or only for a reader's own (global.css), and its entry must follow it,
// with JavaScript or without. The layout (src/layouts/Report.astro) reads the page's MDX source at
// build time and gives each such entry the section's attribute. (Astro 7's MDX processor takes no
// remark plugins, so the source is read here, as src/integrations/mdxNames.ts reads it.)

export type Only = 'study' | 'local';
const WRAPPERS: Record<string, Only> = { StudyOnly: 'study', OwnOnly: 'local' };

/** A heading's text reduced to its letters and digits, so that "The order's" matches Astro's "The order’s". */
export const headingKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The second-level headings inside a block <StudyOnly> or <OwnOnly> of an MDX page, by headingKey. */
export function onlySectionsOf(source: string): Map<string, Only> {
  const found = new Map<string, Only>();
  const open: Only[] = [];
  for (const line of source.split('\n')) {
    const tag = /^\s*<(\/?)(StudyOnly|OwnOnly)\s*>\s*$/.exec(line);
    if (tag) {
      if (tag[1]) open.pop();
      else open.push(WRAPPERS[tag[2]]);
      continue;
    }
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && open.length > 0) found.set(headingKey(heading[1]), open.at(-1)!);
  }
  return found;
}
