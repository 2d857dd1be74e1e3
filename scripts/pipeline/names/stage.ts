/**
 * The place-names stage (issue 14): reads and checks both inputs with the
 * other sources (so that a bad file stops the build early), and writes the
 * names files once the LSOA bounds and population weights are known.
 */
import type { Bounds } from '../../../src/data/schema.ts';
import type { BuildContext, HarmonisedContext } from '../model.ts';
import type { OutputFolder } from '../output.ts';
import { readMsoaNames, type MsoaNames } from './msoaNames.ts';
import { readOpenNames, type OpenNames } from './openNames.ts';
import { buildNameFiles, describeNameFiles, PLACE_INDEX_BUDGET_BYTES, writeNameFiles } from './write.ts';

export interface NamesSources {
  msoaNames?: MsoaNames;
  openNames?: OpenNames;
}

export async function readNames(ctx: BuildContext, note: (message: string) => void): Promise<NamesSources> {
  return { msoaNames: await readMsoaNames(ctx, note), openNames: await readOpenNames(ctx, note) };
}

export function buildNames(ctx: HarmonisedContext, sources: NamesSources, lsoaBounds: readonly Bounds[], output: OutputFolder, note: (message: string) => void): void {
  if (!sources.msoaNames && !sources.openNames) {
    note('no names inputs: skipped');
    return;
  }
  const files = buildNameFiles({
    geography: ctx.geography,
    ...sources,
    lsoaBounds,
    lsoaPoints: ctx.lsoaPoints,
    lsoaWeights: ctx.weights.values,
  });
  const size = writeNameFiles(output, files);
  note(describeNameFiles(files, size));
  if (sources.msoaNames && !ctx.lsoaPoints) note('no LSOA centroids (--lsoa-pwc): the neighbourhoods have no label points, so the map shows no neighbourhood names');
  if (size.gzipBytes > PLACE_INDEX_BUDGET_BYTES) {
    ctx.warn(`the place-name search index is ${(size.gzipBytes / 1000).toFixed(0)} KB gzip, over its ${PLACE_INDEX_BUDGET_BYTES / 1000} KB budget`);
  }
}
