// Exact JSON (src/lib/exactJson.ts), the text a reader's cached result is kept as in sessionStorage:
// what it reads back must be what it was given, including the values plain JSON loses (-0, NaN,
// ±Infinity, typed arrays), and what it cannot give back exactly it must refuse to write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactlyEqual, parseExact, stringifyExact } from '../src/lib/exactJson.ts';

test('-0, NaN, ±Infinity and typed arrays come back as they were; plain JSON would have lost each', () => {
  const value = {
    zero: -0, nan: NaN, up: Infinity, down: -Infinity, small: 5e-324, third: 1 / 3, text: 'a "quoted" \u0000 \ud800 string',
    nested: [{ a: -0 }, [NaN, 1, null, true]],
    f64: new Float64Array([-0, NaN, Infinity, 1 / 3, -1e308]),
    i32: new Int32Array([-2147483648, -1, 0, 2147483647]),
    offset: new Float64Array(new Float64Array([9, 8, 7, 6]).buffer, 8, 2),
  };
  const text = stringifyExact(value);
  assert.ok(text);
  const back = parseExact(text) as typeof value;
  assert.ok(Object.is(back.zero, -0));
  assert.ok(Number.isNaN(back.nan));
  assert.equal(back.up, Infinity);
  assert.equal(back.down, -Infinity);
  assert.equal(back.small, 5e-324);
  assert.equal(back.third, 1 / 3);
  assert.equal(back.text, value.text);
  assert.ok(Object.is(back.nested[0] && (back.nested[0] as { a: number }).a, -0));
  assert.ok(back.f64 instanceof Float64Array && Object.is(back.f64[0], -0) && Number.isNaN(back.f64[1]));
  assert.deepEqual([...back.i32], [...value.i32]);
  assert.deepEqual([...back.offset], [8, 7]);
  assert.ok(exactlyEqual(back, value));
  assert.deepStrictEqual(back, value);
  // Plain JSON loses them: the reason for the tags.
  const plain = JSON.parse(JSON.stringify(value));
  assert.equal(exactlyEqual(plain, value), false);
  assert.ok(Object.is(plain.zero, 0) && plain.nan === null);
});

test('what cannot come back exactly is not written', () => {
  assert.equal(stringifyExact({ when: new Date(0) }), undefined); // a Date comes back a string
  assert.equal(stringifyExact([1, undefined, 3]), undefined); // undefined in an array comes back null
  assert.equal(stringifyExact({ bytes: new Uint8Array([1, 2]) }), undefined); // a kind of typed array it does not tag
  assert.equal(stringifyExact({ m: new Map([[1, 2]]) }), undefined);
  // A key whose value is undefined is absent either way (JSON and the page read it so).
  assert.equal(stringifyExact({ a: 1, b: undefined }), '{"a":1}');
});

test('exactlyEqual tells apart what deepEqual of JSON would not: -0 and 0, key order, kinds of typed array', () => {
  assert.equal(exactlyEqual(-0, 0), false);
  assert.equal(exactlyEqual(NaN, NaN), true);
  assert.equal(exactlyEqual({ a: 1, b: 2 }, { b: 2, a: 1 }), false);
  assert.equal(exactlyEqual(new Float64Array([1]), new Int32Array([1])), false);
  assert.equal(exactlyEqual(new Float64Array([1, 2]), new Float64Array([1, 2])), true);
  assert.equal(exactlyEqual([1, 2], [1, 2, 3]), false);
  assert.equal(exactlyEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }), true);
  assert.equal(exactlyEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }), false);
});

test('a text that is not tagged JSON is read as plain JSON; a damaged tag throws rather than inventing a value', () => {
  assert.deepEqual(parseExact('{"a":[1,2]}'), { a: [1, 2] });
  assert.throws(() => parseExact('{"\\u0000":["Float64Array","AAA"]}'));
});
