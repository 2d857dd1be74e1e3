/**
 * A source adapter turns the official files of one source into layers of
 * the catalogue. The build calls it at three stages:
 *
 *   read       (source stage)    reads and checks its input files; each problem is an
 *                                InputError naming file, line, column and what is wrong
 *   harmonise  (harmonise stage) puts the data onto the lookup's LSOA 2021 codes, in
 *                                their order (and older vintages onto LSOA 2021)
 *   level      (derive stage)    the values of one level of one of its layers: LSOAs as
 *                                harmonised, wards and authorities aggregated from them
 *
 * Ranks and classes the source does not give are derived generically
 * afterwards (stages/derive.ts), by the layer's class scheme.
 */
import type { Level } from '../../../src/config/geography.ts';
import type { LayerEntry } from '../../../src/config/catalogue/index.ts';
import type { SourceId } from '../inputs.ts';
import type { BuildContext, HarmonisedContext, LayerData, LevelResult } from '../model.ts';

export type Note = (message: string) => void;

export interface SourceAdapter<Source = unknown, Harmonised = unknown> {
  /** The inputs it reads (ids in data/sources.json); all optional ones may be absent. */
  readonly inputs: readonly SourceId[];
  /** Reads and checks its inputs; undefined when they are absent (its layers are then not built, with a warning). */
  read(ctx: BuildContext, note: Note): Promise<Source | undefined>;
  /** Onto the lookup's LSOAs 2021. */
  harmonise(source: Source, ctx: HarmonisedContext, note: Note): Harmonised;
  /** One level of one of its layers, or undefined if the layer has no data at that level. */
  level(harmonised: Harmonised, entry: LayerEntry, level: Level, ctx: HarmonisedContext): LevelResult | undefined;
  /**
   * What the downloads dictionary should say about where its layers' figures
   * come from, beyond the catalogue's text (official against computed
   * figures, say): a titled Markdown section, or nothing.
   */
  dictionary?(layers: readonly LayerData[]): { title: string; text: string } | undefined;
}
