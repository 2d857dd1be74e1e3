/**
 * The decile colours: distinct, dark (most deprived) to light, and legible
 * under their text colour. Luminance and contrast are computed here from
 * the WCAG 2 definitions, independently of the code under test:
 *
 *   channel c (0–255) → s = c / 255; linear = s / 12.92 if s ≤ 0.04045, else ((s + 0.055) / 1.055)^2.4
 *   relative luminance L = 0.2126 R + 0.7152 G + 0.0722 B
 *   contrast ratio = (L_lighter + 0.05) / (L_darker + 0.05)
 */
import { describe, expect, it } from 'vitest';
import { schemeKind } from '../../src/config/classSchemes.ts';
import { interpolateViridis } from 'd3-scale-chromatic';
import { NO_DATA_COLOUR, parseRgb, textColourOn, toCss, type Rgb } from '../../src/config/palette.ts';

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function hex(css: string): Rgb {
  expect(css).toMatch(/^#[0-9a-f]{6}$/i);
  return [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as Rgb;
}

/** The decile colours the map draws (the deciles scheme in viridis). */
const DECILE_COLOURS = schemeKind({ kind: 'deciles' }).colours({ kind: 'deciles' }, 'viridis');

describe('the formulas used here', () => {
  it('give the known values for black and white', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    // Mid grey #777777 is the classic borderline case: 4.48 against white.
    expect(contrast([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});

describe('DECILE_COLOURS', () => {
  it('has ten colours of whole 0–255 channels', () => {
    expect(DECILE_COLOURS).toHaveLength(10);
    for (const colour of DECILE_COLOURS) {
      expect(colour).toHaveLength(3);
      for (const channel of colour) {
        expect(Number.isInteger(channel)).toBe(true);
        expect(channel).toBeGreaterThanOrEqual(0);
        expect(channel).toBeLessThanOrEqual(255);
      }
    }
  });

  it('has ten distinct colours', () => {
    expect(new Set(DECILE_COLOURS.map((c) => c.join(','))).size).toBe(10);
  });

  it('runs from viridis dark purple (decile 1) to viridis yellow (decile 10)', () => {
    // The two ends of viridis: #440154 and #fde725.
    expect(DECILE_COLOURS[0]).toEqual([0x44, 0x01, 0x54]);
    expect(DECILE_COLOURS[9]).toEqual([0xfd, 0xe7, 0x25]);
  });

  it('gets lighter with every decile (strictly increasing luminance)', () => {
    const luminances = DECILE_COLOURS.map(luminance);
    for (let d = 1; d < 10; d++) expect(luminances[d]).toBeGreaterThan(luminances[d - 1]);
  });

  it('are the colours the deciles scheme gives the map and the legend', () => {
    expect(DECILE_COLOURS.map((c) => toCss(c))).toEqual(Array.from({ length: 10 }, (_, i) => toCss(parseRgb(interpolateViridis(i / 9)))));
  });

  it('keeps neighbouring deciles visibly apart in lightness', () => {
    // Not a WCAG rule; a sanity floor so that no two steps collapse into one.
    for (let d = 1; d < 10; d++) expect(contrast(DECILE_COLOURS[d], DECILE_COLOURS[d - 1])).toBeGreaterThan(1.1);
  });
});

describe('textColourOn', () => {
  it.each(DECILE_COLOURS.map((colour, i) => [i + 1, colour] as const))('gives text with contrast ≥ 4.5 on decile %i', (_, colour) => {
    const text = hex(textColourOn(colour));
    expect(contrast(text, colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives white on the darkest decile and black on the lightest', () => {
    expect(textColourOn(DECILE_COLOURS[0]).toLowerCase()).toBe('#ffffff');
    expect(textColourOn(DECILE_COLOURS[9])).toBe('#000000');
  });

  it('gives white on black, black on white, and black on the no-data grey', () => {
    expect(textColourOn([0, 0, 0]).toLowerCase()).toBe('#ffffff');
    expect(textColourOn([255, 255, 255])).toBe('#000000');
    // Grey 200: luminance ≈ 0.578, contrast 12.6 with black and 1.7 with white.
    expect(textColourOn([200, 200, 200])).toBe('#000000');
  });

  it('picks whichever of black and white contrasts more, on a sweep of greys and hues', () => {
    const samples: Rgb[] = [];
    for (let v = 0; v <= 255; v += 5) samples.push([v, v, v], [v, 0, 0], [0, v, 0], [0, 0, v], [v, 255 - v, 128]);
    for (const colour of samples) {
      const text = hex(textColourOn(colour));
      const best = Math.max(contrast([0, 0, 0], colour), contrast([255, 255, 255], colour));
      // Black and white are equally good at L ≈ 0.179; allow a hair of rounding either side.
      expect(contrast(text, colour)).toBeGreaterThanOrEqual(best - 0.05);
      expect(contrast(text, colour)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('NO_DATA_COLOUR', () => {
  it('is none of the decile colours', () => {
    for (const colour of DECILE_COLOURS) expect(NO_DATA_COLOUR).not.toEqual(colour);
  });

  it('is a neutral grey, unlike every (coloured) decile', () => {
    const [r, g, b] = NO_DATA_COLOUR;
    expect(r === g && g === b).toBe(true);
    for (const [dr, dg, db] of DECILE_COLOURS) expect(dr === dg && dg === db).toBe(false);
  });
});

describe('toCss', () => {
  it('writes an rgb() colour', () => {
    expect(toCss([68, 1, 84])).toBe('rgb(68, 1, 84)');
    expect(toCss(NO_DATA_COLOUR)).toBe('rgb(200, 200, 200)');
  });
});

describe('parseRgb', () => {
  it('reads the two forms d3-scale-chromatic writes: #rrggbb and rgb(r, g, b)', () => {
    expect(parseRgb('#440154')).toEqual([0x44, 0x01, 0x54]);
    expect(parseRgb('#FDE725')).toEqual([0xfd, 0xe7, 0x25]);
    expect(parseRgb('rgb(68, 1, 84)')).toEqual([68, 1, 84]);
    expect(parseRgb('rgb(0,255,10)')).toEqual([0, 255, 10]);
  });

  it('refuses anything else rather than guess', () => {
    for (const css of ['red', 'hsl(0, 100%, 50%)', 'rgba(1, 2)', '']) expect(() => parseRgb(css), css).toThrow(/unexpected colour/);
  });

  it('round-trips with toCss', () => {
    for (const colour of DECILE_COLOURS) expect(parseRgb(toCss(colour))).toEqual(colour);
  });
});
