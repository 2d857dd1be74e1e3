/**
 * The URL as the shareable form of the view: canonical formatting, exact
 * round trips, and per-setting fallbacks (with a notice) for anything
 * malformed.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState, roundViewport, type UrlState } from '../../src/state/url.ts';

/** The defaults, written out by hand so that a changed default is noticed. */
const DEFAULTS: UrlState = {
  level: 'lsoa',
  indicator: 'imd',
  measure: 'averageScore',
  selection: null,
  viewport: null,
  view: 'map',
  tableLad: null,
  sort: { column: 'rank', direction: 'asc' },
};

const state = (changes: Partial<UrlState>): UrlState => ({ ...DEFAULTS, sort: { ...DEFAULTS.sort }, ...changes });

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
  it('writes every setting in a fixed order, keeping "/" and ":" readable', () => {
    const full = state({
      level: 'ward',
      indicator: 'income',
      measure: 'extent',
      selection: 'E05000123',
      viewport: { longitude: -1.5, latitude: 52.25, zoom: 8.5 },
      view: 'table',
      tableLad: 'E08000025',
      sort: { column: 'value', direction: 'desc' },
    });
    expect(formatUrlState(full)).toBe(
      '?level=ward&indicator=income&measure=extent&area=E05000123&map=8.5/52.25/-1.5&view=table&lad=E08000025&sort=value:desc',
    );
  });

  it('leaves out the measure at LSOA level, where it means nothing', () => {
    expect(formatUrlState(state({ measure: 'extent' }))).toBe('');
    expect(formatUrlState(state({ level: 'lsoa', indicator: 'crime', measure: 'localConcentration' }))).toBe('?indicator=crime');
  });

  it('leaves out the default measure at ward and authority level', () => {
    expect(formatUrlState(state({ level: 'ward' }))).toBe('?level=ward');
    expect(formatUrlState(state({ level: 'lad', measure: 'averageRank' }))).toBe('?level=lad&measure=averageRank');
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
    ['a sub-domain', state({ indicator: 'geographical_barriers' })],
    ['measure at ward level', state({ level: 'ward', measure: 'proportionMostDeprived10' })],
    ['measure at lad level', state({ level: 'lad', measure: 'localConcentration' })],
    ['an LSOA selection', state({ selection: 'E01000001' })],
    ['a ward selection', state({ selection: 'E05014561' })],
    ['an authority selection', state({ selection: 'E09000033' })],
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
        level: 'lad',
        indicator: 'outdoors',
        measure: 'averageRank',
        selection: 'E07000089',
        viewport: { longitude: -0.12345, latitude: 51.50722, zoom: 14.5 },
        view: 'table',
        tableLad: 'E07000089',
        sort: { column: 'value', direction: 'asc' },
      }),
    ],
  ];
  it.each(cases)('%s', (_, original) => {
    const text = formatUrlState(original);
    expect(text).not.toBe('');
    expect(parseUrlState(text)).toEqual({ state: original, problems: [] });
  });

  it('keeps a viewport to its URL precision', () => {
    const original = state({ viewport: { longitude: -1.234567, latitude: 52.987654, zoom: 7.4567 } });
    const { state: parsed } = parseUrlState(formatUrlState(original));
    expect(parsed.viewport).toEqual({ longitude: -1.23457, latitude: 52.98765, zoom: 7.46 });
    // …and formatting the parsed state gives the same link again.
    expect(formatUrlState(parsed)).toBe('?map=7.46/52.98765/-1.23457');
  });

  it('a measure at LSOA level does not survive, by design', () => {
    const { state: parsed } = parseUrlState(formatUrlState(state({ measure: 'extent' })));
    expect(parsed.measure).toBe('averageScore');
  });
});

describe('parseUrlState: accepted input', () => {
  it('reads a measure given with LSOA level (it is simply not written back)', () => {
    expect(parseUrlState('?measure=extent')).toEqual({ state: state({ measure: 'extent' }), problems: [] });
  });

  it('upper-cases and trims area and authority codes', () => {
    const { state: parsed, problems } = parseUrlState('?area=%20e01000001%20&lad=e08000025');
    expect(parsed.selection).toBe('E01000001');
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

describe('parseUrlState: malformed values fall back for that setting only', () => {
  /** [query, the bad value as the problem must quote it, the setting that falls back] */
  const cases: [string, string, keyof UrlState][] = [
    ['level=county', 'county', 'level'],
    ['level=LSOA', 'LSOA', 'level'],
    ['level=', '“”', 'level'],
    ['indicator=wealth', 'wealth', 'indicator'],
    ['indicator=IMD', 'IMD', 'indicator'],
    ['measure=median', 'median', 'measure'],
    ['view=chart', 'chart', 'view'],
    ['area=E0100', 'E0100', 'selection'],
    ['area=W01000001', 'W01000001', 'selection'],
    ['area=S01006506', 'S01006506', 'selection'],
    ['area=E10000002', 'E10000002', 'selection'],
    ['area=E010000011', 'E010000011', 'selection'],
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
    const others = key === 'level' ? 'indicator=crime' : 'level=ward';
    const { state: parsed, problems } = parseUrlState(`?${query}&${others}`);
    const expected = key === 'level' ? state({ indicator: 'crime' }) : state({ level: 'ward' });
    expect(parsed).toEqual(expected);
    expect(parsed[key]).toEqual(DEFAULTS[key]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(quoted.startsWith('“') ? quoted : `“${quoted}”`);
  });

  it('reports each bad setting once, and keeps the good ones', () => {
    const { state: parsed, problems } = parseUrlState('?level=county&indicator=health&area=E0100&view=about&sort=x:y');
    expect(parsed).toEqual(state({ indicator: 'health', view: 'about' }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('county');
    expect(problems[1]).toContain('E0100');
    expect(problems[2]).toContain('x:y');
  });

  it('says what it shows instead', () => {
    const [level] = parseUrlState('?level=county').problems;
    expect(level).toMatch(/neighbourhoods \(LSOAs\)/);
    const [map] = parseUrlState('?map=1/2').problems;
    expect(map).toMatch(/all of England/);
  });
});

describe('parseUrlState: unknown and garbled input', () => {
  it('reports parameters it does not use, and otherwise ignores them', () => {
    const { state: parsed, problems } = parseUrlState('?zoom=5&level=lad&utm_source=mail');
    expect(parsed).toEqual(state({ level: 'lad' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('zoom');
    expect(problems[0]).toContain('utm_source');
    expect(problems[0]).not.toContain('level');
  });

  const garbage = [
    '?%E0%A4%A',
    '?map=1/2/3/4',
    '?map=%',
    '?level',
    '?=&=&&',
    '?area=%00%FF',
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
    expect(problems[0]).toMatch(/does not use/);
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
    expect(problems[0]).toContain('rank:desc:junk');
  });

  it('names a repeated unknown setting once', () => {
    const { problems } = parseUrlState('?foo=1&foo=2');
    expect(problems).toEqual([expect.stringContaining('(foo)')]);
  });
});
