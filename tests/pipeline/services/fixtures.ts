/**
 * Small hand-made inputs for the services stage's tests: a postcode table
 * (as readPostcodes gives it) of a few postcodes at known points, and the
 * headers of each service file as published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PostcodeTable } from '../../../scripts/pipeline/postcodes.ts';
import type { InputFile, SourceId } from '../../../scripts/pipeline/inputs.ts';
import { tempDir } from '../fixtures.ts';

/**
 * The postcodes of the table, at round points. Along a meridian 0.001° of
 * latitude is 111.2 m (the mean Earth radius, 6,371.0088 km), so a point
 * 0.0085° north of one is 945 m from it, 0.0095° north 1,056 m.
 */
export const POSTCODES = {
  'B15 2TT': { lng: -1.93, lat: 52.45 },
  'B15 2TU': { lng: -1.93, lat: 52.46 },
  'B1 1AA': { lng: -1.9, lat: 52.48 },
  'L36 9GD': { lng: -2.85, lat: 53.41 },
  'DE21 6LN': { lng: -1.43, lat: 52.93 },
  'DE21 6ET': { lng: -1.44, lat: 52.94 },
  'SY10 7AA': { lng: -3.05, lat: 52.85 },
} as const;
export type FixturePostcode = keyof typeof POSTCODES;

export function postcodeTable(): PostcodeTable {
  const postcodes = Object.keys(POSTCODES) as FixturePostcode[];
  return {
    file: 'postcodes/codepoint_open_england_2025-10.csv',
    postcodes,
    lng: Float64Array.from(postcodes.map((p) => POSTCODES[p].lng)),
    lat: Float64Array.from(postcodes.map((p) => POSTCODES[p].lat)),
    lines: Int32Array.from(postcodes.map((_, i) => i + 2)),
    skippedNoCoordinates: [],
    skippedOutsideEngland: [],
  };
}

/** Quotes a CSV field where it needs it (RFC 4180). */
function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** Writes a file into a fresh folder and describes it as findInputs would. */
export function inputFile(id: SourceId, name: string, content: string | Buffer, options: { gzip?: boolean; dir?: string } = {}): InputFile {
  const dir = options.dir ?? tempDir('services-input-');
  const relative = options.gzip ? `${name}.gz` : name;
  const path = join(dir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, options.gzip ? gzipSync(content) : content);
  return { id, path, name: relative };
}

/** The columns of the ACE basic dataset (2023), as published. */
export const ACE_HEADER = [
  'reporting', 'name', 'address1', 'address2', 'address3', 'authority', 'postcode', 'uprn', 'type',
  'statutory_10', 'statutory_16', 'statutory_19', 'statutory_21', 'statutory_22', 'statutory_23',
  'operation_16', 'operation_19', 'operation_21', 'operation_22', 'operation_23', 'closed', 'opened',
  'operating_organisation', 'department', 'new_build_22', 'co_located', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'hours', 'staffed_hours', 'automated', 'email',
] as const;

export function aceRow(values: Partial<Record<(typeof ACE_HEADER)[number], string>>): string[] {
  const defaults: Partial<Record<(typeof ACE_HEADER)[number], string>> = { type: 'Static Library', statutory_23: 'Yes', operation_23: 'LA' };
  return ACE_HEADER.map((column) => values[column] ?? defaults[column] ?? '');
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The columns of the Libraries Hacked libraries file, as published. */
export const HACKED_HEADER = [
  'Local authority', 'Library name', 'Address 1', 'Address 2', 'Address 3', 'Postcode', 'Unique property reference number',
  'Statutory', 'Type of library', 'Year opened', 'Year closed',
  ...DAYS.map((day) => `${day} staffed hours`), ...DAYS.map((day) => `${day} unstaffed hours`),
  'Special hours', 'Co-located', 'Co-located with', 'Notes', 'URL', 'Email address',
];

export function hackedRow(values: Record<string, string>, staffed: string[] = [], unstaffed: string[] = []): string[] {
  const defaults: Record<string, string> = { Statutory: 'Yes', 'Type of library': 'LAL' };
  DAYS.forEach((day, d) => {
    defaults[`${day} staffed hours`] = staffed[d] ?? '';
    defaults[`${day} unstaffed hours`] = unstaffed[d] ?? '';
  });
  return HACKED_HEADER.map((column) => values[column] ?? defaults[column] ?? '');
}

/** The header of the shared epraccur copy (the specification's names, the six empty columns dropped). */
export const EPRACCUR_HEADER = [
  'Organisation Code', 'Name', 'National Grouping', 'High Level Health Geography', 'Address Line 1', 'Address Line 2',
  'Address Line 3', 'Address Line 4', 'Address Line 5', 'Postcode', 'Open Date', 'Close Date', 'Status Code',
  'Organisation Sub-Type Code', 'Commissioner', 'Join Provider/Purchaser Date', 'Left Provider/Purchaser Date',
  'Contact Telephone Number', 'Amended Record Indicator', 'Provider/Purchaser', 'Prescribing Setting',
];

export function gpRow(code: string, name: string, postcode: string, status: string, setting: string, open = '19740401', join = '20200401'): string[] {
  const values: Record<string, string> = {
    'Organisation Code': code,
    Name: name,
    'National Grouping': 'Y63',
    'Address Line 1': 'THE HEALTH CENTRE',
    'Address Line 2': 'LAWSON STREET',
    'Address Line 3': 'STOCKTON ON TEES',
    Postcode: postcode,
    'Open Date': open,
    'Status Code': status,
    'Join Provider/Purchaser Date': join,
    'Prescribing Setting': setting,
  };
  return EPRACCUR_HEADER.map((column) => values[column] ?? '');
}

export const SCHOOLS_KS4_HEADER = ['RECTYPE', 'URN', 'SCHNAME', 'PCODE', 'TOWN', 'P8MEA', 'P8_BANDING', 'ATT8SCR', 'PTL2BASICS_95', 'PTEBACC_E_PTQ_EE', 'EBACCAPS'];
export const SCHOOLS_KS2_HEADER = ['RECTYPE', 'URN', 'SCHNAME', 'PCODE', 'TOWN', 'READPROG', 'READPROG_DESCR', 'WRITPROG', 'WRITPROG_DESCR', 'MATPROG', 'MATPROG_DESCR'];
export const schoolRow = (header: readonly string[], rectype: string, urn: string, name: string, postcode: string, town = 'Birmingham') =>
  header.map((column) => ({ RECTYPE: rectype, URN: urn, SCHNAME: name, PCODE: postcode, TOWN: town })[column] ?? '');

export const FOODBANK_HEADER = ['name', 'slug', 'postcode', 'country', 'closed', 'latt_long', 'network'];
