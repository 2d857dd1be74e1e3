/**
 * Invariants of the shared catalogues: the layer catalogue (ids, themes and
 * groups, levels, measures, releases, class schemes, messages, download
 * columns, sources), the IoD indicators and summary measures it is built
 * from, and the geographies (GSS code shapes).
 *
 * These are rules an entry can break, not a copy of the entries: each rule
 * is a function that lists what breaks it, checked against the catalogue and
 * against deliberately broken copies (so a rule that can never fail is
 * noticed). The few fixed names below are the ones users already rely on.
 */
import { IOD_COLUMNS } from '../../scripts/pipeline/adapters/iodColumns.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_ID, LAYERS, latestRelease, layerById, layersOfTheme, levelsOf, measureOf, THEMES } from '../../src/config/catalogue/index.ts';
import type { LayerEntry, MeasureSpec, Msg, Theme } from '../../src/config/catalogue/types.ts';
import { schemeKind } from '../../src/config/classSchemes.ts';
import { CODE_PATTERNS, isLevel, isOutsideEnglandCode, LEVELS, levelOfCode, type Level } from '../../src/config/geography.ts';
import { INDICATOR_IDS, INDICATORS, indicatorById, isIndicatorId, type IndicatorId } from '../../src/config/indicators.ts';
import { LEVEL_NAMES } from '../../src/config/levelText.ts';
import { isMeasure, MEASURE_INFO, MEASURES } from '../../src/config/measures.ts';
import { PROBLEM_MESSAGES } from '../../src/state/problemMessages.ts';
import { FIXTURE_LAYER } from '../catalogue/fixture.ts';
import { catalogueText } from '../../src/config/catalogue/texts/index.ts';

type Rule = (layers: readonly LayerEntry[], themes: readonly Theme[]) => string[];

const duplicates = <T>(items: readonly T[]): T[] => [...new Set(items.filter((item, i) => items.indexOf(item) !== i))];

/** Every message object ({ id, defaultMessage }) inside a value, however deep. */
function messagesIn(value: unknown, found: Msg[] = [], seen = new Set<unknown>()): Msg[] {
  if (!value || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v.id === 'string' && typeof v.defaultMessage === 'string') found.push({ id: v.id, defaultMessage: v.defaultMessage });
  for (const child of Object.values(v)) messagesIn(child, found, seen);
  return found;
}

/** The parts of a measure that the pipeline writes to the downloads at each level (scripts/pipeline/stages/downloads.ts). */
const PARTS: Record<Level, ('value' | 'rank' | 'class' | 'rankWithinLad')[]> = {
  lsoa: ['value', 'rank', 'class'],
  ward: ['value', 'rank', 'rankWithinLad', 'class'],
  lad: ['value', 'rank', 'class'],
};

/** The download columns that are not a layer's (codes, names, weights, counts). */
const FIXED_COLUMNS = ['lsoa_code', 'lsoa_name', 'ward_code', 'ward_name', 'lad_code', 'lad_name', 'population_weight', 'lsoa_count', 'ward_count'];

/**
 * Every column of every layer at a level in the whole-England downloads
 * (lsoa/ward/lad.csv), with where it comes from. Computed layers are not in
 * them: their figures have downloads of their own (ward_segregation.csv, one
 * row per grouping and comparison), where both groupings share the columns.
 */
function csvColumns(layers: readonly LayerEntry[], level: Level): { name: string; from: string }[] {
  return layers.flatMap((layer) => {
    const spec = layer.levels[level];
    if (!spec || layer.computed) return [];
    return spec.releases.flatMap((release) =>
      spec.measures.flatMap((measure) =>
        PARTS[level].map((part) => ({ name: layer.csvColumn(level, measure, release, part), from: `${layer.id}/${level}/${measure.id}/${release}/${part}` })),
      ),
    );
  });
}

const eachLevel = (layer: LayerEntry) => levelsOf(layer).map((level) => [level, layer.levels[level]!] as const);

