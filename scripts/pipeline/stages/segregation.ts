/**
 * Segregation stage (issue 13): the computed layers of
 * src/config/catalogue/segregation.ts. From the census counts the census
 * adapters have read (and the Output Area file the segregation adapter has),
 * it
 *
 *   1. makes the unit tables (segregation/units.ts): every small unit's
 *      counts with its 2024 ward and authority, 2011 units placed through
 *      OA → LSOA 2011 → LSOA 2021 → ward, counting what cannot be placed;
 *   2. writes them, segregation/<grouping>/<release>/<scale>.json, for the app;
 *   3. computes every measure of the catalogue's ward and authority levels,
 *      for every comparison and release, with the app's own code
 *      (src/stats/segregation/areaMeasures.ts), into ward_segregation.csv
 *      and lad_segregation.csv (segregation/downloads.ts), with their section
 *      of the column dictionary;
 *   4. says what was built for the manifest (levels, releases, measures and
 *      the areas without a 2011 figure).
 *
 * The generic derive stage skips these layers (they have no stored values).
 */
import { SEGREGATION_LAYERS } from '../../../src/config/catalogue/segregation.ts';
import { LAYERS } from '../../../src/config/catalogue/index.ts';
import { CHANGE_SUFFIX, SEGREGATION_RULES } from '../../../src/stats/segregation/areaMeasures.ts';
import { dataPaths, type BuiltLayer } from '../../../src/data/schema.ts';
import type { CensusSource } from '../adapters/censusEthnicity.ts';
import type { CensusCounts } from '../adapters/censusGroups.ts';
import { unplacedReason } from '../adapters/census2011.ts';
import type { SegregationSource } from '../adapters/segregation.ts';
import type { Note } from '../adapters/types.ts';
import type { SourceId } from '../inputs.ts';
import { recordSkipped, type Gap, type HarmonisedContext } from '../model.ts';
import type { OutputFolder } from '../output.ts';
import { checkOaAgainstLsoa } from '../segregation/oa2011.ts';
import { segregationCsv, segregationReadme, segregationTable } from '../segregation/downloads.ts';
import { buildUnitTables, unitsFile, type GroupingUnits } from '../segregation/units.ts';

export interface SegregationResult {
  /** manifest.layers entries, by layer id. */
  layers: Record<string, BuiltLayer>;
  /** The inputs the figures come from (for the manifest's sources). */
  inputs: SourceId[];
  /** Section of downloads/README.md ('' when nothing was built). */
  readme: string;
  seconds: number;
}

