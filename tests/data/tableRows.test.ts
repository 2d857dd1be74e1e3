/**
 * The table view's rows: building them from the data files, filtering,
 * sorting, and the CSV of what the table shows.
 */
import { describe, expect, it } from 'vitest';
import type { GroupAreaIndex, LsoaDetailIndex, AreaIndex } from '../../src/data/client.ts';
import type { GroupColumn, LsoaColumn } from '../../src/data/schema.ts';
import { filterAndSort, loadTableData, tableCsv, tableFileName, type TableData, type TableRow } from '../../src/data/tableRows.ts';
import type { TableSort } from '../../src/state/url.ts';
import type { Measure } from '../../src/config/measures.ts';
import { fakeDataClient } from './fakeClient.ts';

const row = (code: string, name: string, parentName: string, ladCode: string, value: number, rank: number, decile: number): TableRow => ({
  code,
  name,
  parentName,
  parentCode: ladCode,
  ladCode,
  value,
  rank,
  decile,
});

// Wards of three London boroughs. Two share a name (Abbey), two share a
// value and rank (r2, r3), two share a decile (r1, r5), three share a parent.
const r1 = row('E05000010', 'Abbey', 'Merton', 'E09000024', 40, 1, 1);
const r2 = row('E05000005', 'Abbey', 'Barking and Dagenham', 'E09000002', 25, 3, 2);
const r3 = row('E05000007', 'Castle', 'Merton', 'E09000024', 25, 3, 2);
const r4 = row('E05000001', 'Zetland', 'Barnet', 'E09000003', 5.5, 5, 4);
const r5 = row('E05000020', 'Beacon', 'Merton', 'E09000024', 30, 2, 1);
const ROWS = [r1, r2, r3, r4, r5];

const names = new Map(ROWS.map((r, i) => [r, `r${i + 1}`]));
const order = (rows: TableRow[]) => rows.map((r) => names.get(r));

describe('filterAndSort: every column, both directions', () => {
  // Ties are broken by rank, then code, both ascending whatever the direction.
  const cases: [TableSort['column'], TableSort['direction'], string[]][] = [
    // Abbey (r1 rank 1, r2 rank 3), Beacon, Castle, Zetland
    ['name', 'asc', ['r1', 'r2', 'r5', 'r3', 'r4']],
    ['name', 'desc', ['r4', 'r3', 'r5', 'r1', 'r2']],
    // E05000001, …05, …07, …10, …20
    ['code', 'asc', ['r4', 'r2', 'r3', 'r1', 'r5']],
    ['code', 'desc', ['r5', 'r1', 'r3', 'r2', 'r4']],
    // Barking and Dagenham, Barnet, Merton (r1 rank 1, r5 rank 2, r3 rank 3)
    ['parent', 'asc', ['r2', 'r4', 'r1', 'r5', 'r3']],
    ['parent', 'desc', ['r1', 'r5', 'r3', 'r4', 'r2']],
    // 5.5, 25 (r2, r3: same rank, so by code), 30, 40
    ['value', 'asc', ['r4', 'r2', 'r3', 'r5', 'r1']],
    ['value', 'desc', ['r1', 'r5', 'r2', 'r3', 'r4']],
    // 1, 2, 3 (r2, r3 by code), 5
    ['rank', 'asc', ['r1', 'r5', 'r2', 'r3', 'r4']],
    ['rank', 'desc', ['r4', 'r2', 'r3', 'r5', 'r1']],
    // decile 1 (r1 rank 1, r5 rank 2), 2 (r2, r3 by code), 4
    ['class', 'asc', ['r1', 'r5', 'r2', 'r3', 'r4']],
    ['class', 'desc', ['r4', 'r2', 'r3', 'r1', 'r5']],
  ];

  it.each(cases)('%s %s', (column, direction, expected) => {
    expect(order(filterAndSort(ROWS, null, { column, direction }))).toEqual(expected);
  });

  it.each(cases)('%s %s gives the same order whatever the input order', (column, direction, expected) => {
    for (const input of [[...ROWS].reverse(), [r3, r5, r1, r4, r2], [r2, r4, r1, r3, r5]]) {
      expect(order(filterAndSort(input, null, { column, direction }))).toEqual(expected);
    }
  });
});

