/**
 * Rows of the table view: every area of the view's level with its name, its
 * parents and the view's measure (value, national rank, class) in the view's
 * release; filtering by authority, sorting, and the CSV of exactly what the
 * table shows. Everything about the layer comes from the view spec and the
 * catalogue: this file never asks which layer or level it has beyond the
 * shape of the geography (an LSOA's ward and authority, a ward's authority).
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { LayerEntry, MeasureSpec, Release } from '../config/catalogue/types.ts';
import { rankTotal } from '../config/catalogue/index.ts';
import type { Level } from '../config/geography.ts';
import type { TableSort } from '../state/url.ts';
import type { DataClient } from './client.ts';
import type { ValueFile } from './schema.ts';

/** A parent of an area: its ward, its authority. */
export interface ParentRef {
  level: Level;
  code: string;
  name: string;
}

export interface TableRow {
  code: string;
  name: string;
  /** Parents, nearest first: an LSOA's ward then authority, a ward's authority, none for an authority. */
  parents: ParentRef[];
  /** Authority code, for filtering (the area's own for an authority). */
  ladCode: string;
  /** The measure in the release shown; null where the area has none. */
  value: number | null;
  rank: number | null;
  /** Class of the layer's scheme (1…n); 0 for no (comparable) value. */
  class: number;
}

/** What the table shows: the parts of the view spec it depends on. */
export interface TableSpec {
  layer: LayerEntry;
  level: Level;
  measure: MeasureSpec;
  release: Release;
  releaseIndex: number;
  paths: { classes: string; values: string };
}

export interface TableData {
  spec: TableSpec;
  rows: TableRow[];
  /** What a rank is out of ("rank r of n"): the areas the release ranked. */
  total: number;
}

/** Row of a release in a class or value file: the file's own list decides, the spec's index is the fallback. */
export function releaseRow(releases: readonly string[], spec: Pick<TableSpec, 'release' | 'releaseIndex'>): number {
  const row = releases.indexOf(spec.release.id);
  return row >= 0 ? row : spec.releaseIndex;
}

/** Names and parents of every area of a level, from the area files (only those the level needs). */
async function areasOf(client: DataClient, level: Level): Promise<{ codes: string[]; names: string[]; parents: (i: number) => ParentRef[] }> {
  const lads = await client.groupAreas('lad');
  const lad = (i: number): ParentRef => ({ level: 'lad', code: lads.codes[i], name: lads.names[i] });
  const byLevel: Record<Level, () => Promise<{ codes: string[]; names: string[]; parents: (i: number) => ParentRef[] }>> = {
    lad: async () => ({ codes: lads.codes, names: lads.names, parents: () => [] }),
    ward: async () => {
      const wards = await client.groupAreas('ward');
      return { codes: wards.codes, names: wards.names, parents: (i) => [lad(wards.lad![i])] };
    },
    lsoa: async () => {
      const [lsoas, details, wards] = await Promise.all([client.areas('lsoa'), client.lsoaDetails(), client.groupAreas('ward')]);
      return {
        codes: lsoas.codes,
        names: details.names,
        parents: (i) => {
          const ward = details.ward[i];
          return [{ level: 'ward', code: wards.codes[ward], name: wards.names[ward] }, lad(wards.lad![ward])];
        },
      };
    },
  };
  return byLevel[level]();
}

/** The measure's values and ranks in one release of a value file (empty when the file lacks the measure). */
export function measureColumns(file: ValueFile, spec: Pick<TableSpec, 'measure' | 'release' | 'releaseIndex'>): { value: (number | null)[]; rank: (number | null)[] } {
  const values = file.measures[spec.measure.id];
  const r = releaseRow(file.releases, spec);
  return { value: values?.value[r] ?? [], rank: values?.rank?.[r] ?? [] };
}

