/**
 * Checking and repairing the rings of boundary polygons before they become a
 * topology. Repaired (safe: no area changes): an unclosed ring is closed; a
 * point repeated straight after itself is dropped; a hole or a part of a
 * multi-part geometry that covers nothing (fewer than three distinct
 * corners, or zero area) is dropped. Rejected, because no repair is safe
 * without knowing what was meant: a geometry whose only part is degenerate,
 * and rings that cross themselves or each other (a proper crossing of two
 * edges, or two edges running along each other). Rings that only touch at a
 * point are accepted.
 *
 * Crossings are found with a sort-and-sweep along x: edges sorted by their
 * smallest x, each compared only with the edges whose x-range overlaps its
 * own, so a polygon of n edges costs about n log n, not n².
 */
import type { Position } from 'geojson';

export interface RingRepairs {
  closed: number;
  duplicatesDropped: number;
  /** Holes, or parts of a multi-part geometry, that cover nothing. */
  degenerateDropped: number;
}

export type RingProblem =
  | { kind: 'too-few-positions'; ring: number; positions: number }
  | { kind: 'zero-area'; ring: number }
  | { kind: 'crossing'; ring: number; otherRing: number; at: [number, number] }
  | { kind: 'overlap'; ring: number; otherRing: number; at: [number, number] };

/** Twice the signed area of a closed ring (shoelace). */
export function doubleSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Closes the ring and drops repeated points, in place; counts what it did. */
export function repairRing(ring: Position[], repairs: RingRepairs): void {
  let write = 0;
  for (let read = 0; read < ring.length; read++) {
    const p = ring[read];
    if (write > 0 && ring[write - 1][0] === p[0] && ring[write - 1][1] === p[1]) {
      repairs.duplicatesDropped++;
      continue;
    }
    ring[write++] = p;
  }
  ring.length = write;
  if (ring.length > 0) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length === 1 || first[0] !== last[0] || first[1] !== last[1]) {
      ring.push([first[0], first[1]]);
      repairs.closed++;
    }
  }
}

const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

interface Edge {
  ring: number;
  index: number;
  p: Position;
  q: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Whether collinear edges pq and rs share more than a point. */
function collinearOverlap(e: Edge, f: Edge): boolean {
  // Project on the longer axis of e.
  const axis = Math.abs(e.q[0] - e.p[0]) >= Math.abs(e.q[1] - e.p[1]) ? 0 : 1;
  const [a0, a1] = [Math.min(e.p[axis], e.q[axis]), Math.max(e.p[axis], e.q[axis])];
  const [b0, b1] = [Math.min(f.p[axis], f.q[axis]), Math.max(f.p[axis], f.q[axis])];
  return Math.min(a1, b1) - Math.max(a0, b0) > 0;
}

/** The first crossing or overlap between edges of the rings of one polygon, if any. */
export function findCrossing(rings: readonly Position[][]): RingProblem | undefined {
  const edges: Edge[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const p = ring[i];
      const q = ring[i + 1];
      edges.push({ ring: r, index: i, p, q, minX: Math.min(p[0], q[0]), maxX: Math.max(p[0], q[0]), minY: Math.min(p[1], q[1]), maxY: Math.max(p[1], q[1]) });
    }
  });
  edges.sort((a, b) => a.minX - b.minX);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    for (let j = i + 1; j < edges.length && edges[j].minX <= e.maxX; j++) {
      const f = edges[j];
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      const o1 = sign(orient(e.p, e.q, f.p));
      const o2 = sign(orient(e.p, e.q, f.q));
      const o3 = sign(orient(f.p, f.q, e.p));
      const o4 = sign(orient(f.p, f.q, e.q));
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        // The crossing point, for the message.
        const t = orient(f.p, f.q, e.p) / (orient(f.p, f.q, e.p) - orient(f.p, f.q, e.q));
        const at: [number, number] = [e.p[0] + t * (e.q[0] - e.p[0]), e.p[1] + t * (e.q[1] - e.p[1])];
        return { kind: 'crossing', ring: e.ring, otherRing: f.ring, at };
      }
      if (o1 === 0 && o2 === 0 && collinearOverlap(e, f)) {
        // Neighbouring edges of one ring that fold back on each other are a spike: also an overlap.
        return { kind: 'overlap', ring: e.ring, otherRing: f.ring, at: [f.p[0], f.p[1]] };
      }
    }
  }
  return undefined;
}

