/** "Rank r of n": n is the areas a release ranks. */
import { describe, expect, it } from 'vitest';
import { layerById, releaseOf } from '../../src/config/catalogue/index.ts';
import { rankedAreas } from '../../src/data/manifest.ts';
import type { Manifest } from '../../src/data/schema.ts';

const manifest: Pick<Manifest, 'counts' | 'layers'> = {
  counts: { lsoa: 33_755, ward: 6_784, lad: 296 },
  layers: {
    imd: { levels: {}, gaps: [{ level: 'lsoa', release: '2019', count: 1_945, reason: 'changed since 2011' }] },
    ethnic_diversity: {
      levels: {},
      gaps: [
        { level: 'ward', release: '2011', count: 300, reason: 'an LSOA 2011 split across wards' },
        { level: 'ward', release: '2011', count: 59, reason: 'an LSOA 2011 redrawn' },
        { level: 'lad', release: '2011', count: 6, reason: 'an LSOA 2011 split across authorities' },
      ],
    },
  },
};

describe('rankedAreas', () => {
  const imd = layerById('imd')!;
  const diversity = layerById('ethnic_diversity')!;

  it('is the publisher’s count where the catalogue gives one (IoD 2019 ranked the LSOAs of 2011)', () => {
    expect(rankedAreas(manifest, imd, 'lsoa', releaseOf(imd, '2019')!)).toBe(32_844);
  });

  it('is the areas of the build where a release has a figure for all of them', () => {
    expect(rankedAreas(manifest, imd, 'lsoa', releaseOf(imd, '2025')!)).toBe(33_755);
    expect(rankedAreas(manifest, diversity, 'ward', releaseOf(diversity, '2021')!)).toBe(6_784);
  });

  it('leaves out the areas a release has no figure for', () => {
    expect(rankedAreas(manifest, diversity, 'ward', releaseOf(diversity, '2011')!)).toBe(6_784 - 359);
    expect(rankedAreas(manifest, diversity, 'lad', releaseOf(diversity, '2011')!)).toBe(290);
  });
});
