// Runs of words shared between the report's pages and the article (tests/e2e/own-words.spec.ts,
// scripts/article-runs.ts): lowercased, letters and digits only, so that punctuation, quotation
// marks and line breaks do not hide a copied passage.
import { createHash } from 'node:crypto';

export const RUN = 6;

export const words = (text: string): string[] => text.replace(/[’']/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Every run of RUN consecutive words, as text ("part 2 of the modern slavery"). */
export function articleRuns(text: string): string[] {
  const w = words(text);
  return w.slice(0, Math.max(0, w.length - RUN + 1)).map((_, k) => w.slice(k, k + RUN).join(' '));
}

/** A run's fingerprint, as tests/fixtures/article-runs.txt holds it. */
export const runHash = (run: string): string => createHash('sha256').update(run).digest('hex').slice(0, 12);
