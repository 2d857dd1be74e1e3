/**
 * Deployment settings from config.json: parsing with per-setting fallbacks,
 * the build-time basemap default, and loading.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, parseConfig } from '../../src/config/appConfig.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('DEFAULT_CONFIG', () => {
  it('reads data from data/ beside the page', () => {
    expect(DEFAULT_CONFIG.dataUrl).toBe('data/');
  });

  it('takes the basemap from VITE_BASEMAP_STYLE_URL at build time, or has none', async () => {
    vi.stubEnv('VITE_BASEMAP_STYLE_URL', 'https://maps.example/style.json');
    vi.resetModules();
    const withStyle = await import('../../src/config/appConfig.ts');
    expect(withStyle.DEFAULT_CONFIG.basemapStyleUrl).toBe('https://maps.example/style.json');

    vi.stubEnv('VITE_BASEMAP_STYLE_URL', '');
    vi.resetModules();
    const empty = await import('../../src/config/appConfig.ts');
    expect(empty.DEFAULT_CONFIG.basemapStyleUrl).toBeNull();
  });
});

describe('parseConfig: valid input', () => {
  it('reads both settings', () => {
    expect(parseConfig({ dataUrl: 'https://cdn.example/iod/', basemapStyleUrl: 'https://maps.example/style.json' })).toEqual({
      config: { dataUrl: 'https://cdn.example/iod/', basemapStyleUrl: 'https://maps.example/style.json' },
      problems: [],
    });
  });

  it('keeps the default of a setting left out', () => {
    expect(parseConfig({})).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(parseConfig({ dataUrl: '../data' }).config).toEqual({ ...DEFAULT_CONFIG, dataUrl: '../data' });
    expect(parseConfig({ basemapStyleUrl: 'style.json' }).config).toEqual({ dataUrl: 'data/', basemapStyleUrl: 'style.json' });
  });

  it('turns an empty or null basemap into none, without a problem', () => {
    expect(parseConfig({ basemapStyleUrl: null })).toEqual({ config: { dataUrl: 'data/', basemapStyleUrl: null }, problems: [] });
    expect(parseConfig({ basemapStyleUrl: '' })).toEqual({ config: { dataUrl: 'data/', basemapStyleUrl: null }, problems: [] });
  });

  it('ignores settings it does not know', () => {
    expect(parseConfig({ dataUrl: 'x/', title: 'My atlas' })).toEqual({ config: { ...DEFAULT_CONFIG, dataUrl: 'x/' }, problems: [] });
  });

  it('does not change the defaults it started from', () => {
    parseConfig({ dataUrl: 'elsewhere/', basemapStyleUrl: 'style.json' });
    expect(DEFAULT_CONFIG.dataUrl).toBe('data/');
  });
});

describe('parseConfig: invalid input', () => {
  it.each([null, undefined, 42, 'data/', true])('rejects a non-object (%j) as a whole', (value) => {
    const { config, problems } = parseConfig(value);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toEqual(['config.json is not a JSON object; using the defaults.']);
  });

  it.each([42, '', '   ', null, ['data/'], { url: 'data/' }])('rejects a dataUrl of %j and uses data/', (dataUrl) => {
    const { config, problems } = parseConfig({ dataUrl, basemapStyleUrl: 'style.json' });
    expect(config).toEqual({ dataUrl: 'data/', basemapStyleUrl: 'style.json' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"dataUrl" must be a non-empty string/);
  });

  it.each([42, false, ['style.json'], { url: 'style.json' }])('rejects a basemapStyleUrl of %j and keeps the default', (basemapStyleUrl) => {
    const { config, problems } = parseConfig({ dataUrl: 'x/', basemapStyleUrl });
    expect(config).toEqual({ dataUrl: 'x/', basemapStyleUrl: DEFAULT_CONFIG.basemapStyleUrl });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"basemapStyleUrl" must be a URL or null/);
  });

  it('reports both settings when both are bad', () => {
    const { config, problems } = parseConfig({ dataUrl: 1, basemapStyleUrl: 2 });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(2);
  });
});

describe('loadConfig', () => {
  const respond = (response: Response | Error) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        if (response instanceof Error) throw response;
        return response;
      }),
    );

  it('reads config.json beside the page, asking the cache to revalidate', async () => {
    respond(new Response(JSON.stringify({ dataUrl: 'https://cdn.example/' }), { status: 200 }));
    expect(await loadConfig()).toEqual({ config: { ...DEFAULT_CONFIG, dataUrl: 'https://cdn.example/' }, problems: [] });
    expect(fetch).toHaveBeenCalledWith('config.json', { cache: 'no-cache' });
  });

  it('uses the defaults quietly when there is no config.json', async () => {
    respond(new Response('not found', { status: 404 }));
    expect(await loadConfig()).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('uses the defaults, with a problem, on another HTTP error', async () => {
    respond(new Response('oops', { status: 500 }));
    const { config, problems } = await loadConfig();
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toEqual(['config.json could not be read (HTTP 500); using the defaults.']);
  });

  it('uses the defaults, with a problem, when config.json is not JSON', async () => {
    respond(new Response('{ dataUrl: nope', { status: 200 }));
    const { config, problems } = await loadConfig();
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(1);
  });

  it('uses the defaults, with a problem, when the request fails', async () => {
    respond(new TypeError('Failed to fetch'));
    const { config, problems } = await loadConfig();
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(1);
  });

  it('passes problems of the content through', async () => {
    respond(new Response('"data/"', { status: 200 }));
    expect((await loadConfig()).problems).toEqual(['config.json is not a JSON object; using the defaults.']);
  });
});

describe('parseConfig: an array is not a configuration', () => {
  it('falls back to the defaults with a problem', () => {
    const { config, problems } = parseConfig([1, 2]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(1);
  });
});
