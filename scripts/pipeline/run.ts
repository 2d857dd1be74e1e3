/**
 * The data build: official files in, the app's static data out, in stages
 * (scripts/pipeline/stages/):
 *
 *   sources    find the inputs, read the lookup, each source adapter reads and checks its files
 *   harmonise  population weights; every source onto the lookup's LSOAs 2021
 *   derive     every layer of the catalogue at every level: summaries, ranks, classes
 *   segregation  the computed layers: unit tables, indices of every ward and authority, their downloads
 *   geometry   boundaries, topology, vector tiles
 *   postcodes  the LSOA of every postcode on the full boundaries, the postcode files (optional input)
 *   services   libraries, GP practices, schools, warm spaces, food banks placed by postcode: read with the sources, written with the app data (optional inputs; scripts/pipeline/services/)
 *   names      place and neighbourhood names for the search and the map's labels (optional inputs; scripts/pipeline/names/)
 *   write      area, class, value and profile files; CSV downloads; manifest; swap in
 *
 * This file only puts them in order, reports progress and swaps the output
 * in when everything has succeeded.
 */
// The pipeline builds every layer, the later themes' too (the app loads those when first used).
import '../../src/config/catalogue/all.ts';
import { LEVELS } from '../../src/config/geography.ts';
import { dataPaths, type AgreementRecord, type Manifest } from '../../src/data/schema.ts';
import type { SourceId } from './inputs.ts';
import type { Expected } from './model.ts';
import { OutputFolder } from './output.ts';
import { createProgress } from './progress.ts';
import { findInputFiles, readGeography, readSources } from './stages/sources.ts';
import { harmoniseSources } from './stages/harmonise.ts';
import { deriveLayers } from './stages/derive.ts';
import { buildTiles, readBoundaries } from './stages/geometry.ts';
import { lsoaGeometries } from './boundaries.ts';
import { writeAppData } from './stages/appData.ts';
import { downloadCsv, downloadsReadme } from './stages/downloads.ts';
import { accessDownloads } from './access/downloads.ts';
import type { AccessHarmonised } from './adapters/access.ts';
import { writeManifest } from './stages/manifest.ts';
import { buildSegregation } from './stages/segregation.ts';
import { readLsoaPoints, writeLsoaPoints } from './points.ts';
import { buildPostcodeIndex, readPostcodes, type PostcodeTable } from './postcodes.ts';
import { readServices, servicesManifest, writeServices, type ServicesBuild } from './services/index.ts';
import { buildNames, readNames, type NamesSources } from './names/stage.ts';
import { printAgreement, printSummary } from './report.ts';

export interface PipelineOptions {
  dataDir: string;
  outDir: string;
  /** Explicit input files, overriding discovery in dataDir. */
  files?: Partial<Record<SourceId, string>>;
  /** National counts the inputs must have (the defaults are England's). */
  expected?: Partial<Expected>;
  log?: (line: string) => void;
}

export interface PipelineResult {
  manifest: Manifest;
  agreement: AgreementRecord[];
  warnings: readonly string[];
  seconds: number;
}

export const ENGLAND: Expected = { lsoas: 33_755, lads: 296, lsoa11s: 32_844 };
const STEPS = 13;

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const log = options.log ?? console.log;
  const expected: Expected = { ...ENGLAND, ...Object.fromEntries(Object.entries(options.expected ?? {}).filter(([, v]) => v !== undefined)) };
  const progress = createProgress(STEPS, log);
  const warn = (message: string) => progress.warn(message);
  const output = new OutputFolder(options.outDir);
  try {
    // Sources
    const inputs = await progress.step('Finding the input files', (note) => findInputFiles(options.dataDir, options.files ?? {}, note));
    const base = await progress.step('Reading the LSOA → ward → authority lookup', (note) => readGeography(inputs, expected, warn, note));
    let points: number[] | undefined;
    let postcodes: PostcodeTable | undefined;
    let services: ServicesBuild | undefined;
    let names: NamesSources = {};
    const sources = await progress.step('Reading and checking the sources', async (note) => {
      // Centroids and postcodes first: the services are placed by postcode, and the access layer's adapter reads both.
      points = await readLsoaPoints(base, note);
      base.lsoaPoints = points;
      postcodes = readPostcodes(base, note);
      services = await readServices(base, postcodes, note);
      base.services = services?.records;
      names = await readNames(base, note);
      return readSources(base, note);
    });
    // Harmonise
    const { ctx, harmonised } = await progress.step('Harmonising onto LSOAs 2021, wards and authorities', (note) => harmoniseSources(sources, base, note));
    // Derive
    const { layers, agreement } = await progress.step('Deriving summaries, ranks and classes of every layer', (note) => deriveLayers(harmonised, ctx, note));
    if (agreement.length > 0) printAgreement(agreement, ctx.weights, log);
    const segregation = await progress.step('Segregation: unit tables, indices of every ward and authority, downloads', (note) => buildSegregation(sources, ctx, output, note));
    // Geometry
    const boundaries = await progress.step('Reading LSOA boundaries and building their topology', (note) => readBoundaries(ctx, note));
    const tiles = await progress.step('Building vector tiles (PMTiles), zoom by zoom', (note) => buildTiles(ctx, boundaries, output, note));
    await progress.step('Postcode index: the LSOA of every postcode, one file per outward code', (note) => {
      if (postcodes) buildPostcodeIndex(ctx, postcodes, lsoaGeometries(boundaries.topology), output, note);
      else note('no postcodes input: skipped');
      postcodes = undefined;
    });
    await progress.step('Place names: the search index and each authority\'s neighbourhoods', (note) => buildNames(ctx, names, tiles.boxes.lsoa, output, note));
    // Write
    await progress.step('Writing area, class, value and profile files', (note) => {
      writeAppData(output, { geography: ctx.geography, ladOfLsoa: ctx.ladOfLsoa, weights: ctx.weights, layers, bounds: tiles.boxes, labels: tiles.labels });
      if (points) writeLsoaPoints(output, points);
      if (services) writeServices(output, services);
      note(`${output.sizes.size} files so far`);
    });
    await progress.step('Writing CSV downloads', (note) => {
      const input = { geography: ctx.geography, ladOfLsoa: ctx.ladOfLsoa, weights: ctx.weights, layers };
      for (const level of LEVELS) output.write(dataPaths.download(level), downloadCsv(input, level));
      const access = accessDownloads(layers, harmonised.get('access') as AccessHarmonised | undefined, ctx);
      for (const file of access.files) output.write(file.path, file.text);
      output.write(dataPaths.downloadsReadme, downloadsReadme(input) + segregation.readme + access.readme);
      const sizes = [...LEVELS.map(dataPaths.download), ...access.files.map((file) => file.path)].map((path) => `${path.split('/').pop()} ${(output.sizes.get(path)! / 1e6).toFixed(1)} MB`);
      note(`${sizes.join(', ')}${access.files.length ? ` (the access files in ${access.seconds.toFixed(1)} s)` : ''}`);
    });
    const manifest = await progress.step('Writing the manifest and swapping the output in', async (note) => {
      const result = await writeManifest(output, ctx, layers, agreement, tiles.tiles, boundaries.england, segregation, services && { summary: servicesManifest(services), inputs: services.inputs });
      output.commit();
      note(`build ${result.buildId} → ${output.finalDir}`);
      return result;
    });

    const seconds = (performance.now() - started) / 1000;
    printSummary(manifest, seconds, progress.warnings, log);
    return { manifest, agreement, warnings: progress.warnings, seconds };
  } catch (error) {
    output.abort();
    throw error;
  }
}
