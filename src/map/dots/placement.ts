/**
 * Where the dots go: pure functions, shared by the dot worker, the tests and
 * the benchmark.
 *
 * Every resident of an LSOA is one dot, placed by rejection sampling inside
 * the LSOA's polygon. The dot of person k of group g is found on its own:
 * candidates j = 0, 1, 2, … are points of the LSOA's bounding box (fixed, from
 * areas/lsoa-bounds.json) drawn from a hash of (LSOA code, g, k, j), and the
 * first candidate inside the polygon is the dot (dotHash, candidate). So:
 *
 * - the same dots appear on every load, whatever tiles were loaded first;
 * - a dot does not depend on any other dot, so a slightly different outline
 *   (coarser geometry at lower zooms) moves only the few dots whose
 *   candidates fall near the edge;
 * - at one dot per N people, group g of an LSOA shows its first
 *   ⌊c/N + v⌋ dots (c residents, v ∈ [0, 1) a hash of the LSOA and group):
 *   exactly c at N = 1, c/N on average, never fewer as N falls. The dots at
 *   one per N are the first of those at one per person, so zooming in only
 *   adds dots, and none jumps.
 *
 * Positions are Web Mercator world coordinates in [0, 1) (x east, y south),
 * in which a box is sampled uniformly (at the size of an LSOA, uniformly in
 * area too).
 */

/** Candidates tried for one dot before giving up on the box (a sliver of an LSOA); then the first dot of its LSOA is reused. */
export const MAX_CANDIDATES = 256;

/** The finest dot tiles: a dot's tile at this zoom is stored with it, and every coarser tile is a shift of it. */
export const DOT_TILE_ZOOM = 16;

/** The dot tile zoom from which every person is a dot (map zoom 14.5 and closer: streets). */
export const ONE_PER_PERSON_ZOOM = 15;

/**
 * People per dot at a zoom of the dot tiles (the map's zoom, rounded): one
 * per person from zoom 15 (streets), then ×2^1.5 per zoom level out, rounded
 * up to a power of two. A view's area grows ×4 per zoom level out, so a
 * city-centre view holds at most about 40,000–60,000 dots at any zoom, and
 * England about 3,500 at zoom 6. It depends on the zoom alone, so panning
 * never changes it.
 */
export function peoplePerDot(zoom: number): number {
  const z = Math.floor(zoom);
  return z >= ONE_PER_PERSON_ZOOM ? 1 : 2 ** Math.ceil(1.5 * (ONE_PER_PERSON_ZOOM - z));
}

/** The number of dots of a group of `count` residents at one dot per `perDot` people, with v ∈ [0, 1) fixed per LSOA and group. */
export function dotsShown(count: number, perDot: number, v: number): number {
  return perDot <= 1 ? count : Math.min(count, Math.floor(count / perDot + v));
}

/** FNV-1a over the code's characters: the seed of an LSOA. */
export function seedOf(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection that mixes every bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) from a seed and three integers (32 bits of randomness). */
export function hashUniform(seed: number, a: number, b: number, c: number): number {
  let h = fmix(seed ^ Math.imul(a + 1, 0x9e3779b1));
  h = fmix(h ^ Math.imul(b + 1, 0x85ebca77));
  h = fmix(h ^ Math.imul(c + 1, 0xc2b2ae3d));
  return h / 4294967296;
}

/** The hash of one dot (person k of group g of an LSOA), from which its candidates are drawn. */
export function dotHash(seed: number, g: number, k: number): number {
  return fmix(fmix(seed ^ Math.imul(g + 1, 0x9e3779b1)) ^ Math.imul(k + 1, 0x85ebca77));
}

/** Coordinate c of a dot's candidates (2j: x of candidate j, 2j + 1: its y), uniform in [0, 1). */
export const candidate = (dot: number, c: number) => fmix(dot + Math.imul(c + 1, 0x27d4eb2f)) / 4294967296;

/** v of dotsShown: fixed per LSOA and group. */
export const groupOffset = (seed: number, group: number) => hashUniform(seed, group, 0xffff, 0xfffff);

export const lngToWorldX = (lng: number) => (lng + 180) / 360;
export function latToWorldY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}
export const worldXToLng = (x: number) => x * 360 - 180;
export const worldYToLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** An LSOA's box in world coordinates [x0, y0, x1, y1] (y0 north) from [west, south, east, north]. */
export function worldBox(bounds: ArrayLike<number>, offset = 0): [number, number, number, number] {
  return [lngToWorldX(bounds[offset]), latToWorldY(bounds[offset + 3]), lngToWorldX(bounds[offset + 2]), latToWorldY(bounds[offset + 1])];
}

/**
 * Rings indexed for point-in-polygon tests by horizontal bands: each band
 * lists the edges that cross it, so a test looks at a handful of edges, not
 * every edge of a detailed outline. Even–odd rule over all rings, so holes
 * need no special case.
 */
