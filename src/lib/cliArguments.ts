// The command-line arguments that select a view (`npm run analyze -- …`), as one list, so the command
// the page shows, the R script's header and the tests all name a view the same way. Only what
// differs from the defaults is written.

export interface ArgumentView {
  window: number;
  categories: readonly string[];
  wilcoxon?: 'current' | 'legacy';
}

export function viewArguments(view: ArgumentView, domain: { span: number; categories: readonly string[] }): string[] {
  const args: string[] = [];
  if (view.window !== domain.span) args.push('--window', String(view.window));
  const chosen = domain.categories.filter((c) => view.categories.includes(c));
  if (chosen.length !== domain.categories.length) args.push('--categories', chosen.join(','));
  if (view.wilcoxon === 'legacy') args.push('--wilcoxon', 'legacy');
  return args;
}

/** Arguments as a shell would need them typed: an empty one becomes "". */
export function shellWords(args: readonly string[]): string {
  return args.map((a) => (a === '' ? '""' : a)).join(' ');
}