/** Builds, writes and describes the segregation layers. */
export function buildSegregation(sources: ReadonlyMap<string, unknown>, ctx: HarmonisedContext, output: OutputFolder, note: Note): SegregationResult {
  const started = performance.now();
  const ethnicity = sources.get('census-ethnicity') as CensusSource | undefined;
  const religion = sources.get('census-religion') as CensusCounts | undefined;
  let oa2011 = (sources.get('segregation') as SegregationSource | undefined)?.oa2011;
  if (oa2011 && !ethnicity?.census2011) {
    ctx.warn(`Census 2011 by Output Area (${oa2011.file}) is not used: the Census 2011 LSOA file was not read, so there is no 2011 release of segregation`);
    oa2011 = undefined;
  }
  if (oa2011 && ethnicity?.census2011) checkOaAgainstLsoa(oa2011, ethnicity.census2011.table);

  const groupings = buildUnitTables({
    geography: ctx.geography,
    ladOfLsoa: ctx.ladOfLsoa,
    ethnicity2021: ethnicity?.census2021,
    religion2021: religion,
    ethnicity2011: ethnicity?.census2011,
    oa2011,
  });
  if (groupings.length === 0) {
    ctx.warn('no Census 2021 ethnic group or religion file: the segregation layers are not built');
    return { layers: {}, inputs: [], readme: '', seconds: (performance.now() - started) / 1000 };
  }

  // 1–2. Unit tables, and what could not be placed.
  const gaps: Gap[] = [];
  for (const units of groupings) {
    for (const release of units.releases) {
      for (const table of Object.values(units.tables[release])) {
        output.writeJson(dataPaths.segregationUnits(units.grouping.id, release, table.scale), unitsFile(table));
        const incomplete = table.incomplete;
        if (table.scale === 'oa') {
          recordSkipped(ctx, note, {
            file: oa2011!.file,
            what: 'Output Areas 2011 in an LSOA 2011 split across wards or redrawn (CHGIND X): not placed in a ward, and the wards they touch have no 2011 segregation figure',
            examples: table.unplaced.ward,
          });
        }
        if (table.scale === 'lsoa' && release === '2011') {
          for (const level of ['ward', 'lad'] as const) {
            if (incomplete[level].length > 0) {
              gaps.push({ level, release, count: incomplete[level].length, reason: unplacedReason(level, incomplete[level].length, table.unplaced[level]) });
            }
          }
          note(
            `Census 2011 units: ${table.codes.length} LSOAs 2011${units.tables[release].oa ? ` and ${units.tables[release].oa!.codes.length} OAs 2011` : ''}; ` +
              `${table.unplaced.ward.length} LSOAs 2011 not placed in one ward → ${incomplete.ward.length} of ${ctx.geography.ward.codes.length} wards and ` +
              `${incomplete.lad.length} of ${ctx.geography.lad.codes.length} authorities without a 2011 figure`,
          );
        }
      }
    }
  }

  const unitsSeconds = (performance.now() - started) / 1000;
  // 3. The downloads.
  let figuresSeconds = 0;
  const tables = (['ward', 'lad'] as const).map((level) => {
    const computing = performance.now();
    const table = segregationTable(level, groupings, ctx.geography);
    figuresSeconds += (performance.now() - computing) / 1000;
    output.write(dataPaths.segregationDownload(level), segregationCsv(table, ctx.geography));
    return table;
  });
  const readme = segregationReadme(tables, gaps);
  note(
    (['ward', 'lad'] as const).map((level) => `${level}_segregation.csv ${(output.sizes.get(dataPaths.segregationDownload(level))! / 1e6).toFixed(1)} MB`).join(', '),
  );

  // 4. The manifest's record: every computed layer of the catalogue made from these unit tables
  // (the segregation layers, and any other layer drawn from them, such as dot density).
  const layers: Record<string, BuiltLayer> = {};
  for (const entry of LAYERS.filter((layer) => layer.adapter === 'segregation' && layer.computed)) {
    const units = groupings.find((u) => u.grouping.id === entry.computed!.grouping);
    if (!units) continue;
    const levels: BuiltLayer['levels'] = {};
    for (const level of ['lsoa', 'ward', 'lad'] as const) {
      const spec = entry.levels[level];
      if (!spec) continue;
      const releases = spec.releases.filter((r) => units.releases.includes(r));
      const available = (id: string, release: string) => {
        const change = id.endsWith(CHANGE_SUFFIX);
        const rule = SEGREGATION_RULES[level][change ? id.slice(0, -CHANGE_SUFFIX.length) : id];
        // A measure that is not an index (dots' residents) is the counts themselves.
        if (!rule) return Object.keys(units.tables[release]).length > 0;
        const r = units.releases.indexOf(release);
        if (!units.tables[release][rule.needs]) return false;
        return !change || (r > 0 && units.tables[units.releases[r - 1]][rule.needs] !== undefined);
      };
      const measures = spec.measures.map((m) => m.id).filter((id) => releases.some((release) => available(id, release)));
      if (releases.length > 0 && measures.length > 0) levels[level] = { releases, measures };
    }
    const layerGaps = SEGREGATION_LAYERS.includes(entry) ? gaps.filter((g) => units.releases.includes(g.release) && levels[g.level]) : [];
    layers[entry.id] = { levels, ...(layerGaps.length ? { gaps: layerGaps } : {}) };
  }
  const inputs: SourceId[] = [];
  if (groupings.some((u: GroupingUnits) => u.grouping.id === 'ethnicity')) inputs.push('census');
  if (groupings.some((u) => u.releases.includes('2011'))) inputs.push('census2011', 'lsoa11_lsoa21');
  if (oa2011) inputs.push('census2011_oa', 'oa11_lookup');
  if (religion) inputs.push('census_religion');
  const seconds = (performance.now() - started) / 1000;
  note(`${Object.keys(layers).join(', ')} in ${seconds.toFixed(1)} s (unit tables ${unitsSeconds.toFixed(1)} s, figures ${figuresSeconds.toFixed(1)} s, CSV ${(seconds - unitsSeconds - figuresSeconds).toFixed(1)} s)`);
  return { layers, inputs, readme, seconds };
}
