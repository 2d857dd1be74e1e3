/**
 * The input parsers on good and broken inputs. Tables are built in memory
 * from the hand-typed fixture (tests/pipeline/fixtures.ts); row i of a table
 * is on line i + 2 of its file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { lsoaAuthorities, parseLookup } from '../../scripts/pipeline/lookup.ts';
import { parseIod } from '../../scripts/pipeline/adapters/iod2025.ts';
import { carryOnto2021, parseIod2019, parseLsoa11Lookup } from '../../scripts/pipeline/adapters/iod2019.ts';
import { diversityOfAreas, parseCensusEthnicity } from '../../scripts/pipeline/adapters/censusEthnicity.ts';
import { CENSUS2011_GROUPS, parseCensus2011 } from '../../scripts/pipeline/adapters/census2011.ts';
import { weightsFromCensus, weightsFromIod } from '../../scripts/pipeline/population.ts';
import { parseFile10 } from '../../scripts/pipeline/adapters/file10.ts';
import { boundsOf, labelPoint, lsoaTopology, readLsoaBoundaries, unionByArea } from '../../scripts/pipeline/boundaries.ts';
import { INDICATOR_IDS } from '../../src/config/indicators.ts';
import {
  boundaryCollection,
  CENSUS_GROUP_COLUMNS,
  censusTable,
  census2011Table,
  CENSUS2011_COLUMNS,
  dropColumn,
  iod2019Table,
  lsoa11LookupTable,
  duplicateRow,
  file10Rows,
  iodTable,
  lookupTable,
  removeRow,
  renameColumn,
  rowOf,
  setCell,
  tempDir,
  WELSH,
  type Table,
} from './fixtures.ts';
import { csvTable, expectInputError } from './helpers.ts';

const LOOKUP_FILE = 'lookups/lsoa21_ward24_lad24_england.csv';
const IOD_FILE = 'iod/iod2025_lsoa21.csv';
const CENSUS_FILE = 'census/census2021_ts021_lsoa.csv';
const FILE10_FILE = 'iod/iod2025_lad24_summaries.csv';
const BOUNDARY_FILE = 'boundaries/lsoa21_bgc_england.geojson';
const LOOKUP_NAME = 'the lookup (lsoa21_ward24_lad24_england.csv)';

/** The 12 LSOA codes in code order, typed out. */
const LSOA_CODES = [
  'E01000901', 'E01000902', 'E01000903', 'E01000904', 'E01000905', 'E01000906',
  'E01000907', 'E01000908', 'E01000909', 'E01000910', 'E01000911', 'E01000912',
];
const LSOA_SET = new Set(LSOA_CODES);
const LAD_CODES = ['E06000901', 'E09000901'];

const IMD_RANK = 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)';
const IMD_DECILE = 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)';

function edited(make: () => Table, edit: (table: Table) => void = () => {}): Table {
  const table = make();
  edit(table);
  return table;
}

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

