/**
 * A layer that is not in the catalogue, for tests that add one through
 * `replaceCatalogueForTest` and check that it reaches the URL, the view spec,
 * the legend, the tooltip and the table without any other change.
 *
 * It differs from the real layers where a shortcut could hide: it exists at
 * ward and authority level only (not at LSOA level, the default level), its
 * default measure is not the one a test picks, it has two releases with the
 * older not the default, and it is classed in quartiles with YlGnBu.
 */
import type { LayerEntry, MeasureSpec, Msg, TextRef } from '../../src/config/catalogue/types.ts';
import { addCatalogueTexts } from '../../src/config/catalogue/texts/index.ts';

/** A long text of the fixture, registered as the catalogue's texts are. */
function text(id: string, english: string): TextRef {
  addCatalogueTexts({ [id]: english });
  return { id };
}

const msg = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

function fixtureMeasure(id: string, label: string, short: string): MeasureSpec {
  return {
    id,
    label: msg(`fixture.measure.${id}`, label),
    short: msg(`fixture.measure.${id}.short`, short),
    description: text(`fixture.measure.${id}.description`, `${label}, for tests.`),
    csv: id,
    format: { style: 'decimal', decimals: 1, storedDecimals: 2 },
    polarity: 'neutral',
    ranked: true,
  };
}

export const FIXTURE_MEASURES: MeasureSpec[] = [
  fixtureMeasure('rate', 'Fixture rate per thousand', 'Rate'),
  fixtureMeasure('growth', 'Fixture growth per year', 'Growth'),
];

export const FIXTURE_LAYER: LayerEntry = {
  id: 'fixture_rate',
  theme: 'diversity',
  group: 'ethnicity',
  kind: 'area',
  adapter: 'fixture',
  label: msg('fixture.layer.label', 'Fixture rate of tests'),
  short: msg('fixture.layer.short', 'Fixture rate'),
  description: text('fixture.layer.description', 'A layer made up for the tests of the catalogue.'),
  levels: {
    ward: { measures: FIXTURE_MEASURES, releases: ['2020', '2022'] },
    lad: { measures: FIXTURE_MEASURES, releases: ['2020', '2022'] },
  },
  releases: [
    {
      id: '2020',
      label: msg('fixture.release.2020', 'Fixture survey 2020'),
      sourceVintage: 'Ward 2020',
      missing: text('fixture.release.2020.missing', 'Not surveyed in 2020'),
    },
    { id: '2022', label: msg('fixture.release.2022', 'Fixture survey 2022'), sourceVintage: 'Ward 2022' },
  ],
  classes: { kind: 'quantiles', count: 4 },
  palette: 'ylgnbu',
  about: text('fixture.layer.about', 'Made up for tests.'),
  sources: ['census'],
  attribution: msg('fixture.layer.attribution', 'Fixture © tests'),
  csvColumn: (_level, measure, release, part) =>
    `fixture_${measure.id}_${release}${{ value: '', rank: '_rank', class: '_quartile', rankWithinLad: '_rank_within_lad' }[part]}`,
};