export interface RingIndex {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  bandHeight: number;
  /** Edges as x0, y0, x1, y1. */
  edges: Float64Array;
  /** Edges of band b: bandEdges[bandStart[b] … bandStart[b + 1]). */
  bandStart: Uint32Array;
  bandEdges: Uint32Array;
}

export function indexRings(rings: readonly ArrayLike<number>[]): RingIndex {
  let count = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    count += ring.length / 2;
    for (let i = 0; i < ring.length; i += 2) {
      minX = Math.min(minX, ring[i]);
      maxX = Math.max(maxX, ring[i]);
      minY = Math.min(minY, ring[i + 1]);
      maxY = Math.max(maxY, ring[i + 1]);
    }
  }
  const edges = new Float64Array(count * 4);
  let e = 0;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      edges[e++] = ring[2 * i];
      edges[e++] = ring[2 * i + 1];
      edges[e++] = ring[2 * j];
      edges[e++] = ring[2 * j + 1];
    }
  }
  const bands = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(count))));
  const bandHeight = (maxY - minY) / bands || 1;
  const band = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));
  const sizes = new Uint32Array(bands + 1);
  for (let i = 0; i < count; i++) {
    const y0 = edges[4 * i + 1];
    const y1 = edges[4 * i + 3];
    for (let b = band(Math.min(y0, y1)); b <= band(Math.max(y0, y1)); b++) sizes[b + 1]++;
  }
  for (let b = 0; b < bands; b++) sizes[b + 1] += sizes[b];
  const bandEdges = new Uint32Array(sizes[bands]);
  const fill = sizes.slice(0, bands);
  for (let i = 0; i < count; i++) {
    const y0 = edges[4 * i + 1];
    const y1 = edges[4 * i + 3];
    for (let b = band(Math.min(y0, y1)); b <= band(Math.max(y0, y1)); b++) bandEdges[fill[b]++] = i;
  }
  return { minX, minY, maxX, maxY, bandHeight, edges, bandStart: sizes, bandEdges };
}

/** Whether a point is inside the rings (even–odd; a point on the lower or left edge counts in, as in a half-open box). */
export function insideRings(index: RingIndex, x: number, y: number): boolean {
  if (x < index.minX || x > index.maxX || y < index.minY || y > index.maxY) return false;
  const bands = index.bandStart.length - 1;
  const b = Math.min(bands - 1, Math.floor((y - index.minY) / index.bandHeight));
  const { edges, bandEdges } = index;
  let inside = false;
  for (let k = index.bandStart[b], end = index.bandStart[b + 1]; k < end; k++) {
    const i = bandEdges[k] * 4;
    const y0 = edges[i + 1];
    const y1 = edges[i + 3];
    if (y0 > y !== y1 > y) {
      const x0 = edges[i];
      if (x < x0 + ((y - y0) * (edges[i + 2] - x0)) / (y1 - y0)) inside = !inside;
    }
  }
  return inside;
}

/** What the dots of one LSOA are drawn from. */
export interface LsoaInput {
  seed: number;
  /** Box to sample in, world coordinates [x0, y0, x1, y1]. */
  box: readonly [number, number, number, number];
  /** Residents of each group. */
  counts: ArrayLike<number>;
  /** Whether a world point lies in the LSOA. */
  inside(x: number, y: number): boolean;
}

/** The dots of one LSOA: world positions and the group of each dot, groups in order. */
export interface LsoaDots {
  x: Float64Array;
  y: Float64Array;
  group: Uint8Array;
}

/** The dots of an LSOA at one dot per `perDot` people. */
export function placeLsoa(input: LsoaInput, perDot: number): LsoaDots {
  const { seed, box, counts } = input;
  const shown = Array.from(counts, (count, g) => dotsShown(count, perDot, groupOffset(seed, g)));
  const total = shown.reduce((a, b) => a + b, 0);
  const out: LsoaDots = { x: new Float64Array(total), y: new Float64Array(total), group: new Uint8Array(total) };
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  let n = 0;
  let fallback = -1;
  for (let g = 0; g < shown.length; g++) {
    for (let k = 0; k < shown[g]; k++) {
      let placed = false;
      const base = dotHash(seed, g, k);
      for (let j = 0; j < MAX_CANDIDATES; j++) {
        const x = x0 + w * candidate(base, 2 * j);
        const y = y0 + h * candidate(base, 2 * j + 1);
        if (input.inside(x, y)) {
          out.x[n] = x;
          out.y[n] = y;
          placed = true;
          break;
        }
      }
      if (!placed) {
        // A sliver the box barely covers: stack the dot on an earlier one (or the box's centre) rather than lose a person.
        out.x[n] = fallback >= 0 ? out.x[fallback] : x0 + w / 2;
        out.y[n] = fallback >= 0 ? out.y[fallback] : y0 + h / 2;
      } else if (fallback < 0) fallback = n;
      out.group[n++] = g;
    }
  }
  return out;
}
