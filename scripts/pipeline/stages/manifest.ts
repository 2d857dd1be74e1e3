/**
 * Write stage, the manifest: vintages, counts, weights, the layers built
 * (levels, releases, measures, official figures, gaps), agreement with
 * File 10, every file written, the sources used with their sha256, and
 * anything skipped or repaired.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { DATA_FORMAT_VERSION, type AgreementRecord, type Bounds, type BuiltLayer, type Manifest, type SourceRecord } from '../../../src/data/schema.ts';
import type { Level } from '../../../src/config/geography.ts';
import { LAYERS } from '../../../src/config/catalogue/index.ts';
import { postcodePaths } from '../../../src/data/postcodeSchema.ts';
import { servicesPaths } from '../../../src/data/servicesSchema.ts';
import { namesPaths } from '../../../src/data/namesSchema.ts';
import { SOURCES, type InputFile } from '../inputs.ts';
import type { HarmonisedContext, LayerData } from '../model.ts';
import { round, type OutputFolder } from '../output.ts';
import { adapterOf } from '../adapters/index.ts';
import { flattenBounds } from './appData.ts';

const SERVICE_CELLS_FOLDER = servicesPaths.cell('').replace(/\.json$/, '');
const NAMES_AUTHORITIES_FOLDER = namesPaths.authority('').replace(/\.json$/, '');

/**
 * A file of the postcode index, a services cell or an authority's names file
 * (hundreds or thousands of small files, found through postcodes/index.json,
 * services/index.json and names/places.json, which stay in the manifest's
 * file list).
 */
function isListedElsewhere(path: string): boolean {
  return (path.startsWith('postcodes/') && path !== postcodePaths.index) || path.startsWith(SERVICE_CELLS_FOLDER) || path.startsWith(NAMES_AUTHORITIES_FOLDER);
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The inputs the build used: those of the adapters whose layers were built, the geography, and the weights' file. */
function usedInputs(ctx: HarmonisedContext, layers: readonly LayerData[], computedInputs: readonly string[]): InputFile[] {
  const adapters = new Set(layers.map((l) => l.entry.adapter));
  const ids = new Set<string>(['lookup', 'boundaries', 'lsoa_pwc', 'postcodes', 'msoa_names', 'open_names', ...computedInputs]);
  for (const id of adapters) for (const input of adapterOf(id).inputs) ids.add(input);
  return Object.values(ctx.inputs).filter(
    (file): file is InputFile => file !== undefined && (ids.has(file.id) || (file.id === 'census' && ctx.weights.kind === 'census-2021')),
  );
}

export function builtLayer(layer: LayerData): BuiltLayer {
  const levels: BuiltLayer['levels'] = {};
  for (const [level, data] of Object.entries(layer.levels) as [Level, NonNullable<LayerData['levels'][Level]>][]) {
    levels[level] = { releases: data.releases, measures: Object.keys(data.measures) };
  }
  return {
    levels,
    ...(Object.keys(layer.officialLadMeasures).length ? { officialLadMeasures: layer.officialLadMeasures } : {}),
    ...(layer.gaps.length ? { gaps: layer.gaps } : {}),
  };
}

/** The layers in the catalogue's order (stored and computed layers are built by different stages). */
function inCatalogueOrder(layers: Record<string, BuiltLayer>): Record<string, BuiltLayer> {
  return Object.fromEntries(LAYERS.filter((entry) => entry.id in layers).map((entry) => [entry.id, layers[entry.id]]));
}

export async function writeManifest(
  output: OutputFolder,
  ctx: HarmonisedContext,
  layers: readonly LayerData[],
  agreement: readonly AgreementRecord[],
  tiles: Manifest['tiles'],
  england: Bounds,
  /** Computed layers (segregation, stages/segregation.ts): their manifest records and the inputs they used. */
  computed: { layers: Record<string, BuiltLayer>; inputs: readonly string[] } = { layers: {}, inputs: [] },
  /** The services stage's summary and the inputs it read (scripts/pipeline/services/), when it ran. */
  services?: { summary: NonNullable<Manifest['services']>; inputs: readonly string[] },
): Promise<Manifest> {
  const sources: SourceRecord[] = [];
  for (const file of usedInputs(ctx, layers, [...computed.inputs, ...(services?.inputs ?? [])])) {
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
  const { geography, weights } = ctx;
  const manifest: Manifest = {
    formatVersion: DATA_FORMAT_VERSION,
    buildId,
    vintages: { lsoa: 2021, ward: geography.wardVintage, lad: geography.ladVintage },
    counts: { lsoa: geography.lsoa.codes.length, ward: geography.ward.codes.length, lad: geography.lad.codes.length },
    weights: { kind: weights.kind, description: weights.description, file: weights.file, column: weights.column },
    layers: inCatalogueOrder({ ...Object.fromEntries(layers.map((layer) => [layer.entry.id, builtLayer(layer)])), ...computed.layers }),
    agreement: agreement.map((row) => ({
      ...row,
      maxAbsDifference: round(row.maxAbsDifference, 6),
      meanAbsDifference: round(row.meanAbsDifference, 6),
    })),
    bounds: flattenBounds([england]) as Bounds,
    tiles,
    // The postcode files and services cells (thousands) are listed by their indexes, not here: the app loads the manifest first.
    files: Object.fromEntries([...output.sizes.entries()].filter(([path]) => !isListedElsewhere(path)).sort(([a], [b]) => (a < b ? -1 : 1))),
    sources,
    skipped: ctx.skipped,
    ...(services ? { services: services.summary } : {}),
  };
  output.writeJson('manifest.json', manifest);
  return manifest;
}