const RULES: Record<string, Rule> = {
  'layer ids are unique': (layers) => duplicates(layers.map((l) => l.id)),
  'layer ids are safe in URLs, file names and column names': (layers) => layers.filter((l) => !/^[a-z][a-z0-9_]*$/.test(l.id)).map((l) => l.id),
  'every layer’s theme exists and its group is one of the theme’s groups': (layers, themes) =>
    layers.filter((l) => !themes.find((t) => t.id === l.theme)?.groups.some((g) => g.id === l.group)).map((l) => `${l.id}: ${l.theme}/${l.group}`),
  'theme ids are unique, and group ids unique within a theme': (_, themes) => [
    ...duplicates(themes.map((t) => t.id)),
    ...themes.flatMap((t) => duplicates(t.groups.map((g) => g.id)).map((g) => `${t.id}/${g}`)),
  ],
  'every layer exists at a level, with a measure and a release there': (layers) =>
    layers.flatMap((l) => [
      ...(levelsOf(l).length === 0 ? [`${l.id}: no level`] : []),
      ...eachLevel(l).flatMap(([level, spec]) => [
        ...(spec.measures.length === 0 ? [`${l.id}/${level}: no measure`] : []),
        ...(spec.releases.length === 0 ? [`${l.id}/${level}: no release`] : []),
      ]),
    ]),
  'every level’s releases are releases of the layer, oldest first like the layer’s': (layers) =>
    layers.flatMap((l) =>
      eachLevel(l).flatMap(([level, spec]) => {
        const order = l.releases.map((r) => r.id);
        const missing = spec.releases.filter((id) => !order.includes(id)).map((id) => `${l.id}/${level}: release ${id} is not a release of the layer`);
        const sorted = [...spec.releases].sort((a, b) => order.indexOf(a) - order.indexOf(b));
        return missing.length ? missing : sorted.join() === spec.releases.join() ? [] : [`${l.id}/${level}: releases out of order`];
      }),
    ),
  'release ids are unique within a layer': (layers) => layers.flatMap((l) => duplicates(l.releases.map((r) => r.id)).map((id) => `${l.id}: ${id}`)),
  'measure ids are unique per level, and safe in file names': (layers) =>
    layers.flatMap((l) =>
      eachLevel(l).flatMap(([level, spec]) => [
        ...duplicates(spec.measures.map((m) => m.id)).map((id) => `${l.id}/${level}: ${id} twice`),
        ...spec.measures.filter((m) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(m.id)).map((m) => `${l.id}/${level}: ${m.id}`),
      ]),
    ),
  'every class scheme has colours from a palette of its family, one per class': (layers) =>
    layers.flatMap((l) => {
      try {
        const kind = schemeKind(l.classes);
        const colours = kind.colours(l.classes, l.palette);
        const count = kind.classCount(l.classes);
        return count >= 1 && colours.length === count ? [] : [`${l.id}: ${colours.length} colours for ${count} classes`];
      } catch (error) {
        return [`${l.id}: ${(error as Error).message}`];
      }
    }),
  'a message id always has the same default text, and no text is empty': (layers, themes) => {
    const texts = new Map<string, Set<string>>();
    for (const msg of messagesIn([themes, layers, PROBLEM_MESSAGES, LEVEL_NAMES])) {
      texts.set(msg.id, (texts.get(msg.id) ?? new Set()).add(msg.defaultMessage));
    }
    return [...texts].filter(([id, set]) => set.size > 1 || set.has('') || id === '').map(([id, set]) => `${id}: ${[...set].join(' | ')}`);
  },
  'download column names are distinct at each level, safe, and not the fixed columns': (layers) =>
    (['lsoa', 'ward', 'lad'] as const).flatMap((level) => {
      const columns = csvColumns(layers, level);
      const names = columns.map((c) => c.name);
      return [
        ...duplicates([...FIXED_COLUMNS, ...names]).map((name) => `${level}: ${name} from ${columns.filter((c) => c.name === name).map((c) => c.from).join(' and ')}`),
        ...names.filter((name) => !/^[a-z][a-z0-9_]*$/.test(name)).map((name) => `${level}: ${name}`),
      ];
    }),
};

