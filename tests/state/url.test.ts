/**
 * The URL as the shareable form of the view: canonical formatting, exact
 * round trips, layers, measures and releases resolved against the
 * catalogue, typed selections, and per-setting fallbacks (with a problem to
 * show) for anything malformed, repeated or too long.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { LAYERS } from '../../src/config/catalogue/index.ts';
import { replaceCatalogueForTest } from '../catalogue/replaceCatalogue.ts';
import { formatsFor } from '../../src/i18n/useText.ts';
import type { LayerEntry, LayerKind } from '../../src/config/catalogue/types.ts';
import {
  DEFAULT_URL_STATE,
  echo,
  formatUrlState,
  MAX_SELECTED_AREAS,
  normaliseChoice,
  parseUrlState as parseUrlProblems,
  roundViewport,
  selectedAreaCode,
  type Problem,
  type UrlState,
} from '../../src/state/url.ts';
import { FIXTURE_LAYER } from '../catalogue/fixture.ts';
import { PROBLEM_MESSAGES } from '../../src/state/problemMessages.ts';

/** The links' problems with their messages (which the app loads only when a link has problems). */
function parseUrlState(search: string): { state: UrlState; problems: Problem[] } {
  const { state, problems } = parseUrlProblems(search);
  return { state, problems: problems.map((p) => ({ msg: PROBLEM_MESSAGES[p.key], values: p.values })) };
}

/** The defaults, written out by hand so that a changed default is noticed. */
const DEFAULTS: UrlState = {
  layer: 'imd',
  level: 'lsoa',
  measure: null,
  release: null,
  groups: null,
  selection: null,
  selectionName: null,
  viewport: null,
  view: 'map',
  tableLad: null,
  sort: { column: 'rank', direction: 'asc' },
  place: null,
  services: [],
  within: '1km',
};

const state = (changes: Partial<UrlState>): UrlState => ({ ...DEFAULTS, sort: { ...DEFAULTS.sort }, ...changes });

/** Problems as the English text a notice shows. */
const intl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: {}, onError: () => {} });
const text = (problem: Problem) => formatsFor(intl).t(problem.msg, problem.values);
const texts = (problems: Problem[]) => problems.map(text);

/** Every string a problem echoes from the link. */
const echoed = (problems: Problem[]) => problems.flatMap((p) => Object.values(p.values ?? {}).filter((v): v is string => typeof v === 'string'));

/** Runs a test with extra layers in the catalogue (restored afterwards). */
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});
const withLayers = (...extra: LayerEntry[]) => {
  restore = replaceCatalogueForTest([...LAYERS, ...extra]);
};

/** A point layer: features of it can be selected (no real one exists yet). */
const POINT_LAYER = { ...FIXTURE_LAYER, id: 'fixture_points', kind: 'points' as LayerKind };

describe('defaults', () => {
  it('are what the app starts with', () => {
    expect(DEFAULT_URL_STATE).toEqual(DEFAULTS);
  });

  it('format as an empty query string', () => {
    expect(formatUrlState(DEFAULTS)).toBe('');
  });

  it('are what an empty query string parses to, with no problems', () => {
    expect(parseUrlState('')).toEqual({ state: DEFAULTS, problems: [] });
    expect(parseUrlState('?')).toEqual({ state: DEFAULTS, problems: [] });
  });

  it('are not shared: changing a parsed state does not change the next one', () => {
    const first = parseUrlState('').state;
    first.sort.column = 'name';
    first.level = 'ward';
    expect(parseUrlState('').state).toEqual(DEFAULTS);
    expect(DEFAULT_URL_STATE.sort).toEqual({ column: 'rank', direction: 'asc' });
  });
});

describe('formatUrlState', () => {
  it('writes every setting in a fixed order, keeping "/", ":" and "," readable', () => {
    const full = state({
      layer: 'income',
      level: 'ward',
      measure: 'extent',
      selection: { kind: 'area', code: 'E05000123' },
      viewport: { longitude: -1.5, latitude: 52.25, zoom: 8.5 },
      view: 'table',
      tableLad: 'E08000025',
      sort: { column: 'value', direction: 'desc' },
    });
    expect(formatUrlState(full)).toBe('?layer=income&level=ward&measure=extent&area=E05000123&map=8.5/52.25/-1.5&view=table&lad=E08000025&sort=value:desc');
    expect(formatUrlState(state({ release: '2019', selection: { kind: 'areas', codes: ['E01000001', 'E01000002'] } }))).toBe(
      '?release=2019&areas=E01000001,E01000002',
    );
    expect(formatUrlState(state({ selection: { kind: 'feature', layer: 'fixture_points', id: 'gp/42' } }))).toBe('?feature=fixture_points:gp/42');
  });

  it('leaves out the default layer, level, measure (null) and release (null)', () => {
    expect(formatUrlState(state({ layer: 'imd', level: 'lsoa', measure: null, release: null }))).toBe('');
    expect(formatUrlState(state({ level: 'ward' }))).toBe('?level=ward');
    expect(formatUrlState(state({ level: 'lad', measure: 'averageRank' }))).toBe('?level=lad&measure=averageRank');
  });

  it('escapes what would break the query string', () => {
    expect(formatUrlState(state({ selection: { kind: 'feature', layer: 'fixture_points', id: 'a&b=c d' } }))).toBe('?feature=fixture_points:a%26b%3Dc%20d');
  });

  it('writes a sort that differs from the default in one part only', () => {
    expect(formatUrlState(state({ sort: { column: 'rank', direction: 'desc' } }))).toBe('?sort=rank:desc');
    expect(formatUrlState(state({ sort: { column: 'name', direction: 'asc' } }))).toBe('?sort=name:asc');
  });

  it('rounds the viewport to 5 decimals of a degree and 2 of zoom', () => {
    // -1.234567 → -1.23457; 52.987654 → 52.98765; 7.4567 → 7.46
    const viewport = { longitude: -1.234567, latitude: 52.987654, zoom: 7.4567 };
    expect(formatUrlState(state({ viewport }))).toBe('?map=7.46/52.98765/-1.23457');
  });
});

