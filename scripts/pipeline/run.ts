/**
 * The data build: official files in, the app's static data out.
 * Each step is a module of its own; this file only puts them in order,
 * reports progress and swaps the output in when everything has succeeded.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { INDICATORS, type IndicatorId } from '../../src/config/indicators.ts';
import { MEASURES, MEASURE_INFO, type Measure } from '../../src/config/measures.ts';
import { LEVELS, type Level } from '../../src/config/geography.ts';
import { groupSizes } from '../../src/stats/ranking.ts';
import { DATA_FORMAT_VERSION, dataPaths, type Bounds, type Manifest, type SkippedRecord, type SourceRecord } from '../../src/data/schema.ts';
import { readCsv } from './csv.ts';
import { InputError } from './errors.ts';
import { findInputs, SOURCES, type InputFile, type SourceId } from './inputs.ts';
import { parseLookup, lsoaAuthorities, type Geography } from './lookup.ts';
import { parseIod, type IndicatorColumns } from './iod.ts';
import { weightsFromCensus, weightsFromIod, type PopulationWeights } from './population.ts';
import { parseFile10 } from './file10.ts';
import { compareWithFile10, computeSummaries, useOfficialFigures, type AgreementRow } from './summaries.ts';
import {
  boundsOf,
  labelPoint,
  lsoaGeometries,
  lsoaTopology,
  readLsoaBoundaries,
  simplifyTopology,
  unionByArea,
  type AreaGeometry,
} from './boundaries.ts';
import { buildTilesets, MAX_TILE_ZOOM, MIN_TILE_ZOOM, minWeightAtZoom } from './tiles.ts';
import { downloadsReadme, ladCsv, lsoaCsv, wardCsv } from './downloads.ts';
import { OutputFolder, round } from './output.ts';
import { flattenBounds, writeAppData } from './app-data.ts';
import { createProgress, type Progress } from './progress.ts';

export interface PipelineOptions {
  dataDir: string;
  outDir: string;
  /** Explicit input files, overriding discovery in dataDir. */
  files?: Partial<Record<SourceId, string>>;
  /** National counts the inputs must have (the defaults are England's). */
  expected?: { lsoas?: number; lads?: number };
  log?: (line: string) => void;
}

export interface PipelineResult {
  manifest: Manifest;
  agreement: AgreementRow[];
  warnings: readonly string[];
  seconds: number;
}

export const ENGLAND = { lsoas: 33_755, lads: 296 };
const STEPS = 9;

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function alignIod(codes: readonly string[], iodCodes: readonly string[], columns: Record<IndicatorId, IndicatorColumns>) {
  const position = new Map(iodCodes.map((code, i) => [code, i]));
  const order = codes.map((code) => position.get(code)!);
  const aligned = {} as Record<IndicatorId, IndicatorColumns>;
  for (const indicator of INDICATORS) {
    const source = columns[indicator.id];
    aligned[indicator.id] = {
      score: Float64Array.from(order, (i) => source.score[i]),
      rank: Int32Array.from(order, (i) => source.rank[i]),
      decile: Uint8Array.from(order, (i) => source.decile[i]),
    };
  }
  return aligned;
}

