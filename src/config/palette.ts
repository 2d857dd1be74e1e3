/**
 * Colours as the app handles them (RGB triples), and the grey of "no value".
 * The palettes of the classes are in classSchemes.ts.
 */

export type Rgb = [number, number, number];

export function parseRgb(css: string): Rgb {
  if (css.startsWith('#')) {
    return [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as Rgb;
  }
  const match = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (!match) throw new Error(`unexpected colour ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Areas whose value has not loaded or is missing. */
export const NO_DATA_COLOUR: Rgb = [200, 200, 200];

export const toCss = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

/** Black or white text, whichever contrasts more with the background (WCAG relative luminance). */
export function textColourOn([r, g, b]: Rgb): string {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
