/**
 * LSOA 2021 boundaries: reading and checking the ONS GeoJSON, then building
 * wards and authorities as unions of their LSOAs through the lookup, so that
 * outlines and statistics come from the very same LSOAs.
 *
 * The union is topological (topojson): shared LSOA edges become shared
 * arcs and disappear when merged, which is exact for a generalised product
 * whose neighbours share vertices, and much faster than polygon clipping.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import polylabel from 'polylabel';
import proj4 from 'proj4';
import { CODE_PATTERNS, isOutsideEnglandCode } from '../../src/config/geography.ts';
import { countOf, InputError, listSome } from './errors.ts';
import { checkPolygons, describeProblem, type RingRepairs } from './rings.ts';

export type AreaGeometry = Polygon | MultiPolygon;
export type Bounds = [number, number, number, number];

/** British National Grid (EPSG:27700), with the OSGB36→WGS84 Helmert shift. */
export const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** Generous box around England in WGS84, to catch swapped or unprojected coordinates. */
const ENGLAND_BOX = { west: -7, south: 49.5, east: 2.2, north: 56 };

export interface LsoaBoundaries {
  file: string;
  /** Geometry of each LSOA in the order of `codes` (the lookup order). */
  geometries: AreaGeometry[];
  /** Whether the file was in British National Grid and was reprojected. */
  reprojected: boolean;
  skippedOutsideEngland: string[];
  /** Rings repaired (closed, repeated points dropped): how many, and the LSOAs they belong to. */
  repairs: { what: string; count: number; codes: string[] }[];
}

function readJson(path: string, file: string): unknown {
  let text: string;
  try {
    const bytes = readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new InputError({ file, problem: `cannot be read: ${(error as Error).message}` });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError({ file, problem: `is not valid JSON (${(error as Error).message})` });
  }
}

function forEachPosition(geometry: AreaGeometry, visit: (position: Position) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) for (const position of ring) visit(position);
}

/** The property holding the LSOA 2021 code: `LSOA21CD` in ONS files (any case). */
function codeProperty(feature: Feature): string | undefined {
  return Object.keys(feature.properties ?? {}).find((key) => key.toUpperCase() === 'LSOA21CD');
}

export function readLsoaBoundaries(path: string, file: string, lsoaCodes: readonly string[], lookupName: string): LsoaBoundaries {
  const json = readJson(path, file) as FeatureCollection;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new InputError({ file, problem: 'is not a GeoJSON FeatureCollection' });
  }
  const position = new Map(lsoaCodes.map((code, i) => [code, i]));
  const geometries: (AreaGeometry | undefined)[] = new Array(lsoaCodes.length);
  const skippedOutsideEngland: string[] = [];
  const stray: string[] = [];
  let projected: boolean | undefined;
  const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');
  const closed = { count: 0, codes: [] as string[] };
  const deduplicated = { count: 0, codes: [] as string[] };
  const dropped = { count: 0, codes: [] as string[] };

  json.features.forEach((feature, index) => {
    const where = `feature ${index + 1}`;
    const key = codeProperty(feature);
    if (!key) throw new InputError({ file, problem: `${where} has no LSOA21CD property` });
    const code = String(feature.properties![key]).trim();
    if (isOutsideEnglandCode(code)) {
      skippedOutsideEngland.push(code);
      return;
    }
    if (!CODE_PATTERNS.lsoa.test(code)) throw new InputError({ file, problem: `${where}: "${code}" is not an LSOA code` });
    const target = position.get(code);
    if (target === undefined) {
      stray.push(code);
      return;
    }
    if (geometries[target]) throw new InputError({ file, problem: `${where}: LSOA ${code} appears twice` });
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      throw new InputError({ file, problem: `${where} (${code}) has geometry ${geometry?.type ?? 'null'}; expected Polygon or MultiPolygon` });
    }
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const wellFormed =
      Array.isArray(polygons) &&
      polygons.length > 0 &&
      polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p) && p.length >= 2)));
    if (!wellFormed) {
      throw new InputError({ file, problem: `${where} (${code}) has malformed coordinates (expected arrays of rings of [x, y] positions)` });
    }
    // Decide once, from the first feature, whether this is BNG (metres) or degrees.
    if (projected === undefined) {
      const [x] = polygons[0][0][0];
      projected = Math.abs(x) > 180;
    }
    forEachPosition(geometry, (p) => {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new InputError({ file, problem: `${where} (${code}) has a coordinate that is not a number` });
      }
      if (projected) {
        const [lng, lat] = toWgs84.forward([p[0], p[1]]);
        p[0] = Math.round(lng * 1e6) / 1e6;
        p[1] = Math.round(lat * 1e6) / 1e6;
      }
      p.length = 2;
      if (p[0] < ENGLAND_BOX.west || p[0] > ENGLAND_BOX.east || p[1] < ENGLAND_BOX.south || p[1] > ENGLAND_BOX.north) {
        throw new InputError({
          file,
          problem: `${where} (${code}) has a point at ${p[0]}, ${p[1]}, outside England`,
          hint: 'Expected WGS84 longitude/latitude or British National Grid metres.',
        });
      }
    });
    // Rings: repair what is safe to repair, reject what is not (rings.ts).
    const repairs: RingRepairs = { closed: 0, duplicatesDropped: 0, degenerateDropped: 0 };
    const parts = polygons.length;
    const failure = checkPolygons(polygons as Position[][][], repairs);
    if (failure) {
      throw new InputError({
        file,
        problem: `${where} (${code})${parts > 1 ? `, polygon ${failure.polygon + 1} of ${parts}` : ''}: ${describeProblem(failure.problem)}`,
        hint: 'Boundaries must be valid polygons (simple rings, no self-intersections); use the ONS file as published, or repair the feature in a GIS.',
      });
    }
    if (repairs.closed) (closed.count += repairs.closed), closed.codes.push(code);
    if (repairs.duplicatesDropped) (deduplicated.count += repairs.duplicatesDropped), deduplicated.codes.push(code);
    if (repairs.degenerateDropped) (dropped.count += repairs.degenerateDropped), dropped.codes.push(code);
    geometries[target] = geometry;
  });

  if (stray.length > 0) {
    throw new InputError({
      file,
      problem: `${countOf(stray.length, 'LSOA code')} ${stray.length === 1 ? 'is' : 'are'} not in ${lookupName}: ${listSome(stray)}`,
      hint: 'Use the December 2021 LSOA boundaries (LSOA21CD); 2011 boundaries do not match the IoD 2025.',
    });
  }
  const missing = lsoaCodes.filter((_, i) => !geometries[i]);
  if (missing.length > 0) {
    throw new InputError({ file, problem: `has no boundary for ${countOf(missing.length, 'LSOA')} of ${lookupName}: ${listSome(missing)}` });
  }
  const repairs = [
    { what: 'boundary rings closed (repaired: the last point was not the first)', ...closed },
    { what: 'repeated boundary points dropped (repaired)', ...deduplicated },
    { what: 'boundary holes or parts that cover nothing dropped (repaired: fewer than 3 corners or zero area)', ...dropped },
  ].filter((r) => r.count > 0);
  return { file, geometries: geometries as AreaGeometry[], reprojected: projected === true, skippedOutsideEngland, repairs };
}

