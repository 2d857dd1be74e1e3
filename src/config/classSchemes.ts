/**
 * Class schemes: how each kind of scheme turns a class number into a colour
 * and a legend. Class numbers are what the pipeline writes into the class
 * files (src/data/schema.ts): 1…n, and 0 for an area with no (comparable)
 * value. Everything that differs between deciles, quantiles, diverging
 * steps and categories is here, so the map and the legend never ask which
 * kind they have.
 *
 * Palettes are d3-scale-chromatic's colour-blind-safe ones: viridis
 * (perceptually uniform, readable in greyscale), ColorBrewer YlGnBu
 * (sequential) and PuOr (diverging), Set2 and Okabe–Ito (categorical).
 */
import { interpolateViridis, schemePuOr, schemeSet2, schemeYlGnBu } from 'd3-scale-chromatic';
import type { ClassSchemeSpec, Msg, PaletteId } from './catalogue/types.ts';
import { parseRgb, type Rgb } from './palette.ts';

export interface LegendBin {
  /** Class number in the class files. */
  value: number;
  colour: Rgb;
  /** What the bin holds, e.g. "1" or "0.41 – 0.55"; formatted numbers are filled in by the caller's formatter. */
  label: Msg;
  labelValues: Record<string, string | number>;
  /** Screen-reader text for the bin. */
  description: Msg;
}

export interface LegendModel {
  bins: LegendBin[];
  /** Words at the two ends of an ordered scale (first bin, last bin); none for categories. */
  ends?: [Msg, Msg];
  /** Draw bins as a compact row of numbered swatches (deciles) or as a list with ranges. */
  layout: 'row' | 'list';
}

export interface SchemeKind<S extends ClassSchemeSpec = ClassSchemeSpec> {
  classCount(spec: S): number;
  /** What one class is called ("Decile", "Quintile"): table columns, tooltips, download column names. */
  className(spec: S): Msg;
  /** colours[c - 1] is the colour of class c. */
  colours(spec: S, palette: PaletteId): Rgb[];
  legend(spec: S, palette: PaletteId, context: { breaks?: readonly number[]; format(value: number): string }): LegendModel;
}

/**
 * `count` colours evenly along a list of colour steps, mixing neighbouring
 * steps linearly in RGB (the first and last steps are the ends; one class
 * takes the last, darkest step).
 */
function alongSteps(steps: Rgb[], count: number): Rgb[] {
  return Array.from({ length: count }, (_, i) => {
    const position = count === 1 ? steps.length - 1 : (i * (steps.length - 1)) / (count - 1);
    const k = Math.min(Math.floor(position), steps.length - 2);
    const f = position - k;
    return steps[k].map((c, j) => Math.round(c + (steps[k + 1][j] - c) * f)) as Rgb;
  });
}

function sequential(palette: PaletteId, count: number): Rgb[] {
  if (palette === 'viridis') return Array.from({ length: count }, (_, i) => parseRgb(interpolateViridis(count === 1 ? 0 : i / (count - 1))));
  if (palette === 'ylgnbu') {
    // ColorBrewer's hand-picked steps exist for 3–9 classes; other counts are read off its 9 steps.
    if (count >= 3 && count <= 9) return schemeYlGnBu[count].map(parseRgb);
    return alongSteps(schemeYlGnBu[9].map(parseRgb), count);
  }
  throw new Error(`${palette} is not a sequential palette`);
}

const m = (id: string, defaultMessage: string): Msg => ({ id, defaultMessage });

const DECILE = m('class.decile', 'Decile');
const QUANTILE_NAMES: Record<number, Msg> = { 4: m('class.quartile', 'Quartile'), 5: m('class.quintile', 'Quintile'), 10: DECILE };

const deciles: SchemeKind<{ kind: 'deciles' }> = {
  classCount: () => 10,
  className: () => DECILE,
  colours: (_spec, palette) => sequential(palette, 10),
  legend(spec, palette) {
    return {
      layout: 'row',
      ends: [m('legend.deciles.first', 'Most deprived'), m('legend.deciles.last', 'Least deprived')],
      bins: this.colours(spec, palette).map((colour, i) => ({
        value: i + 1,
        colour,
        label: m('legend.deciles.bin', '{decile}'),
        labelValues: { decile: i + 1 },
        description: m(
          'legend.deciles.binDescription',
          '{decile, plural, =1 {Decile 1, most deprived} =10 {Decile 10, least deprived} other {Decile #}}',
        ),
      })),
    };
  },
};

