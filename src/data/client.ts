/**
 * Loading the built data files (src/data/schema.ts). Every file is fetched
 * at most once per page (concurrent requests share one promise) and decoded
 * into the shapes the app uses; a failed fetch is forgotten so it can be
 * retried.
 */
import type { Level } from '../config/geography.ts';
import { decodeClasses, decodeCodes } from './codes.ts';
import { isComputedPath } from './computed/paths.ts';
import {
  dataPaths,
  type AreaCodes,
  type Bounds,
  type BoundsFile,
  type ClassFile,
  type GroupAreas,
  type LsoaDetails,
  type Manifest,
  type PointsFile,
  type Profile,
  type ValueFile,
} from './schema.ts';

export class DataError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** The areas of a level: codes in order, and each code's position. */
export interface AreaIndex {
  level: Level;
  codes: string[];
  indexOf: Map<string, number>;
}

export interface GroupAreaIndex extends AreaIndex {
  names: string[];
  /** Wards: index of the authority. */
  lad?: number[];
  population: number[];
  lsoaCount: number[];
  label: number[];
  bounds: number[];
}

export interface LsoaDetailIndex {
  names: string[];
  ward: number[];
}

function indexCodes(level: Level, codes: string[]): AreaIndex {
  return { level, codes, indexOf: new Map(codes.map((code, i) => [code, i])) };
}

export function boundsAt(flat: readonly number[], index: number): Bounds {
  return [flat[index * 4], flat[index * 4 + 1], flat[index * 4 + 2], flat[index * 4 + 3]];
}

/** A class file, decoded: `classes[r][i]` is the class of area i in release `releases[r]` (0 = no value). */
export interface Classes {
  releases: string[];
  classes: Uint8Array[];
  breaks: (number[] | null)[];
}

export interface DataClient {
  baseUrl: string;
  url(path: string): string;
  manifest(): Promise<Manifest>;
  areas(level: Level): Promise<AreaIndex>;
  groupAreas(level: 'ward' | 'lad'): Promise<GroupAreaIndex>;
  lsoaDetails(): Promise<LsoaDetailIndex>;
  lsoaBounds(): Promise<number[]>;
  /** The population-weighted centroid of every LSOA: flattened [lng, lat] in the order of areas/lsoa.json. */
  lsoaPoints(): Promise<Float64Array>;
  /** The classes of a layer's measure at a level (a path from the view spec): one array per release, in code order. */
  classes(path: string): Promise<Classes>;
  /** Values and ranks of every measure of a layer at a level (a path from the view spec). */
  values(path: string): Promise<ValueFile>;
  profile(ladCode: string): Promise<Profile>;
  /** Any other data file (a theme's own files), parsed as JSON, fetched once. */
  file<T>(path: string): Promise<T>;
}

/** Computed layers' classes and values: their module is loaded only when such a layer is shown. */
const computedModule = () => import('./computed/segregation.ts');

export function createDataClient(baseUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): DataClient {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const cache = new Map<string, Promise<unknown>>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = cache.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load().catch((error) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, promise);
    }
    return promise;
  }

  const json = <T>(path: string): Promise<T> =>
    cached(path, async () => {
      let response: Response;
      try {
        response = await fetchImpl(base + path);
      } catch (error) {
        throw new DataError(path, undefined, `Could not load ${path}: ${(error as Error).message}`);
      }
      if (!response.ok) throw new DataError(path, response.status, `Could not load ${path} (HTTP ${response.status})`);
      try {
        return (await response.json()) as T;
      } catch {
        // Some hosts answer a missing file with index.html.
        throw new DataError(path, response.status, `${path} is not valid JSON (is the data deployed next to the site?)`);
      }
    });

  const client: DataClient = {
    baseUrl: base,
    url: (path) => base + path,
    manifest: () => json<Manifest>(dataPaths.manifest),
    areas: (level) =>
      level === 'lsoa'
        ? cached('index:lsoa', async () => indexCodes('lsoa', decodeCodes((await json<AreaCodes>(dataPaths.areas('lsoa'))).codes)))
        : client.groupAreas(level),
    groupAreas: (level) =>
      cached(`index:${level}`, async () => {
        const file = await json<GroupAreas>(dataPaths.areas(level));
        return { ...file, ...indexCodes(level, decodeCodes(file.codes)) };
      }),
    lsoaDetails: () => json<LsoaDetails>(dataPaths.lsoaDetails),
    lsoaBounds: () => cached('bounds:lsoa', async () => (await json<BoundsFile>(dataPaths.lsoaBounds)).bounds),
    lsoaPoints: () => cached('points:lsoa', async () => Float64Array.from((await json<PointsFile>(dataPaths.lsoaPoints)).points)),
    classes: (path) =>
      cached(`classes:${path}`, async () => {
        if (isComputedPath(path)) return (await computedModule()).computedClasses(client, path);
        const file = await json<ClassFile>(path);
        return { releases: file.releases, classes: file.class.map(decodeClasses), breaks: file.breaks ?? file.releases.map(() => null) };
      }),
    values: (path) => (isComputedPath(path) ? computedModule().then((module) => module.computedValues(client, path)) : json<ValueFile>(path)),
    profile: (ladCode) => json<Profile>(dataPaths.profile(ladCode)),
    file: (path) => json(path),
  };
  return client;
}
