/**
 * The legend's title quotes the catalogue's texts inside a sentence. The
 * names of groups and places in them (Asian, British, Welsh, Simpson, LSOAs)
 * must reach the reader as the catalogue writes them.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DataClient } from '../../src/data/client.ts';
import type { Manifest } from '../../src/data/schema.ts';
import { I18nProvider } from '../../src/i18n/I18nProvider.tsx';
import { resolveView } from '../../src/state/viewSpec.ts';
import { ClassLegend } from '../../src/ui/ClassLegend.tsx';

const MANIFEST = {
  counts: { lsoa: 33755, ward: 6784, lad: 296 },
  vintages: { lsoa: 2021, ward: 2024, lad: 2024 },
  layers: {
    imd: { levels: { ward: { releases: ['2025'], measures: [] } } },
    ethnic_diversity: { levels: { ward: { releases: ['2021'], measures: [] } } },
  },
} as unknown as Manifest;

/** Effects do not run in static rendering, so the client is never asked for anything. */
const client = {} as DataClient;

const legendTitle = (layer: string, measure: string) => {
  const { spec } = resolveView({ layer, level: 'ward', measure, release: null }, MANIFEST);
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(ClassLegend, { client, spec, manifest: MANIFEST })));
  return /<h2[^>]*>(.*?)<\/h2>/s.exec(html)![1].replace(/&#x27;/g, "'");
};

describe('the legend title', () => {
  it('keeps the capitals of an ethnic group’s name', () => {
    expect(legendTitle('ethnic_diversity', 'asian')).toContain('Asian, Asian British or Asian Welsh');
  });

  it('keeps the capitals of a name in a measure', () => {
    expect(legendTitle('ethnic_diversity', 'simpson')).toContain('Simpson’s index');
    expect(legendTitle('imd', 'proportionMostDeprived10')).toContain('LSOAs in most deprived 10%');
  });
});
