/**
 * What flows between the stages of the build, in memory: every layer of the
 * catalogue as numbers per level, measure and release, in the order of the
 * lookup's areas. The write stage turns it into the files of
 * src/data/schema.ts.
 */
import type { Level } from '../../src/config/geography.ts';
import type { LayerEntry } from '../../src/config/catalogue/index.ts';
import type { AgreementRecord, SkippedRecord } from '../../src/data/schema.ts';
import type { ServiceRecord } from '../../src/data/servicesSchema.ts';
import type { Geography } from './lookup.ts';
import type { InputFile, SourceId } from './inputs.ts';
import type { PopulationWeights } from './population.ts';

/**
 * One measure at one level; arrays are per release (the index into
 * LevelData.releases), each with one entry per area. NaN marks "no value"
 * (null in the files); class 0 likewise.
 */
export interface MeasureData {
  value: Float64Array[];
  /** National rank (1 = most deprived, or the highest value). Given by the source, else derived. */
  rank?: Float64Array[];
  /** Wards: rank within their authority. Given by the source, else derived. */
  rankWithinLad?: Float64Array[];
  /** Classes given by the source (official deciles); else derived by the layer's class scheme. */
  class?: Uint8Array[];
  /** Quantile schemes: the class limits per release. */
  breaks?: (number[] | null)[];
}

export interface LevelData {
  releases: string[];
  measures: Record<string, MeasureData>;
}

export interface Gap {
  level: Level;
  release: string;
  count: number;
  reason: string;
}

/** What an adapter makes of one level of one of its layers. */
export interface LevelResult {
  data: LevelData;
  gaps?: Gap[];
  /** Authorities: measures whose figures are the official published ones, by release. */
  official?: Record<string, string[]>;
  agreement?: AgreementRecord[];
}

/** A layer after the derive stage: every level complete (values rounded, ranks, classes). */
export interface LayerData {
  entry: LayerEntry;
  levels: Partial<Record<Level, LevelData>>;
  gaps: Gap[];
  officialLadMeasures: Record<string, string[]>;
  /**
   * Wards and authorities: how their LSOAs spread over the classes of the
   * layer's LSOA level (default measure, newest release), flattened.
   */
  lsoaClassCounts: Partial<Record<'ward' | 'lad', Uint32Array>>;
  /** Number of classes of the layer's scheme. */
  classCount: number;
}

export interface Expected {
  lsoas: number;
  lads: number;
  /** LSOAs 2011 in England (the IoD 2019 geography). */
  lsoa11s: number;
}

/** Shared by every stage: the inputs, the geography and what was skipped or warned about. */
export interface BuildContext {
  inputs: Partial<Record<SourceId, InputFile>>;
  expected: Expected;
  geography: Geography;
  /** "the lookup (<file>)", for messages. */
  lookupName: string;
  /** Authority of each LSOA, through its ward (worked out once). */
  ladOfLsoa: Int32Array;
  skipped: SkippedRecord[];
  warn(message: string): void;
  /** Population-weighted centroid of each LSOA, flattened [lng, lat] in the lookup's order (when --lsoa-pwc is given). */
  lsoaPoints?: readonly number[];
  /** Every service placed by the services stage (scripts/pipeline/services/), for the access layer; absent without the service inputs. */
  services?: readonly ServiceRecord[];
}

/** The context once the harmonise stage has chosen the population weights. */
export interface HarmonisedContext extends BuildContext {
  weights: PopulationWeights;
}

/** Records rows or features left out of a build (or repaired), and says so in the progress output. */
export function recordSkipped(
  ctx: Pick<BuildContext, 'skipped'>,
  note: (message: string) => void,
  record: { file: string; what: string; examples: readonly string[]; count?: number },
): void {
  const count = record.count ?? record.examples.length;
  if (count === 0) return;
  const examples = record.examples.slice(0, 5);
  ctx.skipped.push({ file: record.file, what: record.what, count, examples: [...examples] });
  note(`${record.what}: ${count.toLocaleString('en-GB')}${examples.length ? ` (${examples.join(', ')}${count > examples.length ? ', …' : ''})` : ''} in ${record.file}`);
}