describe('roundViewport', () => {
  it('keeps 5 decimals of longitude and latitude and 2 of zoom', () => {
    expect(roundViewport({ longitude: 0.123456, latitude: -51.000004, zoom: 12.344 })).toEqual({
      longitude: 0.12346,
      latitude: -51,
      zoom: 12.34,
    });
  });
});

describe('round trips: parse(format(state)) is state', () => {
  const cases: [string, UrlState][] = [
    ['level ward', state({ level: 'ward' })],
    ['level lad', state({ level: 'lad' })],
    ['a sub-domain', state({ layer: 'geographical_barriers' })],
    ['the diversity layer', state({ layer: 'ethnic_diversity' })],
    ['a diversity share at ward level', state({ layer: 'ethnic_diversity', level: 'ward', measure: 'black' })],
    ['a diversity share at LSOA level', state({ layer: 'ethnic_diversity', measure: 'asian' })],
    ['an older release of the IMD', state({ release: '2019' })],
    ['an older release of a domain', state({ layer: 'crime', release: '2019' })],
    ['measure at ward level', state({ level: 'ward', measure: 'proportionMostDeprived10' })],
    ['measure at lad level', state({ level: 'lad', measure: 'localConcentration' })],
    ['an LSOA selection', state({ selection: { kind: 'area', code: 'E01000001' } })],
    ['a ward selection', state({ selection: { kind: 'area', code: 'E05014561' } })],
    ['an authority selection', state({ selection: { kind: 'area', code: 'E09000033' } })],
    ['a set of wards', state({ level: 'ward', selection: { kind: 'areas', codes: ['E05000001', 'E05000009', 'E05000002'] } })],
    ['a viewport west of Greenwich', state({ viewport: { longitude: -2.58791, latitude: 51.45523, zoom: 11.25 } })],
    ['a viewport east of Greenwich', state({ viewport: { longitude: 1.29834, latitude: 52.62783, zoom: 9 } })],
    ['a whole-number viewport', state({ viewport: { longitude: 0, latitude: 0, zoom: 0 } })],
    ['the table view', state({ view: 'table' })],
    ['the about view', state({ view: 'about' })],
    ['a table filter', state({ tableLad: 'E06000001' })],
    ['sort by name descending', state({ sort: { column: 'name', direction: 'desc' } })],
    ['sort by code', state({ sort: { column: 'code', direction: 'asc' } })],
    ['sort by parent', state({ sort: { column: 'parent', direction: 'desc' } })],
    ['sort by class', state({ sort: { column: 'class', direction: 'asc' } })],
    [
      'everything at once',
      state({
        layer: 'outdoors',
        level: 'lad',
        measure: 'averageRank',
        selection: { kind: 'area', code: 'E07000089' },
        viewport: { longitude: -0.12345, latitude: 51.50722, zoom: 14.5 },
        view: 'table',
        tableLad: 'E07000089',
        sort: { column: 'value', direction: 'asc' },
      }),
    ],
  ];
  it.each(cases)('%s', (_, original) => {
    const link = formatUrlState(original);
    expect(link).not.toBe('');
    expect(parseUrlState(link)).toEqual({ state: original, problems: [] });
  });

  it('a feature of a point layer', () => {
    withLayers(POINT_LAYER);
    const original = state({ selection: { kind: 'feature', layer: 'fixture_points', id: 'a&b=c d:e' } });
    expect(parseUrlState(formatUrlState(original))).toEqual({ state: original, problems: [] });
  });

  it('keeps a viewport to its URL precision', () => {
    const original = state({ viewport: { longitude: -1.234567, latitude: 52.987654, zoom: 7.4567 } });
    const { state: parsed } = parseUrlState(formatUrlState(original));
    expect(parsed.viewport).toEqual({ longitude: -1.23457, latitude: 52.98765, zoom: 7.46 });
    // …and formatting the parsed state gives the same link again.
    expect(formatUrlState(parsed)).toBe('?map=7.46/52.98765/-1.23457');
  });
});

