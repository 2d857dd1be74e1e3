/**
 * The view spec: the URL state resolved once against the catalogue and what
 * the build made (the manifest): data paths, the release's row in the files,
 * colours, and fall-backs with problems for what the build lacks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LAYERS, layerById } from '../../src/config/catalogue/index.ts';
import { replaceCatalogueForTest } from '../catalogue/replaceCatalogue.ts';
import { NO_DATA_COLOUR } from '../../src/config/palette.ts';
import type { BuiltLayer, Manifest } from '../../src/data/schema.ts';
import type { UrlState } from '../../src/state/url.ts';
import { resolveView } from '../../src/state/viewSpec.ts';
import { FIXTURE_LAYER } from '../catalogue/fixture.ts';

type Choice = Pick<UrlState, 'layer' | 'level' | 'measure' | 'release'>;
const choice = (changes: Partial<Choice>): Choice => ({ layer: 'imd', level: 'lsoa', measure: null, release: null, ...changes });

const SUMMARY = ['averageScore', 'averageRank', 'proportionMostDeprived10', 'extent', 'localConcentration'];

/** What a full build makes of the IoD layers: both releases at LSOA level, 2025 at ward and authority level. */
const iod = (lsoaReleases = ['2019', '2025']): BuiltLayer => ({
  levels: {
    lsoa: { releases: lsoaReleases, measures: ['score'] },
    ward: { releases: ['2025'], measures: SUMMARY },
    lad: { releases: ['2025'], measures: SUMMARY },
  },
});
const DIVERSITY: BuiltLayer = {
  levels: Object.fromEntries((['lsoa', 'ward', 'lad'] as const).map((level) => [level, { releases: ['2021'], measures: ['simpson', 'asian', 'black', 'mixed', 'white', 'other'] }])),
};

const manifest = (layers: Record<string, BuiltLayer>): Pick<Manifest, 'layers'> => ({ layers });
const FULL = manifest({ imd: iod(), income: iod(), crime: iod(), ethnic_diversity: DIVERSITY });

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('resolveView: paths and releases', () => {
  it('resolves the default view: the IMD score of every LSOA in 2025', () => {
    const { spec, problems } = resolveView(choice({}), FULL);
    expect(problems).toEqual([]);
    expect(spec.layer.id).toBe('imd');
    expect(spec.level).toBe('lsoa');
    expect(spec.measure.id).toBe('score');
    expect(spec.release.id).toBe('2025');
    expect(spec.releaseIndex).toBe(1);
    expect(spec.releases.map((r) => r.id)).toEqual(['2019', '2025']);
    expect(spec.paths).toEqual({ classes: 'classes/imd/lsoa/score.json', values: 'values/imd/lsoa.json' });
    expect(spec.key).toBe('lsoa:imd:score:2025');
  });

  it('finds the row of an older release in the files (IMD 2019 at LSOA level: row 0)', () => {
    const { spec, problems } = resolveView(choice({ release: '2019' }), FULL);
    expect(problems).toEqual([]);
    expect(spec.release.id).toBe('2019');
    expect(spec.releaseIndex).toBe(0);
    // Moving between releases is an index change: the same files.
    expect(spec.paths).toEqual(resolveView(choice({}), FULL).spec.paths);
  });

  it('takes the row from the build’s list of releases, which the files follow', () => {
    // A build that wrote the releases newest first.
    const { spec } = resolveView(choice({ release: '2019' }), manifest({ imd: iod(['2025', '2019']) }));
    expect(spec.releaseIndex).toBe(1);
    expect(resolveView(choice({}), manifest({ imd: iod(['2025', '2019']) })).spec.releaseIndex).toBe(0);
  });

  it('resolves a measure of a ward to its own class file, and the layer’s value file of the level', () => {
    const { spec, problems } = resolveView(choice({ layer: 'income', level: 'ward', measure: 'extent' }), FULL);
    expect(problems).toEqual([]);
    expect(spec.measure.id).toBe('extent');
    expect(spec.paths).toEqual({ classes: 'classes/income/ward/extent.json', values: 'values/income/ward.json' });
    expect(spec.releaseIndex).toBe(0);
    expect(spec.releases.map((r) => r.id)).toEqual(['2025']);
    expect(spec.key).toBe('ward:income:extent:2025');
  });

  it('resolves the diversity layer', () => {
    const { spec, problems } = resolveView(choice({ layer: 'ethnic_diversity', level: 'lad', measure: 'white' }), FULL);
    expect(problems).toEqual([]);
    expect(spec.paths).toEqual({ classes: 'classes/ethnic_diversity/lad/white.json', values: 'values/ethnic_diversity/lad.json' });
    expect(spec.release.id).toBe('2021');
    expect(spec.className.defaultMessage).toBe('Quintile');
  });

  it('uses the first measure for null or a measure the layer lacks at the level', () => {
    expect(resolveView(choice({ level: 'ward' }), FULL).spec.measure.id).toBe('averageScore');
    expect(resolveView(choice({ level: 'ward', measure: 'black' }), FULL).spec.measure.id).toBe('averageScore');
  });

  it('uses the layer’s first level when it lacks the one asked for', () => {
    restore = replaceCatalogueForTest([...LAYERS, FIXTURE_LAYER]);
    const built = manifest({ ...FULL.layers, fixture_rate: { levels: { ward: { releases: ['2020', '2022'], measures: ['rate', 'growth'] } } } });
    const { spec, problems } = resolveView(choice({ layer: 'fixture_rate', level: 'lsoa' }), built);
    expect(problems).toEqual([]);
    expect(spec.level).toBe('ward');
    expect(spec.releaseIndex).toBe(1);
  });
});

