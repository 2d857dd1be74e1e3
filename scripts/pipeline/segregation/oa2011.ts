/**
 * Census 2011 KS201EW ethnic group by Output Area 2011, and the ONS OA 2011
 * → LSOA 2011 lookup that places every OA in its LSOA 2011: the Output Area
 * scale of the segregation indices (src/config/catalogue/segregation.ts).
 *
 * Checks, each failing with the file, line, column and problem:
 *   - the lookup: OA codes E00 and six digits, each once; LSOA codes E01 and
 *     six digits, and the same LSOAs 2011 as the LSOA 2011 → 2021 lookup;
 *   - the OA file: the columns of the LSOA 2011 file (census2011.ts) with
 *     OA11CD; every OA of the lookup once and nothing else; each OA's
 *     LSOA11CD the lookup's; the 15 columns whole, not negative and adding
 *     up to Persons (they are summed into the five broad groups of 2021 by
 *     the same table as the LSOA file, CENSUS2011_GROUPS);
 *   - against the LSOA 2011 file: the OAs of each LSOA add up to it, group
 *     by group (the two are one table at two geographies).
 */
import { ETHNIC_GROUPS } from '../../../src/config/catalogue/diversity.ts';
import { isOutsideEnglandCode } from '../../../src/config/geography.ts';
import { type CsvTable, requireColumns } from '../csv.ts';
import { countOf, InputError, listSome } from '../errors.ts';
import { broadGroupRow, CENSUS2011_GROUPS, CENSUS2011_TOTAL_COLUMN, type Census2011 } from '../adapters/census2011.ts';
import type { Lsoa11Lookup } from '../adapters/iod2019.ts';

export const OA_CODE_COLUMN = 'OA11CD';
export const OA_LSOA_COLUMN = 'LSOA11CD';
const OA_PATTERN = /^E00\d{6}$/;
const LSOA_PATTERN = /^E01\d{6}$/;

export interface Oa11Lookup {
  file: string;
  /** LSOA 2011 code of each OA 2011. */
  lsoaOf: Map<string, string>;
  /** Line of each OA in the lookup, for messages. */
  lineOf: Map<string, number>;
  skippedOutsideEngland: string[];
}

/** Parses the OA 2011 → LSOA 2011 lookup and checks its LSOAs against the LSOA 2011 → 2021 lookup. */
export function parseOa11Lookup(table: CsvTable, lsoa11: Lsoa11Lookup): Oa11Lookup {
  const [oaColumn, lsoaColumn] = requireColumns(table, [OA_CODE_COLUMN, OA_LSOA_COLUMN]);
  const lsoaOf = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const skippedOutsideEngland: string[] = [];
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const oa = row[oaColumn].trim();
    const lsoa = row[lsoaColumn].trim();
    if (isOutsideEnglandCode(oa)) {
      skippedOutsideEngland.push(oa);
      return;
    }
    if (!OA_PATTERN.test(oa)) throw new InputError({ file: table.file, line, column: OA_CODE_COLUMN, problem: `"${oa}" is not an Output Area 2011 code (E00 and six digits)` });
    if (!LSOA_PATTERN.test(lsoa)) throw new InputError({ file: table.file, line, column: OA_LSOA_COLUMN, problem: `"${lsoa}" is not an LSOA 2011 code (E01 and six digits)` });
    const earlier = lineOf.get(oa);
    if (earlier !== undefined) throw new InputError({ file: table.file, line, column: OA_CODE_COLUMN, problem: `OA ${oa} appears twice (also on line ${earlier})` });
    if (!lsoa11.lsoa11.has(lsoa)) {
      throw new InputError({
        file: table.file,
        line,
        column: OA_LSOA_COLUMN,
        problem: `${lsoa} is not an LSOA 2011 of the LSOA 2011 → 2021 lookup (${lsoa11.file})`,
        hint: 'Both lookups must be of the 2011 geography of England (the OA 2011 → LSOA 2011 → MSOA 2011 → LAD 2011 lookup of the ONS).',
      });
    }
    lsoaOf.set(oa, lsoa);
    lineOf.set(oa, line);
  });
  const covered = new Set(lsoaOf.values());
  const empty = [...lsoa11.lsoa11].filter((code) => !covered.has(code));
  if (empty.length > 0) {
    throw new InputError({
      file: table.file,
      problem: `has no Output Area in ${countOf(empty.length, 'LSOA 2011', 'LSOAs 2011')} of the LSOA 2011 → 2021 lookup (${lsoa11.file}): ${listSome(empty)}`,
    });
  }
  return { file: table.file, lsoaOf, lineOf, skippedOutsideEngland };
}