describe('parseUrlState: accepted input', () => {
  it('upper-cases and trims area and authority codes', () => {
    const { state: parsed, problems } = parseUrlState('?area=%20e01000001%20&lad=e08000025');
    expect(parsed.selection).toEqual({ kind: 'area', code: 'E01000001' });
    expect(selectedAreaCode(parsed.selection)).toBe('E01000001');
    expect(parsed.tableLad).toBe('E08000025');
    expect(problems).toEqual([]);
  });

  it('accepts viewports on the edges of the allowed ranges', () => {
    expect(parseUrlState('?map=22/85/180').state.viewport).toEqual({ zoom: 22, latitude: 85, longitude: 180 });
    expect(parseUrlState('?map=0/-85/-180').state.viewport).toEqual({ zoom: 0, latitude: -85, longitude: -180 });
  });

  it('rounds a viewport given with more precision than it keeps', () => {
    expect(parseUrlState('?map=6.789/52.1234567/-1.0000049').state.viewport).toEqual({
      zoom: 6.79,
      latitude: 52.12346,
      longitude: -1,
    });
  });
});

describe('parseUrlState: layers, measures and releases come from the catalogue', () => {
  it('reads a layer, its level and one of its measures', () => {
    const { state: parsed, problems } = parseUrlState('?layer=ethnic_diversity&measure=black&level=ward');
    expect(parsed).toEqual(state({ layer: 'ethnic_diversity', level: 'ward', measure: 'black' }));
    expect(problems).toEqual([]);
    // The canonical link puts the settings in their fixed order.
    expect(formatUrlState(parsed)).toBe('?layer=ethnic_diversity&level=ward&measure=black');
  });

  it('still follows `indicator=` of links made before layers, and writes it back as `layer=`', () => {
    const { state: parsed, problems } = parseUrlState('?level=ward&indicator=income&measure=extent');
    expect(parsed).toEqual(state({ layer: 'income', level: 'ward', measure: 'extent' }));
    expect(problems).toEqual([]);
    expect(formatUrlState(parsed)).toBe('?layer=income&level=ward&measure=extent');
  });

  it('reports an unknown `indicator=` as an unknown layer', () => {
    const { state: parsed, problems } = parseUrlState('?indicator=wealth');
    expect(parsed).toEqual(DEFAULTS);
    expect(texts(problems)).toEqual([expect.stringMatching(/layer “wealth”.*Index of Multiple Deprivation/)]);
  });

  it('reads the default measure and the newest release as null, so that links stay short', () => {
    for (const link of ['?measure=score', '?release=2025', '?measure=score&release=2025', '?layer=ethnic_diversity&measure=simpson&release=2021']) {
      const { state: parsed, problems } = parseUrlState(link);
      expect(parsed.measure, link).toBeNull();
      expect(parsed.release, link).toBeNull();
      expect(problems, link).toEqual([]);
    }
    expect(parseUrlState('?level=ward&measure=averageScore').state).toEqual(state({ level: 'ward' }));
  });

  it('keeps an older release where the layer has it at that level (the IMD 2019 at LSOA level)', () => {
    expect(parseUrlState('?release=2019')).toEqual({ state: state({ release: '2019' }), problems: [] });
    expect(parseUrlState('?release=%202019%20').state.release).toBe('2019');
  });

  it('drops a release the layer does not have at that level, with a problem (the IMD 2019 at ward level)', () => {
    const { state: parsed, problems } = parseUrlState('?release=2019&level=ward');
    expect(parsed).toEqual(state({ level: 'ward' }));
    expect(problems).toHaveLength(1);
    expect(problems[0].msg).toEqual(PROBLEM_MESSAGES.release);
    expect(text(problems[0])).toBe('The link’s release “2019” is not available for Index of Multiple Deprivation at this level, so the map shows the newest.');
  });

  it('drops a release of another layer, with a problem', () => {
    const { state: parsed, problems } = parseUrlState('?layer=ethnic_diversity&release=2019');
    expect(parsed).toEqual(state({ layer: 'ethnic_diversity' }));
    expect(texts(problems)).toEqual([expect.stringContaining('release “2019” is not available for Ethnic diversity')]);
  });

  it('drops a measure of another layer, with a problem naming the measure shown instead', () => {
    const imd = parseUrlState('?measure=black');
    expect(imd.state).toEqual(DEFAULTS);
    expect(imd.problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.measure]);
    expect(text(imd.problems[0])).toBe('The link’s measure “black” does not exist for Index of Multiple Deprivation at this level, so the map shows Score.');

    const diversity = parseUrlState('?layer=ethnic_diversity&level=ward&measure=extent');
    expect(diversity.state).toEqual(state({ layer: 'ethnic_diversity', level: 'ward' }));
    expect(texts(diversity.problems)).toEqual([expect.stringContaining('so the map shows Ethnic diversity (Simpson’s index)')]);
  });

  it('drops a measure of the same layer at another level, with a problem', () => {
    // The summary measures are ward and authority measures; an LSOA has its score.
    const { state: parsed, problems } = parseUrlState('?measure=extent');
    expect(parsed).toEqual(DEFAULTS);
    expect(texts(problems)).toEqual([expect.stringContaining('measure “extent”')]);
  });

  it('judges the measure against the layer shown when the link’s layer is unknown', () => {
    const { state: parsed, problems } = parseUrlState('?layer=nope&level=ward&measure=extent');
    expect(parsed).toEqual(state({ level: 'ward', measure: 'extent' }));
    expect(texts(problems)).toEqual([expect.stringContaining('layer “nope”')]);
  });

  it('shows a layer at its first level when the link’s level is not one it has, with a problem', () => {
    withLayers(FIXTURE_LAYER);
    const { state: parsed, problems } = parseUrlState('?layer=fixture_rate&level=lsoa&measure=growth&release=2020');
    // The measure and release are then judged at the level shown.
    expect(parsed).toEqual(state({ layer: 'fixture_rate', level: 'ward', measure: 'growth', release: '2020' }));
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.layerLevel]);
    expect(problems[0].values).toMatchObject({ layer: FIXTURE_LAYER.label, level: 'lsoa', fallback: 'ward' });
  });

  it('shows a layer without LSOAs at its first level, quietly, when the link names no level', () => {
    withLayers(FIXTURE_LAYER);
    const { state: parsed, problems } = parseUrlState('?layer=fixture_rate');
    expect(parsed).toEqual(state({ layer: 'fixture_rate', level: 'ward' }));
    expect(problems).toEqual([]);
  });

  it('names levels in words in its problem, not by their ids', () => {
    withLayers(FIXTURE_LAYER);
    const { problems } = parseUrlState('?layer=fixture_rate&level=lsoa');
    expect(texts(problems)).toEqual(['Fixture rate of tests is not mapped for neighbourhoods (LSOAs), so the map shows it for wards.']);
  });

  it('takes a layer’s level when it has it', () => {
    withLayers(FIXTURE_LAYER);
    expect(parseUrlState('?layer=fixture_rate&level=lad')).toEqual({ state: state({ layer: 'fixture_rate', level: 'lad' }), problems: [] });
  });
});

