/**
 * Schools from the DfE performance tables of 2018/19: the key stage 4 file
 * (schools with pupils at the end of secondary school) and the key stage 2
 * file (at the end of primary school). A school in both (same URN) is one
 * record, all-through. RECTYPE 1 is a mainstream school, 2 a special school;
 * the official files also hold summary rows (4 local authority, 5 national,
 * 7 and others), which are left out and counted. Placed at PCODE.
 */
import type { ServiceRecord, ServiceSource } from '../../../src/data/servicesSchema.ts';
import { readCsv, type CsvTable } from '../csv.ts';
import type { InputFile } from '../inputs.ts';
import { GeocodingTally, type Geocoder } from './geocode.ts';
import { cellError, columnsOf, combinedSource, serviceSource, type SourceRead } from './source.ts';
import { cellText } from './text.ts';

export const BOTH_SCHOOL_FILES = 'schools_ks4+schools_ks2';

type Stage = 'ks4' | 'ks2';
const SOURCE_IDS = { ks4: 'schools_ks4', ks2: 'schools_ks2' } as const;

export interface SchoolRow {
  line: number;
  urn: string;
  name: string;
  postcode: string;
  town?: string;
  special: boolean;
}

/** RECTYPE: 1 mainstream, 2 special; the summary rows of the official files (left out). */
const SCHOOL_RECTYPES: Record<string, boolean> = { '1': false, '2': true };
const SUMMARY_RECTYPES = new Set(['3', '4', '5', '6', '7']);

/** The schools of one file, by URN; summary rows counted in the tally as left out. */
export function parseSchools(table: CsvTable, tally: GeocodingTally): SchoolRow[] {
  const col = columnsOf(table, ['RECTYPE', 'URN', 'SCHNAME', 'PCODE', 'TOWN']);
  const seen = new Map<string, number>();
  const rows: SchoolRow[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    tally.read++;
    const rectype = row[col.RECTYPE].trim();
    if (SUMMARY_RECTYPES.has(rectype)) {
      tally.exclude(`a summary row, not a school (RECTYPE ${rectype})`, `line ${table.lines[r]}`);
      continue;
    }
    if (!(rectype in SCHOOL_RECTYPES)) throw cellError(table, r, col.RECTYPE, `"${rectype}" is not a record type (1 mainstream school, 2 special school; 4, 5 and 7 summary rows)`);
    const urn = row[col.URN].trim();
    if (!/^\d{5,7}$/.test(urn)) throw cellError(table, r, col.URN, `"${urn}" is not a URN (a unique reference number of 5 to 7 digits)`);
    const first = seen.get(urn);
    if (first !== undefined) throw cellError(table, r, col.URN, `URN ${urn} is given twice (first on line ${first})`);
    seen.set(urn, table.lines[r]);
    const name = cellText(row[col.SCHNAME]);
    if (!name) throw cellError(table, r, col.SCHNAME, 'the school name is blank');
    const town = cellText(row[col.TOWN]);
    rows.push({ line: table.lines[r], urn, name, postcode: row[col.PCODE].trim(), ...(town ? { town } : {}), special: SCHOOL_RECTYPES[rectype] });
  }
  return rows;
}

/** What kind of school it is, from its record type and the files it is in. */
export function schoolDetail(special: boolean, stages: readonly Stage[]): string {
  if (special) return 'Special school';
  if (stages.length === 2) return 'All-through school (primary and secondary)';
  return stages[0] === 'ks4' ? 'Secondary school' : 'Primary school';
}

export function mergeSchools(tables: Partial<Record<Stage, CsvTable>>, geocoder: Geocoder): SourceRead {
  const stages = (['ks4', 'ks2'] as const).filter((stage) => tables[stage] !== undefined);
  const tallies = new Map(stages.map((stage) => [stage, new GeocodingTally('school', SOURCE_IDS[stage], tables[stage]!.file)]));
  // Every URN with its row in each file, in the order first seen (KS4 first).
  const byUrn = new Map<string, Partial<Record<Stage, SchoolRow>>>();
  for (const stage of stages) {
    for (const row of parseSchools(tables[stage]!, tallies.get(stage)!)) {
      const entry = byUrn.get(row.urn);
      if (entry) entry[stage] = row;
      else byUrn.set(row.urn, { [stage]: row });
    }
  }
  const records: ServiceRecord[] = [];
  for (const [urn, entry] of byUrn) {
    const inFiles = stages.filter((stage) => entry[stage] !== undefined);
    const rows = inFiles.map((stage) => entry[stage]!);
    const involved = inFiles.map((stage) => tallies.get(stage)!);
    // The first postcode of the school's rows found in Code-Point Open (they agree in the 2018/19 files).
    const located = rows.find((row) => 'found' in geocoder.postcode(row.postcode)) ?? rows[0];
    const placement = geocoder.place(located.postcode);
    if (inFiles.length === 2 && !('outside' in placement)) for (const tally of involved) tally.merged++;
    const placed = involved.map((tally) => tally.settle(placement, located.name, located.postcode, `${located.name} (${located.postcode})`))[0];
    if (!placed) continue;
    const town = rows.find((row) => row.town)?.town;
    records.push({
      type: 'school',
      id: urn,
      name: rows[0].name,
      ...placed,
      ...(town ? { address: town } : {}),
      detail: schoolDetail(rows.some((row) => row.special), inFiles),
      source: inFiles.length === 2 ? BOTH_SCHOOL_FILES : SOURCE_IDS[inFiles[0]],
    });
  }
  const sources: ServiceSource[] = stages.map((stage) => serviceSource(SOURCE_IDS[stage]));
  const notes: string[] = [];
  if (stages.length === 2) {
    const both = [...byUrn.values()].filter((entry) => entry.ks4 && entry.ks2).length;
    sources.push(combinedSource(BOTH_SCHOOL_FILES, serviceSource('schools_ks4'), serviceSource('schools_ks2'), 'academic year 2018/19 of the performance tables (key stages 4 and 2)'));
    notes.push(`schools: ${both} in both the KS4 and KS2 files (one record each)`);
  }
  return { records, tallies: [...tallies.values()], sources, notes, listed: [] };
}

export async function readSchools(inputs: { ks4?: InputFile; ks2?: InputFile }, geocoder: Geocoder): Promise<SourceRead> {
  const tables: Partial<Record<Stage, CsvTable>> = {};
  if (inputs.ks4) tables.ks4 = await readCsv(inputs.ks4.path, inputs.ks4.name);
  if (inputs.ks2) tables.ks2 = await readCsv(inputs.ks2.path, inputs.ks2.name);
  return mergeSchools(tables, geocoder);
}
