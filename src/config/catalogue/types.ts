/**
 * The shape of the layer catalogue: everything the pipeline, the map, the
 * legend, the tooltip, the table, the area panel, the About page, the
 * downloads dictionary and the URL need to know about a layer, as data.
 *
 * A layer is one quantity (the IMD, the Income domain, ethnic diversity) at
 * one or more geographies, with one or more measures (the IoD summary
 * measures of a ward; Simpson's index and each group's share) and one or more
 * releases (the time dimension: IoD 2019 and 2025). Behaviour that differs by
 * kind of layer or by class scheme lives in the kind's module
 * (src/map/providers/, src/config/classSchemes.ts), never in branches spread
 * through map/ and ui/.
 */
import type { Level } from '../geography.ts';

/**
 * A user-visible text: an ICU message with an id, in the form react-intl's
 * `formatMessage` takes. English is the default message; translations
 * (later) are keyed by id. The pipeline reads `defaultMessage` for the
 * downloads dictionary.
 */
export interface Msg {
  id: string;
  defaultMessage: string;
}

export type ThemeId = 'deprivation' | 'diversity' | 'segregation' | 'services';

export interface Theme {
  id: ThemeId;
  label: Msg;
  /** Sub-groups of the theme's layers in the layer picker, in order. */
  groups: { id: string; label: Msg }[];
}

/** Which way is bad: decides which end of the palette is dark and what "rank 1" means. */
export type Polarity = 'higherIsWorse' | 'higherIsBetter' | 'neutral';

/** How a value is written for people (always through Intl, in the user's locale). */
export interface NumberFormat {
  /** 'unit' writes the value with `unit`, as Intl does ("1.2 km", "20 min"). */
  style: 'decimal' | 'percent' | 'integer' | 'unit';
  /** With style 'unit': an Intl unit identifier ('meter', 'kilometer', 'minute'…). */
  unit?: string;
  /** Fraction digits shown on screen. */
  decimals: number;
  /** Fraction digits kept in the data files and downloads. */
  storedDecimals: number;
}

/**
 * A long text of the catalogue (a measure's description, a layer's About
 * text), by id. Only the About page, the table and the downloads dictionary
 * show these, so the texts live apart from the entries
 * (src/config/catalogue/texts/) and load with those views, not with the
 * first map; `catalogueText(ref)` there gives the text.
 */
export interface TextRef {
  id: string;
}

export interface MeasureSpec {
  /** Stable id: file names, URL value. */
  id: string;
  label: Msg;
  short: Msg;
  description: TextRef;
  /** Column stem in the CSV downloads. */
  csv: string;
  format: NumberFormat;
  polarity: Polarity;
  /** Whether it weights LSOAs by population (the note then says which population). */
  populationWeighted?: boolean;
  /**
   * Whether areas have a national rank for it (1 = most deprived, or the
   * highest value for a neutral or higherIsBetter measure).
   */
  ranked: boolean;
}

/** How the values of a layer are cut into the classes the map colours. */
export type ClassSchemeSpec =
  /** Official deciles: 1 = most deprived 10%, from the source (LSOAs) or from national ranks (wards, authorities). */
  | { kind: 'deciles' }
  /** National quantiles of a continuous value, worked out by the pipeline (src/stats/quantiles.ts). */
  | { kind: 'quantiles'; count: number }
  /** Steps either side of a midpoint (change maps). */
  | { kind: 'diverging'; midpoint: number; stepsEachSide: number }
  /** Named categories. */
  | { kind: 'categories'; categories: { id: string; label: Msg }[] }
  /**
   * Fixed limits, by measure id, the same for every area and release
   * (distances in bands, shares in quarters): class 1 holds the values up to
   * the first limit, class k those above limit k − 1 up to limit k, the last
   * those above the last limit. Every measure has as many limits.
   */
  | { kind: 'bands'; limits: Record<string, readonly number[]> };

/** Colour-blind-safe palettes (d3-scale-chromatic), by family. */
export type PaletteId = 'viridis' | 'ylgnbu' | 'puor' | 'set2' | 'okabeito';

export interface Release {
  /** Stable id, usually the year: URL value, file key. */
  id: string;
  label: Msg;
  /** Geography vintage of its codes as published, e.g. "LSOA 2011". */
  sourceVintage: string;
  /** Text for areas that have no comparable value in this release (class 0). */
  missing?: TextRef;
  /**
   * How many areas the publisher ranked, by level, where that is not the
   * number of areas of the build (IoD 2019 ranked the 32,844 LSOAs of 2011):
   * a rank is "r of" this.
   */
  rankedAmong?: Partial<Record<Level, number>>;
}

export interface LevelSpec {
  /** The measures of the layer at this level; the first is the default. */
  measures: MeasureSpec[];
  /** Release ids available at this level, oldest first. */
  releases: string[];
}

/**
 * The kind of map layer: decides which provider draws it, what a pick
 * selects, and which tooltip and legend block it has.
 */
export type LayerKind = 'area' | 'dots';

/** The small units segregation is measured over (src/data/schema.ts SegregationUnits). */
export type UnitScale = 'oa' | 'lsoa';

/** One group of a layer's comparisons (ethnic group, religion). */
export interface ComparisonGroup {
  id: string;
  label: Msg;
}

export interface LayerEntry {
  id: string;
  theme: ThemeId;
  /** Group within the theme (Theme.groups). */
  group: string;
  kind: LayerKind;
  /** The pipeline's source adapter that makes this layer's values (scripts/pipeline/adapters/). */
  adapter: string;
  /**
   * A computed layer: the build stores the inputs (census counts of small
   * units) and its figures are computed from them, in the app (src/data/computed/)
   * and in the pipeline alike, instead of being stored per measure.
   */
  computed?: { grouping: string };
  /**
   * A layer whose figures compare two groups: the groups offered, and the
   * comparison shown when a link names none (`white-rest`: White against
   * everyone else; `asian-white`: two groups). In the URL as `groups=`.
   */
  comparisons?: { groups: ComparisonGroup[]; default: string };
  label: Msg;
  short: Msg;
  /** One or two sentences: what the numbers mean (legend note, table, About page; a long text, see TextRef). */
  description: TextRef;
  levels: Partial<Record<Level, LevelSpec>>;
  /** All releases, oldest first. The newest is the default. */
  releases: Release[];
  classes: ClassSchemeSpec;
  palette: PaletteId;
  /** The longer explanation on the About page (method, caveats). */
  about: TextRef;
  /** Ids in data/sources.json. */
  sources: string[];
  /** Short attribution shown on the map while the layer is on. */
  attribution: Msg;
  /**
   * Column names in the whole-England downloads for a measure and release at
   * a level. Part "value" is the measure itself, "rank" its national rank,
   * "class" its class (decile or quantile), "rankWithinLad" a ward's rank
   * within its authority.
   */
  csvColumn(level: Level, measure: MeasureSpec, release: string, part: 'value' | 'rank' | 'class' | 'rankWithinLad'): string;
}
