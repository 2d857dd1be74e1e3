/**
 * Harmonise stage: the population weights of the LSOAs, then every source
 * put onto the lookup's LSOAs 2021 (and older vintages onto them) by its
 * adapter.
 */
import { InputError } from '../errors.ts';
import { SOURCES } from '../inputs.ts';
import { type BuildContext, type HarmonisedContext } from '../model.ts';
import { weightsFromCensus, weightsFromIod, type PopulationWeights } from '../population.ts';
import { adapterOf } from '../adapters/index.ts';
import type { CensusSource } from '../adapters/censusEthnicity.ts';
import type { IodSource } from '../adapters/iod.ts';
import type { Note } from '../adapters/types.ts';

/**
 * MHCLG weights the summary measures by File 7's "Total population: mid
 * 2022"; without that column, the Census 2021 usual residents of the census
 * source stand in, and the build says so.
 */
export function chooseWeights(sources: ReadonlyMap<string, unknown>, ctx: BuildContext, note: Note): PopulationWeights {
  const iod = sources.get('iod') as IodSource | undefined;
  const census = (sources.get('census-ethnicity') as CensusSource | undefined)?.census2021;
  let weights = iod ? weightsFromIod(iod.file7, ctx.geography.lsoa.codes) : undefined;
  if (!weights) {
    if (!census) {
      throw new InputError({
        file: ctx.inputs.iod2025!.name,
        problem: 'has no "Total population: mid 2022" column, and no Census 2021 TS021 file was found to weight the summaries',
        hint: `Use the full official File 7, or add ${SOURCES.census.files.join(' or ')} (${SOURCES.census.url}).`,
      });
    }
    weights = weightsFromCensus(census);
    ctx.warn(`File 7 has no population column: summaries are weighted by ${weights.description}`);
  }
  note(`weights: ${weights.description}`);
  return weights;
}

export function harmoniseSources(
  sources: ReadonlyMap<string, unknown>,
  ctx: BuildContext,
  note: Note,
): { ctx: HarmonisedContext; harmonised: Map<string, unknown> } {
  const harmonisedCtx: HarmonisedContext = Object.assign(ctx, { weights: chooseWeights(sources, ctx, note) });
  const harmonised = new Map<string, unknown>();
  for (const [id, source] of sources) harmonised.set(id, adapterOf(id).harmonise(source, harmonisedCtx, note));
  return { ctx: harmonisedCtx, harmonised };
}
