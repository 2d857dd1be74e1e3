/**
 * The segregation layers' figures, computed in the browser from the census
 * counts of small units (segregation/<grouping>/<release>/<scale>.json) by
 * the same functions the pipeline uses for the downloads
 * (src/stats/segregation/areaMeasures.ts), then rounded, ranked and classed
 * as the pipeline does for stored layers (stored decimals; ranks 1 = highest
 * value; national quantiles). Loaded only when a segregation layer is shown.
 */
import { layerById } from '../../config/catalogue/index.ts';
import type { LayerEntry } from '../../config/catalogue/types.ts';
import { groupingOf, type Grouping } from '../../config/catalogue/segregation.ts';
import { parseComparison } from '../../config/catalogue/comparisons.ts';
import type { Level } from '../../config/geography.ts';
import { makeClasses } from '../../stats/classes.ts';
import { rankDescending, rankDescendingWithinGroups } from '../../stats/ranking.ts';
import { round } from '../../stats/rounding.ts';
import type { Comparison } from '../../stats/segregation/areaFigures.ts';
import { CHANGE_SUFFIX, SEGREGATION_RULES, segregationMeasure, type ReleaseUnits, type UnitTable } from '../../stats/segregation/areaMeasures.ts';
import type { Classes, DataClient } from '../client.ts';
import { decodeCodes } from '../codes.ts';
import { dataPaths, type SegregationUnits, type UnitScale, type ValueFile } from '../schema.ts';
import { PREFIX, type ComputedRef } from './paths.ts';

/** A units file, decoded: its codes and its table for the computations. */
export interface DecodedUnits extends UnitTable {
  file: SegregationUnits;
  codes: string[];
}

/**
 * One promise per client and key, made once; a failed one is forgotten so
 * that it can be tried again (as the data client does for files).
 */
function perClient<T>(make: (client: DataClient, key: string) => Promise<T>): (client: DataClient, key: string) => Promise<T> {
  const caches = new WeakMap<DataClient, Map<string, Promise<T>>>();
  return (client, key) => {
    let entries = caches.get(client);
    if (!entries) caches.set(client, (entries = new Map()));
    let promise = entries.get(key);
    if (!promise) {
      const forget = entries;
      promise = make(client, key).catch((error) => {
        forget.delete(key);
        throw error;
      });
      entries.set(key, promise);
    }
    return promise;
  };
}

const unitsFile = perClient(fetchUnits);

/** One units file (fetched and decoded once per page). */
export function loadUnits(client: DataClient, grouping: string, release: string, scale: UnitScale): Promise<DecodedUnits> {
  return unitsFile(client, dataPaths.segregationUnits(grouping, release, scale));
}

async function fetchUnits(client: DataClient, path: string): Promise<DecodedUnits> {
  const file = await client.file<SegregationUnits>(path);
  const codes = decodeCodes(file.codes);
  const groups = file.groups.length;
  if (file.counts.length !== codes.length * groups || file.ward.length !== codes.length || file.lad.length !== codes.length) {
    throw new Error(`${path} is inconsistent: ${codes.length} units, ${file.counts.length} counts of ${groups} groups`);
  }
  return { file, codes, groups, counts: file.counts, ward: file.ward, lad: file.lad, incomplete: file.incomplete };
}

/** The units of one release on the given scales (those the release has), with the wards' authorities. */
export async function releaseUnits(client: DataClient, grouping: Grouping, release: string, scales: readonly UnitScale[]): Promise<ReleaseUnits> {
  const available = scales.filter((scale) => grouping.scales[release]?.includes(scale));
  const [wards, lads, ...tables] = await Promise.all([
    client.groupAreas('ward'),
    client.groupAreas('lad'),
    ...available.map((scale) => loadUnits(client, grouping.id, release, scale)),
  ]);
  return {
    scales: Object.fromEntries(available.map((scale, i) => [scale, tables[i]])),
    wardLad: wards.lad!,
    wardCount: wards.codes.length,
    ladCount: lads.codes.length,
  };
}

/** The grouping and comparison of a computed layer's path, checked. */
export function resolveComparison(layer: LayerEntry, id: string): { grouping: Grouping; comparison: Comparison } {
  const grouping = groupingOf(layer);
  if (!grouping) throw new Error(`${layer.id} is not a segregation layer`);
  const comparison = parseComparison(grouping, id);
  if (!comparison) throw new Error(`${id} is not a comparison of ${layer.id}`);
  return { grouping, comparison };
}

function scaleNeeded(level: Level, measure: string): UnitScale {
  const base = measure.endsWith(CHANGE_SUFFIX) ? measure.slice(0, -CHANGE_SUFFIX.length) : measure;
  const rule = SEGREGATION_RULES[level as keyof typeof SEGREGATION_RULES]?.[base];
  if (!rule) throw new Error(`no segregation measure ${measure} for ${level}`);
  return rule.needs;
}