describe('parseUrlState: selections', () => {
  it('reads a set of areas of one level, upper-cased, trimmed and without repeats, in the link’s order', () => {
    const { state: parsed, problems } = parseUrlState('?level=ward&areas=e05000009,%20E05000001,E05000009,,E05000002');
    expect(parsed.selection).toEqual({ kind: 'areas', codes: ['E05000009', 'E05000001', 'E05000002'] });
    expect(selectedAreaCode(parsed.selection)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('keeps the areas of the first code’s level, and counts the ones left out', () => {
    const { state: parsed, problems } = parseUrlState('?areas=E05000001,E01000001,junk,E05000002,E09000001');
    expect(parsed.selection).toEqual({ kind: 'areas', codes: ['E05000001', 'E05000002'] });
    expect(problems).toHaveLength(1);
    expect(problems[0].msg).toEqual(PROBLEM_MESSAGES.areas);
    expect(problems[0].values).toEqual({ count: 3 });
    expect(text(problems[0])).toContain('3 entries that are not area codes of the same level; they were left out');

    const one = parseUrlState('?areas=E01000001,E05000001');
    expect(one.state.selection).toEqual({ kind: 'areas', codes: ['E01000001'] });
    expect(text(one.problems[0])).toContain('1 entry that is not');
  });

  it('selects the one area when a link also has a set, and says so', () => {
    const { state: parsed, problems } = parseUrlState('?area=E05011151&areas=E01000001,E01000002');
    expect(parsed.selection).toEqual({ kind: 'area', code: 'E05011151' });
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.areaAndAreas]);
  });

  it('selects nothing when no entry is an area code', () => {
    const { state: parsed, problems } = parseUrlState('?areas=x,W05000001');
    expect(parsed.selection).toBeNull();
    expect(problems.map((p) => p.values)).toEqual([{ count: 2 }]);
  });

  it(`keeps the first ${MAX_SELECTED_AREAS} areas of a longer set, with a problem`, () => {
    const codes = Array.from({ length: MAX_SELECTED_AREAS + 100 }, (_, i) => `E05${String(i + 1).padStart(6, '0')}`);
    const { state: parsed, problems } = parseUrlState(`?areas=${codes.join(',')}`);
    expect(parsed.selection).toEqual({ kind: 'areas', codes: codes.slice(0, MAX_SELECTED_AREAS) });
    expect(problems).toEqual([{ msg: PROBLEM_MESSAGES.tooManyAreas, values: { max: MAX_SELECTED_AREAS } }]);
    // Exactly the maximum is fine.
    expect(parseUrlState(`?areas=${codes.slice(0, MAX_SELECTED_AREAS).join(',')}`).problems).toEqual([]);
  });

  it('refuses a feature of an area layer: areas are selected with `area`', () => {
    for (const value of ['imd:E01000001', 'ethnic_diversity:1']) {
      const { state: parsed, problems } = parseUrlState(`?feature=${value}`);
      expect(parsed.selection).toBeNull();
      expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.feature]);
      expect(text(problems[0])).toContain(`“${value}”`);
    }
  });

  it('refuses a feature of an unknown layer, or without a layer or an id', () => {
    withLayers(POINT_LAYER);
    for (const value of ['nope:1', ':1', 'fixture_points:', 'fixture_points', '']) {
      const { state: parsed, problems } = parseUrlState(`?feature=${encodeURIComponent(value)}`);
      expect(parsed.selection, value).toBeNull();
      expect(problems.map((p) => p.msg), value).toEqual([PROBLEM_MESSAGES.feature]);
    }
  });

  it('reads a feature of a point layer, with ":" allowed in its id', () => {
    withLayers(POINT_LAYER);
    expect(parseUrlState('?feature=fixture_points:a:b').state.selection).toEqual({ kind: 'feature', layer: 'fixture_points', id: 'a:b' });
  });
});

