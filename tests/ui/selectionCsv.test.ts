/**
 * The CSV of a set selection (src/ui/selection/selectionCsv.ts) on a small
 * fixture whose figures were worked out by hand (in the comments), and the
 * loader that gathers it from the data client (selectionData.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { selectionColumns, selectionCsv, selectionFileName, type SelectionCsvInput } from '../../src/ui/selection/selectionCsv.ts';
import { buildSelectionCsv } from '../../src/ui/selection/selectionData.ts';
import type { DataClient } from '../../src/data/client.ts';
import { encodeCodes } from '../../src/data/codes.ts';
import type { Manifest, SegregationUnits } from '../../src/data/schema.ts';

const ETHNIC = ['asian', 'black', 'mixed', 'white', 'other'];
const RELIGION = ['no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other'];
const LSOAS = ['E01000001', 'E01000002', 'E01000003'];
// Residents by group, per LSOA.
const ETHNIC_COUNTS = [
  [10, 0, 0, 90, 0],
  [50, 10, 0, 40, 0],
  [0, 0, 0, 50, 0],
];
const RELIGION_COUNTS = [
  [30, 60, 0, 0, 0, 5, 0, 0],
  [10, 20, 0, 0, 0, 60, 5, 0],
  [20, 30, 0, 0, 0, 0, 0, 0],
];

function input(codes: string[], name: string | null): SelectionCsvInput {
  return {
    name,
    codes,
    areas: {
      lsoa: { codes: LSOAS, names: ['Birmingham 001A', 'Birmingham 001B', 'Birmingham 002A'], ward: [0, 1, 1] },
      ward: { codes: ['E05000001', 'E05000002'], names: ['Aston', 'Lozells, East'], lad: [0, 0] },
      lad: { codes: ['E08000025'], names: ['Birmingham'] },
      vintages: { ward: 2024, lad: 2024 },
    },
    groupings: [
      { id: 'ethnicity', column: 'ethnic_group', groupIds: ETHNIC, codes: LSOAS, groups: 5, counts: ETHNIC_COUNTS.flat(), release: '2021', comparison: { id: 'white-rest', a: 3, b: null } },
      { id: 'religion', column: 'religion', groupIds: RELIGION, codes: LSOAS, groups: 8, counts: RELIGION_COUNTS.flat(), release: '2021', comparison: { id: 'muslim-rest', a: 5, b: null } },
    ],
  };
}

describe('selectionCsv', () => {
  it('writes the figures as # lines, then one row per LSOA with its codes, names and counts', () => {
    const text = selectionCsv(input(['E01000002', 'E01000001', 'E01099999'], 'Lozells; ring, north'));
    // Ethnicity, White against the rest over the two LSOAs: A = 130, B = 70.
    //   D = ½(|90/130 − 10/70| + |40/130 − 60/70|) = 50/91 = 0.5495
    //   isolation = (90/130)(90/100) + (40/130)(40/100) = 9700/13000 = 0.7462
    //   expected D: each LSOA's White count hypergeometric (N 200, K 130, n 100), Σ E|a/A − b/B| / 2 = 0.0589
    //   Theil's H over the five groups: E = −(0.3 ln 0.3 + 0.05 ln 0.05 + 0.65 ln 0.65), Σ tᵢ(E − Eᵢ)/(TE) = 0.1982
    // Religion, Muslim against the rest (answered): A = 65, B = 125.
    //   D = ½(|5/65 − 90/125| + |60/65 − 35/125|) = 0.6431; isolation (5/65)(5/95) + (60/65)(60/95) = 0.5870
    //   expected D (N 190, K 65, n 95) = 0.0614; H = 0.2123
    expect(text).toBe(
      [
        '# Cohesion Atlas selection: Lozells ring north',
        '# 2 LSOAs 2021. Counts: usual residents in Census 2021 (ONS). Ward codes of 2024 and authority codes of 2024.',
        '# Not in this build of the data and left out: E01099999',
        '# ethnicity white-rest census 2021 over LSOAs: units 2',
        '# ethnicity white-rest census 2021 over LSOAs: d 0.5495',
        '# ethnicity white-rest census 2021 over LSOAs: expected_d 0.0589',
        '# ethnicity white-rest census 2021 over LSOAs: isolation 0.7462',
        '# ethnicity all groups census 2021 over LSOAs: theil_h 0.1982 (units 2)',
        '# religion muslim-rest census 2021 over LSOAs: units 2',
        '# religion muslim-rest census 2021 over LSOAs: d 0.6431',
        '# religion muslim-rest census 2021 over LSOAs: expected_d 0.0614',
        '# religion muslim-rest census 2021 over LSOAs: isolation 0.587',
        '# religion all groups census 2021 over LSOAs: theil_h 0.2123 (units 2)',
        'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name,ethnic_group_asian_2021,ethnic_group_black_2021,ethnic_group_mixed_2021,ethnic_group_white_2021,ethnic_group_other_2021,religion_no_religion_2021,religion_christian_2021,religion_buddhist_2021,religion_hindu_2021,religion_jewish_2021,religion_muslim_2021,religion_sikh_2021,religion_other_2021',
        'E01000002,Birmingham 001B,E05000002,"Lozells, East",E08000025,Birmingham,50,10,0,40,0,10,20,0,0,0,60,5,0',
        'E01000001,Birmingham 001A,E05000001,Aston,E08000025,Birmingham,10,0,0,90,0,30,60,0,0,0,5,0,0',
        '',
      ].join('\n'),
    );
  });

  it('reads back as one table with a standard CSV reader told to skip # lines', () => {
    const text = selectionCsv(input(['E01000003', 'E01000001'], null));
    const rows = parse(text, { columns: true, comment: '#' }) as Record<string, string>[];
    expect(rows.map((row) => [row.lsoa_code, row.ward_name, row.ethnic_group_white_2021, row.religion_muslim_2021])).toEqual([
      ['E01000003', 'Lozells, East', '50', '0'],
      ['E01000001', 'Aston', '90', '5'],
    ]);
    expect(Object.keys(rows[0])).toEqual(selectionColumns(input([], null)));
    expect(text.startsWith('# Cohesion Atlas selection: unnamed\n')).toBe(true);
  });

  it('says "none" for a figure with no value (one group absent)', () => {
    const text = selectionCsv(input(['E01000003'], null));
    expect(text).toContain('# ethnicity white-rest census 2021 over LSOAs: d none');
    expect(text).toContain('# ethnicity white-rest census 2021 over LSOAs: units 1');
  });

  it('names the file after the selection', () => {
    expect(selectionFileName('Lozells ring')).toBe('lozells-ring.csv');
    expect(selectionFileName('Within 1 km of 52.4862, -1.8904')).toBe('within-1-km-of-52-4862-1-8904.csv');
    expect(selectionFileName('  Côte d’Ivoire / Ōsaka  ')).toBe('cote-d-ivoire-osaka.csv');
    expect(selectionFileName('***')).toBe('selection.csv');
    expect(selectionFileName(null)).toBe('selection.csv');
    expect(selectionFileName('x'.repeat(200))).toBe(`${'x'.repeat(60)}.csv`);
  });
});

describe('buildSelectionCsv', () => {
  const units = (grouping: string, groups: string[], counts: number[][]): SegregationUnits => ({
    grouping,
    release: '2021',
    scale: 'lsoa',
    vintage: 'LSOA 2021',
    groups,
    codes: encodeCodes(LSOAS),
    counts: counts.flat(),
    ward: [0, 1, 1],
    lad: [0, 0, 0],
    incomplete: { ward: [], lad: [] },
  });
  const files: Record<string, unknown> = {
    'segregation/ethnicity/2021/lsoa.json': units('ethnicity', ETHNIC, ETHNIC_COUNTS),
    'segregation/religion/2021/lsoa.json': units('religion', RELIGION, RELIGION_COUNTS),
  };
  const client = {
    areas: async () => ({ level: 'lsoa', codes: LSOAS, indexOf: new Map(LSOAS.map((c, i) => [c, i])) }),
    lsoaDetails: async () => ({ names: ['Birmingham 001A', 'Birmingham 001B', 'Birmingham 002A'], ward: [0, 1, 1] }),
    groupAreas: async (level: string) =>
      level === 'ward' ? { codes: ['E05000001', 'E05000002'], names: ['Aston', 'Lozells, East'], lad: [0, 0] } : { codes: ['E08000025'], names: ['Birmingham'] },
    file: async (path: string) => {
      if (!(path in files)) throw new Error(`no ${path}`);
      return files[path];
    },
  } as unknown as DataClient;
  const manifest = { vintages: { lsoa: 2021, ward: 2024, lad: 2024 }, layers: { segregation_ethnicity: {}, segregation_religion: {} } } as unknown as Manifest;

  it('gathers names and both groupings, with the comparison on the map for its grouping and the default for the other', async () => {
    const { layerById } = await import('../../src/config/catalogue/index.ts');
    const spec = { layer: layerById('segregation_ethnicity')!, comparison: { id: 'asian-white', a: 0, b: 3 } };
    const file = await buildSelectionCsv(client, manifest, ['E01000001', 'E01000002'], 'Lozells ring', spec);
    expect(file.fileName).toBe('lozells-ring.csv');
    expect(file.text).toContain('# ethnicity asian-white census 2021 over LSOAs: units 2');
    expect(file.text).toContain('# religion muslim-rest census 2021 over LSOAs: units 2');
    expect(file.text).toContain('E01000002,Birmingham 001B,E05000002,"Lozells, East",E08000025,Birmingham,50,10,0,40,0,10,20,0,0,0,60,5,0');
  });

  it('leaves out a grouping the build did not make', async () => {
    const only = { ...manifest, layers: { segregation_ethnicity: {} } } as unknown as Manifest;
    const file = await buildSelectionCsv(client, only, ['E01000001'], null, null);
    expect(file.fileName).toBe('selection.csv');
    expect(file.text).toContain('# ethnicity white-rest');
    expect(file.text).not.toContain('religion');
  });
});