describe('parseLookup', () => {
  // File order (line): L7 (2), L1 (3), L12 (4), L4 (5), L10 (6), Welsh (7), L2 (8),
  // L8 (9), L5 (10), L11 (11), L3 (12), L9 (13), L6 (14).
  const lookup = (edit?: (table: Table) => void) => {
    const table = edited(() => lookupTable(true), edit);
    return csvTable(LOOKUP_FILE, table.header, table.rows);
  };

  it('reads the geography, sorted by code, and skips and counts the Welsh row', () => {
    const g = parseLookup(lookup(), 12);
    expect(g.file).toBe(LOOKUP_FILE);
    expect(g.wardVintage).toBe(2024);
    expect(g.ladVintage).toBe(2024);
    expect(g.lsoa.codes).toEqual(LSOA_CODES);
    expect(g.lsoa.names).toEqual([
      'Alphaton 001A', 'Alphaton 001B', 'Alphaton 001C', 'Alphaton 002A', 'Alphaton 002B', 'Alphaton 003A',
      'Betaford 001A', 'Betaford 001B', 'Betaford 001C', 'Betaford 002A', 'Betaford 002B', 'Betaford 002C',
    ]);
    // L1–L3 ward 0, L4–L5 ward 1, L6 ward 2, L7–L9 ward 3, L10–L12 ward 4
    expect(Array.from(g.lsoa.ward)).toEqual([0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 4]);
    expect(g.ward.codes).toEqual(['E05000901', 'E05000902', 'E05000903', 'E05000904', 'E05000905']);
    expect(g.ward.names).toEqual(['Alphaton North', 'Alphaton South', 'Alphaton East', 'Castle, Vale & Marsh', 'Betaford Green']);
    expect(Array.from(g.ward.lad)).toEqual([0, 0, 0, 1, 1]);
    expect(g.lad).toEqual({ codes: LAD_CODES, names: ['Alphaton', 'Betaford'] });
    expect(g.skippedOutsideEngland).toEqual(['W01000901']);
    expect(Array.from(lsoaAuthorities(g))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('takes the vintage from the column names', () => {
    const g = parseLookup(
      lookup((t) => {
        renameColumn(t, 'WD24CD', 'WD23CD');
        renameColumn(t, 'WD24NM', 'WD23NM');
        renameColumn(t, 'LAD24CD', 'LAD22CD');
        renameColumn(t, 'LAD24NM', 'LAD22NM');
      }),
    );
    expect([g.wardVintage, g.ladVintage]).toEqual([2023, 2022]);
  });

  it('lists every missing column', () => {
    expectInputError(() => parseLookup(lookup((t) => (dropColumn(t, 'WD24NM'), dropColumn(t, 'LAD24NM')))), {
      file: LOOKUP_FILE,
      line: 1,
      message: ['missing columns "WD24NM", "LAD24NM"'],
    });
  });

  it('rejects a lookup keyed by LSOA 2011 codes', () => {
    expectInputError(() => parseLookup(lookup((t) => (renameColumn(t, 'LSOA21CD', 'LSOA11CD'), renameColumn(t, 'LSOA21NM', 'LSOA11NM')))), {
      file: LOOKUP_FILE,
      line: 1,
      message: ['missing columns "LSOA21CD", "LSOA21NM"'],
    });
  });

  it('rejects a lookup without a ward code column', () => {
    expectInputError(() => parseLookup(lookup((t) => dropColumn(t, 'WD24CD'))), {
      file: LOOKUP_FILE,
      line: 1,
      message: ['no ward code column (expected a name like WD24CD)'],
    });
  });

  it('rejects a malformed LSOA code, naming line and column', () => {
    // L1 is on line 3
    expectInputError(() => parseLookup(lookup((t) => setCell(t, 'E01000901', 'LSOA21CD', 'E0100001'))), {
      file: LOOKUP_FILE,
      line: 3,
      column: 'LSOA21CD',
      message: ['"E0100001" is not an English LSOA (E01) code'],
    });
  });

  it('rejects a malformed ward code and a county code as an authority', () => {
    // L2 is on line 8
    expectInputError(() => parseLookup(lookup((t) => setCell(t, 'E01000902', 'WD24CD', 'E0500090'))), {
      file: LOOKUP_FILE,
      line: 8,
      column: 'WD24CD',
      message: ['"E0500090" is not an English ward (E05) code'],
    });
    expectInputError(() => parseLookup(lookup((t) => setCell(t, 'E01000902', 'LAD24CD', 'E10000002'))), {
      file: LOOKUP_FILE,
      line: 8,
      column: 'LAD24CD',
      message: ['"E10000002" is not an English local authority (E06–E09) code'],
    });
  });

  it('rejects an LSOA that appears twice', () => {
    // the copy of L5 (line 10) is appended as line 15
    expectInputError(() => parseLookup(lookup((t) => duplicateRow(t, 'E01000905'))), {
      file: LOOKUP_FILE,
      line: 15,
      message: ['LSOA E01000905 appears twice (also on line 10)'],
    });
  });

  it('rejects a ward in two authorities', () => {
    // ward E05000901 is first seen with L1 on line 3 (in E06000901); L3 on line 12 puts it in E09000901
    expectInputError(
      () =>
        parseLookup(
          lookup((t) => {
            setCell(t, 'E01000903', 'LAD24CD', 'E09000901');
            setCell(t, 'E01000903', 'LAD24NM', 'Betaford');
          }),
        ),
      {
        file: LOOKUP_FILE,
        line: 12,
        message: ['ward E05000901 is in E09000901 here but in E06000901 on line 3', 'a ward must be in one authority'],
      },
    );
  });

  it('rejects an empty name', () => {
    expectInputError(() => parseLookup(lookup((t) => setCell(t, 'E01000905', 'LSOA21NM', ' '))), {
      file: LOOKUP_FILE,
      line: 10,
      column: 'LSOA21NM',
      message: ['the name is empty'],
    });
  });

  it('rejects a lookup with a different number of English LSOAs than expected (Welsh rows not counted)', () => {
    expectInputError(() => parseLookup(lookup(), 13), {
      file: LOOKUP_FILE,
      message: ['has 12 English LSOAs; expected 13'],
    });
    expectInputError(() => parseLookup(lookup((t) => removeRow(t, 'E01000912')), 12), {
      file: LOOKUP_FILE,
      message: ['has 11 English LSOAs; expected 12'],
    });
  });

  it('rejects a lookup with only Welsh rows', () => {
    expectInputError(() => parseLookup(lookup((t) => (t.rows = t.rows.filter((r) => r[0] === WELSH.lsoa)))), {
      file: LOOKUP_FILE,
      message: ['no English LSOAs'],
    });
  });
});

// ---------------------------------------------------------------------------
// File 7 (IoD 2025 LSOA file)
// ---------------------------------------------------------------------------

describe('parseIod', () => {
  // Rows in code order: LSOA Lk is on line k + 1.
  const iod = (edit?: (table: Table) => void, kind: 'official' | 'subset' = 'official') => {
    const table = edited(() => iodTable(kind), edit);
    return csvTable(IOD_FILE, table.header, table.rows);
  };
  const parse = (edit?: (table: Table) => void, kind: 'official' | 'subset' = 'official') =>
    parseIod(iod(edit, kind), LSOA_SET, LOOKUP_NAME);

  it('reads all 14 indicators of the official File 7, by the official column names', () => {
    const result = parse();
    expect(result.file).toBe(IOD_FILE);
    expect(result.codes).toEqual(LSOA_CODES);
    expect(Object.keys(result.indicators).sort()).toEqual([...INDICATOR_IDS].sort());
    // L5 (index 4): pattern A rank 9 → IMD score 60 − 4·9 = 24, decile ⌈90/12⌉ = ⌈7.5⌉ = 8
    expect(result.indicators.imd.score[4]).toBe(24);
    expect(result.indicators.imd.rank[4]).toBe(9);
    expect(result.indicators.imd.decile[4]).toBe(8);
    // L5, Income (rate) pattern B rank 13 − 9 = 4 → 0.5 − 0.03·4 = 0.38, decile ⌈40/12⌉ = 4
    expect(result.indicators.income.score[4]).toBeCloseTo(0.38, 12);
    expect(result.indicators.income.rank[4]).toBe(4);
    expect(result.indicators.income.decile[4]).toBe(4);
    // L1, "Education, Skills and Training" (a header with a comma) pattern B rank 12 → 50 − 24 = 26, decile 10
    expect([result.indicators.education.score[0], result.indicators.education.rank[0], result.indicators.education.decile[0]]).toEqual([26, 12, 10]);
    // L1, Children and Young People (truncated decile header) pattern A rank 1 → 3 − 0.2 = 2.8, decile 1
    expect(result.indicators.cyp.score[0]).toBeCloseTo(2.8, 12);
    expect(result.indicators.cyp.decile[0]).toBe(1);
    // L12, Health pattern A rank 12 → 2 − 3.6 = −1.6 (negative scores are fine)
    expect(result.indicators.health.score[11]).toBeCloseTo(-1.6, 12);
    expect(result.population?.column).toBe('Total population: mid 2022');
    expect(result.population?.year).toBe(2022);
    expect(Array.from(result.population!.values)).toEqual([600, 1800, 1600, 1500, 2000, 2500, 1000, 1200, 1500, 1800, 2000, 500]);
  });

  it('reads the 43-column subset without a population', () => {
    const result = parse(undefined, 'subset');
    expect(result.population).toBeUndefined();
    expect(result.indicators.outdoors.rank[11]).toBe(1); // L12, pattern B: 13 − 12 = 1
  });

  it('rejects an IoD 2019-style file keyed by "LSOA code (2011)"', () => {
    expectInputError(() => parse((t) => renameColumn(t, 'LSOA code (2021)', 'LSOA code (2011)')), {
      file: IOD_FILE,
      line: 1,
      message: ['the LSOA codes are 2011 codes ("LSOA code (2011)")', 'IoD 2025 uses LSOA 2021 codes'],
    });
  });

  it('rejects a file without the code column', () => {
    expectInputError(() => parse((t) => renameColumn(t, 'LSOA code (2021)', 'LSOA code')), {
      file: IOD_FILE,
      line: 1,
      message: ['missing column "LSOA code (2021)"'],
    });
  });

  it('rejects a missing indicator column', () => {
    expectInputError(() => parse((t) => dropColumn(t, 'Crime Score')), {
      file: IOD_FILE,
      line: 1,
      message: ['missing a column starting "Crime Score"'],
    });
  });

  it('rejects a malformed code', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000903', 'LSOA code (2021)', 'E0100001')), {
      file: IOD_FILE,
      line: 4,
      column: 'LSOA code (2021)',
      message: ['"E0100001" is not an LSOA code (expected E01 and six digits)'],
    });
  });

  it('rejects a Welsh LSOA', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000912', 'LSOA code (2021)', 'W01000901')), {
      file: IOD_FILE,
      line: 13,
      column: 'LSOA code (2021)',
      message: ['W01000901 is not an English LSOA; the IoD 2025 covers England only'],
    });
  });

  it('rejects a duplicate LSOA', () => {
    // the copy of L5 (line 6) is appended as line 14
    expectInputError(() => parse((t) => duplicateRow(t, 'E01000905')), {
      file: IOD_FILE,
      line: 14,
      column: 'LSOA code (2021)',
      message: ['LSOA E01000905 appears twice (also on line 6)'],
    });
  });

  it('rejects a file with one LSOA fewer than the lookup, naming the missing one', () => {
    expectInputError(() => parse((t) => removeRow(t, 'E01000912')), {
      file: IOD_FILE,
      message: [`has 11 LSOA rows but ${LOOKUP_NAME} has 12; missing E01000912`],
    });
  });

  it('rejects codes that are not in the lookup (e.g. LSOA 2011 codes)', () => {
    const error = expectInputError(() => parse((t) => setCell(t, 'E01000912', 'LSOA code (2021)', 'E01000999')), {
      file: IOD_FILE,
      line: 13,
      message: [`1 code is not an LSOA 2021 code of ${LOOKUP_NAME}: E01000999`],
    });
    expect(error.hint).toContain('LSOA 2011');
  });

  it('rejects a decile inconsistent with its rank', () => {
    // L1 has IMD rank 1, whose decile is ⌈10/12⌉ = 1
    expectInputError(() => parse((t) => setCell(t, 'E01000901', IMD_DECILE, '2')), {
      file: IOD_FILE,
      line: 2,
      column: IMD_DECILE,
      message: ['decile 2 does not match rank 1 of 12 LSOAs (expected 1)'],
    });
  });

  it('rejects ranks outside 1..N and ranks that are not whole', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000912', IMD_RANK, '13')), {
      file: IOD_FILE,
      line: 13,
      column: IMD_RANK,
      message: ['13 is outside the allowed range 1…12'],
    });
    expectInputError(() => parse((t) => setCell(t, 'E01000901', IMD_RANK, '0')), {
      file: IOD_FILE,
      line: 2,
      column: IMD_RANK,
      message: ['0 is outside the allowed range 1…12'],
    });
    expectInputError(() => parse((t) => setCell(t, 'E01000902', IMD_RANK, '4.5')), {
      file: IOD_FILE,
      line: 3,
      column: IMD_RANK,
      message: ['"4.5" is not a whole number'],
    });
  });

  it('rejects a score that is not a number', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000902', 'Crime Score', '')), {
      file: IOD_FILE,
      line: 3,
      column: 'Crime Score',
      message: ['"" is not a number'],
    });
  });

  it('rejects a population below 1', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000904', 'Total population: mid 2022', '0')), {
      file: IOD_FILE,
      line: 5,
      column: 'Total population: mid 2022',
      message: ['0 is outside the allowed range 1…∞'],
    });
  });
});

