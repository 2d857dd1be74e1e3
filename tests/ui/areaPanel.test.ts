/**
 * The area panel's figures, rendered to HTML from a hand-made profile: the
 * headline, the releases line, the measures table, the distribution and the
 * theme strips all come from the catalogue and the data, for any layer.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEPRIVATION_LAYERS, SUMMARY_MEASURES } from '../../src/config/catalogue/deprivation.ts';
import { DIVERSITY_MEASURES } from '../../src/config/catalogue/diversity.ts';
import type { AreaInfo } from '../../src/data/areas.ts';
import type { AreaSlice, Manifest, Profile } from '../../src/data/schema.ts';
import { I18nProvider } from '../../src/i18n/I18nProvider.tsx';
import type { UrlState } from '../../src/state/url.ts';
import { resolveView } from '../../src/state/viewSpec.ts';
import { AreaFigures } from '../../src/ui/AreaPanel.tsx';

const MANIFEST = {
  counts: { lsoa: 33755, ward: 6784, lad: 296 },
  vintages: { lsoa: 2021, ward: 2024, lad: 2024 },
  weights: { kind: 'census-2021', description: 'Census 2021 usual residents', file: 'census.csv', column: 'total' },
  layers: {
    ...Object.fromEntries(
      DEPRIVATION_LAYERS.map((layer) => [
        layer.id,
        {
          levels: { lsoa: { releases: ['2019', '2025'], measures: ['score'] }, ward: { releases: ['2025'], measures: SUMMARY_MEASURES.map((m) => m.id) } },
          officialLadMeasures: { '2025': ['averageScore'] },
        },
      ]),
    ),
    ethnic_diversity: { levels: { ward: { releases: ['2021'], measures: DIVERSITY_MEASURES.map((m) => m.id) } } },
  },
} as unknown as Manifest;

// Merton, two wards, two LSOAs: E01000002 (ward E05000002) changed since 2011, E01000003 did not.
const lsoaSlice = (layerIndex: number): AreaSlice => ({
  releases: ['2019', '2025'],
  measures: {
    score: {
      value: [
        [null, 12.5],
        [10.2, 30.3],
      ],
      rank: [
        [null, 5],
        [4000, 2],
      ],
      class: [
        [0, 1],
        [2, (layerIndex % 10) + 1],
      ],
    },
  },
});
const wardSlice: AreaSlice = {
  releases: ['2025'],
  measures: Object.fromEntries(
    SUMMARY_MEASURES.map((m) => [m.id, { value: [[0.25, 0.125]], rank: [[3000, 200]], rankWithinLad: [[2, 1]], class: [[5, 1]] }]),
  ),
  lsoaClassCounts: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2, 1, 0, 0, 0, 0, 0, 0, 1],
};
const diversityWard: AreaSlice = {
  releases: ['2021'],
  measures: Object.fromEntries(DIVERSITY_MEASURES.map((m, i) => [m.id, { value: [[0.5, 0.61]], rank: [[900, 400]], class: [[3, (i % 5) + 1]] }])),
};

const PROFILE: Profile = {
  lad: 'E09000024',
  wards: ['E05000002', 'E05000003'],
  lsoas: { codes: ['E01000002', 'E01000003'], names: ['Merton 001A', 'Merton 002A'], ward: [0, 1] },
  layers: {
    ...Object.fromEntries(DEPRIVATION_LAYERS.map((layer, i) => [layer.id, { lsoa: lsoaSlice(i), ward: wardSlice }])),
    ethnic_diversity: { ward: diversityWard },
  },
};

const MERTON = { code: 'E09000024', name: 'Merton' };
const LSOA: AreaInfo = { code: 'E01000002', level: 'lsoa', index: 1, name: 'Merton 001A', ward: { code: 'E05000002', name: 'Ward B' }, lad: MERTON };
const WARD: AreaInfo = { code: 'E05000003', level: 'ward', index: 2, name: 'Ward C', lad: MERTON };

function render(info: AreaInfo, state: Partial<UrlState> & Pick<UrlState, 'layer' | 'level'>): string {
  const spec = resolveView({ measure: null, release: null, ...state }, MANIFEST).spec;
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(AreaFigures, { profile: PROFILE, info, spec, manifest: MANIFEST })));
  return html;
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('AreaFigures', () => {
  it('gives an LSOA its value, class and national rank in the release shown, and its class in each release', () => {
    const html = render(LSOA, { layer: 'imd', level: 'lsoa' });
    const out = text(html);
    expect(html).toContain('<span class="headline__value">Decile 2</span>');
    expect(out).toContain('Decile 2 of 10 · Score: 10.200 (IMD, IoD 2025) · rank 4,000 of 33,755 neighbourhoods (LSOAs) in England (1 = most deprived).');
    expect(out).toContain('IoD 2019: not comparable · IoD 2025: Decile 2');
  });

  it('says why an LSOA has no figure in a release, in the release’s own words', () => {
    const out = text(render(LSOA, { layer: 'imd', level: 'lsoa', release: '2019' }));
    expect(out).toContain('Not comparable: this LSOA changed between 2011 and 2021');
    expect(out).toContain('· Score: – (IMD, IoD 2019).');
    expect(out).not.toContain('in England (1 =');
  });

  it('draws a strip for each layer of the theme, the later groups folded away', () => {
    const html = render(LSOA, { layer: 'income', level: 'lsoa' });
    const [open, folded] = html.split('<details>');
    // IMD and seven domains open (Income emphasised), the sub-domains in <details>.
    expect(open.match(/<tr class="strips__row/g)).toHaveLength(8);
    expect(open).toMatch(/strips__row--emphasis"><th scope="row" class="strips__label">Income/);
    expect(text(folded)).toContain('Sub-domains');
  });

  it('gives a ward every measure with its rank in England and in its authority, and its LSOAs by class', () => {
    const html = render(WARD, { layer: 'imd', level: 'ward', measure: 'extent' });
    const out = text(html);
    expect(out).toContain('rank 200 of 6,784 wards in England');
    expect(out).toContain('rank 1 of 2 wards in Merton.');
    expect(out).toContain('Its 7 LSOAs by Decile of the IMD');
    expect(html.match(/<tr class="measures__current">/g)).toHaveLength(1);
    for (const measure of SUMMARY_MEASURES) expect(out).toContain(measure.label.defaultMessage);
  });

  it('shows the measures of a one-layer theme as strips, classed by the layer’s own scheme', () => {
    const html = render(WARD, { layer: 'ethnic_diversity', level: 'ward' });
    const out = text(html);
    expect(out).toContain('Quintile 1 of 5 · Ethnic diversity (Simpson’s index): 0.610 (Ethnic diversity, Census 2021)');
    expect(out).toContain('Every measure of the Ethnic diversity');
    // One strip per measure, five cells each (quintiles).
    expect(html.match(/<tr class="strips__row/g)).toHaveLength(DIVERSITY_MEASURES.length);
    expect(html).toContain('grid-template-columns:repeat(5, 1fr)');
  });
});
