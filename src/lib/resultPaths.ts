// The dotted paths into an analyse() result that name a number, as a type the compiler checks.
// `<Live path="events.pre">` in an MDX page is checked against ResultPath by `npm run check`, so a
// typo ("event.pre", "harm.test.pvalue") fails the build instead of rendering "n/a".
//
// The type is mapped over the result's own shape: a Record<string, …> contributes `${string}`
// (a category code), an array `${number}` (a month or a person), a number or a [lower, upper]
// interval is a leaf. Strings (names, methods, reasons) are not numbers and are left out.

import type { AnalysisResult } from '../analysis/analyse.ts';

/** Every path below T (up to five levels deep) that ends at a number or an interval. */
type PathsOf<T, Depth extends unknown[] = []> = Depth['length'] extends 6
  ? never
  : [NonNullable<T>] extends [number | readonly [number, number]]
    ? [NonNullable<T>] extends [never] ? never : ''
    : T extends readonly (infer E)[]
      ? Join<`${number}`, PathsOf<E, [...Depth, 1]>>
      : T extends object
        ? {
            [K in keyof T & string]-?: Join<string extends keyof T ? string : K, PathsOf<T[K], [...Depth, 1]>>;
          }[keyof T & string]
        : never;

type Join<K extends string, Rest extends string> = [Rest] extends [never] ? never : Rest extends '' ? K : `${K}.${Rest}`;

/** A number on the page, by where it lives in the result: 'events.pre', `byCategory.${string}.harm.test.p`, … */
export type ResultPath = PathsOf<AnalysisResult>;

/** The value at a dotted path of the result, e.g. "byCategory.drugs.harm.test.p"; undefined if absent. */
export function valueAt(result: AnalysisResult, path: string): unknown {
  let v: unknown = result;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A path from the page (a data attribute) narrowed to ResultPath when it names a number in this result. */
export function asResultPath(result: AnalysisResult, path: string): ResultPath | null {
  const v = valueAt(result, path);
  const leaf = v === null || typeof v === 'number' || (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'));
  return leaf ? (path as ResultPath) : null;
}
