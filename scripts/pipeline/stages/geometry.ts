/**
 * Geometry stage: the LSOA boundaries (checked, repaired where that is safe),
 * their topology, and the vector tiles of LSOAs, wards and authorities,
 * with the bounds and label points of every area.
 */
import { LEVELS, type Level } from '../../../src/config/geography.ts';
import { dataPaths, type Bounds, type Manifest } from '../../../src/data/schema.ts';
import {
  boundsOf,
  labelPoint,
  lsoaGeometries,
  lsoaTopology,
  readLsoaBoundaries,
  simplifyTopology,
  unionByArea,
  type AreaGeometry,
  type LsoaTopology,
} from '../boundaries.ts';
import { buildTilesets, MAX_TILE_ZOOM, MIN_TILE_ZOOM, minWeightAtZoom } from '../tiles.ts';
import { recordSkipped, type BuildContext } from '../model.ts';
import type { OutputFolder } from '../output.ts';
import type { Note } from '../adapters/types.ts';

export interface Boundaries {
  topology: LsoaTopology;
  england: Bounds;
}

export interface Tiles {
  tiles: Manifest['tiles'];
  /** Bounds of every area, from the most detailed geometry. */
  boxes: Record<Level, Bounds[]>;
  labels: { ward: [number, number][]; lad: [number, number][] };
}

function unionBounds(boxes: Bounds[]): Bounds {
  return boxes.reduce<Bounds>(
    (all, b) => [Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

export function readBoundaries(ctx: BuildContext, note: Note): Boundaries {
  const input = ctx.inputs.boundaries!;
  const boundaries = readLsoaBoundaries(input.path, input.name, ctx.geography.lsoa.codes, ctx.lookupName);
  if (boundaries.reprojected) note('reprojected from British National Grid to WGS84');
  recordSkipped(ctx, note, { file: input.name, what: 'features outside England', examples: boundaries.skippedOutsideEngland });
  for (const repair of boundaries.repairs) recordSkipped(ctx, note, { file: input.name, what: repair.what, examples: repair.codes, count: repair.count });
  const topology = lsoaTopology(boundaries.geometries);
  note(`${topology.arcs.length} shared edges (arcs)`);
  return { topology, england: unionBounds(boundaries.geometries.map(boundsOf)) };
}

export function buildTiles(ctx: BuildContext, boundaries: Boundaries, output: OutputFolder, note: Note): Tiles {
  const { geography } = ctx;
  // Wards and authorities are unions of their LSOAs, merged from the same (simplified) edges.
  const geometriesAtZoom = (z: number): Record<Level, AreaGeometry[]> => {
    const simplified = simplifyTopology(boundaries.topology, minWeightAtZoom(z));
    return {
      lsoa: lsoaGeometries(simplified),
      ward: unionByArea(simplified, geography.lsoa.ward, geography.ward.codes.length),
      lad: unionByArea(simplified, ctx.ladOfLsoa, geography.lad.codes.length),
    };
  };
  let boxes: Record<Level, Bounds[]> | undefined;
  let labels: Tiles['labels'] | undefined;
  const sets = buildTilesets(
    { lsoa: geography.lsoa.codes, ward: geography.ward.codes, lad: geography.lad.codes },
    geometriesAtZoom,
    boundaries.england,
    (z, geometries) => {
      if (z === MAX_TILE_ZOOM) {
        // Bounds and label points from the most detailed geometry.
        boxes = Object.fromEntries(LEVELS.map((level) => [level, geometries[level].map(boundsOf)])) as Record<Level, Bounds[]>;
        labels = { ward: geometries.ward.map(labelPoint), lad: geometries.lad.map(labelPoint) };
      }
      note(`zoom ${z} done`);
    },
  );
  const tiles = {} as Manifest['tiles'];
  for (const level of LEVELS) {
    output.write(dataPaths.tiles(level), sets[level].archive);
    tiles[level] = { path: dataPaths.tiles(level), minZoom: MIN_TILE_ZOOM, maxZoom: MAX_TILE_ZOOM, bytes: sets[level].archive.length };
    const kb = sets[level].bytesByZoom.slice(MIN_TILE_ZOOM).map((bytes) => Math.round(bytes / 1000));
    note(`${level}: ${sets[level].tileCount} tiles, ${(sets[level].archive.length / 1e6).toFixed(1)} MB; kB at zoom ${MIN_TILE_ZOOM}–${MAX_TILE_ZOOM}: ${kb.join(' ')}`);
  }
  return { tiles, boxes: boxes!, labels: labels! };
}