// ---------------------------------------------------------------------------
// Population weights
// ---------------------------------------------------------------------------

describe('weightsFromIod', () => {
  it('takes File 7’s population in the order of the lookup, whatever the file order', () => {
    const table = iodTable('official');
    table.rows.reverse();
    const iod = parseIod(csvTable(IOD_FILE, table.header, table.rows), LSOA_SET, LOOKUP_NAME);
    const weights = weightsFromIod(iod, LSOA_CODES)!;
    expect(weights.kind).toBe('mid-year-estimate');
    expect(weights.column).toBe('Total population: mid 2022');
    expect(weights.file).toBe(IOD_FILE);
    expect(weights.description).toContain('mid-2022');
    expect(Array.from(weights.values)).toEqual([600, 1800, 1600, 1500, 2000, 2500, 1000, 1200, 1500, 1800, 2000, 500]);
  });

  it('gives nothing for a File 7 without population', () => {
    const table = iodTable('subset');
    expect(weightsFromIod(parseIod(csvTable(IOD_FILE, table.header, table.rows), LSOA_SET, LOOKUP_NAME), LSOA_CODES)).toBeUndefined();
  });
});

describe('parseCensusEthnicity and weightsFromCensus', () => {
  // LSOA Lk on line k + 1; the Welsh row is last, on line 14.
  const census = (edit?: (table: Table) => void) => {
    const table = edited(() => censusTable(true), edit);
    return csvTable(CENSUS_FILE, table.header, table.rows);
  };
  const parse = (edit?: (table: Table) => void) => parseCensusEthnicity(census(edit), LSOA_CODES, LOOKUP_NAME);
  const TOTAL = 'Ethnic group: Total: All usual residents';
  const [ASIAN, , , WHITE] = CENSUS_GROUP_COLUMNS;

  it('takes the counts in lookup order and skips and counts the Welsh row; the total weights the summaries', () => {
    const parsed = parse((t) => t.rows.reverse());
    expect(parsed.skippedOutsideEngland).toEqual([WELSH.lsoa]);
    expect(Array.from(parsed.totals)).toEqual([650, 1700, 1610, 1400, 2100, 2450, 1200, 1150, 1480, 1900, 2020, 480]);
    // L4: Asian 700, Black 200, Mixed 100, White 350, Other 50 (fixtures.ts)
    expect(parsed.counts.map((c) => c[3])).toEqual([700, 200, 100, 350, 50]);
    const weights = weightsFromCensus(parsed);
    expect(weights.kind).toBe('census-2021');
    expect(weights.column).toBe(TOTAL);
    expect(weights.file).toBe(CENSUS_FILE);
    expect(weights.description).toContain('Census 2021');
    expect(Array.from(weights.values)).toEqual([650, 1700, 1610, 1400, 2100, 2450, 1200, 1150, 1480, 1900, 2020, 480]);
  });

  it('sums the counts of a ward’s LSOAs before working out its diversity', () => {
    // Ward W2 = L4 + L5: Asian 700 + 210 = 910, Black 200 + 420 = 620, Mixed 100 + 105 = 205,
    // White 350 + 1260 = 1610, Other 50 + 105 = 155; total 1400 + 2100 = 3500.
    // Σ nᵢ² = 828100 + 384400 + 42025 + 2592100 + 24025 = 3870650; N² = 12250000
    // Simpson = 1 − 3870650 / 12250000 = 1 − 0.31597142… = 0.68402857…
    const wards = diversityOfAreas(parse(), [0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 4], 5);
    expect(wards.simpson[1]).toBeCloseTo(1 - 3870650 / 12250000, 12);
    expect(wards.asian[1]).toBeCloseTo(910 / 3500, 12);
    // W3 = L6 alone, all White: 0
    expect(wards.simpson[2]).toBe(0);
    expect(wards.white[2]).toBe(1);
  });

  it('lists every missing column', () => {
    expectInputError(() => parse((t) => (renameColumn(t, 'geography code', 'geography'), dropColumn(t, TOTAL), dropColumn(t, ASIAN))), {
      file: CENSUS_FILE,
      line: 1,
      message: [`missing columns "geography code", "${TOTAL}", "${ASIAN}"`],
    });
  });

  it('rejects groups that do not add up to the total, naming line and column', () => {
    // L3 (line 4): White 1550 → 1551, so the groups add up to 1611, not 1610
    expectInputError(() => parse((t) => setCell(t, 'E01000903', WHITE, '1551')), {
      file: CENSUS_FILE,
      line: 4,
      column: TOTAL,
      message: ['the five groups add up to 1611, not to the total 1610'],
    });
  });

  it('rejects negative and fractional counts', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000902', ASIAN, '-3')), {
      file: CENSUS_FILE,
      line: 3,
      column: ASIAN,
      message: ['-3 is outside the allowed range 0…∞'],
    });
    expectInputError(() => parse((t) => setCell(t, 'E01000902', ASIAN, '299.5')), {
      file: CENSUS_FILE,
      line: 3,
      column: ASIAN,
      message: ['"299.5" is not a whole number'],
    });
  });

  it('rejects a code that is not an LSOA (an MSOA file)', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000903', 'geography code', 'E02000901')), {
      file: CENSUS_FILE,
      line: 4,
      column: 'geography code',
      message: ['"E02000901" is not an LSOA code'],
    });
  });

  it('rejects a duplicate LSOA', () => {
    // appended after the Welsh row (line 14): line 15
    expectInputError(() => parse((t) => duplicateRow(t, 'E01000902')), {
      file: CENSUS_FILE,
      line: 15,
      column: 'geography code',
      message: ['LSOA E01000902 appears twice'],
    });
  });

  it('rejects a file with an LSOA missing', () => {
    expectInputError(() => parse((t) => removeRow(t, 'E01000907')), {
      file: CENSUS_FILE,
      message: [`has 11 LSOA rows but ${LOOKUP_NAME} has 12; missing E01000907`],
    });
  });

  it('names the true line of a code not in the lookup, after a skipped Welsh row', () => {
    // Welsh row first (line 2), then L1 … L12 on lines 3 … 14; L5 (line 7) replaced by a stray code
    const edit = (t: Table) => {
      const welsh = rowOf(t, WELSH.lsoa);
      t.rows = [welsh, ...t.rows.filter((r) => r !== welsh)];
      setCell(t, 'E01000905', 'geography code', 'E01000999');
    };
    expectInputError(() => parse(edit), {
      file: CENSUS_FILE,
      line: 7,
      message: ['1 code is not an LSOA 2021 code of', 'E01000999'],
    });
  });

  it('rejects totals that are not whole or not positive', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000902', TOTAL, '1700.5')), {
      file: CENSUS_FILE,
      line: 3,
      column: TOTAL,
      message: ['"1700.5" is not a whole number'],
    });
    expectInputError(() => parse((t) => setCell(t, 'E01000902', TOTAL, '0')), {
      file: CENSUS_FILE,
      line: 3,
      column: TOTAL,
      message: ['0 is outside the allowed range 1…∞'],
    });
  });
});

