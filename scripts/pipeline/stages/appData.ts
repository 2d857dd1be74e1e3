/**
 * Write stage, app data (see src/data/schema.ts for the layout): the area
 * lists, and for every layer of the catalogue that was built its class files
 * (the map's colours), value files (table, tooltip) and its slices of every
 * authority's profile (area panel).
 */
import { encodeClasses, encodeCodes } from '../../../src/data/codes.ts';
import type { Level } from '../../../src/config/geography.ts';
import { groupSizes } from '../../../src/stats/ranking.ts';
import {
  dataPaths,
  type AreaSlice,
  type Bounds,
  type ClassFile,
  type GroupAreas,
  type MeasureValues,
  type Profile,
  type ValueFile,
} from '../../../src/data/schema.ts';
import type { LayerData, LevelData } from '../model.ts';
import type { Geography } from '../lookup.ts';
import type { OutputFolder } from '../output.ts';
import type { PopulationWeights } from '../population.ts';

export interface AppDataInput {
  geography: Geography;
  ladOfLsoa: Int32Array;
  weights: PopulationWeights;
  layers: readonly LayerData[];
  bounds: Record<Level, Bounds[]>;
  labels: { ward: [number, number][]; lad: [number, number][] };
}

/** Flattened bounds, rounded outwards so that flying to them never cuts the area off. */
export function flattenBounds(boxes: readonly Bounds[]): number[] {
  return boxes.flatMap(([w, s, e, n]) => [
    Math.floor(w * 1e4) / 1e4,
    Math.floor(s * 1e4) / 1e4,
    Math.ceil(e * 1e4) / 1e4,
    Math.ceil(n * 1e4) / 1e4,
  ]);
}

/** Sum of the LSOA weights and number of LSOAs of each area. */
export function areaTotals(weights: Float64Array, areaOfLsoa: ArrayLike<number>, areaCount: number) {
  const population = new Float64Array(areaCount);
  for (let i = 0; i < weights.length; i++) population[areaOfLsoa[i]] += weights[i];
  return { population, lsoaCount: groupSizes(areaOfLsoa, areaCount) };
}

/** Numbers as JSON: NaN (no value) becomes null. */
const jsonValues = (values: ArrayLike<number>, areas?: readonly number[]): (number | null)[] =>
  areas ? areas.map((a) => (Number.isNaN(values[a]) ? null : values[a])) : Array.from(values, (v) => (Number.isNaN(v) ? null : v));

function measureValues(m: LevelData['measures'][string], areas?: readonly number[]): MeasureValues {
  return {
    value: m.value.map((v) => jsonValues(v, areas)),
    ...(m.rank ? { rank: m.rank.map((r) => jsonValues(r, areas)) } : {}),
    ...(m.rankWithinLad ? { rankWithinLad: m.rankWithinLad.map((r) => jsonValues(r, areas)) } : {}),
  };
}

function slice(layer: LayerData, level: Level, areas: readonly number[]): AreaSlice {
  const data = layer.levels[level]!;
  const measures: AreaSlice['measures'] = {};
  for (const [id, m] of Object.entries(data.measures)) {
    measures[id] = { ...measureValues(m, areas), class: m.class!.map((c) => areas.map((a) => c[a])) };
  }
  const counts = level === 'lsoa' ? undefined : layer.lsoaClassCounts[level];
  const n = layer.classCount;
  return {
    releases: data.releases,
    measures,
    ...(counts ? { lsoaClassCounts: areas.flatMap((a) => Array.from(counts.subarray(a * n, a * n + n))) } : {}),
  };
}

export function writeAppData(output: OutputFolder, input: AppDataInput): void {
  const { geography, layers } = input;

  output.writeJson(dataPaths.areas('lsoa'), { codes: encodeCodes(geography.lsoa.codes) });
  output.writeJson(dataPaths.lsoaDetails, { names: geography.lsoa.names, ward: Array.from(geography.lsoa.ward) });
  output.writeJson(dataPaths.lsoaBounds, { bounds: flattenBounds(input.bounds.lsoa) });
  for (const level of ['ward', 'lad'] as const) {
    const totals = areaTotals(input.weights.values, level === 'ward' ? geography.lsoa.ward : input.ladOfLsoa, geography[level].codes.length);
    const areas: GroupAreas = {
      codes: encodeCodes(geography[level].codes),
      names: geography[level].names,
      lad: level === 'ward' ? Array.from(geography.ward.lad) : undefined,
      population: Array.from(totals.population),
      lsoaCount: Array.from(totals.lsoaCount),
      label: input.labels[level].flat(),
      bounds: flattenBounds(input.bounds[level]),
    };
    output.writeJson(dataPaths.areas(level), areas);
  }

  for (const layer of layers) {
    for (const [level, data] of Object.entries(layer.levels) as [Level, LevelData][]) {
      const values: ValueFile = { releases: data.releases, measures: {} };
      for (const [id, m] of Object.entries(data.measures)) {
        const classes: ClassFile = { releases: data.releases, class: m.class!.map(encodeClasses) };
        if (m.breaks) classes.breaks = m.breaks;
        output.writeJson(dataPaths.classes(layer.entry.id, level, id), classes);
        values.measures[id] = measureValues(m);
      }
      output.writeJson(dataPaths.values(layer.entry.id, level), values);
    }
  }

  const wardsOfLad: number[][] = geography.lad.codes.map(() => []);
  geography.ward.lad.forEach((lad, ward) => wardsOfLad[lad].push(ward));
  const lsoasOfLad: number[][] = geography.lad.codes.map(() => []);
  input.ladOfLsoa.forEach((lad, lsoa) => lsoasOfLad[lad].push(lsoa));
  geography.lad.codes.forEach((code, lad) => {
    const wards = wardsOfLad[lad];
    const lsoas = lsoasOfLad[lad];
    const wardPosition = new Map(wards.map((ward, i) => [ward, i]));
    const areasOf: Record<Level, number[]> = { lad: [lad], ward: wards, lsoa: lsoas };
    const profile: Profile = {
      lad: code,
      wards: wards.map((ward) => geography.ward.codes[ward]),
      lsoas: {
        codes: lsoas.map((lsoa) => geography.lsoa.codes[lsoa]),
        names: lsoas.map((lsoa) => geography.lsoa.names[lsoa]),
        ward: lsoas.map((lsoa) => wardPosition.get(geography.lsoa.ward[lsoa])!),
      },
      layers: Object.fromEntries(
        layers.map((layer) => [
          layer.entry.id,
          Object.fromEntries((Object.keys(layer.levels) as Level[]).map((level) => [level, slice(layer, level, areasOf[level])])),
        ]),
      ),
    };
    output.writeJson(dataPaths.profile(code), profile);
  });
}
