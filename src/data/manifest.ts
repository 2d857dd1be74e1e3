/** Facts about the build that the app reads from its manifest. */
import { rankTotal } from '../config/catalogue/index.ts';
import type { LayerEntry, Release } from '../config/catalogue/types.ts';
import type { Level } from '../config/geography.ts';
import type { Manifest } from './schema.ts';

/**
 * How many areas of a level a release of a layer ranks, for "rank r of n":
 * the publisher's count where the catalogue gives one (the IoD 2019 ranked
 * the 32,844 LSOAs of 2011), else the areas of the build less those the
 * build left without a figure in that release (its gaps).
 */
export function rankedAreas(manifest: Pick<Manifest, 'counts' | 'layers'>, layer: LayerEntry, level: Level, release: Release): number {
  const withoutFigure = (manifest.layers[layer.id]?.gaps ?? [])
    .filter((gap) => gap.level === level && gap.release === release.id)
    .reduce((sum, gap) => sum + gap.count, 0);
  return rankTotal(release, level, manifest.counts[level] - withoutFigure);
}

/**
 * The measures of a layer whose figures at this level and release are the
 * publisher's own (File 10 for authorities) rather than computed here; the
 * build records them for authorities only.
 */
export function officialMeasures(manifest: Pick<Manifest, 'layers'>, layer: LayerEntry, level: Level, release: string): string[] {
  const byLevel: Partial<Record<Level, Record<string, string[]> | undefined>> = { lad: manifest.layers[layer.id]?.officialLadMeasures };
  return byLevel[level]?.[release] ?? [];
}