// ---------------------------------------------------------------------------
// IoD 2019 and the LSOA 2011 → 2021 lookup
// ---------------------------------------------------------------------------

const LSOA11_FILE = 'lookups/lsoa11_lsoa21_lad22_england.csv';
const IOD2019_FILE = 'iod/imd2019_lsoa11.csv';

describe('parseLsoa11Lookup', () => {
  // Rows (line): L1 … L9 U (2 … 10), E01000990 → L10 S (11), → L11 S (12), E01000991 → L12 M (13), E01000992 → L12 M (14)
  const table = (edit?: (t: Table) => void) => {
    const t = edited(lsoa11LookupTable, edit);
    return csvTable(LSOA11_FILE, t.header, t.rows);
  };
  const parse = (edit?: (t: Table) => void) => parseLsoa11Lookup(table(edit), LSOA_SET, LOOKUP_NAME, 12);

  it('marks L1 … L9 unchanged, L10 and L11 split, L12 merged', () => {
    const lookup = parse();
    expect(LSOA_CODES.map((code) => lookup.change.get(code))).toEqual(['U', 'U', 'U', 'U', 'U', 'U', 'U', 'U', 'U', 'S', 'S', 'M']);
    expect(lookup.lsoa11.size).toBe(12);
    expect(lookup.lsoa11.has('E01000990')).toBe(true);
    // and by LSOA 2011: what each became (read by Census 2011 to place LSOAs 2011 in wards and authorities)
    expect(lookup.children.get('E01000990')).toEqual(['E01000910', 'E01000911']);
    expect(lookup.children.get('E01000992')).toEqual(['E01000912']);
    expect(['E01000901', 'E01000990', 'E01000991'].map((code) => lookup.change11.get(code))).toEqual(['U', 'S', 'M']);
  });

  it('rejects a change indicator that is not U, S, M or X', () => {
    expectInputError(() => parse((t) => (t.rows[3][4] = 'C')), {
      file: LSOA11_FILE,
      line: 5,
      column: 'CHGIND',
      message: ['"C" is not a change indicator'],
    });
  });

  it('rejects a U row whose codes differ, and a U code that appears again', () => {
    expectInputError(() => parse((t) => (t.rows[9][4] = 'U')), {
      file: LSOA11_FILE,
      line: 11,
      column: 'CHGIND',
      message: ['marked U (unchanged) but the codes differ: E01000990 (2011) → E01000910 (2021)'],
    });
    // L9 (line 10) also made the 2011 source of L12
    expectInputError(() => parse((t) => t.rows.push(['E01000909', 'Betaford 001C', 'E01000912', 'Betaford 002C', 'M', 'E09000901', 'Betaford'])), {
      file: LSOA11_FILE,
      line: 10,
      column: 'CHGIND',
      message: ['E01000909 is marked U (unchanged) but also appears on line 15'],
    });
  });

  it('rejects a missing column, an LSOA 2021 that is not in the lookup, and one missing', () => {
    expectInputError(() => parse((t) => dropColumn(t, 'CHGIND')), { file: LSOA11_FILE, line: 1, message: ['missing column "CHGIND"'] });
    expectInputError(() => parse((t) => (t.rows[12][2] = 'E01000999')), {
      file: LSOA11_FILE,
      line: 14,
      column: 'LSOA21CD',
      message: [`1 LSOA 2021 code is not in ${LOOKUP_NAME}: E01000999`],
    });
    expectInputError(() => parse((t) => t.rows.splice(8, 1)), {
      file: LSOA11_FILE,
      message: [`has no row for 1 LSOA 2021 of ${LOOKUP_NAME}: E01000909`],
    });
  });

  it('rejects a lookup with another number of LSOAs 2011 than expected', () => {
    expectInputError(() => parseLsoa11Lookup(table(), LSOA_SET, LOOKUP_NAME, 13), {
      file: LSOA11_FILE,
      message: ['has 12 English LSOAs 2011; expected 13'],
    });
  });
});