describe('filterAndSort: filtering and purity', () => {
  it('keeps only the rows of one authority', () => {
    expect(order(filterAndSort(ROWS, 'E09000024', { column: 'rank', direction: 'asc' }))).toEqual(['r1', 'r5', 'r3']);
    expect(order(filterAndSort(ROWS, 'E09000002', { column: 'name', direction: 'desc' }))).toEqual(['r2']);
  });

  it('gives no rows for an authority with none', () => {
    expect(filterAndSort(ROWS, 'E06000001', { column: 'rank', direction: 'asc' })).toEqual([]);
  });

  it('does not change its input', () => {
    const input = Object.freeze([r3, r1, r2]);
    const before = [...input];
    const sorted = filterAndSort(input, null, { column: 'name', direction: 'asc' });
    expect(order(sorted)).toEqual(['r1', 'r2', 'r3']);
    expect(input).toEqual(before);
    expect(sorted).not.toBe(input);
  });

  it('returns the same row objects, not copies', () => {
    const [first] = filterAndSort(ROWS, null, { column: 'rank', direction: 'asc' });
    expect(first).toBe(r1);
  });
});

// --- CSV -------------------------------------------------------------------

const VINTAGES = { lsoa: 2021, ward: 2024, lad: 2023 };

const tableData = (level: TableData['level'], indicator: TableData['indicator'], measure: Measure, rows: TableRow[] = []): TableData => ({
  level,
  indicator,
  measure,
  rows,
  total: rows.length,
});

describe('tableCsv', () => {
  it('writes LSOA columns with the 2021 LSOA and the ward vintage', () => {
    const rows: TableRow[] = [
      {
        code: 'E01000001',
        name: 'City of London 001A',
        parentCode: 'E05009288',
        parentName: 'Aldersgate',
        ladCode: 'E09000001',
        value: 12.345,
        rank: 28000,
        decile: 9,
      },
    ];
    expect(tableCsv(tableData('lsoa', 'imd', 'extent', rows), rows, VINTAGES)).toBe(
      'lsoa21_code,lsoa21_name,ward24_code,ward24_name,imd_score,imd_rank,imd_decile\n' +
        'E01000001,City of London 001A,E05009288,Aldersgate,12.345,28000,9\n',
    );
  });

  it('writes ward columns with the measure and the authority vintage', () => {
    const rows = [r1];
    expect(tableCsv(tableData('ward', 'income', 'extent', rows), rows, VINTAGES)).toBe(
      'ward24_code,ward24_name,lad23_code,lad23_name,income_extent,income_rank_of_extent,income_decile_of_wards\n' +
        'E05000010,Abbey,E09000024,Merton,40,1,1\n',
    );
  });

  it('writes authority columns without a parent', () => {
    const rows: TableRow[] = [
      { code: 'E06000001', name: 'Hartlepool', parentCode: '', parentName: '', ladCode: 'E06000001', value: 0.1234, rank: 12, decile: 1 },
    ];
    expect(tableCsv(tableData('lad', 'imd', 'proportionMostDeprived10', rows), rows, VINTAGES)).toBe(
      'lad23_code,lad23_name,imd_proportion_most_deprived_10pct,imd_rank_of_proportion_most_deprived_10pct,imd_decile_of_lads\n' +
        'E06000001,Hartlepool,0.1234,12,1\n',
    );
  });

  it('quotes a name with a comma and a quote, doubling the quote', () => {
    const rows: TableRow[] = [
      { code: 'E06000010', name: 'Kingston upon Hull, "City of"', parentCode: '', parentName: '', ladCode: 'E06000010', value: 41.2, rank: 4, decile: 1 },
    ];
    const csv = tableCsv(tableData('lad', 'imd', 'averageScore', rows), rows, VINTAGES);
    expect(csv.split('\n')[1]).toBe('E06000010,"Kingston upon Hull, ""City of""",41.2,4,1');
  });

  it('writes the rows given, in the order given (the filtered, sorted ones), not all of the data', () => {
    const data = tableData('ward', 'crime', 'averageRank', ROWS);
    const shown = filterAndSort(ROWS, 'E09000024', { column: 'rank', direction: 'desc' });
    const lines = tableCsv(data, shown, VINTAGES).trimEnd().split('\n');
    expect(lines[0]).toBe('ward24_code,ward24_name,lad23_code,lad23_name,crime_average_rank,crime_rank_of_average_rank,crime_decile_of_wards');
    expect(lines.slice(1)).toEqual(['E05000007,Castle,E09000024,Merton,25,3,2', 'E05000020,Beacon,E09000024,Merton,30,2,1', 'E05000010,Abbey,E09000024,Merton,40,1,1']);
  });

  it('writes just the header when no rows are shown', () => {
    expect(tableCsv(tableData('lad', 'health', 'averageScore'), [], VINTAGES)).toBe(
      'lad23_code,lad23_name,health_average_score,health_rank_of_average_score,health_decile_of_lads\n',
    );
  });
});

