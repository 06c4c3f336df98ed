// The sections "On this page" lists only for one kind of data: read from the MDX source as the layout
// reads it, checked on a made-up page and on the real Data and methods page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { headingKey, onlySectionsOf } from '../src/lib/onlySections.ts';

test('headings inside a block <StudyOnly> or <OwnOnly> are found, nested or not; inline wrappers and other headings are not', () => {
  const source = [
    '## Open to all',
    '<OwnOnly>',
    '',
    '## Your data',
    '',
    '</OwnOnly>',
    'Text with <StudyOnly inline>an aside</StudyOnly>.',
    '<StudyOnly>',
    '## The order\'s own months',
    '### Not listed',
    '</StudyOnly>',
    '## After',
  ].join('\n');
  assert.deepEqual([...onlySectionsOf(source)], [['yourdata', 'local'], ['theordersownmonths', 'study']]);
  assert.equal(headingKey('The order’s own months'), headingKey("The order's own months"));
});

test('Data and methods: "Your data" is the reader\'s; the synthetic dataset and the published table are the study\'s', () => {
  const found = onlySectionsOf(readFileSync('src/pages/data.mdx', 'utf8'));
  assert.equal(found.get(headingKey('Your data')), 'local');
  assert.equal(found.get(headingKey('The synthetic dataset')), 'study');
  assert.equal(found.get(headingKey('Published beside recomputed')), 'study');
  assert.equal(found.get(headingKey("The study's figures beside yours")), 'local');
  assert.equal(found.get(headingKey('Downloads')), undefined);
});

test('Conclusions opens with its reading for a force deciding now (a police leader found it four phone screens down), and the Overview links to it', () => {
  const source = readFileSync('src/pages/conclusions.mdx', 'utf8');
  const first = source.split('## What the study found')[0];
  assert.match(first, /<p class="callout" id="for-a-force-deciding-now"><StudyOnly inline><strong>For a force deciding now/);
  // on a reader's own data, a reading of theirs in its place (an analyst's rise sat under "worth seeking")
  assert.match(first, /<OwnOnly inline><strong>For a force reading its own data/);
  assert.match(readFileSync('src/pages/index.mdx', 'utf8'), /\]\(conclusions\/#for-a-force-deciding-now\)/);
});