/** The LSOA topology: shared edges stored once, each point weighted for simplification. */
export type LsoaTopology = Topology<{ lsoa: GeometryCollection }>;

/**
 * Visvalingam weight of a point: the area of the triangle it forms with its
 * neighbours, in Web Mercator proportions (longitude degrees, and latitude
 * degrees stretched by 1/cos φ), so that a threshold means the same on
 * screen in the north and the south.
 */
function mercatorTriangleArea(triangle: number[][]): number {
  const [a, b, c] = triangle;
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
  return Math.abs(cross) / 2 / Math.cos((b[1] * Math.PI) / 180);
}

/**
 * Builds the topology of the LSOAs and weights every point for
 * simplification. Simplifying the shared arcs (not each polygon on its own)
 * keeps neighbours seamless at every zoom: no gaps, no overlaps, and no LSOA
 * vanishes, because arc end points (where three areas meet) are never
 * removed. Closed arcs (islands, enclaves) keep at least a triangle.
 */
export function lsoaTopology(lsoaGeometries: readonly AreaGeometry[]): LsoaTopology {
  const collection: FeatureCollection<AreaGeometry> = {
    type: 'FeatureCollection',
    features: lsoaGeometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  };
  const topo = presimplify(topology({ lsoa: collection }) as LsoaTopology, mercatorTriangleArea);
  for (const arc of topo.arcs as number[][][]) {
    const last = arc.length - 1;
    if (last < 3 || arc[0][0] !== arc[last][0] || arc[0][1] !== arc[last][1]) continue;
    const interior = arc.slice(1, last).sort((p, q) => q[2] - p[2]);
    interior[0][2] = Infinity;
    interior[1][2] = Infinity;
  }
  return topo;
}

/** The topology with every point lighter than `minWeight` removed. */
export function simplifyTopology(topo: LsoaTopology, minWeight: number): LsoaTopology {
  return simplify(topo, minWeight) as LsoaTopology;
}

/** The LSOA geometries of a (simplified) topology, in lookup order. */
export function lsoaGeometries(topo: LsoaTopology): AreaGeometry[] {
  return topo.objects.lsoa.geometries.map(
    (object) => (feature(topo, object as TopoPolygon | TopoMultiPolygon) as Feature<AreaGeometry>).geometry,
  );
}

/**
 * Unions LSOAs into larger areas: `areaOfLsoa[i]` is the area of LSOA i.
 * Returns one (Multi)Polygon per area, built from the same arcs as the LSOAs,
 * so the outlines of wards and authorities lie exactly on LSOA edges.
 */
export function unionByArea(topo: LsoaTopology, areaOfLsoa: Int32Array, areaCount: number): AreaGeometry[] {
  const objects = topo.objects.lsoa.geometries as (TopoPolygon | TopoMultiPolygon)[];
  const members: (TopoPolygon | TopoMultiPolygon)[][] = Array.from({ length: areaCount }, () => []);
  objects.forEach((object, lsoa) => members[areaOfLsoa[lsoa]].push(object));
  return members.map((parts) => {
    const merged = merge(topo, parts);
    return merged.coordinates.length === 1 ? { type: 'Polygon', coordinates: merged.coordinates[0] } : merged;
  });
}

/** [west, south, east, north] of a geometry. */
export function boundsOf(geometry: AreaGeometry): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  forEachPosition(geometry, ([x, y]) => {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  });
  return box;
}

/** Planar area of a ring (shoelace), in square degrees scaled by cos(latitude). */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2) * Math.cos((ring[0][1] * Math.PI) / 180);
}

/**
 * A point inside the area for its label: the pole of inaccessibility of its
 * largest polygon (polylabel), which stays inside concave shapes where a
 * centroid would not.
 */
export function labelPoint(geometry: AreaGeometry): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0];
  let largestArea = -1;
  for (const polygon of polygons) {
    const area = ringArea(polygon[0]);
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  const point = polylabel(largest as [number, number][][], 0.0005);
  return [Math.round(point[0] * 1e4) / 1e4, Math.round(point[1] * 1e4) / 1e4];
}
