// Offence categories: the study's four (data/study.json declares the same codes, names and order;
// tests/contract.test.ts checks that they agree), in the order the article lists them, and a readable name
// for any other lowercase code a reader's own data may bring.

export const STUDY_CATEGORIES = ['modern_slavery', 'violence', 'drugs', 'other'] as const;

const NAMES: Record<string, string> = {
  modern_slavery: 'Modern slavery',
  violence: 'Violence',
  drugs: 'Drugs',
  other: 'Other offences',
};

/** "modern_slavery" → "Modern slavery"; unknown codes are de-underscored and capitalised. */
export function categoryName(code: string): string {
  if (Object.hasOwn(NAMES, code)) return NAMES[code];
  const words = code.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The declared categories first, in the declared order (by default the study's, in the article's
 * order; a manifest may declare others), then any others alphabetically.
 */
export function sortCategories(codes: Iterable<string>, declared: readonly string[] = STUDY_CATEGORIES): string[] {
  const order = declared.length > 0 ? declared : STUDY_CATEGORIES;
  const rank = (c: string) => {
    const k = order.indexOf(c);
    return k < 0 ? order.length : k;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