function unionBounds(boxes: Bounds[]): Bounds {
  return boxes.reduce<Bounds>(
    (all, b) => [Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

function printAgreement(rows: AgreementRow[], weights: PopulationWeights, log: (line: string) => void): void {
  log('');
  log(`Agreement of the computed authority figures with the official File 10 (weights: ${weights.kind}):`);
  const header = ['indicator', 'measure', 'equal as published', 'max |diff|', 'mean |diff|', 'equal ranks', 'max rank diff', 'differing (first 3)'];
  const body = rows.map((r) => [
    r.indicator,
    MEASURE_INFO[r.measure].csv,
    `${r.equalAtPublishedPrecision}/${r.areas}`,
    r.maxAbsDifference.toPrecision(3),
    r.meanAbsDifference.toPrecision(3),
    `${r.equalRanks}/${r.areas}`,
    String(r.maxRankDifference),
    r.differing.slice(0, 3).join(' '),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  log(line(header));
  for (const row of body) log(line(row));
  if (weights.kind === 'census-2021') {
    log('The weighted measures differ because Census 2021 residents stand in for the mid-2022 population');
    log('of File 7. The proportion in the most deprived 10% is not weighted: where it differs, an LSOA is');
    log('in another authority in the best-fit ward lookup than in MHCLG\'s file (see README, "Known differences").');
  }
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const log = options.log ?? console.log;
  const expected = {
    lsoas: options.expected?.lsoas ?? ENGLAND.lsoas,
    lads: options.expected?.lads ?? ENGLAND.lads,
  };
  const progress: Progress = createProgress(STEPS, log);
  const skipped: SkippedRecord[] = [];
  const output = new OutputFolder(options.outDir);
  try {
    const inputs = await progress.step('Finding the input files', (note) => {
      const found = findInputs(options.dataDir, options.files ?? {}, ['census', 'file10']);
      for (const file of Object.values(found)) note(`${file!.id}: ${file!.name}`);
      return found;
    });

    const geography: Geography = await progress.step('Reading the LSOA → ward → authority lookup', async (note) => {
      const g = parseLookup(await readCsv(inputs.lookup!.path, inputs.lookup!.name), expected.lsoas);
      note(`${g.lsoa.codes.length} LSOAs 2021, ${g.ward.codes.length} wards ${g.wardVintage}, ${g.lad.codes.length} authorities ${g.ladVintage}`);
      if (g.lad.codes.length !== expected.lads) {
        throw new InputError({
          file: inputs.lookup!.name,
          problem: `has ${g.lad.codes.length} English authorities; expected ${expected.lads} (LAD ${g.ladVintage})`,
        });
      }
      if (g.skippedOutsideEngland.length) {
        skipped.push({ file: inputs.lookup!.name, what: 'rows outside England', count: g.skippedOutsideEngland.length, examples: g.skippedOutsideEngland.slice(0, 5) });
        note(`skipped ${g.skippedOutsideEngland.length} rows outside England`);
      }
      return g;
    });
    const lookupName = `the lookup (${inputs.lookup!.name})`;
    const lsoaCodeSet = new Set(geography.lsoa.codes);

    const { indicators, weights } = await progress.step('Reading the IoD 2025 LSOA file (File 7)', async (note) => {
      const iod = parseIod(await readCsv(inputs.iod2025!.path, inputs.iod2025!.name), lsoaCodeSet, lookupName);
      note(`${iod.codes.length} LSOAs × ${INDICATORS.length} indicators (score, rank, decile) checked`);
      let w = weightsFromIod(iod, geography.lsoa.codes);
      if (!w) {
        if (!inputs.census) {
          throw new InputError({
            file: inputs.iod2025!.name,
            problem: 'has no "Total population: mid 2022" column, and no Census 2021 TS021 file was found to weight the summaries',
            hint: `Use the full official File 7, or add ${SOURCES.census.files.join(' or ')} (${SOURCES.census.url}).`,
          });
        }
        w = weightsFromCensus(await readCsv(inputs.census.path, inputs.census.name), geography.lsoa.codes, lookupName);
        if (w.skippedOutsideEngland) {
          skipped.push({ file: inputs.census.name, what: 'rows outside England', count: w.skippedOutsideEngland, examples: [] });
        }
        progress.warn(`File 7 has no population column: summaries are weighted by ${w.description}`);
      }
      note(`weights: ${w.description}`);
      return { indicators: alignIod(geography.lsoa.codes, iod.codes, iod.indicators), weights: w };
    });

    const { wardSummaries, ladSummaries, agreement } = await progress.step('Computing ward and authority summaries', async (note) => {
      const ladOfLsoa = lsoaAuthorities(geography);
      const wards = computeSummaries(indicators, weights.values, geography.lsoa.ward, geography.ward.codes.length, geography.ward.lad);
      const lads = computeSummaries(indicators, weights.values, ladOfLsoa, geography.lad.codes.length);
      note(`${geography.ward.codes.length} wards and ${geography.lad.codes.length} authorities × ${INDICATORS.length} indicators × ${MEASURES.length} measures`);
      if (!inputs.file10) {
        progress.warn('no File 10 (local authority summaries) was found: every authority figure is computed, none is the official one');
        return { wardSummaries: wards, ladSummaries: lads, agreement: [] };
      }
      const file10 = parseFile10(
        await readCsv(inputs.file10.path, inputs.file10.name),
        geography.lad.codes,
        lookupName,
        geography.lsoa.codes.length,
      );
      const rows = compareWithFile10(lads, file10);
      useOfficialFigures(lads, file10);
      return { wardSummaries: wards, ladSummaries: lads, agreement: rows };
    });
    if (agreement.length > 0) printAgreement(agreement, weights, log);

    const { topology, england } = await progress.step('Reading LSOA boundaries and building their topology', (note) => {
      const boundaries = readLsoaBoundaries(inputs.boundaries!.path, inputs.boundaries!.name, geography.lsoa.codes, lookupName);
      if (boundaries.reprojected) note('reprojected from British National Grid to WGS84');
      if (boundaries.skippedOutsideEngland.length) {
        skipped.push({ file: inputs.boundaries!.name, what: 'features outside England', count: boundaries.skippedOutsideEngland.length, examples: boundaries.skippedOutsideEngland.slice(0, 5) });
        note(`skipped ${boundaries.skippedOutsideEngland.length} features outside England`);
      }
      const topo = lsoaTopology(boundaries.geometries);
      note(`${topo.arcs.length} shared edges (arcs)`);
      return { topology: topo, england: unionBounds(boundaries.geometries.map(boundsOf)) };
    });
    const ladOfLsoa = lsoaAuthorities(geography);
    // Wards and authorities are unions of their LSOAs, merged from the same (simplified) edges.
    const geometriesAtZoom = (z: number): Record<Level, AreaGeometry[]> => {
      const simplified = simplifyTopology(topology, minWeightAtZoom(z));
      return {
        lsoa: lsoaGeometries(simplified),
        ward: unionByArea(simplified, geography.lsoa.ward, geography.ward.codes.length),
        lad: unionByArea(simplified, ladOfLsoa, geography.lad.codes.length),
      };
    };

    const { tiles, boxes, labels } = await progress.step('Building vector tiles (PMTiles), zoom by zoom', (note) => {
      let boxes: Record<Level, Bounds[]> | undefined;
      let labels: { ward: [number, number][]; lad: [number, number][] } | undefined;
      const sets = buildTilesets(
        { lsoa: geography.lsoa.codes, ward: geography.ward.codes, lad: geography.lad.codes },
        geometriesAtZoom,
        england,
        (z, geometries) => {
          if (z === MAX_TILE_ZOOM) {
            // Bounds and label points from the most detailed geometry.
            boxes = Object.fromEntries(LEVELS.map((level) => [level, geometries[level].map(boundsOf)])) as Record<Level, Bounds[]>;
            labels = { ward: geometries.ward.map(labelPoint), lad: geometries.lad.map(labelPoint) };
          }
          note(`zoom ${z} done`);
        },
      );
      const result = {} as Manifest['tiles'];
      for (const level of LEVELS) {
        output.write(dataPaths.tiles(level), sets[level].archive);
        result[level] = { path: dataPaths.tiles(level), minZoom: MIN_TILE_ZOOM, maxZoom: MAX_TILE_ZOOM, bytes: sets[level].archive.length };
        const kb = sets[level].bytesByZoom.slice(MIN_TILE_ZOOM).map((bytes) => Math.round(bytes / 1000));
        note(`${level}: ${sets[level].tileCount} tiles, ${(sets[level].archive.length / 1e6).toFixed(1)} MB; kB at zoom ${MIN_TILE_ZOOM}–${MAX_TILE_ZOOM}: ${kb.join(' ')}`);
      }
      return { tiles: result, boxes: boxes!, labels: labels! };
    });

    const wardCounts = await progress.step('Writing area, class, column and profile files', (note) => {
      writeAppData(output, {
        geography,
        indicators,
        wardSummaries,
        ladSummaries,
        bounds: boxes,
        labels,
      });
      note(`${output.sizes.size} files so far`);
      return groupSizes(geography.ward.lad, geography.lad.codes.length);
    });

    await progress.step('Writing CSV downloads', (note) => {
      output.write(dataPaths.download('lsoa'), lsoaCsv(geography, indicators, weights));
      output.write(dataPaths.download('ward'), wardCsv(geography, wardSummaries));
      output.write(dataPaths.download('lad'), ladCsv(geography, ladSummaries, wardCounts));
      output.write('downloads/README.md', downloadsReadme(geography, weights, ladSummaries));
      note(LEVELS.map((level) => `${level}.csv ${(output.sizes.get(dataPaths.download(level))! / 1e6).toFixed(1)} MB`).join(', '));
    });

    const manifest = await progress.step('Writing the manifest and swapping the output in', async (note) => {
      const used = Object.values(inputs).filter((file): file is InputFile => file !== undefined && (file.id !== 'census' || weights.kind === 'census-2021'));
      const sources: SourceRecord[] = [];
      for (const file of used) {
        const source = SOURCES[file.id];
        sources.push({
          id: file.id,
          title: source.title,
          publisher: source.publisher,
          licence: source.licence,
          url: source.url,
          page: source.page,
          file: file.name,
          sha256: await sha256(file.path),
          attribution: source.attribution,
        });
      }
      const buildId = createHash('sha256')
        .update(JSON.stringify({ format: DATA_FORMAT_VERSION, inputs: sources.map((s) => [s.id, s.sha256]) }))
        .digest('hex')
        .slice(0, 16);
      const officialLadMeasures = Object.fromEntries(
        INDICATORS.flatMap((i) => {
          const measures = MEASURES.filter((m) => ladSummaries.indicators[i.id].official[m]);
          return measures.length ? [[i.id, measures]] : [];
        }),
      ) as Partial<Record<IndicatorId, Measure[]>>;
      const result: Manifest = {
        formatVersion: DATA_FORMAT_VERSION,
        buildId,
        edition: 'English Indices of Deprivation 2025',
        vintages: { lsoa: 2021, ward: geography.wardVintage, lad: geography.ladVintage },
        counts: { lsoa: geography.lsoa.codes.length, ward: geography.ward.codes.length, lad: geography.lad.codes.length },
        weights: { kind: weights.kind, description: weights.description, file: weights.file, column: weights.column },
        officialLadMeasures,
        agreement: agreement.map((row) => ({
          ...row,
          maxAbsDifference: round(row.maxAbsDifference, 6),
          meanAbsDifference: round(row.meanAbsDifference, 6),
        })),
        bounds: flattenBounds([england]) as Bounds,
        tiles,
        files: Object.fromEntries([...output.sizes.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
        sources,
        skipped,
      };
      output.writeJson(dataPaths.manifest, result);
      output.commit();
      note(`build ${buildId} → ${output.finalDir}`);
      return result;
    });

    const seconds = (performance.now() - started) / 1000;
    log('');
    log(`Built ${Object.keys(manifest.files).length + 1} files in ${seconds.toFixed(1)} s:`);
    const total = (prefix: string) =>
      Object.entries(manifest.files).filter(([path]) => path.startsWith(prefix)).reduce((sum, [, bytes]) => sum + bytes, 0);
    for (const [label, prefix] of [['tiles', 'tiles/'], ['areas', 'areas/'], ['classes', 'classes/'], ['columns', 'columns/'], ['profiles', 'profiles/'], ['downloads', 'downloads/']]) {
      log(`  ${label.padEnd(11)} ${(total(prefix) / 1e6).toFixed(1).padStart(6)} MB`);
    }
    log(`  weights     ${weights.description}`);
    if (skipped.length) for (const s of skipped) log(`  skipped     ${s.count} ${s.what} in ${s.file}${s.examples.length ? ` (${s.examples.join(', ')}…)` : ''}`);
    else log('  skipped     nothing');
    for (const warning of progress.warnings) log(`  warning     ${warning}`);
    return { manifest, agreement, warnings: progress.warnings, seconds };
  } catch (error) {
    output.abort();
    throw error;
  }
}
