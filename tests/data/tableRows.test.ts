/**
 * The table view's rows: building them from the data files, filtering,
 * sorting, and the CSV of what the table shows.
 */
import { describe, expect, it } from 'vitest';
import type { AreaIndex, Classes, GroupAreaIndex, LsoaDetailIndex } from '../../src/data/client.ts';
import type { Manifest, ValueFile } from '../../src/data/schema.ts';
import { filterAndSort, loadTableData, tableCsv, tableFileName, type TableData, type TableRow } from '../../src/data/tableRows.ts';
import type { TableSort, UrlState } from '../../src/state/url.ts';
import { resolveView } from '../../src/state/viewSpec.ts';
import { fakeDataClient } from './fakeClient.ts';

const row = (code: string, name: string, parentName: string, ladCode: string, value: number | null, rank: number | null, cls: number): TableRow => ({
  code,
  name,
  parents: [{ level: 'lad', code: ladCode, name: parentName }],
  ladCode,
  value,
  rank,
  class: cls,
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


describe('filterAndSort: areas without a figure', () => {
  // r6 has no value, rank or class (an LSOA that is "not comparable" in 2019).
  const r6 = row('E05000030', 'Aardvark', 'Merton', 'E09000024', null, null, 0);
  const withMissing = [r6, ...ROWS];
  names.set(r6, 'r6');

  it.each(['value', 'rank', 'class'] as const)('puts them last when sorting by %s, in both directions', (column) => {
    expect(order(filterAndSort(withMissing, null, { column, direction: 'asc' })).at(-1)).toBe('r6');
    expect(order(filterAndSort(withMissing, null, { column, direction: 'desc' })).at(-1)).toBe('r6');
  });

  it('sorts them by name like any other row', () => {
    expect(order(filterAndSort(withMissing, null, { column: 'name', direction: 'asc' }))[0]).toBe('r6');
  });
});

// --- Specs, files and a fake client ------------------------------------------

// What the build made: the IMD at LSOAs in two releases, Income for wards, diversity for authorities.
const MANIFEST: Pick<Manifest, 'layers'> = {
  layers: {
    imd: { levels: { lsoa: { releases: ['2019', '2025'], measures: ['score'] } } },
    income: { levels: { ward: { releases: ['2025'], measures: ['extent', 'averageScore'] } } },
    ethnic_diversity: { levels: { lad: { releases: ['2021'], measures: ['simpson', 'asian'] } } },
  },
};

const specOf = (state: Partial<UrlState> & Pick<UrlState, 'layer' | 'level'>) =>
  resolveView({ measure: null, release: null, ...state }, MANIFEST).spec;

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

// IMD at LSOAs: row 0 is 2019 (E01000002 not comparable), row 1 is 2025.
const LSOA_IMD_VALUES: ValueFile = {
  releases: ['2019', '2025'],
  measures: {
    score: {
      value: [
        [40.5, null, 12.25, 8],
        [50.1, 10.2, 30.3, 20.4],
      ],
      rank: [
        [1, null, 2, 3],
        [1, 4, 2, 3],
      ],
    },
  },
};
const LSOA_IMD_CLASSES: Classes = { releases: ['2019', '2025'], classes: [Uint8Array.from([1, 0, 3, 6]), Uint8Array.from([1, 10, 5, 8])], breaks: [null, null] };

const WARD_INCOME_VALUES: ValueFile = {
  releases: ['2025'],
  measures: {
    extent: { value: [[0.5, 0.25, 0.125]], rank: [[1, 3, 2]], rankWithinLad: [[1, 2, 1]] },
    averageScore: { value: [[0.3, 0.2, 0.1]], rank: [[1, 2, 3]] },
  },
};
// The classes are the file's own (4, 10, 7), never worked out again from the ranks.
const WARD_INCOME_EXTENT_CLASSES: Classes = { releases: ['2025'], classes: [Uint8Array.from([4, 10, 7])], breaks: [null] };

const LAD_DIVERSITY_VALUES: ValueFile = {
  releases: ['2021'],
  measures: { simpson: { value: [[0.1234, 0.6543]], rank: [[2, 1]] }, asian: { value: [[0.02, 0.19]], rank: [[2, 1]] } },
};
const LAD_SIMPSON_CLASSES: Classes = { releases: ['2021'], classes: [Uint8Array.from([1, 5])], breaks: [[0, 0.2, 0.3, 0.4, 0.5, 0.8]] };

const VALUES: Record<string, ValueFile> = {
  'values/imd/lsoa.json': LSOA_IMD_VALUES,
  'values/income/ward.json': WARD_INCOME_VALUES,
  'values/ethnic_diversity/lad.json': LAD_DIVERSITY_VALUES,
};
const CLASSES: Record<string, Classes> = {
  'classes/imd/lsoa/score.json': LSOA_IMD_CLASSES,
  'classes/income/ward/extent.json': WARD_INCOME_EXTENT_CLASSES,
  'classes/ethnic_diversity/lad/simpson.json': LAD_SIMPSON_CLASSES,
};

function fakeClient() {
  return fakeDataClient({
    areas: async (level) => (level === 'lsoa' ? LSOAS : level === 'ward' ? WARDS : LADS),
    groupAreas: async (level) => (level === 'ward' ? WARDS : LADS),
    lsoaDetails: async () => DETAILS,
    values: async (path) => VALUES[path],
    classes: async (path) => CLASSES[path],
  });
}

describe('loadTableData', () => {
  it('builds LSOA rows of the newest release, with their ward and authority as parents', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'imd', level: 'lsoa' }));
    expect(calls).toContain('values values/imd/lsoa.json');
    expect(calls).toContain('classes classes/imd/lsoa/score.json');
    expect(data.total).toBe(4);
    expect(data.rows[0]).toEqual({
      code: 'E01000001',
      name: 'Hartlepool 001A',
      parents: [
        { level: 'ward', code: 'E05000001', name: 'Ward A' },
        { level: 'lad', code: 'E06000001', name: 'Hartlepool' },
      ],
      ladCode: 'E06000001',
      value: 50.1,
      rank: 1,
      class: 1,
    });
    expect(data.rows.map((r) => [r.code, r.value, r.rank, r.class])).toEqual([
      ['E01000001', 50.1, 1, 1],
      ['E01000002', 10.2, 4, 10],
      ['E01000003', 30.3, 2, 5],
      ['E01000004', 20.4, 3, 8],
    ]);
  });

  it('picks the row of the chosen release in both files; an area with none has null and class 0', async () => {
    const { client } = fakeClient();
    const spec = specOf({ layer: 'imd', level: 'lsoa', release: '2019' });
    expect(spec.releaseIndex).toBe(0);
    const data = await loadTableData(client, spec);
    expect(data.rows.map((r) => [r.code, r.value, r.rank, r.class])).toEqual([
      ['E01000001', 40.5, 1, 1],
      ['E01000002', null, null, 0],
      ['E01000003', 12.25, 2, 3],
      ['E01000004', 8, 3, 6],
    ]);
  });

  it('builds ward rows of the chosen measure, with the authority as parent and the classes of the file', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'income', level: 'ward', measure: 'extent' }));
    // A ward does not need the big LSOA files.
    expect(calls).not.toContain('lsoaDetails');
    expect(data.rows).toEqual([
      { code: 'E05000001', name: 'Ward A', parents: [{ level: 'lad', code: 'E06000001', name: 'Hartlepool' }], ladCode: 'E06000001', value: 0.5, rank: 1, class: 4 },
      { code: 'E05000002', name: 'Ward B', parents: [{ level: 'lad', code: 'E09000024', name: 'Merton' }], ladCode: 'E09000024', value: 0.25, rank: 3, class: 10 },
      { code: 'E05000003', name: 'Ward C', parents: [{ level: 'lad', code: 'E09000024', name: 'Merton' }], ladCode: 'E09000024', value: 0.125, rank: 2, class: 7 },
    ]);
  });

  it('builds authority rows with no parent, loading neither wards nor LSOAs', async () => {
    const { client, calls } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'ethnic_diversity', level: 'lad' }));
    expect(calls.filter((call) => call.startsWith('groupAreas') || call.startsWith('areas'))).toEqual(['groupAreas lad']);
    expect(data.rows).toEqual([
      { code: 'E06000001', name: 'Hartlepool', parents: [], ladCode: 'E06000001', value: 0.1234, rank: 2, class: 1 },
      { code: 'E09000024', name: 'Merton', parents: [], ladCode: 'E09000024', value: 0.6543, rank: 1, class: 5 },
    ]);
  });
});

