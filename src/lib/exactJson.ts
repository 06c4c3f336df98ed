// JSON that gives back exactly what it was given, for keeping a result in sessionStorage (which holds
// only strings). Plain JSON already writes every finite number so that it reads back to the same
// double; what it loses is -0 (written 0), NaN and ±Infinity (written null), and typed arrays
// (written as objects of their indices). Those are written here as a tagged object instead,
// {"\u0000": "-0"} or {"\u0000": ["Float64Array", base64 of the bytes]}, and read back.
//
//   stringifyExact(value) → text, or undefined if the text would not read back exactly (checked)
//   parseExact(text)      → the value
//   exactlyEqual(a, b)    → the same structure, strings and numbers (Object.is), and typed arrays bit for bit
//
// Pure. What cannot be kept exactly is not kept: the caller checks the text afterwards, never the reader.

const TAG = '\u0000';

const TYPED = { Float64Array, Int32Array } as const;
type TypedName = keyof typeof TYPED;

// Base64 through the browser's own Uint8Array methods where it has them (Chromium 140, Firefox
// 133, Safari 18.2), else through btoa/atob.
type Base64Bytes = Uint8Array & { toBase64?: () => string };
const base64Native = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };

function toBase64(bytes: Base64Bytes): string {
  if (bytes.toBase64) return bytes.toBase64();
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  if (base64Native.fromBase64) return base64Native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return { [TAG]: '-0' };
    if (!Number.isFinite(value)) return { [TAG]: String(value) };
    return value;
  }
  if (typeof value === 'object' && value !== null && ArrayBuffer.isView(value)) {
    const name: TypedName | undefined = value instanceof Float64Array ? 'Float64Array' : value instanceof Int32Array ? 'Int32Array' : undefined;
    if (name) return { [TAG]: [name, toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))] };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== TAG) return value;
  const tag = (value as Record<string, unknown>)[TAG];
  if (tag === '-0') return -0;
  if (tag === 'NaN' || tag === 'Infinity' || tag === '-Infinity') return Number(tag);
  if (Array.isArray(tag) && tag.length === 2 && typeof tag[1] === 'string' && Object.hasOwn(TYPED, tag[0])) {
    const bytes = fromBase64(tag[1]);
    const Typed = TYPED[tag[0] as TypedName];
    if (bytes.byteLength % Typed.BYTES_PER_ELEMENT !== 0) throw new Error(`a damaged ${tag[0]}: ${bytes.byteLength} bytes`);
    return new Typed(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / Typed.BYTES_PER_ELEMENT);
  }
  return value;
}

export function parseExact(text: string): unknown {
  return JSON.parse(text, reviver);
}

/** The text of a value, if it reads back exactly (exactlyEqual); otherwise undefined. */
export function stringifyExact(value: unknown): string | undefined {
  const text = JSON.stringify(value, replacer);
  if (text === undefined) return undefined;
  return exactlyEqual(parseExact(text), value) ? text : undefined;
}

/**
 * The same value: numbers by Object.is (so -0 and NaN count), strings, booleans and null as they
 * are, typed arrays of the same kind with the same bytes, arrays and plain objects member by
 * member with their keys in the same order. A key whose value is undefined counts as absent (JSON
 * and the page alike read it so); anything else (a function, a Map) is never equal.
 */
export function exactlyEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((v, k) => v === y[k]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, k) => (k in y) === (k in a) && exactlyEqual(v, y[k]));
  }
  const plain = (o: object) => Object.getPrototypeOf(o) === Object.prototype || Object.getPrototypeOf(o) === null;
  if (!plain(a) || !plain(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && exactlyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
