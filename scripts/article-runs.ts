// Writes tests/fixtures/article-runs.txt: a fingerprint of the study's article for the own-words
// check (tests/e2e/own-words.spec.ts). Each run of six words in the article, lowercased with
// punctuation dropped, as the first 12 hex digits of its SHA-256, sorted: the check can tell whether
// a page shares a run with the article without the repository holding the article's text.
// Run from the project folder: node scripts/article-runs.ts ../shared/study/article.md
import { readFileSync, writeFileSync } from 'node:fs';
import { articleRuns, runHash } from '../tests/helpers/ownWords.ts';

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: node scripts/article-runs.ts ARTICLE.md');
const runs = [...new Set(articleRuns(readFileSync(source, 'utf8')).map(runHash))].sort();
writeFileSync(new URL('../tests/fixtures/article-runs.txt', import.meta.url), runs.join('\n') + '\n');
console.log(`${runs.length} runs`);
