// Offence categories: the study's four, in the order the article lists them, and a readable name
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

/** The study's categories first, in the article's order, then any others alphabetically. */
export function sortCategories(codes: Iterable<string>): string[] {
  const rank = (c: string) => {
    const k = (STUDY_CATEGORIES as readonly string[]).indexOf(c);
    return k < 0 ? STUDY_CATEGORIES.length : k;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