describe('parseCensus2011', () => {
  const CENSUS2011_FILE = 'census/census2011_ethnic_group_14cat_lsoa11_england.csv';
  const lookup = parseLsoa11Lookup(csvTable(LSOA11_FILE, lsoa11LookupTable().header, lsoa11LookupTable().rows), LSOA_SET, LOOKUP_NAME, 12);
  const parse = (edit?: (t: Table) => void) => {
    const t = edited(census2011Table, edit);
    return parseCensus2011(csvTable(CENSUS2011_FILE, t.header, t.rows), lookup, LSOA_SET);
  };

  it('maps each of the 15 columns to one of the five broad groups of 2021, and every group is used', () => {
    expect(CENSUS2011_GROUPS.map((g) => g.column).sort()).toEqual([...CENSUS2011_COLUMNS].sort());
    expect(new Set(CENSUS2011_GROUPS.map((g) => g.group))).toEqual(new Set(['asian', 'black', 'mixed', 'white', 'other']));
    expect(CENSUS2011_GROUPS.filter((g) => g.group === 'white').map((g) => g.column)).toEqual(['WhiteBrit', 'Irish', 'GypsyTraveller_derived', 'OtherWhite']);
    expect(CENSUS2011_GROUPS.filter((g) => g.group === 'other').map((g) => g.column)).toEqual(['Arab', 'Other']);
  });

  it('sums the columns into the broad groups (Asian, Black, Mixed, White, Other)', () => {
    const census = parse();
    expect(census.codes).toHaveLength(12);
    // E01000990: Asian 200 + 300 + 50 + 20 + 30 = 600, Black 100 + 40 + 10 = 150, Mixed 60, White 1500 + 30 + 100 + 4 = 1634, Other 20 + 16 = 36
    const i = census.codes.indexOf('E01000990');
    expect(census.counts.map((c) => c[i])).toEqual([600, 150, 60, 1634, 36]);
    expect(census.totals[i]).toBe(2480);
  });

  it('rejects a file missing an LSOA 2011, and a Census 2021 file given in its place', () => {
    expectInputError(() => parse((t) => removeRow(t, 'E01000992')), {
      file: CENSUS2011_FILE,
      message: ['has 11 LSOA rows but the 2011 → 2021 lookup', 'missing E01000992'],
    });
    expectInputError(() => parse((t) => renameColumn(t, 'LSOA11CD', 'geography code')), {
      file: CENSUS2011_FILE,
      line: 1,
      message: ['Census 2011 was published on LSOA 2011 codes'],
    });
  });

  it('rejects a count that is not a whole number', () => {
    expectInputError(() => parse((t) => setCell(t, 'E01000902', 'Mixed', '22.5')), {
      file: CENSUS2011_FILE,
      line: 3,
      column: 'Mixed',
      message: ['"22.5" is not a whole number'],
    });
  });
});

describe('parseIod2019 and carryOnto2021', () => {
  const lookup = () => parseLsoa11Lookup(csvTable(LSOA11_FILE, lsoa11LookupTable().header, lsoa11LookupTable().rows), LSOA_SET, LOOKUP_NAME, 12);
  // Rows: L1 … L9 on lines 2 … 10, E01000990, E01000991, E01000992 on lines 11 … 13
  const parse = (edit?: (t: Table) => void) => {
    const t = edited(iod2019Table, edit);
    return parseIod2019(csvTable(IOD2019_FILE, t.header, t.rows), lookup(), LSOA_SET);
  };

  it('carries the 2019 rank and decile onto unchanged LSOAs only', () => {
    const table = parse();
    expect(table.hasScores).toBe(false);
    const imd = carryOnto2021(table, lookup(), LSOA_CODES, 'imd');
    // fixtures.ts: IMD 2019 ranks of L1 … L9: 2 5 1 7 3 12 4 9 6 → deciles 2 5 1 6 3 10 4 8 5; L10–L12 changed: none
    expect(Array.from(imd.rank)).toEqual([2, 5, 1, 7, 3, 12, 4, 9, 6, 0, 0, 0]);
    expect(Array.from(imd.decile)).toEqual([2, 5, 1, 6, 3, 10, 4, 8, 5, 0, 0, 0]);
    expect(Array.from(imd.score).every(Number.isNaN)).toBe(true);
  });

  it('rejects a file with LSOA 2021 codes, by its header and by its codes', () => {
    expectInputError(() => parse((t) => renameColumn(t, 'lsoa11_code', 'LSOA code (2021)')), {
      file: IOD2019_FILE,
      line: 1,
      message: ['has LSOA 2021 codes, but the IoD 2019 was published on LSOA 2011 codes'],
    });
    // E01000990 (line 11) recoded to its 2021 successor E01000910
    expectInputError(() => parse((t) => setCell(t, 'E01000990', 'lsoa11_code', 'E01000910')), {
      file: IOD2019_FILE,
      line: 11,
      column: 'lsoa11_code',
      message: ['E01000910 is not an LSOA 2011 code of the 2011 → 2021 lookup', 'it is an LSOA 2021 code'],
    });
  });

  it('rejects a missing column, a duplicate, a missing LSOA and a decile inconsistent with its rank', () => {
    expectInputError(() => parse((t) => dropColumn(t, 'Crime_rank')), { file: IOD2019_FILE, line: 1, message: ['missing column "Crime_rank"'] });
    expectInputError(() => parse((t) => duplicateRow(t, 'E01000903')), {
      file: IOD2019_FILE,
      line: 14,
      column: 'lsoa11_code',
      message: ['LSOA E01000903 appears twice (also on line 4)'],
    });
    expectInputError(() => parse((t) => removeRow(t, 'E01000992')), {
      file: IOD2019_FILE,
      message: ['has 11 LSOA rows but the 2011 → 2021 lookup', 'missing E01000992'],
    });
    // L1 (line 2): IMD rank 2 → decile 2, not 3
    expectInputError(() => parse((t) => setCell(t, 'E01000901', 'IMD_decile', '3')), {
      file: IOD2019_FILE,
      line: 2,
      column: 'IMD_decile',
      message: ['decile 3 does not match rank 2 of 12 LSOAs (expected 2)'],
    });
  });
});

// ---------------------------------------------------------------------------
// File 10
// ---------------------------------------------------------------------------