describe('the layer catalogue', () => {
  it.each(Object.entries(RULES))('%s', (_, rule) => {
    expect(rule(LAYERS, THEMES)).toEqual([]);
  });

  it.each(Object.entries(RULES))('%s: also with the test fixture layer added', (_, rule) => {
    expect(rule([...LAYERS, FIXTURE_LAYER], THEMES)).toEqual([]);
  });

  /** Broken copies of the catalogue, and the rule each must break. */
  const imd = layerById('imd')!;
  const diversity = layerById('ethnic_diversity')!;
  const renamed = (measure: MeasureSpec, changes: Partial<MeasureSpec>): MeasureSpec => ({ ...measure, ...changes });
  const broken: [string, LayerEntry[], Theme[]][] = [
    ['layer ids are unique', [...LAYERS, { ...diversity }], THEMES],
    ['layer ids are safe in URLs, file names and column names', [...LAYERS, { ...FIXTURE_LAYER, id: 'Fixture-Rate' }], THEMES],
    ['every layer’s theme exists and its group is one of the theme’s groups', [...LAYERS, { ...FIXTURE_LAYER, group: 'domains' }], THEMES],
    ['theme ids are unique, and group ids unique within a theme', [...LAYERS], [...THEMES, { ...THEMES[0], groups: [] }]],
    ['every layer exists at a level, with a measure and a release there', [...LAYERS, { ...FIXTURE_LAYER, levels: { ward: { measures: [], releases: ['2020'] } } }], THEMES],
    ['every level’s releases are releases of the layer, oldest first like the layer’s', [...LAYERS, { ...FIXTURE_LAYER, levels: { ward: { measures: FIXTURE_LAYER.levels.ward!.measures, releases: ['2021'] } } }], THEMES],
    ['every level’s releases are releases of the layer, oldest first like the layer’s', [...LAYERS, { ...FIXTURE_LAYER, levels: { ward: { measures: FIXTURE_LAYER.levels.ward!.measures, releases: ['2022', '2020'] } } }], THEMES],
    ['release ids are unique within a layer', [...LAYERS, { ...FIXTURE_LAYER, releases: [...FIXTURE_LAYER.releases, FIXTURE_LAYER.releases[0]] }], THEMES],
    ['measure ids are unique per level, and safe in file names', [...LAYERS, { ...FIXTURE_LAYER, levels: { ward: { measures: [...FIXTURE_LAYER.levels.ward!.measures, FIXTURE_LAYER.levels.ward!.measures[0]], releases: ['2020'] } } }], THEMES],
    ['measure ids are unique per level, and safe in file names', [...LAYERS, { ...FIXTURE_LAYER, levels: { ward: { measures: [renamed(FIXTURE_LAYER.levels.ward!.measures[0], { id: '../rate' })], releases: ['2020'] } } }], THEMES],
    ['every class scheme has colours from a palette of its family, one per class', [...LAYERS, { ...FIXTURE_LAYER, palette: 'puor' }], THEMES],
    ['every class scheme has colours from a palette of its family, one per class', [...LAYERS, { ...FIXTURE_LAYER, classes: { kind: 'diverging', midpoint: 0, stepsEachSide: 2 } }], THEMES],
    ['a message id always has the same default text, and no text is empty', [...LAYERS, { ...FIXTURE_LAYER, label: { id: imd.label.id, defaultMessage: 'Not the IMD' } }], THEMES],
    ['a message id always has the same default text, and no text is empty', [...LAYERS, { ...FIXTURE_LAYER, short: { id: 'fixture.empty', defaultMessage: '' } }], THEMES],
    ['download column names are distinct at each level, safe, and not the fixed columns', [...LAYERS, { ...FIXTURE_LAYER, csvColumn: () => 'fixture' }], THEMES],
    ['download column names are distinct at each level, safe, and not the fixed columns', [...LAYERS, { ...FIXTURE_LAYER, csvColumn: (...args) => (args[3] === 'value' ? 'imd_average_score' : FIXTURE_LAYER.csvColumn(...args)) }], THEMES],
    ['download column names are distinct at each level, safe, and not the fixed columns', [...LAYERS, { ...FIXTURE_LAYER, csvColumn: (...args) => (args[3] === 'value' ? 'ward_name' : FIXTURE_LAYER.csvColumn(...args)) }], THEMES],
    ['download column names are distinct at each level, safe, and not the fixed columns', [...LAYERS, { ...FIXTURE_LAYER, csvColumn: (...args) => `Fixture ${FIXTURE_LAYER.csvColumn(...args)}` }], THEMES],
  ];
  it.each(broken.map(([rule, layers, themes], i) => [`${rule} (${i + 1})`, rule, layers, themes] as const))('catches a broken copy: %s', (_, rule, layers, themes) => {
    expect(RULES[rule](layers, themes)).not.toEqual([]);
  });

  it('has a default layer that exists at the default level (LSOAs) and is the first of its theme', () => {
    const layer = layerById(DEFAULT_LAYER_ID)!;
    expect(layer).toBeDefined();
    expect(layer.levels.lsoa).toBeDefined();
    expect(layersOfTheme(layer.theme)[0]).toBe(layer);
  });

  it('has a layer in every theme, and no theme without a layer', () => {
    for (const theme of THEMES) expect(layersOfTheme(theme.id).length, theme.id).toBeGreaterThan(0);
  });

  it('finds each layer by id, and nothing for other text', () => {
    for (const layer of LAYERS) expect(layerById(layer.id)).toBe(layer);
    for (const text of ['', 'IMD', 'imd ', 'toString', 'constructor', '__proto__']) expect(layerById(text)).toBeUndefined();
  });

  it('measureOf gives the first measure for null, a measure by id, and nothing for another level’s or layer’s measure', () => {
    expect(measureOf(layerById('imd')!, 'ward', null)?.id).toBe('averageScore');
    expect(measureOf(layerById('imd')!, 'ward', 'extent')?.id).toBe('extent');
    expect(measureOf(layerById('imd')!, 'lsoa', 'extent')).toBeUndefined();
    expect(measureOf(layerById('imd')!, 'lsoa', 'black')).toBeUndefined();
    expect(measureOf(FIXTURE_LAYER, 'lsoa', null)).toBeUndefined();
  });

  it('latestRelease is the last release of the level', () => {
    for (const layer of [...LAYERS, FIXTURE_LAYER]) {
      for (const [level, spec] of eachLevel(layer)) expect(latestRelease(layer, level)).toBe(spec.releases[spec.releases.length - 1]);
    }
  });

  it('every release a level can show without a value (class 0 in an older release) says why', () => {
    // The IoD 2019 leaves LSOAs that changed since 2011 blank: the legend and tooltip must explain it.
    const iod2019 = layerById('imd')!.releases.find((r) => r.id === '2019')!;
    expect(catalogueText(iod2019.missing!)).toMatch(/not comparable/i);
  });
});

