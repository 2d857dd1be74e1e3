/**
 * The dot engine: LSOA outlines from the vector tiles the map loads, the
 * census counts of each LSOA, and the dots of any dot tile. Pure (no worker
 * or DOM API): the worker (dots.worker.ts) wraps it, and the tests and the
 * benchmark call it directly.
 *
 * Tiles and seams. The outlines of zoom z come clipped into tiles (with a
 * buffer). An LSOA's dot is decided in the one geometry tile whose square
 * (without the buffer) contains the candidate point, against that tile's part
 * of the LSOA; so before the dots of an LSOA are placed, every geometry tile
 * its bounding box touches is loaded (`needed`). Each dot therefore lies in
 * exactly one tile of every zoom: it is drawn by the dot tile containing it,
 * and no LSOA gets double or missing dots at a seam.
 *
 * Dot tiles go deeper than the geometry (to zoom 16, from the outlines of
 * zoom 12), so that at street zoom deck.gl draws only the dots of the few
 * small tiles in view.
 */
import { decodeLayer } from './mvt.ts';
import { DOT_TILE_ZOOM, indexRings, insideRings, peoplePerDot, placeLsoa, seedOf, worldBox, worldXToLng, worldYToLat, type RingIndex } from './placement.ts';

/** Finest zoom of the outlines (tiles/lsoa.pmtiles). */
export const GEOMETRY_MAX_ZOOM = 12;

export interface EngineInput {
  /** LSOA codes in the order of the counts and bounds (areas/lsoa.json). */
  codes: readonly string[];
  /** counts[i * groups + g]: residents of LSOA i in group g. */
  counts: ArrayLike<number>;
  groups: number;
  /** [west, south, east, north] of each LSOA (areas/lsoa-bounds.json). */
  bounds: ArrayLike<number>;
  /** RGB of each group. */
  colours: ArrayLike<number>;
  /** Name of the layer in the tiles. */
  layer?: string;
  /** Geometry tiles kept (least recently used go first). */
  tileCapacity?: number;
  /** Dots kept across LSOAs. */
  dotCapacity?: number;
}

/** The dots of one dot tile, as deck.gl binary attributes. */
export interface TileDots {
  length: number;
  perDot: number;
  /** lng, lat of each dot. */
  positions: Float32Array;
  /** RGB of each dot. */
  colours: Uint8Array;
  group: Uint8Array;
  /** Index of each dot's LSOA in `codes`. */
  lsoa: Uint32Array;
}

interface CachedDots {
  lng: Float32Array;
  lat: Float32Array;
  /** The dot's tile at DOT_TILE_ZOOM: x << 16 | y. */
  tile: Uint32Array;
  group: Uint8Array;
}

export const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/** The zoom of the outlines dots are placed in at a dot tile zoom. */
export const geometryZoom = (z: number) => Math.min(z, GEOMETRY_MAX_ZOOM);

export class DotEngine {
  private readonly indexOf = new Map<string, number>();
  private readonly tiles = new Map<string, Map<string, RingIndex>>();
  private readonly dots = new Map<string, CachedDots>();
  private cachedDots = 0;
  private readonly seeds: Uint32Array;

  constructor(private readonly input: EngineInput) {
    input.codes.forEach((code, i) => this.indexOf.set(code, i));
    this.seeds = Uint32Array.from(input.codes, seedOf);
  }

  hasTile(key: string): boolean {
    return this.tiles.has(key);
  }

  /** Adds a geometry tile (decompressed MVT bytes; null where the archive has none). */
  addTile(z: number, x: number, y: number, bytes: Uint8Array | null): void {
    const parts = new Map<string, RingIndex>();
    const layer = bytes && bytes.length ? decodeLayer(bytes, this.input.layer ?? 'lsoa') : null;
    if (layer) {
      const rings = new Map<string, Float64Array[]>();
      for (const feature of layer.features) {
        // Tile units → units of the tile's own square 0–1, so that tests on world coordinates need one scale.
        const scaled = feature.rings.map((ring) => ring.map((v) => v / layer.extent));
        rings.set(feature.code, [...(rings.get(feature.code) ?? []), ...scaled]);
      }
      for (const [code, list] of rings) parts.set(code, indexRings(list));
    }
    const key = tileKey(z, x, y);
    this.tiles.delete(key);
    this.tiles.set(key, parts);
    const capacity = this.input.tileCapacity ?? 400;
    while (this.tiles.size > capacity) this.tiles.delete(this.tiles.keys().next().value!);
  }

  /** The geometry tile under a dot tile. */
  private parentOf(z: number, x: number, y: number): [number, number, number] {
    const gz = geometryZoom(z);
    return [gz, x >> (z - gz), y >> (z - gz)];
  }

  /** The geometry tiles at zoom gz that an LSOA's box touches. */
  private tilesOfLsoa(i: number, gz: number): [number, number, number][] {
    const [x0, y0, x1, y1] = worldBox(this.input.bounds, 4 * i);
    const n = 2 ** gz;
    const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
    const out: [number, number, number][] = [];
    for (let tx = clamp(x0); tx <= clamp(x1); tx++) for (let ty = clamp(y0); ty <= clamp(y1); ty++) out.push([gz, tx, ty]);
    return out;
  }

