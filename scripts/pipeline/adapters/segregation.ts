/**
 * The segregation layers (src/config/catalogue/segregation.ts) are computed,
 * not stored: their figures come from the census counts of small units, which
 * the census adapters already read (TS021 and Census 2011 by LSOA in
 * censusEthnicity.ts, TS030 in censusReligion.ts). This adapter reads only
 * what they do not: Census 2011 by Output Area 2011 and the OA 2011 →
 * LSOA 2011 lookup (segregation/oa2011.ts). The unit tables, the indices and
 * the downloads are made by the segregation stage (stages/segregation.ts);
 * the generic derive stage skips computed layers, so `level` gives nothing.
 */
import { readCsv } from '../csv.ts';
import { recordSkipped } from '../model.ts';
import { parseCensus2011Oa, parseOa11Lookup, type Census2011Oa } from '../segregation/oa2011.ts';
import { readLsoa11Lookup } from './iod2019.ts';
import type { SourceAdapter } from './types.ts';

export interface SegregationSource {
  /** Census 2011 by Output Area 2011 (with its LSOA 2011), when the OA file, both lookups and the LSOA 2011 file were found. */
  oa2011?: Census2011Oa;
}

export const segregationAdapter: SourceAdapter<SegregationSource, SegregationSource> = {
  inputs: ['census2011_oa', 'oa11_lookup'],
  async read(ctx, note) {
    const oaInput = ctx.inputs.census2011_oa;
    const lookupInput = ctx.inputs.oa11_lookup;
    if (!oaInput || !lookupInput) {
      const missing = [!oaInput && 'Census 2011 ethnic group by Output Area 2011', !lookupInput && 'the OA 2011 → LSOA 2011 lookup'].filter(Boolean).join(' and ');
      ctx.warn(`no ${missing} was found: segregation over Output Areas (Census 2011) is not built`);
      return {};
    }
    if (!ctx.inputs.census2011 || !ctx.inputs.lsoa11_lsoa21) {
      ctx.warn(`Census 2011 by Output Area (${oaInput.name}) needs the Census 2011 LSOA file and the LSOA 2011 → 2021 lookup: segregation over Output Areas is not built`);
      return {};
    }
    const lsoa11 = (await readLsoa11Lookup(ctx, note))!;
    const lookup = parseOa11Lookup(await readCsv(lookupInput.path, lookupInput.name), lsoa11);
    recordSkipped(ctx, note, { file: lookup.file, what: 'rows outside England', examples: lookup.skippedOutsideEngland });
    const oa2011 = parseCensus2011Oa(await readCsv(oaInput.path, oaInput.name), lookup);
    recordSkipped(ctx, note, { file: oa2011.file, what: 'rows outside England', examples: oa2011.skippedOutsideEngland });
    note(`Census 2011 ethnic group by Output Area: ${oa2011.codes.length} OAs 2011 checked against ${lookup.file} (groups add up to Persons)`);
    return { oa2011 };
  },
  harmonise: (source) => source,
  // Computed layers have no stored values: the segregation stage makes their files.
  level: () => undefined,
};
