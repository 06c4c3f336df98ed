// "Check the curve in R" (How robust is it?): the engine's specification curve beside what R printed
// running the curve's script (src/analysis/emitCurveR.ts) on the same files. Pure: the browser runs R
// and calls this; the tests call it too. Apart from rCheck.ts so that the pages that only name
// scripts do not load the curve's code.
import { closeEnough, parseROutput } from '../analysis/emitR.ts';
import { curveLabel, curveLeaves, needsCurrentR } from '../analysis/emitCurveR.ts';
import type { SpecificationCurve } from '../analysis/specificationCurve.ts';
import type { ComparedNumber, Comparison, SpecificationLabels } from './rCheck.ts';

/** The specification curve beside R's output for it: its numbers, and the names of its specifications in order. */
export interface CurveComparison extends Comparison {
  labels: SpecificationLabels;
}

/**
 * The curve's numbers (curveLeaves) beside those R printed running emitCurveR()'s script (its whole
 * output, `rText`), by closeEnough; and the comment R prints before each specification beside the
 * engine's (curveLabel), so that a specification computed under another name or out of order is
 * caught though its numbers agree. R older than 4.6.0 cannot compute the current rule's p-values
 * (the script prints NA for them and the counts that need them): for such an `rVersion` those
 * paths are expected to be NA, and everything else is compared as usual.
 */
export function compareCurveWithR(curve: SpecificationCurve, rText: string, rVersion: string): CurveComparison {
  const [major, minor] = rVersion.split('.').map(Number);
  const older = major < 4 || (major === 4 && minor < 6);
  const rValues = parseROutput(rText);
  const leaves = curveLeaves(curve);
  const rows = leaves.map(([path, value]): ComparedNumber => {
    const engine = older && needsCurrentR(curve, path) ? null : value;
    const r = rValues.has(path) ? rValues.get(path)! : undefined;
    return { path, engine, r, agree: r !== undefined && closeEnough({ monthly: [] }, path, engine, r) };
  });
  const known = new Set(leaves.map(([path]) => path));
  const agreeing = rows.filter((row) => row.agree).length;
  const printed = rText.split('\n').filter((line) => /^# \d+:/.test(line));
  const expected = curve.specifications.map(curveLabel);
  const at = Array.from({ length: Math.max(printed.length, expected.length) }, (_, k) => k).find((k) => printed[k] !== expected[k]);
  return {
    rows, agreeing, differing: rows.length - agreeing, unexpected: [...rValues.keys()].filter((p) => !known.has(p)),
    labels: { expected: expected.length, printed: printed.length, firstDifferent: at === undefined ? null : (printed[at] ?? expected[at]) },
  };
}

