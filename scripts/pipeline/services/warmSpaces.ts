/**
 * Warm and welcoming spaces from the Open Innovations warm spaces finder: a
 * GeoJSON FeatureCollection of points gathered from many directories, each
 * feature naming its directory in `_source`; the directories' titles, URLs
 * and the dates they were checked are in a second file (sources.json). Each
 * record credits its own directory (source `warm:<_source>`, dated by when it
 * was checked).
 *
 * UK-wide: a space is placed at its postcode when the feature gives one that
 * is in Code-Point Open England, else at its own point when that is in
 * England (geocode.ts), else it is left out as outside England.
 *
 * `hours.opening` is the finder's reading of the published hours in the OSM
 * opening_hours syntax: kept as opening hours when the opening_hours library
 * takes it without error or warning. `hours._text`, the hours as published
 * (HTML in some directories), is kept as text either way: it says what the
 * syntax cannot ("term time only", "until 18 March").
 *
 * The finder keeps the same space listed by two directories on purpose; the
 * exact repeats (the same title at the same point) are merged here, the
 * first directory (in file order) credited, and counted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ServiceRecord, ServiceSource } from '../../../src/data/servicesSchema.ts';
import { InputError } from '../errors.ts';
import { SOURCES, type InputFile } from '../inputs.ts';
import { GeocodingTally, type Geocoder } from './geocode.ts';
import { checkOpeningHours } from './hours.ts';
import type { SourceRead } from './source.ts';
import { htmlToText } from './text.ts';

/** One directory of sources.json (only the fields used). */
export interface WarmDirectory {
  title: string;
  url?: string;
  checked: string;
}

export const WARM_SOURCE_PREFIX = 'warm:';

