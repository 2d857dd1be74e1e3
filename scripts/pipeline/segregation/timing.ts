/**
 * The segregation part of the data build timed alone on real inputs (for
 * `npm run bench`): reading the Output Area file and its lookup (the
 * segregation adapter), and the segregation stage (unit tables, every index
 * of every ward and authority, the two downloads), into a scratch folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segregationAdapter } from '../adapters/segregation.ts';
import { OutputFolder } from '../output.ts';
import { ENGLAND } from '../run.ts';
import { harmoniseSources } from '../stages/harmonise.ts';
import { buildSegregation } from '../stages/segregation.ts';
import { findInputFiles, readGeography, readSources } from '../stages/sources.ts';

export interface SegregationTiming {
  /** Reading and checking the OA 2011 file and the OA 2011 lookup. */
  readSeconds: number;
  /** The segregation stage. */
  stageSeconds: number;
  /** Bytes of each file the stage wrote. */
  sizes: Map<string, number>;
}

export async function timeSegregation(dataDir: string, log: (line: string) => void = () => {}): Promise<SegregationTiming> {
  const quiet = () => {};
  const inputs = await findInputFiles(dataDir, {}, quiet);
  const base = await readGeography(inputs, ENGLAND, quiet, quiet);
  const sources = await readSources(base, quiet);
  const { ctx } = harmoniseSources(sources, base, quiet);
  // The adapter read again, alone (the LSOA 2011 → 2021 lookup it needs is already read).
  let started = performance.now();
  await segregationAdapter.read(ctx, quiet);
  const readSeconds = (performance.now() - started) / 1000;
  const scratch = mkdtempSync(join(tmpdir(), 'segregation-bench-'));
  const output = new OutputFolder(join(scratch, 'out', 'data'));
  try {
    started = performance.now();
    buildSegregation(sources, ctx, output, log);
    const stageSeconds = (performance.now() - started) / 1000;
    return { readSeconds, stageSeconds, sizes: new Map(output.sizes) };
  } finally {
    output.abort();
    rmSync(scratch, { recursive: true, force: true });
  }
}