export async function loadTableData(client: DataClient, spec: TableSpec): Promise<TableData> {
  const [areas, values, classes] = await Promise.all([areasOf(client, spec.level), client.values(spec.paths.values), client.classes(spec.paths.classes)]);
  const columns = measureColumns(values, spec);
  const classRow = classes.classes[releaseRow(classes.releases, spec)] ?? new Uint8Array(0);
  const rows = areas.codes.map((code, i): TableRow => {
    const parents = areas.parents(i);
    return {
      code,
      name: areas.names[i],
      parents,
      ladCode: parents.find((p) => p.level === 'lad')?.code ?? code,
      value: columns.value[i] ?? null,
      rank: columns.rank[i] ?? null,
      class: classRow[i] ?? 0,
    };
  });
  // Ranks are among the areas with a figure in this release (or as many as the publisher ranked).
  const ranked = rows.filter((row) => row.rank !== null).length;
  return { spec, rows, total: rankTotal(spec.release, spec.level, ranked || areas.codes.length) };
}

/** The nearest parent of a row (ward of an LSOA, authority of a ward). */
export const parentOf = (row: TableRow): ParentRef | undefined => row.parents[0];

const compareText = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/** Compares two numbers that may be missing: missing ones go last whatever the direction. */
function compareMissingLast(a: number | null, b: number | null, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * (a - b);
}

export function filterAndSort(rows: readonly TableRow[], ladCode: string | null, sort: TableSort): TableRow[] {
  const kept = ladCode ? rows.filter((row) => row.ladCode === ladCode) : [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const classOf = (row: TableRow) => (row.class > 0 ? row.class : null);
  const key: Record<TableSort['column'], (a: TableRow, b: TableRow) => number> = {
    name: (a, b) => sign * compareText(a.name, b.name),
    code: (a, b) => sign * compareText(a.code, b.code),
    parent: (a, b) => sign * compareText(parentOf(a)?.name ?? '', parentOf(b)?.name ?? ''),
    value: (a, b) => compareMissingLast(a.value, b.value, sign),
    rank: (a, b) => compareMissingLast(a.rank, b.rank, sign),
    class: (a, b) => compareMissingLast(classOf(a), classOf(b), sign),
  };
  const compare = key[sort.column];
  // Ties fall back to rank (missing last) then code, so the order is always the same.
  return kept.sort((a, b) => compare(a, b) || compareMissingLast(a.rank, b.rank, 1) || compareText(a.code, b.code));
}

/** Column names of the CSV: codes and names as in the whole-England downloads, then the catalogue's names for the measure. */
export function tableCsvHeader(data: Pick<TableData, 'spec' | 'rows'>): string[] {
  const { layer, level, measure, release } = data.spec;
  const parentLevels = data.rows[0]?.parents.map((p) => p.level) ?? [];
  return [
    `${level}_code`,
    `${level}_name`,
    ...parentLevels.flatMap((parent) => [`${parent}_code`, `${parent}_name`]),
    layer.csvColumn(level, measure, release.id, 'value'),
    ...(measure.ranked ? [layer.csvColumn(level, measure, release.id, 'rank')] : []),
    layer.csvColumn(level, measure, release.id, 'class'),
  ];
}

/** The CSV of the rows shown, with column names that say what each value is; no value is an empty cell. */
export function tableCsv(data: TableData, rows: readonly TableRow[]): string {
  const header = tableCsvHeader({ spec: data.spec, rows: rows.length ? [...rows] : data.rows });
  const body = rows.map((row) => [
    row.code,
    row.name,
    ...row.parents.flatMap((p) => [p.code, p.name]),
    row.value ?? '',
    ...(data.spec.measure.ranked ? [row.rank ?? ''] : []),
    row.class > 0 ? row.class : '',
  ]);
  return stringify([header, ...body], { record_delimiter: '\n' });
}

export function tableFileName(data: TableData, ladCode: string | null): string {
  const { layer, level, measure, release } = data.spec;
  return `${layer.id}-${release.id}-${level}-${measure.id}${ladCode ? `-${ladCode}` : '-england'}.csv`;
}