describe('parseUrlState: malformed values fall back for that setting only', () => {
  /** [query, the bad value as the problem must quote it, the setting that falls back] */
  const cases: [string, string, keyof UrlState][] = [
    ['level=county', 'county', 'level'],
    ['level=LSOA', 'LSOA', 'level'],
    ['level=', '“”', 'level'],
    ['layer=wealth', 'wealth', 'layer'],
    ['layer=IMD', 'IMD', 'layer'],
    ['layer=toString', 'toString', 'layer'],
    ['indicator=wealth', 'wealth', 'layer'],
    ['measure=median', 'median', 'measure'],
    ['measure=black', 'black', 'measure'],
    ['measure=', '“”', 'measure'],
    ['release=1999', '1999', 'release'],
    ['release=2019', '2019', 'release'],
    ['view=chart', 'chart', 'view'],
    ['area=E0100', 'E0100', 'selection'],
    ['area=W01000001', 'W01000001', 'selection'],
    ['area=S01006506', 'S01006506', 'selection'],
    ['area=E10000002', 'E10000002', 'selection'],
    ['area=E010000011', 'E010000011', 'selection'],
    ['feature=imd:1', 'imd:1', 'selection'],
    ['map=5/52', '5/52', 'viewport'],
    ['map=a/b/c', 'a/b/c', 'viewport'],
    ['map=5//-1', '5//-1', 'viewport'],
    ['map=1/2/3/4', '1/2/3/4', 'viewport'],
    ['map=23/52/-1', '23/52/-1', 'viewport'],
    ['map=-1/52/-1', '-1/52/-1', 'viewport'],
    ['map=5/86/-1', '5/86/-1', 'viewport'],
    ['map=5/-85.5/-1', '5/-85.5/-1', 'viewport'],
    ['map=5/52/181', '5/52/181', 'viewport'],
    ['map=5/52/Infinity', '5/52/Infinity', 'viewport'],
    ['lad=E05000001', 'E05000001', 'tableLad'],
    ['lad=E01000001', 'E01000001', 'tableLad'],
    ['lad=E0800002', 'E0800002', 'tableLad'],
    ['lad=W06000001', 'W06000001', 'tableLad'],
    ['sort=rank', 'rank', 'sort'],
    ['sort=rank:up', 'rank:up', 'sort'],
    ['sort=score:asc', 'score:asc', 'sort'],
    ['sort=:desc', ':desc', 'sort'],
    ['sort=RANK:ASC', 'RANK:ASC', 'sort'],
  ];

  it.each(cases)('?%s', (query, quoted, key) => {
    // Every other setting in the same link still applies.
    const others = key === 'level' ? 'layer=crime' : 'level=ward';
    const { state: parsed, problems } = parseUrlState(`?${query}&${others}`);
    const expected = key === 'level' ? state({ layer: 'crime' }) : state({ level: 'ward' });
    expect(parsed).toEqual(expected);
    expect(parsed[key]).toEqual(DEFAULTS[key]);
    expect(problems).toHaveLength(1);
    expect(text(problems[0])).toContain(quoted.startsWith('“') ? quoted : `“${quoted}”`);
  });

  it('reports each bad setting once, and keeps the good ones', () => {
    const { state: parsed, problems } = parseUrlState('?level=county&layer=health&area=E0100&view=about&sort=x:y');
    expect(parsed).toEqual(state({ layer: 'health', view: 'about' }));
    expect(problems).toHaveLength(3);
    expect(text(problems[0])).toContain('county');
    expect(text(problems[1])).toContain('E0100');
    expect(text(problems[2])).toContain('x:y');
  });

  it('says what it shows instead', () => {
    const [level] = parseUrlState('?level=county').problems;
    expect(text(level)).toMatch(/neighbourhoods \(LSOAs\)/);
    const [map] = parseUrlState('?map=1/2').problems;
    expect(text(map)).toMatch(/all of England/);
    const [view] = parseUrlState('?view=chart').problems;
    expect(text(view)).toMatch(/shows the map instead/);
  });

  it('gives each problem as a message with an id and a default text, never as a plain string', () => {
    const { problems } = parseUrlState('?level=x&layer=x&measure=x&release=x&area=x&areas=x&map=x&view=x&lad=x&sort=x&zz=1');
    expect(problems.length).toBeGreaterThanOrEqual(10);
    for (const problem of problems) {
      expect(problem.msg.id).toMatch(/^url\./);
      expect(Object.values(PROBLEM_MESSAGES)).toContainEqual(problem.msg);
      // Every placeholder of the message has its value.
      expect(text(problem)).not.toMatch(/[{}]/);
    }
  });
});

