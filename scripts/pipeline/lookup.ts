/**
 * The geography of the build, from the ONS best-fit lookup LSOA 2021 →
 * electoral ward → local authority district. Wards and authorities are
 * treated as exact unions of their LSOAs, so every figure and outline of a
 * ward or authority is built from the same LSOAs.
 */
import { CODE_PATTERNS, isOutsideEnglandCode, type Level } from '../../src/config/geography.ts';
import { type CsvTable, requireColumns } from './csv.ts';
import { InputError } from './errors.ts';

export interface AreaList {
  /** Codes sorted ascending; an area's index is its position here. */
  codes: string[];
  names: string[];
}

export interface Geography {
  file: string;
  /** Year of the ward codes (e.g. 2024 for WD24CD). */
  wardVintage: number;
  /** Year of the authority codes (e.g. 2024 for LAD24CD). */
  ladVintage: number;
  lsoa: AreaList & { ward: Int32Array };
  ward: AreaList & { lad: Int32Array };
  lad: AreaList;
  /** Rows for areas outside England (the official lookup covers England and Wales). */
  skippedOutsideEngland: string[];
}

function vintageColumn(table: CsvTable, pattern: RegExp, what: string): { code: string; name: string; year: number } {
  const code = table.header.find((h) => pattern.test(h));
  if (!code) {
    throw new InputError({
      file: table.file,
      line: 1,
      problem: `no ${what} code column (expected a name like ${what === 'ward' ? 'WD24CD' : 'LAD24CD'})`,
      hint: `The header has: ${table.header.join(', ')}`,
    });
  }
  const yy = Number(pattern.exec(code)![1]);
  return { code, name: code.replace(/CD$/, 'NM'), year: 2000 + yy };
}

export function parseLookup(table: CsvTable, expectedLsoaCount?: number): Geography {
  const ward = vintageColumn(table, /^WD(\d\d)CD$/, 'ward');
  const lad = vintageColumn(table, /^LAD(\d\d)CD$/, 'local authority');
  const [lsoaCode, lsoaName, wardCode, wardName, ladCode, ladName] = requireColumns(table, [
    'LSOA21CD',
    'LSOA21NM',
    ward.code,
    ward.name,
    lad.code,
    lad.name,
  ]);

  const lsoaRows = new Map<string, { name: string; ward: string; line: number }>();
  const wards = new Map<string, { name: string; lad: string; line: number }>();
  const lads = new Map<string, { name: string; line: number }>();
  const skippedOutsideEngland: string[] = [];

  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const cell = (column: number) => row[column].trim();
    const lsoa = cell(lsoaCode);
    if (isOutsideEnglandCode(lsoa)) {
      skippedOutsideEngland.push(lsoa);
      return;
    }
    const codes: [number, Level][] = [
      [lsoaCode, 'lsoa'],
      [wardCode, 'ward'],
      [ladCode, 'lad'],
    ];
    for (const [column, level] of codes) {
      if (!CODE_PATTERNS[level].test(cell(column))) {
        throw new InputError({
          file: table.file,
          line,
          column: table.header[column],
          problem: `"${cell(column)}" is not an English ${level === 'lad' ? 'local authority (E06–E09)' : level === 'ward' ? 'ward (E05)' : 'LSOA (E01)'} code`,
        });
      }
    }
    for (const column of [lsoaName, wardName, ladName]) {
      if (cell(column) === '') throw new InputError({ file: table.file, line, column: table.header[column], problem: 'the name is empty' });
    }
    const earlier = lsoaRows.get(lsoa);
    if (earlier) {
      throw new InputError({
        file: table.file,
        line,
        problem: `LSOA ${lsoa} appears twice (also on line ${earlier.line}); a best-fit lookup has one row per LSOA`,
      });
    }
    lsoaRows.set(lsoa, { name: cell(lsoaName), ward: cell(wardCode), line });

    const knownWard = wards.get(cell(wardCode));
    if (!knownWard) wards.set(cell(wardCode), { name: cell(wardName), lad: cell(ladCode), line });
    else if (knownWard.lad !== cell(ladCode)) {
      throw new InputError({
        file: table.file,
        line,
        problem: `ward ${cell(wardCode)} is in ${cell(ladCode)} here but in ${knownWard.lad} on line ${knownWard.line}; a ward must be in one authority`,
      });
    }
    if (!lads.has(cell(ladCode))) lads.set(cell(ladCode), { name: cell(ladName), line });
  });

  if (lsoaRows.size === 0) throw new InputError({ file: table.file, problem: 'no English LSOAs (codes starting E01)' });
  if (expectedLsoaCount !== undefined && lsoaRows.size !== expectedLsoaCount) {
    throw new InputError({
      file: table.file,
      problem: `has ${lsoaRows.size.toLocaleString('en-GB')} English LSOAs; expected ${expectedLsoaCount.toLocaleString('en-GB')} (every LSOA 2021 in England)`,
      hint: 'A truncated download or a filtered lookup gives this error.',
    });
  }

  const ladCodes = [...lads.keys()].sort();
  const ladIndex = new Map(ladCodes.map((code, index) => [code, index]));
  const wardCodes = [...wards.keys()].sort();
  const wardIndex = new Map(wardCodes.map((code, index) => [code, index]));
  const lsoaCodes = [...lsoaRows.keys()].sort();

  return {
    file: table.file,
    wardVintage: ward.year,
    ladVintage: lad.year,
    lsoa: {
      codes: lsoaCodes,
      names: lsoaCodes.map((code) => lsoaRows.get(code)!.name),
      ward: Int32Array.from(lsoaCodes, (code) => wardIndex.get(lsoaRows.get(code)!.ward)!),
    },
    ward: {
      codes: wardCodes,
      names: wardCodes.map((code) => wards.get(code)!.name),
      lad: Int32Array.from(wardCodes, (code) => ladIndex.get(wards.get(code)!.lad)!),
    },
    lad: { codes: ladCodes, names: ladCodes.map((code) => lads.get(code)!.name) },
    skippedOutsideEngland,
  };
}

/** Authority of each LSOA, through its ward. */
export function lsoaAuthorities(geography: Geography): Int32Array {
  return geography.lsoa.ward.map((ward) => geography.ward.lad[ward]);
}
