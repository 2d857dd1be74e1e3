/**
 * The services stage (issue 14): libraries, GP practices, schools, warm and
 * welcoming spaces and food banks, each read and checked by its own module,
 * placed through the postcode table (geocode.ts), and written as the files of
 * src/data/servicesSchema.ts (write.ts).
 *
 * Every input is optional. Without any, or without the postcodes (Code-Point
 * Open), no services are built and the build says so. A missing column or a
 * malformed row stops the build with the file, line and column; a record
 * that cannot be placed is counted, with examples, in the build log, the
 * manifest and services/index.json.
 */
import { SERVICE_TYPE_IDS, type ServiceTypeId } from '../../../src/config/serviceTypes.ts';
import type { Manifest } from '../../../src/data/schema.ts';
import type { ServiceRecord, ServicesIndex } from '../../../src/data/servicesSchema.ts';
import { countOf } from '../errors.ts';
import { SERVICE_SOURCE_IDS, type SourceId } from '../inputs.ts';
import { recordSkipped, type BuildContext } from '../model.ts';
import type { OutputFolder } from '../output.ts';
import type { PostcodeTable } from '../postcodes.ts';
import { readFoodbanks } from './foodbanks.ts';
import { Geocoder, type GeocodingTally } from './geocode.ts';
import { readGpPractices } from './gpPractices.ts';
import { readLibraries } from './libraries.ts';
import { readSchools } from './schools.ts';
import type { SourceRead } from './source.ts';
import { readWarmSpaces } from './warmSpaces.ts';
import { servicesIndex, writeServiceFiles } from './write.ts';

export interface ServicesBuild {
  records: ServiceRecord[];
  index: ServicesIndex;
  /** The inputs read, for the manifest's list of sources. */
  inputs: SourceId[];
}

/** Plural nouns of the types, for the build log. */
const TYPE_NOUNS: Record<ServiceTypeId, string> = {
  library: 'libraries',
  gp_practice: 'GP practices',
  school: 'schools',
  warm_space: 'warm spaces',
  foodbank: 'food banks',
};

/** Examples of records not placed that the manifest keeps per file (services/index.json keeps up to 20). */
const MANIFEST_EXAMPLES = 5;

function logTally(ctx: BuildContext, note: (message: string) => void, tally: GeocodingTally): void {
  const record = tally.record();
  const noun = TYPE_NOUNS[record.type];
  note(
    `${record.file}: ${countOf(record.read, 'row')} read, ${record.kept} kept, ${record.placed} placed, ${record.failed} not placed` +
      (record.merged ? ` (${record.merged} merged with the same ${record.type === 'school' ? 'school' : 'library'} of another file)` : ''),
  );
  for (const { reason, count, examples } of tally.exclusions()) recordSkipped(ctx, note, { file: record.file, what: `${noun} left out: ${reason}`, examples, count });
  recordSkipped(ctx, note, { file: record.file, what: `${noun} not placed (no postcode, or one not in Code-Point Open England)`, examples: tally.failedList });
}

/** Reads, checks and places every service input given; undefined when there are none, or no postcodes to place them by. */
export async function readServices(ctx: BuildContext, postcodes: PostcodeTable | undefined, note: (message: string) => void): Promise<ServicesBuild | undefined> {
  const inputs = ctx.inputs;
  const given = SERVICE_SOURCE_IDS.filter((id) => inputs[id] !== undefined);
  if (given.length === 0) {
    note('no service inputs (libraries, GP practices, schools, warm spaces, food banks): services/ is not written');
    return undefined;
  }
  if (!postcodes) {
    ctx.warn(`services not built: they are placed by postcode, and the postcodes input (--postcodes) is missing (given: ${given.join(', ')})`);
    return undefined;
  }
  const started = performance.now();
  const geocoder = new Geocoder(postcodes);
  const reads: SourceRead[] = [];
  const used: SourceId[] = [];
  const read = async (ids: readonly SourceId[], reading: () => SourceRead | Promise<SourceRead>) => {
    reads.push(await reading());
    used.push(...ids.filter((id) => inputs[id] !== undefined));
  };
  if (inputs.libraries_ace || inputs.libraries_hacked) {
    await read(['libraries_ace', 'libraries_hacked'], () => readLibraries({ ace: inputs.libraries_ace, hacked: inputs.libraries_hacked }, geocoder));
  }
  if (inputs.gp_practices) await read(['gp_practices'], () => readGpPractices(inputs.gp_practices!, geocoder));
  if (inputs.schools_ks4 || inputs.schools_ks2) await read(['schools_ks4', 'schools_ks2'], () => readSchools({ ks4: inputs.schools_ks4, ks2: inputs.schools_ks2 }, geocoder));
  if (inputs.warm_spaces && inputs.warm_spaces_sources) {
    const spaces = { spaces: inputs.warm_spaces, directories: inputs.warm_spaces_sources };
    await read(['warm_spaces', 'warm_spaces_sources'], () => readWarmSpaces(spaces, geocoder));
  } else if (inputs.warm_spaces || inputs.warm_spaces_sources) {
    ctx.warn(`warm spaces not built: they need both the spaces (--warm-spaces) and their directories (--warm-spaces-sources); only ${inputs.warm_spaces ? 'the spaces' : 'the directories'} given`);
  }
  if (inputs.foodbanks) await read(['foodbanks'], () => readFoodbanks(inputs.foodbanks!, geocoder));

  const records = reads.flatMap((read) => read.records);
  for (const { tallies, notes, listed } of reads) {
    for (const tally of tallies) logTally(ctx, note, tally);
    for (const line of notes) note(line);
    for (const item of listed) recordSkipped(ctx, note, item);
  }
  const index = servicesIndex(
    records,
    reads.flatMap((read) => read.sources),
    reads.flatMap((read) => read.tallies.map((tally) => tally.record())),
    new Date().toISOString().slice(0, 10),
  );
  const counts = SERVICE_TYPE_IDS.filter((type) => index.types[type].count > 0).map((type) => `${index.types[type].count} ${TYPE_NOUNS[type]}`);
  note(`services placed: ${counts.join(', ') || 'none'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { records, index, inputs: used };
}

/** Writes services/ (index, cells, points); returns the paths written. */
export function writeServices(output: OutputFolder, build: ServicesBuild): string[] {
  return writeServiceFiles(output, build.index, build.records);
}

/** The manifest's summary of the services: when built, what became of every file's records (five examples each), records per type. */
export function servicesManifest(build: ServicesBuild): NonNullable<Manifest['services']> {
  return {
    built: build.index.built,
    geocoding: build.index.geocoding.map((record) => ({ ...record, failedExamples: record.failedExamples.slice(0, MANIFEST_EXAMPLES) })),
    counts: Object.fromEntries(SERVICE_TYPE_IDS.map((type) => [type, build.index.types[type].count])) as Record<ServiceTypeId, number>,
  };
}
