/**
 * Class schemes: how many classes each kind has, their colours and their
 * legend. Colours are judged by WCAG relative luminance, computed here
 * independently of the code under test (see tests/config/palette.test.ts):
 * ordered classes must step in lightness, so that the map reads in
 * greyscale and under every common colour-vision deficiency, not by hue alone.
 */
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { schemeKind } from '../../src/config/classSchemes.ts';
import type { ClassSchemeSpec, Msg, PaletteId } from '../../src/config/catalogue/types.ts';
import { NO_DATA_COLOUR, type Rgb } from '../../src/config/palette.ts';

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio: 1 for the same lightness, 21 for black on white. */
const contrast = (a: Rgb, b: Rgb) => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

/** Neighbouring classes must differ at least this much in lightness (a floor, not a WCAG rule). */
const STEP = 1.05;

const intl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: {}, onError: () => {} });
const t = (msg: Msg, values?: Record<string, string | number>) => intl.formatMessage(msg, values);

const colours = (spec: ClassSchemeSpec, palette: PaletteId) => schemeKind(spec).colours(spec, palette);
const isRgb = (colour: Rgb) => colour.length === 3 && colour.every((c) => Number.isInteger(c) && c >= 0 && c <= 255);
const distinct = (list: Rgb[]) => new Set(list.map((c) => c.join())).size === list.length;

function expectMonotonic(list: Rgb[], direction: 'darker' | 'lighter') {
  const l = list.map(luminance);
  for (let i = 1; i < list.length; i++) {
    if (direction === 'lighter') expect(l[i], `class ${i + 1}`).toBeGreaterThan(l[i - 1]);
    else expect(l[i], `class ${i + 1}`).toBeLessThan(l[i - 1]);
    expect(contrast(list[i], list[i - 1]), `classes ${i} and ${i + 1}`).toBeGreaterThan(STEP);
  }
}