describe('download columns users already rely on', () => {
  const column = (layerId: string, level: Level, measureId: string | null, release: string, part: 'value' | 'rank' | 'class' | 'rankWithinLad') => {
    const layer = layerById(layerId)!;
    return layer.csvColumn(level, measureOf(layer, level, measureId)!, release, part);
  };

  it('keeps the IoD 2025 LSOA columns: imd_score, imd_rank, imd_decile', () => {
    expect(['value', 'rank', 'class'].map((part) => column('imd', 'lsoa', null, '2025', part as 'value'))).toEqual(['imd_score', 'imd_rank', 'imd_decile']);
    expect(column('income', 'lsoa', 'score', '2025', 'class')).toBe('income_decile');
  });

  it('keeps the IoD 2025 ward columns of the summary measures', () => {
    expect(column('imd', 'ward', 'averageScore', '2025', 'value')).toBe('imd_average_score');
    expect(column('imd', 'ward', 'averageScore', '2025', 'rank')).toBe('imd_rank_of_average_score');
    expect(column('imd', 'ward', 'averageScore', '2025', 'rankWithinLad')).toBe('imd_rank_of_average_score_within_lad');
    expect(column('crime', 'lad', 'extent', '2025', 'value')).toBe('crime_extent');
  });

  it('names the IMD 2019 decile of an LSOA imd_2019_decile', () => {
    expect(column('imd', 'lsoa', null, '2019', 'class')).toBe('imd_2019_decile');
  });

  it('names the diversity value ethnic_diversity_2021 at every level', () => {
    for (const level of LEVELS) expect(column('ethnic_diversity', level, 'simpson', '2021', 'value'), level).toBe('ethnic_diversity_2021');
  });
});