  /** The LSOAs (indices) with a part in a geometry tile; null if the tile is not loaded. */
  private lsoasIn(gz: number, gx: number, gy: number): number[] | null {
    const parts = this.tiles.get(tileKey(gz, gx, gy));
    if (!parts) return null;
    const out: number[] = [];
    for (const code of parts.keys()) {
      const i = this.indexOf.get(code);
      if (i !== undefined) out.push(i);
    }
    return out;
  }

  /** Geometry tiles (z, x, y) still to load before the dots of a dot tile can be placed. */
  needed(z: number, x: number, y: number): [number, number, number][] {
    const [gz, gx, gy] = this.parentOf(z, x, y);
    const lsoas = this.lsoasIn(gz, gx, gy);
    if (!lsoas) return [[gz, gx, gy]];
    const missing = new Map<string, [number, number, number]>();
    for (const i of lsoas) {
      for (const t of this.tilesOfLsoa(i, gz)) {
        const key = tileKey(...t);
        if (!this.tiles.has(key)) missing.set(key, t);
      }
    }
    return [...missing.values()];
  }

  /**
   * Whether a world point lies in LSOA i, by the outlines of zoom gz: in the
   * part of the LSOA in the one tile whose square holds the point. The parts
   * are looked up once per LSOA, not per point.
   */
  private insideTest(i: number, gz: number): (x: number, y: number) => boolean {
    const code = this.input.codes[i];
    const n = 2 ** gz;
    const parts: { tx: number; ty: number; rings: RingIndex }[] = [];
    for (const [, tx, ty] of this.tilesOfLsoa(i, gz)) {
      const rings = this.tiles.get(tileKey(gz, tx, ty))?.get(code);
      if (rings) parts.push({ tx, ty, rings });
    }
    return (x, y) => {
      const tx = Math.floor(x * n);
      const ty = Math.floor(y * n);
      for (const part of parts) if (part.tx === tx && part.ty === ty) return insideRings(part.rings, x * n - tx, y * n - ty);
      return false;
    };
  }

  /** The dots of LSOA i placed in the outlines of zoom gz at one per `perDot` people (cached). */
  lsoaDots(i: number, gz: number, perDot: number): CachedDots {
    const key = `${gz}/${perDot}/${i}`;
    let cached = this.dots.get(key);
    if (cached) {
      this.dots.delete(key);
      this.dots.set(key, cached);
      return cached;
    }
    const g = this.input.groups;
    const placed = placeLsoa(
      {
        seed: this.seeds[i],
        box: worldBox(this.input.bounds, 4 * i),
        counts: Array.from({ length: g }, (_, k) => this.input.counts[i * g + k]),
        inside: this.insideTest(i, gz),
      },
      perDot,
    );
    const n = placed.group.length;
    const scale = 2 ** DOT_TILE_ZOOM;
    cached = { lng: new Float32Array(n), lat: new Float32Array(n), tile: new Uint32Array(n), group: placed.group };
    for (let d = 0; d < n; d++) {
      const x = placed.x[d];
      const y = placed.y[d];
      cached.lng[d] = worldXToLng(x);
      cached.lat[d] = worldYToLat(y);
      cached.tile[d] = ((Math.floor(x * scale) << 16) | Math.floor(y * scale)) >>> 0;
    }
    this.dots.set(key, cached);
    this.cachedDots += n;
    const capacity = this.input.dotCapacity ?? 6_000_000;
    while (this.cachedDots > capacity && this.dots.size > 1) {
      const [oldest, value] = this.dots.entries().next().value!;
      this.dots.delete(oldest);
      this.cachedDots -= value.group.length;
    }
    return cached;
  }

  /**
   * The dots of dot tile (z, x, y), z ≤ 16, at the people per dot of its zoom
   * (or `perDot`). Call once `needed` is empty.
   */
  tileDots(z: number, x: number, y: number, perDot = peoplePerDot(z)): TileDots {
    const [gz, gx, gy] = this.parentOf(z, x, y);
    const lsoas = this.lsoasIn(gz, gx, gy) ?? [];
    const shift = DOT_TILE_ZOOM - z;
    const parts: { dots: CachedDots; i: number; picked: Uint32Array }[] = [];
    let total = 0;
    for (const i of lsoas) {
      const dots = this.lsoaDots(i, gz, perDot);
      const picked = new Uint32Array(dots.tile.length);
      let m = 0;
      for (let d = 0; d < dots.tile.length; d++) {
        const t = dots.tile[d];
        if (t >>> (16 + shift) === x && (t & 0xffff) >>> shift === y) picked[m++] = d;
      }
      if (m) {
        parts.push({ dots, i, picked: picked.subarray(0, m) });
        total += m;
      }
    }
    const out: TileDots = {
      length: total,
      perDot,
      positions: new Float32Array(total * 2),
      colours: new Uint8Array(total * 3),
      group: new Uint8Array(total),
      lsoa: new Uint32Array(total),
    };
    const colours = this.input.colours;
    let n = 0;
    for (const { dots, i, picked } of parts) {
      for (const d of picked) {
        const g = dots.group[d];
        out.positions[2 * n] = dots.lng[d];
        out.positions[2 * n + 1] = dots.lat[d];
        out.colours[3 * n] = colours[3 * g];
        out.colours[3 * n + 1] = colours[3 * g + 1];
        out.colours[3 * n + 2] = colours[3 * g + 2];
        out.group[n] = g;
        out.lsoa[n++] = i;
      }
    }
    return out;
  }
}