describe('parseFile10', () => {
  // Authority A on line 2, B on line 3.
  const file10 = (edit?: (table: Table) => void) => {
    const table = edited(file10Rows, edit);
    return csvTable(FILE10_FILE, table.header, table.rows);
  };
  const parse = (edit?: (table: Table) => void) => parseFile10(file10(edit), LAD_CODES, LOOKUP_NAME, 12);

  it('reads each published measure of the IMD and the seven domains, aligned to the lookup', () => {
    const result = parseFile10(file10((t) => t.rows.reverse()), LAD_CODES, LOOKUP_NAME, 12);
    expect(result.codes).toEqual(LAD_CODES);
    const imd = result.measures.imd!;
    expect(Array.from(imd.averageScore!.values)).toEqual([33.64, 30.05]);
    expect(Array.from(imd.averageScore!.ranks)).toEqual([1, 2]);
    expect(imd.averageScore!.text).toEqual(['33.640', '30.050']);
    expect(Array.from(imd.extent!.values)).toEqual([0.1599, 0.0359]);
    expect(Array.from(imd.localConcentration!.values)).toEqual([11.6, 10]);
    const income = result.measures.income!;
    expect(Array.from(income.averageRank!.ranks)).toEqual([2, 1]);
    expect(income.proportionMostDeprived10!.text).toEqual(['0', '0.1667']);
    // Extent and local concentration are published for the IMD only; sub-domains not at all.
    expect(income.extent).toBeUndefined();
    expect(income.localConcentration).toBeUndefined();
    expect(result.measures.cyp).toBeUndefined();
    expect(Object.keys(result.measures).sort()).toEqual(['barriers', 'crime', 'education', 'employment', 'health', 'imd', 'income', 'living']);
    expect(Array.from(result.measures.health!.averageScore!.values)).toEqual([0.023, -0.246]);
  });

  it('accepts other vintages of the code column name', () => {
    expect(parse((t) => renameColumn(t, 'ltla24_code', 'lad24_code')).codes).toEqual(LAD_CODES);
  });

  it('rejects a file without an authority code column', () => {
    expectInputError(() => parse((t) => renameColumn(t, 'ltla24_code', 'code')), {
      file: FILE10_FILE,
      line: 1,
      message: ['no authority code column (expected ltla24_code)'],
    });
  });

  it('rejects a file with an authority missing', () => {
    expectInputError(() => parse((t) => removeRow(t, 'E09000901')), {
      file: FILE10_FILE,
      message: [`has 1 authority but ${LOOKUP_NAME} has 2; missing E09000901`],
    });
  });

  it('rejects an authority that is not in the lookup (another vintage)', () => {
    const error = expectInputError(() => parse((t) => setCell(t, 'E09000901', 'ltla24_code', 'E07000999')), {
      file: FILE10_FILE,
      line: 3,
      column: 'ltla24_code',
      message: [`authority E07000999 is not in ${LOOKUP_NAME}`],
    });
    expect(error.hint).toContain('same vintage');
  });

  it('rejects a code that is not an authority code', () => {
    expectInputError(() => parse((t) => setCell(t, 'E09000901', 'ltla24_code', 'E10000002')), {
      file: FILE10_FILE,
      line: 3,
      column: 'ltla24_code',
      message: ['"E10000002" is not an English local authority code'],
    });
  });

  it('rejects an authority that appears twice', () => {
    expectInputError(() => parse((t) => duplicateRow(t, 'E06000901')), {
      file: FILE10_FILE,
      line: 4,
      column: 'ltla24_code',
      message: ['authority E06000901 appears twice (also on line 2)'],
    });
  });

  it('rejects a missing measure column', () => {
    expectInputError(() => parse((t) => dropColumn(t, 'imd25_local_concentration')), {
      file: FILE10_FILE,
      line: 1,
      message: ['missing column "imd25_local_concentration"'],
    });
  });

  it('rejects values and ranks out of range', () => {
    const proportion = 'imd_proportion_of_lso_as_in_most_deprived_10_percent_nationally';
    expectInputError(() => parse((t) => setCell(t, 'E06000901', proportion, '1.5')), {
      file: FILE10_FILE,
      line: 2,
      column: proportion,
      message: ['1.5 is outside the allowed range 0…1'],
    });
    // average rank is at most the number of LSOAs, 12
    expectInputError(() => parse((t) => setCell(t, 'E06000901', 'imd_average_rank', '12.5')), {
      file: FILE10_FILE,
      line: 2,
      column: 'imd_average_rank',
      message: ['12.5 is outside the allowed range 1…12'],
    });
    // ranks of authorities are 1..2
    expectInputError(() => parse((t) => setCell(t, 'E09000901', 'imd_rank_of_average_score', '3')), {
      file: FILE10_FILE,
      line: 3,
      column: 'imd_rank_of_average_score',
      message: ['3 is outside the allowed range 1…2'],
    });
  });
});

// ---------------------------------------------------------------------------
// Boundaries
// ---------------------------------------------------------------------------

