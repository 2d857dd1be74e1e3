/**
 * Deployment settings, read at start-up from `config.json` next to
 * index.html, so a site can be re-pointed without a rebuild:
 *
 *   { "dataUrl": "data/", "basemapStyleUrl": null }
 *
 * `basemapStyleUrl` is a MapLibre style (e.g. an OS Maps API or Protomaps
 * style); when null the map draws only the data, with place labels from the
 * area names. VITE_BASEMAP_STYLE_URL, if set at build time, is the default.
 */
export interface AppConfig {
  dataUrl: string;
  basemapStyleUrl: string | null;
}

export const DEFAULT_CONFIG: AppConfig = {
  dataUrl: 'data/',
  basemapStyleUrl: (import.meta.env.VITE_BASEMAP_STYLE_URL as string | undefined) || null,
};

export function parseConfig(value: unknown): { config: AppConfig; problems: string[] } {
  const config = { ...DEFAULT_CONFIG };
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config, problems: ['config.json is not a JSON object; using the defaults.'] };
  }
  const record = value as Record<string, unknown>;
  if ('dataUrl' in record) {
    if (typeof record.dataUrl === 'string' && record.dataUrl.trim() !== '') config.dataUrl = record.dataUrl;
    else problems.push('config.json: "dataUrl" must be a non-empty string; using "data/".');
  }
  if ('basemapStyleUrl' in record) {
    if (record.basemapStyleUrl === null || record.basemapStyleUrl === '') config.basemapStyleUrl = null;
    else if (typeof record.basemapStyleUrl === 'string') config.basemapStyleUrl = record.basemapStyleUrl;
    else problems.push('config.json: "basemapStyleUrl" must be a URL or null; showing the map without a basemap.');
  }
  return { config, problems };
}

export async function loadConfig(): Promise<{ config: AppConfig; problems: string[] }> {
  let response: Response;
  try {
    response = await fetch('config.json', { cache: 'no-cache' });
  } catch {
    return { config: DEFAULT_CONFIG, problems: ['config.json could not be fetched; using the defaults.'] };
  }
  if (response.status === 404) return { config: DEFAULT_CONFIG, problems: [] };
  if (!response.ok) return { config: DEFAULT_CONFIG, problems: [`config.json could not be read (HTTP ${response.status}); using the defaults.`] };
  try {
    return parseConfig(await response.json());
  } catch {
    return { config: DEFAULT_CONFIG, problems: ['config.json is not valid JSON; using the defaults.'] };
  }
}
