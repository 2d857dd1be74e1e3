/**
 * `npm run data -- [options]`: builds public/data/ from the official files.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { InputError } from './errors.ts';
import { SOURCE_FLAGS, SOURCE_IDS, SOURCES, type SourceId } from './inputs.ts';
import { runPipeline } from './run.ts';

const USAGE = `Usage: npm run data -- [--data <folder>] [--out <folder>] [--<input> <file> …]

Builds the app's data (vector tiles, indicator files, CSV downloads) from the
official files.

  --data <folder>   folder holding the downloaded files (searched recursively);
                    default: $DATA_DIR, else ../shared/data
  --out <folder>    output folder; default: public/data
  --expect-lsoas N  number of English LSOAs the lookup must have (default 33755);
                    change it only for a new national vintage, never for a subset:
                    IoD ranks and deciles are national, so every file must be national
  --expect-lads N   number of authorities it must have (default 296, LAD 2024)
  --expect-lsoa11s N  number of English LSOAs 2011 the 2011 → 2021 lookup and the
                    IoD 2019 must have (default 32844)
${SOURCE_IDS.map((id) => `  --${SOURCE_FLAGS[id].padEnd(13)} <file>  ${SOURCES[id].title.split(':')[0]}`).join('\n')}
  --stats <file>    also write the wall time and peak memory as JSON (for npm run bench)
  --help            this text
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      'expect-lsoas': { type: 'string' },
      'expect-lads': { type: 'string' },
      'expect-lsoa11s': { type: 'string' },
      stats: { type: 'string' },
      help: { type: 'boolean' },
      ...Object.fromEntries(SOURCE_IDS.map((id) => [SOURCE_FLAGS[id], { type: 'string' as const }])),
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const files: Partial<Record<SourceId, string>> = {};
  for (const id of SOURCE_IDS) {
    const value = (values as Record<string, unknown>)[SOURCE_FLAGS[id]];
    if (typeof value === 'string') files[id] = resolve(value);
  }
  const count = (flag: 'expect-lsoas' | 'expect-lads' | 'expect-lsoa11s') => {
    const text = values[flag];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} needs a whole number, not "${text}"`);
    return n;
  };
  const dataDir = resolve(values.data ?? process.env.DATA_DIR ?? '../shared/data');
  const outDir = resolve(values.out ?? 'public/data');
  console.log(`Data folder: ${dataDir}\nOutput folder: ${outDir}\n`);
  const result = await runPipeline({
    dataDir,
    outDir,
    files,
    expected: { lsoas: count('expect-lsoas'), lads: count('expect-lads'), lsoa11s: count('expect-lsoa11s') },
  });
  // maxRSS is the peak resident memory of this process, in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak memory ${peakMb.toFixed(0)} MB`);
  if (values.stats) writeFileSync(values.stats, JSON.stringify({ seconds: result.seconds, peakMemoryMb: peakMb }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof InputError) {
      console.error(`\nThe build stopped: a problem with an input file.\n  ${error.message}\nThe previous output, if any, is unchanged.`);
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
    } else {
      console.error(`\nThe build failed:`, error);
    }
    process.exit(1);
  },
);
