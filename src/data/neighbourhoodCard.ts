/**
 * What the resident panel's card says about a place's neighbourhood: its
 * LSOA 2021 (name, code), the MSOA 2021 it is part of with the House of
 * Commons Library's name for it, its ward and authority, and its IMD 2025
 * decile, read from the IMD's class file as the map reads it (the decile is
 * the class of the LSOA in the IoD's deciles scheme; 1 = most deprived).
 * That file is usually in the cache already: it colours the first map.
 */
import { layerById } from '../config/catalogue/index.ts';
import { describeArea, type AreaRef } from './areas.ts';
import { DataError, type DataClient } from './client.ts';
import { neighbourhoodOf } from './neighbourhoodNames.ts';
import { dataPaths, type Manifest } from './schema.ts';

/** The Index of Multiple Deprivation, 2025: the card's decile. */
export const CARD_LAYER = 'imd';
export const CARD_RELEASE = '2025';

export interface NeighbourhoodCardData {
  lsoa: AreaRef;
  ward: AreaRef | null;
  lad: AreaRef | null;
  /** The MSOA and its House of Commons Library name; null where the build has no names. */
  msoa: AreaRef | null;
  /** IMD 2025 decile, 1 (most deprived 10%) to 10; null where the build has none for this LSOA. */
  decile: number | null;
}

async function msoaOf(client: DataClient, lsoa: string): Promise<AreaRef | null> {
  try {
    const neighbourhood = await neighbourhoodOf(client, lsoa);
    return neighbourhood && { code: neighbourhood.code, name: neighbourhood.name };
  } catch (error) {
    // A build without the names files (the pipeline was not given them): the card goes without.
    if (error instanceof DataError && error.status === 404) return null;
    throw error;
  }
}

/** The IMD 2025 decile of every LSOA (in the order of areas/lsoa.json, 0 = none), or null where the build has none. */
async function imdDeciles(client: DataClient, manifest: Manifest): Promise<Uint8Array | null> {
  const layer = layerById(CARD_LAYER);
  const measure = layer?.levels.lsoa?.measures[0];
  if (!layer || !measure || !manifest.layers[layer.id]?.levels.lsoa?.releases.includes(CARD_RELEASE)) return null;
  const classes = await client.classes(dataPaths.classes(layer.id, 'lsoa', measure.id));
  const release = classes.releases.indexOf(CARD_RELEASE);
  return release < 0 ? null : classes.classes[release];
}

/** The card of an LSOA 2021, or null for a code the data do not have. */
export async function loadNeighbourhoodCard(client: DataClient, manifest: Manifest, lsoaCode: string): Promise<NeighbourhoodCardData | null> {
  const [area, msoa, deciles] = await Promise.all([describeArea(client, lsoaCode), msoaOf(client, lsoaCode), imdDeciles(client, manifest)]);
  if (!area || area.level !== 'lsoa') return null;
  const decile = deciles?.[area.index] ?? 0;
  return {
    lsoa: { code: area.code, name: area.name },
    ward: area.ward ?? null,
    lad: area.lad ?? null,
    msoa,
    decile: decile >= 1 && decile <= 10 ? decile : null,
  };
}
