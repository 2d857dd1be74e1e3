/**
 * Finding the input files: by the names in data/sources.json anywhere under
 * the data folder (official download names first), or by an explicit path.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import sources from '../../data/sources.json' with { type: 'json' };
import { InputError } from './errors.ts';

/** The services' inputs (scripts/pipeline/services/): all optional; without them, or without the postcodes, no services are built. */
export const SERVICE_SOURCE_IDS = ['libraries_ace', 'libraries_hacked', 'gp_practices', 'schools_ks4', 'schools_ks2', 'warm_spaces', 'warm_spaces_sources', 'foodbanks'] as const;

export const SOURCE_IDS = ['iod2025', 'file10', 'iod2019', 'lookup', 'lsoa11_lsoa21', 'boundaries', 'census', 'census2011', 'census_religion', 'census2011_oa', 'oa11_lookup', 'lsoa_pwc', 'postcodes', 'msoa_names', 'open_names', ...SERVICE_SOURCE_IDS] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Inputs the build can do without (their layers or releases are then not built, with a warning). */
export const OPTIONAL_SOURCES: readonly SourceId[] = ['file10', 'iod2019', 'lsoa11_lsoa21', 'census', 'census2011', 'census_religion', 'census2011_oa', 'oa11_lookup', 'lsoa_pwc', 'postcodes', 'msoa_names', 'open_names', ...SERVICE_SOURCE_IDS];

/** The command-line flag of each input: its id, except where a plainer name reads better. */
export const SOURCE_FLAGS: Record<SourceId, string> = {
  iod2025: 'iod2025',
  file10: 'file10',
  iod2019: 'iod2019',
  lookup: 'lookup',
  lsoa11_lsoa21: 'lsoa11-lookup',
  boundaries: 'boundaries',
  census: 'census',
  census2011: 'census2011',
  census_religion: 'census-religion',
  census2011_oa: 'census2011-oa',
  oa11_lookup: 'oa11-lookup',
  lsoa_pwc: 'lsoa-pwc',
  postcodes: 'postcodes',
  msoa_names: 'msoa-names',
  open_names: 'open-names',
  libraries_ace: 'libraries-ace',
  libraries_hacked: 'libraries-hacked',
  gp_practices: 'gp-practices',
  schools_ks4: 'schools-ks4',
  schools_ks2: 'schools-ks2',
  warm_spaces: 'warm-spaces',
  warm_spaces_sources: 'warm-spaces-sources',
  foodbanks: 'foodbanks',
};

export interface SourceDescription {
  title: string;
  publisher: string;
  licence: string;
  url?: string;
  page: string;
  search?: string;
  vintage: string;
  files: string[];
  note?: string;
  attribution: string;
  /** Services: the date the file's information is from ("2023", "2025-04-28") and what that date is, where the file itself does not say. */
  date?: string;
  dateNote?: string;
}

export const SOURCES = sources as unknown as Record<SourceId, SourceDescription>;

export interface InputFile {
  id: SourceId;
  path: string;
  /** Path relative to the data folder, for messages. */
  name: string;
}

function listFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else found.push(path);
    }
  };
  visit(folder);
  return found.sort();
}

export function whereToGet(id: SourceId): string {
  const source = SOURCES[id];
  const from = source.url ?? `${source.page}${source.search ? ` (search "${source.search}")` : ''}`;
  return `Download "${source.title}" (${source.publisher}) from ${from} and put it in the data folder, or pass --${SOURCE_FLAGS[id]} <file>.`;
}

/**
 * Resolves the path of every input. `overrides` maps a source id to a file
 * given on the command line; `optional` inputs may be absent.
 */
export function findInputs(
  dataDir: string,
  overrides: Partial<Record<SourceId, string>>,
  optional: readonly SourceId[] = [],
): Partial<Record<SourceId, InputFile>> {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new InputError({
      file: dataDir,
      problem: 'the data folder does not exist',
      hint: 'Pass --data <folder> or set DATA_DIR; README.md says which files to download into it.',
    });
  }
  const files = listFiles(dataDir);
  const found: Partial<Record<SourceId, InputFile>> = {};
  for (const id of SOURCE_IDS) {
    const override = overrides[id];
    if (override) {
      if (!existsSync(override)) throw new InputError({ file: override, problem: `the file given for --${SOURCE_FLAGS[id]} does not exist` });
      found[id] = { id, path: override, name: basename(override) };
      continue;
    }
    const match = SOURCES[id].files
      .flatMap((name) => [name, `${name}.gz`])
      .map((name) => files.find((file) => basename(file).toLowerCase() === name.toLowerCase()))
      .find((file) => file !== undefined);
    if (match) found[id] = { id, path: match, name: relative(dataDir, match) };
    else if (!optional.includes(id)) {
      throw new InputError({
        file: dataDir,
        problem: `no ${SOURCES[id].title} found (looked for ${SOURCES[id].files.join(' or ')}, optionally .gz)`,
        hint: whereToGet(id),
      });
    }
  }
  return found;
}