describe('parseUrlState: a setting given more than once', () => {
  it('takes a later good value over an earlier bad one, and says the setting was repeated', () => {
    const { state: parsed, problems } = parseUrlState('?level=bad&level=ward');
    expect(parsed).toEqual(state({ level: 'ward' }));
    expect(problems).toEqual([{ msg: PROBLEM_MESSAGES.repeated, values: { name: 'level', count: 2, value: 'ward' } }]);
    expect(text(problems[0])).toBe('The link gave the level 2 times; the map uses “ward”.');
  });

  it('keeps an earlier good value over a later bad one', () => {
    const { state: parsed, problems } = parseUrlState('?level=ward&level=bad');
    expect(parsed).toEqual(state({ level: 'ward' }));
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.repeated]);
    expect(problems[0].values).toMatchObject({ value: 'ward' });
  });

  it('takes the last of several good values', () => {
    const { state: parsed, problems } = parseUrlState('?level=ward&level=lad&view=about&view=table&view=nope');
    expect(parsed).toEqual(state({ level: 'lad', view: 'table' }));
    expect(problems.map((p) => p.values)).toEqual([
      { name: 'level', count: 2, value: 'lad' },
      { name: 'view', count: 3, value: 'table' },
    ]);
  });

  it('falls back with one problem quoting the last value when every value is bad', () => {
    const { state: parsed, problems } = parseUrlState('?level=bad&level=worse');
    expect(parsed).toEqual(DEFAULTS);
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.unknown]);
    expect(text(problems[0])).toContain('“worse”');
  });

  it('applies the same rule to areas, maps, authorities and sorts', () => {
    const { state: parsed, problems } = parseUrlState('?area=E0100&area=e01000001&map=x&map=5/52/-1&lad=E09000001&lad=x&sort=x&sort=name:desc');
    expect(parsed).toEqual(
      state({
        selection: { kind: 'area', code: 'E01000001' },
        viewport: { zoom: 5, latitude: 52, longitude: -1 },
        tableLad: 'E09000001',
        sort: { column: 'name', direction: 'desc' },
      }),
    );
    expect(problems.map((p) => [p.msg.id, p.values?.name])).toEqual([
      ['url.repeated', 'area'],
      ['url.repeated', 'map'],
      ['url.repeated', 'lad'],
      ['url.repeated', 'sort'],
    ]);
  });

  it('counts `layer` and the older `indicator` as one setting, the later in the link winning', () => {
    const both = parseUrlState('?indicator=crime&layer=income');
    expect(both.state.layer).toBe('income');
    expect(both.problems.map((p) => p.values)).toEqual([{ name: 'layer', count: 2, value: 'income' }]);
    expect(parseUrlState('?layer=income&indicator=crime').state.layer).toBe('crime');
    expect(parseUrlState('?layer=income&indicator=nope').state.layer).toBe('income');
  });
});