export interface Census2011Oa {
  file: string;
  /** OA 2011 codes, sorted. */
  codes: string[];
  /** LSOA 2011 of each OA. */
  lsoa: string[];
  /** counts[u * 5 + g]: residents of OA u in broad group g (ETHNIC_GROUPS order). */
  counts: Int32Array;
  skippedOutsideEngland: string[];
}

/**
 * Parses the OA 2011 file: every OA of the lookup once, in the LSOA the
 * lookup gives, its 15 counts adding up to Persons; summed into the five
 * broad groups.
 */
export function parseCensus2011Oa(table: CsvTable, lookup: Oa11Lookup): Census2011Oa {
  if (!table.header.includes(OA_CODE_COLUMN) && table.header.includes(OA_LSOA_COLUMN)) {
    throw new InputError({
      file: table.file,
      line: 1,
      column: OA_CODE_COLUMN,
      problem: `missing column "${OA_CODE_COLUMN}": this looks like the LSOA 2011 file, not the Output Area one`,
      hint: 'Use census2011_ethnic_group_14cat_oa11_england.csv (one row per Output Area 2011).',
    });
  }
  const [oaColumn, lsoaColumn, totalColumn, ...groupColumns] = requireColumns(table, [
    OA_CODE_COLUMN,
    OA_LSOA_COLUMN,
    CENSUS2011_TOTAL_COLUMN,
    ...CENSUS2011_GROUPS.map((g) => g.column),
  ]);
  const G = ETHNIC_GROUPS.length;
  const rowOf = new Map<string, number>();
  const skippedOutsideEngland: string[] = [];
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const oa = row[oaColumn].trim();
    if (isOutsideEnglandCode(oa)) {
      skippedOutsideEngland.push(oa);
      return;
    }
    const where = { file: table.file, line, column: OA_CODE_COLUMN };
    if (!OA_PATTERN.test(oa)) throw new InputError({ ...where, problem: `"${oa}" is not an Output Area 2011 code (E00 and six digits)` });
    const earlier = rowOf.get(oa);
    if (earlier !== undefined) throw new InputError({ ...where, problem: `OA ${oa} appears twice (also on line ${table.lines[earlier]})` });
    const expected = lookup.lsoaOf.get(oa);
    if (expected === undefined) {
      throw new InputError({ ...where, problem: `OA ${oa} is not in the OA 2011 lookup (${lookup.file})` });
    }
    const lsoa = row[lsoaColumn].trim();
    if (lsoa !== expected) {
      throw new InputError({
        file: table.file,
        line,
        column: OA_LSOA_COLUMN,
        problem: `OA ${oa} is in LSOA ${lsoa} here but in ${expected} in the OA 2011 lookup (${lookup.file}, line ${lookup.lineOf.get(oa)})`,
      });
    }
    rowOf.set(oa, i);
  });
  if (rowOf.size !== lookup.lsoaOf.size) {
    const missing = [...lookup.lsoaOf.keys()].filter((oa) => !rowOf.has(oa));
    throw new InputError({
      file: table.file,
      problem: `has ${rowOf.size.toLocaleString('en-GB')} Output Areas but the OA 2011 lookup (${lookup.file}) has ${lookup.lsoaOf.size.toLocaleString('en-GB')}; missing ${listSome(missing)}`,
    });
  }
  const codes = [...rowOf.keys()].sort();
  const counts = new Int32Array(codes.length * G);
  codes.forEach((oa, u) => {
    const i = rowOf.get(oa)!;
    broadGroupRow(table, i, totalColumn, groupColumns, 0, (g, count) => (counts[u * G + g] += count));
  });
  return { file: table.file, codes, lsoa: codes.map((oa) => lookup.lsoaOf.get(oa)!), counts, skippedOutsideEngland };
}

/** The OAs of each LSOA 2011 must add up to the LSOA 2011 file, group by group. */
export function checkOaAgainstLsoa(oa: Census2011Oa, lsoa: Census2011): void {
  const G = ETHNIC_GROUPS.length;
  const position = new Map(lsoa.codes.map((code, j) => [code, j]));
  const sums = new Float64Array(lsoa.codes.length * G);
  oa.lsoa.forEach((code, u) => {
    const j = position.get(code)!;
    for (let g = 0; g < G; g++) sums[j * G + g] += oa.counts[u * G + g];
  });
  lsoa.codes.forEach((code, j) => {
    for (let g = 0; g < G; g++) {
      if (sums[j * G + g] !== lsoa.counts[g][j]) {
        throw new InputError({
          file: oa.file,
          problem: `the Output Areas of LSOA ${code} hold ${sums[j * G + g]} residents of the ${ETHNIC_GROUPS[g].id} group, but the LSOA 2011 file (${lsoa.file}) has ${lsoa.counts[g][j]}`,
          hint: 'The OA and LSOA files of KS201EW are one table at two geographies; use files of the same release.',
        });
      }
    }
  });
}