describe('tableFileName', () => {
  it('names the indicator, level, measure (not for LSOAs) and area', () => {
    expect(tableFileName(tableData('lsoa', 'imd', 'extent'), null)).toBe('imd-lsoa-england.csv');
    expect(tableFileName(tableData('lsoa', 'cyp', 'extent'), 'E06000001')).toBe('cyp-lsoa-E06000001.csv');
    expect(tableFileName(tableData('ward', 'income', 'extent'), 'E09000024')).toBe('income-ward-extent-E09000024.csv');
    expect(tableFileName(tableData('lad', 'health', 'averageRank'), null)).toBe('health-lad-averageRank-england.csv');
  });
});

// --- loadTableData with a fake client ----------------------------------------

function index<T extends object>(level: AreaIndex['level'], codes: string[], extra: T): AreaIndex & T {
  return { level, codes, indexOf: new Map(codes.map((code, i) => [code, i])), ...extra };
}

const LADS: GroupAreaIndex = index('lad', ['E06000001', 'E09000024'], {
  names: ['Hartlepool', 'Merton'],
  population: [1, 1],
  lsoaCount: [1, 3],
  label: [],
  bounds: [],
});
const WARDS: GroupAreaIndex = index('ward', ['E05000001', 'E05000002', 'E05000003'], {
  names: ['Ward A', 'Ward B', 'Ward C'],
  lad: [0, 1, 1],
  population: [1, 1, 2],
  lsoaCount: [1, 1, 2],
  label: [],
  bounds: [],
});
const LSOAS: AreaIndex = index('lsoa', ['E01000001', 'E01000002', 'E01000003', 'E01000004'], {});
const DETAILS: LsoaDetailIndex = { names: ['Hartlepool 001A', 'Merton 001A', 'Merton 002A', 'Merton 002B'], ward: [0, 1, 2, 2] };
const LSOA_IMD: LsoaColumn = { score: [50.1, 10.2, 30.3, 20.4], rank: [1, 4, 2, 3], decile: [1, 10, 5, 8] };

const measureRecord = (make: (measure: Measure) => number[]) =>
  Object.fromEntries((['averageScore', 'averageRank', 'proportionMostDeprived10', 'extent', 'localConcentration'] as const).map((m) => [m, make(m)])) as Record<Measure, number[]>;

const WARD_INCOME: GroupColumn = {
  values: measureRecord((m) => (m === 'extent' ? [0.5, 0.25, 0.125] : [0, 0, 0])),
  ranks: measureRecord((m) => (m === 'extent' ? [1, 3, 2] : [1, 2, 3])),
  // As the pipeline writes them: ⌈rank × 10 / 3⌉ (no ties).
  deciles: measureRecord((m) => (m === 'extent' ? [4, 10, 7] : [4, 7, 10])),
  official: [],
};
const LAD_INCOME: GroupColumn = {
  values: measureRecord((m) => (m === 'averageScore' ? [0.2, 0.1] : [0, 0])),
  ranks: measureRecord((m) => (m === 'averageScore' ? [1, 2] : [2, 1])),
  deciles: measureRecord((m) => (m === 'averageScore' ? [5, 10] : [10, 5])),
  official: ['averageScore'],
};