// --- CSV -------------------------------------------------------------------

describe('tableCsv', () => {
  it('names LSOA columns as the whole-England downloads do, and the measure columns from the catalogue', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'imd', level: 'lsoa' }));
    expect(tableCsv(data, data.rows.slice(0, 1))).toBe(
      'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name,imd_score,imd_rank,imd_decile\n' +
        'E01000001,Hartlepool 001A,E05000001,Ward A,E06000001,Hartlepool,50.1,1,1\n',
    );
  });

  it('names an older release’s columns by the catalogue, and leaves an area without a figure blank', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'imd', level: 'lsoa', release: '2019' }));
    const lines = tableCsv(data, data.rows.slice(0, 2)).trimEnd().split('\n');
    expect(lines).toEqual([
      'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name,imd_2019_score,imd_2019_rank,imd_2019_decile',
      'E01000001,Hartlepool 001A,E05000001,Ward A,E06000001,Hartlepool,40.5,1,1',
      'E01000002,Merton 001A,E05000002,Ward B,E09000024,Merton,,,',
    ]);
  });

  it('writes the rows given, in the order given (the filtered, sorted ones), not all of the data', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'income', level: 'ward', measure: 'extent' }));
    const shown = filterAndSort(data.rows, 'E09000024', { column: 'value', direction: 'desc' });
    expect(tableCsv(data, shown)).toBe(
      'ward_code,ward_name,lad_code,lad_name,income_extent,income_rank_of_extent,income_decile_of_extent\n' +
        'E05000002,Ward B,E09000024,Merton,0.25,3,10\n' +
        'E05000003,Ward C,E09000024,Merton,0.125,2,7\n',
    );
  });

  it('writes authority columns without a parent, and a quintile column for a quantile layer', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'ethnic_diversity', level: 'lad' }));
    expect(tableCsv(data, data.rows)).toBe(
      'lad_code,lad_name,ethnic_diversity_2021,ethnic_diversity_2021_rank,ethnic_diversity_2021_quintile\n' +
        'E06000001,Hartlepool,0.1234,2,1\n' +
        'E09000024,Merton,0.6543,1,5\n',
    );
  });

  it('quotes a name with a comma and a quote, doubling the quote', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'ethnic_diversity', level: 'lad' }));
    const hull: TableRow = { ...data.rows[0], code: 'E06000010', name: 'Kingston upon Hull, "City of"' };
    expect(tableCsv(data, [hull]).split('\n')[1]).toBe('E06000010,"Kingston upon Hull, ""City of""",0.1234,2,1');
  });

  it('writes just the header when no rows are shown', async () => {
    const { client } = fakeClient();
    const data = await loadTableData(client, specOf({ layer: 'income', level: 'ward', measure: 'extent' }));
    expect(tableCsv(data, [])).toBe('ward_code,ward_name,lad_code,lad_name,income_extent,income_rank_of_extent,income_decile_of_extent\n');
  });
});

describe('tableFileName', () => {
  it('names the layer, release, level, measure and area', async () => {
    const { client } = fakeClient();
    const lsoa: TableData = await loadTableData(client, specOf({ layer: 'imd', level: 'lsoa', release: '2019' }));
    const ward: TableData = await loadTableData(client, specOf({ layer: 'income', level: 'ward', measure: 'extent' }));
    expect(tableFileName(lsoa, null)).toBe('imd-2019-lsoa-score-england.csv');
    expect(tableFileName(ward, 'E09000024')).toBe('income-2025-ward-extent-E09000024.csv');
  });
});