describe('parseUrlState: long values are echoed cut short', () => {
  const long = 'x'.repeat(10_000);

  it('cuts a 10,000-character bad value to at most 40 characters in the problem', () => {
    const { state: parsed, problems } = parseUrlState(`?level=${long}`);
    expect(parsed).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
    const value = problems[0].values!.value as string;
    expect([...value].length).toBeLessThanOrEqual(40);
    expect(value.startsWith('xxxx')).toBe(true);
    expect(value.endsWith('…')).toBe(true);
    expect(text(problems[0]).length).toBeLessThan(200);
  });

  it.each(['layer', 'indicator', 'measure', 'release', 'area', 'feature', 'map', 'view', 'lad', 'sort'])('cuts a long bad %s', (name) => {
    const { problems } = parseUrlState(`?${name}=${long}`);
    expect(problems).toHaveLength(1);
    for (const value of echoed(problems)) expect([...value].length, name).toBeLessThanOrEqual(40);
    // …and a repeated setting's chosen value too.
    const repeated = parseUrlState(`?${name}=a&${name}=${long}`).problems;
    for (const value of echoed(repeated)) expect([...value].length, name).toBeLessThanOrEqual(40);
  });

  it('cuts a long unknown parameter name', () => {
    const { problems } = parseUrlState(`?${long}=1`);
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.extra]);
    for (const value of echoed(problems)) expect([...value].length).toBeLessThanOrEqual(40);
  });

  it('cuts the list of unknown parameters when there are many', () => {
    const many = Array.from({ length: 500 }, (_, i) => `p${i}=1`).join('&');
    const { problems } = parseUrlState(`?${many}`);
    expect(problems.map((p) => p.msg)).toEqual([PROBLEM_MESSAGES.extra]);
    for (const value of echoed(problems)) expect([...value].length).toBeLessThanOrEqual(40);
    expect(text(problems[0]).length).toBeLessThan(200);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const emoji = '😀'.repeat(100);
    const [problem] = parseUrlState(`?level=${encodeURIComponent(emoji)}`).problems;
    const value = problem.values!.value as string;
    expect([...value].length).toBeLessThanOrEqual(40);
    expect(value).toMatch(/^(😀)+…$/u);
  });

  it('echo keeps a value of up to 40 characters whole', () => {
    expect(echo('')).toBe('');
    expect(echo('a'.repeat(40))).toBe('a'.repeat(40));
    expect(echo('a'.repeat(41))).toBe(`${'a'.repeat(39)}…`);
  });
});

describe('parseUrlState: unknown and garbled input', () => {
  it('reports parameters it does not use, and otherwise ignores them', () => {
    const { state: parsed, problems } = parseUrlState('?zoom=5&level=lad&utm_source=mail');
    expect(parsed).toEqual(state({ level: 'lad' }));
    expect(problems).toHaveLength(1);
    expect(text(problems[0])).toContain('zoom');
    expect(text(problems[0])).toContain('utm_source');
    expect(text(problems[0])).not.toContain('level');
  });

  const garbage = [
    '?%E0%A4%A',
    '?map=1/2/3/4',
    '?map=%',
    '?level',
    '?=&=&&',
    '?area=%00%FF',
    '?areas=%00,%FF,,,',
    '?feature=:::',
    '?sort=:::',
    '?map=1e400/0/0',
    '?' + 'x'.repeat(10_000),
    'level=ward', // without the question mark
    '#level=ward',
  ];
  it.each(garbage)('does not throw on %s', (query) => {
    const result = parseUrlState(query);
    expect(Object.keys(result.state).sort()).toEqual(Object.keys(DEFAULTS).sort());
    expect(Array.isArray(result.problems)).toBe(true);
  });

  it('treats an undecodable parameter name as an unknown setting', () => {
    const { state: parsed, problems } = parseUrlState('?%E0%A4%A');
    expect(parsed).toEqual(DEFAULTS);
    expect(problems).toHaveLength(1);
    expect(text(problems[0])).toMatch(/does not use/);
  });

  it('reads a query without the leading "?" like one with it', () => {
    expect(parseUrlState('level=ward').state).toEqual(state({ level: 'ward' }));
  });
});

describe('parseUrlState: strictness', () => {
  it('takes map numbers only as plain decimals (not hex or exponents)', () => {
    for (const map of ['0x10/52/-1', '1e1/52/-1', '10/5.2e1/-1']) {
      const { state: parsed, problems } = parseUrlState(`?map=${map}`);
      expect(parsed.viewport).toBeNull();
      expect(problems).toHaveLength(1);
    }
    expect(parseUrlState('?map=10/-52.5/-1').state.viewport).toEqual({ zoom: 10, latitude: -52.5, longitude: -1 });
  });

  it('rejects a sort with anything after the direction', () => {
    const { state: parsed, problems } = parseUrlState('?sort=rank:desc:junk');
    expect(parsed.sort).toEqual(DEFAULT_URL_STATE.sort);
    expect(text(problems[0])).toContain('rank:desc:junk');
  });

  it('names a repeated unknown setting once', () => {
    const { problems } = parseUrlState('?foo=1&foo=2');
    expect(texts(problems)).toEqual([expect.stringContaining('(foo)')]);
  });
});