function readJson(path: string, file: string): unknown {
  let text: string;
  try {
    const bytes = readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new InputError({ file, problem: 'the file ends in .gz but is not valid gzip data (truncated download?)' });
    throw new InputError({ file, problem: `cannot be read: ${(error as Error).message}` });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError({ file, problem: `is not valid JSON: ${(error as Error).message}` });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The directories of sources.json, by id: each needs a title and a date checked (YYYY-MM-DD). */
export function parseWarmDirectories(json: unknown, file: string, used: ReadonlySet<string>): Map<string, WarmDirectory> {
  if (!isObject(json)) throw new InputError({ file, problem: 'is not a JSON object of directories by id' });
  const directories = new Map<string, WarmDirectory>();
  for (const id of [...used].sort()) {
    const entry = json[id];
    if (!isObject(entry)) throw new InputError({ file, problem: `has no directory "${id}", which records of the warm spaces file name as their _source` });
    const { title, url, checked } = entry;
    if (typeof title !== 'string' || title.trim() === '') throw new InputError({ file, column: `${id}.title`, problem: `directory "${id}" has no title` });
    if (typeof checked !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(checked) || Number.isNaN(Date.parse(checked))) {
      throw new InputError({ file, column: `${id}.checked`, problem: `directory "${id}" has no date checked as YYYY-MM-DD (${JSON.stringify(checked)})` });
    }
    directories.set(id, { title: title.trim(), ...(typeof url === 'string' && /^https?:\/\//i.test(url) ? { url } : {}), checked });
  }
  return directories;
}

/** A directory as ServicesIndex.sources holds it. */
function directorySource(id: string, directory: WarmDirectory): ServiceSource {
  const finder = SOURCES.warm_spaces;
  return {
    id: `${WARM_SOURCE_PREFIX}${id}`,
    title: directory.title,
    publisher: `${directory.title}, gathered by Open Innovations (warm spaces finder)`,
    date: directory.checked,
    dateNote: 'the date Open Innovations last checked the directory',
    ...(directory.url ? { url: directory.url } : {}),
    licence: finder.licence,
    attribution: `${directory.title}${directory.url ? ` (${directory.url})` : ''}, via ${finder.attribution}`,
  };
}

interface WarmFeature {
  index: number;
  source: string;
  lng: number;
  lat: number;
  title?: string;
  address?: string;
  opening?: string;
  hoursText?: string;
  postcode?: string;
  url?: string;
}

const optionalString = (properties: Record<string, unknown>, key: string, where: () => string, file: string): string | undefined => {
  const value = properties[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError({ file, column: key, problem: `${where()}: "${key}" is not text (${JSON.stringify(value).slice(0, 40)})` });
  return value;
};

/** The features of the FeatureCollection; a feature that is not a point with a _source stops the build, naming it. */
export function parseWarmFeatures(json: unknown, file: string): WarmFeature[] {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new InputError({ file, problem: 'is not a GeoJSON FeatureCollection' });
  return json.features.map((feature: unknown, index): WarmFeature => {
    const where = () => `feature ${index + 1}`;
    if (!isObject(feature) || !isObject(feature.properties)) throw new InputError({ file, problem: `${where()} has no properties` });
    const properties = feature.properties;
    const geometry = feature.geometry;
    const coordinates = isObject(geometry) && geometry.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : undefined;
    const [lng, lat] = (coordinates ?? []) as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      throw new InputError({ file, column: 'geometry', problem: `${where()} (${String(properties.title ?? '')}) is not a point with longitude and latitude` });
    }
    const source = properties._source;
    if (typeof source !== 'string' || source.trim() === '') throw new InputError({ file, column: '_source', problem: `${where()} names no directory in _source` });
    const hours = properties.hours;
    if (hours !== undefined && hours !== null && !isObject(hours)) throw new InputError({ file, column: 'hours', problem: `${where()}: "hours" is not an object` });
    const opening = hours ? optionalString(hours, 'opening', where, file) : undefined;
    const text = hours ? optionalString(hours, '_text', where, file) : undefined;
    const title = htmlToText(optionalString(properties, 'title', where, file));
    const address = htmlToText(optionalString(properties, 'address', where, file));
    const hoursText = htmlToText(text);
    const postcode = optionalString(properties, 'postcode', where, file);
    const url = optionalString(properties, 'url', where, file);
    return {
      index,
      source,
      lng,
      lat,
      ...(title ? { title } : {}),
      ...(address ? { address } : {}),
      ...(opening?.trim() ? { opening: opening.trim() } : {}),
      ...(hoursText ? { hoursText } : {}),
      ...(postcode?.trim() ? { postcode } : {}),
      ...(url && /^https?:\/\//i.test(url.trim()) ? { url: url.trim() } : {}),
    };
  });
}

/** A stable id: the same space (title and point) gets the same id in every build. */
function warmId(title: string, lng: number, lat: number): string {
  return createHash('sha1').update(`${title}|${lng}|${lat}`).digest('hex').slice(0, 12);
}

export function buildWarmSpaces(features: readonly WarmFeature[], directories: ReadonlyMap<string, WarmDirectory>, file: string, geocoder: Geocoder): SourceRead {
  const tally = new GeocodingTally('warm_space', 'warm_spaces', file);
  const records: ServiceRecord[] = [];
  const seen = new Set<string>();
  const refusedHours: string[] = [];
  const namedByAddress: string[] = [];
  const credited = new Set<string>();
  for (const feature of features) {
    tally.read++;
    const name = feature.title ?? feature.address;
    const example = `${name ?? `feature ${feature.index + 1}`} (${feature.source})`;
    if (!name) {
      tally.exclude('no title and no address', example);
      continue;
    }
    const key = `${name}|${feature.lng}|${feature.lat}`;
    if (seen.has(key)) {
      tally.exclude('the same title at the same point as a record before it (merged)', example);
      continue;
    }
    seen.add(key);
    const placed = tally.settle(geocoder.place(feature.postcode, feature), name, feature.postcode, example);
    if (!placed) continue;
    if (!feature.title) namedByAddress.push(name);
    let openingHours: string | undefined;
    if (feature.opening) {
      const check = checkOpeningHours(feature.opening);
      if (check.valid) openingHours = feature.opening;
      else refusedHours.push(`${name} "${feature.opening}": ${check.problem}`);
    }
    credited.add(feature.source);
    records.push({
      type: 'warm_space',
      id: warmId(name, feature.lng, feature.lat),
      name,
      ...placed,
      ...(feature.title && feature.address ? { address: feature.address } : {}),
      ...(openingHours ? { openingHours } : {}),
      ...(feature.hoursText ? { hoursText: feature.hoursText } : {}),
      ...(feature.url ? { url: feature.url } : {}),
      source: `${WARM_SOURCE_PREFIX}${feature.source}`,
    });
  }
  const sources = [...credited].sort().map((id) => directorySource(id, directories.get(id)!));
  const withHours = records.filter((record) => record.openingHours).length;
  return {
    records,
    tallies: [tally],
    sources,
    notes: [`warm spaces: ${sources.length} directories credited; opening hours of ${withHours} in OSM syntax, ${refusedHours.length} refused by the opening_hours library (their published text kept)`],
    listed: [
      { file, what: 'warm-space opening hours refused by the opening_hours library (the published text kept)', examples: refusedHours },
      { file, what: 'warm spaces with no title, named by their address', examples: namedByAddress },
    ],
  };
}

export function readWarmSpaces(inputs: { spaces: InputFile; directories: InputFile }, geocoder: Geocoder): SourceRead {
  const features = parseWarmFeatures(readJson(inputs.spaces.path, inputs.spaces.name), inputs.spaces.name);
  const directories = parseWarmDirectories(readJson(inputs.directories.path, inputs.directories.name), inputs.directories.name, new Set(features.map((f) => f.source)));
  return buildWarmSpaces(features, directories, inputs.spaces.name, geocoder);
}