describe('sources of the layers', () => {
  const sources = JSON.parse(readFileSync(new URL('../../data/sources.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  // The IoD layers name iod2019 and lsoa11_lsoa21, which the pipeline's
  // IoD 2019 adapter adds to data/sources.json: until then this fails.
  it('every source a layer names is in data/sources.json', () => {
    const missing = LAYERS.flatMap((layer) => layer.sources.filter((id) => !(id in sources) || id.startsWith('$')).map((id) => `${layer.id}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('every layer names a source and an attribution', () => {
    for (const layer of LAYERS) {
      expect(layer.sources.length, layer.id).toBeGreaterThan(0);
      expect(layer.attribution.defaultMessage, layer.id).not.toBe('');
    }
  });
});

describe('IoD indicators', () => {
  it('have unique ids, safe in URLs, file names and CSV column names', () => {
    expect(duplicates(INDICATORS.map((i) => i.id))).toEqual([]);
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    for (const id of INDICATOR_IDS) expect(id).toMatch(/^[a-z][a-z_]*$/);
  });

  it('are each a layer of the deprivation theme, in the same order', () => {
    expect(layersOfTheme('deprivation').map((l) => l.id)).toEqual([...INDICATOR_IDS]);
  });

  it('give every sub-domain a parent that is a domain, and no one else a parent', () => {
    for (const indicator of INDICATORS) {
      if (indicator.kind === 'subdomain') expect(indicatorById(indicator.parent!).kind, indicator.id).toBe('domain');
      else expect(indicator.parent, indicator.id).toBeUndefined();
    }
  });

  it('have distinct labels and short labels', () => {
    for (const key of ['label', 'short'] as const) expect(duplicates(INDICATORS.map((i) => i[key])), key).toEqual([]);
  });

  it('have distinct File 7 column bases, none the start of another, so prefix matching finds one column', () => {
    const bases = INDICATORS.map((i) => IOD_COLUMNS[i.id].file7Base);
    expect(duplicates(bases)).toEqual([]);
    for (const a of bases) for (const b of bases) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });

  it('have a File 10 prefix exactly when File 10 publishes them (the index and the domains)', () => {
    for (const indicator of INDICATORS) expect(Boolean(IOD_COLUMNS[indicator.id].file10Prefix), indicator.id).toBe(indicator.kind !== 'subdomain');
    expect(duplicates(INDICATORS.map((i) => IOD_COLUMNS[i.id].file10Prefix).filter(Boolean))).toEqual([]);
  });

  it('isIndicatorId accepts exactly the ids', () => {
    for (const id of INDICATOR_IDS) expect(isIndicatorId(id)).toBe(true);
    for (const text of ['', 'IMD', 'Income', 'imd ', 'score', 'toString', 'constructor', '__proto__']) expect(isIndicatorId(text)).toBe(false);
  });

  it('indicatorById finds each one and throws for an unknown id', () => {
    for (const indicator of INDICATORS) expect(indicatorById(indicator.id)).toBe(indicator);
    expect(() => indicatorById('nope' as IndicatorId)).toThrow(/Unknown indicator nope/);
  });
});

describe('IoD summary measures', () => {
  it('each have their information', () => {
    expect(Object.keys(MEASURE_INFO).sort()).toEqual([...MEASURES].sort());
  });

  it('have unique CSV stems safe in column names', () => {
    const stems = MEASURES.map((m) => MEASURE_INFO[m].csv);
    expect(duplicates(stems)).toEqual([]);
    for (const stem of stems) expect(stem).toMatch(/^[a-z0-9_]+$/);
  });

  it('are the measures of every IoD layer at ward and authority level, with their stems, decimals and percentages', () => {
    for (const layer of layersOfTheme('deprivation')) {
      for (const level of ['ward', 'lad'] as const) {
        const measures = layer.levels[level]!.measures;
        expect(measures.map((m) => m.id)).toEqual([...MEASURES]);
        for (const m of measures) {
          const info = MEASURE_INFO[m.id as (typeof MEASURES)[number]];
          expect(m.csv).toBe(info.csv);
          expect(m.format.storedDecimals).toBe(info.decimals);
          expect(m.format.style === 'percent').toBe(info.percent);
        }
      }
    }
  });

  it('isMeasure accepts exactly the measures', () => {
    for (const m of MEASURES) expect(isMeasure(m)).toBe(true);
    for (const text of ['', 'average_score', 'AverageScore', 'extent ', 'median']) expect(isMeasure(text)).toBe(false);
  });
});

describe('geography', () => {
  it('has three levels, smallest first, each with labels', () => {
    expect([...LEVELS]).toEqual(['lsoa', 'ward', 'lad']);
    expect(Object.keys(LEVEL_NAMES)).toEqual(['lsoa', 'ward', 'lad']);
  });

  it('isLevel accepts exactly the levels', () => {
    for (const level of LEVELS) expect(isLevel(level)).toBe(true);
    for (const text of ['', 'LSOA', 'msoa', 'region', 'lad ']) expect(isLevel(text)).toBe(false);
  });

  it.each([
    ['E01000001', 'lsoa'],
    ['E01035722', 'lsoa'],
    ['E05000026', 'ward'],
    ['E05015000', 'ward'],
    ['E06000001', 'lad'], // unitary authority
    ['E07000089', 'lad'], // shire district
    ['E08000025', 'lad'], // metropolitan district
    ['E09000001', 'lad'], // London borough (City of London)
  ])('levelOfCode(%s) is %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
    expect(CODE_PATTERNS[level as 'lsoa'].test(code)).toBe(true);
  });

  it.each([
    'W01000001', // Welsh LSOA
    'S01006506', // Scottish data zone
    'N21000001', // Northern Irish
    'W05000001', // Welsh ward
    'W06000001', // Welsh authority
    'E02000001', // MSOA
    'E04000001', // parish
    'E10000002', // county
    'E12000001', // region
    'E0100000', // 8 characters
    'E010000011', // 10 characters
    'e01000001', // lower case
    ' E01000001',
    'E01000001 ',
    'E01-00001',
    '',
  ])('levelOfCode(%j) is undefined', (code) => {
    expect(levelOfCode(code)).toBeUndefined();
  });

  it('tells Welsh, Scottish and Northern Irish codes apart from English ones', () => {
    expect(isOutsideEnglandCode('W01000001')).toBe(true);
    expect(isOutsideEnglandCode('S12000033')).toBe(true);
    expect(isOutsideEnglandCode('N09000001')).toBe(true);
    expect(isOutsideEnglandCode('E01000001')).toBe(false);
    expect(isOutsideEnglandCode('W0100000')).toBe(false);
    expect(isOutsideEnglandCode('w01000001')).toBe(false);
  });
});
