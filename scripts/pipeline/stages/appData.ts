/**
 * Writes the app's data files (see src/data/schema.ts for the layout):
 * small class files for the choropleth, columns for the national table,
 * and one profile per authority for the area panel.
 */
import { INDICATORS, type IndicatorId } from '../../src/config/indicators.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../../src/config/measures.ts';
import { decilesOfRanks } from '../../src/stats/ranking.ts';
import { encodeCodes } from '../../src/data/codes.ts';
import {
  dataPaths,
  type Bounds,
  type GroupAreas,
  type GroupColumnWithDeciles,
  type LsoaColumn,
  type Profile,
} from '../../src/data/schema.ts';
import type { Geography } from './lookup.ts';
import type { IndicatorColumns } from './iod.ts';
import type { LevelSummaries } from './summaries.ts';
import { roundAll, type OutputFolder } from './output.ts';

export interface AppDataInput {
  geography: Geography;
  indicators: Record<IndicatorId, IndicatorColumns>;
  wardSummaries: LevelSummaries;
  ladSummaries: LevelSummaries;
  bounds: { lsoa: Bounds[]; ward: Bounds[]; lad: Bounds[] };
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

function measureRecord(source: Record<Measure, Float64Array>, pick: (values: Float64Array, m: Measure) => number[]) {
  return Object.fromEntries(MEASURES.map((m) => [m, pick(source[m], m)])) as Record<Measure, number[]>;
}

const decileCache = new WeakMap<Float64Array, Uint8Array>();

/** Deciles of a level's ranks, worked out once per ranks array (each is used by every profile). */
function decilesOf(ranks: Float64Array): Uint8Array {
  let deciles = decileCache.get(ranks);
  if (!deciles) decileCache.set(ranks, (deciles = decilesOfRanks(ranks)));
  return deciles;
}

/** The summary columns of one indicator for some areas of a level (all of them by default). */
function groupColumn(summaries: LevelSummaries, id: IndicatorId, areas?: readonly number[]): GroupColumnWithDeciles {
  const s = summaries.indicators[id];
  const pick = (values: ArrayLike<number>) => (areas ? areas.map((a) => values[a]) : Array.from(values));
  return {
    values: measureRecord(s.values, (v, m) => roundAll(pick(v), MEASURE_INFO[m].decimals)),
    ranks: measureRecord(s.ranks, pick),
    // Deciles among all areas of the level, whichever areas this column holds.
    deciles: measureRecord(s.ranks, (ranks) => pick(decilesOf(ranks))),
    ranksWithinLad: s.ranksWithinParent ? measureRecord(s.ranksWithinParent, pick) : undefined,
    official: MEASURES.filter((m) => s.official[m]),
    decileCounts: (areas ?? []).flatMap((a) => Array.from(s.decileCounts.subarray(a * 10, a * 10 + 10))),
  };
}

function lsoaColumn(columns: IndicatorColumns, lsoas?: readonly number[]): LsoaColumn {
  const pick = (values: ArrayLike<number>) => (lsoas ? lsoas.map((i) => values[i]) : Array.from(values));
  return { score: pick(columns.score), rank: pick(columns.rank), decile: pick(columns.decile) };
}

const perIndicator = <T,>(make: (id: IndicatorId) => T) =>
  Object.fromEntries(INDICATORS.map((i) => [i.id, make(i.id)])) as Record<IndicatorId, T>;

export function writeAppData(output: OutputFolder, input: AppDataInput): void {
  const { geography, indicators, wardSummaries, ladSummaries } = input;

  output.writeJson(dataPaths.areas('lsoa'), { codes: encodeCodes(geography.lsoa.codes) });
  output.writeJson(dataPaths.lsoaDetails, { names: geography.lsoa.names, ward: Array.from(geography.lsoa.ward) });
  output.writeJson(dataPaths.lsoaBounds, { bounds: flattenBounds(input.bounds.lsoa) });
  for (const level of ['ward', 'lad'] as const) {
    const summaries = level === 'ward' ? wardSummaries : ladSummaries;
    const areas: GroupAreas = {
      codes: encodeCodes(geography[level].codes),
      names: geography[level].names,
      lad: level === 'ward' ? Array.from(geography.ward.lad) : undefined,
      population: Array.from(summaries.population),
      lsoaCount: Array.from(summaries.lsoaCount),
      label: input.labels[level].flat(),
      bounds: flattenBounds(input.bounds[level]),
    };
    output.writeJson(dataPaths.areas(level), areas);
  }

  for (const indicator of INDICATORS) {
    const columns = indicators[indicator.id];
    output.writeJson(dataPaths.classes('lsoa', indicator.id, 'averageScore'), { class: Array.from(columns.decile) });
    output.writeJson(dataPaths.column('lsoa', indicator.id), lsoaColumn(columns));
    for (const level of ['ward', 'lad'] as const) {
      const summaries = level === 'ward' ? wardSummaries : ladSummaries;
      const { decileCounts: _, ...column } = groupColumn(summaries, indicator.id);
      output.writeJson(dataPaths.column(level, indicator.id), column);
      for (const measure of MEASURES) {
        output.writeJson(dataPaths.classes(level, indicator.id, measure), { class: column.deciles[measure] });
      }
    }
  }

  const wardsOfLad: number[][] = geography.lad.codes.map(() => []);
  geography.ward.lad.forEach((lad, ward) => wardsOfLad[lad].push(ward));
  const lsoasOfLad: number[][] = geography.lad.codes.map(() => []);
  geography.lsoa.ward.forEach((ward, lsoa) => lsoasOfLad[geography.ward.lad[ward]].push(lsoa));
  geography.lad.codes.forEach((code, lad) => {
    const wards = wardsOfLad[lad];
    const lsoas = lsoasOfLad[lad];
    const wardPosition = new Map(wards.map((ward, i) => [ward, i]));
    const profile: Profile = {
      lad: { code, summaries: perIndicator((id) => groupColumn(ladSummaries, id, [lad])) },
      wards: {
        codes: wards.map((ward) => geography.ward.codes[ward]),
        summaries: perIndicator((id) => groupColumn(wardSummaries, id, wards)),
      },
      lsoas: {
        codes: lsoas.map((lsoa) => geography.lsoa.codes[lsoa]),
        names: lsoas.map((lsoa) => geography.lsoa.names[lsoa]),
        ward: lsoas.map((lsoa) => wardPosition.get(geography.lsoa.ward[lsoa])!),
        values: perIndicator((id) => lsoaColumn(indicators[id], lsoas)),
      },
    };
    output.writeJson(dataPaths.profile(code), profile);
  });
}
