/**
 * Rows of the table view: every area of a level with its name, parent and
 * the current indicator's value, rank and decile; filtering by authority,
 * sorting, and the CSV of exactly what the table shows.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { indicatorById, type IndicatorId } from '../config/indicators.ts';
import type { Level } from '../config/geography.ts';
import { MEASURE_INFO, type Measure } from '../config/measures.ts';
import type { TableSort } from '../state/url.ts';
import type { DataClient } from './client.ts';

export interface TableRow {
  code: string;
  name: string;
  /** Ward for an LSOA, authority for a ward, none for an authority. */
  parentName: string;
  parentCode: string;
  /** Authority code, for filtering. */
  ladCode: string;
  value: number;
  rank: number;
  decile: number;
}

export interface TableData {
  level: Level;
  indicator: IndicatorId;
  measure: Measure;
  rows: TableRow[];
  /** Number of areas in England at this level, for "rank r of n". */
  total: number;
}

export async function loadTableData(client: DataClient, level: Level, indicator: IndicatorId, measure: Measure): Promise<TableData> {
  const [lads, wards] = await Promise.all([client.groupAreas('lad'), client.groupAreas('ward')]);
  if (level === 'lsoa') {
    const [lsoas, details, column] = await Promise.all([client.areas('lsoa'), client.lsoaDetails(), client.lsoaColumn(indicator)]);
    const rows = lsoas.codes.map((code, i) => {
      const ward = details.ward[i];
      return {
        code,
        name: details.names[i],
        parentName: wards.names[ward],
        parentCode: wards.codes[ward],
        ladCode: lads.codes[wards.lad![ward]],
        value: column.score[i],
        rank: column.rank[i],
        decile: column.decile[i],
      };
    });
    return { level, indicator, measure, rows, total: lsoas.codes.length };
  }
  const areas = level === 'ward' ? wards : lads;
  const column = await client.groupColumn(level, indicator);
  const total = areas.codes.length;
  const rows = areas.codes.map((code, i) => {
    const lad = level === 'ward' ? wards.lad![i] : i;
    return {
      code,
      name: areas.names[i],
      parentName: level === 'ward' ? lads.names[lad] : '',
      parentCode: level === 'ward' ? lads.codes[lad] : '',
      ladCode: lads.codes[lad],
      value: column.values[measure][i],
      rank: column.ranks[measure][i],
      decile: column.deciles[measure][i],
    };
  });
  return { level, indicator, measure, rows, total };
}

const compareText = (a: string, b: string) => a.localeCompare(b, 'en-GB');

export function filterAndSort(rows: readonly TableRow[], ladCode: string | null, sort: TableSort): TableRow[] {
  const kept = ladCode ? rows.filter((row) => row.ladCode === ladCode) : [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key: Record<TableSort['column'], (a: TableRow, b: TableRow) => number> = {
    name: (a, b) => compareText(a.name, b.name),
    code: (a, b) => compareText(a.code, b.code),
    parent: (a, b) => compareText(a.parentName, b.parentName),
    value: (a, b) => a.value - b.value,
    rank: (a, b) => a.rank - b.rank,
    class: (a, b) => a.decile - b.decile,
  };
  const compare = key[sort.column];
  // Ties fall back to rank then code, so the order is always the same.
  return kept.sort((a, b) => sign * compare(a, b) || a.rank - b.rank || compareText(a.code, b.code));
}

/** The CSV of the rows shown, with column names that say what each value is. */
export function tableCsv(data: TableData, rows: readonly TableRow[], vintages: Record<Level, number>): string {
  const id = data.indicator;
  const header =
    data.level === 'lsoa'
      ? ['lsoa21_code', 'lsoa21_name', `ward${vintages.ward % 100}_code`, `ward${vintages.ward % 100}_name`, `${id}_score`, `${id}_rank`, `${id}_decile`]
      : [
          `${data.level}${vintages[data.level] % 100}_code`,
          `${data.level}${vintages[data.level] % 100}_name`,
          ...(data.level === 'ward' ? [`lad${vintages.lad % 100}_code`, `lad${vintages.lad % 100}_name`] : []),
          `${id}_${MEASURE_INFO[data.measure].csv}`,
          `${id}_rank_of_${MEASURE_INFO[data.measure].csv}`,
          `${id}_decile_of_${data.level}s`,
        ];
  const body = rows.map((row) => [
    row.code,
    row.name,
    ...(data.level === 'lad' ? [] : [row.parentCode, row.parentName]),
    row.value,
    row.rank,
    row.decile,
  ]);
  return stringify([header, ...body], { record_delimiter: '\n' });
}

export function tableFileName(data: TableData, ladCode: string | null): string {
  return `${indicatorById(data.indicator).id}-${data.level}${data.level === 'lsoa' ? '' : `-${data.measure}`}${ladCode ? `-${ladCode}` : '-england'}.csv`;
}