describe('resolveView: what the build lacks', () => {
  it('falls back to the default layer, with a problem, when the layer was not built', () => {
    const { spec, problems } = resolveView(choice({ layer: 'ethnic_diversity', level: 'ward', measure: 'black' }), manifest({ imd: iod() }));
    expect(spec.layer.id).toBe('imd');
    expect(spec.level).toBe('ward');
    expect(spec.measure.id).toBe('averageScore');
    expect(spec.paths.classes).toBe('classes/imd/ward/averageScore.json');
    expect(problems).toHaveLength(1);
    expect(problems[0].key).toBe('notBuilt');
    expect(problems[0].values).toEqual({ layer: layerById('ethnic_diversity')!.label, fallback: layerById('imd')!.label });
  });

  it('falls back when the layer was built but not at this level', () => {
    const partial = manifest({ imd: iod(), ethnic_diversity: { levels: { lad: DIVERSITY.levels.lad } } });
    const { spec, problems } = resolveView(choice({ layer: 'ethnic_diversity', level: 'ward' }), partial);
    expect(spec.layer.id).toBe('imd');
    expect(problems.map((p) => p.key)).toEqual(['notBuilt']);
    expect(resolveView(choice({ layer: 'ethnic_diversity', level: 'lad' }), partial).problems).toEqual([]);
  });

  it('gives only the layer’s problem when the fallen-back layer’s release was not asked for', () => {
    // The link asked for the fixture's 2020 release; once the map shows the
    // IMD instead, a second notice about "the 2020 figures of the IMD" would
    // be about something nobody asked for.
    restore = replaceCatalogueForTest([...LAYERS, FIXTURE_LAYER]);
    const { spec, problems } = resolveView(choice({ layer: 'fixture_rate', level: 'ward', measure: 'growth', release: '2020' }), FULL);
    expect(spec.layer.id).toBe('imd');
    expect(spec.release.id).toBe('2025');
    expect(problems.map((p) => p.key)).toEqual(['notBuilt']);
  });

  it('falls back to the newest built release, with a problem, when the release asked for was not built', () => {
    const { spec, problems } = resolveView(choice({ release: '2019' }), manifest({ imd: iod(['2025']) }));
    expect(spec.release.id).toBe('2025');
    expect(spec.releaseIndex).toBe(0);
    expect(spec.releases.map((r) => r.id)).toEqual(['2025']);
    expect(spec.key).toBe('lsoa:imd:score:2025');
    expect(problems).toHaveLength(1);
    expect(problems[0].key).toBe('releaseNotBuilt');
    expect(problems[0].values).toEqual({ release: '2019', layer: layerById('imd')!.label });
  });

  it('shows the newest built release without a problem when none was asked for', () => {
    // Only 2019 was built (say, the 2025 file was missing): the default is then 2019.
    const { spec, problems } = resolveView(choice({}), manifest({ imd: iod(['2019']) }));
    expect(problems).toEqual([]);
    expect(spec.release.id).toBe('2019');
    expect(spec.releaseIndex).toBe(0);
  });

  it('never fails, even when the default layer itself was not built', () => {
    const { spec, problems } = resolveView(choice({ layer: 'crime' }), manifest({}));
    expect(spec.layer.id).toBe('imd');
    expect(spec.release.id).toBe('2025');
    expect(problems.map((p) => p.key)).toEqual(['notBuilt']);
  });
});

describe('resolveView: colours and key', () => {
  it('gives the no-value colour first, then one colour per class (deciles: 11)', () => {
    const { spec } = resolveView(choice({}), FULL);
    expect(spec.colours).toHaveLength(spec.scheme.classCount(spec.layer.classes) + 1);
    expect(spec.colours).toHaveLength(11);
    expect(spec.colours[0]).toEqual(NO_DATA_COLOUR);
    expect(spec.colours.slice(1)).toEqual(spec.scheme.colours(spec.layer.classes, spec.layer.palette));
    expect(spec.className.defaultMessage).toBe('Decile');
  });

  it('gives quantile layers their own count of colours (diversity quintiles: 6)', () => {
    const { spec } = resolveView(choice({ layer: 'ethnic_diversity' }), FULL);
    expect(spec.colours).toHaveLength(6);
    expect(spec.colours[0]).toEqual(NO_DATA_COLOUR);
    for (const colour of spec.colours.slice(1)) expect(colour).not.toEqual(NO_DATA_COLOUR);
  });

  it('changes its key with the release, the measure, the level and the layer, and only then', () => {
    const keys = [
      choice({}),
      choice({ release: '2019' }),
      choice({ layer: 'income' }),
      choice({ level: 'ward' }),
      choice({ level: 'ward', measure: 'extent' }),
      choice({ level: 'lad', measure: 'extent' }),
    ].map((c) => resolveView(c, FULL).spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(resolveView(choice({ release: '2025' }), FULL).spec.key).toBe(resolveView(choice({}), FULL).spec.key);
    expect(resolveView(choice({ level: 'ward', measure: 'averageScore' }), FULL).spec.key).toBe(resolveView(choice({ level: 'ward' }), FULL).spec.key);
  });
});