/** Why a ring covers nothing, if it does not: too few distinct corners, or zero area. */
export function degenerate(ring: readonly Position[], r: number): RingProblem | undefined {
  // A closed ring of three corners has four positions.
  if (ring.length < 4) return { kind: 'too-few-positions', ring: r, positions: Math.max(0, ring.length - 1) };
  if (collinear(ring)) return { kind: 'zero-area', ring: r };
  return undefined;
}

/**
 * Whether every position of a ring lies on one line (a ring whose lobes
 * cancel out, a bow tie, is not: it crosses itself). "On the line" allows
 * for the rounding of decimal coordinates in binary: the sine of the angle
 * at a must be below 10⁻⁹ (coordinates published to 5 or 6 decimals are
 * never that close to a line unless they are on it).
 */
function collinear(ring: readonly Position[]): boolean {
  const a = ring[0];
  const b = ring.find((p) => p[0] !== a[0] || p[1] !== a[1]);
  if (!b) return true;
  const ab = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return ring.every((p) => Math.abs(orient(a, b, p)) <= 1e-9 * ab * Math.hypot(p[0] - a[0], p[1] - a[1]));
}

/**
 * Checks and repairs the polygons of one geometry in place: rings closed and
 * repeated points dropped; a hole, or a part of a multi-part geometry, that
 * covers nothing (degenerate) is dropped, as it adds nothing to the area.
 * Returns the first problem that cannot be repaired: the only part
 * degenerate, or rings that cross or run along each other.
 */
export function checkPolygons(polygons: Position[][][], repairs: RingRepairs): { polygon: number; problem: RingProblem } | undefined {
  let firstDegenerate: { polygon: number; problem: RingProblem } | undefined;
  for (let k = 0; k < polygons.length; k++) {
    const rings = polygons[k];
    for (const ring of rings) repairRing(ring, repairs);
    const outer = degenerate(rings[0], 0);
    if (outer) {
      firstDegenerate ??= { polygon: k, problem: outer };
      polygons.splice(k--, 1);
      repairs.degenerateDropped++;
      continue;
    }
    for (let r = 1; r < rings.length; r++) {
      if (degenerate(rings[r], r)) {
        rings.splice(r--, 1);
        repairs.degenerateDropped++;
      }
    }
  }
  if (polygons.length === 0) return firstDegenerate;
  for (let k = 0; k < polygons.length; k++) {
    const problem = findCrossing(polygons[k]);
    if (problem) return { polygon: k, problem };
  }
  return undefined;
}

export function describeProblem(problem: RingProblem): string {
  const ring = (r: number) => (r === 0 ? 'the outer ring' : `hole ${r}`);
  const at = (p: [number, number]) => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;
  switch (problem.kind) {
    case 'too-few-positions':
      return `${ring(problem.ring)} has only ${problem.positions} distinct corner${problem.positions === 1 ? '' : 's'}; a ring needs at least 3`;
    case 'zero-area':
      return `${ring(problem.ring)} has zero area (all its points on one line)`;
    case 'crossing':
      return problem.ring === problem.otherRing
        ? `${ring(problem.ring)} crosses itself near ${at(problem.at)}`
        : `${ring(problem.ring)} crosses ${ring(problem.otherRing)} near ${at(problem.at)}`;
    case 'overlap':
      return `${ring(problem.ring)} runs along ${problem.ring === problem.otherRing ? 'itself' : ring(problem.otherRing)} near ${at(problem.at)}`;
  }
}
