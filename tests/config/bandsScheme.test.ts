/**
 * The 'bands' class scheme (fixed limits per measure, first used by the
 * access layer): classes by hand at and around the limits, the breaks the
 * legend reads, its colours, legend and names, and the access layer's
 * limits (one set per measure, all the same length).
 */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ACCESS_LAYERS } from '../../src/config/catalogue/access.ts';
import type { ClassSchemeSpec, Msg } from '../../src/config/catalogue/types.ts';
import { schemeKind } from '../../src/config/classSchemes.ts';
import { bandClasses, makeClasses } from '../../src/stats/classes.ts';

const intl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: {}, onError: () => {} });
const t = (msg: Msg, values?: Record<string, string | number>) => intl.formatMessage(msg, values);

const spec: ClassSchemeSpec = { kind: 'bands', limits: { near: [500, 1000, 2000, 5000], share: [0, 0.25, 0.5, 0.75] } };

describe('bandClasses', () => {
  it('puts a value in band 1 + the number of limits it is above (a value on a limit stays below it), NaN in 0', () => {
    const made = bandClasses([0, 500, 500.4, 1000, 1001, 2000, 4999, 5000, 5001, 20_000, Number.NaN], [500, 1000, 2000, 5000]);
    expect(Array.from(made.class)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0]);
    // From the lowest value (or the first limit, if lower) to the highest (or the last limit, if higher).
    expect(made.breaks).toEqual([0, 500, 1000, 2000, 5000, 20_000]);
  });

  it('keeps the limits in the breaks when the values do not reach them', () => {
    expect(bandClasses([700, 800], [500, 1000, 2000, 5000]).breaks).toEqual([500, 500, 1000, 2000, 5000, 5000]);
    expect(bandClasses([Number.NaN], [500, 1000]).breaks).toBeNull();
  });

  it('gives shares of exactly 0 a band of their own', () => {
    expect(Array.from(bandClasses([0, 0.1, 0.25, 0.5, 0.75, 1], [0, 0.25, 0.5, 0.75]).class)).toEqual([1, 2, 2, 3, 4, 5]);
  });

  it('is what a layer with the scheme gets for each of its measures, and refuses a measure without limits', () => {
    const entry = { ...ACCESS_LAYERS[0], classes: spec };
    const made = makeClasses(entry, { value: Float64Array.from([0.3, 0]), layer: 'test', measure: 'share', what: 'ward share' });
    expect(Array.from(made.class)).toEqual([3, 1]);
    expect(() => makeClasses(entry, { value: Float64Array.from([1]), layer: 'test', measure: 'other', what: 'ward other' })).toThrow(/test ward other: the layer's bands have no limits/);
  });
});

describe('the bands scheme', () => {
  const kind = schemeKind(spec);

  it('has one class more than each measure has limits, in a sequential palette from light to dark', () => {
    expect(kind.classCount(spec)).toBe(5);
    expect(kind.colours(spec, 'ylgnbu')).toEqual(schemeKind({ kind: 'quantiles', count: 5 }).colours({ kind: 'quantiles', count: 5 }, 'ylgnbu'));
    expect(() => kind.colours(spec, 'set2')).toThrow(/not a sequential palette/);
  });

  it('labels each band with its range from the breaks, and calls it a band, not a quintile', () => {
    const format = (metres: number) => intl.formatNumber(metres, { style: 'unit', unit: 'meter', unitDisplay: 'short' });
    const legend = kind.legend(spec, 'ylgnbu', { breaks: [12, 500, 1000, 2000, 5000, 20_420], format });
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['12 m – 500 m', '500 m – 1,000 m', '1,000 m – 2,000 m', '2,000 m – 5,000 m', '5,000 m – 20,420 m']);
    expect(legend.bins.map((b) => t(b.description, b.labelValues))).toEqual(['Band 1 of 5', 'Band 2 of 5', 'Band 3 of 5', 'Band 4 of 5', 'Band 5 of 5']);
    expect(t(kind.className(spec))).toBe('Band');
    expect(legend.ends!.map((end) => t(end))).toEqual(['Lowest', 'Highest']);
  });

  it('labels a band of one value (a share of exactly none) with that value alone', () => {
    const percent = (share: number) => intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
    const shares: ClassSchemeSpec = { kind: 'bands', limits: { share: [0, 0.25, 0.5, 0.75] } };
    const legend = kind.legend(shares, 'ylgnbu', { breaks: [0, 0, 0.25, 0.5, 0.75, 1], format: percent });
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['0%', '0% – 25%', '25% – 50%', '50% – 75%', '75% – 100%']);
  });
});

describe('the access layer’s bands', () => {
  const layer = ACCESS_LAYERS[0];

  it('give every measure of every level four limits, rising', () => {
    if (layer.classes.kind !== 'bands') throw new Error('the access layer is classed in bands');
    const limits = layer.classes.limits;
    for (const spec of Object.values(layer.levels)) {
      for (const measure of spec!.measures) {
        expect(limits[measure.id], measure.id).toHaveLength(4);
        expect([...limits[measure.id]].sort((a, b) => a - b), measure.id).toEqual(limits[measure.id]);
      }
    }
    // 1 km is a limit of the distances, so the map's bands and the ward shares speak of the same "more than 1 km".
    expect(limits.gp_practice_nearest_m).toContain(1000);
    expect(limits.far_library).toEqual([0, 0.25, 0.5, 0.75]);
  });
});