describe('normaliseChoice', () => {
  it('keeps a valid choice, writing the defaults as null', () => {
    expect(normaliseChoice({ layer: 'imd', level: 'lsoa', measure: 'score', release: '2025' })).toEqual({ layer: 'imd', level: 'lsoa', measure: null, release: null, groups: null });
    expect(normaliseChoice({ layer: 'imd', level: 'lsoa', measure: null, release: '2019', groups: null })).toEqual({ layer: 'imd', level: 'lsoa', measure: null, release: '2019', groups: null });
    expect(normaliseChoice({ layer: 'income', level: 'ward', measure: 'extent', release: null, groups: null })).toEqual({ layer: 'income', level: 'ward', measure: 'extent', release: null, groups: null });
  });

  it('drops a measure or release the combination does not have', () => {
    expect(normaliseChoice({ layer: 'imd', level: 'ward', measure: 'black', release: '2019', groups: null })).toEqual({ layer: 'imd', level: 'ward', measure: null, release: null, groups: null });
  });

  it('moves to the layer’s first level, and to the default layer for an unknown one', () => {
    withLayers(FIXTURE_LAYER);
    expect(normaliseChoice({ layer: 'fixture_rate', level: 'lsoa', measure: 'growth', release: '2020' })).toEqual({
      layer: 'fixture_rate',
      level: 'ward',
      measure: 'growth',
      release: '2020',
      groups: null,
    });
    expect(normaliseChoice({ layer: 'nope', level: 'lad', measure: 'extent', release: null, groups: null })).toEqual({ layer: 'imd', level: 'lad', measure: 'extent', release: null, groups: null });
  });

  it('keeps a comparison the layer has, in the order given, and drops one it has not', () => {
    const base = { layer: 'segregation_ethnicity', level: 'ward' as const, measure: null, release: null };
    expect(normaliseChoice({ ...base, groups: 'white-asian' }).groups).toBe('white-asian');
    expect(normaliseChoice({ ...base, groups: 'WHITE-Asian' }).groups).toBe('white-asian');
    expect(normaliseChoice({ ...base, groups: 'white-rest' }).groups).toBeNull(); // the default
    expect(normaliseChoice({ ...base, groups: 'muslim-rest' }).groups).toBeNull(); // religion's group, not ethnicity's
    expect(normaliseChoice({ ...base, layer: 'imd', groups: 'asian-white' }).groups).toBeNull(); // the IMD compares no groups
  });
});

describe('groups and selection names in links', () => {
  it('reads a comparison of the layer and writes it back', () => {
    const { state, problems } = parseUrlState('?layer=segregation_ethnicity&level=ward&groups=black-asian');
    expect(problems).toEqual([]);
    expect(state.groups).toBe('black-asian');
    expect(formatUrlState(state)).toBe('?layer=segregation_ethnicity&level=ward&groups=black-asian');
  });

  it('falls back to the layer’s default comparison, with a notice, for groups it does not compare', () => {
    for (const bad of ['white-white', 'white', 'muslim-rest', 'white-rest-asian', '']) {
      const { state, problems } = parseUrlState(`?layer=segregation_ethnicity&groups=${bad}`);
      expect(state.groups).toBeNull();
      expect(problems.map((p) => p.msg.id)).toEqual(['url.groups']);
    }
  });

  it('ignores groups on a layer without comparisons', () => {
    const { state, problems } = parseUrlState('?groups=asian-white');
    expect(state.groups).toBeNull();
    expect(problems).toEqual([]);
  });

  it('keeps a name only with a set of areas, cut to its limit', () => {
    const set = parseUrlState('?areas=E01000001,E01000002&name=%20Lozells%20%20ring%20');
    expect(set.state.selectionName).toBe('Lozells ring');
    expect(formatUrlState(set.state)).toBe('?areas=E01000001,E01000002&name=Lozells%20ring');
    expect(parseUrlState('?area=E01000001&name=Lozells').state.selectionName).toBeNull();
    const long = parseUrlState(`?areas=E01000001,E01000002&name=${'x'.repeat(200)}`);
    expect(long.state.selectionName).toHaveLength(80);
    expect(long.problems.map((p) => p.msg.id)).toEqual(['url.name']);
  });
});

describe('the place, service types and distance of "near me"', () => {
  it('reads a postcode in any case and spacing, a point, the types and the distance, and writes them back', () => {
    const { state, problems } = parseUrlState('?postcode=b15%202tt&services=gp_practice,library&within=walk20');
    expect(problems).toEqual([]);
    expect(state.place).toEqual({ kind: 'postcode', postcode: 'B152TT' });
    expect(state.services).toEqual(['library', 'gp_practice']);
    expect(state.within).toBe('walk20');
    expect(formatUrlState(state)).toBe('?postcode=B152TT&services=library,gp_practice&within=walk20');
    const point = parseUrlState('?near=52.45123,-1.93123');
    expect(point.state.place).toEqual({ kind: 'point', lat: 52.45123, lng: -1.93123 });
    expect(formatUrlState(point.state)).toBe('?near=52.45123,-1.93123');
  });

  it('drops a malformed postcode, a point outside Great Britain, unknown types and distances, with a notice each', () => {
    const { state, problems } = parseUrlState('?postcode=B15%202T&services=library,pubs&within=5km');
    expect(state.place).toBeNull();
    expect(state.services).toEqual([]);
    expect(state.within).toBe('1km');
    expect(problems.map((p) => p.msg.id)).toEqual(['url.postcode', 'url.services', 'url.unknown']);
    expect(parseUrlState('?near=40.7,-74.0').problems.map((p) => p.msg.id)).toEqual(['url.near']);
    expect(parseUrlState('?near=52.4,x').state.place).toBeNull();
  });
});