describe('readLsoaBoundaries', () => {
  let dir: string;
  let counter = 0;
  beforeAll(() => {
    dir = tempDir('iod-boundaries-');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a collection (or any text) and reads it back with the parser. */
  function read(content: FeatureCollection | string, options: { gzip?: boolean; codes?: readonly string[] } = {}) {
    counter += 1;
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    const path = join(dir, `b${counter}.geojson${options.gzip ? '.gz' : ''}`);
    writeFileSync(path, options.gzip ? gzipSync(text) : text);
    return readLsoaBoundaries(path, BOUNDARY_FILE, options.codes ?? LSOA_CODES, LOOKUP_NAME);
  }
  const collection = (edit?: (fc: FeatureCollection) => void) => {
    const fc = boundaryCollection(true);
    edit?.(fc);
    return fc;
  };
  const feature = (fc: FeatureCollection, code: string) => fc.features.find((f) => f.properties!.LSOA21CD === code)!;

  it('reads WGS84 polygons in lookup order and skips and counts the Welsh feature', () => {
    const result = read(collection((fc) => fc.features.reverse()));
    expect(result.file).toBe(BOUNDARY_FILE);
    expect(result.reprojected).toBe(false);
    expect(result.skippedOutsideEngland).toEqual(['W01000901']);
    expect(result.geometries).toHaveLength(12);
    // L1 is the square west −1.95 … −1.94, north 52.50 … 52.49
    expect(result.geometries[0]).toEqual({
      type: 'Polygon',
      coordinates: [[[-1.95, 52.49], [-1.94, 52.49], [-1.94, 52.5], [-1.95, 52.5], [-1.95, 52.49]]],
    });
    // L12 is column 3, row 2: west −1.92, south 52.47
    expect((result.geometries[11] as Polygon).coordinates[0][0]).toEqual([-1.92, 52.47]);
  });

  it('reads a .gz file, a lower-case property name and MultiPolygons', () => {
    const result = read(
      collection((fc) => {
        const l2 = feature(fc, 'E01000902');
        l2.properties = { lsoa21cd: 'E01000902' };
        l2.geometry = { type: 'MultiPolygon', coordinates: [(l2.geometry as Polygon).coordinates] };
      }),
      { gzip: true },
    );
    expect(result.geometries[1].type).toBe('MultiPolygon');
  });

  it('drops a third coordinate (height)', () => {
    const result = read(
      collection((fc) => {
        (feature(fc, 'E01000901').geometry as Polygon).coordinates[0] = [[-1.95, 52.49, 12], [-1.94, 52.49, 12], [-1.94, 52.5, 12], [-1.95, 52.49, 12]];
      }),
    );
    expect((result.geometries[0] as Polygon).coordinates[0][0]).toEqual([-1.95, 52.49]);
  });

  it('closes an unclosed ring and drops repeated points, and counts the repairs by LSOA', () => {
    const result = read(
      collection((fc) => {
        // L1 without its closing point; L2 with its second corner typed twice
        (feature(fc, 'E01000901').geometry as Polygon).coordinates[0] = [[-1.95, 52.49], [-1.94, 52.49], [-1.94, 52.5], [-1.95, 52.5]];
        (feature(fc, 'E01000902').geometry as Polygon).coordinates[0] = [[-1.94, 52.49], [-1.93, 52.49], [-1.93, 52.49], [-1.93, 52.5], [-1.94, 52.5], [-1.94, 52.49]];
      }),
    );
    expect((result.geometries[0] as Polygon).coordinates[0]).toEqual([[-1.95, 52.49], [-1.94, 52.49], [-1.94, 52.5], [-1.95, 52.5], [-1.95, 52.49]]);
    expect((result.geometries[1] as Polygon).coordinates[0]).toHaveLength(5);
    expect(result.repairs).toEqual([
      { what: 'boundary rings closed (repaired: the last point was not the first)', count: 1, codes: ['E01000901'] },
      { what: 'repeated boundary points dropped (repaired)', count: 1, codes: ['E01000902'] },
    ]);
  });

  it('drops a part of a multi-part LSOA that covers nothing, and counts it', () => {
    const result = read(
      collection((fc) => {
        const l3 = feature(fc, 'E01000903');
        // a second part whose three points lie on one line: zero area
        l3.geometry = { type: 'MultiPolygon', coordinates: [(l3.geometry as Polygon).coordinates, [[[-1.9, 52.45], [-1.89, 52.45], [-1.88, 52.45], [-1.9, 52.45]]]] };
      }),
    );
    expect((result.geometries[2] as MultiPolygon).coordinates).toHaveLength(1);
    expect(result.repairs).toEqual([{ what: expect.stringContaining('cover nothing dropped'), count: 1, codes: ['E01000903'] }]);
  });

  it('counts a sliver whose decimal corners lie on one line as covering nothing, despite binary rounding', () => {
    // As in the ONS file for E01029279: −2.89283, 51.05454 → −2.8928, 51.05448 → −2.89282, 51.05452 are on one line
    // (steps 3 : −6 and −2 : 4 in units of 10⁻⁵), though their cross product in binary is not exactly 0.
    const result = read(
      collection((fc) => {
        const l3 = feature(fc, 'E01000903');
        l3.geometry = {
          type: 'MultiPolygon',
          coordinates: [(l3.geometry as Polygon).coordinates, [[[-1.89283, 52.45454], [-1.8928, 52.45448], [-1.89282, 52.45452], [-1.89283, 52.45454]]]],
        };
      }),
    );
    expect((result.geometries[2] as MultiPolygon).coordinates).toHaveLength(1);
  });

  it('rejects a ring that crosses itself (a bow tie), naming the feature and where', () => {
    expectInputError(
      () =>
        read(
          collection((fc) => {
            // L4: corners in the order SW, NE, SE, NW: the first and third edges cross at the square's centre
            (feature(fc, 'E01000904').geometry as Polygon).coordinates[0] = [[-1.95, 52.48], [-1.94, 52.49], [-1.94, 52.48], [-1.95, 52.49], [-1.95, 52.48]];
          }),
        ),
      { file: BOUNDARY_FILE, message: ['feature 4 (E01000904): the outer ring crosses itself near -1.945000, 52.485000', 'self-intersections'] },
    );
  });

  it('rejects a hole that crosses the outer ring, and a ring of two corners', () => {
    expectInputError(
      () =>
        read(
          collection((fc) => {
            const square = (feature(fc, 'E01000905').geometry as Polygon).coordinates[0];
            // a hole from inside L5 (west −1.95, south 52.48, 0.01° wide) out through its east side x = −1.94, first at y = 52.482
            const [w, s] = square[0];
            const hole = [[w + 0.002, s + 0.002], [w + 0.02, s + 0.002], [w + 0.02, s + 0.004], [w + 0.002, s + 0.004], [w + 0.002, s + 0.002]];
            (feature(fc, 'E01000905').geometry as Polygon).coordinates = [square, hole];
          }),
        ),
      { file: BOUNDARY_FILE, message: ['feature 5 (E01000905): hole 1 crosses the outer ring near -1.940000, 52.482000'] },
    );
    expectInputError(
      () => read(collection((fc) => ((feature(fc, 'E01000906').geometry as Polygon).coordinates[0] = [[-1.94, 52.48], [-1.93, 52.48], [-1.94, 52.48]]))),
      { file: BOUNDARY_FILE, message: ['feature 6 (E01000906): the outer ring has only 2 distinct corners; a ring needs at least 3'] },
    );
  });

  it('rejects an LSOA whose only ring has zero area', () => {
    expectInputError(
      () => read(collection((fc) => ((feature(fc, 'E01000907').geometry as Polygon).coordinates[0] = [[-1.95, 52.47], [-1.94, 52.47], [-1.93, 52.47], [-1.95, 52.47]]))),
      { file: BOUNDARY_FILE, message: ['feature 7 (E01000907): the outer ring has zero area'] },
    );
  });

  it('rejects a feature whose geometry is not a polygon', () => {
    expectInputError(
      () => read(collection((fc) => (feature(fc, 'E01000903').geometry = { type: 'Point', coordinates: [-1.93, 52.49] }))),
      { file: BOUNDARY_FILE, message: ['feature 3 (E01000903) has geometry Point; expected Polygon or MultiPolygon'] },
    );
    expectInputError(
      () => read(collection((fc) => (feature(fc, 'E01000903').geometry = null as unknown as Polygon))),
      { file: BOUNDARY_FILE, message: ['feature 3 (E01000903) has geometry null'] },
    );
  });

  it('rejects coordinates outside England (latitude and longitude swapped)', () => {
    const swap = (fc: FeatureCollection) => {
      const polygon = feature(fc, 'E01000902').geometry as Polygon;
      polygon.coordinates = polygon.coordinates.map((ring) => ring.map(([x, y]) => [y, x]));
    };
    // L2's first corner is (−1.94, 52.49); swapped it reads as longitude 52.49
    const error = expectInputError(() => read(collection(swap)), {
      file: BOUNDARY_FILE,
      message: ['feature 2 (E01000902) has a point at 52.49, -1.94, outside England'],
    });
    expect(error.hint).toContain('British National Grid');
  });

  it('rejects a coordinate that is not a number', () => {
    const edit = (fc: FeatureCollection) => {
      (feature(fc, 'E01000904').geometry as Polygon).coordinates[0][1] = ['-1.92', 52.49] as unknown as number[];
    };
    expectInputError(() => read(collection(edit)), {
      file: BOUNDARY_FILE,
      message: ['feature 4 (E01000904) has a coordinate that is not a number'],
    });
  });

  it('rejects a missing LSOA, a stray LSOA and a duplicate', () => {
    expectInputError(() => read(collection((fc) => (fc.features = fc.features.filter((f) => f.properties!.LSOA21CD !== 'E01000912')))), {
      file: BOUNDARY_FILE,
      message: [`has no boundary for 1 LSOA of ${LOOKUP_NAME}: E01000912`],
    });
    expectInputError(
      () =>
        read(
          collection((fc) => {
            const stray: Feature = JSON.parse(JSON.stringify(feature(fc, 'E01000901')));
            stray.properties = { LSOA21CD: 'E01000999', LSOA21NM: 'Elsewhere 001A' };
            fc.features.push(stray);
          }),
        ),
      { file: BOUNDARY_FILE, message: [`1 LSOA code is not in ${LOOKUP_NAME}: E01000999`] },
    );
    // 12 English features, the Welsh one (13), then the copy (14)
    expectInputError(() => read(collection((fc) => fc.features.push(JSON.parse(JSON.stringify(feature(fc, 'E01000904')))))), {
      file: BOUNDARY_FILE,
      message: ['feature 14: LSOA E01000904 appears twice'],
    });
  });

  it('rejects malformed codes and features without an LSOA21CD property', () => {
    expectInputError(() => read(collection((fc) => (feature(fc, 'E01000901').properties!.LSOA21CD = 'E0100001'))), {
      file: BOUNDARY_FILE,
      message: ['feature 1: "E0100001" is not an LSOA code'],
    });
    expectInputError(() => read(collection((fc) => (fc.features[0].properties = { LSOA11CD: 'E01000901' }))), {
      file: BOUNDARY_FILE,
      message: ['feature 1 has no LSOA21CD property'],
    });
  });

  it('rejects files that are not a GeoJSON FeatureCollection', () => {
    expectInputError(() => read('{"type":"Feature","properties":{},"geometry":null}'), {
      file: BOUNDARY_FILE,
      message: ['is not a GeoJSON FeatureCollection'],
    });
    expectInputError(() => read('{"type":"FeatureCollection","features":['), {
      file: BOUNDARY_FILE,
      message: ['is not valid JSON'],
    });
    expectInputError(() => read('LSOA21CD,LSOA21NM\nE01000901,Alphaton 001A\n'), {
      file: BOUNDARY_FILE,
      message: ['is not valid JSON'],
    });
  });

  it('rejects a .gz file that is not gzip data, and a missing file', () => {
    const path = join(dir, 'fake.geojson.gz');
    writeFileSync(path, JSON.stringify(collection()));
    expectInputError(() => readLsoaBoundaries(path, BOUNDARY_FILE, LSOA_CODES, LOOKUP_NAME), {
      file: BOUNDARY_FILE,
      message: ['cannot be read'],
    });
    expectInputError(() => readLsoaBoundaries(join(dir, 'missing.geojson'), BOUNDARY_FILE, LSOA_CODES, LOOKUP_NAME), {
      file: BOUNDARY_FILE,
      message: ['cannot be read'],
    });
  });

  describe('British National Grid', () => {
    // Reference values, computed independently of proj4 with the Ordnance Survey's
    // formulas ("A guide to coordinate systems in Great Britain": inverse Transverse
    // Mercator on the Airy 1830 ellipsoid, then the OSGB36 → WGS84 Helmert
    // transformation tx 446.448 m, ty −125.157 m, tz 542.060 m, rx 0.1502″, ry 0.2470″,
    // rz 0.8421″, s −20.4894 ppm):
    //   E 530000, N 180000 → longitude −0.128354, latitude 51.503983 (near Charing Cross)
    //   E 530100, N 180100 → longitude −0.126877, latitude 51.504859
    // Without the datum shift the first would be −0.126748, 51.503480: 0.0016° off in
    // longitude, so the tolerance of 0.0001° (about 7 m) also checks the shift.
    const square = (e: number, n: number, size: number) => [[[e, n], [e + size, n], [e + size, n + size], [e, n + size], [e, n]]];
    const bng = (): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { LSOA21CD: 'E01000901' }, geometry: { type: 'Polygon', coordinates: square(530000, 180000, 100) } },
        {
          type: 'Feature',
          properties: { LSOA21CD: 'E01000902' },
          geometry: { type: 'MultiPolygon', coordinates: [square(530200, 180000, 100), square(530000, 180000, 100)] },
        },
        { type: 'Feature', properties: { LSOA21CD: 'W01000901' }, geometry: { type: 'Polygon', coordinates: square(318000, 176000, 100) } },
      ],
    });

    it('reprojects metres to WGS84 longitude and latitude', () => {
      const result = read(bng(), { codes: ['E01000901', 'E01000902'] });
      expect(result.reprojected).toBe(true);
      expect(result.skippedOutsideEngland).toEqual(['W01000901']);
      const ring = (result.geometries[0] as Polygon).coordinates[0];
      expect(Math.abs(ring[0][0] - -0.128354)).toBeLessThan(1e-4);
      expect(Math.abs(ring[0][1] - 51.503983)).toBeLessThan(1e-4);
      expect(Math.abs(ring[2][0] - -0.126877)).toBeLessThan(1e-4);
      expect(Math.abs(ring[2][1] - 51.504859)).toBeLessThan(1e-4);
      // The MultiPolygon's second part is the same square: the same corner.
      const multi = result.geometries[1];
      expect(multi.type).toBe('MultiPolygon');
      const corner = multi.type === 'MultiPolygon' ? multi.coordinates[1][0][0] : [];
      expect(corner).toEqual(ring[0]);
    });

    it('rejects metres that land outside England', () => {
      const fc = bng();
      (fc.features[0].geometry as Polygon).coordinates = square(530000, 1800000, 100); // 1,800 km north: the Arctic
      expectInputError(() => read(fc, { codes: ['E01000901', 'E01000902'] }), {
        file: BOUNDARY_FILE,
        message: ['feature 1 (E01000901) has a point at', 'outside England'],
      });
    });
  });
});

