// Reading the headline figure's squares back from its paths (src/charts/eventUnits.ts draws each
// run of squares as one <path> of closed square subpaths). Written independently of the drawing
// code: a subpath that is not exactly "M x,y h w v h h −w z" with w = h fails the parse.

export interface DrawnSquare {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SUBPATH = /M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/y;

/** The squares of one path's d, in drawing order. Throws on anything else in it. */
export function squaresOf(d: string): DrawnSquare[] {
  const out: DrawnSquare[] = [];
  SUBPATH.lastIndex = 0;
  while (SUBPATH.lastIndex < d.length) {
    const at = SUBPATH.lastIndex;
    const m = SUBPATH.exec(d);
    if (!m) throw new Error(`not a square subpath at ${at}: ${d.slice(at, at + 40)}`);
    const [x, y, w, h, back] = m.slice(1).map(Number);
    if (back !== -w || w !== h) throw new Error(`not a closed square at ${at}: ${m[0]}`);
    out.push({ x, y, width: w, height: h });
  }
  return out;
}

/** A square's key for comparing sets of squares. */
export const squareKey = (s: DrawnSquare) => `${s.x},${s.y},${s.width}`;