export const quantiles: SchemeKind<{ kind: 'quantiles'; count: number }> = {
  classCount: (spec) => spec.count,
  className: (spec) => QUANTILE_NAMES[spec.count] ?? m('class.group', 'Group'),
  colours: (spec, palette) => sequential(palette, spec.count),
  legend(spec, palette, { breaks, format }) {
    const colours = this.colours(spec, palette);
    return {
      layout: 'list',
      ends: [m('legend.quantiles.first', 'Lowest'), m('legend.quantiles.last', 'Highest')],
      bins: colours.map((colour, i) => {
        // breaks has count + 1 entries: the minimum, the inner cut points, the maximum.
        const from = breaks?.[i];
        const to = breaks?.[i + 1];
        return {
          value: i + 1,
          colour,
          label: from === undefined || to === undefined ? m('legend.quantiles.binUnknown', 'Group {n}') : m('legend.quantiles.bin', '{from} – {to}'),
          labelValues: { n: i + 1, from: from === undefined ? '' : format(from), to: to === undefined ? '' : format(to) },
          description: m('legend.quantiles.binDescription', '{count, plural, =5 {Quintile} =4 {Quartile} =10 {Decile} other {Group}} {n} of {count}'),
        };
      }).map((bin) => ({ ...bin, labelValues: { ...bin.labelValues, count: spec.count } })),
    };
  },
};

const diverging: SchemeKind<{ kind: 'diverging'; midpoint: number; stepsEachSide: number }> = {
  classCount: (spec) => spec.stepsEachSide * 2 + 1,
  className: () => m('class.step', 'Step'),
  colours(spec, palette) {
    if (palette !== 'puor') throw new Error(`${palette} is not a diverging palette`);
    const n = spec.stepsEachSide * 2 + 1;
    if (n > 11) throw new Error(`PuOr has at most 11 colours (5 steps each side); ${n} were asked for`);
    return schemePuOr[Math.max(3, n)].slice(0, n).map(parseRgb);
  },
  legend(spec, palette, { breaks, format }) {
    return {
      layout: 'list',
      ends: [m('legend.diverging.first', 'Lower'), m('legend.diverging.last', 'Higher')],
      bins: this.colours(spec, palette).map((colour, i) => ({
        value: i + 1,
        colour,
        label: m('legend.quantiles.bin', '{from} – {to}'),
        labelValues: { from: format(breaks?.[i] ?? spec.midpoint), to: format(breaks?.[i + 1] ?? spec.midpoint) },
        description: m('legend.diverging.binDescription', 'Step {n}'),
      })),
    };
  },
};

/**
 * Okabe and Ito's categorical palette (Color Universal Design, 2002), made to
 * stay distinct with every common colour blindness; black and yellow (too
 * close to the map's background) last.
 */
export const OKABE_ITO = ['#e69f00', '#0072b2', '#cc79a7', '#56b4e9', '#009e73', '#d55e00', '#f0e442', '#000000'];

const categories: SchemeKind<{ kind: 'categories'; categories: { id: string; label: Msg }[] }> = {
  classCount: (spec) => spec.categories.length,
  className: () => m('class.category', 'Category'),
  colours(spec, palette) {
    if (palette !== 'set2' && palette !== 'okabeito') throw new Error(`${palette} is not a categorical palette`);
    const scheme = palette === 'set2' ? schemeSet2 : OKABE_ITO;
    // More categories would repeat colours, and readers could not tell them apart.
    if (spec.categories.length > scheme.length) throw new Error(`${palette} has ${scheme.length} colours; ${spec.categories.length} categories were asked for`);
    return spec.categories.map((_, i) => parseRgb(scheme[i]));
  },
  legend(spec, palette) {
    const colours = this.colours(spec, palette);
    return {
      layout: 'list',
      bins: spec.categories.map((category, i) => ({ value: i + 1, colour: colours[i], label: category.label, labelValues: {}, description: category.label })),
    };
  },
};

const KINDS = { deciles, quantiles, diverging, categories } as Record<ClassSchemeSpec['kind'], SchemeKind>;

/**
 * Adds a kind that only a later theme's layers use (catalogue/index.ts
 * LATER_LAYERS): it is registered by the theme's entries when they load, so
 * it is not in the first load.
 */
export function registerSchemeKind<K extends ClassSchemeSpec['kind']>(kind: K, behaviour: SchemeKind<Extract<ClassSchemeSpec, { kind: K }>>): void {
  KINDS[kind] = behaviour as unknown as SchemeKind;
}

/** The behaviour of a class scheme. */
export function schemeKind(spec: ClassSchemeSpec): SchemeKind {
  return KINDS[spec.kind];
}
