/**
 * The CSV download of a set selection of LSOAs (pure: from what is loaded,
 * the text). One row per LSOA, in the selection's order: its codes and names
 * (LSOA 2021, ward and authority of the build's vintage), then the Census
 * 2021 counts of each ethnic group and of each answer to the religion
 * question, from the same units files the segregation figures are computed
 * from (segregation/<grouping>/2021/lsoa.json).
 *
 * The selection's figures (D, D by chance alone, isolation, Theil's H, the
 * number of units) come first, as comment lines starting with "#", not as a
 * second table. Why: a spreadsheet (Excel, LibreOffice, Google Sheets) opens
 * them as a few readable lines above the table, and every data tool skips
 * them with one standard option (pandas `comment='#'`, R
 * `read.csv(comment.char = '#')`, readr `comment = '#'`, DuckDB
 * `read_csv(..., comment = '#')`), leaving one rectangular table with one
 * header row. A second CSV section, above or below, breaks that table for
 * every tool (rows of other columns to find and cut by hand), and repeating
 * the figures on every row misleads sums and pivots. The comment lines hold
 * no commas or semicolons, so a spreadsheet keeps each in one cell, whatever
 * its list separator.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { round } from '../../stats/rounding.ts';
import { mixFigures, pairFigures, type GroupCounts } from '../../stats/segregation/areaFigures.ts';

/** The codes and names of the build's areas, as the data client gives them. */
export interface AreaNames {
  lsoa: { codes: readonly string[]; names: readonly string[]; ward: readonly number[] };
  ward: { codes: readonly string[]; names: readonly string[]; lad: readonly number[] };
  lad: { codes: readonly string[]; names: readonly string[] };
  /** Vintage of the ward and authority codes ({ ward: 2024, lad: 2024 }). */
  vintages: { ward: number; lad: number };
}

/** One grouping's Census 2021 counts by LSOA (a units file), and the comparison whose figures to give. */
export interface GroupingCounts extends GroupCounts {
  /** 'ethnicity' or 'religion'. */
  id: string;
  /** Column prefix of its counts ('ethnic_group', 'religion'). */
  column: string;
  /** Group ids, in the order of the counts. */
  groupIds: readonly string[];
  /** The unit codes (LSOAs 2021) in the order of the counts. */
  codes: readonly string[];
  release: string;
  /** The comparison of the figures: group a against group b (or the rest, b null), and its id ('white-rest'). */
  comparison: { id: string; a: number; b: number | null };
}

export interface SelectionCsvInput {
  name: string | null;
  /** The LSOA codes of the selection. */
  codes: readonly string[];
  areas: AreaNames;
  groupings: readonly GroupingCounts[];
}

/** Decimals of the figures: those the app stores for segregation indices. */
const DECIMALS = 4;

const figure = (value: number): string => (Number.isFinite(value) ? String(round(value, DECIMALS)) : 'none');

/** A comment line: no line breaks, and no commas or semicolons (so that it stays one spreadsheet cell). */
const comment = (text: string): string => `# ${text.replace(/[\r\n]+/g, ' ').replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim()}`;

/** The comment lines: what the file is, and the selection's figures per grouping. */
function header(input: SelectionCsvInput, unitIndex: readonly Map<string, number>[], found: number, missing: readonly string[]): string[] {
  const lines = [
    comment(`Cohesion Atlas selection: ${input.name ?? 'unnamed'}`),
    comment(`${found} LSOAs 2021. Counts: usual residents in Census 2021 (ONS). Ward codes of ${input.areas.vintages.ward} and authority codes of ${input.areas.vintages.lad}.`),
  ];
  if (missing.length > 0) lines.push(comment(`Not in this build of the data and left out: ${missing.join(' ')}`));
  for (const [k, grouping] of input.groupings.entries()) {
    const members = input.codes.map((code) => unitIndex[k].get(code) ?? -1).filter((u) => u >= 0);
    const pair = pairFigures(grouping, members, grouping.comparison);
    const mix = mixFigures(grouping, members);
    const key = `${grouping.id} ${grouping.comparison.id} census ${grouping.release} over LSOAs`;
    lines.push(
      comment(`${key}: units ${pair.units}`),
      comment(`${key}: d ${figure(pair.d)}`),
      comment(`${key}: expected_d ${figure(pair.expectedD)}`),
      comment(`${key}: isolation ${figure(pair.isolation)}`),
      comment(`${grouping.id} all groups census ${grouping.release} over LSOAs: theil_h ${figure(mix.theilH)} (units ${mix.units})`),
    );
  }
  return lines;
}

/** The column names: codes and names, then the counts of each grouping. */
export function selectionColumns(input: Pick<SelectionCsvInput, 'groupings'>): string[] {
  return [
    'lsoa_code',
    'lsoa_name',
    'ward_code',
    'ward_name',
    'lad_code',
    'lad_name',
    ...input.groupings.flatMap((g) => g.groupIds.map((id) => `${g.column}_${id}_${g.release}`)),
  ];
}

/** The text of the CSV: comment lines, a header row, one row per LSOA of the selection that the build has. */
export function selectionCsv(input: SelectionCsvInput): string {
  const { areas } = input;
  const indexOf = new Map(areas.lsoa.codes.map((code, i) => [code, i]));
  const unitIndex = input.groupings.map((g) => new Map(g.codes.map((code, i) => [code, i])));
  const rows: (string | number)[][] = [];
  const missing: string[] = [];
  for (const code of input.codes) {
    const i = indexOf.get(code);
    if (i === undefined) {
      missing.push(code);
      continue;
    }
    const w = areas.lsoa.ward[i];
    const l = w >= 0 ? areas.ward.lad[w] : -1;
    const counts = input.groupings.flatMap((g, k) => {
      const u = unitIndex[k].get(code);
      return g.groupIds.map((_, group) => (u === undefined ? '' : g.counts[u * g.groups + group]));
    });
    rows.push([code, areas.lsoa.names[i], areas.ward.codes[w] ?? '', areas.ward.names[w] ?? '', areas.lad.codes[l] ?? '', areas.lad.names[l] ?? '', ...counts]);
  }
  const table = stringify([selectionColumns(input), ...rows], { record_delimiter: '\n' });
  return `${header(input, unitIndex, rows.length, missing).join('\n')}\n${table}`;
}

/** The file name: the selection's name made safe (“Lozells ring” → lozells-ring.csv), else selection.csv. */
export function selectionFileName(name: string | null): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${slug || 'selection'}.csv`;
}