interface Computed {
  values: ValueFile;
  classes: Classes;
}

async function compute(client: DataClient, path: string): Promise<Computed> {
  const ref = parseComputedPath(path);
  const layer = layerById(ref.layer);
  const levelSpec = layer?.levels[ref.level];
  const spec = levelSpec?.measures.find((m) => m.id === ref.measure);
  if (!layer || !levelSpec || !spec) throw new Error(`${path}: no such computed layer, level or measure`);
  if (!layer.comparisons) return computeGroupCounts(client, layer, ref.level, spec.id);
  const { grouping, comparison } = resolveComparison(layer, ref.comparison);
  const manifest = await client.manifest();
  const releases = manifest.layers[layer.id]?.levels[ref.level]?.releases ?? levelSpec.releases;
  const scale = scaleNeeded(ref.level, ref.measure);
  const units = await Promise.all(releases.map((release) => releaseUnits(client, grouping, release, [scale])));
  const wardLad = units[0]?.wardLad;

  const file: ValueFile = { releases, measures: { [spec.id]: { value: [], rank: [], ...(ref.level === 'ward' ? { rankWithinLad: [] } : {}) } } };
  const classes: Classes = { releases, classes: [], breaks: [] };
  releases.forEach((_release, r) => {
    const previous = r > 0 ? units[r - 1] : undefined;
    const raw = segregationMeasure(ref.level as 'lsoa' | 'ward' | 'lad', ref.measure, units[r], comparison, previous);
    const values = raw ? raw.map((v) => (Number.isFinite(v) ? round(v, spec.format.storedDecimals) : Number.NaN)) : new Float64Array(areaCount(ref.level, units[r]));
    if (!raw) values.fill(Number.NaN);
    const measure = file.measures[spec.id];
    measure.value.push(Array.from(values, (v) => (Number.isNaN(v) ? null : v)));
    const ranks = rankDescending(values);
    measure.rank!.push(Array.from(ranks, nullable));
    if (measure.rankWithinLad) measure.rankWithinLad.push(Array.from(rankDescendingWithinGroups(values, wardLad!), nullable));
    // By the layer's class scheme, as the pipeline classes stored layers.
    const made = makeClasses(layer, { value: values, rank: ranks, layer: layer.id, what: `${ref.level} ${spec.id}` });
    classes.classes.push(made.class);
    classes.breaks.push(made.breaks ?? null);
  });
  return { values: file, classes };
}

/**
 * A layer of group counts that compares no groups (dot density): each
 * LSOA's residents as the value, and its largest group as its category, for
 * the table and the panel.
 */
async function computeGroupCounts(client: DataClient, layer: LayerEntry, level: Level, measure: string): Promise<Computed> {
  const grouping = groupingOf(layer);
  if (!grouping || level !== 'lsoa') throw new Error(`${layer.id} has no group counts for ${level}`);
  const releases = layer.levels.lsoa!.releases;
  const tables = await Promise.all(releases.map((release) => loadUnits(client, grouping.id, release, 'lsoa')));
  const values: (number | null)[][] = [];
  const classes: Uint8Array[] = [];
  for (const table of tables) {
    const totals = new Array<number | null>(table.codes.length);
    const largest = new Uint8Array(table.codes.length);
    for (let u = 0; u < table.codes.length; u++) {
      let total = 0;
      let top = -1;
      for (let g = 0; g < table.groups; g++) {
        const n = table.counts[u * table.groups + g];
        total += n;
        if (top < 0 || n > table.counts[u * table.groups + top]) top = g;
      }
      totals[u] = total;
      largest[u] = total > 0 ? top + 1 : 0;
    }
    values.push(totals);
    classes.push(largest);
  }
  return {
    values: { releases, measures: { [measure]: { value: values } } },
    classes: { releases, classes, breaks: releases.map(() => null) },
  };
}

/** The layer, level, groups and measure a computed path names. */
function parseComputedPath(path: string): ComputedRef {
  const [layer, level, comparison, measure, ...rest] = path.slice(PREFIX.length).split('/');
  if (!layer || !level || !comparison || !measure || rest.length > 0) throw new Error(`${path} is not a computed layer's path`);
  return { layer, level: level as Level, comparison, measure };
}

const nullable = (v: number) => (Number.isNaN(v) ? null : v);

function areaCount(level: Level, units: ReleaseUnits): number {
  if (level === 'ward') return units.wardCount;
  if (level === 'lad') return units.ladCount;
  return units.scales.lsoa?.ward.length ?? 0;
}

const computed = perClient(compute);

export async function computedValues(client: DataClient, path: string): Promise<ValueFile> {
  return (await computed(client, path)).values;
}

export async function computedClasses(client: DataClient, path: string): Promise<Classes> {
  return (await computed(client, path)).classes;
}