function fakeClient() {
  return fakeDataClient({
    areas: async (level) => (level === 'lsoa' ? LSOAS : level === 'ward' ? WARDS : LADS),
    groupAreas: async (level) => (level === 'ward' ? WARDS : LADS),
    lsoaDetails: async () => DETAILS,
    lsoaColumn: async () => LSOA_IMD,
    groupColumn: async (level) => (level === 'ward' ? WARD_INCOME : LAD_INCOME),
  });
}

describe('loadTableData', () => {
  it('builds LSOA rows with their ward as parent and the official deciles', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, 'lsoa', 'imd', 'extent');
    expect(calls).toContain('lsoaColumn imd');
    expect(data).toMatchObject({ level: 'lsoa', indicator: 'imd', measure: 'extent', total: 4 });
    expect(data.rows).toEqual([
      { code: 'E01000001', name: 'Hartlepool 001A', parentName: 'Ward A', parentCode: 'E05000001', ladCode: 'E06000001', value: 50.1, rank: 1, decile: 1 },
      { code: 'E01000002', name: 'Merton 001A', parentName: 'Ward B', parentCode: 'E05000002', ladCode: 'E09000024', value: 10.2, rank: 4, decile: 10 },
      { code: 'E01000003', name: 'Merton 002A', parentName: 'Ward C', parentCode: 'E05000003', ladCode: 'E09000024', value: 30.3, rank: 2, decile: 5 },
      { code: 'E01000004', name: 'Merton 002B', parentName: 'Ward C', parentCode: 'E05000003', ladCode: 'E09000024', value: 20.4, rank: 3, decile: 8 },
    ]);
  });

  it('builds ward rows of the chosen measure, with the authority as parent and the deciles of the column', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, 'ward', 'income', 'extent');
    expect(calls).toContain('groupColumn ward income');
    expect(data.total).toBe(3);
    // The deciles are the column's own (4, 10, 7), not worked out again here.
    expect(data.rows).toEqual([
      { code: 'E05000001', name: 'Ward A', parentName: 'Hartlepool', parentCode: 'E06000001', ladCode: 'E06000001', value: 0.5, rank: 1, decile: 4 },
      { code: 'E05000002', name: 'Ward B', parentName: 'Merton', parentCode: 'E09000024', ladCode: 'E09000024', value: 0.25, rank: 3, decile: 10 },
      { code: 'E05000003', name: 'Ward C', parentName: 'Merton', parentCode: 'E09000024', ladCode: 'E09000024', value: 0.125, rank: 2, decile: 7 },
    ]);
  });

  it('builds authority rows with no parent', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, 'lad', 'income', 'averageScore');
    expect(calls).toContain('groupColumn lad income');
    expect(data.rows).toEqual([
      { code: 'E06000001', name: 'Hartlepool', parentName: '', parentCode: '', ladCode: 'E06000001', value: 0.2, rank: 1, decile: 5 },
      { code: 'E09000024', name: 'Merton', parentName: '', parentCode: '', ladCode: 'E09000024', value: 0.1, rank: 2, decile: 10 },
    ]);
    expect(data.total).toBe(2);
  });

  it('gives rows that filter and export as the table shows them', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, 'ward', 'income', 'extent');
    const shown = filterAndSort(data.rows, 'E09000024', { column: 'value', direction: 'desc' });
    expect(tableCsv(data, shown, { lsoa: 2021, ward: 2024, lad: 2024 })).toBe(
      'ward24_code,ward24_name,lad24_code,lad24_name,income_extent,income_rank_of_extent,income_decile_of_wards\n' +
        'E05000002,Ward B,E09000024,Merton,0.25,3,10\n' +
        'E05000003,Ward C,E09000024,Merton,0.125,2,7\n',
    );
    expect(tableFileName(data, 'E09000024')).toBe('income-ward-extent-E09000024.csv');
  });
});
