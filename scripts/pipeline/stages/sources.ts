/**
 * Source stage: finds the input files, reads the geography of the build
 * (the LSOA 2021 → ward → authority lookup), then lets every source adapter
 * that some catalogue layer names read and check its own inputs.
 */
import { LAYERS } from '../../../src/config/catalogue/index.ts';
import { readCsv } from '../csv.ts';
import { InputError } from '../errors.ts';
import { findInputs, OPTIONAL_SOURCES, type InputFile, type SourceId } from '../inputs.ts';
import { lsoaAuthorities, parseLookup, type Geography } from '../lookup.ts';
import { recordSkipped, type BuildContext, type Expected } from '../model.ts';
import { adapterOf } from '../adapters/index.ts';
import type { Note } from '../adapters/types.ts';

export function findInputFiles(dataDir: string, overrides: Partial<Record<SourceId, string>>, note: Note): Partial<Record<SourceId, InputFile>> {
  const found = findInputs(dataDir, overrides, OPTIONAL_SOURCES);
  for (const file of Object.values(found)) note(`${file!.id}: ${file!.name}`);
  return found;
}

/** Reads the lookup and starts the build's context. */
export async function readGeography(
  inputs: Partial<Record<SourceId, InputFile>>,
  expected: Expected,
  warn: (message: string) => void,
  note: Note,
): Promise<BuildContext> {
  const lookup = inputs.lookup!;
  const geography: Geography = parseLookup(await readCsv(lookup.path, lookup.name), expected.lsoas);
  note(`${geography.lsoa.codes.length} LSOAs 2021, ${geography.ward.codes.length} wards ${geography.wardVintage}, ${geography.lad.codes.length} authorities ${geography.ladVintage}`);
  if (geography.lad.codes.length !== expected.lads) {
    throw new InputError({
      file: lookup.name,
      problem: `has ${geography.lad.codes.length} English authorities; expected ${expected.lads} (LAD ${geography.ladVintage})`,
    });
  }
  const ctx: BuildContext = {
    inputs,
    expected,
    geography,
    lookupName: `the lookup (${lookup.name})`,
    ladOfLsoa: lsoaAuthorities(geography),
    skipped: [],
    warn,
  };
  recordSkipped(ctx, note, { file: lookup.name, what: 'rows outside England', examples: geography.skippedOutsideEngland });
  return ctx;
}

/** The adapters the catalogue's layers name, in catalogue order, each once. */
export function adapterIds(): string[] {
  return [...new Set(LAYERS.map((layer) => layer.adapter))];
}

/** Every adapter reads and checks its inputs; those whose inputs are absent are left out (with a warning). */
export async function readSources(ctx: BuildContext, note: Note): Promise<Map<string, unknown>> {
  const sources = new Map<string, unknown>();
  for (const id of adapterIds()) {
    const source = await adapterOf(id).read(ctx, note);
    if (source !== undefined) sources.set(id, source);
  }
  return sources;
}