describe('deciles', () => {
  const spec: ClassSchemeSpec = { kind: 'deciles' };

  it('have 10 classes, with 10 viridis colours', () => {
    expect(schemeKind(spec).classCount(spec)).toBe(10);
    const list = colours(spec, 'viridis');
    expect(list).toHaveLength(10);
    expect(list.every(isRgb)).toBe(true);
    expect(distinct(list)).toBe(true);
    // The two ends of viridis: #440154 (decile 1) and #fde725 (decile 10).
    expect(list[0]).toEqual([0x44, 0x01, 0x54]);
    expect(list[9]).toEqual([0xfd, 0xe7, 0x25]);
  });

  it('are darkest for decile 1 (most deprived) and lighter with every decile', () => {
    expectMonotonic(colours(spec, 'viridis'), 'lighter');
  });

  it('have a legend row of ten numbered swatches from most to least deprived', () => {
    const legend = schemeKind(spec).legend(spec, 'viridis', { format: String });
    expect(legend.layout).toBe('row');
    expect(legend.bins.map((b) => b.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(legend.bins.map((b) => b.colour)).toEqual(colours(spec, 'viridis'));
    expect(legend.ends!.map((end) => t(end))).toEqual(['Most deprived', 'Least deprived']);
    const description = (i: number) => t(legend.bins[i].description, legend.bins[i].labelValues);
    expect(description(0)).toMatch(/^Decile 1\b.*most deprived/);
    expect(description(4)).toBe('Decile 5');
    expect(description(9)).toMatch(/^Decile 10\b.*least deprived/);
  });

  it('with the sequential YlGnBu palette also have 10 colours, lightest first', () => {
    const list = colours(spec, 'ylgnbu');
    expect(list).toHaveLength(10);
    expect(distinct(list)).toBe(true);
    expectMonotonic(list, 'darker');
  });
});

describe('quantiles', () => {
  const quartiles: ClassSchemeSpec = { kind: 'quantiles', count: 4 };
  const quintiles: ClassSchemeSpec = { kind: 'quantiles', count: 5 };

  it('have as many classes and colours as the count', () => {
    for (const count of [3, 4, 5, 7, 9]) {
      const spec: ClassSchemeSpec = { kind: 'quantiles', count };
      expect(schemeKind(spec).classCount(spec)).toBe(count);
      for (const palette of ['ylgnbu', 'viridis'] as const) expect(colours(spec, palette), `${count} ${palette}`).toHaveLength(count);
    }
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12])('in %i classes with YlGnBu run from light (lowest) to dark (highest), each a step apart', (count) => {
    const list = colours({ kind: 'quantiles', count }, 'ylgnbu');
    expect(list).toHaveLength(count);
    expect(list.every(isRgb)).toBe(true);
    expect(distinct(list)).toBe(true);
    expectMonotonic(list, 'darker');
  });

  it.each([2, 3, 4, 5, 10])('in %i classes with viridis run from dark to light, each a step apart', (count) => {
    const list = colours({ kind: 'quantiles', count }, 'viridis');
    expect(list).toHaveLength(count);
    expectMonotonic(list, 'lighter');
  });

  it('refuse a palette that is not sequential', () => {
    expect(() => colours(quintiles, 'puor')).toThrow(/not a sequential palette/);
    expect(() => colours(quintiles, 'set2')).toThrow(/not a sequential palette/);
  });

  it('label each class with its range from the breaks, written by the formatter', () => {
    const format = (value: number) => intl.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const legend = schemeKind(quartiles).legend(quartiles, 'ylgnbu', { breaks: [0, 0.125, 0.25, 0.5, 0.8], format });
    expect(legend.layout).toBe('list');
    expect(legend.bins.map((b) => b.value)).toEqual([1, 2, 3, 4]);
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['0.00 – 0.13', '0.13 – 0.25', '0.25 – 0.50', '0.50 – 0.80']);
    expect(legend.bins.map((b) => b.colour)).toEqual(colours(quartiles, 'ylgnbu'));
    expect(legend.ends!.map((end) => t(end))).toEqual(['Lowest', 'Highest']);
  });

  it('pass every break through the formatter (so the locale and the measure decide how numbers look)', () => {
    const seen: number[] = [];
    const legend = schemeKind(quintiles).legend(quintiles, 'ylgnbu', {
      breaks: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
      format: (value) => {
        seen.push(value);
        return `‹${value * 100}%›`;
      },
    });
    expect([...new Set(seen)].sort()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(t(legend.bins[0].label, legend.bins[0].labelValues)).toBe('‹10%› – ‹20%›');
  });

  it('name each class for screen readers by the count: quintile, quartile, decile, group', () => {
    const description = (count: number, i: number) => {
      const spec: ClassSchemeSpec = { kind: 'quantiles', count };
      const bin = schemeKind(spec).legend(spec, 'viridis', { format: String }).bins[i];
      return t(bin.description, bin.labelValues);
    };
    expect(description(5, 1)).toBe('Quintile 2 of 5');
    expect(description(4, 3)).toBe('Quartile 4 of 4');
    expect(description(10, 0)).toBe('Decile 1 of 10');
    expect(description(3, 2)).toBe('Group 3 of 3');
  });

  it('label classes as numbered groups until the breaks are known, or where they are missing', () => {
    const none = schemeKind(quartiles).legend(quartiles, 'ylgnbu', { format: String });
    expect(none.bins.map((b) => t(b.label, b.labelValues))).toEqual(['Group 1', 'Group 2', 'Group 3', 'Group 4']);
    // Too few breaks: the classes without both ends fall back.
    const short = schemeKind(quartiles).legend(quartiles, 'ylgnbu', { breaks: [0, 1, 2], format: String });
    expect(short.bins.map((b) => t(b.label, b.labelValues))).toEqual(['0 – 1', '1 – 2', 'Group 3', 'Group 4']);
  });
});

describe('diverging steps', () => {
  const spec: ClassSchemeSpec = { kind: 'diverging', midpoint: 0, stepsEachSide: 2 };

  it('have 2 × steps + 1 classes and colours', () => {
    for (const stepsEachSide of [1, 2, 3, 4, 5]) {
      const s: ClassSchemeSpec = { kind: 'diverging', midpoint: 0, stepsEachSide };
      expect(schemeKind(s).classCount(s)).toBe(stepsEachSide * 2 + 1);
      const list = colours(s, 'puor');
      expect(list).toHaveLength(stepsEachSide * 2 + 1);
      expect(distinct(list)).toBe(true);
    }
  });

  it.each([1, 2, 3, 4, 5])('with %i steps each side are lightest at the midpoint and darker with every step away from it', (stepsEachSide) => {
    const list = colours({ kind: 'diverging', midpoint: 0, stepsEachSide }, 'puor');
    const middle = stepsEachSide;
    expectMonotonic(list.slice(0, middle + 1), 'lighter');
    expectMonotonic(list.slice(middle), 'darker');
  });

  it('refuse a palette that is not diverging', () => {
    expect(() => colours(spec, 'viridis')).toThrow(/not a diverging palette/);
    expect(() => colours(spec, 'ylgnbu')).toThrow(/not a diverging palette/);
  });

  it('label each step with its range from the breaks, and fall back to the midpoint without them', () => {
    const format = (value: number) => (value > 0 ? `+${value}` : String(value));
    const legend = schemeKind(spec).legend(spec, 'puor', { breaks: [-10, -5, -1, 1, 5, 10], format });
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['-10 – -5', '-5 – -1', '-1 – +1', '+1 – +5', '+5 – +10']);
    expect(legend.bins.map((b) => b.value)).toEqual([1, 2, 3, 4, 5]);
    expect(legend.ends!.map((end) => t(end))).toEqual(['Lower', 'Higher']);
    const none = schemeKind(spec).legend(spec, 'puor', { format });
    expect(none.bins.map((b) => t(b.label, b.labelValues))).toEqual(Array(5).fill('0 – 0'));
  });
});

describe('categories', () => {
  const category = (id: string) => ({ id, label: { id: `test.category.${id}`, defaultMessage: `Category ${id}` } });
  const spec = (count: number): ClassSchemeSpec => ({ kind: 'categories', categories: Array.from({ length: count }, (_, i) => category(String.fromCharCode(97 + i))) });

  it('have one class and one distinct colour per category', () => {
    for (const count of [1, 2, 3, 5, 8]) {
      const s = spec(count);
      expect(schemeKind(s).classCount(s)).toBe(count);
      const list = colours(s, 'set2');
      expect(list).toHaveLength(count);
      expect(list.every(isRgb)).toBe(true);
      expect(distinct(list)).toBe(true);
    }
  });

  it('never give two categories the same colour: more categories than Set2 has colours are refused or still distinct', () => {
    const s = spec(9);
    let list: Rgb[] | undefined;
    try {
      list = colours(s, 'set2');
    } catch {
      return; // refusing is fine
    }
    expect(distinct(list)).toBe(true);
  });

  it('refuse a palette that is not categorical', () => {
    expect(() => colours(spec(3), 'viridis')).toThrow(/not a categorical palette/);
  });

  it('label each class with its category', () => {
    const legend = schemeKind(spec(3)).legend(spec(3), 'set2', { format: String });
    expect(legend.layout).toBe('list');
    expect(legend.bins.map((b) => t(b.label, b.labelValues))).toEqual(['Category a', 'Category b', 'Category c']);
    expect(legend.bins.map((b) => t(b.description, b.labelValues))).toEqual(['Category a', 'Category b', 'Category c']);
  });
});

describe('every scheme', () => {
  const specs: [ClassSchemeSpec, PaletteId][] = [
    [{ kind: 'deciles' }, 'viridis'],
    [{ kind: 'quantiles', count: 5 }, 'ylgnbu'],
    [{ kind: 'diverging', midpoint: 0, stepsEachSide: 3 }, 'puor'],
    [{ kind: 'categories', categories: [{ id: 'a', label: { id: 'test.a', defaultMessage: 'A' } }] }, 'set2'],
  ];

  it.each(specs)('%o has a legend bin per class, numbered 1…n, coloured as the map colours them', (spec, palette) => {
    const kind = schemeKind(spec);
    const legend = kind.legend(spec, palette, { format: String });
    expect(legend.bins.map((b) => b.value)).toEqual(Array.from({ length: kind.classCount(spec) }, (_, i) => i + 1));
    expect(legend.bins.map((b) => b.colour)).toEqual(kind.colours(spec, palette));
  });

  it.each(specs)('%o has legend ends that read as words, never as a message id', (spec, palette) => {
    // An empty defaultMessage makes react-intl show the message's id instead.
    const legend = schemeKind(spec).legend(spec, palette, { format: String });
    for (const end of legend.ends ?? []) {
      const text = t(end);
      expect(text).not.toBe(end.id);
    }
  });

  it.each(specs)('%o uses no colour that could be taken for the grey of “no value”', (spec, palette) => {
    for (const colour of colours(spec, palette)) {
      expect(colour).not.toEqual(NO_DATA_COLOUR);
      // A grey class (the midpoint of a diverging scheme) must be far lighter or darker than the no-value grey.
      const greyish = Math.max(...colour) - Math.min(...colour) <= 12;
      if (greyish) expect(contrast(colour, NO_DATA_COLOUR), colour.join()).toBeGreaterThan(1.3);
    }
  });
});