describe('lsoaTopology, unionByArea, boundsOf, labelPoint', () => {
  // L1, L2, L3 are three squares side by side (−1.95 … −1.92, 52.49 … 52.50);
  // L4 (column 3, row 0) and L5 (column 0, row 1) do not touch.
  const squares = boundaryCollection(false).features.map((f) => f.geometry as Polygon);

  it('merges neighbouring LSOAs into one polygon and keeps apart those that do not touch', () => {
    const areas = unionByArea(lsoaTopology(squares.slice(0, 5)), Int32Array.from([0, 0, 0, 1, 1]), 2);
    expect(areas[0].type).toBe('Polygon');
    expect(boundsOf(areas[0])).toEqual([-1.95, 52.49, -1.92, 52.5]);
    expect(areas[1].type).toBe('MultiPolygon');
    // L4: −1.92 … −1.91, 52.49 … 52.50; L5: −1.95 … −1.94, 52.48 … 52.49
    expect(boundsOf(areas[1])).toEqual([-1.95, 52.48, -1.91, 52.5]);
  });

  it('puts the label inside the area', () => {
    const [west, south, east, north] = [-1.95, 52.49, -1.92, 52.5];
    const [x, y] = labelPoint(unionByArea(lsoaTopology(squares.slice(0, 3)), Int32Array.from([0, 0, 0]), 1)[0]);
    expect(x).toBeGreaterThan(west);
    expect(x).toBeLessThan(east);
    expect(y).toBeGreaterThan(south);
    expect(y).toBeLessThan(north);
    // the middle of the 0.03° × 0.01° strip, at 4 decimals: (−1.935, 52.495)
    expect(x).toBeCloseTo(-1.935, 2);
    expect(y).toBeCloseTo(52.495, 3);
  });
});
